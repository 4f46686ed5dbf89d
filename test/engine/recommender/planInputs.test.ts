/**
 * The plan sheet's inputs block (what the plan was based on) and its in-cell lists: pure engine
 * functions, so the task pane only passes data and writes.
 */
import {
  areaProfile,
  buildActionPlan,
  detectIssues,
  PLAN_CHOICES,
  PLAN_COLUMNS,
  PLAN_INPUTS_HEADING,
  planInputs,
  recommendActions,
  typologyProxies,
  type PlanBasis,
} from "../../../src/engine";

const HEADERS = ["Area", "Score", "NVQ4+", "Rural %", "A8", "Jobs 1984", "Belonging", "NI 4"];
const ROWS = [
  ["Ashbury", 71, 0.18, 0.12, 9, "", 48, 30],
  ["Bramford", 80, 0.3, 0.6, 2, 100, 70, 35],
];

/** NVQ4+ and rural are Excel % cells (0.18 shown as 18%); the score is 0–100 (decision A7: the formats decide). */
const FORMATS = { nvq4: ["0%", "0%"], rural: ["0%", "0%"] };

function basis(over: Partial<PlanBasis> = {}): PlanBasis {
  const p = areaProfile(HEADERS, ROWS, 0, { formats: FORMATS });
  const d = detectIssues(p.indicators, { kind: "national" });
  if (!d.ok) throw new Error(d.error.message);
  return {
    from: "Table Indicators, row 2",
    proxies: typologyProxies(HEADERS, ROWS, 0, { formats: FORMATS }),
    familyType: p.familyType,
    typeNote: p.typeNote,
    group: p.familyGroup,
    groupBasis: "typology",
    indicators: p.indicators,
    sources: p.sources,
    comparator: "national",
    detection: d.value,
    confirmed: ["I07"],
    ...over,
  };
}

const row = (rows: ReturnType<typeof planInputs>, label: string) => rows.find((r) => r.label === label);

describe("typologyProxies", () => {
  it("reads the four proxies as the family-type rule does: % cells as fractions, counts as numbers", () => {
    // Without the formats, one decision for the table: the score's 71 makes NVQ4+ 0.18 read as 0.18 % (issue 12).
    expect(typologyProxies(HEADERS, ROWS, 0)[0].value).toBe(0.18);
    expect(typologyProxies(HEADERS, ROWS, 0, { formats: FORMATS })).toEqual([
      { field: "nvq4", label: "NVQ4+ share (%)", value: 18, header: "NVQ4+" },
      { field: "rural", label: "Rural share (%)", value: 12, header: "Rural %" },
      { field: "a8", label: "A8 workers per 10,000", value: 9, header: "A8" },
      { field: "jobs1984", label: "1984 coal, textiles and steel jobs", value: null, header: "Jobs 1984" },
    ]);
  });
  it("says which proxy has no column and which cell cannot be read", () => {
    const out = typologyProxies(["Area", "NVQ4", "A8"], [["X", 30, "lots"]], 0);
    expect(out.find((p) => p.field === "rural")).toEqual({ field: "rural", label: "Rural share (%)", value: null, header: null });
    const a8 = out.find((p) => p.field === "a8")!;
    expect(a8.value).toBeNull();
    expect(a8.problem).toMatch(/A8 workers per 10,000/);
  });
});

