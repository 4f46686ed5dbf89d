// The stand-in's selection and recalculation (what the browser preview relies on), the formula
// evaluator's `&`, and the preview's number formats.
import { ExcelStandIn, standInContext } from "../../src/preview/standIn";
import { evaluateFormulaText, type FormulaContext } from "../../src/preview/formulas";
import { formatValue } from "../../src/preview/numberFormat";

/** An evaluator with one function, DOUBLE(range) → each cell × 2 (a spill), over the stand-in's own cells. */
function book() {
  const x: ExcelStandIn = new ExcelStandIn({
    evaluateFormula: (formula, at) =>
      evaluateFormulaText(formula, {
        sheet: at.sheet,
        cell: (s, r, c) => x.model.sheet(s)?.value(r, c) ?? null,
        functions: new Map([["DOUBLE", (m: unknown) => (m as number[][]).map((row) => row.map((v) => (typeof v === "number" ? v * 2 : 0)))]]),
        namespace: "T",
      }),
  });
  x.addSheet("S").setValues("S", "A1", [[1], [2], [3]]);
  return x;
}

describe("selection", () => {
  it("getSelectedRange and getActiveCell follow select(); range.select() moves it and activates the sheet", async () => {
    const x = book().addSheet("Other");
    x.select("S", "A2:B3");
    expect(x.selection()).toEqual({ sheet: "S", address: "A2:B3" });
    const seen = await x.run(async (ctx) => {
      const sel = ctx.workbook.getSelectedRange().load("address,rowIndex");
      const cell = ctx.workbook.getActiveCell().load("address");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Other").getRange("C5").select();
      await ctx.sync();
      return [sel.address, sel.rowIndex, cell.address];
    });
    expect(seen).toEqual(["S!A2:B3", 1, "S!A2"]);
    expect(x.selection()).toEqual({ sheet: "Other", address: "C5" });
  });
});

describe("typed as Office.js (the docs' signatures)", () => {
  it("sync() resolves to its pass-through value", async () => {
    expect(await book().run((ctx) => ctx.sync("through"))).toBe("through");
  });
  it("worksheets.add() without a name gives the sheet one (the first free Sheet<n> from the count + 1)", async () => {
    const x = book().addSheet("Sheet3");
    const name = await x.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add().load("name");
      await ctx.sync();
      return sheet.name;
    });
    expect([name, x.sheetNames()]).toEqual(["Sheet4", ["S", "Sheet3", "Sheet4"]]);
  });
  it("tables.add, charts.add, chart.setPosition and names.add take a Range as well as an address", async () => {
    const x = book();
    await x.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("S");
      sheet.tables.add(sheet.getRange("A1:A3"), false);
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:A3"), "Auto");
      chart.setPosition(sheet.getRange("C1"), "F9");
      ctx.workbook.names.add("Scores", sheet.getRange("A1:A3"));
      await ctx.sync();
    });
    const s = x.model.sheet("S")!;
    expect(s.tables.map((t) => [t.rect, t.showHeaders])).toEqual([[{ row: 0, column: 0, rows: 3, columns: 1 }, false]]);
    expect([x.charts("S").map((c) => c.source), s.charts[0].position]).toEqual([["S!A1:A3"], ["S!C1", "F9"]]);
    expect(x.names()).toEqual([{ name: "Scores", address: "S!A1:A3" }]);
  });
  it("a range that is not the stand-in's is refused when the request runs; a context that is not its own, at once", async () => {
    const x = book();
    const notOurs = {} as Excel.Range;
    await expect(x.run(async (ctx) => {
      ctx.workbook.names.add("Elsewhere", notOurs);
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(() => standInContext({} as Excel.RequestContext)).toThrow(/not the stand-in's/);
  });
});

describe("recalculate", () => {
  it("re-evaluates every formula and re-spills after its inputs change", () => {
    const x = book();
    x.setValues("S", "B1", [["=T.DOUBLE(A1:A3)"]]);
    expect(x.getValues("S", "B1:B3")).toEqual([[2], [4], [6]]);
    x.setCell("S", 1, 0, 10);
    expect(x.getValues("S", "B2")).toEqual([[4]]); // not until recalculated
    expect(x.recalculate()).toBe(1);
    expect(x.getValues("S", "B1:B3")).toEqual([[2], [20], [6]]);
    expect(x.spills("S")).toEqual([{ anchor: "B1", rows: 3, columns: 1 }]);
  });
  it("a value typed into a spilled cell blocks the spill (#SPILL!); clearing it lets the formula spill again", () => {
    const x = book();
    x.setValues("S", "B1", [["=T.DOUBLE(A1:A3)"]]);
    x.setCell("S", 2, 1, "mine");
    expect(x.getValues("S", "B2:B3")).toEqual([[""], ["mine"]]);
    x.recalculate();
    expect(x.getValues("S", "B1:B3")).toEqual([["#SPILL!"], [""], ["mine"]]);
    x.setCell("S", 2, 1, "");
    x.recalculate();
    expect(x.getValues("S", "B1:B3")).toEqual([[2], [4], [6]]);
  });
  it("setCell keeps a file's formula and cached value without evaluating it", () => {
    const x = book();
    x.setCell("S", 0, 3, 42, "SUM(A1:A3)", "0.0");
    expect(x.cell("S", "D1")).toEqual({ value: 42, formula: "=SUM(A1:A3)", numberFormat: "0.0" });
  });
});

describe("formula evaluator: &", () => {
  const ctx: FormulaContext = {
    sheet: "S",
    cell: (_s, r) => [["a"], ["b"]][r]?.[0] ?? null,
    functions: new Map([["TWO", () => [["x"], ["y"]]], ["BAD", () => [[{ code: "#N/A", message: "nope" }], ["ok"]]]]),
    namespace: "T",
  };
  it("joins text, numbers and booleans; arrays cell by cell; an error in a cell stays that cell's error", () => {
    expect(evaluateFormulaText('="n=" & 1.5 & "; " & TRUE', ctx)).toBe("n=1.5; TRUE");
    expect(evaluateFormulaText('=T.TWO() & "-" & A1:A2', ctx)).toEqual([["x-a"], ["y-b"]]);
    expect(evaluateFormulaText('=T.BAD() & "!"', ctx)).toEqual([[{ error: "#N/A", message: "nope" }], ["ok!"]]);
  });
});

describe("preview number formats", () => {
  it.each([
    [280000, "£#,##0", "£280,000"],
    [0, "£#,##0", "£0"],
    [0.725, "0.0%", "72.5%"],
    [1234.5, "#,##0.00", "1,234.50"],
    [-3, "0;(0)", "(3)"],
    [12.34567, "General", "12.34567"],
    [45000, "yyyy-mm-dd", "2023-03-15"],
    ["text", "0.0", "text"],
    [true, undefined, "TRUE"],
  ])("%p as %p → %p", (v, f, out) => expect(formatValue(v, f)).toBe(out));
});
