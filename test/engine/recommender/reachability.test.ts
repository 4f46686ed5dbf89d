/**
 * Reachability of the LGA 2019 data through the recommender (source "all"): which action lines,
 * checklists and case studies some selection of issue ids can bring back.
 *
 * Everything this add-in's LGA issue list names is reachable, by Table D1 ids through the inferred
 * D1 → LGA map or by choosing the LGA issue (ISS-…) directly. What no row of that list names cannot be
 * reached by any selection: that is a gap in the LGA issue list's design (data/project/lgaIssues.ts), not in
 * the links, and is pinned below so that any change to it is deliberate.
 */
import {
  D1_TO_LGA,
  ISSUE_CODES,
  LGA_CASE_STUDIES,
  LGA_ISSUES,
  LGA_RECOMMENDATIONS,
  recommendActions,
  type Recommendation,
} from "../../../src/engine";

function value(ids: readonly string[]): Recommendation {
  const r = recommendActions(ids, { source: "all" });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const lgaItems = (rec: Recommendation) => new Set(rec.actions.filter((a) => a.origin === "lga2019").map((a) => a.code));
const caseStudies = (rec: Recommendation) => new Set((rec.caseStudies ?? []).map((c) => c.code));
const union = (sets: Set<string>[]) => new Set(sets.flatMap((s) => [...s]));

/** Reached by some selection: the union over every single id (a selection only adds items). */
const everyId = [...ISSUE_CODES, ...LGA_ISSUES.map((i) => i.id)];
const reachedItems = union(everyId.map((id) => lgaItems(value([id]))));
const reachedCases = union(everyId.map((id) => caseStudies(value([id]))));

/** Listed in no row of the LGA issue list: no selection of issues can return them. */
const NOT_IN_F4_ITEMS = [
  "A-LL-01", "A-LL-03", "A-LL-04", "A-LL-05", "A-LL-07", "A-LL-09",
  "CL-KT3-PSED", "CL-KT3-EFLG", "A-KT3-01", "A-KT3-02", "A-KT3-03",
  "CL-KT4-VCS-FIRST-STEPS", "A-KT4-07", "A-KT4-09", "A-KT4-10", "A-KT4-11", "A-KT4-12",
  "CL-KT5-COMMISSIONING", "A-KT6-07",
  "CL-KT7-PRINCIPLES", "A-KT7-02", "A-KT7-03", "A-KT7-04", "A-KT7-05",
  "CL-KT8-SCRUTINY", "CL-SA4-HOUSEBUILDING", "A-SA5-05", "A-SA5-06", "A-SA6-03",
];
const NOT_IN_F4_CASES = ["CS01", "CS17", "CS18", "CS19", "CS20", "CS31", "CS44", "CS45", "CS49", "CS63"];

describe("reachability of the LGA 2019 items and case studies (source all)", () => {
  it("reaches every item and case study that some row of the LGA issue list names, with Table D1 and LGA ids together", () => {
    const inF4Items = LGA_RECOMMENDATIONS.map((r) => r.code).filter((code) => LGA_ISSUES.some((i) => i.recommendations.includes(code)));
    const inF4Cases = LGA_CASE_STUDIES.map((c) => c.code).filter((code) => LGA_ISSUES.some((i) => i.caseStudies.includes(code)));
    expect(inF4Items.filter((code) => !reachedItems.has(code))).toEqual([]);
    expect(inF4Cases.filter((code) => !reachedCases.has(code))).toEqual([]);
    expect([inF4Items.length, inF4Cases.length]).toEqual([111, 54]);
  });

  it("reaches every LGA issue's whole row by choosing that issue alone", () => {
    for (const iss of LGA_ISSUES) {
      const rec = value([iss.id]);
      expect([...lgaItems(rec)].sort()).toEqual([...iss.recommendations].sort());
      expect([...caseStudies(rec)].sort()).toEqual([...iss.caseStudies].sort());
    }
  });

  it("returns the same with every id at once as the union of single ids", () => {
    const all = value(everyId);
    expect(lgaItems(all)).toEqual(reachedItems);
    expect(caseStudies(all)).toEqual(reachedCases);
  });

  it("cannot reach only what no row of the LGA issue list names (29 items, 10 case studies: a gap in that list's design)", () => {
    const unreachedItems = LGA_RECOMMENDATIONS.map((r) => r.code).filter((code) => !reachedItems.has(code));
    const unreachedCases = LGA_CASE_STUDIES.map((c) => c.code).filter((code) => !reachedCases.has(code));
    expect(unreachedItems).toEqual(NOT_IN_F4_ITEMS);
    expect(unreachedCases).toEqual(NOT_IN_F4_CASES);
    for (const code of [...NOT_IN_F4_ITEMS, ...NOT_IN_F4_CASES]) {
      expect(LGA_ISSUES.some((i) => i.recommendations.includes(code) || i.caseStudies.includes(code))).toBe(false);
    }
    expect([LGA_RECOMMENDATIONS.length - unreachedItems.length, LGA_CASE_STUDIES.length - unreachedCases.length]).toEqual([111, 54]);
  });

  it("reaches from Table D1 ids alone 24 of the 30 LGA issues, 95 of 140 items and 45 of 64 case studies", () => {
    // Before the review's links (I07, I11, I12, I14, I16, I17, I19, I21): 19 issues, 79 items, 41 case studies.
    const d1 = value(ISSUE_CODES);
    expect(d1.lgaIssues?.length).toBe(24);
    expect(d1.lgaIssues?.every((i) => !i.selected && i.inferred)).toBe(true);
    expect(lgaItems(d1).size).toBe(95);
    expect(caseStudies(d1).size).toBe(45);
    expect(d1.unmappedToLga).toEqual(["I08", "I09"]);
    const reachedFromD1 = new Set(D1_TO_LGA.flatMap((l) => l.lgaIssues));
    expect(LGA_ISSUES.filter((i) => !reachedFromD1.has(i.id)).map((i) => i.id)).toEqual(["ISS-05", "ISS-15", "ISS-25", "ISS-27", "ISS-28", "ISS-30"]);
  });
});
