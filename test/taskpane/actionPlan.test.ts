/**
 * The Action plan's workbook functions (src/taskpane/excel.ts) against the in-memory stand-in:
 * the plan goes on a new sheet (a new name when taken), as an Excel table with the Annex F columns,
 * and no existing cell is touched.
 */
import { buildActionPlan, PLAN_COLUMNS, recommendActions } from "../../src/engine";
import { ExcelStandIn } from "../../src/preview/excelStandIn";
import { createActionPlanTools, uniqueSheetName, type ExcelRun } from "../../src/taskpane/excel";

const plan = () => {
  const r = recommendActions(["I01", "I02"]);
  if (!r.ok) throw new Error(r.error.message);
  return buildActionPlan(r.value, { area: "Ashbury", inputs: [{ label: "Family type", value: "4" }], date: "2026-11-22" });
};

function book() {
  const x = new ExcelStandIn();
  x.addSheet("Indicators").setValues("Indicators", "A1", [
    ["Area", "Score"],
    ["Ashbury", 59],
  ]);
  return { x, tools: createActionPlanTools(x.run as unknown as ExcelRun) };
}

describe("insertActionPlan", () => {
  it("writes a new sheet with the header block and an Excel table of the Annex F columns", async () => {
    const { x, tools } = book();
    const out = await tools.insertActionPlan(plan(), "Action plan");
    expect(out).toEqual({ sheet: "Action plan" });
    expect(x.sheetNames()).toEqual(["Indicators", "Action plan"]);
    expect(x.getValues("Action plan", "A1:B1")).toEqual([["Cohesion action plan: Ashbury", ""]]);
    const p = plan();
    const top = p.header.length + 2; // one blank row, then the table header (1-based)
    expect(x.getValues("Action plan", `A${top}:I${top}`)).toEqual([[...PLAN_COLUMNS]]);
    expect(x.getValues("Action plan", `A${top + 1}:C${top + 1}`)).toEqual([p.rows[0].slice(0, 3)]);
    const tables = x.model.sheet("Action plan")!.tables;
    expect(tables).toHaveLength(1);
    expect(tables[0].rect).toMatchObject({ row: top - 1, column: 0, rows: p.rows.length + 1, columns: 9 });
  });
  it("never replaces a sheet: a taken name gets a number, and no existing cell changes", async () => {
    const { x, tools } = book();
    x.addSheet("Action plan").setValues("Action plan", "A1", [["my own notes"]]);
    const before = JSON.stringify([...x.snapshot()]);
    const out = await tools.insertActionPlan(plan(), "Action plan");
    expect(out).toEqual({ sheet: "Action plan 2" });
    const after = x.snapshot((s) => s !== "Action plan 2");
    expect(JSON.stringify([...after])).toBe(before);
  });
});

describe("uniqueSheetName", () => {
  it("follows Excel's rules: 31 characters, no : \\ / ? * [ ], case-insensitive clashes", () => {
    expect(uniqueSheetName("Plan: a/b", [])).toBe("Plan  a b");
    expect(uniqueSheetName("action plan", ["Action plan", "Action plan 2"])).toBe("action plan 3");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe("x".repeat(29) + " 2");
  });
});
