/** A1 addresses and cell values: pure helpers shared by the pane's workbook functions (letters and quoting: the engine's a1.ts). */
import { columnLetter, quoteSheet, unquoteSheet } from "../../engine/a1";

/** A1 address of a block given by 0-based indices, e.g. rangeAddress("Sheet1", 1, 7, 300, 1) → "Sheet1!H2:H301". */
export function rangeAddress(sheet: string | null, row: number, column: number, rows: number, columns: number): string {
  const tl = `${columnLetter(column + 1)}${row + 1}`;
  const ref = rows === 1 && columns === 1 ? tl : `${tl}:${columnLetter(column + columns)}${row + rows}`;
  return sheet === null ? ref : `${quoteSheet(sheet)}!${ref}`;
}

/** "'My sheet'!H1:K1" → its sheet. */
export function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return unquoteSheet(address.slice(0, bang));
}

export function isEmptyCell(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** Two cells read at different times hold the same thing (a blank is "" or null, whichever Excel sent). */
export function sameCell(a: unknown, b: unknown): boolean {
  return a === b || (isEmptyCell(a) && isEmptyCell(b));
}

/** Text that Excel would read as a formula (=, +, -, @) is written with a leading apostrophe so it stays text. */
export function asCellValue(v: string | number | null): string | number {
  if (v === null) return "";
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

/** A header cell as text, trimmed ("" for a blank). */
export function headerText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}
