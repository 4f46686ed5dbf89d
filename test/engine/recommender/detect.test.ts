import { detectIssues, type IssueDetection } from "../../../src/engine";

function value(...args: Parameters<typeof detectIssues>): IssueDetection {
  const r = detectIssues(...args);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe("detectIssues, national comparator", () => {
  it("suggests I03 for low belonging against the Place Survey 2008 figure (the @example)", () => {
    const d = value({ ni2_belonging: 48 }, { kind: "national" });
    expect(d.suggestions).toEqual([
      {
        issue: "I03",
        indicator: "ni2_belonging",
        value: 48,
        comparatorValue: 59,
        comparatorLabel: "national",
        reason: "belonging 48.0% vs national 59%",
        confirmed: false,
        alsoConsider: [],
        linkBasis: "influence link [inferred]",
        comparatorSource: { doc: "CLS", ref: "Place Survey 2008, England (CLG statistical release)" },
      },
    ]);
  });

  it("reports low NI 1 as an overall signal against 82% (decision A20), not as an issue", () => {
    const d = value({ ni1_getonwell: 74 }, { kind: "national" });
    expect(d.suggestions).toEqual([]);
    expect(d.overall).toHaveLength(1);
    expect(d.overall[0]).toMatchObject({
      indicator: "ni1_getonwell",
      comparatorValue: 82,
      reason: "get on well 74.0% vs national 82%",
      comparatorSource: { doc: "GR", ref: "¶3.70; fn 5" },
    });
    expect(d.overall[0].advice).toContain("U1–U5");
  });

  it("uses a chosen national benchmark (GR, January 2008: 75%)", () => {
    const d = value({ ni2_belonging: 70 }, { kind: "national", benchmarks: { ni2_belonging: "GR_Jan2008_neighbourhood" } });
    expect(d.suggestions.map((s) => s.reason)).toEqual(["belonging 70.0% vs national 75%"]);
    expect(value({ ni2_belonging: 70 }, { kind: "national" }).suggestions).toEqual([]);
  });

  it("suggests I10 for low NI 4 against 29%", () => {
    const d = value({ ni4_influence: 25.25 }, { kind: "national" });
    expect(d.suggestions.map((s) => `${s.issue} ${s.reason}`)).toEqual(["I10 influence decisions 25.3% vs national 29%"]);
  });

  it("does not invent national figures: no suggestion, a note instead", () => {
    const d = value({ trust_others: 10, meaningful_interaction: 5 }, { kind: "national" });
    expect(d.suggestions).toEqual([]);
    expect(d.comparisons).toEqual([]);
    expect(d.notes.map((n) => `${n.indicator}:${n.code}`)).toEqual(["meaningful_interaction:noComparator", "trust_others:noComparator"]);
    expect(d.notes[1].message).toContain("none is invented");
  });

  it("treats a value equal to the comparator as not worse", () => {
    const d = value({ ni1_getonwell: 82, ni2_belonging: 59 }, { kind: "national" });
    expect(d.suggestions).toEqual([]);
    expect(d.overall).toEqual([]);
    expect(d.comparisons.map((c) => c.worse)).toEqual([false, false]);
  });

  it("fails notFound for an unknown benchmark id", () => {
    const r = detectIssues({ ni2_belonging: 50 }, { kind: "national", benchmarks: { ni2_belonging: "made_up" } });
    expect(!r.ok && r.error.code).toBe("notFound");
  });
});

describe("detectIssues, family-type comparator (CDF Table 1, NI 1 only)", () => {
  it("compares NI 1 with the type average and says no comparator exists for other indicators", () => {
    const d = value({ ni1_getonwell: 74, ni2_belonging: 40 }, { kind: "familyType", familyType: 3 });
    expect(d.overall.map((o) => o.reason)).toEqual(["get on well 74.0% vs family type 3 average 74.1%"]);
    expect(d.overall[0].comparatorSource).toEqual({ doc: "CDF", ref: "Table 1" });
    expect(d.suggestions).toEqual([]);
    expect(d.notes).toHaveLength(1);
    expect(d.notes[0].message).toBe(
      "No family-type comparator for belonging: CDF Table 1 gives type averages only for perception of cohesion (NI 1).",
    );
  });

  it.each([
    [1, 72.2],
    [9, 83.0],
  ])("uses type %i's average %d", (familyType, average) => {
    const d = value({ ni1_getonwell: 50 }, { kind: "familyType", familyType });
    expect(d.comparisons[0].comparatorValue).toBe(average);
  });

  it("uses the published total 78.9 for familyType 'total'", () => {
    const d = value({ ni1_getonwell: 78 }, { kind: "familyType", familyType: "total" });
    expect(d.overall.map((o) => o.reason)).toEqual(["get on well 78.0% vs all-areas average 78.9%"]);
  });

  it("fails missing without a type and invalid for type 10", () => {
    const missing = detectIssues({ ni1_getonwell: 70 }, { kind: "familyType" });
    const bad = detectIssues({ ni1_getonwell: 70 }, { kind: "familyType", familyType: 10 });
    expect(!missing.ok && missing.error.code).toBe("missing");
    expect(!bad.ok && bad.error.code).toBe("invalid");
  });
});

describe("detectIssues, median and custom comparators", () => {
  it("respects polarity: higher fear of crime is worse, higher trust is better", () => {
    const d = value(
      { fear_of_crime: 40, trust_others: 55 },
      { kind: "median", values: { fear_of_crime: 30, trust_others: 50 } },
    );
    expect(d.suggestions.map((s) => `${s.issue} ${s.reason}`)).toEqual([
      "I06 fear of crime 40.0% vs workbook median 30% (lower is better)",
    ]);
    expect(d.comparisons.map((c) => `${c.indicator}:${c.worse}`)).toEqual(["trust_others:false", "fear_of_crime:true"]);
  });

  it("adds the influence links' bracketed issues as alsoConsider (crime → I20, also I06)", () => {
    const d = value({ crime_rate: 120 }, { kind: "median", values: { crime_rate: 80 } });
    expect(d.suggestions).toHaveLength(1);
    expect(d.suggestions[0]).toMatchObject({
      issue: "I20",
      alsoConsider: ["I06"],
      reason: "crime 120.0 per 1,000 vs workbook median 80 per 1,000 (lower is better)",
    });
    expect(d.suggestions[0].comparatorSource).toBeUndefined();
  });

  it("suggests I12 and I16 with I02 when views on migration and new migrants are both worse (the conditional influence link)", () => {
    const d = value(
      { views_on_migration: 30, new_migrants_a8: 25 },
      { kind: "custom", label: "CIPFA near neighbours", values: { views_on_migration: 45, new_migrants_a8: 10 } },
    );
    expect(d.suggestions.map((s) => `${s.issue}<-${s.indicator}`)).toEqual([
      "I02<-views_on_migration",
      "I12<-views_on_migration",
      "I16<-new_migrants_a8", // once: the direct link first, the conditional one merged into it
    ]);
    expect(d.suggestions[1].linkBasis).toBe("influence link [inferred], conditional");
    expect(d.suggestions[1].reason).toBe(
      "positive views on migration 30.0% vs CIPFA near neighbours 45%; new migrants 25.0 per 10,000 vs CIPFA near neighbours 10 per 10,000 (lower is better)",
    );
    expect(d.suggestions[2].alsoIndicators).toEqual(["views_on_migration"]);
    expect(d.suggestions[2].reason).toBe(
      "new migrants 25.0 per 10,000 vs CIPFA near neighbours 10 per 10,000 (lower is better); also positive views on migration 30.0% vs CIPFA near neighbours 45%",
    );
    for (const s of d.suggestions) expect(s.confirmed).toBe(false);
  });

  it("a \"feel safe\" column is read with higher = better: the least safe area gets I06, the safest does not", () => {
    const cmp = { kind: "median" as const, values: { feel_safe: 65 } };
    expect(value({ feel_safe: 40 }, cmp).suggestions.map((s) => s.issue)).toEqual(["I06"]);
    expect(value({ feel_safe: 40 }, cmp).suggestions[0].reason).toBe("feel safe 40.0% vs workbook median 65%");
    expect(value({ feel_safe: 90 }, cmp).suggestions).toEqual([]);
    // Fear of crime and feeling safe both worse: one I06 suggestion giving both reasons.
    const both = value({ fear_of_crime: 50, feel_safe: 40 }, { kind: "median", values: { fear_of_crime: 30, feel_safe: 65 } });
    expect(both.suggestions.map((s) => `${s.issue}<-${s.indicator}`)).toEqual(["I06<-fear_of_crime"]);
    expect(both.suggestions[0].alsoIndicators).toEqual(["feel_safe"]);
  });

  it("suggests only I02 when new migrants are not worse", () => {
    const d = value(
      { views_on_migration: 30, new_migrants_a8: 5 },
      { kind: "custom", values: { views_on_migration: 45, new_migrants_a8: 10 } },
    );
    expect(d.suggestions.map((s) => s.issue)).toEqual(["I02"]);
    expect(d.suggestions[0].comparatorLabel).toBe("custom");
  });

  it("notes indicators without a supplied comparator value and rural population (no direction)", () => {
    const d = value({ pulling_together: 20, rural_population: 70 }, { kind: "median", values: {} });
    expect(d.notes.map((n) => `${n.indicator}:${n.code}`)).toEqual(["pulling_together:noComparator", "rural_population:noDirection"]);
    expect(d.suggestions).toEqual([]);
  });

  it("fails missing when median values are absent", () => {
    const r = detectIssues({ trust_others: 50 }, { kind: "median" });
    expect(!r.ok && r.error.code).toBe("missing");
  });
});

describe("detectIssues, input validation", () => {
  it("fails invalid for a percentage above 100, a negative rate or a non-number", () => {
    const cases = [
      detectIssues({ ni2_belonging: 120 }, { kind: "national" }),
      detectIssues({ crime_rate: -1 }, { kind: "median", values: { crime_rate: 5 } }),
      detectIssues({ ni2_belonging: Number.NaN }, { kind: "national" }),
      detectIssues({ ni2_belonging: "48" as unknown as number }, { kind: "national" }),
      detectIssues({ trust_others: 50 }, { kind: "median", values: { trust_others: 150 } }),
    ];
    for (const r of cases) expect(!r.ok && r.error.code).toBe("invalid");
  });

  it("fails notFound naming an unknown indicator", () => {
    const r = detectIssues({ happiness: 50 } as never, { kind: "national" });
    expect(!r.ok && r.error.message).toContain('"happiness"');
  });

  it("fails invalid for an unknown comparator kind", () => {
    const r = detectIssues({ ni2_belonging: 50 }, { kind: "regional" as never });
    expect(!r.ok && r.error.code).toBe("invalid");
  });

  it("warns when every percentage looks like a fraction", () => {
    const r = detectIssues({ ni2_belonging: 0.48, ni4_influence: 0.3 }, { kind: "national" });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["fractionScale"]);
  });
});
