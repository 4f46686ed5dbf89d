/**
 * A1 column letters and references (src/engine/a1.ts), the one home of the rule every shell uses:
 * every column of a sheet against an independent listing of Excel's names, and fast-check
 * properties of letters, sheet names and blocks.
 */
import fc from "fast-check";
import { MAX_COLUMNS, MAX_ROWS, columnLetter, columnNumber, parseBlock, quoteSheet, unquoteSheet } from "../../src/engine";

const RUNS = Math.min(Number(process.env.COHESION_FC_RUNS || 20_000), 20_000);
const ABC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Excel's column names in order, listed by length then alphabetically: A … Z, AA … ZZ, AAA … XFD. */
function referenceNames(): string[] {
  const out = [...ABC];
  for (const a of ABC) for (const b of ABC) out.push(a + b);
  for (const a of ABC) for (const b of ABC) for (const c of ABC) out.push(a + b + c);
  return out.slice(0, MAX_COLUMNS);
}

describe("column letters", () => {
  it("a sheet is 1,048,576 rows by 16,384 columns, A to XFD", () => {
    expect(MAX_ROWS).toBe(2 ** 20);
    expect(MAX_COLUMNS).toBe(2 ** 14);
    expect(columnLetter(MAX_COLUMNS)).toBe("XFD");
    expect(columnNumber("XFD")).toBe(MAX_COLUMNS);
  });

  it("names columns like Excel", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
    expect(["A", "z", "Aa", "AZ", "aaa"].map(columnNumber)).toEqual([1, 26, 27, 52, 703]);
  });

  it("every column 1 … 16,384: number → letters matches the listing, and letters → number → letters round-trips", () => {
    const names = referenceNames();
    expect(names[names.length - 1]).toBe("XFD");
    for (let n = 1; n <= MAX_COLUMNS; n++) {
      const l = columnLetter(n);
      if (l !== names[n - 1]) throw new Error(`columnLetter(${n}) = ${l}, Excel: ${names[n - 1]}`);
      if (columnNumber(l) !== n) throw new Error(`columnNumber(${l}) = ${columnNumber(l)}, not ${n}`);
      if (columnNumber(l.toLowerCase()) !== n) throw new Error(`columnNumber(${l.toLowerCase()}) = ${columnNumber(l.toLowerCase())}, not ${n}`);
    }
  });

  it("no letters below column 1; NaN for text that is not letters", () => {
    expect([0, -1, -27].map(columnLetter)).toEqual(["", "", ""]);
    expect(["", "A1", "$A", "Ä", "A B", "@", "["].map(columnNumber)).toEqual([NaN, NaN, NaN, NaN, NaN, NaN, NaN]);
  });

  it("property: any 1–4 letters in any case → number → letters gives them back in capitals; number → letters → number for any column", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ABC, ...ABC.toLowerCase()), { minLength: 1, maxLength: 4 }), (chars) => {
        const s = chars.join("");
        const n = columnNumber(s);
        const ref = [...s.toUpperCase()].reduce((acc, ch) => acc * 26 + ABC.indexOf(ch) + 1, 0);
        return n === ref && columnLetter(n) === s.toUpperCase();
      }),
      { numRuns: RUNS },
    );
    fc.assert(fc.property(fc.integer({ min: 1, max: 26 ** 4 }), (n) => columnNumber(columnLetter(n)) === n), { numRuns: RUNS });
  });
});

describe("sheet names and blocks", () => {
  it("quotes a sheet's name only when it must be, and reads it back", () => {
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("My sheet")).toBe("'My sheet'");
    expect(quoteSheet("Bob's")).toBe("'Bob''s'");
    // Names that read as a cell reference are quoted, as Excel writes them.
    for (const cellLike of ["AB12", "R1C1", "r2c3", "R", "C", "C2", "XFD1048576"]) expect(quoteSheet(cellLike)).toBe(`'${cellLike}'`);
    for (const plain of ["Summary", "Data_2008", "ABCD12", "Rural", "Indicators"]) expect(quoteSheet(plain)).toBe(plain);
    expect(unquoteSheet("'Bob''s'")).toBe("Bob's");
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 31 }), (name) => unquoteSheet(quoteSheet(name)) === name), { numRuns: RUNS });
  });

  it("parses a cell or a block, either way round, with or without $", () => {
    expect(parseBlock("B2:D4")).toEqual({ row: 2, column: 2, lastRow: 4, lastColumn: 4 });
    expect(parseBlock("$D$4:$b$2")).toEqual({ row: 2, column: 2, lastRow: 4, lastColumn: 4 });
    expect(parseBlock(" XFD1048576 ")).toEqual({ row: MAX_ROWS, column: MAX_COLUMNS, lastRow: MAX_ROWS, lastColumn: MAX_COLUMNS });
    expect(["", "A", "1", "A1:", "Sheet1!A1", "ABCD1", "A1:B"].map(parseBlock)).toEqual([null, null, null, null, null, null, null]);
  });

  it("property: a block written from its corners parses back to them", () => {
    const corner = fc.record({ row: fc.integer({ min: 1, max: MAX_ROWS }), column: fc.integer({ min: 1, max: MAX_COLUMNS }) });
    fc.assert(
      fc.property(corner, corner, fc.boolean(), (a, b, dollars) => {
        const d = dollars ? "$" : "";
        const got = parseBlock(`${d}${columnLetter(a.column)}${d}${a.row}:${d}${columnLetter(b.column)}${d}${b.row}`);
        return (
          got !== null &&
          got.row === Math.min(a.row, b.row) &&
          got.lastRow === Math.max(a.row, b.row) &&
          got.column === Math.min(a.column, b.column) &&
          got.lastColumn === Math.max(a.column, b.column)
        );
      }),
      { numRuns: RUNS },
    );
  });
});
