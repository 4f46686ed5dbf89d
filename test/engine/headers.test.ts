// The header rule (src/engine/headers.ts, data in src/engine/data/project/headers.ts; README Decisions "Header rule"):
// headers as real sources publish them, ties refused, the runner-up, and the false positives it must not make.
import { HEADER_RULES } from "../../src/engine/data/project/headers";
import { headerWords } from "../../src/engine/headers";
import { FIELD_SYNONYMS, findHeaderRow, isHeaderRow, mapHeaders, matchHeaders, normaliseHeader, OUTPUT_HEADERS, type Field } from "../../src/engine";

const DGU = "data.gov.uk record title of CLG's Local Data Exchange NI 1 indicator (datagovuk/ckanext-dgu, ckanext/dgu/tests/cospread/test_cospread.py)";
const NI_SET = "NI 1 as worded in the National Indicator Set (CLG 2008) used by the Place Survey 2008 (issue 12)";
const PLACE_2008 = "UKContentment.csv: Place Survey 2008 results for 353 English authorities (owenwienczkowski/UKContentmentPredictor)";
const ISSUE_12 = "issue 12: the Place Survey 2008 score as headed in open data (snake_case, NI numbers)";
const APS = "Nomis Annual Population Survey (NM_17_5) variable, as read by public scripts (e.g. '% with NVQ4+ - aged 16-64')";
const APS_MEASURE = "Nomis Annual Population Survey download with its measure suffix (': percent'), as read by public scripts";
const APS_RQF = "Nomis Annual Population Survey (NM_17_5) from 2022, when RQF replaced NVQ ('% with RQF4+ - aged 16-64')";
const QS501 = "Nomis bulk download of Census 2011 QS501EW ('Qualification: … ; measures: Value')";
const TS067 = "Nomis bulk download of Census 2021 TS067 ('Highest level of qualification: …')";
const TS067_CAT = "Census 2011 QS501EW / Census 2021 TS067 category name";
const ONS_2021 = "ONS Census 2021 education table, '(percent)' column, as read by public R scripts";
const NISRA = "NISRA Census 2011 qualifications table ('…: Aged 16+ years (%)'), as read by a public R script";
const KS501 = "Census 2011 KS501EW percentage label ('% people with Highest level of qualification: …'), as in a public Stata script";
const RUC = "ONS/Defra 2011 Rural-Urban Classification of Local Authority Districts (RUC2011 LAD) lookup (issue 12)";
const DWP = "DWP, National Insurance number (NINo) registrations to adult overseas nationals entering the UK (issue 12)";
const PANE = "the toolkit's own label (LABELS in src/engine/columns.ts), which the pane shows";
const GLA = "London Datastore, 'Social integration by borough' (MOPAC Public Attitudes Survey): the same question's wording";

// [header, field, source]: each must be mapped to its field when it is the only header for that field.
const REAL: [string, Field, string][] = [
  ["NI 001 - Percentage of people who believe people from different backgrounds get on well together in their local area", "score", DGU],
  ["Percentage of people who believe people from different backgrounds get on well together in their local area", "score", DGU],
  ["% of people who believe people from different backgrounds get on well together in their local area", "score", NI_SET],
  ["Get_On_Well", "score", PLACE_2008],
  ["Authority", "name", PLACE_2008],
  ["Percent who agree that their local area is a place where people from different backgrounds get on well together", "score", GLA],
  ["NI_1_get_on_well_together_pct", "score", ISSUE_12],
  ["get on well together (NI 1) %", "score", ISSUE_12],
  ["ni001", "score", ISSUE_12],
  ["NI 001", "score", ISSUE_12],
  ["ni1_get_on_well_pct", "score", ISSUE_12],
  ["Score (get on well together %)", "score", PANE],
  ["Confidence interval (±)", "ci", PANE],
  ["% with NVQ4+ - aged 16-64", "nvq4", APS],
  ["% with NVQ4+ - aged 16-64: percent", "nvq4", APS_MEASURE],
  ["% with NVQ4+: percent", "nvq4", APS_MEASURE],
  ["% with RQF4+ - aged 16-64", "nvq4", APS_RQF],
  ["Qualification: Level 4 qualifications and above; measures: Value", "nvq4", QS501],
  ["Highest level of qualification: Level 4 qualifications and above", "nvq4", TS067],
  ["Level 4 qualifications and above", "nvq4", TS067_CAT],
  ["Level 4 qualifications and above (percent)", "nvq4", ONS_2021],
  ["Highest level of qualification: Level 4 qualifications and above: Aged 16+ years (%)", "nvq4", NISRA],
  ["% people with Highest level of qualification: Level 4 qualifications and above", "nvq4", KS501],
  ["NVQ4+ share", "nvq4", PANE],
  ["Rural including hub towns as % of total population", "rural", RUC],
  ["Rural share", "rural", PANE],
  ["EU8", "a8", DWP],
  ["A8 Accession countries", "a8", DWP],
  ["NINo registrations: EU8", "a8", DWP],
  ["National Insurance number registrations to adult overseas nationals: A8", "a8", DWP],
  ["A8 workers per 10,000", "a8", PANE],
  ["1984 coal, textiles and steel jobs", "jobs1984", PANE],
  ["Single-issue tension", "singleissue", PANE],
];

