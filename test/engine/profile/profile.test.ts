/**
 * The Annex B area profile (issue 16.2): the annex's items verbatim and in order, the evidence set beside
 * them by the engine's own functions (detectIssues, surveyCi + compareToBenchmark, abgColumn, typology,
 * nearestNeighbours), and the errors for an unknown area.
 */
import * as fs from "fs";
import * as path from "path";
import {
  ANNEX_B_ITEMS,
  LOCAL_KNOWLEDGE_COLUMN,
  PROFILE_COLUMNS,
  PROFILE_CONTEXT,
  annexBProfile,
  compareToBenchmark,
  findAreaRow,
  nearestNeighbours,
  subjectFromTable,
  surveyCi,
} from "../../../src/engine";

const HEADERS = ["Area", "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10,000", "Jobs 1984", "Belonging", "Sample size"];
const ROWS: unknown[][] = [
  ["Ashbury", 59, 2, 20, 10, 12, 500, 48, 1100],
  ["Brindle", 70, 2, 22, 12, 10, 400, 60, 900],
  ["Calder", 81, 1.5, 35, 60, 3, 0, 65, 1000],
  ["Dunmore", 75, 2, 24, 15, 9, 1500, 58, 800],
  ["Eskdale", 84, 1, 38, 70, 2, 0, 70, 700],
];
const DATE = "2026-12-07";

const profileOf = (name: string, extra: Parameters<typeof annexBProfile>[1] = { date: DATE }) => {
  const i = findAreaRow(HEADERS, ROWS, name);
  if (!i.ok) throw new Error(i.error.message);
  const p = annexBProfile(subjectFromTable(HEADERS, ROWS, i.value, { from: `test table, row ${i.value + 2}` }), extra);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
};
const rowOf = (p: ReturnType<typeof profileOf>, code: string) => p.rows[p.codes.indexOf(code)];
const col = (c: (typeof PROFILE_COLUMNS)[number]) => PROFILE_COLUMNS.indexOf(c);

describe("Annex B items (data)", () => {
  it("has the annex's 30 items, in its four sections, codes unique and in order", () => {
    expect(ANNEX_B_ITEMS).toHaveLength(30);
    expect(ANNEX_B_ITEMS.map((i) => i.code).slice(0, 3)).toEqual(["B-C1", "B-C2", "B-C3"]);
    expect(new Set(ANNEX_B_ITEMS.map((i) => i.code)).size).toBe(30);
    expect(ANNEX_B_ITEMS.filter((i) => i.group === "community")).toHaveLength(14);
    expect(ANNEX_B_ITEMS.filter((i) => i.group === "personal")).toHaveLength(7);
    expect(ANNEX_B_ITEMS.filter((i) => i.group === "attitudes")).toHaveLength(5);
    expect(ANNEX_B_ITEMS.filter((i) => i.group === "actions")).toHaveLength(4);
    expect(ANNEX_B_ITEMS.find((i) => i.code === "B-C14")!.questions).toHaveLength(5);
    for (const i of ANNEX_B_ITEMS) expect(i.source.ref).toMatch(/^Annex B, ".+": ".+" \(pp\. 27–32\)$/);
  });

  const SEED = path.resolve(__dirname, "../../../../shared/seeds/002_cf90602d8fea8216.txt");
  const GR = path.resolve(__dirname, "../../../../shared/seeds/000_67ba4df122f8baf2.txt");
  const norm = (t: string) => t.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/[\u2070-\u209F\u00B9\u00B2\u00B3]/g, "").replace(/\s+/g, " ");
  (fs.existsSync(SEED) ? it : it.skip)("every heading, paragraph and question is verbatim in the CDF (../shared/seeds)", () => {
    const doc = norm(fs.readFileSync(SEED, "utf8"));
    const strings = [...ANNEX_B_ITEMS.flatMap((i) => [i.heading, i.text, ...i.questions]), PROFILE_CONTEXT.typology.text, PROFILE_CONTEXT.issues.text, PROFILE_CONTEXT.peers.text];
    expect(strings.filter((s) => !doc.includes(norm(s)))).toEqual([]);
  });
  (fs.existsSync(GR) ? it : it.skip)("the grant row's words are GR ¶2.3's", () => {
    expect(norm(fs.readFileSync(GR, "utf8"))).toContain(norm(PROFILE_CONTEXT.grant.text));
  });
});

