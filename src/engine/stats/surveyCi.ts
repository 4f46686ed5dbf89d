/**
 * Confidence intervals for a survey percentage, and the Kish design effect from weights.
 *
 * Design effect (README "Decisions"): `deff` (≥ 1, default 1) enters through the effective sample
 * size n_eff = n / deff, as in Kish (n_eff = (Σw)²/Σw²).
 * - Normal approximation: the half-width is z·√(p(1−p)/n_eff) = √deff · z·√(p(1−p)/n), i.e. the
 *   deff = 1 margin widened by exactly √deff (√deff · z · √(p(1−p)/n)).
 * - Wilson: the score interval is computed with n_eff in place of n (and O = p·n_eff, which need
 *   not be whole). This is algebraically identical to the Wilson interval on n with z replaced by
 *   √deff · z, so the critical value is widened by exactly √deff; the interval's width grows by
 *   about √deff (exactly so only as n grows), because Wilson's width is not linear in z.
 * The normal margin uses n, as in the Ipsos MORI worked example, not the n − 1 of the pollster R
 * package's `moedeff_calc`; the two differ by the factor √(n/(n−1)) (0.06% at n = 800).
 *
 * @see METHOD Wilson score interval (OHID); normal approximation (Ipsos MORI); Kish design effect
 */
import { fail, ok, type Result, type Warning } from "../types";
import { checkArray, checkNumber, fmt, show } from "./_validate";
import { normalQuantileUnchecked } from "./normal";

/** "wilson" (Wilson score interval) or "normal" (normal approximation). */
export type CiMethod = "wilson" | "normal";

/**
 * The accepted interval methods, default first.
 * @see METHOD OHID Fingertips technical guidance: "The preferred OHID method is the Wilson Score method"
 * @example CI_METHODS[0] //=> "wilson"
 */
export const CI_METHODS: readonly CiMethod[] = ["wilson", "normal"];

export interface SurveyCiOptions {
  /** Design effect, a finite number ≥ 1 (default 1: simple random sample). Blank/null = 1. */
  deff?: number | null;
  /** Confidence level strictly between 0 and 1 (default 0.95). Blank/null = 0.95. */
  level?: number | null;
  /** "wilson" (default; OHID's preferred method) or "normal" (normal approximation). */
  method?: CiMethod | null;
}

export interface SurveyCi {
  /** Lower end of the interval, a percentage (0–100). */
  lower: number;
  /** Upper end of the interval, a percentage (0–100). */
  upper: number;
  /**
   * Half-width in percentage points, usable as the ABG functions' `ci` (±) argument.
   * Normal: the ± margin z·√(p(1−p)/n_eff) (kept unclipped when an end is clipped to 0 or 100).
   * Wilson: (upper − lower)/2. The Wilson interval is not symmetric about p, so p ± halfWidth is
   * only an approximation of [lower, upper]; use lower and upper where you can.
   */
  halfWidth: number;
  method: CiMethod;
  /** Effective sample size n / deff. */
  nEffective: number;
  /** The two-sided critical value used (1.959964 for 95%). */
  z: number;
}

/**
 * Confidence interval for a survey percentage p from a sample of n, optionally widened by a
 * design effect.
 *
 * - p is a percentage 0–100 (60 means 60%). The result is in percentages too.
 * - n is the number of respondents, a finite number > 0. Non-whole n is accepted (so that an
 *   effective sample size can be passed with deff = 1); do not pass an effective size *and* a
 *   deff, which would count the design effect twice.
 * - Wilson: p_lower/upper = (2O + z² ∓ z√(z² + 4Oq)) / (2(n + z²)), O = p·n, q = 1 − p, computed
 *   with n = n_eff. The lower end is evaluated as n·p²/((n + z²)·p_upper), the same quantity
 *   without cancellation. p = 0 gives lower = 0; p = 100 gives upper = 100.
 * - Normal: p ± z·√(p(1−p)/n_eff); ends outside 0–100 are clipped (with a warning).
 *
 * @see METHOD Wilson score interval (OHID, Fingertips "Proportions"; PHEindicatormethods::wilson_lower/upper); normal approximation (Ipsos MORI "statistical reliability"); design effect (Kish; pollster `moedeff_calc`)
 * @param p - percentage with the characteristic, 0–100
 * @param n - sample size, a finite number > 0
 * @param options - deff (≥ 1, default 1), level (0–1 exclusive, default 0.95), method ("wilson" default, or "normal")
 * @returns ok({lower, upper, halfWidth, method, nEffective, z}) or fail("missing" | "invalid") naming the argument
 * @example surveyCi(60, 800, { method: "normal" }) //=> ok({lower: 56.605, upper: 63.395, halfWidth: 3.395, …}) — MORI's "±3.4 percentage points"
 * @example surveyCi(70, 1100) //=> ok({lower: 67.226, upper: 72.635, halfWidth: 2.704, method: "wilson", …}) — 67.2–72.6
 * @example surveyCi(70, 1100, { method: "normal", deff: 1.5 }) //=> ok({halfWidth: 3.317, nEffective: 733.33, …}) — 3.3
 */
