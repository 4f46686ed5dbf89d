/**
 * Whole-table evaluation shared by the command line and the task pane: the input fields and
 * their header synonyms, the output columns, per-row results with notes, and the summary.
 * One bad row never stops the others; every row without a result says why in its note.
 */
import type { Basis } from "./abg";
import type { AbgBand } from "./data/govResponse2008/abgBands";
import type { FamilyType } from "./data/deliveryFramework2009/familyTypes";
import { abgColumn, LABELS, SCALE_LABELS, typologyColumn, type PercentField, type PercentOptions } from "./columns";
import type { BoundaryMode } from "./familyType";
import { isBlank, parseNumber, type Scale } from "./input";
import { scanScales, type TableScales } from "./scale";
import type { Result } from "./types";
import { HEADER_RULES } from "./data/project/headers";
import { matchHeaderColumns, normaliseHeader, type HeaderMatches, type MatchHeadersOptions } from "./headers";

export type Field = "name" | "score" | "ci" | "nvq4" | "rural" | "a8" | "jobs1984" | "singleissue" | "population";
export const INPUT_FIELDS: readonly Field[] = ["score", "ci", "nvq4", "rural", "a8", "jobs1984", "singleissue"];

export const FIELD_LABELS: Record<Field, string> = { ...LABELS, name: "Area name", population: "Population" };

/**
 * The listed header spellings of each field (`HEADER_RULES` in data/headers.ts, where each one's
 * source is given): a header equal to one of these (case, spaces and punctuation ignored: "NVQ4+ %"
 * → "nvq4") is an exact match; headers are also matched by their words (`matchHeaders`, the header
 * rule). Documented in docs/cli.md; the task pane and the command line share them.
 */
export const FIELD_SYNONYMS: Record<Field, readonly string[]> = Object.fromEntries(
  (Object.keys(HEADER_RULES) as Field[]).map((f) => [f, HEADER_RULES[f].spellings.map((s) => s.text)]),
) as unknown as Record<Field, readonly string[]>;

export { normaliseHeader };
export type { FieldMatch, HeaderCandidate, HeaderMatches, MatchHeadersOptions } from "./headers";

export type ColumnMapping = Partial<Record<Field, number>>;

/**
 * Every field's best column by the header rule (src/engine/headers.ts; README, Decisions, "Header
 * rule"): its header and score (100 = a listed spelling), the runner-up, other columns headed alike,
 * and — for two equal best matches — both candidates with the field left unmapped. The output
 * columns written by this tool are never taken as inputs.
 * @example matchHeaders(["Authority", "ni1_get_on_well_pct", "ni1_get_on_well_ci"]).score //=> {column: 1, score: 99, runnerUp: {column: 2, …}, …}
 */
export function matchHeaders(headers: readonly unknown[], options: Omit<MatchHeadersOptions, "ignore"> = {}): HeaderMatches {
  return matchHeaderColumns(headers, { ...options, ignore: OUTPUT_HEADERS.map(normaliseHeader) });
}

/**
 * Proposes a column for each field from the header row (`matchHeaders`' columns): a field with no
 * match, or with two equal best matches, is left out.
 * @example mapHeaders(["Authority", "NI 1 %", "CI"]) //=> {name: 0, score: 1, ci: 2}
 */
export function mapHeaders(headers: readonly unknown[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const m of Object.values(matchHeaders(headers))) if (m.column !== null) mapping[m.field] = m.column;
  return mapping;
}

/** How many non-empty rows at the top of a block may be looked at for its header row (titles above it). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * True when a row can be a table's header row: it holds no numbers (a header row is text; a data
 * row holding the word "Rural" is not one) and names an input field by the synonyms, or one of
 * `alsoHeaders` (headers the user named, compared case-insensitively after trimming).
 * @example isHeaderRow(["Area", "NI 1 %", "CI"]) //=> true
 * @example isHeaderRow(["Cohesion indicators 2008"]) //=> false
 */
export function isHeaderRow(cells: readonly unknown[], alsoHeaders: readonly string[] = []): boolean {
  if (cells.some((v) => typeof v === "number" || (typeof v === "string" && parseNumber(v, "", "").ok))) return false;
  const headers = cells.map((v) => (v === null || v === undefined ? "" : String(v).trim()));
  const mapped = mapHeaders(headers);
  if (INPUT_FIELDS.some((f) => mapped[f] !== undefined)) return true;
  const wanted = alsoHeaders.map((h) => h.trim().toLowerCase()).filter(Boolean);
  return wanted.length > 0 && headers.some((h) => wanted.includes(h.toLowerCase()));
}