describe("annexBProfile", () => {
  it("has the framework rows F1–F4, then every Annex B item, with an empty Local knowledge column", () => {
    const p = profileOf("Ashbury");
    expect(p.codes).toEqual(["F1", "F2", "F3", "F4", ...ANNEX_B_ITEMS.map((i) => i.code)]);
    expect(p.columns[p.columns.length - 1]).toBe(LOCAL_KNOWLEDGE_COLUMN);
    expect(p.rows.every((r) => r.length === PROFILE_COLUMNS.length && r[col("Local knowledge")] === "")).toBe(true);
    expect(rowOf(p, "B-C1")[col("Item")]).toBe("Which areas are deprived, affluent or suffer from exclusion");
    expect(rowOf(p, "B-C1")[col("Source")]).toBe('CDF Annex B, "Community characteristics": "Which areas are deprived, affluent or suffer from exclusion" (pp. 27–32)');
    expect(p.header[0][0]).toMatch(/^Area profile: Ashbury/);
    expect(p.header[1][1]).toContain("test table, row 2");
  });

  it("F1: the family type and group the typology gives (Ashbury: NVQ4+ 20 <25, urban, A8 12 ≥7 → type 4, group d)", () => {
    const f1 = rowOf(profileOf("Ashbury"), "F1")[col("Workbook evidence")];
    expect(f1).toContain("Type 4: Changing less affluent urban areas");
    expect(f1).toContain("Family group d) Changing less affluent urban areas");
  });

  it("F2: the ABG band and its range across the CI, and NI 1 against the comparators with significance", () => {
    const f2 = rowOf(profileOf("Ashbury"), "F2")[col("Workbook evidence")];
    expect(f2).toContain("ABG: band 2, £540,000; across the CI: band 2 or band 3 (£410,000–£540,000), uncertain.");
    // 59 ± 2 = [57, 61] against the national 82: entirely below, higher is better → worse (compareToBenchmark)
    expect(compareToBenchmark(59, 57, 61, 82).ok && compareToBenchmark(59, 57, 61, 82)).toMatchObject({ value: "worse" });
    expect(f2).toMatch(/vs national 82%: worse \(its interval lies entirely below\)/);
    // workbook median of 59,70,81,75,84 = 75 → worse; family type 4 average 76.3 → worse
    expect(f2).toMatch(/vs workbook median 75%: worse/);
    expect(f2).toMatch(/vs family type 4 average 76.3%: worse/);
  });

  it("belonging: the survey CI from the sample size (Wilson) decides significance, and the issue is suggested with its reason", () => {
    const p = profileOf("Ashbury");
    const ci = surveyCi(48, 1100);
    expect(ci.ok).toBe(true);
    const { lower, upper } = (ci as { value: { lower: number; upper: number } }).value;
    const b = rowOf(p, "B-A2");
    expect(b[col("Workbook evidence")]).toContain(`belonging: 48% (${Math.round(lower * 10) / 10}–${Math.round(upper * 10) / 10}, 95% Wilson interval, n = 1100) [column "Belonging"]`);
    expect(b[col("Workbook evidence")]).toMatch(/vs national 59%: worse/);
    expect(b[col("Issues suggested (CDF Annex D)")]).toMatch(/^I03 .+ — belonging 48\.0% vs national 59%/);
    // F3 lists every suggestion
    expect(rowOf(p, "F3")[col("Issues suggested (CDF Annex D)")]).toContain("I03 ");
    // Ashbury: belonging (I03) is worse against national and median; NI 1 is the one overall signal
    expect(rowOf(p, "F3")[col("Workbook evidence")]).toBe("1 issue(s) suggested and 1 overall signal(s), none final: confirm them with local knowledge (and in the Action plan view).");
  });

  it("a value inside its interval of the comparator is 'similar', not worse", () => {
    // Dunmore belonging 58 (n = 800: ±3.4) vs national 59 → similar; vs the median (60) similar too
    const b = rowOf(profileOf("Dunmore"), "B-A2")[col("Workbook evidence")];
    expect(b).toMatch(/vs national 59%: similar/);
  });

  it("without a sample size or CI, significance is said to be untested", () => {
    const headers = ["Area", "Belonging"];
    const p = annexBProfile(subjectFromTable(headers, [["X", 40], ["Y", 70]], 0), { date: DATE, comparators: ["national"] });
    expect(p.ok && rowOf(p.value, "B-A2")[col("Workbook evidence")]).toMatch(/vs national 59%: lower, the worse side; significance not tested/);
  });

  it("F4: the nearest peers are nearestNeighbours' on the typology proxies", () => {
    const f4 = rowOf(profileOf("Ashbury"), "F4")[col("Workbook evidence")];
    const names = ROWS.map((r) => String(r[0]));
    const table = ROWS.map((r) => [r[3], r[4], r[5], r[6]] as number[]);
    const expected = nearestNeighbours(names, table, "Ashbury", { k: 4 });
    expect(expected.ok).toBe(true);
    const list = (expected as { value: { name: string; distance: number }[] }).value;
    expect(f4).toContain(`1. ${list[0].name} (${list[0].distance.toFixed(3)})`);
    expect(f4).toContain('"NVQ4+ %", "Rural %", "A8 per 10,000", "Jobs 1984"');
  });

  it("items with no workbook column say they are for local knowledge; proxies are shown where Annex B names them", () => {
    const p = profileOf("Ashbury");
    expect(rowOf(p, "B-C9")[col("Workbook evidence")]).toMatch(/^Nothing in the workbook: for local knowledge/);
    expect(rowOf(p, "B-C13")[col("Workbook evidence")]).toContain('1984 coal, textiles and steel jobs: 500 [column "Jobs 1984"]');
    expect(rowOf(p, "B-C14")[col("What the framework says")]).toContain("• What youth provision is there?");
    expect(rowOf(p, "B-C3")[col("Workbook evidence")]).toBe('No value in the workbook for "crime", "anti-social behaviour a problem": a column for it (or local knowledge) would fill this in.');
  });

  it("a typed one-row table: no median, no peers (said why)", () => {
    const p = annexBProfile(subjectFromTable(["Area", "Score", "NVQ4", "Rural", "A8"], [["Typed", 70, 30, 10, 2]], 0, { from: "typed", scale: "percent" }), { date: DATE });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.header[1][1]).not.toContain("median");
    expect(rowOf(p.value, "F4")[col("Workbook evidence")]).toMatch(/One area only/);
    expect(rowOf(p.value, "F1")[col("Workbook evidence")]).toContain("Type 6");
  });

  it("a bad custom comparator value is the detector's failure, not a throw", () => {
    const s = subjectFromTable(HEADERS, ROWS, 0);
    const p = annexBProfile(s, { date: DATE, comparators: ["custom"], custom: { values: { ni2_belonging: 140 } } });
    expect(p.ok).toBe(false);
    expect(!p.ok && p.error.message).toMatch(/between 0 and 100/);
    expect(annexBProfile(s, { date: DATE, comparators: [] }).ok).toBe(false);
  });
});

describe("findAreaRow", () => {
  it("finds a name ignoring case and spaces", () => expect(findAreaRow(HEADERS, ROWS, "  calder ")).toMatchObject({ ok: true, value: 2 }));
  it("an unknown area: notFound, naming the column and near spellings", () => {
    const r = findAreaRow(HEADERS, ROWS, "Cald");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: "notFound" });
    expect(!r.ok && r.error.message).toMatch(/"Cald" is not in the table's "Area" column\. Did you mean "Calder"\?/);
  });
  it("no name column, or a name in two rows", () => {
    expect(findAreaRow(["Score"], [[1]], "X")).toMatchObject({ ok: false, error: { code: "missing" } });
    expect(findAreaRow(["Area"], [["X"], ["x"]], "X")).toMatchObject({ ok: false, error: { code: "invalid" } });
  });
});
