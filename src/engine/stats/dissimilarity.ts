/**
 * The index of dissimilarity (residential segregation) over a set of areas (units).
 * 0 = both groups spread identically across the units; 1 = complete separation. D is the share
 * of either group that would have to move to another unit for the two distributions to match.
 *
 * @see METHOD Duncan & Duncan (1955); Massey & Denton (1988); R elbersb/segregation `dissimilarity.R`; Python pysal/segregation `singlegroup/dissim.py`
 */
import { fail, ok, type Result, type Warning } from "../types";
import { checkCounts, fmt } from "./_validate";

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * Duncan & Duncan's two-group index D = ½ Σ_i |a_i/A − b_i/B|, where a_i and b_i are the two
 * groups' counts in unit i and A and B their totals.
 *
 * @see METHOD Duncan & Duncan (1955); R elbersb/segregation `1/2 * sum(abs_diff(freq / n_group))`
 * @param groupA - counts of group A per unit (finite, ≥ 0; non-whole counts such as weighted estimates allowed)
 * @param groupB - counts of group B in the same units, same length
 * @returns ok(D in [0, 1]), or fail: "missing" (blank/empty lists or items), "invalid" (negative or non-finite counts, different lengths, a group with total 0)
 * @example dissimilarity([10, 20, 30], [30, 20, 10]) //=> ok(0.3333333333333333)
 * @example dissimilarity([5, 0], [0, 7]) //=> ok(1) — complete separation
 * @example dissimilarity([1, 2, 3], [2, 4, 6]) //=> ok(0) — identical distributions
 */
export function dissimilarity(groupA: readonly number[], groupB: readonly number[]): Result<number> {
  const bad = checkCounts(groupA, "groupA", "Group A counts") ?? checkCounts(groupB, "groupB", "Group B counts");
  if (bad) return bad;
  if (groupA.length !== groupB.length) {
    return fail("invalid", `Group A has ${groupA.length} counts but group B has ${groupB.length}; give one count per unit for each group.`, "groupB");
  }
  let a = 0;
  let b = 0;
  for (let i = 0; i < groupA.length; i++) {
    a += groupA[i];
    b += groupB[i];
  }
  if (!(a > 0)) return fail("invalid", "Group A counts total 0; each group needs a total above 0.", "groupA");
  if (!(b > 0)) return fail("invalid", "Group B counts total 0; each group needs a total above 0.", "groupB");
  const d = clamp01(twoGroupD(groupA, groupB));
  const warnings: Warning[] = [];
  if (groupA.length === 1) warnings.push({ code: "oneUnit", message: "Only one unit was given, so D is 0 by construction." });
  return ok(
    d,
    `Index of dissimilarity (Duncan & Duncan) D = ½ Σ|a_i/A − b_i/B| over ${groupA.length} units, A = ${fmt(a)}, B = ${fmt(b)}: ${fmt(d, 4)}.`,
    warnings,
  );
}

/**
 * Single-group index of dissimilarity (a group against everyone else):
 * D = Σ_i t_i |p_i − P| / (2 T P (1 − P)), with p_i = x_i/t_i and P = X/T. A unit with t_i = 0
 * has p_i = 0 (and weight 0). Equals {@link dissimilarity}(group, total − group).
 *
 * @see METHOD single-group form (group vs rest); pysal/segregation `singlegroup/dissim.py` (zero-population units give p_i = 0; a group count above its unit total is an error); Massey & Denton (1988)
 * @param group - the group's count per unit (finite, ≥ 0, ≤ that unit's total)
 * @param total - the whole population per unit (finite, ≥ 0), same length
 * @returns ok(D in [0, 1]), or fail: "missing" (blank/empty), "invalid" (negative, group > total, lengths differ, the group is absent or is everyone)
 * @example dissimilarityVsRest([10, 20, 30], [40, 40, 40]) //=> ok(0.3333333333333333)
 * @example dissimilarityVsRest([5, 0], [5, 7]) //=> ok(1)
 */
