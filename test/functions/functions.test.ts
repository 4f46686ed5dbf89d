import { installCustomFunctionsStub, isErr, show, StubError } from "../helpers/customFunctions";
installCustomFunctionsStub();
// eslint-disable-next-line import/first
import * as F from "../../src/functions/functions";

const col = (...v: unknown[]) => v.map((x) => [x]);

describe("COHESION.FAMILYTYPE / FAMILYGROUP", () => {
  it("single cells give a 1×1 result", () => {
    expect(F.familyType([[18]], [[12]], [[3]], [[2400]])).toEqual([[2]]);
    expect(F.familyGroup([[18]], [[12]], [[3]], [[2400]])).toEqual([["b"]]);
  });
  it("whole columns spill the same shape, with errors in their own rows only", () => {
    const out = F.familyType(col(18, 30, 20, "", 20), col(12, 60, 10, 10, 10), col(3, 10, 3, 3, 3), col(2400, null, null, null, "lots"));
    expect(out).toHaveLength(5);
    expect(out[0][0]).toBe(2);
    expect(out[1][0]).toBe(9);
    const e2 = out[2][0] as unknown as StubError;
    expect(isErr(e2) && e2.code).toBe("#N/A"); // jobs needed for type 2/3
    expect(e2.message).toMatch(/1984 coal, textiles and steel jobs are needed/);
    const e3 = out[3][0] as unknown as StubError;
    expect(isErr(e3) && [e3.code, e3.message]).toEqual(["#N/A", "NVQ4+ share is blank. Give a percentage, 0–100 (or 0–1 from an Excel % cell)."]);
    const e4 = out[4][0] as unknown as StubError;
    expect(isErr(e4) && e4.code).toBe("#VALUE!");
    expect(e4.message).toMatch(/1984 coal, textiles and steel jobs must be a number; got the text "lots"/);
  });
  it("TRUE/FALSE in a number argument is named as a logical value (issue 12.6)", () => {
    const e = F.familyType([[20]], [[10]], [[true]])[0][0] as unknown as StubError;
    expect(isErr(e) && [e.code, e.message]).toEqual(["#VALUE!", "A8 workers per 10,000 must be a number; got TRUE, a logical value. Give a number of 0 or more."]);
  });
  it("a single cell argument applies to every row", () => {
    expect(F.familyType(col(20, 30), [[10]], [[10]])).toEqual([[4], [7]]);
  });
  it("mismatched ranges are one clear #VALUE!", () => {
    expect(show(F.familyType(col(20, 30), col(10, 10, 10), [[10]]))).toEqual([["#VALUE! rural is 3×1 but nvq4 is 2×1; give ranges of the same size, or a single cell."]]);
  });
  it("Excel percent cells (fractions) and 0–100 give the same answer", () => {
    expect(F.familyType([[0.18]], [[0.12]], [[3]], [[2400]])).toEqual([[2]]);
  });
  it("group e only by assertion, for types 5–9; empty otherwise", () => {
    expect(F.familyGroup(col(30, 30), col(10, 10), col(3, 3), null as unknown as unknown[][], undefined, undefined, col(true, false))).toEqual([["e"], [""]]);
  });
  it("rejects an unknown option with the choices, as a one-cell error (never a thrown exception)", () => {
    expect(show(F.familyType([[20]], [[10]], [[10]], undefined, "percentage"))).toEqual([['#VALUE! scale must be one of "auto", "percent", "fraction"; got "percentage".']]);
  });
  it("boundaryMode exclusive moves exactly 25% to less affluent", () => {
    expect(F.familyType([[25]], [[10]], [[10]], undefined, "percent")).toEqual([[7]]);
    expect(F.familyType([[25]], [[10]], [[10]], undefined, "percent", "exclusive")).toEqual([[4]]);
  });
  it("one call pools its percentages (issue 12): FAMILYTYPE(30, 0.5, 10) reads rural as 0.5 %, not 50 %", () => {
    expect(F.familyType([[30]], [[0.5]], [[10]])).toEqual([[7]]); // urban, affluent, changing (the per-argument rule gave 9: rural)
    expect(F.familyTypeExplain([[30]], [[0.5]], [[10]])[0][0]).toMatch(/rural 0\.5% < 50 → urban.*Percentages read as per cent: a value above 1 in the call \(NVQ4\+ share 30\)\.$/);
    // A column: the pool is the whole call, so a row of fractions-looking values is per cent too.
    expect(F.familyType(col(30, 0.6), col(0.5, 0.7), col(10, 10), col(0, 2000))).toEqual([[7], [4]]);
  });
  it("EXPLAIN always names the scale, and flags a guess", () => {
    expect(F.familyTypeExplain([[0.3]], [[0.5]], [[10]])[0][0]).toMatch(
      /^Type 9 .*Percentages read as fractions: every percentage in the call is within 0–1 \(ambiguous\)\. Warning: Percentages read as fractions \(0\.5 = 50%\): every percentage in the call is within 0–1; give scale "percent" if 0\.5 means 0\.5%\.$/,
    );
    expect(F.familyTypeExplain([[0.3]], [[0.5]], [[10]], undefined, "fraction")[0][0]).toMatch(/Percentages read as fractions: scale "fraction" given\.$/);
    expect(F.abgExplainFn([[0.59]])[0][0]).toMatch(/Score read as fractions: every percentage in the call is within 0–1 \(ambiguous\)\. Warning: Percentages read as fractions/);
  });
  it("FAMILYTYPE.EXPLAIN says which rule fired, or why there is no result", () => {
    const out = F.familyTypeExplain(col(30, 20), col(10, 10), col(3, 3));
    expect(out[0][0]).toMatch(/^Type 6 \(Stable affluent urban areas\): NVQ4\+ 30% ≥ 25 → affluent/);
    expect(out[1][0]).toMatch(/^No result: 1984 coal, textiles and steel jobs are needed/);
  });
});

