import { ABG_BANDS, abgAmount, abgBand, assessAbg } from "../../src/engine";

describe("abgBand (GR ¶2.3)", () => {
  it.each([
    [0, 1],
    [54.9, 1],
    [54.999999, 1],
    [55, 2], // "below 60% but at least 55%"
    [59.9, 2],
    [60, 3],
    [64.9, 3],
    [65, 4],
    [69.9, 4],
    [70, 5],
    [74.9, 5],
    [74.99999, 5],
    [75, 0], // no band is printed
    [75.1, 0],
    [100, 0],
  ])("score %d is band %i", (score, band) => expect(abgBand(score)).toBe(band));

  it.each([
    [1, 660000],
    [2, 540000],
    [3, 410000],
    [4, 280000],
    [5, 150000],
    [0, 0],
  ] as const)("band %i is £%i", (band, amount) => expect(abgAmount(band)).toBe(amount));

  it("bands are contiguous 5-point steps from 55 to 75", () => {
    const rows = ABG_BANDS.rows;
    for (let i = 1; i < rows.length; i++) expect(rows[i].minInclusive).toBe(rows[i - 1].maxExclusive);
    expect(rows[rows.length - 1].maxExclusive).toBe(ABG_BANDS.noBand.minInclusive);
  });
});

describe("assessAbg with confidence intervals (GR fn 6; decision A4)", () => {
  it("without a CI: band of the point score, certain", () => {
    const r = assessAbg(72.5);
    expect(r.ok && r.value).toMatchObject({ band: 5, amountGbp: 150000, rangeText: "band 5", uncertain: false, ci: null });
  });
  it("55.0 is band 2 and 75.0 gets £0", () => {
    expect(assessAbg(55).ok && (assessAbg(55) as { value: { band: number } }).value.band).toBe(2);
    const r = assessAbg(75);
    expect(r.ok && r.value.amountGbp).toBe(0);
    expect(r.ok && r.explanation).toMatch(/PAYP still distributed/);
  });
  it("flags a CI that straddles a threshold and gives the band range", () => {
    const r = assessAbg(59, { ci: 2 });
    expect(r.ok && r.value).toMatchObject({ band: 2, bandAtLower: 2, bandAtUpper: 3, rangeText: "band 2 or band 3", uncertain: true, amountMinGbp: 410000, amountMaxGbp: 540000 });
  });
  it("an interval ending exactly on a threshold reaches the next band ([lower, upper))", () => {
    const r = assessAbg(58, { ci: 2 }); // 56–60
    expect(r.ok && r.value.rangeText).toBe("band 2 or band 3");
    const s = assessAbg(57.9, { ci: 2 }); // 55.9–59.9
    expect(s.ok && s.value).toMatchObject({ rangeText: "band 2", uncertain: false });
  });
  it("a wide interval names every band it spans; into 'no band' it says so, never 5–0", () => {
    const wide = assessAbg(58, { ci: 8 });
    expect(wide.ok && wide.value.rangeText).toBe("band 1, band 2, band 3 or band 4");
    const top = assessAbg(74, { ci: 2 });
    expect(top.ok && top.value).toMatchObject({ rangeText: "band 5 or no band", amountMinGbp: 0, amountMaxGbp: 150000 });
    const across = assessAbg(69, { ci: 6 }); // 63–75
    expect(across.ok && across.value.rangeText).toBe("band 3, band 4, band 5 or no band");
    expect(across.ok && across.warnings.map((w) => w.message)).toEqual(["band uncertain: the CI spans band 3, band 4, band 5 or no band"]);
    const none = assessAbg(80, { ci: 2 });
    expect(none.ok && none.value.rangeText).toBe("no band");
    expect(none.ok && none.explanation).toBe("Score 80% → no band (75% or more: no ABG cohesion allocation band; PAYP still distributed to all authorities), £0. GR ¶2.3. The interval 78%–82% is all at 75% or more: no band.");
  });
  it.each([
    ["point", 59, 2],
    ["lower", 57, 2],
    ["upper", 61, 3],
  ] as const)("basis %s uses %d → band %i", (basis, basisScore, band) => {
    const r = assessAbg(59, { ci: 2, basis });
    expect(r.ok && r.value).toMatchObject({ basisScore, band });
  });
  it("basis lower crosses down a threshold", () => {
    const r = assessAbg(60.5, { ci: 1, basis: "lower" });
    expect(r.ok && r.value).toMatchObject({ basisScore: 59.5, band: 2, amountGbp: 540000 });
  });
  it("no binary noise at a threshold: 60.1 − 0.1 is exactly 60 (band 3)", () => {
    const r = assessAbg(60.1, { ci: 0.1, basis: "lower" });
    expect(r.ok && r.value).toMatchObject({ basisScore: 60, band: 3 });
  });
  it("keeps interval ends within 0–100", () => {
    const r = assessAbg(99, { ci: 5, basis: "upper" });
    expect(r.ok && r.value.basisScore).toBe(100);
    const l = assessAbg(1, { ci: 5, basis: "lower" });
    expect(l.ok && l.value.basisScore).toBe(0);
  });
  it("basis lower/upper without a CI is an error, not a silent point reading", () => {
    const r = assessAbg(59, { basis: "upper" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: "missing", field: "ci" });
  });
  it.each([-1, 100.1, NaN, Infinity])("rejects score %p", (s) => expect(assessAbg(s).ok).toBe(false));
  it.each([-1, NaN, 101])("rejects ci %p", (ci) => expect(assessAbg(60, { ci }).ok).toBe(false));
  it("explains the rule with the GR wording", () => {
    const r = assessAbg(57.3);
    expect(r.ok && r.explanation).toBe('Score 57.3% → band 2 ("below 60% but at least 55%"), £540,000. GR ¶2.3.');
  });
});

describe("FUNDING_COMPONENTS (decision A21)", () => {
  it("holds the printed lines; the four priced ones sum to £49.5m, and only the unitemised £0.5m line closes the gap to £50m", () => {
    const { FUNDING_COMPONENTS, ABG_PROGRAMME } = require("../../src/engine") as typeof import("../../src/engine");
    const amounts = FUNDING_COMPONENTS.lines.map((l) => l.amountGbp ?? 0);
    expect(amounts).toEqual([34_000_000, 4_500_000, 3_000_000, 8_000_000, 500_000]);
    expect(amounts.slice(0, 4).reduce((a, b) => a + b, 0)).toBe(49_500_000);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(FUNDING_COMPONENTS.totalGbp);
    expect(FUNDING_COMPONENTS.totalGbp).toBe(ABG_PROGRAMME.totalInvestmentGbp);
    expect(amounts[0] + amounts[1]).toBe(ABG_PROGRAMME.settlementGbp);
    expect(FUNDING_COMPONENTS.footnote).toMatch(/"the remaining £8m"/);
  });
});

describe("a score within 1e-9 below a cut-off (found by fast-check)", () => {
  it("keeps its own band at the ends of a zero-width interval: RANGE agrees with BAND", () => {
    const { assessAbg } = require("../../src/engine") as typeof import("../../src/engine");
    for (const [score, band] of [[74.9999999999, 5], [54.9999999999, 1]] as const) {
      for (const ci of [null, 0]) {
        for (const basis of ci === null ? (["point"] as const) : (["point", "lower", "upper"] as const)) {
          const r = assessAbg(score, { ci, basis });
          expect(r.ok && [r.value.band, r.value.bandAtLower, r.value.bandAtUpper, r.value.uncertain]).toEqual([band, band, band, false]);
        }
      }
    }
  });
});