describe("planInputs", () => {
  it("records where the values came from, the proxies, type, group, each indicator with its comparator, and the comparator", () => {
    const rows = planInputs(basis());
    expect(rows[0]).toEqual({ label: PLAN_INPUTS_HEADING, value: "" });
    expect(row(rows, "Values from")).toEqual({ label: "Values from", value: "Table Indicators, row 2" });
    expect(row(rows, "NVQ4+ share (%)")).toEqual({ label: "NVQ4+ share (%)", value: 18, note: 'column "NVQ4+"' });
    expect(row(rows, "A8 workers per 10,000")).toMatchObject({ value: 9 });
    expect(row(rows, "1984 coal, textiles and steel jobs")).toMatchObject({ value: "blank" });
    expect(row(rows, "Family type")).toMatchObject({ value: "4 Changing less affluent urban areas" });
    expect(row(rows, "Family group")).toEqual({
      label: "Family group",
      value: "Family group d) Changing less affluent urban areas",
      note: "from the family type (CDF Annex C)",
    });
    expect(row(rows, "Get on well (NI 1, %)")).toEqual({ label: "Get on well (NI 1, %)", value: 71, note: 'column "Score"; national 82% (worse)' });
    expect(row(rows, "Belonging (NI 2, %)")).toEqual({ label: "Belonging (NI 2, %)", value: 48, note: 'column "Belonging"; national 59% (worse)' });
    expect(row(rows, "Influence decisions (NI 4, %)")).toEqual({ label: "Influence decisions (NI 4, %)", value: 30, note: 'column "NI 4"; national 29%' });
    expect(row(rows, "Comparator")?.value).toMatch(/^national figures/);
    expect(row(rows, "Overall signal")?.value).toBe("get on well 71.0% vs national 82%");
  });

  it("lists every suggested issue with its reason and whether the user confirmed it, and issues the user added", () => {
    const issues = planInputs(basis()).filter((r) => r.label.startsWith("Issue "));
    expect(issues).toEqual([
      {
        label: "Issue I03 Low level of pride in local area or some groups not feeling they belong",
        value: "suggested: belonging 48.0% vs national 59%",
        note: "not confirmed (left out of the plan)",
      },
      {
        label: "Issue I07 Low levels of people having friends in another ethnic group",
        value: "chosen by the user (not suggested)",
        note: "confirmed by the user",
      },
    ]);
    const confirmed = planInputs(basis({ confirmed: ["I03"] })).filter((r) => r.label.startsWith("Issue "));
    expect(confirmed).toEqual([expect.objectContaining({ value: "suggested: belonging 48.0% vs national 59%", note: "confirmed by the user" })]);
  });

  it("names the comparator that was used, with each indicator's comparator value", () => {
    const p = areaProfile(HEADERS, ROWS, 0);
    const d = detectIssues(p.indicators, { kind: "median", values: p.medians });
    if (!d.ok) throw new Error(d.error.message);
    const rows = planInputs(basis({ comparator: "median", detection: d.value }));
    expect(row(rows, "Comparator")?.value).toBe("the median of the indicator table");
    expect(row(rows, "Belonging (NI 2, %)")?.note).toBe('column "Belonging"; workbook median 59% (worse)');
    expect(rows.find((r) => r.label.startsWith("Issue I03"))?.value).toBe("suggested: belonging 48.0% vs workbook median 59%");
  });

  it("says what is missing rather than leaving it out: typed values, no type, a group chosen by the user", () => {
    const rows = planInputs({
      from: "typed into the task pane",
      proxies: typologyProxies(["Area", "NVQ4"], [["X", ""]], 0).map((p) => ({ ...p, header: null })),
      familyType: null,
      typeNote: "Enter the four proxies for the family type, or choose the group yourself.",
      group: "e",
      groupBasis: "user",
      indicators: {},
      comparator: "custom",
      confirmed: ["I01"],
    });
    expect(row(rows, "NVQ4+ share (%)")).toEqual({ label: "NVQ4+ share (%)", value: "not given" });
    expect(row(rows, "Family type")).toMatchObject({ value: "not known", note: expect.stringMatching(/four proxies/) });
    expect(row(rows, "Family group")).toMatchObject({ value: "Thematic group e) Areas with tensions arising from a single issue", note: "chosen by the user" });
    expect(row(rows, "Comparator")?.value).toBe("values typed by the user");
    expect(rows.at(-1)).toMatchObject({ label: expect.stringMatching(/^Issue I01/), value: "chosen by the user (not suggested)", note: "confirmed by the user" });
  });
});

describe("buildActionPlan with the inputs block", () => {
  const rec = () => {
    const r = recommendActions(["I03", "I07"]);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  it("puts the inputs under the title, numbers as numbers and notes in a third column", () => {
    const p = buildActionPlan(rec(), { area: "Ashbury", inputs: planInputs(basis({ confirmed: ["I03", "I07"] })), date: "2026-11-22" });
    expect(p.header[2]).toEqual([PLAN_INPUTS_HEADING, ""]);
    expect(p.header).toContainEqual(["Belonging (NI 2, %)", 48, 'column "Belonging"; national 59% (worse)']);
    expect(p.header).toContainEqual(["Values from", "Table Indicators, row 2"]);
    expect(p.header.findIndex((r) => r[0] === "Issues")).toBeGreaterThan(p.header.findIndex((r) => String(r[0]).startsWith("Issue I07")));
  });
  it("offers the two choice columns as in-cell lists (PLAN_CHOICES), entries without commas", () => {
    const p = buildActionPlan(rec(), { area: "X", inputs: [], date: "2026-01-01" });
    expect(p.lists).toEqual([
      { column: "Quick win or long term", choices: ["Quick win", "Long term"] },
      { column: "One-off or ongoing", choices: ["One-off", "Ongoing"] },
    ]);
    for (const l of p.lists) expect(PLAN_COLUMNS).toContain(l.column);
    for (const choices of Object.values(PLAN_CHOICES)) for (const c of choices) expect(c).not.toContain(",");
  });
});