describe("COHESION.TYPEINFO", () => {
  it("spills name, average, areas, band for a type", () => {
    expect(F.typeInfoFn([[3]])).toEqual([["Stable less affluent urban areas without manufacturing decline", 74.1, 29, "Lower cohesion areas"]]);
  });
  it("gives one field for a column of types, and the published total", () => {
    expect(F.typeInfoFn(col(1, 9, "total"), "average")).toEqual([[72.2], [83.0], [78.9]]);
    expect(F.typeInfoFn([["total"]], "areas")).toEqual([[353]]);
  });
  it("errors in the row of a bad type only", () => {
    const out = show(F.typeInfoFn(col(2, 10, ""), "name"));
    expect(out[0][0]).toBe("Stable less affluent urban areas with manufacturing decline");
    expect(out[1][0]).toBe("#VALUE! Family type must be a whole number from 1 to 9; got 10.");
    expect(out[2][0]).toMatch(/^#N\/A Family type is blank/);
  });
});

describe("COHESION.ABG.*", () => {
  it("BAND and ALLOCATION at the edges: 55.0 is band 2, 75.0 gets £0", () => {
    expect(F.abgBandFn(col(54.9, 55, 74.9, 75))).toEqual([[1], [2], [5], [0]]);
    expect(F.abgAllocationFn(col(54.9, 55, 74.9, 75))).toEqual([[660000], [540000], [150000], [0]]);
  });
  it.each([
    [55, 660000, 540000],
    [60, 540000, 410000],
    [65, 410000, 280000],
    [70, 280000, 150000],
    [75, 150000, 0],
  ])("at the %d%% cut-off: just below → £%d; at it and just above → £%d ([lower, upper) bands, GR ¶2.3)", (t, below, atOrAbove) => {
    expect(F.abgAllocationFn(col(t - 0.001, t, t + 0.001))).toEqual([[below], [atOrAbove], [atOrAbove]]);
    const band = (x: number) => [660000, 540000, 410000, 280000, 150000].indexOf(x) + 1;
    expect(F.abgBandFn(col(t - 0.001, t, t + 0.001))).toEqual([[band(below)], [band(atOrAbove)], [band(atOrAbove)]]);
  });
  it("reads Excel percent cells", () => {
    expect(F.abgAllocationFn(col(0.549, 0.55, 0.75))).toEqual([[660000], [540000], [0]]);
  });
  it("a blank cell in a column errors for that row only", () => {
    const out = show(F.abgAllocationFn(col(60, null, 72)));
    expect(out).toEqual([[410000], ["#N/A Score (get on well together %) is blank. Give a percentage, 0–100 (or 0–1 from an Excel % cell)."], [150000]]);
  });
  it("text, negatives, >100 and errors in the column are #VALUE! with a message", () => {
    const out = show(F.abgBandFn(col("n/a", -3, 130, { error: "#N/A" })));
    expect(out.map((r) => String(r[0]).slice(0, 7))).toEqual(["#VALUE!", "#VALUE!", "#VALUE!", "#VALUE!"]);
    expect(out[1][0]).toMatch(/between 0 and 100/);
  });
  it("basis lower/upper use score ∓ ci", () => {
    expect(F.abgBandFn([[59]], [[2]], undefined, "lower")).toEqual([[2]]);
    expect(F.abgBandFn([[59]], [[2]], undefined, "upper")).toEqual([[3]]);
    expect(F.abgAllocationFn([[59]], [[2]], undefined, "upper")).toEqual([[410000]]);
  });
  it("basis lower without a ci is #N/A saying so", () => {
    const out = show(F.abgBandFn([[59]], undefined, undefined, "lower"));
    expect(out[0][0]).toMatch(/^#N\/A Basis "lower" needs the score's confidence interval/);
  });
  it("RANGE gives the bands a CI spans, and the £ extremes", () => {
    expect(F.abgRangeFn(col(59, 57.9, 74), [[2]])).toEqual([["band 2 or band 3"], ["band 2"], ["band 5 or no band"]]);
    expect(F.abgRangeFn([[59]], [[2]], undefined, "uncertain")).toEqual([[true]]);
    expect(F.abgRangeFn([[59]], [[2]], undefined, "min")).toEqual([[410000]]);
    expect(F.abgRangeFn([[59]], [[2]], undefined, "max")).toEqual([[540000]]);
  });
  it("EXPLAIN", () => {
    expect(F.abgExplainFn([[59]], [[2]])[0][0]).toBe(
      'Score 59% → band 2 ("below 60% but at least 55%"), £540,000. GR ¶2.3. Band uncertain: the interval 57%–61% spans band 2 or band 3 (£410,000 to £540,000). Score read as per cent: a value above 1 in the call (score 59).',
    );
  });
  it("SUMMARY totals a column against the £34m", () => {
    const out = F.abgSummaryFn(col(50, 56, 61, 66, 71, 80, ""), [[0]]);
    expect(out[0]).toEqual(["ABG band", "Areas", "Allocation (£)"]);
    // The engine's ABG table, in the Summary sheet's words (issue 14: one builder).
    expect(out.find((r) => r[0] === "Total allocation (£)")).toEqual(["Total allocation (£)", 6, 660000 + 540000 + 410000 + 280000 + 150000]);
    expect(out.find((r) => r[0] === "£34m ABG cohesion programme (£)")).toEqual(["£34m ABG cohesion programme (£)", "", 34000000]);
    expect(out.find((r) => r[0] === "Share of the programme (%)")).toEqual(["Share of the programme (%)", "", 6]); // £2,040,000 of £34m
    expect(out.find((r) => String(r[0]).startsWith("Rows with no band"))?.[1]).toBe(1);
    expect(out[11]).toEqual(["Rows whose band is uncertain under the CI", 0, ""]); // a CI of 0 was given: assessed
  });
  it("SUMMARY without a CI says uncertainty was not assessed, not \"0 uncertain\" (issue 12.4); the spill keeps its 12 rows", () => {
    const out = F.abgSummaryFn(col(50, 59, 80));
    expect(out).toHaveLength(12);
    expect(out[11]).toEqual(["Uncertainty not assessed: no confidence intervals given", "", ""]);
  });
});
