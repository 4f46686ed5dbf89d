/**
 * The Action plan's workbook functions (src/taskpane/excel.ts) against the in-memory stand-in:
 * the plan goes on a new sheet (a new name when taken), as an Excel table with the Annex F columns,
 * and no existing cell is touched.
 */
import { areaProfile, buildActionPlan, detectIssues, PLAN_COLUMNS, PLAN_INPUTS_HEADING, planInputs, recommendActions, typologyProxies } from "../../src/engine";
import { ExcelStandIn, standInContext } from "../../src/preview/standIn";
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
  return { x, tools: createActionPlanTools(x.run) };
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

/** An indicator table with one area selected, read through the pane's own function, then the plan as the pane builds it. */
async function planFromSelection() {
  const x = new ExcelStandIn();
  x.addSheet("Indicators").setValues("Indicators", "A1", [
    ["Area", "Score", "NVQ4+", "Rural %", "A8", "Jobs 1984", "Belonging", "NI 4"],
    ["Ashbury", 71, 0.18, 0.12, 9, "", 48, 30],
    ["Bramford", 80, 0.3, 0.6, 2, 100, 70, 35],
  ]);
  // NVQ4+ and rural are Excel % cells (0.18 shown as 18%); the score is 0–100. Read without their
  // number formats, the table's one scale decision (a value above 1: the score) would make them 0.18 % (issue 12).
  for (const r of [1, 2]) for (const c of [2, 3]) x.setCell("Indicators", r, c, [[0.18, 0.12], [0.3, 0.6]][r - 1][c - 2], undefined, "0%");
  x.addTable("Indicators", "A1:H3", "Areas");
  x.select("Indicators", "C2");
  const tools = createActionPlanTools(x.run);
  const read = await tools.readSelectedArea();
  if ("error" in read) throw new Error(read.error);
  expect(read.formats).toEqual({ nvq4: ["0%", "0%"], rural: ["0%", "0%"], score: ["General", "General"] });
  const profile = areaProfile(read.headers, read.rows, read.index, { formats: read.formats });
  const detection = detectIssues(profile.indicators, { kind: "national" });
  const rec = recommendActions(["I03", "I07"]);
  if (!detection.ok || !rec.ok) throw new Error("engine");
  const inputs = planInputs({
    from: read.where,
    proxies: typologyProxies(read.headers, read.rows, read.index, { formats: read.formats }),
    familyType: profile.familyType,
    group: profile.familyGroup,
    groupBasis: "typology",
    indicators: profile.indicators,
    sources: profile.sources,
    comparator: "national",
    detection: detection.value,
    confirmed: ["I03", "I07"],
  });
  const plan = buildActionPlan(rec.value, { area: profile.name, inputs, date: "2026-11-22" });
  return { x, tools, plan };
}