export function dissimilarityVsRest(group: readonly number[], total: readonly number[]): Result<number> {
  const bad = checkCounts(group, "group", "Group counts") ?? checkCounts(total, "total", "Total counts");
  if (bad) return bad;
  if (group.length !== total.length) {
    return fail("invalid", `Group has ${group.length} counts but total has ${total.length}; give one count per unit for each.`, "total");
  }
  let x = 0;
  let t = 0;
  for (let i = 0; i < group.length; i++) {
    if (group[i] > total[i]) {
      return fail("invalid", `Group count ${group[i]} in unit ${i + 1} is above that unit's total ${total[i]}; a group cannot exceed its unit's population.`, "group");
    }
    x += group[i];
    t += total[i];
  }
  if (!(t > 0)) return fail("invalid", "Total counts sum to 0; the population total T must be above 0.", "total");
  if (!(x > 0)) return fail("invalid", "Group counts sum to 0; D is undefined when the group is absent from every unit (P = 0).", "group");
  if (!(x < t)) return fail("invalid", "Group counts equal the totals in every unit; D is undefined when the group is everyone (P = 1).", "group");
  // D vs the rest is the two-group D between the group and the rest of each unit (r_i = t_i − x_i):
  // Σ t_i|p_i − P| / (2TP(1 − P)) = ½ Σ|x_i/X − r_i/R|. Computed that way, P never appears, so neither
  // P underflowing (a group of 5e-324 in 250 gave NaN) nor 1 − P cancelling (totals near 1e308 lost
  // eight digits) can spoil it; both found by fast-check.
  const rest = group.map((g, i) => total[i] - g);
  const d = clamp01(twoGroupD(group, rest));
  const warnings: Warning[] = [];
  if (group.length === 1) warnings.push({ code: "oneUnit", message: "Only one unit was given, so D is 0 by construction." });
  return ok(
    d,
    `Index of dissimilarity, group vs rest, D = Σ t_i|p_i − P| / (2TP(1 − P)) over ${group.length} units, X = ${fmt(x)}, T = ${fmt(t)}, P = ${fmt(x / t, 4)}: ${fmt(d, 4)}.`,
    warnings,
  );
}

/** Sums between these are computed directly; beyond them, in units of the largest count. */
const SAFE_MIN = 1e-250;
const SAFE_MAX = 1e250;

/** The largest of counts already checked (finite, ≥ 0, at least one); a loop, not Math.max(...), for long lists. */
function largest(xs: readonly number[]): number {
  let m = 0;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** Σ xs / scale, for sums that would overflow unscaled. */
function sumScaled(xs: readonly number[], scale: number): number {
  let t = 0;
  for (const x of xs) t += x / scale;
  return t;
}

/**
 * ½ Σ|a_i/A − b_i/B| for counts already checked (finite, ≥ 0, each group's total above 0). D is the
 * same when either group's counts are all multiplied by one number, so a total outside 1e-250–1e250
 * is summed in units of the group's largest count: no total overflows or underflows (found by
 * fast-check: counts of 1e308 summed to Infinity and gave D = 0 where it is 0.5).
 */
function twoGroupD(groupA: readonly number[], groupB: readonly number[]): number {
  let a = 0;
  let b = 0;
  for (let i = 0; i < groupA.length; i++) {
    a += groupA[i];
    b += groupB[i];
  }
  const sa = a > SAFE_MIN && a < SAFE_MAX ? 1 : largest(groupA);
  const sb = b > SAFE_MIN && b < SAFE_MAX ? 1 : largest(groupB);
  if (sa !== 1) a = sumScaled(groupA, sa);
  if (sb !== 1) b = sumScaled(groupB, sb);
  let s = 0;
  for (let i = 0; i < groupA.length; i++) s += Math.abs(groupA[i] / sa / a - groupB[i] / sb / b);
  return s / 2;
}
