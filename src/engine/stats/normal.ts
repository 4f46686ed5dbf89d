/**
 * The standard normal quantile (inverse cumulative distribution function), used for the z of a
 * confidence level.
 *
 * Method: Wichura, M. J. (1988), "Algorithm AS 241: The Percentage Points of the Normal
 * Distribution", Applied Statistics 37(3), 477–484 (PPND16: rational approximations in three
 * regions, relative accuracy about 1 part in 10^16, so no refinement step is needed). The
 * coefficients are those published with AS 241.
 */
import { fail, ok, type Result } from "../types";
import { checkNumber, fmt } from "./_validate";

/**
 * Φ⁻¹(prob) without input checks; prob must lie strictly between 0 and 1.
 * Internal: the checked entry points are {@link normalQuantile} and {@link zForLevel}.
 */
export function normalQuantileUnchecked(prob: number): number {
  const q = prob - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    const num =
      (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
        45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
        133.14166789178437745) * r + 3.387132872796366608) * q;
    const den =
      ((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1;
    return num / den;
  }
  let r = q < 0 ? prob : 1 - prob;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    const num =
      ((((((0.00077454501427834140764 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734;
    const den =
      ((((((1.05075007164441684324e-9 * r + 0.0005475938084995344946) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1;
    x = num / den;
  } else {
    r -= 5;
    const num =
      ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772;
    const den =
      ((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        0.0007868691311456132591) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1;
    x = num / den;
  }
  return q < 0 ? -x : x;
}

/**
 * The standard normal quantile Φ⁻¹(prob): the z below which a share `prob` of the standard normal
 * distribution lies.
 *
 * @see METHOD Wichura (1988), Algorithm AS 241 (PPND16)
 * @param prob - a probability strictly between 0 and 1
 * @returns ok(z); fail("invalid") for prob ≤ 0, prob ≥ 1, NaN or ±Infinity; fail("missing") for blank
 * @example normalQuantile(0.975) //=> ok(1.959963984540054)
 * @example normalQuantile(0.5) //=> ok(0)
 */
export function normalQuantile(prob: number): Result<number> {
  const bad = checkNumber(prob, "prob", "Probability", {
    min: 0,
    minExclusive: true,
    max: 1,
    maxExclusive: true,
    text: "strictly between 0 and 1",
  });
  if (bad) return bad;
  const z = normalQuantileUnchecked(prob);
  return ok(z, `Standard normal quantile of ${prob} (Wichura AS 241) = ${fmt(z, 6)}.`);
}

/**
 * The two-sided critical value z for a confidence level: Φ⁻¹((1 + level) / 2), computed as
 * −Φ⁻¹((1 − level) / 2) so that levels close to 1 keep full precision.
 *
 * @see METHOD Wichura (1988), Algorithm AS 241 (PPND16)
 * @param level - confidence level strictly between 0 and 1 (0.95 for 95%)
 * @returns ok(z); fail("invalid") when level is outside (0, 1) or not a finite number
 * @example zForLevel(0.95) //=> ok(1.959963984540054)
 * @example zForLevel(0.99) //=> ok(2.5758293035489004)
 */
export function zForLevel(level: number): Result<number> {
  const bad = checkNumber(level, "level", "Confidence level", {
    min: 0,
    minExclusive: true,
    max: 1,
    maxExclusive: true,
    text: "strictly between 0 and 1 (e.g. 0.95 for 95%)",
  });
  if (bad) return bad;
  const z = -normalQuantileUnchecked((1 - level) / 2);
  if (!(z > 0)) return fail("invalid", `Confidence level ${level} is too close to 0 to give a usable z.`, "level");
  return ok(z, `z for a two-sided ${fmt(level * 100, 6)}% interval = ${fmt(z, 6)} (Wichura AS 241).`);
}
