/**
 * Column-wise evaluation from raw cell values: the one place where reading inputs is joined to
 * the rules. Custom functions (a range argument is a column), the task pane and the command
 * line all go through these, so a value is read the same way everywhere.
 */
import { abgAmount, abgBand, assessAbg, type AbgAssessment, type Basis } from "./abg";
import type { AbgBand } from "./data/govResponse2008/abgBands";
import type { FamilyGroup } from "./data/deliveryFramework2009/familyTypes";
import { classifyFamilyType, familyGroupFor, type BoundaryMode, type FamilyTypeResult } from "./familyType";
import { clean, isBlank, parseFlag, parseHalfWidth, parseNonNegative, type Scale } from "./input";
import { decideScales, parsePercentColumn, scaleSentence, scanScales, type ScaleWhere, type TableScales } from "./scale";
import { compareToBenchmark, surveyCi, type BenchmarkComparison, type CiMethod, type ComparisonPolarity, type SurveyCi } from "./stats";
import { parseNumber } from "./input";
import { joinWarnings, ok, type Fail, type Result, type Warning } from "./types";

export const LABELS = {
  score: "Score (get on well together %)",
  ci: "Confidence interval (±)",
  nvq4: "NVQ4+ share",
  rural: "Rural share",
  a8: "A8 workers per 10,000",
  jobs1984: "1984 coal, textiles and steel jobs",
  singleissue: "Single-issue tension",
} as const;

/** The percentage inputs of a call or table, pooled for the scale (decision A7); the CI follows its score. */
export type PercentField = "score" | "nvq4" | "rural";
/** Short names for the scale notes ("a value above 1 in the call (NVQ4+ share 30)"). */
export const SCALE_LABELS: Record<PercentField, string> = { score: "Score", nvq4: "NVQ4+ share", rural: "Rural share" };

/** @deprecated The settled scales are now one object for the whole table: `TableScales`. */
export type ColumnScales = TableScales;

/** How the percentage inputs are read (see `decideScales`). */
export interface PercentOptions {
  scale?: Scale;
  /**
   * The scale evidence of the whole call or table (`scanScales` / `scanColumnScales`), when these
   * columns are a slice of it: the slice is then read exactly as inside the whole. Without it the
   * call's own percentage columns are pooled.
   */
  tableScales?: TableScales;
  /** Each percentage cell's number format, aligned with the columns (tables only: a % format means a fraction). */
  formats?: Partial<Record<PercentField, readonly unknown[] | null>>;
  /** The percentage columns' headers (tables only: a header that says % means per cent). */
  headers?: Partial<Record<PercentField, string | null>>;
  /** "call" (default) or "table": the words of the notes. */
  where?: ScaleWhere;
}

/** The scale evidence of the given percentage columns, or `options.tableScales` when settled already. */
function scalesOf(cols: Partial<Record<PercentField, readonly unknown[] | null>>, options: PercentOptions): TableScales {
  if (options.tableScales) return options.tableScales;
  const inputs = (Object.keys(cols) as PercentField[])
    .filter((f) => cols[f])
    .map((f) => ({ field: f, label: SCALE_LABELS[f], raws: cols[f]!, header: options.headers?.[f], formats: options.formats?.[f] }));
  return scanScales(inputs, { scale: options.scale ?? "auto", where: options.where });
}

export interface TypologyColumnOptions extends PercentOptions {
  boundaryMode?: BoundaryMode;
}

export interface TypologyCell extends FamilyTypeResult {
  /** Family group a–e, or null when none (types 5–9 without an asserted single-issue tension). */
  group: FamilyGroup | null;
}

const at = (values: readonly unknown[] | null | undefined, i: number): unknown => (values ? values[i] : null);

/**
 * Family type and group for each row. `nvq4`, `rural`, `a8` are required columns of equal length;
 * `jobs1984` and `singleIssue` may be absent (null) or have blank cells.
 * @see CDF Part Two, Table 1, Annex C
 */
