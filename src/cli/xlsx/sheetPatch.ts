/**
 * Writes a sheet's rows back with the result block added (sheetXml.ts reads them): each row as it
 * was, except the cells of the block's columns, which are set (header and data rows), emptied (an
 * earlier block's columns this run does not write, and results left below the data) or kept (values
 * the user typed, unless --force). Everything else in the row is kept as written: values, styles,
 * formulas. The head gets the wider dimension and the new columns' widths; the tail is unchanged.
 */
import type { Layout } from "../layout";
import { columnLetter, columnNumber, type OutputCell } from "../../engine";
import { CliError } from "../errors";
import { esc } from "./book";
import type { CellTok, RowTok } from "./sheetXml";

/** The cells to set in a row: column → value (null: empty the cell), and the style of new cells. */
export type CellEdits = Map<number, { value: OutputCell; style?: string }>;

const S_ATTR = /\ss\s*=\s*"(\d+)"/;

/** The style index of a cell (its s="N"), if any. */
export function cellStyle(c: CellTok | undefined): string | undefined {
  return c ? S_ATTR.exec(c.attrs)?.[1] : undefined;
}

/** A cell element for a value (numbers as numbers, text inline, so the shared strings are not touched). */
export function cellXml(prefix: string, ref: string, value: OutputCell | boolean, style: string | undefined): string {
  const s = style !== undefined ? ` s="${style}"` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<${prefix}c r="${ref}"${s}><${prefix}v>${value}</${prefix}v></${prefix}c>` : "";
  if (typeof value === "boolean") return `<${prefix}c r="${ref}"${s} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${prefix}c>`;
  if (value === null || value === "") return s ? `<${prefix}c r="${ref}"${s}/>` : "";
  return `<${prefix}c r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${esc(value)}</${prefix}t></${prefix}is></${prefix}c>`;
}

export interface RowWriteInfo {
  /** A formula cell was replaced or emptied (the calculation chain must then be rebuilt by Excel). */
  formulaRemoved: boolean;
}

/**
 * A row with `edits` applied (`tok` undefined: a row that was not in the sheet). Returns "" for a row
 * that ends up with nothing in it and was not in the sheet.
 */
export function patchRow(r: number, tok: RowTok | undefined, edits: CellEdits, info: RowWriteInfo, where: string): string {
  const prefix = tok?.prefix ?? "";
  if (!tok) {
    if (!edits.size) return "";
    const cells = [...edits.entries()].sort((a, b) => a[0] - b[0]).map(([c, e]) => cellXml(prefix, `${columnLetter(c)}${r}`, e.value, e.style)).join("");
    return cells ? `<${prefix}row r="${r}">${cells}</${prefix}row>` : "";
  }
  if (!edits.size) return rowXml(tok, tok.cells.map((c) => withRef(c, r, prefix)));
  const out: string[] = [];
  const pending = [...edits.keys()].sort((a, b) => a - b);
  let k = 0;
  const put = (c: number, existing?: CellTok) => {
    const e = edits.get(c)!;
    if (existing && /<(\w+:)?f\b/.test(existing.inner)) {
      // A formula filled down as a shared formula is written once, in its first cell; replacing that cell would break the others.
      if (/<(\w+:)?f\b[^>]*\st\s*=\s*"shared"[^>]*\sref\s*=/.test(existing.inner)) {
        throw new CliError(`cell ${columnLetter(c)}${r} of ${where} holds a formula filled down to other cells, in a column the results are written to; move or clear that formula (or write a .csv output) and run again`);
      }
      info.formulaRemoved = true;
    }
    const style = e.style ?? cellStyle(existing);
    const xml = cellXml(prefix, `${columnLetter(c)}${r}`, e.value, style);
    if (xml) out.push(xml);
  };
  for (const cell of tok.cells) {
    while (k < pending.length && pending[k] < cell.col) put(pending[k++]);
    if (k < pending.length && pending[k] === cell.col) {
      put(pending[k++], cell);
      continue;
    }
    out.push(withRef(cell, r, prefix));
  }
  while (k < pending.length) put(pending[k++]);
  return rowXml(tok, out);
}

function withRef(c: CellTok, r: number, prefix: string): string {
  if (c.hasRef) return c.raw;
  return c.raw.replace(new RegExp(`^<${prefix}c\\b`), `<${prefix}c r="${columnLetter(c.col)}${r}"`);
}

function rowXml(tok: RowTok, cells: readonly string[]): string {
  // `spans` is an optional hint of the row's first and last columns: dropped, as the cells may now reach further.
  const attrs = tok.attrs.replace(/\sspans\s*=\s*"[^"]*"/, "");
  const rAttr = /\sr\s*=\s*"/.test(attrs) ? attrs : ` r="${tok.num}"${attrs}`;
  return `<${tok.prefix}row${rAttr}>${cells.join("")}</${tok.prefix}row>`;
}

/**
 * The sheet's head with the block's columns in it: the dimension (the used range) widened to the
 * last column written, and a width for each new column that has none.
 */
export function patchHead(head: string, layout: Layout, widths: ReadonlyMap<number, number>): string {
  const lastCol = Math.max(layout.lastCol, ...layout.outputCols);
  let out = head.replace(/(<(\w+:)?dimension\b[^>]*\sref\s*=\s*")([^"]*)"/, (_m, start: string, _p: string, ref: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref);
    if (!m) return `${start}${ref}"`;
    const last = Math.max(columnNumber(m[3] ?? m[1]), lastCol);
    const rows = Math.max(Number(m[4] ?? m[2]), layout.lastRow);
    return `${start}${m[1]}${m[2]}:${columnLetter(last)}${rows}"`;
  });
  if (!widths.size) return out;
  const colsMatch = /<(\w+:)?cols>([\s\S]*?)<\/(\w+:)?cols>/.exec(out);
  const prefix = /<(\w+:)?sheetData\b/.exec(out)?.[1] ?? "";
  const existing = colsMatch ? [...colsMatch[2].matchAll(/<(?:\w+:)?col\b[^>]*>/g)].map((m) => m[0]) : [];
  const covered = (c: number) =>
    existing.some((x) => {
      const min = Number(/\smin\s*=\s*"(\d+)"/.exec(x)?.[1] ?? 0);
      const max = Number(/\smax\s*=\s*"(\d+)"/.exec(x)?.[1] ?? 0);
      return c >= min && c <= max;
    });
  const added = [...widths.entries()].filter(([c]) => !covered(c)).map(([c, w]) => ({ min: c, xml: `<${colsMatch?.[1] ?? prefix}col min="${c}" max="${c}" width="${w}" customWidth="1"/>` }));
  if (!added.length) return out;
  if (colsMatch) {
    const all = [...existing.map((x) => ({ min: Number(/\smin\s*=\s*"(\d+)"/.exec(x)?.[1] ?? 0), xml: x })), ...added].sort((a, b) => a.min - b.min);
    const p = colsMatch[1] ?? "";
    out = out.slice(0, colsMatch.index) + `<${p}cols>${all.map((a) => a.xml).join("")}</${p}cols>` + out.slice(colsMatch.index + colsMatch[0].length);
  } else {
    const at = out.search(/<(\w+:)?sheetData\b/);
    out = out.slice(0, at) + `<${prefix}cols>${added.map((a) => a.xml).join("")}</${prefix}cols>` + out.slice(at);
  }
  return out;
}
