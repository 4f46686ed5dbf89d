/** Every @example in the TSDoc of src/engine/stats, repeated so that the documentation stays true. */
import {
  BENCHMARK_SERIES,
  BENCHMARKS,
  benchmark,
  benchmarkValue,
  compareToBenchmark,
  designEffectFromWeights,
  dissimilarity,
  dissimilarityVsRest,
  listBenchmarks,
  nearestNeighbours,
  normalQuantile,
  normaliseYear,
  prepareNeighbours,
  surveyCi,
  zForLevel,
} from "../../../src/engine/stats";
import { err, val, warningCodes } from "../../helpers/results";

describe("TSDoc examples", () => {
  it("normal.ts", () => {
    expect(val(normalQuantile(0.975))).toBeCloseTo(1.959963984540054, 15);
    expect(val(normalQuantile(0.5))).toBe(0);
    expect(val(zForLevel(0.95))).toBeCloseTo(1.959963984540054, 15);
    expect(val(zForLevel(0.99))).toBeCloseTo(2.5758293035489004, 14);
  });

  it("surveyCi.ts", () => {
    expect(val(surveyCi(60, 800, { method: "normal" }))).toMatchObject({
      lower: expect.closeTo(56.605, 3),
      upper: expect.closeTo(63.395, 3),
      halfWidth: expect.closeTo(3.395, 3),
    });
    expect(val(surveyCi(70, 1100))).toMatchObject({
      lower: expect.closeTo(67.226, 3),
      upper: expect.closeTo(72.635, 3),
      halfWidth: expect.closeTo(2.704, 3),
      method: "wilson",
    });
    expect(val(surveyCi(70, 1100, { method: "normal", deff: 1.5 }))).toMatchObject({
      halfWidth: expect.closeTo(3.317, 3),
      nEffective: expect.closeTo(733.33, 2),
    });
    expect(val(designEffectFromWeights([1, 1, 2, 2]))).toEqual({ deff: 1.1111111111111112, nEffective: 3.6, n: 4 });
    expect(val(designEffectFromWeights([3, 3, 3]))).toEqual({ deff: 1, nEffective: 3, n: 3 });
  });

  it("compareToBenchmark.ts", () => {
    expect(val(compareToBenchmark(75, 72.4, 77.5, 82))).toBe("worse");
    expect(val(compareToBenchmark(80, 77.1, 82.0, 82))).toBe("similar");
    expect(val(compareToBenchmark(20, 15, 25, 30, "lower"))).toBe("better");
  });

  it("benchmarks.ts", () => {
    expect(BENCHMARKS.find((r) => r.id === "CS_2007_AprSep_getonwell")?.value).toBe(82);
    expect(BENCHMARK_SERIES.find((s) => s.id === "getonwell")?.notFoundYears).toEqual(["2010-11", "2021-22", "2023-24", "2024-25"]);
    expect(normaliseYear("2016/2017")).toBe("2016-17");
    expect(normaliseYear("Apr–Sep 2007")).toBe("apr-sep 2007");
    expect(val(benchmark("CS_2007_AprSep_getonwell"))).toMatchObject({
      value: 82,
      population: "England and Wales, adults 16+",
      source: { doc: "GR", ref: "¶3.70; fn 5" },
    });
    const r = benchmark("neighbourhood", "2016/17");
    expect(val(r)).toMatchObject({ id: "CLS_2016_17_neighbourhood", value: 62 });
    expect(warningCodes(r)).toEqual(["comparability"]);
    expect(err(benchmark("getonwell", "2010-11"), "notFound").message).toMatch(/2010-11 is marked "not found" in the sources/);
    expect(val(benchmarkValue("Table1_total"))).toBe(78.9);
    expect(val(benchmarkValue("influence", "2009-10"))).toBe(37);
    expect(err(benchmarkValue("neighbourhood", "2013-14 to 2015-16"), "notFound").message).toMatch(/a range, 58–60%/);
    expect(val(listBenchmarks("britain")).map((x) => [x.id, x.value])).toEqual([
      ["SoS_Oct2007_Britain", 85],
      ["GR_Jan2008_Britain", 84],
    ]);
    expect(val(listBenchmarks())).toBe(BENCHMARKS);
    expect(BENCHMARKS).toHaveLength(48);
  });

  it("nearestNeighbours.ts", () => {
    expect(val(val(prepareNeighbours(["A", "B", "C"], [[1], [2], [4]])).query("A", 1))).toEqual([
      { name: "B", distance: expect.closeTo(1 / 3, 14) },
    ]);
    expect(val(nearestNeighbours(["A", "B", "C", "D"], [[0], [1], [3], [-1]], "A", { k: 2 }))).toEqual([
      { name: "B", distance: expect.closeTo(1 / 3, 14) },
      { name: "D", distance: expect.closeTo(1 / 3, 14) },
    ]);
    expect(val(nearestNeighbours(["A", "B", "C"], [[0, 0], [1, 10], [2, 5]], "A", { method: "minmax", k: 1 }))).toEqual([
      { name: "B", distance: expect.closeTo(1.118034, 6) },
    ]);
  });

  it("dissimilarity.ts", () => {
    expect(val(dissimilarity([10, 20, 30], [30, 20, 10]))).toBeCloseTo(0.3333333333333333, 15);
    expect(val(dissimilarity([5, 0], [0, 7]))).toBe(1);
    expect(val(dissimilarity([1, 2, 3], [2, 4, 6]))).toBe(0);
    expect(val(dissimilarityVsRest([10, 20, 30], [40, 40, 40]))).toBeCloseTo(0.3333333333333333, 15);
    expect(val(dissimilarityVsRest([5, 0], [5, 7]))).toBe(1);
  });
});

describe("indicatorTable (the rows → names and indicators rule shared by the CLI and the pane)", () => {
  it("skips rows without a name; blank and non-number cells are missing, the latter listed", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { indicatorTable } = require("../../../src/engine/stats");
    expect(indicatorTable([["A", 1, ""], ["", 2, 3], undefined, ["B", "x", " 4 "]], 0, [1, 2])).toEqual({
      names: ["A", "B"],
      table: [
        [1, null],
        [null, 4],
      ],
      notNumbers: [{ row: 3, column: 1 }],
    });
  });
});
