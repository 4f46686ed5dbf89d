/** fast-check arbitraries shared by the property tests (needs the CustomFunctions stub installed first). */
import fc from "fast-check";

/** Every kind of value a cell can hand a custom function. */
export const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0, huge and tiny
  fc.double({ min: -5, max: 110, noNaN: true }),
  fc.integer({ min: -10, max: 5000 }),
  fc.constantFrom(0, -0, 1, 0.5, 25, 50, 7, 1000, 55, 60, 65, 70, 75, 100, Number.MIN_VALUE, Number.MAX_VALUE, 1e-300, 1e300),
  fc.double({ min: 0, max: 100, noNaN: true }).map((n) => String(n)), // numeric text
  fc.constantFrom(" 72 ", "72%", "72,5", "1,000", "0.72", "1e2", "-3", "abc", "TRUE", "", "   ", "#N/A", "٣", "Infinity", "NaN", "0x10", "1,00"),
  fc.string(),
  fc.boolean(),
  fc.constantFrom(null, undefined, ""),
  fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }, new (CustomFunctions.Error as unknown as new (c: string, m: string) => object)("#VALUE!", "upstream")),
);

