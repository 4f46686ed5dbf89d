/**
 * A worksheet part (xl/worksheets/sheetN.xml) read as a stream of rows, never whole: the text before
 * `<sheetData>` (the head: dimension, views, column widths), each `<row>` with its `<c>` cells as
 * written, and the text after `</sheetData>` (the tail: merged cells, validation, conditional
 * formats, table parts …). The writer (sheetPatch.ts) puts the same pieces back with the result
 * cells added, so everything the toolkit does not change is kept byte for byte.
 *
 * The rows of SpreadsheetML (ECMA-376 Part 1, §18.3.1.73 row, §18.3.1.4 c) are flat: a `<row>` holds
 * only `<c>` elements, and neither nests, so a row ends at its first `</row>`. Namespace prefixes
 * (`<x:row>`, as the Open XML SDK writes) are accepted.
 */
import { StringDecoder } from "string_decoder";
import * as zlib from "zlib";
import { columnNumber } from "../../engine";
import { crc32, type ZipEntry } from "../zip";

export interface CellTok {
  /** 1-based column. */
  col: number;
  /** The element as written, `<c …>…</c>` or `<c …/>`. */
  raw: string;
  /** Its attributes' text (between `<c` and `>`). */
  attrs: string;
  /** Its content (between `<c …>` and `</c>`), "" for `<c …/>`. */
  inner: string;
  /** Whether `raw` has an r="…" attribute (cells without one sit after the cell before). */
  hasRef: boolean;
}

export interface RowTok {
  /** The namespace prefix of its tags ("" or e.g. "x:"). */
  prefix: string;
  /** 1-based row number. */
  num: number;
  /** The start tag's attributes' text (between `<row` and `>` or `/>`). */
  attrs: string;
  cells: CellTok[];
}

const ROW_START = /<(\w+:)?row\b([^>]*?)(\/?)>/y;
const SHEETDATA = /<(\w+:)?sheetData\b[^>]*?(\/?)>/;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const REF = /\sr\s*=\s*"\$?([A-Za-z]{1,3})\$?(\d+)"/;
const ROW_NUM = /\sr\s*=\s*"(\d+)"/;

/** The cells of a row's content, each with its column (from r="…", or the one after the cell before). */
export function parseCells(inner: string): CellTok[] {
  const cells: CellTok[] = [];
  let col = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(inner); m; m = CELL.exec(inner)) {
    const attrs = m[1];
    const ref = REF.exec(attrs);
    col = ref ? columnNumber(ref[1]) : col + 1;
    cells.push({ col, raw: m[0], attrs, inner: m[2] ?? "", hasRef: !!ref });
  }
  return cells;
}

/** Thrown when a sheet's XML is not what SpreadsheetML allows (the caller names the file). */
export class SheetXmlError extends Error {}

/**
 * Feeds a sheet's text in pieces; calls `onHead` once with the text before the rows (up to and
 * including the `<sheetData>` start tag), `onRow` for each row in order, and `onTail` with pieces of
 * the text after the rows (from `</sheetData>` on).
 */
export class SheetTokenizer {
  private text = "";
  private phase: "head" | "rows" | "tail" = "head";
  private lastRow = 0;
  private closeTag = "</sheetData>";

  constructor(
    private readonly on: {
      head: (head: string) => void;
      row: (row: RowTok) => void;
      tail: (text: string) => void;
    },
  ) {}

  push(piece: string): void {
    this.text += piece;
    if (this.phase === "head") {
      const m = SHEETDATA.exec(this.text);
      if (!m) return;
      const end = m.index + m[0].length;
      this.on.head(this.text.slice(0, end));
      this.text = this.text.slice(end);
      if (m[2] === "/") {
        this.phase = "tail";
      } else {
        this.phase = "rows";
        this.closeTag = `</${m[1] ?? ""}sheetData>`;
      }
    }
    if (this.phase === "rows") this.rows();
    if (this.phase === "tail" && this.text) {
      this.on.tail(this.text);
      this.text = "";
    }
  }