describe("real header spellings (each with its source)", () => {
  it("covers at least 30 real spellings, every one with a source", () => {
    expect(REAL.length).toBeGreaterThanOrEqual(30);
    for (const [, , source] of REAL) expect(source.length).toBeGreaterThan(10);
  });
  it.each(REAL)("%j → %s (%s)", (header, field) => {
    // Beside a column that is never an input (the toolkit's own "Notes"), so the position is checked too.
    const m = matchHeaders(["Notes", header]);
    expect(m[field]).toMatchObject({ column: 1, header });
    expect(m[field].score).toBeGreaterThanOrEqual(70);
    expect(mapHeaders(["Notes", header])[field]).toBe(1);
  });
  it("finds every field of a Place-Survey-shaped row of real headers at once", () => {
    const headers = ["Authority", "Influence_Decisions", "Get_On_Well", "Belong", "Drug_Use_And_Selling", "Area", "Overall", "% with NVQ4+ - aged 16-64", "Rural including hub towns as % of total population", "EU8", "1984 coal, textiles and steel jobs"];
    expect(mapHeaders(headers)).toEqual({ name: 0, score: 2, nvq4: 7, rural: 8, a8: 9, jobs1984: 10 });
  });
});

describe("matching on words: case, punctuation, underscores, order, units and years do not matter", () => {
  it.each([
    ["NI_1_get_on_well_together_pct"],
    ["get on well together (NI 1) %"],
    ["Get On Well Together NI1 per cent"],
    ["getOnWellTogether_NI1_pct"],
    ["NI 1 get on well together (%) 2008"],
    ["ni-001 get on well together, 2008/09, percent"],
  ])("%j is the score at 99", (h) => {
    expect(matchHeaders([h]).score).toMatchObject({ column: 0, score: 99, exact: false });
  });
  it("reads NI numbers, units, years and age bands as the rule says", () => {
    expect(headerWords("NI_001 get on well (%) 2008/09")).toEqual({ words: ["ni1", "get", "well"], years: [2008], unit: "pct" });
    expect(headerWords("EU8 NINo registrations per 10,000 adults").unit).toBe("rate");
    expect(headerWords("% with NVQ4+ - aged 16-64").words).toEqual(["nvq4"]);
    expect(headerWords("jobs1984")).toEqual({ words: ["jobs"], years: [1984], unit: null });
    expect(headerWords("Level 4 qualifications and above (number)").unit).toBe("count");
  });
  it("an exact listed spelling scores 100; a header with no unit scores a little less than one with its unit", () => {
    expect(matchHeaders(["NI 1 %"]).score.score).toBe(100);
    expect(matchHeaders(["NI 1 2008 %"]).score.score).toBe(99);
    expect(matchHeaders(["NI 1 2008"]).score.score).toBe(96);
  });
});

