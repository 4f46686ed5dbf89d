import { benchmarkValue, compareToBenchmark, surveyCi } from "../../../src/engine/stats";
import { err, val } from "../../helpers/results";

describe("compareToBenchmark (OHID Fingertips convention)", () => {
  describe("similar when the interval contains the benchmark, ends included", () => {
    it.each([
      [80, 77, 83, 82],
      [80, 77, 83, 77], // on the lower end
      [80, 77, 83, 83], // on the upper end
      [80, 80, 80, 80], // a zero-width interval on the benchmark
    ])("value %d in [%d, %d] vs %d → similar", (v, lo, hi, b) => {
      expect(val(compareToBenchmark(v, lo, hi, b))).toBe("similar");
      expect(val(compareToBenchmark(v, lo, hi, b, "lower"))).toBe("similar");
    });
  });

  it("interval above the benchmark: better when higher is better, worse when lower is better", () => {
    expect(val(compareToBenchmark(90, 88, 92, 87.999))).toBe("better");
    expect(val(compareToBenchmark(90, 88, 92, 87.999, "lower"))).toBe("worse");
  });

  it("interval below the benchmark: worse when higher is better, better when lower is better", () => {
    expect(val(compareToBenchmark(75, 72.4, 77.5, 82))).toBe("worse");
    expect(val(compareToBenchmark(20, 15, 25, 30, "lower"))).toBe("better");
  });

  it("a local 75% (n = 1,100, Wilson) is worse than the Citizenship Survey Apr–Sep 2007 82%", () => {
    const ci = val(surveyCi(75, 1100));
    const national = val(benchmarkValue("CS_2007_AprSep_getonwell"));
    const r = compareToBenchmark(75, ci.lower, ci.upper, national);
    expect(val(r)).toBe("worse");
    expect(r.ok && r.explanation).toMatch(/entirely below the benchmark 82/);
  });

  it("a local 80% (n = 400) is similar to 82%: its Wilson interval 75.80–83.63 contains it", () => {
    const ci = val(surveyCi(80, 400));
    expect(ci.lower).toBeCloseTo(75.8, 1);
    expect(ci.upper).toBeCloseTo(83.63, 1);
    expect(val(compareToBenchmark(80, ci.lower, ci.upper, 82))).toBe("similar");
  });

  describe("bad input", () => {
    it("lower above upper", () => {
      const e = err(compareToBenchmark(80, 83, 77, 82), "invalid");
      expect(e.field).toBe("lower");
      expect(e.message).toMatch(/must not be above the upper limit/);
    });
    it.each([
      [76, 77, 83],
      [84, 77, 83],
    ])("value %d outside [%d, %d]", (v, lo, hi) => {
      const e = err(compareToBenchmark(v, lo, hi, 82), "invalid");
      expect(e.field).toBe("value");
      expect(e.message).toMatch(/within its confidence interval/);
    });
    it.each([
      [NaN, 1, 2, 3, "value"],
      [1, -Infinity, 2, 3, "lower"],
      [1, 0, Infinity, 3, "upper"],
      [1, 0, 2, NaN, "benchmark"],
    ])("(%p, %p, %p, %p) → invalid %s", (v, lo, hi, b, field) => {
      expect(err(compareToBenchmark(v, lo, hi, b), "invalid").field).toBe(field);
    });
    it("blank benchmark is missing", () => {
      expect(err(compareToBenchmark(80, 77, 83, null as unknown as number), "missing").field).toBe("benchmark");
    });
    it("unknown polarity", () => {
      const e = err(compareToBenchmark(80, 77, 83, 82, "up" as "higher"), "invalid");
      expect(e.field).toBe("polarity");
      expect(e.message).toMatch(/"higher".*"lower"/);
    });
  });
});
