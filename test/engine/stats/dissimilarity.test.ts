import fc from "fast-check";
import { dissimilarity, dissimilarityVsRest } from "../../../src/engine/stats";
import { err, val, warningCodes } from "../../helpers/results";

describe("dissimilarity (Duncan & Duncan 1955)", () => {
  it("[10, 20, 30] vs [30, 20, 10]: ½(|1/6 − 1/2| + 0 + |1/2 − 1/6|) = 1/3", () => {
    expect(val(dissimilarity([10, 20, 30], [30, 20, 10]))).toBeCloseTo(1 / 3, 15);
  });

  it("unequal totals: [30, 10, 10] (A = 50) vs [10, 40, 50] (B = 100): ½(0.5 + 0.2 + 0.3) = 0.5", () => {
    expect(val(dissimilarity([30, 10, 10], [10, 40, 50]))).toBeCloseTo(0.5, 15);
  });

  it("four units: [100, 50, 0, 50] vs [20, 80, 100, 0]: ½(0.4 + 0.15 + 0.5 + 0.25) = 0.65", () => {
    expect(val(dissimilarity([100, 50, 0, 50], [20, 80, 100, 0]))).toBeCloseTo(0.65, 15);
  });

  it("identical distributions give 0 (whatever the group sizes)", () => {
    expect(val(dissimilarity([1, 2, 3], [2, 4, 6]))).toBe(0);
    expect(val(dissimilarity([5, 5], [5, 5]))).toBe(0);
  });

  it("complete separation gives 1", () => {
    expect(val(dissimilarity([5, 0], [0, 7]))).toBe(1);
    expect(val(dissimilarity([3, 0, 4, 0], [0, 9, 0, 1]))).toBe(1);
  });

  it("accepts non-whole counts (weighted estimates)", () => {
    expect(val(dissimilarity([2.5, 7.5], [7.5, 2.5]))).toBeCloseTo(0.5, 15);
  });

  it("one unit gives 0 with a warning", () => {
    const r = dissimilarity([4], [9]);
    expect(val(r)).toBe(0);
    expect(warningCodes(r)).toEqual(["oneUnit"]);
  });

  it("is symmetric in the two groups and stays in [0, 1]", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1000), fc.nat(1000)), { minLength: 1, maxLength: 30 }), (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        const ab = dissimilarity(a, b);
        const ba = dissimilarity(b, a);
        if (!ab.ok || !ba.ok) return a.every((x) => x === 0) || b.every((x) => x === 0);
        return Math.abs(ab.value - ba.value) < 1e-12 && ab.value >= 0 && ab.value <= 1;
      }),
    );
  });

  describe("bad input", () => {
    it.each([
      [[1, -1], [1, 1], "invalid", "groupA"],
      [[1, 1], [1, NaN], "invalid", "groupB"],
      [[1, Infinity], [1, 1], "invalid", "groupA"],
      [[1, 2], [1, 2, 3], "invalid", "groupB"],
      [[0, 0], [1, 2], "invalid", "groupA"],
      [[1, 2], [0, 0], "invalid", "groupB"],
      [[], [], "missing", "groupA"],
      [[1, null], [1, 2], "missing", "groupA"],
    ] as [number[], number[], "invalid" | "missing", string][])("%p vs %p → %s (%s)", (a, b, code, field) => {
      expect(err(dissimilarity(a, b), code).field).toBe(field);
    });
    it("names the item and the accepted range", () => {
      expect(err(dissimilarity([1, 2, -3], [1, 1, 1])).message).toBe("Group A counts item 3 must be a finite number ≥ 0; got -3.");
    });
    it("a blank list is missing", () => {
      err(dissimilarity(undefined as unknown as number[], [1]), "missing");
    });
  });
});

