import {
  ACTIONS,
  ANNEX_A_INFLUENCES,
  APPROACHES_TO_AVOID,
  D1_TO_LGA,
  FAMILY_GROUP_ADVICE,
  GUIDANCE,
  INDICATORS,
  INFLUENCES,
  ISSUES,
  ISSUE_ACTIONS,
  LGA_CASE_STUDIES,
  LGA_ISSUES,
  LGA_RECOMMENDATIONS,
  LGA_SECTIONS,
  NO_GUIDANCE,
  PLAN_LESSONS,
  UNIVERSAL_ACTIONS,
  type IssueCode,
} from "../../../src/engine";
import type { Source } from "../../../src/engine/types";

const DOC_KEYS = ["CDF", "GR", "REC", "SoS", "LGA2019", "CLS", "METHOD", "DECISION"];

function expectSourced(items: readonly { source: Source }[]): void {
  for (const item of items) {
    expect(DOC_KEYS).toContain(item.source.doc);
    expect(item.source.ref.trim().length).toBeGreaterThan(0);
  }
}

function expectUnique(values: readonly string[]): void {
  expect(new Set(values).size).toBe(values.length);
}

describe("counts (CDF Annexes C–F; the LGA guide's action lines and 64 case studies)", () => {
  it("has 23 issues, 20 actions, 5 universal actions and 11 approaches to avoid", () => {
    expect(ISSUES).toHaveLength(23);
    expect(ACTIONS).toHaveLength(20);
    expect(UNIVERSAL_ACTIONS).toHaveLength(5);
    expect(APPROACHES_TO_AVOID).toHaveLength(11);
  });

  it("has 96 issue → action pairs in Table D1", () => {
    expect(ISSUE_ACTIONS).toHaveLength(96);
  });

  it.each([
    ["a", 5, 3],
    ["b", 7, 3],
    ["c", 6, 1],
    ["d", 11, 3],
    ["e", 7, 3],
  ] as const)("family group %s has %i 'works well' and %i 'less well' items (e's split bullet joined, A16)", (group, well, less) => {
    expect(FAMILY_GROUP_ADVICE[group].worksWell).toHaveLength(well);
    expect(FAMILY_GROUP_ADVICE[group].worksLessWell).toHaveLength(less);
  });

  it("has 20 current guidance items and 8 other sources in Annex E", () => {
    expect(GUIDANCE.filter((g) => g.kind === "current-guidance")).toHaveLength(20);
    expect(GUIDANCE.filter((g) => g.kind === "other-source")).toHaveLength(8);
  });

  it("has 3 + 6 + 5 Annex F list items", () => {
    expect(PLAN_LESSONS.filter((p) => p.list === "keyQuestions")).toHaveLength(3);
    expect(PLAN_LESSONS.filter((p) => p.list === "implementationPlan")).toHaveLength(6);
    expect(PLAN_LESSONS.filter((p) => p.list === "projectManagement")).toHaveLength(5);
  });

  it("has Tables 2–5 in full (9 + 7 + 6 + 4 rows)", () => {
    expect(INFLUENCES.filter((i) => i.table === "T2")).toHaveLength(9);
    expect(INFLUENCES.filter((i) => i.table === "T3")).toHaveLength(7);
    expect(INFLUENCES.filter((i) => i.table === "T4")).toHaveLength(6);
    expect(INFLUENCES.filter((i) => i.table === "T5")).toHaveLength(4);
  });

  it("has Annex A tables with an empty 'No effect' column in A4 (decision A23)", () => {
    const count = (table: string, effect: string) => ANNEX_A_INFLUENCES.filter((e) => e.table === table && e.effect === effect).length;
    expect([count("A1", "positive"), count("A1", "negative"), count("A1", "noEffect")]).toEqual([4, 3, 5]);
    expect([count("A3", "positive"), count("A3", "negative"), count("A3", "noEffect")]).toEqual([7, 4, 13]);
    expect([count("A4", "positive"), count("A4", "negative"), count("A4", "noEffect")]).toEqual([2, 5, 0]);
  });

  it("has 64 LGA case studies, 124 action lines, 30 LGA issues and 33 sections", () => {
    expect(LGA_CASE_STUDIES).toHaveLength(64);
    expect(LGA_RECOMMENDATIONS.filter((r) => r.kind === "action")).toHaveLength(124);
    expect(LGA_ISSUES).toHaveLength(30);
    expect(LGA_SECTIONS).toHaveLength(33);
  });
});

