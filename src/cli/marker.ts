/**
 * The workbook marker on the command line's side (the rules are the engine's, src/engine/resultBlock.ts):
 * reading and writing the defined names that mark the result block and the Summary sheet, so a
 * workbook the task pane wrote is recognised here and the other way round. ExcelJS keeps defined
 * names of ranges only, which is what the markers are.
 */
import type * as ExcelJS from "exceljs";
import {
  blockMarkerName,
  cellKey,
  columnLetter,
  gridFingerprint,
  isValidBlock,
  nextBlockId,
  parseBlock,
  parseMarkerName,
  quoteSheet,
  summaryMarkerName,
  Fingerprint,
  type BlockMarker,
  type OutputHeader,
  unquoteSheet,
} from "../engine";

/** A defined name: its name, its ranges, and its sheet when it is scoped to one. */
export interface NameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/** A range reference "'My sheet'!$H$1:$N$1" → sheet, first row and columns (1-based). */
export function parseReference(ref: string): { sheet: string; row: number; col: number; lastRow: number; lastCol: number } | null {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return null;
  const b = parseBlock(ref.slice(bang + 1));
  if (!b) return null;
  return { sheet: unquoteSheet(ref.slice(0, bang)), row: b.row, col: b.column, lastRow: b.lastRow, lastCol: b.lastColumn };
}

/** An absolute reference to a block of a sheet (1-based). */
export function reference(sheet: string, row: number, col: number, lastRow: number, lastCol: number): string {
  return `${quoteSheet(sheet)}!$${columnLetter(col)}$${row}:$${columnLetter(lastCol)}$${lastRow}`;
}

function names(wb: Pick<ExcelJS.Workbook, "definedNames">): NameModel[] {
  return (wb.definedNames.model as NameModel[]) ?? [];
}

/** An earlier block marked in the workbook, on this sheet at this header row. */
export interface MarkedBlock {
  name: string;
  marker: BlockMarker;
  /** 1-based columns and the headers read there. */
  columns: number[];
  headers: OutputHeader[];
}

/**
 * The marked block beside this table: a block marker on `sheet` whose header row is `headerRow`,
 * where the header cells still read as one of the blocks a run writes (else it is not ours any more).
 */
export function findMarkedBlock(defined: readonly NameModel[], sheet: string, headerRow: number, headers: readonly string[]): MarkedBlock | null {
  for (const n of defined) {
    const marker = parseMarkerName(n.name);
    if (marker?.kind !== "block" || n.localSheetId !== undefined) continue;
    const ref = n.ranges.length === 1 ? parseReference(n.ranges[0]) : null;
    if (!ref || ref.sheet.toLowerCase() !== sheet.toLowerCase() || ref.row !== headerRow) continue;
    const columns = Array.from({ length: ref.lastCol - ref.col + 1 }, (_, k) => ref.col + k);
    const read = columns.map((c) => (headers[c - 1] ?? "").trim());
    if (!isValidBlock(read)) continue;
    if (marker.columns && marker.columns.length !== columns.length) continue;
    return { name: n.name, marker: { id: marker.id, rows: marker.rows, columns: marker.columns }, columns, headers: read };
  }
  return null;
}

/**
 * The columns of a marked block that changed since they were written (1-based), from the rows as
 * they are read now, one at a time (`row(r, values)`, values 0-based): the engine's fingerprint of
 * the header and the marked rows. Rows never fed (past the sheet's end) count as empty.
 */
export function blockChanges(block: MarkedBlock, headerRow: number): { row: (r: number, values: readonly unknown[] | undefined) => void; changed: () => Set<number> } {
  const fps = block.columns.map((_, k) => new Fingerprint().add(block.headers[k]));
  let fed = 0;
  return {
    row: (r, values) => {
      if (r <= headerRow || r > headerRow + block.marker.rows) return;
      for (; fed < r - headerRow - 1; fed++) fps.forEach((fp) => fp.add(undefined));
      block.columns.forEach((c, k) => fps[k].add(values?.[c - 1]));
      fed = r - headerRow;
    },
    changed: () => {
      const out = new Set<number>();
      if (!block.marker.columns) return out;
      for (; fed < block.marker.rows; fed++) fps.forEach((fp) => fp.add(undefined));
      block.columns.forEach((c, k) => fps[k].digest() !== block.marker.columns![k] && out.add(c));
      return out;
    },
  };
}

/** True when a cell in a changed column holds something the toolkit would not write there: the user typed it. */
export function typedByUser(current: unknown, expected: unknown): boolean {
  const now = cellKey(current);
  return now !== "" && now !== cellKey(expected);
}

/** Replaces the block markers of this header row (and a marker `old`) with one for the block just written. */
export function writeBlockMarker(
  wb: Pick<ExcelJS.Workbook, "definedNames">,
  sheet: string,
  headerRow: number,
  columns: readonly number[],
  rows: number,
  fingerprints: string[],
  old: MarkedBlock | null,
): string {
  const model = names(wb);
  const id = old?.marker.id ?? nextBlockId(model.map((n) => n.name));
  const keep = model.filter((n) => {
    const m = parseMarkerName(n.name);
    if (n.name === old?.name) return false;
    if (m?.kind !== "block") return true;
    const ref = n.ranges.length === 1 ? parseReference(n.ranges[0]) : null;
    return !(ref && ref.sheet.toLowerCase() === sheet.toLowerCase() && ref.row === headerRow);
  });
  const name = blockMarkerName({ id, rows, columns: fingerprints });
  wb.definedNames.model = [...keep, { name, ranges: [reference(sheet, headerRow, columns[0], headerRow, columns[columns.length - 1])] }];
  return name;
}

/** A sheet's used range from A1 as rows of values (what the task pane reads back as its used range), from its rows (1-based, as read). */
export function usedGridValues(grid: readonly (readonly unknown[] | undefined)[]): unknown[][] {
  let lastRow = 0;
  let lastCol = 0;
  grid.forEach((row, r) => {
    if (r === 0 || !row) return;
    row.forEach((v, c) => {
      if (cellKey(value(v)) === "") return;
      lastRow = Math.max(lastRow, r);
      lastCol = Math.max(lastCol, c + 1);
    });
  });
  const rows: unknown[][] = [];
  for (let r = 1; r <= lastRow; r++) rows.push(Array.from({ length: lastCol }, (_, c) => value(grid[r]?.[c])));
  return rows;
}

function value(v: unknown): unknown {
  if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) return (v as { result?: unknown }).result ?? null;
  return v;
}

/** Replaces every Summary marker with one for the summary just written (`rows` as written at A1 of `sheet`). */
export function writeSummaryMarker(wb: Pick<ExcelJS.Workbook, "definedNames">, sheet: string, rows: readonly (readonly unknown[])[]): string {
  const keep = names(wb).filter((n) => parseMarkerName(n.name)?.kind !== "summary");
  // The used range as Excel will see it: trailing empty rows and columns are not part of it.
  const trimmed = rows.map((r) => [...r]);
  while (trimmed.length && trimmed[trimmed.length - 1].every((v) => cellKey(v) === "")) trimmed.pop();
  const width = Math.max(1, ...trimmed.map((r) => r.reduce((w: number, v, c) => (cellKey(v) === "" ? w : c + 1), 0)));
  const grid = trimmed.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  const name = summaryMarkerName({ fingerprint: gridFingerprint(grid) });
  wb.definedNames.model = [...keep, { name, ranges: [reference(sheet, 1, 1, Math.max(1, grid.length), width)] }];
  return name;
}
