/**
 * The preview grid's geometry: row and column sizes in pixels, and A1 addresses as rectangles
 * (the stand-in's selections and spills are A1 text; the grid draws rows and columns).
 */
import { columnIndex, columnLetters } from "./standIn";
import type { PreviewHost } from "./host";

export const ROW_H = 24;
export const ROW_HEAD_W = 52;
export const DEFAULT_W = 96;
export const OVERSCAN = 8;

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export function parseA1(address: string): Rect {
  const [a, b] = address.split(":");
  const one = (p: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(p)!;
    return { column: columnIndex(m[1]), row: Number(m[2]) - 1 };
  };
  const p = one(a);
  const q = b ? one(b) : p;
  return { row: Math.min(p.row, q.row), column: Math.min(p.column, q.column), rows: Math.abs(q.row - p.row) + 1, columns: Math.abs(q.column - p.column) + 1 };
}

export const a1 = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;

/** A column's width in pixels: as the pane set it (points: 0.75 px), else as the file gave it, else the default. */
export function columnPx(host: PreviewHost, sheet: string, column: number): number {
  const points = host.standIn.model.sheet(sheet)?.columnWidths.get(column);
  if (points !== undefined) return Math.round(points / 0.75);
  return host.info.widths.get(sheet.toLowerCase())?.get(column) ?? DEFAULT_W;
}
export const rectA1 = (r: Rect) => (r.rows === 1 && r.columns === 1 ? a1(r.row, r.column) : `${a1(r.row, r.column)}:${a1(r.row + r.rows - 1, r.column + r.columns - 1)}`);

export const inRect = (r: Rect, row: number, col: number) => row >= r.row && col >= r.column && row < r.row + r.rows && col < r.column + r.columns;

/** A grid cell's classes: number, error, selected, the active cell, and the border of the active cell's spill. */
export function cellClass(row: number, column: number, is: { number: boolean; error: boolean; selected: boolean; active: boolean; spill: Rect | null }): string {
  const s = is.spill && inRect(is.spill, row, column) ? is.spill : null;
  return [
    "pv-cell",
    is.number ? "pv-num" : "",
    is.error ? "pv-error" : "",
    is.selected ? "pv-selected" : "",
    is.active ? "pv-active" : "",
    s ? "pv-spill" : "",
    s && row === s.row ? "pv-spill-top" : "",
    s && row === s.row + s.rows - 1 ? "pv-spill-bottom" : "",
    s && column === s.column ? "pv-spill-left" : "",
    s && column === s.column + s.columns - 1 ? "pv-spill-right" : "",
  ]
    .filter(Boolean)
    .join(" ");
}
