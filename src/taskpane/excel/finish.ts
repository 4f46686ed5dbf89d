/**
 * Sheets the pane writes, made to look finished: column widths from what the columns hold (long text
 * wrapped at a maximum width), a bold title, an Excel table style, number formats (£, %, counts), a frozen
 * header, and print set-up (landscape, one page wide, title rows repeated on every page).
 *
 * Office.js: RangeFormat.columnWidth, autofitRows (ExcelApi 1.2); wrapText, verticalAlignment, font, fill,
 * Table.style, Range.numberFormat, Range.select, Worksheet.activate (1.1); freezePanes.freezeRows (1.7);
 * Worksheet.pageLayout (1.9) only under `excelApiSupported("1.9")`: without it the sheet is written and
 * formatted all the same, it just prints with Excel's default set-up.
 */
import { excelApiSupported } from "./requirements";

/** Excel's width unit is characters of the default font (Calibri 11: 7 px each, plus 5 px of padding); the API takes points (0.75 px). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Widest a column gets (characters); longer text wraps inside it. */
export const MAX_COLUMN_CHARS = 50;
/** Narrowest a table column gets (characters). */
export const MIN_COLUMN_CHARS = 10;
/** Width of a column that is empty below its header (a column for the user to fill in). */
export const FILL_IN_COLUMN_CHARS = 18;

/** How a number shows, roughly, in a column's number format (for its width). */
function shownLength(v: unknown, format: string | undefined): number {
  if (v === null || v === undefined || v === "") return 0;
  if (typeof v === "number") {
    if (format && format.includes("%")) return (v * 100).toFixed(1).length + 1;
    const digits = format && /0\.(0+)/.exec(format) ? /0\.(0+)/.exec(format)![1].length : v % 1 === 0 ? 0 : 4;
    const body = Math.abs(v).toFixed(digits);
    const grouped = body.length + Math.max(0, Math.floor((Math.trunc(Math.abs(v)).toString().length - 1) / 3));
    return grouped + (v < 0 ? 1 : 0) + (format && format.includes("£") ? 1 : 0);
  }
  return String(v).length;
}

/** Each column's width (characters) and whether its text wraps: the longest cell it holds, within MIN–MAX; an empty column a fill-in width. */
export function columnLayout(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  formats: Readonly<Record<string, string>> = {},
): { chars: number; wrap: boolean }[] {
  return columns.map((name, j) => {
    let longest = 0;
    let any = false;
    for (const r of rows) {
      const n = shownLength(r[j], formats[name]);
      if (n > 0) any = true;
      if (n > longest) longest = n;
    }
    // The header wraps too, at word breaks: its longest word must fit.
    const headerWord = Math.max(...name.split(/\s+/).map((w) => w.length));
    const want = any ? Math.max(longest, headerWord) + 2 : Math.max(FILL_IN_COLUMN_CHARS, headerWord + 2);
    const chars = Math.min(MAX_COLUMN_CHARS, Math.max(MIN_COLUMN_CHARS, want));
    return { chars, wrap: want > MAX_COLUMN_CHARS || !any || name.length + 2 > chars };
  });
}

/** The print set-up: landscape, all columns on one page wide (as many pages tall as needed), `titleRows` (e.g. "$1:$5") on every page. */
export function printSetup(sheet: Excel.Worksheet, titleRows: string | null): void {
  if (excelApiSupported("1.9")) {
    sheet.pageLayout.orientation = "Landscape";
    // verticalFitToPages 0: as many pages tall as it takes (Excel's "Fit All Columns on One Page").
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (titleRows) sheet.pageLayout.setPrintTitleRows(titleRows);
  }
}

/** A header block's title: bold and larger. */
export function styleTitle(range: Excel.Range): void {
  range.format.font.bold = true;
  range.format.font.size = 14;
}

/**
 * An Excel table on a new sheet, finished: the table style, widths (long text wrapping, top-aligned),
 * number formats per column (by header), the rows through the table's header frozen (or, when the block
 * above the table is long, the title row alone: Excel shows a table's headers in place of the column letters
 * once it is scrolled), print set-up with those rows repeated. `top` is the table header's 0-based row.
 */
export function finishTable(
  sheet: Excel.Worksheet,
  table: Excel.Table,
  at: { top: number; columns: readonly string[]; rows: readonly (readonly unknown[])[]; formats?: Readonly<Record<string, string>>; title: boolean },
): void {
  const { top, columns, rows } = at;
  const formats = at.formats ?? {};
  const bodyRows = Math.max(1, rows.length);
  table.style = "TableStyleMedium2";
  columnLayout(columns, rows, formats).forEach((c, j) => {
    sheet.getRangeByIndexes(0, j, 1, 1).format.columnWidth = widthPoints(c.chars);
    if (c.wrap) sheet.getRangeByIndexes(top, j, bodyRows + 1, 1).format.wrapText = true;
  });
  const block = sheet.getRangeByIndexes(top, 0, bodyRows + 1, columns.length);
  block.format.verticalAlignment = "Top";
  columns.forEach((name, j) => {
    const f = formats[name];
    if (f && rows.length) sheet.getRangeByIndexes(top + 1, j, rows.length, 1).numberFormat = rows.map(() => [f]);
  });
  block.format.autofitRows();
  if (at.title) styleTitle(sheet.getRange("A1"));
  const frozen = top + 1 <= MAX_FROZEN_ROWS ? top + 1 : at.title ? 1 : 0;
  if (frozen) sheet.freezePanes.freezeRows(frozen);
  printSetup(sheet, frozen ? `$1:$${frozen}` : null);
}

/** Most rows a generated sheet freezes at its top (more would fill a laptop's screen). */
export const MAX_FROZEN_ROWS = 6;