export function typologyColumn(
  nvq4: readonly unknown[],
  rural: readonly unknown[],
  a8: readonly unknown[],
  jobs1984: readonly unknown[] | null,
  singleIssue: readonly unknown[] | null,
  options: TypologyColumnOptions = {},
): Result<TypologyCell>[] {
  const scale = options.scale ?? "auto";
  const decisions = decideScales(scalesOf({ nvq4, rural }, options));
  const nvqParsed = parsePercentColumn(nvq4, "nvq4", LABELS.nvq4, scale, { decision: decisions.nvq4, formats: options.formats?.nvq4, where: options.where });
  const ruralParsed = parsePercentColumn(rural, "rural", LABELS.rural, scale, { decision: decisions.rural, formats: options.formats?.rural, where: options.where });
  const nvqCol = nvqParsed.results;
  const ruralCol = ruralParsed.results;
  return nvqCol.map((nvq, i): Result<TypologyCell> => {
    if (!nvq.ok) return nvq;
    const rur = ruralCol[i];
    if (!rur.ok) return rur;
    const a = parseNonNegative(at(a8, i), "a8", LABELS.a8);
    if (!a.ok) return a;
    const jobsRaw = at(jobs1984, i);
    let jobs: number | null = null;
    if (!isBlank(jobsRaw)) {
      const j = parseNonNegative(jobsRaw, "jobs1984", LABELS.jobs1984);
      if (!j.ok) return j;
      jobs = j.value;
    }
    const flag = parseFlag(at(singleIssue, i), "singleissue", LABELS.singleissue);
    if (!flag.ok) return flag;
    const t = classifyFamilyType({ nvq4: nvq.value, rural: rur.value, a8: a.value, jobs1984: jobs }, { boundaryMode: options.boundaryMode });
    if (!t.ok) return t;
    const g = familyGroupFor(t.value.type, flag.value);
    if (!g.ok) return g;
    const warnings = distinct(joinWarnings(nvq.warnings, rur.warnings, t.warnings, g.warnings));
    const scales = () => scaleSentence([{ label: SCALE_LABELS.nvq4, scale: nvqParsed.cellScale(i) }, { label: SCALE_LABELS.rural, scale: ruralParsed.cellScale(i) }]);
    return ok({ ...t.value, group: g.value }, () => `${t.explanation} ${g.explanation} ${scales()}`, warnings);
  });
}

export interface AbgColumnOptions extends PercentOptions {
  basis?: Basis;
}

/** The same warning twice in a row (both percentages flagged as a guessed scale) is said once. */
function distinct(ws: Warning[]): Warning[] {
  if (ws.length < 2) return ws;
  const seen = new Set<string>();
  return ws.filter((w) => !seen.has(w.message) && !!seen.add(w.message));
}

/**
 * ABG assessment for each score; `ci` may be absent (null) or have blank cells (no interval for that row).
 * The half-width is read on the same scale as its score (the score cell's: a % sign, a % number format, or the column's decision).
 * @see GR ¶2.3, fn 6
 */
export function abgColumn(scores: readonly unknown[], ci: readonly unknown[] | null, options: AbgColumnOptions = {}): Result<AbgAssessment>[] {
  const decisions = decideScales(scalesOf({ score: scores }, options));
  const col = parsePercentColumn(scores, "score", LABELS.score, options.scale ?? "auto", { decision: decisions.score, formats: options.formats?.score, where: options.where });
  return col.results.map((s, i): Result<AbgAssessment> => {
    if (!s.ok) return s;
    const ciRaw = at(ci, i);
    let half: number | null = null;
    if (!isBlank(ciRaw)) {
      // An explicit scale reads the CI too; else the CI follows its score cell (a % sign, a % format, or the column's decision).
      const c = parseHalfWidth(ciRaw, col.decision.basis === "explicit" ? col.resolved : col.cellScale(i).resolved, "ci", LABELS.ci);
      if (!c.ok) return c;
      half = c.value;
    }
    const a = assessAbg(s.value, { ci: half, basis: options.basis });
    if (!a.ok) return a;
    return ok(a.value, () => `${a.explanation} ${scaleSentence([{ label: SCALE_LABELS.score, scale: col.cellScale(i) }])}`, joinWarnings(s.warnings, a.warnings));
  });
}

/** What `abgColumnValues` gives for each row: the band (0–5) or the allocation in whole pounds. */
export type AbgPick = "band" | "amountGbp";

/**
 * One number per score: its band or its allocation, exactly `abgColumn(scores, ci, options)`'s
 * `value[pick]` for each row, and that row's `Fail` where `abgColumn` has one (same code and message).
 * The whole-column path of ABG.BAND and ABG.ALLOCATION: rows whose score and CI are plain finite
 * numbers are read and banded in place, with no per-row objects (a 100,000-row column in a few
 * milliseconds, where building every row's assessment was mostly garbage collection); any other row
 * (text, a blank score, an error value, a value out of range, a number format) goes through
 * `abgColumn` itself, read by the same column decision.
 * @see GR ¶2.3, fn 6
 */