export function surveyCi(p: number, n: number, options: SurveyCiOptions = {}): Result<SurveyCi> {
  const opts: SurveyCiOptions = options ?? {};
  const badP = checkNumber(p, "p", "Percentage p", { min: 0, max: 100, text: "between 0 and 100 (a percentage, 60 = 60%)" });
  if (badP) return badP;
  const badN = checkNumber(n, "n", "Sample size n", { min: 0, minExclusive: true, text: "greater than 0" });
  if (badN) return badN;
  const deff = opts.deff ?? 1;
  const badDeff = checkNumber(deff, "deff", "Design effect deff", { min: 1, text: "of at least 1 (1 = simple random sample)" });
  if (badDeff) return badDeff;
  const level = opts.level ?? 0.95;
  const badLevel = checkNumber(level, "level", "Confidence level", {
    min: 0,
    minExclusive: true,
    max: 1,
    maxExclusive: true,
    text: "strictly between 0 and 1 (0.95 for 95%)",
  });
  if (badLevel) return badLevel;
  const method = opts.method ?? "wilson";
  if (method !== "wilson" && method !== "normal") {
    return fail("invalid", `Method must be "wilson" or "normal"; got ${show(method)}.`, "method");
  }

  const z = -normalQuantileUnchecked((1 - level) / 2);
  if (!(z > 0)) return fail("invalid", `Confidence level ${level} is too close to 0 to give a usable interval.`, "level");
  const nEff = n / deff;
  const pf = p / 100;
  const qf = 1 - pf;
  const warnings: Warning[] = [];
  const levelText = `${fmt(level * 100, 4)}%`;
  const deffText = deff === 1 ? `n = ${fmt(n)}` : `n = ${fmt(n)}, deff = ${fmt(deff)} → n_eff = ${fmt(nEff)}`;

  if (method === "wilson") {
    const z2 = z * z;
    // For n_eff ≥ 1 the same formula divided through by 2·n_eff, so that a huge n cannot overflow
    // (2O + z² + z√(z² + 4Oq) reaches Infinity near n = 1e308); below 1 the original form, so that
    // a tiny n cannot overflow z²/n. Both are the published formula.
    const wilsonUpper = (): number => {
      if (nEff >= 1) {
        const r = z2 / nEff;
        return (pf + r / 2 + z * Math.sqrt(r / (4 * nEff) + (pf * qf) / nEff)) / (1 + r);
      }
      const o = pf * nEff;
      return (2 * o + z2 + z * Math.sqrt(z2 + 4 * o * qf)) / (2 * (nEff + z2));
    };
    let upperF = pf === 1 ? 1 : Math.min(1, wilsonUpper());
    let lowerF = pf === 0 ? 0 : nEff >= 1 ? (pf * pf) / ((1 + z2 / nEff) * upperF) : (nEff * pf * pf) / ((nEff + z2) * upperF);
    lowerF = Math.max(0, Math.min(lowerF, pf));
    upperF = Math.max(upperF, pf);
    const lower = lowerF * 100;
    const upper = upperF * 100;
    const halfWidth = (upper - lower) / 2;
    return ok(
      { lower, upper, halfWidth, method, nEffective: nEff, z },
      `Wilson score interval (OHID's preferred method), ${levelText} (z = ${fmt(z, 6)}), p = ${fmt(p)}%, ${deffText}: ` +
        `${fmt(lower, 2)}% to ${fmt(upper, 2)}%. The interval is asymmetric; half-width = (upper − lower)/2 = ${fmt(halfWidth, 2)} points.`,
      warnings,
    );
  }

  // Normal approximation (Ipsos MORI): p ± z·√(p(1−p)/n_eff).
  const halfWidth = z * Math.sqrt((pf * qf) / nEff) * 100;
  if (!Number.isFinite(halfWidth)) {
    return fail("invalid", `Effective sample size ${fmt(nEff)} is too small for the normal approximation (its margin is infinite); use the Wilson method.`, deff === 1 ? "n" : "deff");
  }
  let lower = p - halfWidth;
  let upper = p + halfWidth;
  if (lower < 0 || upper > 100) {
    lower = Math.max(0, lower);
    upper = Math.min(100, upper);
    warnings.push({
      code: "clipped",
      message: `The normal approximation runs outside 0–100% here, so the interval was clipped to ${fmt(lower, 2)}–${fmt(upper, 2)}%; the Wilson method stays within range.`,
    });
  }
  if (pf === 0 || pf === 1) {
    warnings.push({
      code: "zeroWidth",
      message: `At p = ${fmt(p)}% the normal approximation gives an interval of zero width; use the Wilson method.`,
    });
  } else if (nEff * pf < 5 || nEff * qf < 5) {
    // Rule of thumb (ours, not the method's): n·p and n·(1 − p) of at least 5.
    warnings.push({
      code: "smallCounts",
      message:
        `Fewer than 5 expected respondents on one side (n_eff·p = ${fmt(nEff * pf, 1)}, n_eff·(1−p) = ${fmt(nEff * qf, 1)}); ` +
        `OHID: "A normal approximation method … does not perform well when the numerator or denominator is small". Use the Wilson method.`,
    });
  }
  return ok(
    { lower, upper, halfWidth, method, nEffective: nEff, z },
    `Normal approximation, ${levelText} (z = ${fmt(z, 6)}), p = ${fmt(p)}%, ${deffText}: ` +
      `${fmt(p)}% ± ${fmt(halfWidth, 2)} points (${fmt(lower, 2)}% to ${fmt(upper, 2)}%).`,
    warnings,
  );
}