describe("ids and codes", () => {
  it("numbers issues I01–I23, actions A01–A20, universal U1–U5 and avoid X01–X11 in document order", () => {
    expect(ISSUES.map((i) => i.code)).toEqual(Array.from({ length: 23 }, (_, n) => `I${String(n + 1).padStart(2, "0")}`));
    expect(ACTIONS.map((a) => a.code)).toEqual(Array.from({ length: 20 }, (_, n) => `A${String(n + 1).padStart(2, "0")}`));
    expect(UNIVERSAL_ACTIONS.map((u) => u.code)).toEqual(["U1", "U2", "U3", "U4", "U5"]);
    expect(APPROACHES_TO_AVOID.map((x) => x.code)).toEqual(Array.from({ length: 11 }, (_, n) => `X${String(n + 1).padStart(2, "0")}`));
  });

  it("keeps every id unique and snake_case", () => {
    const ids = [...ISSUES, ...ACTIONS, ...UNIVERSAL_ACTIONS, ...APPROACHES_TO_AVOID].map((x) => x.id);
    expectUnique(ids);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it("keeps the add-in's ids for U1–U5, A01–A20 and I01–I23 (ids never change)", () => {
    expect(ISSUES.find((i) => i.code === "I22")?.id).toBe("isolation_rural_urban_barriers");
    expect(ACTIONS.find((a) => a.code === "A08")?.id).toBe("esol");
    expect(ACTIONS.find((a) => a.code === "A13")?.id).toBe("empowerment");
    expect(UNIVERSAL_ACTIONS.find((u) => u.code === "U5")?.id).toBe("cohesion_impact_assessment");
  });

  it("keeps LGA, guidance, plan-lesson and indicator codes unique", () => {
    expectUnique(LGA_RECOMMENDATIONS.map((r) => r.code));
    expectUnique(LGA_RECOMMENDATIONS.map((r) => r.id));
    expectUnique(LGA_CASE_STUDIES.map((c) => c.id));
    expectUnique(LGA_ISSUES.map((i) => i.id));
    expectUnique(LGA_SECTIONS.map((s) => s.key));
    expectUnique(GUIDANCE.map((g) => g.code));
    expectUnique(PLAN_LESSONS.map((p) => p.code));
    expectUnique(INDICATORS.map((i) => i.id));
    expectUnique(INFLUENCES.map((i) => i.code));
  });

  it("names case studies LGA-CS01 … LGA-CS64", () => {
    expect(LGA_CASE_STUDIES.map((c) => c.id)).toEqual(Array.from({ length: 64 }, (_, n) => `LGA-CS${String(n + 1).padStart(2, "0")}`));
  });
});

describe("every item carries a source", () => {
  it("cites a document and a reference for every data item", () => {
    expectSourced(ISSUES);
    expectSourced(ACTIONS);
    expectSourced(ACTIONS.flatMap((a) => a.variants));
    expectSourced(ACTIONS.flatMap((a) => a.alsoKnownAs));
    expectSourced(UNIVERSAL_ACTIONS);
    expectSourced(ISSUE_ACTIONS);
    expectSourced(APPROACHES_TO_AVOID);
    expectSourced(Object.values(FAMILY_GROUP_ADVICE));
    expectSourced(GUIDANCE);
    expectSourced(NO_GUIDANCE);
    expectSourced(PLAN_LESSONS);
    expectSourced(INFLUENCES);
    expectSourced(ANNEX_A_INFLUENCES);
    expectSourced(INDICATORS);
    expectSourced(INDICATORS.flatMap((i) => i.nationalBenchmarks));
    expectSourced(LGA_SECTIONS);
    expectSourced(LGA_RECOMMENDATIONS);
    expectSourced(LGA_ISSUES);
    expectSourced(LGA_CASE_STUDIES);
    expectSourced(D1_TO_LGA);
  });

  it("labels everything from the 2019 guide LGA2019 and everything from Annex C–F CDF", () => {
    for (const item of [...LGA_SECTIONS, ...LGA_RECOMMENDATIONS, ...LGA_ISSUES, ...LGA_CASE_STUDIES, ...D1_TO_LGA]) {
      expect(item.source.doc).toBe("LGA2019");
    }
    for (const item of [...ISSUES, ...ISSUE_ACTIONS, ...APPROACHES_TO_AVOID, ...GUIDANCE, ...PLAN_LESSONS]) {
      expect(item.source.doc).toBe("CDF");
    }
  });
});

describe("Table D1 integrity (CDF Annex D)", () => {
  it("numbers positions 1..n within each row, in row order", () => {
    for (const issue of ISSUES) {
      const row = ISSUE_ACTIONS.filter((p) => p.issue === issue.code);
      expect(row.map((p) => p.position)).toEqual(row.map((_, n) => n + 1));
      expectUnique(row.map((p) => p.action));
    }
    const rowOrder = ISSUE_ACTIONS.map((p) => Number(p.issue.slice(1)));
    expect([...rowOrder].sort((a, b) => a - b)).toEqual(rowOrder);
  });

  it("prints the row sizes of Table D1", () => {
    const sizes = ISSUES.map((i) => ISSUE_ACTIONS.filter((p) => p.issue === i.code).length);
    expect(sizes).toEqual([3, 5, 7, 3, 5, 4, 4, 5, 4, 3, 6, 6, 4, 2, 4, 4, 4, 4, 3, 1, 6, 5, 4]);
  });

  it("reproduces the inverse index of §7.4 (action → issues and counts)", () => {
    const expected: Record<string, string> = {
      A01: "I13 I23",
      A02: "I08 I09 I21 I22",
      A03: "I03 I04 I07 I08 I09 I10 I11 I17 I21 I22",
      A04: "I12 I16",
      A05: "I02 I03 I12 I15 I17",
      A06: "I01 I02 I03 I07 I11 I12 I13 I14 I16 I19",
      A07: "I01 I02 I03 I11 I12 I19",
      A08: "I07 I15 I16",
      A09: "I07 I08 I09 I11 I12 I18 I21 I22",
      A10: "I03 I04 I05 I06 I17 I18 I19 I22",
      A11: "I05 I18",
      A12: "I03 I08 I10 I11 I21 I22",
      A13: "I06 I10 I17 I21",
      A14: "I08 I09 I21",
      A15: "I01 I02 I03 I04 I05 I06 I11 I12",
      A16: "I05 I06 I13 I20 I23",
      A17: "I18",
      A18: "I14 I15 I23",
      A19: "I13 I23",
      A20: "I02 I05 I15 I16",
    };
    for (const action of ACTIONS) {
      const issues = ISSUE_ACTIONS.filter((p) => p.action === action.code).map((p) => p.issue);
      expect(issues.join(" ")).toBe(expected[action.code]);
    }
  });

  it("flags a pair as a variant exactly when its wording differs from the §3.2 title, and lists it among the action's variants", () => {
    for (const pair of ISSUE_ACTIONS) {
      const action = ACTIONS.find((a) => a.code === pair.action);
      expect(action).toBeDefined();
      expect(pair.variant).toBe(pair.wording !== action?.title);
      if (pair.variant) {
        const variant = action?.variants.find((v) => v.text === pair.wording);
        expect(variant?.issues).toContain(pair.issue);
      }
    }
    expect(ISSUE_ACTIONS.filter((p) => p.variant)).toHaveLength(6 + 2 + 4 + 1);
  });

  it("lists each variant's rows exactly (A07 six rows, A08 I15/I16, A13 I06/I10/I17/I21, A14 I21)", () => {
    for (const action of ACTIONS) {
      for (const variant of action.variants) {
        const rows = ISSUE_ACTIONS.filter((p) => p.action === action.code && p.wording === variant.text).map((p) => p.issue);
        expect(rows).toEqual(variant.issues);
      }
    }
  });

  it("marks only I06 → A13 ('Engage people in the local community') as interpretive (decision A13)", () => {
    const interpretive = ISSUE_ACTIONS.filter((p) => p.interpretive === true);
    expect(interpretive.map((p) => `${p.issue}:${p.action}:${p.wording}`)).toEqual(["I06:A13:Engage people in the local community"]);
  });

  it("marks I22 [sic] with a corrected reading (decision A15)", () => {
    const i22 = ISSUES.find((i) => i.code === "I22");
    expect(i22?.sic).toBe(true);
    expect(i22?.title).toContain("rurality of urban barriers");
    expect(i22?.correctedTitle).toBe("Isolation caused by rurality or urban barriers such as large roads");
    expect(ISSUES.filter((i) => i.sic === true)).toHaveLength(1);
  });
});

describe("cross-references", () => {
  it("quotes Annex C 'less well' bullets exactly where approaches to avoid cite them", () => {
    for (const x of APPROACHES_TO_AVOID) {
      for (const ref of x.alsoInAnnexC) {
        expect(FAMILY_GROUP_ADVICE[ref.group].worksLessWell).toContain(ref.text);
      }
    }
    expect(APPROACHES_TO_AVOID.filter((x) => x.alsoInAnnexC.length > 0).map((x) => x.code)).toEqual([
      "X01",
      "X03",
      "X04",
      "X05",
      "X06",
      "X07",
      "X08",
    ]);
  });

  it("links guidance only to existing actions and universal actions, 'stated' only for E03→U5, E07→A20, E19→A19", () => {
    const codes = new Set<string>([...ACTIONS.map((a) => a.code), ...UNIVERSAL_ACTIONS.map((u) => u.code)]);
    for (const item of GUIDANCE) {
      expect(item.historical).toBe(true);
      for (const link of item.relatesTo) {
        expect(codes.has(link.code)).toBe(true);
        expect(link.inferred).toBe(link.basis !== "stated");
      }
    }
    const stated = GUIDANCE.flatMap((g) => g.relatesTo.filter((l) => l.basis === "stated").map((l) => `${g.code}→${l.code}`));
    expect(stated).toEqual(["E03→U5", "E07→A20", "E19→A19"]);
  });

  it("lists the §8.3 actions without guidance", () => {
    expect(NO_GUIDANCE.map((n) => n.code)).toEqual(["A02", "A05", "A08", "A11", "A13", "A14", "A16", "A17", "A18"]);
  });

  it("links influences and indicators only to existing issues", () => {
    const issueCodes = new Set<IssueCode>(ISSUES.map((i) => i.code));
    for (const item of [...INFLUENCES, ...INDICATORS]) {
      for (const code of [...item.issues, ...item.alsoConsider]) expect(issueCodes.has(code)).toBe(true);
    }
    for (const indicator of INDICATORS) {
      if (indicator.influence !== undefined) expect(INFLUENCES.map((i) => i.code)).toContain(indicator.influence);
    }
  });

  it("maps every D1 issue to LGA issues that exist, always inferred", () => {
    expect(D1_TO_LGA.map((l) => l.issue)).toEqual(ISSUES.map((i) => i.code));
    const lgaIds = new Set(LGA_ISSUES.map((i) => i.id));
    for (const link of D1_TO_LGA) {
      expect(link.inferred).toBe(true);
      for (const id of link.lgaIssues) expect(lgaIds.has(id)).toBe(true);
    }
    // I08 and I09: no LGA issue is justified (see their basis); the LGA issues can still be chosen directly.
    expect(D1_TO_LGA.filter((l) => l.lgaIssues.length === 0).map((l) => l.issue)).toEqual(["I08", "I09"]);
  });

  it("justifies each D1 → LGA link in its basis (every linked LGA issue is named there)", () => {
    for (const link of D1_TO_LGA) {
      expect(link.basis.length).toBeGreaterThan(0);
      for (const id of link.lgaIssues) expect(link.basis).toContain(id);
    }
  });

  it("has the links added in review, each to an LGA issue otherwise unreached or unlinked", () => {
    const links = (code: string) => D1_TO_LGA.find((l) => l.issue === code)?.lgaIssues;
    expect(links("I07")).toContain("ISS-21");
    expect(links("I11")).toContain("ISS-29");
    expect(links("I12")).toContain("ISS-13");
    expect(links("I14")).toEqual(["ISS-17"]);
    expect(links("I16")).toContain("ISS-13");
    expect(links("I17")).toContain("ISS-23");
    expect(links("I19")).toContain("ISS-20");
    expect(links("I21")).toEqual(["ISS-16"]);
    // No Table D1 issue reaches these: choose them directly (source "all").
    const reached = new Set(D1_TO_LGA.flatMap((l) => l.lgaIssues));
    expect(LGA_ISSUES.filter((i) => !reached.has(i.id)).map((i) => i.id)).toEqual(["ISS-05", "ISS-15", "ISS-25", "ISS-27", "ISS-28", "ISS-30"]);
  });

  it("resolves every LGA issue's recommendations and case studies", () => {
    const recs = new Set(LGA_RECOMMENDATIONS.map((r) => r.code));
    const cases = new Set(LGA_CASE_STUDIES.map((c) => c.code));
    for (const iss of LGA_ISSUES) {
      expect(iss.origin).toBe("project-design");
      expect(iss.recommendations.length).toBeGreaterThan(0);
      for (const code of iss.recommendations) expect(recs.has(code)).toBe(true);
      for (const code of iss.caseStudies) expect(cases.has(code)).toBe(true);
    }
  });

  it("expands ranges such as 'A-TE-01..11' and 'CS37–CS42'", () => {
    const iss08 = LGA_ISSUES.find((i) => i.id === "ISS-08");
    expect(iss08?.actionRefs).toBe("A-TE-01..11, A-LL-02");
    expect(iss08?.recommendations).toHaveLength(12);
    const iss11 = LGA_ISSUES.find((i) => i.id === "ISS-11");
    expect(iss11?.caseStudies).toEqual(["CS37", "CS38", "CS39", "CS40", "CS41", "CS42", "CS53"]);
  });

  it("keeps case-study ↔ LGA-issue and case-study ↔ action links consistent both ways", () => {
    for (const cs of LGA_CASE_STUDIES) {
      for (const iss of cs.lgaIssues) expect(LGA_ISSUES.find((i) => i.id === iss)?.caseStudies).toContain(cs.code);
      for (const action of cs.actions) expect(LGA_RECOMMENDATIONS.map((r) => r.code)).toContain(action);
    }
    for (const iss of LGA_ISSUES) {
      for (const code of iss.caseStudies) expect(LGA_CASE_STUDIES.find((c) => c.code === code)?.lgaIssues).toContain(iss.id);
    }
    expect(LGA_CASE_STUDIES.find((c) => c.code === "CS60")?.actions).toEqual(["A-TE-06", "A-TE-07", "A-TE-08", "A-TE-10", "A-TE-11"]);
  });

  it("orders LGA recommendations by guide section, then order within the section", () => {
    const sectionIndex = (key: string) => LGA_SECTIONS.findIndex((s) => s.key === key);
    const orders = LGA_RECOMMENDATIONS.map((r) => r.order);
    expect(orders).toEqual(orders.map((_, n) => n + 1));
    for (let n = 1; n < LGA_RECOMMENDATIONS.length; n++) {
      expect(sectionIndex(LGA_RECOMMENDATIONS[n].section)).toBeGreaterThanOrEqual(sectionIndex(LGA_RECOMMENDATIONS[n - 1].section));
    }
    for (const rec of LGA_RECOMMENDATIONS) expect(sectionIndex(rec.section)).toBeGreaterThanOrEqual(0);
  });

  it("marks action lines as paraphrase and checklists as verbatim with items", () => {
    for (const rec of LGA_RECOMMENDATIONS) {
      expect(rec.wording).toBe(rec.kind === "action" ? "paraphrase" : "verbatim");
      if (rec.kind === "checklist") expect(rec.items.length).toBeGreaterThan(0);
    }
    const commissioning = LGA_RECOMMENDATIONS.find((r) => r.code === "CL-KT5-COMMISSIONING");
    expect(commissioning?.items.map((i) => i.group)).toEqual([
      "Analyse", "Analyse", "Analyse", "Analyse", "Plan", "Plan", "Do", "Do", "Do", "Review", "Review", "Review",
    ]);
  });
});
