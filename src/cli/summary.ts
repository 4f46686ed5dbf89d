/**
 * The summary: the engine's `summaryRows` (per band, per family type, totals, uncertain rows), plus
 * what this run read (fields → columns, options), as rows of cells for the Summary sheet and as
 * aligned text for stdout.
 */
import { DATA_VERSION, summarise, summaryRows, type Field, type SummaryParts, type TableSummary } from "../engine";
import { describeMatch, type FieldSource } from "./layout";

export type SummaryCell = string | number | null;

/** The title the engine puts in the first row: it marks a Summary sheet as written by this tool. */
export const SUMMARY_TITLE = String(summaryRows(summarise([]))[0][0]);

export interface RunInfo {
  input: string;
  sheet: string | null;
  headerRow: number;
  fields: ({ field: string; label: string; column: string | null; header: string | null; explicit: boolean; others?: string[] } & Partial<Pick<FieldSource, "score" | "runnerUp" | "tie">>)[];
  scale: string;
  /** Each percentage column's scale and why (decision A7), under the Scale row. */
  scales?: string[];
  basis: string;
  version: string;
}

/**
 * `table`: the engine's summary rows (stdout); `sheet`: those plus what this run read (the Summary sheet).
 * `parts`: only the sections of the tools that ran (no ABG section without a score, no family-type table without the proxies).
 */
export function summarySheetRows(summary: TableSummary, rowLabel: (i: number) => number, info: RunInfo, parts: SummaryParts = {}): { table: SummaryCell[][]; sheet: SummaryCell[][] } {
  const table: SummaryCell[][] = summaryRows(summary, rowLabel, parts).map((r) => [...r]);
  const rows = [...table];
  rows.push([]);
  rows.push(["Input", info.input, info.sheet === null ? null : `sheet "${info.sheet}"`, `header row ${info.headerRow}`]);
  rows.push(["Field", "Column", "Header", "How found"]);
  for (const f of info.fields) {
    // The header rule's runner-up, tie or nearest miss (describeMatch), as on stdout.
    const match = describeMatch({ field: f.field as Field, column: f.column, runnerUp: f.runnerUp ?? null, tie: f.tie ?? null });
    const how =
      f.column === null ? (f.tie ? match : match.replace(/^not found \(not computed\)/, "not computed")) : f.explicit ? "--col" : f.score != null && f.score < 100 ? `header words (score ${f.score})` : "header synonym";
    const others = f.others?.length ? `; also headed alike, not used: column${f.others.length === 1 ? "" : "s"} ${f.others.join(", ")}` : "";
    rows.push([f.field, f.column ?? "not found", f.header, how + others + (f.column !== null && match ? `; ${match}` : "")]);
  }
  rows.push(["Scale", info.scale]);
  for (const line of info.scales ?? []) rows.push([null, line]);
  rows.push(["Basis", info.basis]);
  rows.push([`Cohesion Toolkit ${info.version}, data ${DATA_VERSION}`]);
  return { table, sheet: rows };
}

function show(v: SummaryCell): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en-GB") : String(v);
  return v;
}

/**
 * Rows as aligned text. Blocks are separated by empty rows; within a block, columns are padded to a
 * common width (single-cell rows, such as notes, are left as they are); numbers are right-aligned.
 */
export function renderRows(rows: readonly (readonly SummaryCell[])[]): string {
  const lines: string[] = [];
  let block: (readonly SummaryCell[])[] = [];
  const flush = () => {
    const widths: number[] = [];
    // A text cell that ends its row (a list of row numbers, a note) neither sets nor gets a width.
    const trailingText = (r: readonly SummaryCell[], c: SummaryCell, i: number) => i === r.length - 1 && typeof c === "string";
    for (const r of block) if (r.length > 1) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, trailingText(r, c, i) ? 0 : show(c).length)));
    for (const r of block) {
      if (r.length <= 1) {
        lines.push(show(r[0] ?? null));
        continue;
      }
      const cells = r.map((c, i) => (trailingText(r, c, i) ? show(c) : typeof c === "number" && i > 0 ? show(c).padStart(widths[i]) : show(c).padEnd(widths[i])));
      lines.push(cells.join("  ").trimEnd());
    }
    block = [];
  };
  for (const r of rows) {
    if (r.length === 0) {
      flush();
      lines.push("");
    } else block.push(r);
  }
  flush();
  return lines.join("\n");
}
