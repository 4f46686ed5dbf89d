// What Excel makes of a string written through Range.values / Range.formulas (src/preview/standIn/typedEntry.ts):
// read as if typed, unless the cell is Text ("@") or the string starts with an apostrophe.
import { ExcelStandIn } from "../../src/preview/standIn";
import { dateSerial, typedEntry } from "../../src/preview/standIn/typedEntry";
import { editText } from "../../src/preview/cellEdit";

describe("typedEntry", () => {
  it("numbers: decimals, leading zeros lost, thousands commas, exponent, signs and spaces", () => {
    expect(typedEntry("4.10")).toEqual({ value: 4.1 });
    expect(typedEntry("01")).toEqual({ value: 1 });
    expect(typedEntry(" 72 ")).toEqual({ value: 72 });
    expect(typedEntry("-3.5")).toEqual({ value: -3.5 });
    expect(typedEntry("+5")).toEqual({ value: 5 });
    expect(typedEntry("1,000")).toEqual({ value: 1000, numberFormat: "#,##0" });
    expect(typedEntry("12,345.60")).toEqual({ value: 12345.6, numberFormat: "#,##0.00" });
    expect(typedEntry("1e3")).toEqual({ value: 1000, numberFormat: "0.00E+00" });
    expect(typedEntry("1e999")).toBeNull();
  });
  it("percentages and booleans", () => {
    expect(typedEntry("12%")).toEqual({ value: 0.12, numberFormat: "0%" });
    expect(typedEntry("12.5%")).toEqual({ value: 0.125, numberFormat: "0.00%" });
    expect(typedEntry("TRUE")).toEqual({ value: true });
    expect(typedEntry("false")).toEqual({ value: false });
  });
  it("dates (en-GB day/month order) and times", () => {
    const year = new Date().getFullYear();
    expect(dateSerial(2018, 12, 31)).toBe(43465);
    expect(dateSerial(1900, 1, 1)).toBe(1);
    expect(dateSerial(1900, 3, 1)).toBe(61);
    expect(typedEntry("2018-12-31")).toEqual({ value: 43465, numberFormat: "m/d/yyyy" });
    expect(typedEntry("2008-09")).toEqual({ value: dateSerial(2008, 9, 1), numberFormat: "mmm-yy" });
    expect(typedEntry("31/12/2018")).toEqual({ value: 43465, numberFormat: "m/d/yyyy" });
    expect(typedEntry("1/2")).toEqual({ value: dateSerial(year, 2, 1), numberFormat: "d-mmm" });
    expect(typedEntry("1 Sep 2008")).toEqual({ value: dateSerial(2008, 9, 1), numberFormat: "d-mmm-yy" });
    expect(typedEntry("Sep-08")).toEqual({ value: dateSerial(2008, 9, 1), numberFormat: "mmm-yy" });
    expect(typedEntry("September 2008")).toEqual({ value: dateSerial(2008, 9, 1), numberFormat: "mmm-yy" });
    expect(typedEntry("10:30")).toEqual({ value: 10.5 / 24, numberFormat: "h:mm" });
  });
  it("text stays text: words, impossible dates, codes with letters, formulas (range.ts's)", () => {
    for (const t of ["Recommendation", "31/02/2008", "2008-13", "R4.10a", "4.10.2", "12,5", "=1+1", "", "Sept", "May contain", "1 in 5"]) expect(typedEntry(t)).toBeNull();
  });
});

describe("Range.values and Range.formulas read a string as typed", () => {
  async function write(values: unknown[][], numberFormat?: string[][], via: "values" | "formulas" = "values") {
    const x = new ExcelStandIn().addSheet("S");
    await x.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange(`A1:A${values.length}`);
      if (numberFormat) r.numberFormat = numberFormat;
      r[via] = values;
      await ctx.sync();
    });
    return x;
  }
  it("a General cell: numbers, percentages, booleans and dates change, with the number format Excel gives", async () => {
    const x = await write([["4.10"], ["01"], ["12%"], ["TRUE"], ["2008-09"], ["a note"]]);
    expect(x.getValues("S", "A1:A6")).toEqual([[4.1], [1], [0.12], [true], [dateSerial(2008, 9, 1)], ["a note"]]);
    expect(x.cell("S", "A3").numberFormat).toBe("0%");
    expect(x.cell("S", "A5").numberFormat).toBe("mmm-yy");
    const f = await write([["4.10"], ["2008-09"]], undefined, "formulas");
    expect(f.getValues("S", "A1:A2")).toEqual([[4.1], [dateSerial(2008, 9, 1)]]);
  });
  it("a leading apostrophe keeps the text (without the apostrophe); a Text (@) cell keeps it as written", async () => {
    const x = await write([["'4.10"], ["'2008-09"], ["'-note"]]);
    expect(x.getValues("S", "A1:A3")).toEqual([["4.10"], ["2008-09"], ["-note"]]);
    expect(x.cell("S", "A2").numberFormat).toBeUndefined();
    const t = await write([["4.10"], ["01"], ["=1+1"]], [["@"], ["@"], ["@"]]);
    expect(t.getValues("S", "A1:A3")).toEqual([["4.10"], ["01"], ["=1+1"]]);
    expect(t.cell("S", "A3").formula).toBeUndefined();
  });
  it("a cell with a number format of its own keeps it", async () => {
    const x = await write([["12%"]], [["0.0"]]);
    expect(x.cell("S", "A1")).toEqual({ value: 0.12, numberFormat: "0.0" });
  });
});

describe("typing into the preview's grid follows the same rule (ExcelStandIn.enter, as Range.values)", () => {
  it("numbers, percentages, dates and formulas change as written through Range.values; an apostrophe keeps text; an empty entry clears", () => {
    const x = new ExcelStandIn().addSheet("S");
    ["4.10", "12%", "2008-09", "'01", "=1+1", "a note", "-"].forEach((t, i) => x.enter("S", i, 0, t));
    const got = x.getValues("S", "A1:A7");
    expect([...got.slice(0, 4), ...got.slice(5)]).toEqual([[4.1], [0.12], [dateSerial(2008, 9, 1)], ["01"], ["a note"], ["-"]]);
    expect(x.cell("S", "A3").numberFormat).toBe("mmm-yy");
    expect(x.cell("S", "A5").formula).toBe("=1+1");
    x.enter("S", 0, 0, "");
    expect(x.getValues("S", "A1")).toEqual([[""]]);
  });
  it("the formula bar shows text that typing would change with its apostrophe, so committing it unchanged keeps it text", () => {
    expect(editText("2008-09", undefined)).toBe("'2008-09");
    expect(editText("4.10", undefined)).toBe("'4.10");
    expect(editText("-note", undefined)).toBe("'-note");
    expect(editText("a note", undefined)).toBe("a note");
    expect(editText(4.1, undefined)).toBe("4.1");
    const x = new ExcelStandIn().addSheet("S");
    x.enter("S", 0, 0, editText("2008-09", undefined));
    expect(x.getValues("S", "A1")).toEqual([["2008-09"]]);
  });
});