describe("dissimilarityVsRest (single-group form, pysal; Massey & Denton 1988)", () => {
  it("[10, 20, 30] of [40, 40, 40]: P = 0.5, Σ t_i|p_i − P| = 10 + 0 + 10 = 20, D = 20/(2·120·0.25) = 1/3", () => {
    expect(val(dissimilarityVsRest([10, 20, 30], [40, 40, 40]))).toBeCloseTo(1 / 3, 15);
  });

  it("[30, 10, 10] of [40, 50, 60]: P = 1/3, Σ = 16⅔ + 6⅔ + 10 = 33⅓, D = 33⅓/66⅔ = 0.5", () => {
    expect(val(dissimilarityVsRest([30, 10, 10], [40, 50, 60]))).toBeCloseTo(0.5, 14);
  });

  it("a zero-population unit has p_i = 0 and adds nothing: [0, 10, 5] of [0, 20, 20] → 5/18.75 = 0.26667", () => {
    expect(val(dissimilarityVsRest([0, 10, 5], [0, 20, 20]))).toBeCloseTo(4 / 15, 14);
  });

  it("0 for an even spread, 1 for complete separation", () => {
    expect(val(dissimilarityVsRest([10, 20, 30], [20, 40, 60]))).toBe(0);
    expect(val(dissimilarityVsRest([5, 0], [5, 7]))).toBe(1);
  });

  it("agrees with the two-group form when groupB = total − groupA (hand-worked cases)", () => {
    expect(val(dissimilarityVsRest([30, 10, 10], [40, 50, 60]))).toBeCloseTo(val(dissimilarity([30, 10, 10], [10, 40, 50])), 14);
    expect(val(dissimilarityVsRest([0, 10, 5], [0, 20, 20]))).toBeCloseTo(val(dissimilarity([0, 10, 5], [0, 10, 15])), 14);
  });

  it("agrees with the two-group form for random exhaustive groups", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(500), fc.nat(500)), { minLength: 1, maxLength: 40 }), (pairs) => {
        const group = pairs.map((p) => p[0]);
        const rest = pairs.map((p) => p[1]);
        const total = pairs.map((p) => p[0] + p[1]);
        const single = dissimilarityVsRest(group, total);
        const two = dissimilarity(group, rest);
        if (!single.ok || !two.ok) return single.ok === two.ok; // both fail when a group is empty
        return Math.abs(single.value - two.value) < 1e-12;
      }),
    );
  });

  describe("bad input", () => {
    it("a group count above its unit total (pysal raises an error here)", () => {
      const e = err(dissimilarityVsRest([5, 21], [10, 20]), "invalid");
      expect(e.field).toBe("group");
      expect(e.message).toMatch(/unit 2 is above that unit's total 20/);
    });
    it.each([
      [[0, 0], [10, 20], "group", /absent/],
      [[10, 20], [10, 20], "group", /everyone/],
      [[0, 0], [0, 0], "total", /above 0/],
      [[1, 2], [3], "total", /one count per unit/],
      [[1, -2], [3, 3], "group", /≥ 0/],
      [[1, 2], [3, NaN], "total", /finite/],
    ] as [number[], number[], string, RegExp][])("%p of %p → invalid (%s)", (g, t, field, msg) => {
      const e = err(dissimilarityVsRest(g, t), "invalid");
      expect(e.field).toBe(field);
      expect(e.message).toMatch(msg);
    });
    it("empty lists are missing", () => {
      err(dissimilarityVsRest([], []), "missing");
    });
  });
});

describe("extreme magnitudes (found by fast-check)", () => {
  it("totals that overflow, a group that underflows, and totals near 1e308 give the definition's D", () => {
    expect(val(dissimilarity([0, 1e308, 1e308, 0], [0, 0, 1e308, 1e308]))).toBeCloseTo(0.5, 12);
    expect(val(dissimilarityVsRest([5e-324], [250]))).toBe(0); // one unit
    expect(val(dissimilarityVsRest([5e-324, 0], [250, 250]))).toBeCloseTo(0.5, 12); // all the group in unit 1, the rest split evenly
    expect(val(dissimilarityVsRest([0, 1e308, 0], [1e300, 1e308, 0]))).toBe(1);
  });
});