describe("the written plan sheet: inputs and in-cell lists", () => {
  it("holds the inputs block (values as numbers, reasons, confirmation) above the table", async () => {
    const { x, tools, plan } = await planFromSelection();
    expect(await tools.insertActionPlan(plan, "Action plan")).toEqual({ sheet: "Action plan" });
    const block = x.getValues("Action plan", `A1:C${plan.header.length}`);
    expect(block[0][0]).toBe("Cohesion action plan: Ashbury");
    expect(block).toContainEqual([PLAN_INPUTS_HEADING, "", ""]);
    expect(block).toContainEqual(["Values from", "Table Areas, row 2", ""]);
    expect(block).toContainEqual(["NVQ4+ share (%)", 18, 'column "NVQ4+"']);
    expect(block).toContainEqual(["Rural share (%)", 12, 'column "Rural %"']);
    expect(block).toContainEqual(["A8 workers per 10,000", 9, 'column "A8"']);
    expect(block).toContainEqual(["Family type", "4 Changing less affluent urban areas", ""]);
    expect(block).toContainEqual(["Belonging (NI 2, %)", 48, 'column "Belonging"; national 59% (worse)']);
    expect(block).toContainEqual(["Comparator", "national figures (each indicator's default national figure)", ""]);
    expect(block).toContainEqual([
      "Issue I03 Low level of pride in local area or some groups not feeling they belong",
      "suggested: belonging 48.0% vs national 59%",
      "confirmed by the user",
    ]);
    expect(block).toContainEqual(["Issue I07 Low levels of people having friends in another ethnic group", "chosen by the user (not suggested)", "confirmed by the user"]);
  });

  it("writes workbook text that looks like a formula as text", async () => {
    const { x, tools, plan } = await planFromSelection();
    const rec = recommendActions(["I03"]);
    if (!rec.ok) throw new Error(rec.error.message);
    const odd = buildActionPlan(rec.value, {
      area: "X",
      inputs: [{ label: "Values from", value: "=HYPERLINK(\"http://example.invalid\")", note: "-1 +2" }],
      date: "2026-11-22",
    });
    await tools.insertActionPlan({ ...plan, header: odd.header }, "Action plan");
    expect(x.getValues("Action plan", "A3:C3")).toEqual([["Values from", '=HYPERLINK("http://example.invalid")', "-1 +2"]]);
    expect(x.cell("Action plan", "B3").formula).toBeUndefined();
    expect(x.cell("Action plan", "C3").formula).toBeUndefined();
  });

  it("gives the two choice columns of the table body an in-cell drop-down list, on the new sheet only", async () => {
    const { x, tools, plan } = await planFromSelection();
    await tools.insertActionPlan(plan, "Action plan");
    const top = plan.header.length + 2; // 1-based row of the table header
    const last = top + plan.rows.length;
    expect(x.getValues("Action plan", `H${top}:I${top}`)).toEqual([["Quick win or long term", "One-off or ongoing"]]);
    expect(x.dataValidations("Action plan")).toEqual([
      { address: `H${top + 1}:H${last}`, rule: { list: { inCellDropDown: true, source: "Quick win,Long term" } } },
      { address: `I${top + 1}:I${last}`, rule: { list: { inCellDropDown: true, source: "One-off,Ongoing" } } },
    ]);
    expect(x.dataValidationAt("Action plan", `H${top}`)).toBeNull(); // not the header
    expect(x.dataValidationAt("Action plan", `G${top + 1}`)).toBeNull();
    expect(x.dataValidations("Indicators")).toEqual([]);
  });

  it("never touches an existing cell, and a taken name gets a new sheet", async () => {
    const { x, tools, plan } = await planFromSelection();
    x.addSheet("Action plan").setValues("Action plan", "A1", [["my own notes"]]);
    x.addSheet("action plan 2").setValues("action plan 2", "H20", [["Quick win?"]]);
    const before = JSON.stringify([...x.snapshot()]);
    const out = await tools.insertActionPlan(plan, "Action plan");
    expect(out).toEqual({ sheet: "Action plan 3" });
    expect(JSON.stringify([...x.snapshot((s) => s !== "Action plan 3")])).toBe(before);
    expect(x.dataValidations("Action plan")).toEqual([]);
    expect(x.dataValidations("action plan 2")).toEqual([]);
    expect(x.dataValidations("Action plan 3")).toHaveLength(2);
    expect(x.sheetNames()).toEqual(["Indicators", "Action plan", "action plan 2", "Action plan 3"]);
  });

  it("without the data validation API (ExcelApi 1.8) writes the plan and says the lists were not added", async () => {
    const { x, tools, plan } = await planFromSelection();
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { requirements: { isSetSupported: (set: string, v: string) => !(set === "ExcelApi" && v === "1.8") } } };
    try {
      const out = await tools.insertActionPlan(plan, "Action plan");
      expect(out).toMatchObject({ sheet: "Action plan", warning: expect.stringMatching(/in-cell lists .* were not added.*ExcelApi 1\.8/) });
    } finally {
      delete g.Office;
    }
    expect(x.dataValidations("Action plan")).toEqual([]);
    expect(x.getValues("Action plan", "A1")).toEqual([["Cohesion action plan: Ashbury"]]);
  });

  it("when Excel refuses the lists, the written sheet stands and the warning says why", async () => {
    const { x, plan } = await planFromSelection();
    // The third request of the run (the lists) fails, as a host without the API would.
    const run: ExcelRun = (batch) =>
      x.run(async (context) => {
        const ctx = standInContext(context);
        const sync = ctx.sync.bind(ctx);
        let n = 0;
        ctx.sync = async () => {
          if (++n === 3) {
            ctx.queue.splice(0);
            throw new Error("ApiNotFound: dataValidation");
          }
          return sync();
        };
        return batch(context);
      });
    const out = await createActionPlanTools(run).insertActionPlan(plan, "Action plan");
    expect(out).toEqual({ sheet: "Action plan", warning: expect.stringContaining("ApiNotFound: dataValidation") });
    expect(x.sheetNames()).toContain("Action plan");
    expect(x.model.sheet("Action plan")!.tables).toHaveLength(1);
    expect(x.dataValidations("Action plan")).toEqual([]);
  });
});

describe("uniqueSheetName", () => {
  it("follows Excel's rules: 31 characters, no : \\ / ? * [ ], case-insensitive clashes", () => {
    expect(uniqueSheetName("Plan: a/b", [])).toBe("Plan  a b");
    expect(uniqueSheetName("action plan", ["Action plan", "Action plan 2"])).toBe("action plan 3");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe("x".repeat(29) + " 2");
  });
});