/**
 * The header row of a block given its top rows: the first of the first HEADER_SEARCH_ROWS
 * non-empty rows that `isHeaderRow`, so a title (or a merged group header) above it is skipped;
 * when none is, the first non-empty row; −1 when every row is empty. The task pane and the
 * command line find header rows with this one rule.
 * @example findHeaderRow([["Cohesion indicators 2008"], [], ["Area", "NI 1 %"], ["A", 59]]) //=> 2
 */
export function findHeaderRow(rows: readonly (readonly unknown[] | undefined)[], alsoHeaders: readonly string[] = []): number {
  let first = -1;
  let seen = 0;
  for (let i = 0; i < rows.length && seen < HEADER_SEARCH_ROWS; i++) {
    const row = rows[i] ?? [];
    if (!row.some((v) => !isBlank(v))) continue;
    seen++;
    if (first < 0) first = i;
    if (isHeaderRow(row, alsoHeaders)) return i;
  }
  return first;
}

/** The output columns, headers exactly as the command line and the task pane write them. */
export const OUTPUT_HEADERS = ["Family type", "Family type name", "Family group", "ABG band", "ABG allocation", "ABG band range", "Notes"] as const;
export type OutputHeader = (typeof OUTPUT_HEADERS)[number];
export type OutputCell = string | number | null;

export interface EvaluateOptions {
  scale?: Scale;
  basis?: Basis;
  boundaryMode?: BoundaryMode;
  /**
   * The scale evidence of the whole table (`scanColumnScales` over every slice), when `columns` is
   * a slice of it: the slice then gives exactly the rows of the whole evaluation.
   */
  tableScales?: TableScales;
  /** The percentage columns' headers: a header that says % means per cent (decision A7). */
  headers?: PercentOptions["headers"];
  /** The percentage cells' number formats, aligned with `columns`: a % format means a fraction. */
  formats?: PercentOptions["formats"];
}

/** The two table tools: the output columns each writes (besides the shared `Notes`), the inputs it reads, and the inputs it cannot do without. */
export const OUTPUT_GROUPS = {
  familyGroups: {
    label: "Family groups",
    headers: ["Family type", "Family type name", "Family group"] as readonly OutputHeader[],
    // population is optional: with it, the summary adds the family-type mix of the rows (COHESION.TYPEMIX).
    fields: ["nvq4", "rural", "a8", "jobs1984", "singleissue", "population"] as readonly Field[],
    required: ["nvq4", "rural", "a8"] as readonly Field[],
  },
  grantBands: {
    label: "Grant bands",
    headers: ["ABG band", "ABG allocation", "ABG band range"] as readonly OutputHeader[],
    fields: ["score", "ci"] as readonly Field[],
    required: ["score"] as readonly Field[],
  },
} as const;
export type OutputGroup = keyof typeof OUTPUT_GROUPS;

/** The percentage fields of a table, pooled for the scale (decision A7). */
export const PERCENT_FIELDS: readonly PercentField[] = ["score", "nvq4", "rural"];

/**
 * Gathers the scale evidence of a table's percentage columns (score, NVQ4+, rural together: one
 * decision for the table, decision A7) read slice by slice: call it on each slice with the previous
 * result (`options.formats` aligned with the slice; `options.headers` the columns' headers); the
 * final result, passed as `tableScales` to `evaluateColumns` on each slice, reads every slice as
 * part of the whole. `describeScales` / `ambiguousScaleWarning` turn it into words for the user.
 */
export function scanColumnScales(columns: Columns, options: Pick<EvaluateOptions, "scale" | "headers" | "formats"> = {}, prior?: TableScales): TableScales {
  const inputs = PERCENT_FIELDS.filter((f) => columns[f]).map((f) => ({
    field: f,
    label: SCALE_LABELS[f],
    raws: columns[f] as readonly unknown[],
    header: options.headers?.[f],
    formats: options.formats?.[f],
  }));
  return scanScales(inputs, { scale: options.scale ?? "auto", where: "table" }, prior);
}

export interface RowResult {
  familyType: FamilyType | null;
  familyTypeName: string | null;
  familyGroup: string | null;
  abgBand: AbgBand | null;
  abgAllocation: number | null;
  abgBandRange: string | null;
  uncertain: boolean;
  /** True when the row's band was assessed with a confidence interval (so `uncertain` means something). */
  hasCi: boolean;
  /** Score on 0–100, when valid (for the summary). */
  score: number | null;
  /** True when some mapped input could not be used (error), as opposed to warnings only. */
  hasError: boolean;
  notes: string[];
}

