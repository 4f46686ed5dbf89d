/**
 * A sheet's rows as values (cellValues.ts), streamed from the part: row 1 first, `undefined` for a
 * row the sheet does not hold. Merged ranges read as Excel holds them: the value in the top-left
 * cell only. What the writer needs to put a row back (its cells as written) and each cell's number
 * format (decision A7: a % format means a fraction) are kept on the side, for the rows not yet
 * written only, so memory does not grow with the sheet.
 */
import type { Book, SheetInfo } from "./book";
import { cellFormat, cellValue, type ReadContext } from "./cellValues";
import { parseBlock, type CellBlock } from "../../engine";
import { sheetRows, type RowTok } from "./sheetXml";

export type RowValues = readonly unknown[] | undefined;

/** One reading of a sheet: what the writer and the scale rule take from it besides the values. */
export interface XlsxPass {
  /** Rows as written, kept for the writer (set only when writing). */
  tokens?: Map<number, RowTok>;
  /** The sheet's text before and after its rows. */
  parts: { head?: string; tail?: string[] };
  /** Number formats of recent rows (1-based row → 0-based column), for rows that have any. */
  formats: Map<number, (string | undefined)[]>;
}

/** Rows of formats kept behind the row being read (the evaluator looks back one chunk of 1,000 rows at most). */
const FORMAT_ROWS_KEPT = 5_000;

/** Clears, in each row as it comes, the cells a merged range covers other than its top-left one. */
class MergeCover {
  private readonly ranges: CellBlock[];
  private next = 0;
  private active: CellBlock[] = [];

  constructor(refs: readonly string[]) {
    this.ranges = refs
      .map(parseBlock)
      .filter((b): b is CellBlock => !!b && (b.row !== b.lastRow || b.column !== b.lastColumn))
      .sort((a, b) => a.row - b.row);
  }

  apply(r: number, values: unknown[]): void {
    if (!this.ranges.length) return;
    while (this.next < this.ranges.length && this.ranges[this.next].row <= r) this.active.push(this.ranges[this.next++]);
    if (!this.active.length) return;
    this.active = this.active.filter((m) => m.lastRow >= r);
    for (const m of this.active) {
      for (let c = m.column; c <= Math.min(m.lastColumn, values.length); c++) if (r !== m.row || c !== m.column) values[c - 1] = null;
    }
  }
}

/** The values of each row of `sheet`, in order (see the module comment). `limit`: stop after that many rows. */
export async function* sheetValues(book: Book, sheet: SheetInfo, ctx: ReadContext, merges: readonly string[], pass: XlsxPass, limit = Infinity): AsyncGenerator<RowValues> {
  const e = book.entry(sheet.part)!;
  const cover = new MergeCover(merges);
  let next = 1;
  const formatted: number[] = []; // rows in pass.formats, oldest first
  let oldest = 0;
  for await (const tok of sheetRows(book.buf, e, pass.parts)) {
    if (tok.num > limit) return;
    for (; next < tok.num; next++) yield undefined;
    next = tok.num + 1;
    let width = 0;
    for (const c of tok.cells) if (c.col > width) width = c.col;
    const values: unknown[] = new Array(width).fill(null);
    let formats: (string | undefined)[] | undefined;
    for (const c of tok.cells) {
      values[c.col - 1] = cellValue(c.attrs, c.inner, ctx);
      const f = cellFormat(c.attrs, ctx);
      if (f !== undefined) (formats ??= [])[c.col - 1] = f;
    }
    cover.apply(tok.num, values);
    if (formats) {
      pass.formats.set(tok.num, formats);
      formatted.push(tok.num);
    }
    while (oldest < formatted.length && formatted[oldest] < tok.num - FORMAT_ROWS_KEPT) pass.formats.delete(formatted[oldest++]);
    if (oldest > 10_000) formatted.splice(0, oldest), (oldest = 0);
    pass.tokens?.set(tok.num, tok);
    yield values;
  }
}

/** The first rows of a sheet in memory (1-based; for choosing the sheet and reading a Summary of ours). */
export async function sheetGrid(book: Book, sheet: SheetInfo, ctx: ReadContext, merges: readonly string[], rows: number): Promise<RowValues[]> {
  const grid: RowValues[] = [undefined];
  const pass: XlsxPass = { parts: {}, formats: new Map() };
  for await (const values of sheetValues(book, sheet, ctx, merges, pass, rows)) grid.push(values);
  return grid;
}