describe("ties are refused, never guessed", () => {
  it("two different headers with the same best score: the field is left unmapped and both are reported", () => {
    const m = matchHeaders(["Area", "Rural population 2001 (%)", "Rural population 2011 (%)", "NVQ4+"]);
    expect(m.rural.column).toBeNull();
    expect(m.rural.ambiguous).toEqual({
      score: 99,
      candidates: [
        { column: 1, header: "Rural population 2001 (%)", field: "rural", score: 99 },
        { column: 2, header: "Rural population 2011 (%)", field: "rural", score: 99 },
      ],
    });
    expect(mapHeaders(["Area", "Rural population 2001 (%)", "Rural population 2011 (%)", "NVQ4+"])).toEqual({ name: 0, nvq4: 3 });
  });
  it("a tie for the score (two survey years) leaves the score unmapped", () => {
    const m = matchHeaders(["ni1_get_on_well_2008_pct", "ni1_get_on_well_2009_pct"]);
    expect(m.score).toMatchObject({ column: null, ambiguous: { score: 99 } });
    expect(m.score.ambiguous!.candidates.map((c) => c.column)).toEqual([0, 1]);
  });
  it("the same header twice is a duplicate, not a tie: the first wins and the other is named", () => {
    expect(matchHeaders(["ni1_get_on_well_pct", "ni1_get_on_well_pct"]).score).toMatchObject({ column: 0, alike: [1] });
    // Two listed spellings (the documented duplicate-header case): the first wins, the others are named.
    expect(matchHeaders(["Authority", "Score", "NI 1 %", "CI", "Score"]).score).toMatchObject({ column: 1, exact: true, alike: [2, 4] });
  });
  it("an exact spelling beats a words match", () => {
    expect(matchHeaders(["Rural population 2011 (%)", "Rural %"]).rural).toMatchObject({ column: 1, score: 100, runnerUp: { column: 0, score: 99, field: "rural" } });
  });
});

describe("the runner-up", () => {
  it("is the next column for the field, with its score and the field that took it", () => {
    const m = matchHeaders(["Authority", "ni4_influence_decisions_pct", "ni1_get_on_well_pct", "ni1_get_on_well_ci", "ni2_belong_pct"]);
    expect(m.score).toMatchObject({ column: 2, score: 99, runnerUp: { column: 3, header: "ni1_get_on_well_ci", field: "score", score: 36, usedBy: "ci" } });
    expect(m.ci).toMatchObject({ column: 3, score: 99 });
  });
  it("or the same column read as another field", () => {
    expect(matchHeaders(["ni1_get_on_well_ci"]).ci.runnerUp).toMatchObject({ column: 0, field: "score", score: 36, usedBy: "ci" });
  });
  it("is the share column's count, which loses to it (and, alone, is only a nearest miss)", () => {
    const m = matchHeaders(["Level 4 qualifications and above (number)", "Level 4 qualifications and above (percent)"]);
    expect(m.nvq4).toMatchObject({ column: 1, score: 99, runnerUp: { column: 0, score: 69 } });
    expect(matchHeaders(["Level 4 qualifications and above (number)"]).nvq4).toMatchObject({ column: null, runnerUp: { column: 0, score: 69 } });
  });
});

