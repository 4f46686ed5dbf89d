/**
 * Column-wise evaluation from raw cell values: the one place where reading inputs is joined to
 * the rules. Custom functions (a range argument is a column), the task pane and the command
 * line all go through these, so a value is read the same way everywhere.
 */
import { assessAbg, type AbgAssessment, type Basis } from "./abg";
import type { FamilyGroup } from "./data/familyTypes";
import { classifyFamilyType, familyGroupFor, type BoundaryMode, type FamilyTypeResult } from "./familyType";
import { isBlank, parseFlag, parseHalfWidth, parseNonNegative, parsePercentColumn, type PercentColumnScale, type Scale } from "./input";
import { joinWarnings, ok, type Result } from "./types";

export const LABELS = {
  score: "Score (get on well together %)",
  ci: "Confidence interval (±)",
  nvq4: "NVQ4+ share",
  rural: "Rural share",
  a8: "A8 workers per 10,000",
  jobs1984: "1984 coal, textiles and steel jobs",
  singleissue: "Single-issue tension",
} as const;

/**
 * The settled scale of each percentage column when a table is evaluated in slices: see
 * `scanPercentColumn` and `scanColumnScales`. Without it each call settles its own columns.
 */
export type ColumnScales = Partial<Record<"score" | "nvq4" | "rural", PercentColumnScale>>;

export interface TypologyColumnOptions {
  scale?: Scale;
  boundaryMode?: BoundaryMode;
  columnScales?: ColumnScales;
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
  const nvqCol = parsePercentColumn(nvq4, "nvq4", LABELS.nvq4, scale, options.columnScales?.nvq4).results;
  const ruralCol = parsePercentColumn(rural, "rural", LABELS.rural, scale, options.columnScales?.rural).results;
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
    const warnings = joinWarnings(nvq.warnings, rur.warnings, t.warnings, g.warnings);
    return ok({ ...t.value, group: g.value }, () => `${t.explanation} ${g.explanation}`, warnings);
  });
}

export interface AbgColumnOptions {
  scale?: Scale;
  basis?: Basis;
  columnScales?: ColumnScales;
}

/**
 * ABG assessment for each score; `ci` may be absent (null) or have blank cells (no interval for that row).
 * The half-width is read on the same scale as its score column.
 * @see GR ¶2.3, fn 6
 */
export function abgColumn(scores: readonly unknown[], ci: readonly unknown[] | null, options: AbgColumnOptions = {}): Result<AbgAssessment>[] {
  const col = parsePercentColumn(scores, "score", LABELS.score, options.scale ?? "auto", options.columnScales?.score);
  return col.results.map((s, i): Result<AbgAssessment> => {
    if (!s.ok) return s;
    const ciRaw = at(ci, i);
    let half: number | null = null;
    if (!isBlank(ciRaw)) {
      const c = parseHalfWidth(ciRaw, col.resolved, "ci", LABELS.ci);
      if (!c.ok) return c;
      half = c.value;
    }
    const a = assessAbg(s.value, { ci: half, basis: options.basis });
    if (!a.ok) return a;
    return ok(a.value, () => a.explanation, joinWarnings(s.warnings, a.warnings));
  });
}
