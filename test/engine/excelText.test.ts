// Excel's cell text rules in one home (src/engine/excelText.ts): error values and number text.
import fc from "fast-check";
import { DECIMAL_COMMA_NUMBER, EXCEL_ERROR_CODES, excelErrorCode, isExcelErrorCode, numberText, parseNumber } from "../../src/engine";

describe("Excel error values", () => {
  it("lists Excel's errors once each", () => {
    expect(EXCEL_ERROR_CODES).toEqual(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!", "#BUSY!", "#GETTING_DATA", "#FIELD!", "#CONNECT!", "#BLOCKED!", "#UNKNOWN!"]);
    expect(new Set(EXCEL_ERROR_CODES).size).toBe(EXCEL_ERROR_CODES.length);
  });
  it("isExcelErrorCode is exact; excelErrorCode ignores case and spaces", () => {
    expect(EXCEL_ERROR_CODES.every(isExcelErrorCode)).toBe(true);
    expect(["#n/a", " #N/A", "#N/A ", "N/A", "#", "", null, 1].map(isExcelErrorCode)).toEqual([false, false, false, false, false, false, false, false]);
    expect([" #n/a ", "#div/0!", "#Value!", "#N/A", "N/A", "#NA", "#N/A!", "text"].map(excelErrorCode)).toEqual(["#N/A", "#DIV/0!", "#VALUE!", "#N/A", null, null, null, null]);
  });
  it("the engine reports an error value in any of its forms", () => {
    for (const code of EXCEL_ERROR_CODES) {
      expect(parseNumber(code.toLowerCase(), "score", "Score")).toMatchObject({ ok: false, error: { code: "invalid", message: `Score holds the error ${code}, not a number.` } });
    }
  });
});

describe("number text", () => {
  it("reads plain numbers, thousands commas and a trailing %", () => {
    expect(numberText(" 72 ")).toEqual({ value: 72, percentSign: false });
    expect(numberText("-1,500.25")).toEqual({ value: -1500.25, percentSign: false });
    expect(numberText("12.5 %")).toEqual({ value: 12.5, percentSign: true });
    expect(numberText("1,000%")).toEqual({ value: 1000, percentSign: true });
    expect(numberText("+.5e2")).toEqual({ value: 50, percentSign: false });
    expect(numberText("5.")).toEqual({ value: 5, percentSign: false });
    expect(numberText("1e999")).toEqual({ value: Infinity, percentSign: false });
  });
  it("refuses anything else", () => {
    for (const t of ["", "-", "+", ".", "%", "1,00", "12,5", "1,000,00", "1 000", "0x10", "Infinity", "NaN", "1e", "e5", "1..2", "--1", "1%%", "£5", "5£"]) expect(numberText(t)).toBeNull();
    expect(DECIMAL_COMMA_NUMBER.test("12,5")).toBe(true);
    expect(DECIMAL_COMMA_NUMBER.test("1,000")).toBe(true); // also thousands: the engine reads those first
  });
  it("property: any finite number JavaScript writes reads back as itself, with or without %", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), (x, pct) => {
        const n = numberText(`${String(x)}${pct ? "%" : ""}`);
        return n !== null && Object.is(n.value, x === 0 ? Number(String(x)) : x) && n.percentSign === pct;
      }),
      { numRuns: 20_000 },
    );
  });
});
