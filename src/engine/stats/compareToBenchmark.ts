/**
 * Significance of a value against a benchmark, by the Fingertips convention: "similar" when the
 * value's confidence interval contains the benchmark (ends included), otherwise better or worse
 * according to the indicator's polarity.
 *
 * @see METHOD OHID Fingertips: significance against a benchmark
 */
import { fail, ok, type Result } from "../types";
import { checkNumber, fmt, show } from "./_validate";

/**
 * Which direction is good: "higher" (e.g. % who agree people get on well) or "lower" (e.g. % who
 * say anti-social behaviour is a problem).
 * @see METHOD OHID Fingertips: "better"/"worse" depend on the indicator's polarity
 * @example const p: ComparisonPolarity = "lower";
 */
export type ComparisonPolarity = "higher" | "lower";

/**
 * The accepted polarities, for input lists and validation at the edges.
 * @see METHOD OHID Fingertips significance convention
 * @example COMPARISON_POLARITIES.includes("higher") //=> true
 */
export const COMPARISON_POLARITIES: readonly ComparisonPolarity[] = ["higher", "lower"];

/** Result of {@link compareToBenchmark}. */
export type BenchmarkComparison = "better" | "similar" | "worse";

/**
 * Compares a value with its confidence interval [lower, upper] to a benchmark.
 *
 * - benchmark within [lower, upper] (inclusive at both ends) → "similar";
 * - interval entirely above the benchmark → "better" when higher is better, "worse" when lower is;
 * - interval entirely below the benchmark → the opposite.
 * All four numbers must be on the same scale (e.g. percentages 0–100). The check needs
 * lower ≤ value ≤ upper.
 *
 * @see METHOD a value is "similar" when its CI contains the benchmark, and better or worse otherwise (Fingertips guidance index; the guide text itself was not found)
 * @param value - the local estimate
 * @param lower - lower end of its confidence interval (≤ value)
 * @param upper - upper end of its confidence interval (≥ value)
 * @param benchmark - the comparator, e.g. a national figure from {@link benchmarkValue}
 * @param polarity - "higher" (default: a higher value is better, as for "get on well together") or "lower"
 * @returns ok("better" | "similar" | "worse"), or fail("missing" | "invalid") naming the argument
 * @example compareToBenchmark(75, 72.4, 77.5, 82) //=> ok("worse")
 * @example compareToBenchmark(80, 77.1, 82.0, 82) //=> ok("similar") — the end 82.0 counts as containing 82
 * @example compareToBenchmark(20, 15, 25, 30, "lower") //=> ok("better")
 */
export function compareToBenchmark(
  value: number,
  lower: number,
  upper: number,
  benchmark: number,
  polarity: ComparisonPolarity = "higher",
): Result<BenchmarkComparison> {
  const finite = { text: "(on the same scale as the other three)" };
  const bad =
    checkNumber(value, "value", "Value", finite) ??
    checkNumber(lower, "lower", "Lower confidence limit", finite) ??
    checkNumber(upper, "upper", "Upper confidence limit", finite) ??
    checkNumber(benchmark, "benchmark", "Benchmark", finite);
  if (bad) return bad;
  const pol = polarity ?? "higher";
  if (pol !== "higher" && pol !== "lower") {
    return fail("invalid", `Polarity must be "higher" (higher is better) or "lower" (lower is better); got ${show(pol)}.`, "polarity");
  }
  if (lower > upper) {
    return fail("invalid", `Lower confidence limit (${lower}) must not be above the upper limit (${upper}).`, "lower");
  }
  if (value < lower || value > upper) {
    return fail(
      "invalid",
      `Value (${value}) must lie within its confidence interval, between the lower limit ${lower} and the upper limit ${upper}.`,
      "value",
    );
  }
  const interval = `[${fmt(lower, 4)}, ${fmt(upper, 4)}]`;
  if (benchmark >= lower && benchmark <= upper) {
    return ok("similar", `Similar: the interval ${interval} contains the benchmark ${fmt(benchmark, 4)} (Fingertips convention, ends included).`);
  }
  const above = lower > benchmark;
  const result: BenchmarkComparison = above === (pol === "higher") ? "better" : "worse";
  return ok(
    result,
    `${result === "better" ? "Better" : "Worse"}: the interval ${interval} lies entirely ${above ? "above" : "below"} the benchmark ${fmt(benchmark, 4)}, and ${pol} values are better.`,
  );
}
