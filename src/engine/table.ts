/**
 * Whole-table evaluation shared by the command line and the task pane: the input fields and
 * their header synonyms, the output columns, per-row results with notes, and the summary.
 * One bad row never stops the others; every row without a result says why in its note.
 */
import type { Basis } from "./abg";
import { ABG_BANDS, ABG_PROGRAMME, type AbgBand } from "./data/govResponse2008/abgBands";
import { TABLE_1, TABLE_1_TOTAL, type FamilyType } from "./data/deliveryFramework2009/familyTypes";
import { abgColumn, LABELS, SCALE_LABELS, typologyColumn, type PercentField, type PercentOptions } from "./columns";
import type { BoundaryMode } from "./familyType";
import { fmtGbpMillions } from "./format";
import { isBlank, parseNumber, scanScales, type Scale, type TableScales } from "./input";
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

export interface TableSummary {
  rows: number;
  rowsWithResults: number;
  rowsWithErrors: number;
  byType: { type: FamilyType; name: string; areas: number; table1Average: number; table1Areas: number; averageScore: number | null }[];
  byBand: { band: AbgBand; label: string; areas: number; amountGbp: number }[];
  totalAllocationGbp: number;
  programmeGbp: number;
  /** Total as a share of the £34m programme, in percent. */
  shareOfProgrammePct: number;
  uncertainRows: number[];
  /** Rows whose band was assessed with a confidence interval: 0 means uncertainty was not assessed at all. */
  rowsWithCi: number;
  table1Total: { average: number; areas: number; note: string };
}

/**
 * A summary built chunk by chunk (the command line streams a million-row CSV through the engine
 * a chunk at a time — `EVALUATE_CHUNK_ROWS`, 1,000 rows — and keeps no results): `startSummary`, then `addToSummary` for each chunk
 * in row order, then `finishSummary`. `summarise(results)` is exactly these three over one chunk.
 */
export interface SummaryTally {
  rows: number;
  rowsWithResults: number;
  rowsWithErrors: number;
  /** Per family type, in TABLE_1 order: areas, rows with a score, and the scores' sum (in row order). */
  types: { areas: number; scored: number; scoreSum: number }[];
  /** Per ABG band 0–5 (index = band): areas and £. */
  bands: { areas: number; amountGbp: number }[];
  uncertainRows: number[];
  rowsWithCi: number;
}

const TYPE_INDEX = new Map<FamilyType, number>(TABLE_1.map((row, k) => [row.type, k]));

export function startSummary(): SummaryTally {
  return {
    rows: 0,
    rowsWithResults: 0,
    rowsWithErrors: 0,
    types: TABLE_1.map(() => ({ areas: 0, scored: 0, scoreSum: 0 })),
    bands: [0, 1, 2, 3, 4, 5].map(() => ({ areas: 0, amountGbp: 0 })),
    uncertainRows: [],
    rowsWithCi: 0,
  };
}

/** Adds the next chunk of rows; `firstIndex` is the 0-based index of its first row in the whole table. */
export function addToSummary(t: SummaryTally, results: readonly RowResult[], firstIndex: number = t.rows): SummaryTally {
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (r.familyType !== null || r.abgBand !== null) t.rowsWithResults++;
    if (r.hasError) t.rowsWithErrors++;
    if (r.familyType !== null) {
      const k = t.types[TYPE_INDEX.get(r.familyType) ?? -1];
      if (k) {
        k.areas++;
        if (r.score !== null) {
          k.scored++;
          k.scoreSum += r.score;
        }
      }
    }
    if (r.abgBand !== null) {
      const b = t.bands[r.abgBand];
      b.areas++;
      b.amountGbp += r.abgAllocation ?? 0;
    }
    if (r.uncertain) t.uncertainRows.push(firstIndex + i);
    if (r.hasCi) t.rowsWithCi++;
  }
  t.rows += results.length;
  return t;
}

export function finishSummary(t: SummaryTally): TableSummary {
  const byType = TABLE_1.map((row, k) => {
    const { areas, scored, scoreSum } = t.types[k];
    const avg = scored ? scoreSum / scored : null;
    return { type: row.type, name: row.name, areas, table1Average: row.average, table1Areas: row.areas, averageScore: avg === null ? null : Math.round(avg * 10) / 10 };
  });
  const bandOrder: AbgBand[] = [1, 2, 3, 4, 5, 0];
  const byBand = bandOrder.map((band) => {
    const def = band === 0 ? null : ABG_BANDS.rows[band - 1];
    const label = def ? `Band ${band} (${def.quote})` : "No band (75% or more)";
    return { band, label, areas: t.bands[band].areas, amountGbp: t.bands[band].amountGbp };
  });
  const total = byBand.reduce((s, b) => s + b.amountGbp, 0);
  return {
    rows: t.rows,
    rowsWithResults: t.rowsWithResults,
    rowsWithErrors: t.rowsWithErrors,
    byType,
    byBand,
    totalAllocationGbp: total,
    programmeGbp: ABG_PROGRAMME.abgCohesionGbp,
    shareOfProgrammePct: Math.round((total / ABG_PROGRAMME.abgCohesionGbp) * 1000) / 10,
    uncertainRows: [...t.uncertainRows],
    rowsWithCi: t.rowsWithCi,
    table1Total: { average: TABLE_1_TOTAL.average, areas: TABLE_1_TOTAL.areas, note: TABLE_1_TOTAL.note },
  };
}

