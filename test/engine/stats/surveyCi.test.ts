import { designEffectFromWeights, surveyCi, type SurveyCiOptions } from "../../../src/engine/stats";
import { err, round, val, warningCodes } from "../../helpers/results";

const Z95 = 1.959963984540054;

/** The Wilson bounds exactly as the spec prints them (OHID): (2O + z² ∓ z√(z² + 4Oq)) / (2(n + z²)), in %. */
function wilsonBySpec(pct: number, n: number, z = Z95): [number, number] {
  const p = pct / 100;
  const o = p * n;
  const q = 1 - p;
  const root = z * Math.sqrt(z * z + 4 * o * q);
  const den = 2 * (n + z * z);
  return [((2 * o + z * z - root) / den) * 100, ((2 * o + z * z + root) / den) * 100];
}

describe("surveyCi, normal approximation (Ipsos MORI)", () => {
  it('reproduces the worked example: "60% … sample size … 800 … ±3.4 percentage point"', () => {
    const ci = val(surveyCi(60, 800, { method: "normal" }));
    // 1.959964 × √(0.6 × 0.4 / 800) = 1.959964 × 0.0173205 = 0.0339476
    expect(ci.halfWidth).toBeCloseTo(3.39476, 4);
    expect(round(ci.halfWidth, 1)).toBe(3.4);
    expect(ci.lower).toBeCloseTo(56.60524, 4);
    expect(ci.upper).toBeCloseTo(63.39476, 4);
    expect(ci.method).toBe("normal");
    expect(ci.nEffective).toBe(800);
    expect(ci.z).toBeCloseTo(1.959964, 6);
  });

  // Consequences for the ABG bands (computed here): normal ± and with deff 1.5 ±
  it.each([
    [70, 1100, 2.7, 3.3],
    [55, 1100, 2.9, 3.6],
    [75, 1100, 2.6, 3.1],
    [70, 400, 4.5, 5.5],
  ])("p = %d%%, n = %d: ± %d points, and ± %d with deff 1.5 (spec table)", (p, n, plain, withDeff) => {
    const a = val(surveyCi(p, n, { method: "normal" }));
    const b = val(surveyCi(p, n, { method: "normal", deff: 1.5 }));
    expect(round(a.halfWidth, 1)).toBe(plain);
    expect(round(b.halfWidth, 1)).toBe(withDeff);
    expect(b.halfWidth / a.halfWidth).toBeCloseTo(Math.sqrt(1.5), 12); // widened by exactly √deff
    expect(b.nEffective).toBeCloseTo(n / 1.5, 12);
  });

  it("is symmetric about p when not clipped: halfWidth = upper − p = p − lower", () => {
    const ci = val(surveyCi(30, 250, { method: "normal" }));
    expect(ci.upper - 30).toBeCloseTo(ci.halfWidth, 12);
    expect(30 - ci.lower).toBeCloseTo(ci.halfWidth, 12);
  });

  it("clips to 0–100 with a warning, keeping the ± margin as halfWidth (p = 50, n = 1)", () => {
    const r = surveyCi(50, 1, { method: "normal" });
    const ci = val(r);
    expect(ci.halfWidth).toBeCloseTo(97.9982, 3); // 1.959964 × √0.25 × 100
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBe(100);
    expect(warningCodes(r)).toContain("clipped");
  });

  it("gives a zero-width interval at p = 0 and p = 100, with a warning", () => {
    for (const p of [0, 100]) {
      const r = surveyCi(p, 500, { method: "normal" });
      expect(val(r)).toMatchObject({ lower: p, upper: p, halfWidth: 0 });
      expect(warningCodes(r)).toEqual(["zeroWidth"]);
    }
  });

  it("warns when fewer than 5 respondents are expected on one side", () => {
    expect(warningCodes(surveyCi(4, 100, { method: "normal" }))).toEqual(["smallCounts"]); // n·p = 4
    expect(warningCodes(surveyCi(50, 100, { method: "normal" }))).toEqual([]);
  });
});