const NOTES_SEPARATOR = "; ";

/**
 * A row's notes as its Notes cell shows them, joined by "; ". `formulas`: the parts are Excel formulas
 * (the pane's live Notes column), joined with &"; "& so that the cell shows the same.
 */
export function joinNotes(parts: readonly string[], formulas = false): string {
  return parts.join(formulas ? `&"${NOTES_SEPARATOR}"&` : NOTES_SEPARATOR);
}

/** The row's output cells, in OUTPUT_HEADERS order (null = empty cell). */
export function rowCells(r: RowResult): OutputCell[] {
  return [r.familyType, r.familyTypeName, r.familyGroup, r.abgBand, r.abgAllocation, r.abgBandRange, r.notes.length ? joinNotes(r.notes) : null];
}

export type Columns = Partial<Record<Field, readonly unknown[]>>;

/**
 * Evaluates every row of a table given as columns (field → raw cell values). A field that is
 * not present is simply not computed. Rows that are entirely blank in the mapped inputs are
 * reported as blank rows.
 */
export function evaluateColumns(columns: Columns, rowCount: number, options: EvaluateOptions = {}): RowResult[] {
  const has = (f: Field) => columns[f] !== undefined;
  const col = (f: Field) => (columns[f] ? padTo(columns[f] as readonly unknown[], rowCount) : null);
  const mapped = INPUT_FIELDS.filter(has);
  const typologyMissing = (["nvq4", "rural", "a8"] as Field[]).filter((f) => !has(f));
  // One scale decision for the table's percentage columns together (decision A7), unless settled over the whole table already.
  const formats = options.formats ? Object.fromEntries(PERCENT_FIELDS.filter((f) => options.formats![f]).map((f) => [f, padTo(options.formats![f]!, rowCount)])) : undefined;
  const tableScales = options.tableScales ?? scanColumnScales({ score: col("score") ?? undefined, nvq4: col("nvq4") ?? undefined, rural: col("rural") ?? undefined }, { ...options, formats });
  const pctOptions = { ...options, formats, tableScales, where: "table" as const };
  const typology =
    typologyMissing.length < 3 ? (typologyMissing.length === 0 ? typologyColumn(col("nvq4")!, col("rural")!, col("a8")!, col("jobs1984"), col("singleissue"), pctOptions) : null) : undefined;
  const abg = has("score") ? abgColumn(col("score")!, col("ci"), pctOptions) : has("ci") ? null : undefined;

  const out: RowResult[] = new Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const r: RowResult = {
      familyType: null, familyTypeName: null, familyGroup: null, abgBand: null, abgAllocation: null,
      abgBandRange: null, uncertain: false, hasCi: false, score: null, hasError: false, notes: [],
    };
    out[i] = r;
    if (mapped.length > 0 && mapped.every((f) => isBlank(columns[f]![i]))) {
      r.hasError = true;
      r.notes.push("blank row: no inputs");
      continue;
    }
    const note = (res: Result<unknown>, prefix: string) => {
      if (!res.ok) {
        r.hasError = true;
        r.notes.push(`${prefix}: ${res.error.message}`);
      } else
        for (const w of res.warnings) {
          const text = `warning: ${w.message}`;
          if (!r.notes.includes(text)) r.notes.push(text); // a guessed scale is said once per row
        }
    };
    // Family type and group (CDF Part Two, Table 1, Annex C)
    if (typology === null) {
      r.hasError = true;
      r.notes.push(`family type: no ${typologyMissing.map((f) => FIELD_LABELS[f]).join(", ")} column`);
    } else if (typology) {
      const t = typology[i];
      note(t, "family type");
      if (t.ok) {
        r.familyType = t.value.type;
        r.familyTypeName = t.value.row.name;
        r.familyGroup = t.value.group ?? "";
      }
    }
    // ABG band and allocation (GR ¶2.3, fn 6)
    if (abg === null) {
      r.hasError = true;
      r.notes.push(`ABG: no ${FIELD_LABELS.score} column`);
    } else if (abg) {
      const a = abg[i];
      note(a, "ABG");
      if (a.ok) {
        r.score = a.value.score;
        r.abgBand = a.value.band;
        r.abgAllocation = a.value.amountGbp;
        r.abgBandRange = a.value.rangeText;
        r.uncertain = a.value.uncertain;
        r.hasCi = a.value.ci !== null;
      }
    }
  }
  return out;
}

function padTo(values: readonly unknown[], n: number): readonly unknown[] {
  if (values.length >= n) return values.length === n ? values : values.slice(0, n);
  return [...values, ...new Array(n - values.length).fill(null)];
}
