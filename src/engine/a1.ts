/**
 * A1 references, as Excel writes them: column letters ("A" … "XFD"), a sheet's name as it must
 * be written before "!", a block "B2:D4", and the size of a worksheet. Every shell (the pane, the
 * command line, the preview and its Excel stand-in) takes these from here.
 */

/** Rows in a worksheet (Excel 2007 and later; .xlsx). */
export const MAX_ROWS = 1_048_576;
/** Columns in a worksheet: "A" … "XFD". */
export const MAX_COLUMNS = 16_384;

/** "A", "B", … "Z", "AA", … for a 1-based column number (1 → "A", 16,384 → "XFD"); "" below 1. */
export function columnLetter(column: number): string {
  let s = "";
  for (let n = Math.floor(column); n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Column letters → 1-based number ("A" → 1, "xfd" → 16,384); NaN when they are not letters A–Z. */
export function columnNumber(letters: string): number {
  if (!letters) return NaN;
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) return NaN;
    n = n * 26 + (c - 96);
  }
  return n;
}

/**
 * A sheet's name as written before "!" in a reference: as it is when it is a plain name, else in
 * single quotes with each quote doubled ("My sheet" → "'My sheet'", "Bob's" → "'Bob''s'"). A name that
 * reads as a cell in A1 or R1C1 style ("AB12", "R1C1", "R", "C2") is quoted too, as Excel writes it:
 * unquoted, `AB12!A1` would not parse as a sheet.
 */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^(R[0-9]*)?(C[0-9]*)?$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The sheet's name from the part of a reference before "!" ("'Bob''s'" → "Bob's"). */
export function unquoteSheet(text: string): string {
  return text.replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
}

/** A block of cells by its corners, 1-based (row, column top-left; lastRow, lastColumn bottom-right). */
export interface CellBlock {
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
}

const BLOCK = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

/**
 * "B2", "B2:D4" or "$B$2:$D$4" (no sheet) → its corners, 1-based, top-left first whichever way
 * round it was written; null when it is not a cell or a block of cells.
 */
export function parseBlock(ref: string): CellBlock | null {
  const m = BLOCK.exec(ref.trim());
  if (!m) return null;
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = columnNumber(m[3] ?? m[1]);
  const r2 = Number(m[4] ?? m[2]);
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), lastRow: Math.max(r1, r2), lastColumn: Math.max(c1, c2) };
}