/**
 * Summary of evaluated rows: per family type (areas, Table 1 average beside this table's average
 * score), per band (areas and £), total against the £34m programme, uncertain rows (0-based indices).
 */
export function summarise(results: readonly RowResult[]): TableSummary {
  return finishSummary(addToSummary(startSummary(), results, 0));
}

/** Said wherever a summary would count uncertain rows but no row had a confidence interval. */
export const UNCERTAINTY_NOT_ASSESSED = "Uncertainty not assessed: no confidence intervals given";

/**
 * What the summary says about the bands' uncertainty: the count of uncertain rows when some row had a
 * CI (and how many rows had none), else that uncertainty was not assessed — never "0 rows uncertain".
 */
export function uncertaintyLines(s: Pick<TableSummary, "uncertainRows" | "rowsWithCi" | "byBand">): { label: string; count: number | null }[] {
  if (s.rowsWithCi === 0) return [{ label: UNCERTAINTY_NOT_ASSESSED, count: null }];
  const banded = s.byBand.reduce((a, b) => a + b.areas, 0);
  const lines = [{ label: "Rows whose band is uncertain under the CI", count: s.uncertainRows.length }];
  if (banded > s.rowsWithCi) lines.push({ label: "Rows with a band but no CI (uncertainty not assessed)", count: banded - s.rowsWithCi });
  return lines;
}

/** The ABG summary table's words, one wording wherever it is shown (the Summary sheet, stdout, the pane's view, ABG.SUMMARY). */
export const ABG_SUMMARY_LABELS = {
  band: "ABG band",
  areas: "Areas",
  allocation: "Allocation (£)",
  total: "Total allocation (£)",
  programme: `${fmtGbpMillions(ABG_PROGRAMME.abgCohesionGbp)} ABG cohesion programme (£)`,
  share: "Share of the programme (%)",
  note: "Amounts per authority, 2008-2011 settlement (period split not stated). GR ¶2.3.",
} as const;

/** A row of the ABG summary table: a band (areas, £), the total (areas, £), the programme (£) or the total's share of it (%, in `value`). */
export interface AbgSummaryRow {
  kind: "band" | "total" | "programme" | "share";
  label: string;
  areas: number | null;
  /** £ for a band, the total and the programme; per cent (0–100, one decimal) for the share. */
  value: number;
}

/**
 * The ABG summary table, built once for every shell (each only lays it out): its header, a row per
 * band, the total, the £34m programme and the total's share of it, and the note on the amounts.
 */
export function abgSummaryTable(s: Pick<TableSummary, "byBand" | "totalAllocationGbp" | "programmeGbp" | "shareOfProgrammePct">): { header: readonly [string, string, string]; rows: AbgSummaryRow[]; note: string } {
  const L = ABG_SUMMARY_LABELS;
  const rows: AbgSummaryRow[] = s.byBand.map((b) => ({ kind: "band", label: b.label, areas: b.areas, value: b.amountGbp }));
  rows.push({ kind: "total", label: L.total, areas: s.byBand.reduce((a, b) => a + b.areas, 0), value: s.totalAllocationGbp });
  rows.push({ kind: "programme", label: L.programme, areas: null, value: s.programmeGbp });
  rows.push({ kind: "share", label: L.share, areas: null, value: s.shareOfProgrammePct });
  return { header: [L.band, L.areas, L.allocation], rows, note: L.note };
}

/** Which parts of the summary to show: the ABG bands, the family types, or both (default). */
export interface SummaryParts {
  abg?: boolean;
  types?: boolean;
}

/**
 * The summary as rows of cells (for a Summary sheet or stdout); `rowLabel` turns a 0-based data index into what the user sees (e.g. sheet row number).
 * `parts` leaves out the section of a tool that was not run (both are shown by default).
 */
export function summaryRows(s: TableSummary, rowLabel: (i: number) => string | number = (i) => i + 1, parts: SummaryParts = {}): (string | number | null)[][] {
  const showAbg = parts.abg ?? true;
  const showTypes = parts.types ?? true;
  const rows: (string | number | null)[][] = [];
  rows.push(["Cohesion Toolkit summary"], []);
  rows.push(["Rows", s.rows], ["Rows with results", s.rowsWithResults], ["Rows with notes about bad or missing inputs", s.rowsWithErrors], []);
  if (showAbg) {
    const abg = abgSummaryTable(s);
    rows.push([...abg.header], ...abg.rows.map((r) => [r.label, r.areas, r.value]));
    rows.push([abg.note], []);
    rows.push(...uncertaintyLines(s).map((l) => [l.label, ...(l.count === null ? [] : [l.count])]));
    if (s.uncertainRows.length) rows.push(["Uncertain rows", s.uncertainRows.slice(0, 200).map(rowLabel).join(", ") + (s.uncertainRows.length > 200 ? ", …" : "")]);
    if (showTypes) rows.push([]);
  }
  if (showTypes) {
    rows.push(["Family type", "Name", "Areas in this table", "Table 1 average", "Average score in this table", "Table 1 areas"]);
    for (const t of s.byType) rows.push([t.type, t.name, t.areas, t.table1Average, t.averageScore, t.table1Areas]);
    rows.push(["Total (published)", null, s.byType.reduce((a, t) => a + t.areas, 0), s.table1Total.average, null, s.table1Total.areas]);
    rows.push([s.table1Total.note]);
  }
  return rows;
}
