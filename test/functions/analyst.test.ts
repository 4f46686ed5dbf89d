import { installCustomFunctionsStub, show } from "../helpers/customFunctions";
installCustomFunctionsStub();
// eslint-disable-next-line import/first
import * as F from "../../src/functions/functions";

const col = (...v: unknown[]) => v.map((x) => [x]);
const round = (m: unknown[][], d = 2) => m.map((r) => r.map((v) => (typeof v === "number" ? Math.round(v * 10 ** d) / 10 ** d : v)));

describe("COHESION.SURVEYCI", () => {
  it("spills the Wilson interval for a percentage (hand-computed: 60%, n = 800 → 56.57–63.34)", () => {
    expect(round(F.surveyCiFn([[60]], [[800]]))).toEqual([[56.57, 63.34]]);
  });
  it("scale: a lone 0.6 is 60% under auto and \"fraction\", 0.6% under \"percent\"", () => {
    expect(round(F.surveyCiFn([[0.6]], [[800]]))).toEqual([[56.57, 63.34]]);
    expect(round(F.surveyCiFn([[0.6]], [[800]], undefined, "fraction"))).toEqual([[56.57, 63.34]]);
    const pct = F.surveyCiFn([[0.6]], [[800]], undefined, "percent");
    expect(pct[0][0]).toBeLessThan(0.6);
    expect(pct[0][1]).toBeGreaterThan(0.6);
    expect(pct[0][1]).toBeLessThan(2);
    expect(String(show(F.surveyCiFn([[60]], [[800]], undefined, "pct")))).toMatch(/#VALUE! scale must be/);
  });
  it("normal approximation matches Ipsos MORI's worked example (60%, n = 800 → ±3.4)", () => {
    expect(round(F.surveyCiFn([[60]], [[800]], undefined, undefined, undefined, "normal", "halfwidth"), 1)).toEqual([[3.4]]);
  });
  it("a design effect widens the interval by about √deff, and a column spills one row per value", () => {
    const plain = F.surveyCiFn(col(60, 40), [[800]], undefined, undefined, undefined, "normal", "halfwidth");
    const fraction = F.surveyCiFn([[0.6]], [[800]], undefined, undefined, undefined, "normal", "halfwidth"); // a % cell
    const deff = F.surveyCiFn([[60]], [[800]], [[2]], undefined, undefined, "normal", "halfwidth");
    expect(plain).toHaveLength(2);
    expect(plain[0][0]).toBeCloseTo(plain[1][0], 10); // symmetric in p ↔ 100 − p
    expect(fraction[0][0]).toBeCloseTo(plain[0][0], 10);
    expect(deff[0][0] / plain[0][0]).toBeCloseTo(Math.SQRT2, 10);
  });
  it("its half-width plugs into ABG.RANGE", () => {
    const hw = F.surveyCiFn([[58.5]], [[400]], undefined, undefined, undefined, undefined, "halfwidth"); // ≈ ±4.8 points
    expect(hw[0][0]).toBeCloseTo(4.8, 1);
    expect(F.abgRangeFn([[58.5]], hw)).toEqual([["band 1, band 2 or band 3"]]);
  });
  it.each([
    [[[60]], [[0]], undefined, /n \(sample size\)|more than 0|n must/i],
    [[[130]], [[800]], undefined, /between 0 and 100/],
    [[[60]], [[800]], [[0.5]], /deff|design effect/i],
  ])("gives a clear error for bad input (%#)", (p, n, d, msg) => {
    const out = show(F.surveyCiFn(p as unknown[][], n as unknown[][], d as unknown[][] | undefined));
    expect(String(out[0][0])).toMatch(/^#(VALUE!|N\/A) /);
    expect(String(out[0][0])).toMatch(msg);
  });
});

describe("COHESION.COMPARE", () => {
  it("similar when the interval contains the benchmark, else better/worse by polarity", () => {
    expect(F.compareFn(col(70, 85, 60), col(66, 83, 57), col(74, 87, 63), [[82]])).toEqual([["worse"], ["better"], ["worse"]]);
    expect(F.compareFn([[79]], [[76]], [[82]], [[82]])).toEqual([["similar"]]); // inclusive
    expect(F.compareFn([[30]], [[28]], [[32]], [[40]], "lower")).toEqual([["better"]]);
  });
  it("refuses an interval that does not contain its value", () => {
    expect(String(show(F.compareFn([[50]], [[55]], [[60]], [[82]]))[0][0])).toMatch(/^#VALUE! /);
  });
});

describe("COHESION.BENCHMARK", () => {
  it("returns a figure with its period and source", async () => {
    const out = await F.benchmarkFn("CS_2007_AprSep_getonwell");
    expect(out[0][0]).toBe(82);
    expect(String(out[0][2])).toMatch(/^GR /);
  });
  it("a series and year; a year with no figure is #N/A listing the years, never invented", async () => {
    expect((await F.benchmarkFn("getonwell", "2008-09"))[0][0]).toBe(84);
    const missing = show(await F.benchmarkFn("getonwell", "2010-11"));
    expect(String(missing[0][0])).toMatch(/^#N\/A /);
  });
  it("a series with several figures needs a year (no silent latest); the #N/A lists the years", async () => {
    const out = show(await F.benchmarkFn("getonwell"));
    expect(String(out[0][0])).toMatch(/^#N\/A Series "getonwell" has \d+ figures; give a year: .*"2016-17"/);
  });
  it("output \"value\" gives the number alone, so it nests in COMPARE as one comparator", async () => {
    expect(await F.benchmarkFn("getonwell", "2008-09", "value")).toEqual([[84]]);
    const b = await F.benchmarkFn("getonwell", "2008-09", "value");
    expect(F.compareFn([[86]], [[85]], [[87]], b)).toEqual([["better"]]);
    expect(F.compareFn([[83]], [[81]], [[85]], b)).toEqual([["similar"]]);
    expect(String(show(await F.benchmarkFn("getonwell", "2008-09", "number"))[0][0])).toMatch(/^#VALUE! output must be/);
  });
  it("states the comparability break", async () => {
    const out = await F.benchmarkFn("neighbourhood", "2016-17");
    expect(out[0][0]).toBe(62);
    expect(String(out[0][3]).length).toBeGreaterThan(10);
  });
});

describe("COHESION.NEIGHBOURS", () => {
  const names = col("A", "B", "C", "D", "E");
  const ind = [
    [1, 10],
    [2, 10],
    [3, 10],
    [10, 50],
    [2, null],
  ];
  it("ignores rows blank in names and indicators alike (a range drawn past the data)", () => {
    const padded = F.neighboursFn([...names, [null], [""]], [...ind, [null, null], ["", null]], "A", 4);
    expect(padded).toEqual(F.neighboursFn(names, ind, "A", 4));
  });
  it("spills the k nearest with distances, zscore rebased so the farthest is 1", () => {
    // E's blank is filled with its column's mean (z = 0). Population SDs over non-missing values:
    // 3.262 and 17.32 (by hand). Distances from A: B 0.3066, C 0.6131, E 0.653, D 3.598 → rebased by D's.
    const out = F.neighboursFn(names, ind, "A", 4);
    expect(out.map((r) => r[0])).toEqual(["B", "C", "E", "D"]);
    expect(out[3][1]).toBeCloseTo(1, 12);
    expect(out[0][1]).toBeCloseTo(0.3066 / 3.598, 3);
  });
  it("a table of one area has no neighbours: #N/A saying so, not an empty spill (found by fuzzing)", () => {
    expect(String(show(F.neighboursFn([[1]], [[0]], "1"))[0][0])).toBe("#N/A No other areas to compare 1 with: names holds only that area.");
  });
  it("minmax method; an unknown area and a shape mismatch are clear errors", () => {
    expect(F.neighboursFn(names, ind, "A", 3, "minmax").map((r) => r[0])).toEqual(["B", "C", "E"]); // 1/9, 2/9, √((1/9)²+(10/40)²)
    expect(String(show(F.neighboursFn(names, ind, "Z"))[0][0])).toMatch(/^#N\/A .*Z/);
    expect(String(show(F.neighboursFn(col("A", "B"), ind, "A"))[0][0])).toMatch(/names has 2 rows but indicators has 5/);
    expect(String(show(F.neighboursFn(names, [[1, "x"], [2, 3], [3, 3], [4, 4], [5, 5]], "A"))[0][0])).toMatch(/indicators \(row 1, column 2\)/);
  });
});

describe("COHESION.DISSIMILARITY", () => {
  it("0 for identical distributions, 1 for complete separation, hand-worked otherwise", () => {
    expect(F.dissimilarityFn(col(10, 20, 30), col(1, 2, 3))).toEqual([[0]]);
    expect(F.dissimilarityFn(col(10, 0), col(0, 10))).toEqual([[1]]);
    // ½(|10/40 − 30/60| + |30/40 − 30/60|) = ½(0.25 + 0.25) = 0.25
    expect(F.dissimilarityFn(col(10, 30), col(30, 30))[0][0]).toBeCloseTo(0.25, 12);
  });
  it("vsrest equals twogroup with groupB = total − groupA", () => {
    const a = [10, 30, 5];
    const t = [40, 60, 50];
    const vs = F.dissimilarityFn(col(...a), col(...t), "vsrest")[0][0];
    const two = F.dissimilarityFn(col(...a), col(...t.map((x, i) => x - a[i])))[0][0];
    expect(vs).toBeCloseTo(two, 12);
  });
  it("refuses negative counts", () => expect(String(show(F.dissimilarityFn(col(-1, 2), col(1, 2)))[0][0])).toMatch(/^#VALUE! /));
  it("ignores rows blank in both ranges (a range drawn past the data); a blank in one only is still an error", () => {
    expect(F.dissimilarityFn(col(10, 30, null, ""), col(30, 30, null, null))[0][0]).toBeCloseTo(0.25, 12);
    expect(String(show(F.dissimilarityFn(col(10, 30, null), col(30, 30, 5)))[0][0])).toMatch(/^#VALUE! groupA \(row 3, column 1\) is blank/);
  });
});

describe("COHESION.TYPEMIX", () => {
  it("gives the population share per family type and counts what was left out", () => {
    const out = F.typeMixFn(col(30, 20, 20, ""), col(60, 10, 10, 10), col(3, 10, 10, 3), col(null, null, null, null), col(1000, 1500, 1500, 800));
    const share = Object.fromEntries(out.slice(0, 9).map((r) => [r[0], r[2]]));
    expect(share[8]).toBeCloseTo(25, 10);
    expect(share[4]).toBeCloseTo(75, 10);
    expect(out[9]).toEqual(["Sub-areas left out (blank or bad inputs)", "", 1]);
  });
});

describe("COHESION.TYPEMIX overflow (found by fuzzing)", () => {
  it("populations that overflow the total are #VALUE!, not NaN shares", () => {
    const out = show(F.typeMixFn([[20], [20]], [[10], [10]], [[10], [10]], [[null], [null]], [[1.7976931348623157e308], [1.7976931348623157e308]]));
    expect(String(out[0][0])).toMatch(/^#VALUE! The populations add up to more than a number can hold/);
  });
});
