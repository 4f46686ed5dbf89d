/**
 * An Excel table on the data sheet (ECMA-376 Part 1, §18.5: xl/tables/tableN.xml) and the result
 * columns: when they are the table's next columns, the table is widened over them (its range, its
 * AutoFilter's and a column for each header); otherwise it is kept as it was and the results sit
 * beside it. Everything else in the table (name, style, filter buttons, totals row or none) stays.
 */
import type { Layout } from "../layout";
import { columnLetter, parseBlock } from "../../engine";
import { attr, esc } from "./book";

export interface TableRange {
  name: string;
  firstCol: number;
  lastCol: number;
  firstRow: number;
  lastRow: number;
  headerRow: boolean;
}

/** A table's name and range, from its XML. */
export function tableRange(xml: string): TableRange | null {
  const tag = /<(\w+:)?table\b[^>]*>/.exec(xml)?.[0];
  const ref = tag && attr(tag, "ref");
  const b = ref && ref.includes(":") ? parseBlock(ref) : null;
  if (!tag || !b) return null;
  return {
    name: attr(tag, "displayName") ?? attr(tag, "name") ?? "",
    firstCol: b.column,
    firstRow: b.row,
    lastCol: b.lastColumn,
    lastRow: b.lastRow,
    headerRow: attr(tag, "headerRowCount") !== "0",
  };
}

/**
 * The table's XML with its range (and its AutoFilter's) widened to `lastCol`, and a column for each
 * header added; everything else (name, style, filter buttons, totals row or none) as it was.
 */
export function extendTable(xml: string, lastCol: number, headers: readonly string[]): string {
  const t = tableRange(xml)!;
  const widen = (ref: string) => ref.replace(/^(\$?[A-Z]+\$?\d+:\$?)([A-Z]+)(\$?\d+)$/i, (_m, head: string, _col: string, row: string) => `${head}${columnLetter(lastCol)}${row}`);
  let out = xml.replace(/<(\w+:)?table\b[^>]*>/, (tag) => tag.replace(/(\sref=")([^"]*)"/, (_m, h: string, ref: string) => `${h}${widen(ref)}"`));
  out = out.replace(/<(\w+:)?autoFilter\b[^>]*>/, (tag) => tag.replace(/(\sref=")([^"]*)"/, (_m, h: string, ref: string) => `${h}${widen(ref)}"`));
  const ids = [...out.matchAll(/<(\w+:)?tableColumn\b[^>]*\sid="(\d+)"/g)].map((m) => Number(m[2]));
  let next = Math.max(0, ...ids) + 1;
  const prefix = /<(\w+:)?tableColumns\b/.exec(out)?.[1] ?? "";
  const added = headers.map((h) => `<${prefix}tableColumn id="${next++}" name="${esc(h)}"/>`).join("");
  out = out.replace(new RegExp(`</${prefix}tableColumns>`), `${added}</${prefix}tableColumns>`);
  const count = lastCol - t.firstCol + 1;
  return out.replace(/(<(\w+:)?tableColumns\b[^>]*\scount=")\d+"/, `$1${count}"`);
}

/**
 * A table on the data sheet, with the result columns added to it when they are its next columns: the
 * table's header row is the block's, and the block starts inside the table or right after it (a
 * re-run's block, or the first run's). Otherwise the table is kept as it was and the results are beside
 * it. What was done is said in `notes` (for stdout).
 */
export function tableWithResults(xml: string, layout: Layout, notes: string[]): string {
  const t = tableRange(xml);
  if (!t) return xml;
  const first = layout.outputCols[0];
  const last = layout.outputCols[layout.outputCols.length - 1];
  const contiguous = layout.outputCols.every((c, k) => c === first + k);
  const where = `columns ${columnLetter(first)}–${columnLetter(last)}`;
  if (!t.headerRow || t.firstRow !== layout.headerRow || !contiguous || first < t.firstCol || first > t.lastCol + 1) {
    if (first > t.lastCol && t.firstRow <= layout.headerRow && t.lastRow >= layout.headerRow) notes.push(`Table "${t.name}" kept as it was; the results are beside it, in ${where}.`);
    return xml;
  }
  if (last <= t.lastCol) {
    notes.push(`Table "${t.name}" holds the results (${where}).`);
    return xml;
  }
  const names = new Set([...xml.matchAll(/<(\w+:)?tableColumn\b[^>]*\sname="([^"]*)"/g)].map((m) => m[2].toLowerCase()));
  const added = layout.outputHeaders.slice(layout.outputCols.indexOf(t.lastCol + 1));
  if (added.some((h) => names.has(h.toLowerCase()))) {
    notes.push(`Table "${t.name}" kept as it was (it already has a column named like a result column); the results are beside it, in ${where}.`);
    return xml;
  }
  notes.push(`Table "${t.name}" extended over the results (${where}); its name, style and filter buttons are kept.`);
  return extendTable(xml, last, added);
}