describe("surveyCi, Wilson score interval (OHID's preferred method, the default)", () => {
  // Wilson score interval (OHID Fingertips method), worked values
  it.each([
    [70, 1100, 67.2, 72.6],
    [75, 1100, 72.4, 77.5],
    [70, 400, 65.3, 74.3],
  ])("p = %d%%, n = %d: %d–%d (spec table)", (p, n, lo, hi) => {
    const ci = val(surveyCi(p, n));
    expect(ci.method).toBe("wilson");
    expect(round(ci.lower, 1)).toBe(lo);
    expect(round(ci.upper, 1)).toBe(hi);
  });

  it("p = 55%, n = 1100: 52.0–57.9 (the spec table's \"52.1\" is the normal approximation's 52.06, not Wilson's 52.048)", () => {
    const ci = val(surveyCi(55, 1100));
    expect(ci.lower).toBeCloseTo(52.04772, 4);
    expect(ci.upper).toBeCloseTo(57.91748, 4);
    expect(round(ci.lower, 1)).toBe(52.0);
    expect(round(ci.upper, 1)).toBe(57.9);
    expect(round(val(surveyCi(55, 1100, { method: "normal" })).lower, 1)).toBe(52.1);
  });

  it("70%, n = 1100: 67.2261–72.6347, half-width (upper − lower)/2 = 2.7043", () => {
    const ci = val(surveyCi(70, 1100));
    expect(ci.lower).toBeCloseTo(67.22614, 4);
    expect(ci.upper).toBeCloseTo(72.63466, 4);
    expect(ci.halfWidth).toBeCloseTo(2.70426, 4);
    expect(ci.halfWidth).toBeCloseTo((ci.upper - ci.lower) / 2, 12);
  });

  it.each([
    [60, 800],
    [70, 1100],
    [3, 50],
    [97, 50],
    [12.5, 17],
    [50, 2],
  ])("agrees with the spec's formula in O and q at p = %d%%, n = %d", (p, n) => {
    const [lo, hi] = wilsonBySpec(p, n);
    const ci = val(surveyCi(p, n));
    expect(ci.lower).toBeCloseTo(lo, 10);
    expect(ci.upper).toBeCloseTo(hi, 10);
  });

  describe("edges (hand-worked with z² = 3.841459)", () => {
    it("p = 0, n = 1: 0 to z²/(1 + z²) = 79.3451%", () => {
      const ci = val(surveyCi(0, 1));
      expect(ci.lower).toBe(0);
      expect(ci.upper).toBeCloseTo(79.34507, 4);
    });
    it("p = 100, n = 1: 1/(1 + z²) = 20.6549% to 100", () => {
      const ci = val(surveyCi(100, 1));
      expect(ci.lower).toBeCloseTo(20.65493, 4);
      expect(ci.upper).toBe(100);
    });
    it("p = 50, n = 1: 5.4621% to 94.5379%, centred on 50", () => {
      const ci = val(surveyCi(50, 1));
      expect(ci.lower).toBeCloseTo(5.462076, 5);
      expect(ci.upper).toBeCloseTo(94.537924, 5);
      expect(ci.halfWidth).toBeCloseTo(44.537924, 5);
    });
    it("p = 0, n = 100: 0 to 3.6993%; p = 100 mirrors it", () => {
      expect(val(surveyCi(0, 100)).upper).toBeCloseTo(3.69935, 4);
      expect(val(surveyCi(100, 100)).lower).toBeCloseTo(96.30065, 4);
    });
    it("stays within [0, 100] and contains p, for p across the range and tiny to huge n", () => {
      for (const n of [0.5, 1, 7, 1100, 1e9]) {
        for (const p of [0, 0.001, 1, 33.3, 50, 99.999, 100]) {
          const ci = val(surveyCi(p, n));
          expect(ci.lower).toBeGreaterThanOrEqual(0);
          expect(ci.upper).toBeLessThanOrEqual(100);
          expect(ci.lower).toBeLessThanOrEqual(p);
          expect(ci.upper).toBeGreaterThanOrEqual(p);
        }
      }
    });
  });

  // Regression: fast-check found n = 1.7976931348623157e308 (Number.MAX_VALUE) giving NaN, because
  // 2O + z² + z√(z² + 4Oq) overflowed to Infinity over an Infinity denominator.
  it("stays finite at the extremes of n: Number.MAX_VALUE, 1e300, 1e-300 and 5e-324", () => {
    for (const n of [Number.MAX_VALUE, 1e300, 1e-300, 5e-324]) {
      for (const p of [0, 0.001, 50, 99.999, 100]) {
        const ci = val(surveyCi(p, n));
        for (const v of [ci.lower, ci.upper, ci.halfWidth]) expect(Number.isFinite(v)).toBe(true);
        expect(ci.lower).toBeLessThanOrEqual(p);
        expect(ci.upper).toBeGreaterThanOrEqual(p);
      }
    }
    expect(val(surveyCi(50, Number.MAX_VALUE)).halfWidth).toBe(0);
    expect(val(surveyCi(50, 1e-300)).upper).toBe(100);
  });
  it("the huge-n form agrees with the spec's form where both are exact (n = 1 to 1e6)", () => {
    for (const n of [1, 2, 10, 1100, 1e6]) {
      for (const p of [0.5, 37, 50, 88]) {
        const [lo, hi] = wilsonBySpec(p, n);
        expect(val(surveyCi(p, n)).lower).toBeCloseTo(lo, 9);
        expect(val(surveyCi(p, n)).upper).toBeCloseTo(hi, 9);
      }
    }
  });
  it("normal approximation: an n so small that the margin is infinite is an error naming n, not Infinity", () => {
    const r = surveyCi(50, 5e-324, { method: "normal" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe("n");
      expect(r.error.message).toMatch(/too small for the normal approximation/);
    }
  });

  it("mirrors: lower(p) = 100 − upper(100 − p)", () => {
    for (const [p, n] of [[20, 90], [61.5, 1234], [1, 10]]) {
      expect(val(surveyCi(p, n)).lower).toBeCloseTo(100 - val(surveyCi(100 - p, n)).upper, 10);
    }
  });

  it("accepts a non-whole n (an effective sample size) and non-whole O = p·n", () => {
    const [lo, hi] = wilsonBySpec(60, 533.3);
    const ci = val(surveyCi(60, 533.3));
    expect(ci.lower).toBeCloseTo(lo, 10);
    expect(ci.upper).toBeCloseTo(hi, 10);
  });

  it("deff uses n_eff = n/deff, which equals Wilson on n with z widened by √deff", () => {
    const ci = val(surveyCi(70, 1100, { deff: 1.5 }));
    expect(ci.nEffective).toBeCloseTo(733.3333, 4);
    const [lo, hi] = wilsonBySpec(70, 1100, Z95 * Math.sqrt(1.5));
    expect(ci.lower).toBeCloseTo(lo, 10);
    expect(ci.upper).toBeCloseTo(hi, 10);
    // independent reference: 66.58608–73.20547
    expect(ci.lower).toBeCloseTo(66.58608, 4);
    expect(ci.upper).toBeCloseTo(73.20547, 4);
    // the width grows by about √deff (1.2247), not exactly
    const plain = val(surveyCi(70, 1100));
    expect(ci.halfWidth / plain.halfWidth).toBeCloseTo(1.2239, 3);
  });

  it("level 0.99 uses z = 2.575829 (60%, n = 800: 55.4739–64.3616)", () => {
    const ci = val(surveyCi(60, 800, { level: 0.99 }));
    expect(ci.z).toBeCloseTo(2.5758293, 6);
    expect(ci.lower).toBeCloseTo(55.4739, 4);
    expect(ci.upper).toBeCloseTo(64.36159, 4);
  });

  it("null options take the defaults (deff 1, 95%, Wilson)", () => {
    const opts: SurveyCiOptions = { deff: null, level: null, method: null };
    expect(val(surveyCi(60, 800, opts))).toEqual(val(surveyCi(60, 800)));
  });

  it("explains the method, the interval and the asymmetric half-width", () => {
    const r = surveyCi(70, 1100);
    expect(r.ok && r.explanation).toMatch(/Wilson.*67\.23% to 72\.63%.*asymmetric.*\(upper − lower\)\/2 = 2\.7/);
  });
});

describe("surveyCi bad input", () => {
  it.each([
    [-1, 100, {}, "p", /between 0 and 100/],
    [100.1, 100, {}, "p", /between 0 and 100/],
    [NaN, 100, {}, "p", /finite number/],
    [Infinity, 100, {}, "p", /finite number/],
    [50, 0, {}, "n", /greater than 0/],
    [50, -10, {}, "n", /greater than 0/],
    [50, NaN, {}, "n", /finite/],
    [50, -Infinity, {}, "n", /finite/],
    [50, 100, { deff: 0.8 }, "deff", /at least 1/],
    [50, 100, { deff: NaN }, "deff", /finite/],
    [50, 100, { level: 0 }, "level", /strictly between 0 and 1/],
    [50, 100, { level: 1 }, "level", /strictly between 0 and 1/],
    [50, 100, { level: 95 }, "level", /strictly between 0 and 1/],
    [50, 100, { method: "exact" }, "method", /"wilson" or "normal"/],
  ] as [number, number, SurveyCiOptions, string, RegExp][])("p = %p, n = %p, %j → invalid %s", (p, n, options, field, msg) => {
    const e = err(surveyCi(p, n, options), "invalid");
    expect(e.field).toBe(field);
    expect(e.message).toMatch(msg);
  });

  it("blank p or n is missing", () => {
    expect(err(surveyCi(undefined as unknown as number, 100), "missing").field).toBe("p");
    expect(err(surveyCi(50, null as unknown as number), "missing").field).toBe("n");
  });

  it("text is invalid, not coerced", () => {
    err(surveyCi("60" as unknown as number, 100), "invalid");
  });
});

describe("designEffectFromWeights (Kish)", () => {
  it("[1, 1, 2, 2]: deff = 4 × 10 / 36 = 1.1111, n_eff = 36/10 = 3.6", () => {
    const d = val(designEffectFromWeights([1, 1, 2, 2]));
    expect(d.deff).toBeCloseTo(10 / 9, 14);
    expect(d.nEffective).toBeCloseTo(3.6, 12);
    expect(d.n).toBe(4);
  });

  it("[0.5, 1, 1.5, 2, 5]: Σw = 10, Σw² = 32.5, deff = 5 × 32.5/100 = 1.625, n_eff = 3.0769", () => {
    const d = val(designEffectFromWeights([0.5, 1, 1.5, 2, 5]));
    expect(d.deff).toBeCloseTo(1.625, 14);
    expect(d.nEffective).toBeCloseTo(100 / 32.5, 12);
  });

  it("equal weights give exactly 1", () => {
    expect(val(designEffectFromWeights([0.1, 0.1, 0.1])).deff).toBe(1);
    expect(val(designEffectFromWeights([7])).deff).toBe(1);
  });

  it("does not depend on the scale of the weights, even extreme ones", () => {
    const base = val(designEffectFromWeights([1, 2, 3])).deff;
    expect(val(designEffectFromWeights([1e200, 2e200, 3e200])).deff).toBeCloseTo(base, 12);
    expect(val(designEffectFromWeights([1e-200, 2e-200, 3e-200])).deff).toBeCloseTo(base, 12);
  });

  it("feeds surveyCi: deff 1.625 widens a normal interval by √1.625", () => {
    const deff = val(designEffectFromWeights([0.5, 1, 1.5, 2, 5])).deff;
    const a = val(surveyCi(40, 600, { method: "normal" }));
    const b = val(surveyCi(40, 600, { method: "normal", deff }));
    expect(b.halfWidth / a.halfWidth).toBeCloseTo(Math.sqrt(1.625), 12);
  });

  it.each([
    [[], "missing"],
    [[1, 0, 2], "invalid"],
    [[1, -2], "invalid"],
    [[1, NaN], "invalid"],
    [[1, Infinity], "invalid"],
    [[1, null], "missing"],
  ] as [number[], "missing" | "invalid"][])("%p → %s", (weights, code) => {
    expect(err(designEffectFromWeights(weights), code).field).toBe("weights");
  });

  it("blank list is missing", () => {
    err(designEffectFromWeights(undefined as unknown as number[]), "missing");
  });
});
