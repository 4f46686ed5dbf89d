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

/**
 * Text Excel might read as something else: Range.values and Range.formulas take a string as if typed, so "4.10"
 * would become the number 4.1, "01" the number 1, "2008-09" the date Sep-08, "12%" 0.12, "TRUE" a boolean, and
 * text starting with "=", "+" or "-" a formula (Excel.Range#values: "If the returned value starts with a plus
 * ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"; OfficeDev/office-js#229:
 * "2018-12-31" written becomes a date). Broader than Excel on purpose (anything starting with a digit, a point, a
 * sign, a bracket, a currency sign, "#" or an apostrophe, TRUE/FALSE, a month's name and a number such as "Sep 2008"):
 * an apostrophe on text Excel would have kept costs nothing. The preview's stand-in models Excel's reading (standIn/typedEntry.ts).
 */
const RETYPED = /^\s*(?:[=+\-@.(\d$£€#']|(?:true|false)\s*$|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]+\d)/i;

/**
 * A value as the pane writes it through Range.values: text Excel might read as a number, date, boolean or formula
 * (RETYPED) gets a leading apostrophe, the prefix Microsoft documents for entering a number as text ("Format numbers
 * as text"; MicrosoftDocs/OfficeDocs-Support "Long numbers are displayed incorrectly in Excel"). The apostrophe is
 * not part of the cell's value: reading the cell back gives the text as written ("4.10", not "'4.10"). Chosen over
 * a Text ("@") number format, which would also turn a formula the user types later into text, and would have to be
 * set before the value in every block written.
 */
export function asCellValue(v: string | number | null): string | number {
  if (v === null) return "";
  if (typeof v === "string" && RETYPED.test(v)) return `'${v}`;
  return v;
}

/**
 * A block as the pane writes it (asCellValue on every cell). Keep the block itself for comparing with what is read
 * back later: a cell written as "'4.10" reads back as "4.10".
 */
export function asCellValues(rows: readonly (readonly (string | number | null)[])[]): (string | number)[][] {
  return rows.map((r) => r.map(asCellValue));
}

/** A header cell as text, trimmed ("" for a blank). */
export function headerText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}