export function abgColumnValues(scores: readonly unknown[], ci: readonly unknown[] | null, pick: AbgPick, options: AbgColumnOptions = {}): (number | Fail)[] {
  if (options.formats?.score) return abgColumn(scores, ci, options).map((r) => (r.ok ? r.value[pick] : r));
  const tableScales = scalesOf({ score: scores }, options);
  const decision = decideScales(tableScales).score;
  const fraction = decision.resolved === "fraction";
  const explicit = decision.basis === "explicit";
  const basis = options.basis ?? "point";
  const slowOptions: AbgColumnOptions = { ...options, tableScales };
  const out: (number | Fail)[] = new Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const raw = scores[i];
    const ciRaw = ci ? ci[i] : null;
    let band = -1;
    // The fast path repeats parsePercentColumn, parseHalfWidth and assessAbg for a plain number, step for step.
    if (typeof raw === "number" && Number.isFinite(raw) && (ciRaw === null || ciRaw === undefined || (typeof ciRaw === "number" && Number.isFinite(ciRaw)))) {
      const value = raw === 0 ? 0 : raw;
      const score = fraction ? clean(value * 100) : value;
      let half: number | null = null;
      if (typeof ciRaw === "number") {
        const v = ciRaw === 0 ? 0 : ciRaw;
        half = fraction ? clean(v * 100) : v;
      }
      const inRange = !(fraction && explicit && (value < 0 || value > 1)) && score >= 0 && score <= 100 && (half === null || (half >= 0 && half <= 100));
      if (inRange && (basis === "point" || half !== null)) {
        const h = half ?? 0;
        const basisScore =
          basis === "lower" ? (h === 0 ? score : Math.min(score, clean(Math.max(0, score - h)))) : basis === "upper" ? (h === 0 ? score : Math.max(score, clean(Math.min(100, score + h)))) : score;
        band = abgBand(basisScore);
      }
    }
    if (band >= 0) out[i] = pick === "band" ? band : abgAmount(band as AbgBand);
    else {
      const r = abgColumn([raw], ci ? [ciRaw] : null, slowOptions)[0];
      out[i] = r.ok ? r.value[pick] : r;
    }
  }
  return out;
}

export interface SurveyCiColumnOptions {
  /** How to read p: one decision for the column under "auto" (default), as for every percentage. */
  scale?: Scale;
  /** Confidence level between 0 and 1 (null or absent: 0.95). */
  level?: number | null;
  method?: CiMethod;
}

/**
 * A survey confidence interval for each row: p read as one column of percentages, n (sample size)
 * and deff (design effect; absent or blank: 1) as numbers; the first unusable input is the row's error.
 * @see METHOD Wilson score interval (OHID Fingertips); Kish design effect — see {@link surveyCi}
 */
export function surveyCiColumn(p: readonly unknown[], n: readonly unknown[], deff: readonly unknown[] | null, options: SurveyCiColumnOptions = {}): Result<SurveyCi>[] {
  return parsePercentColumn(p, "p", "p (survey percentage)", options.scale ?? "auto").results.map((pr, i): Result<SurveyCi> => {
    if (!pr.ok) return pr;
    const nr = parseNumber(n[i], "n", "n (sample size)");
    if (!nr.ok) return nr;
    const d = deff && !isBlank(deff[i]) ? parseNumber(deff[i], "deff", "deff (design effect)") : null;
    if (d && !d.ok) return d;
    return surveyCi(pr.value, nr.value.value, { deff: d ? d.value.value : null, level: options.level ?? null, method: options.method });
  });
}

/**
 * The Fingertips comparison for each row: value, lower, upper and benchmark read as numbers (the
 * first unusable one, in that order, is the row's error), then compared by `polarity`.
 * @see METHOD OHID Fingertips significance convention — see {@link compareToBenchmark}
 */
export function compareColumn(
  value: readonly unknown[],
  lower: readonly unknown[],
  upper: readonly unknown[],
  benchmark: readonly unknown[],
  polarity: ComparisonPolarity = "higher",
): Result<BenchmarkComparison>[] {
  const cols = { value, lower, upper, benchmark };
  return value.map((_, i): Result<BenchmarkComparison> => {
    const nums: number[] = [];
    for (const k of ["value", "lower", "upper", "benchmark"] as const) {
      const r = parseNumber(cols[k][i], k, k);
      if (!r.ok) return r;
      nums.push(r.value.value);
    }
    return compareToBenchmark(nums[0], nums[1], nums[2], nums[3], polarity);
  });
}
