/**
 * Area Based Grant cohesion bands and allocations.
 * @see GR ¶2.3 (bands), fn 4 (the score), fn 6 (confidence intervals); decisions A4–A7
 */
import { ABG_BANDS, type AbgBand } from "./data/govResponse2008/abgBands";
import { fmtGbp as gbp, fmtPct as pct } from "./format";
import { clean } from "./input";
import { fail, NO_WARNINGS, ok, type Result, type Warning } from "./types";

export type Basis = "point" | "lower" | "upper";
export const BASES: readonly Basis[] = ["point", "lower", "upper"];


/**
 * Band for a score already on 0–100. Bands are [lower, upper): GR ¶2.3 "below 60% but at least 55%".
 * @example abgBand(55) //=> 2
 * @example abgBand(75) //=> 0 (no band)
 */
export function abgBand(score: number): AbgBand {
  for (const row of ABG_BANDS.rows) if (score < row.maxExclusive) return row.band;
  return 0;
}

/** Amount in whole pounds for a band (0 → £0, decision A6). */
export function abgAmount(band: AbgBand): number {
  return band === 0 ? ABG_BANDS.noBand.amountGbp : ABG_BANDS.rows[band - 1].amountGbp;
}

/** A band in words: "band 2", or "no band" for 0 (75% or more). */
export function bandName(band: AbgBand): string {
  return band === 0 ? "no band" : `band ${band}`;
}

/** Bands in the order of the score (1 lowest … 5, then 0 = no band, 75% or more). */
const BAND_ORDER: readonly AbgBand[] = [1, 2, 3, 4, 5, 0];

/**
 * The bands from `from` to `to` (in score order) in words, never a dash between numbers (0 is no band):
 * @example bandRangeWords(2, 3) //=> "band 2 or band 3"
 * @example bandRangeWords(4, 0) //=> "band 4, band 5 or no band"
 * @example bandRangeWords(2, 2) //=> "band 2"
 */
export function bandRangeWords(from: AbgBand, to: AbgBand): string {
  const a = BAND_ORDER.indexOf(from);
  const b = BAND_ORDER.indexOf(to);
  const names = BAND_ORDER.slice(Math.min(a, b), Math.max(a, b) + 1).map(bandName);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

/** GR's words for a band, for explanations. */
function bandWords(band: AbgBand): string {
  return band === 0 ? `75% or more: ${ABG_BANDS.noBand.note}` : `"${ABG_BANDS.rows[band - 1].quote}"`;
}

export interface AbgOptions {
  /** 95% confidence-interval half-width, in percentage points (blank/null = none). */
  ci?: number | null;
  /**
   * Which score decides the band (decision A4): "point" (default) the score itself; "lower" score − ci;
   * "upper" score + ci. "lower"/"upper" need a ci. The interval ends are kept within 0–100.
   */
  basis?: Basis;
}

export interface AbgAssessment {
  score: number;
  ci: number | null;
  basis: Basis;
  /** The score the band was taken from. */
  basisScore: number;
  band: AbgBand;
  amountGbp: number;
  /** The band at the interval's lower end and at its upper end (both = band when no ci). */
  bandAtLower: AbgBand;
  bandAtUpper: AbgBand;
  /** Smallest and largest allocation across the interval. */
  amountMinGbp: number;
  amountMaxGbp: number;
  /** True when the interval straddles a band threshold. */
  uncertain: boolean;
  /** The bands the interval spans, in words: "band 2", "band 2 or band 3", "band 4, band 5 or no band" (`bandRangeWords`). */
  rangeText: string;
}

/**
 * Band, allocation and the band range across the confidence interval for one score.
 * @see GR ¶2.3, fn 6 ("The confidence intervals around the scores provided by the Audit Commission were taken into account.")
 * @example assessAbg(59, {ci: 2}) //=> band 2, £540,000, range "band 2 or band 3", uncertain
 * @example assessAbg(59, {ci: 2, basis: "upper"}) //=> band 3 (61%), £410,000
 */
export function assessAbg(score: number, options: AbgOptions = {}): Result<AbgAssessment> {
  const basis = options.basis ?? "point";
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    return fail("invalid", `Score must be a percentage between 0 and 100; got ${String(score)}.`, "score");
  }
  const ci = options.ci ?? null;
  if (ci !== null && (!Number.isFinite(ci) || ci < 0 || ci > 100)) {
    return fail("invalid", `Confidence interval (±) must be a half-width between 0 and 100 percentage points; got ${String(ci)}.`, "ci");
  }
  if (basis !== "point" && ci === null) {
    return fail("missing", `Basis "${basis}" needs the score's confidence interval (±); give a CI or use basis "point".`, "ci");
  }
  const half = ci ?? 0;
  // The ends are cleaned of binary noise (57.3 − 2.3 = 54.99999999999999 is 55), but never past the
  // score itself: a score within 1e-9 below a cut-off (74.9999999999) keeps its own band at the
  // ends of a zero-width interval, so ABG.RANGE always agrees with ABG.BAND (found by fast-check).
  const lowerEnd = half === 0 ? score : Math.min(score, clean(Math.max(0, score - half)));
  const upperEnd = half === 0 ? score : Math.max(score, clean(Math.min(100, score + half)));
  const basisScore = basis === "lower" ? lowerEnd : basis === "upper" ? upperEnd : score;
  const band = abgBand(basisScore);
  const bandAtLower = abgBand(lowerEnd);
  const bandAtUpper = abgBand(upperEnd);
  const amountGbp = abgAmount(band);
  // Allocation falls as the score rises, so the extremes are at the interval's ends.
  const amountMaxGbp = abgAmount(bandAtLower);
  const amountMinGbp = abgAmount(bandAtUpper);
  const uncertain = bandAtLower !== bandAtUpper;
  const rangeText = uncertain ? bandRangeWords(bandAtLower, bandAtUpper) : bandName(band);
  const warnings: Warning[] = ci !== null && uncertain ? [{ code: "bandUncertain", message: `band uncertain: the CI spans ${rangeText}` }] : NO_WARNINGS;
  const explain = (): string => {
  let explanation =
    basis === "point"
      ? `Score ${pct(score)} → ${bandName(band)} (${bandWords(band)}), ${gbp(amountGbp)}. GR ¶2.3.`
      : `Score ${pct(score)} ${basis === "lower" ? "−" : "+"} CI ${pct(half)} = ${pct(basisScore)} (basis "${basis}") → ${bandName(band)} (${bandWords(band)}), ${gbp(amountGbp)}. GR ¶2.3, fn 6.`;
  if (ci !== null) {
    explanation += uncertain
      ? ` Band uncertain: the interval ${pct(lowerEnd)}–${pct(upperEnd)} spans ${rangeText} (${gbp(amountMinGbp)} to ${gbp(amountMaxGbp)}).`
      : ` The interval ${pct(lowerEnd)}–${pct(upperEnd)} ${band === 0 ? "is all at 75% or more: no band" : `stays within band ${band}`}.`;
  }
  return explanation;
  };
  return ok(
    { score, ci, basis, basisScore, band, amountGbp, bandAtLower, bandAtUpper, amountMinGbp, amountMaxGbp, uncertain, rangeText },
    explain,
    warnings,
  );
}