export interface DesignEffect {
  /** Kish design effect n·Σw²/(Σw)², ≥ 1. */
  deff: number;
  /** Kish effective sample size (Σw)²/Σw² = n / deff. */
  nEffective: number;
  /** Number of weights (respondents). */
  n: number;
}

/**
 * Kish's design effect due to unequal weighting: deff = n·Σw²/(Σw)², with n_eff = (Σw)²/Σw².
 * Pass the result's `deff` to {@link surveyCi} together with the actual number of respondents.
 * Weights must be finite and > 0 (a weight of 0 drops a respondent: remove the row instead, or
 * n would count it). The weights are rescaled by their largest value before squaring, so very
 * large or small weights do not overflow; deff is at least 1 (Cauchy–Schwarz), and rounding below
 * 1 is reset to 1.
 *
 * @see METHOD Kish design effect from weights; pollster `deff_calc`; Stata `whatsdeff` ("1+CV^2 approximation")
 * @param weights - one weight per respondent, each finite and > 0
 * @returns ok({deff, nEffective, n}) or fail("missing" | "invalid") naming the first bad weight
 * @example designEffectFromWeights([1, 1, 2, 2]) //=> ok({deff: 1.1111111111111112, nEffective: 3.6, n: 4})
 * @example designEffectFromWeights([3, 3, 3]) //=> ok({deff: 1, nEffective: 3, n: 3})
 */
export function designEffectFromWeights(weights: readonly number[]): Result<DesignEffect> {
  const badArr = checkArray(weights, "weights", "Weights", "weights (finite numbers > 0)");
  if (badArr) return badArr;
  let max = 0;
  for (let i = 0; i < weights.length; i++) {
    const w: unknown = weights[i];
    if (w === undefined || w === null) {
      return fail("missing", `Weight ${i + 1} is blank; every weight must be a finite number greater than 0.`, "weights");
    }
    if (typeof w !== "number" || !Number.isFinite(w) || w <= 0) {
      return fail("invalid", `Weight ${i + 1} must be a finite number greater than 0; got ${show(w)}.`, "weights");
    }
    if (w > max) max = w;
  }
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < weights.length; i++) {
    const v = weights[i] / max;
    sum += v;
    sumSq += v * v;
  }
  const n = weights.length;
  const raw = (n * sumSq) / (sum * sum);
  const deff = Math.max(1, raw);
  const nEffective = raw < 1 ? n : Math.min(n, (sum * sum) / sumSq);
  return ok(
    { deff, nEffective, n },
    `Kish design effect n·Σw²/(Σw)² over ${n} weights = ${fmt(deff, 4)}; effective sample size (Σw)²/Σw² = ${fmt(nEffective, 2)}.`,
  );
}
