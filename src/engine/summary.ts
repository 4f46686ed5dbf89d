/**
 * The summary of a table's results, built chunk by chunk (start, add, finish) for tables read in
 * pieces: rows, bands and their allocations against the programme, family types, uncertain rows;
 * and the rows a summary sheet or the command line shows (one ABG summary table for every shell).
 */
import { ABG_BANDS, ABG_PROGRAMME, type AbgBand } from "./data/govResponse2008/abgBands";
import { TABLE_1, TABLE_1_TOTAL, type FamilyType } from "./data/deliveryFramework2009/familyTypes";
import { fmtGbpMillions } from "./format";
import type { RowResult } from "./table";

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