  private rows(): void {
    const t = this.text;
    let p = 0;
    for (;;) {
      while (p < t.length && t.charCodeAt(p) <= 32) p++;
      if (p >= t.length) break;
      if (t.startsWith(this.closeTag, p)) {
        this.phase = "tail";
        break;
      }
      if (t.startsWith("<!--", p)) {
        const end = t.indexOf("-->", p + 4);
        if (end < 0) break;
        p = end + 3;
        continue;
      }
      ROW_START.lastIndex = p;
      const m = ROW_START.exec(t);
      if (!m) {
        if (t.indexOf(">", p) < 0) break; // a start tag cut by the end of the piece: wait for the next
        throw new SheetXmlError(`<sheetData> holds "${t.slice(p, p + 40)}", not a <row>`);
      }
      const prefix = m[1] ?? "";
      let inner = "";
      let next: number;
      if (m[3] === "/") {
        next = p + m[0].length;
      } else {
        const close = `</${prefix}row>`;
        const end = t.indexOf(close, p + m[0].length);
        if (end < 0) break; // the rest of the row is in the next piece
        inner = t.slice(p + m[0].length, end);
        next = end + close.length;
      }
      const rn = ROW_NUM.exec(m[2]);
      const num = rn ? Number(rn[1]) : this.lastRow + 1;
      if (num <= this.lastRow) throw new SheetXmlError(`row ${num} comes after row ${this.lastRow}`);
      this.lastRow = num;
      this.on.row({ prefix, num, attrs: m[2], cells: inner ? parseCells(inner) : [] });
      p = next;
    }
    this.text = t.slice(p);
  }

  /** The end of the text: throws if it stopped inside the rows (a part cut short). */
  end(): void {
    if (this.phase !== "tail") throw new SheetXmlError(this.phase === "head" ? "no <sheetData> element" : "the rows are cut short (no </sheetData>)");
  }
}

/**
 * An entry of `buf` inflated piece by piece, as text (pull-based: the next piece is inflated only when
 * asked for, so the whole part is never held). Throws when the entry fails its size or CRC.
 */
export async function* partText(buf: Buffer, e: ZipEntry): AsyncGenerator<string> {
  const p = e.localOffset;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  const decoder = new StringDecoder("utf8");
  let size = 0;
  let crc = 0;
  const take = (chunk: Buffer): string => {
    size += chunk.length;
    crc = crc32(chunk, crc);
    if (size > e.size) throw new SheetXmlError(`${e.name} unpacks to more than the ${e.size.toLocaleString("en-GB")} bytes it declares`);
    return decoder.write(chunk);
  };
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += 1 << 16) yield take(data.subarray(i, i + (1 << 16)));
  } else if (e.method === 8) {
    const z = zlib.createInflateRaw({ chunkSize: 1 << 16 });
    z.end(data);
    try {
      for await (const chunk of z as AsyncIterable<Buffer>) yield take(chunk);
    } catch (err) {
      if (err instanceof SheetXmlError) throw err;
      throw new SheetXmlError(`${e.name} is damaged (${(err as Error).message})`);
    } finally {
      z.destroy();
    }
  } else {
    throw new SheetXmlError(`${e.name} is packed with a method other than deflate`);
  }
  yield decoder.end();
  if (size !== e.size || crc !== e.crc) throw new SheetXmlError(`${e.name} is damaged (its size or checksum does not match)`);
}

/** A whole (small) part as text: workbook.xml, rels, styles, a table. */
export async function partString(buf: Buffer, e: ZipEntry): Promise<string> {
  let s = "";
  for await (const t of partText(buf, e)) s += t;
  return s;
}

/** A sheet's rows, tokenized piece by piece; `parts.head` and `parts.tail` are filled as they are read. */
export async function* sheetRows(buf: Buffer, e: ZipEntry, parts: { head?: string; tail?: string[] } = {}): AsyncGenerator<RowTok> {
  let ready: RowTok[] = [];
  parts.tail = [];
  const tok = new SheetTokenizer({
    head: (h) => (parts.head = h),
    row: (r) => ready.push(r),
    tail: (t) => parts.tail!.push(t),
  });
  for await (const text of partText(buf, e)) {
    if (!text) continue;
    tok.push(text);
    const rows = ready;
    ready = [];
    yield* rows;
  }
  tok.end();
}