describe("false positives it must not make", () => {
  it("the Rural-Urban Classification (a category) and RUC11 codes are never the rural share; the real share is", () => {
    const headers = ["LAD11CD", "LAD11NM", "Total Rural population 2011 (including hub towns)", "Rural including hub towns as % of total population", "Rural-Urban Classification", "RUC11CD", "RUC11", "Broad RUC11"];
    const m = matchHeaders(headers);
    expect(m.rural).toMatchObject({ column: 3, header: "Rural including hub towns as % of total population" });
    expect(m.rural.runnerUp).toMatchObject({ column: 2, score: 69 }); // the count of people, not a share
    for (const h of ["Rural-Urban Classification", "RUC11CD", "RUC11", "Broad RUC11", "Urban with Significant Rural"]) expect(mapHeaders([h])).toEqual({});
    // Alone, the classification still is not taken as the share.
    expect(matchHeaders(["Area", "Rural-Urban Classification"]).rural.column).toBeNull();
  });
  it("NI 2 and NI 4 are not the ABG score: only NI 1 is 'get on well together'", () => {
    for (const h of ["NI 2", "NI 4", "NI_4_influence_pct", "ni2_belong_pct", "% of people who feel that they belong to their neighbourhood", "% of people who feel they can influence decisions in their locality", "Influence_Decisions", "Belong", "NI 2 score", "NI 4 score"]) {
      expect(matchHeaders([h]).score.column).toBeNull();
    }
  });
  it("CI is not NI 4 (and NI 4 is not a CI); a CI's lower or upper end is not the half-width", () => {
    expect(mapHeaders(["NI 4", "CI"])).toEqual({ ci: 1 });
    for (const h of ["NI 1 lower CI", "Upper 95% CI", "LCL", "CI upper limit"]) expect(matchHeaders([h]).ci.column).toBeNull();
    expect(matchHeaders(["NI 1 CI (±)"]).ci).toMatchObject({ column: 0, score: 99 });
    expect(matchHeaders(["NI 1 CI (±)"]).score.column).toBeNull();
  });
  it("'Feel safe' is its own indicator, never the score or anything else", () => {
    for (const h of ["Feel safe", "Feel safe score", "% feel safe after dark", "Feel safe (%)"]) expect(mapHeaders([h])).toEqual({});
  });
  it("a single industry, or another year, is not the 1984 coal + textiles + steel sum", () => {
    expect(matchHeaders(["Coal mining jobs 1984"]).jobs1984.column).toBeNull();
    expect(matchHeaders(["Coal, textiles and steel jobs 2011"]).jobs1984.column).toBeNull();
    expect(matchHeaders(["Coal mining, textiles, iron and steel employees 1984"]).jobs1984).toMatchObject({ column: 0, score: 99 });
  });
  it("other NINo groups and other qualification levels are not A8 or NVQ4+", () => {
    for (const h of ["EU2", "EU14", "NINo registrations: all nationalities", "Non-EU"]) expect(matchHeaders([h]).a8.column).toBeNull();
    for (const h of ["Highest level of qualification: Level 3 qualifications", "% with no qualifications (RQF) - aged 16-64", "% with NVQ3 only - aged 16-64"]) expect(matchHeaders([h]).nvq4.column).toBeNull();
  });
  it("the toolkit's own output columns are never inputs", () => {
    expect(mapHeaders([...OUTPUT_HEADERS])).toEqual({});
    expect(matchHeaders(["ABG band range", "Family type name", "Score"]).score.column).toBe(2);
  });
  it("a title row is still not a header row; the real header row below it is", () => {
    expect(isHeaderRow(["Cohesion indicators 2008"])).toBe(false);
    expect(isHeaderRow(["Community cohesion indicators"])).toBe(false);
    expect(findHeaderRow([["Place Survey 2008"], ["Authority", "ni1_get_on_well_pct", "ni1_get_on_well_ci"], ["A", 59, 2]])).toBe(1);
  });
});

describe("the data file", () => {
  it("gives every spelling a source, lists no spelling under two fields, and FIELD_SYNONYMS is its spellings in order", () => {
    const seen = new Map<string, Field>();
    for (const [field, rule] of Object.entries(HEADER_RULES) as [Field, (typeof HEADER_RULES)[Field]][]) {
      expect(FIELD_SYNONYMS[field]).toEqual(rule.spellings.map((s) => s.text));
      for (const s of rule.spellings) {
        expect(s.source.length).toBeGreaterThan(10);
        const n = normaliseHeader(s.text);
        if (seen.has(n)) expect(seen.get(n)).toBe(field);
        seen.set(n, field);
      }
    }
  });
  it("every listed spelling maps to its own field exactly", () => {
    for (const [field, list] of Object.entries(FIELD_SYNONYMS) as [Field, readonly string[]][]) {
      for (const s of list) expect(matchHeaders([s])[field]).toMatchObject({ column: 0, score: 100, exact: true });
    }
  });
});
