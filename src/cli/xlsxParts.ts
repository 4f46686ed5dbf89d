/**
 * Part-level repairs around ExcelJS (issue 13, points 3, 6 and 7), for the whole-workbook path.
 *
 * Before ExcelJS reads a workbook (`prepareForExcelJS`):
 * - relationship targets written as absolute part names (`/xl/tables/table1.xml`, as openpyxl writes
 *   them) are made relative (`../tables/table1.xml`): ExcelJS looks tables, comments and drawings up
 *   by the relative form only, and called such a workbook damaged;
 * - charts are taken out — their anchors in the drawings, the chart parts, and a drawing left with
 *   nothing in it (with its relationship and the sheet's `<drawing>`): ExcelJS cannot keep charts, and
 *   fails on some (openpyxl's) or writes a dangling drawing. Their names are returned for the warning;
 * - Excel tables are detached (their part, relationship and the sheet's `<tableParts>`) and returned
 *   as XML: ExcelJS fails on tables without a style (LibreOffice's), drops their filter buttons and
 *   adds a totals-row flag. They are put back, as they were, into the file ExcelJS writes
 *   (`reattachTables`), extended over the result columns when those are the table's next columns
 *   (`extendTable`).
 * Before ExcelJS writes (`compactValidations`): a sheet's data validation is regrouped into
 * rectangles, because ExcelJS 4.4.0's own grouping sorts cell addresses as text (B10 before B2) and
 * writes one rule twice over overlapping ranges (exceljs/exceljs#2820).
 */
import * as path from "path";
import { deflateRawSync } from "zlib";
import type * as ExcelJS from "exceljs";
import { crc32, readEntry, zipEntries } from "./zip";
import { xmlUnescape } from "./xlsxInspect";

/** An Excel table taken out of a workbook before ExcelJS read it. */
export interface DetachedTable {
  /** The sheet the table is on. */
  sheet: string;
  /** The table part's XML, as it was. */
  xml: string;
}

export interface Prepared {
  /** The workbook to hand to ExcelJS (the input itself when nothing needed changing). */
  buf: Buffer;
  tables: DetachedTable[];
  /** The charts taken out, e.g. `"Scores" (sheet "Areas")`. */
  charts: string[];
}

const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TABLE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
const TABLE_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

// ---------------------------------------------------------------------------------------------
// Zip parts and relationships

export function unzipParts(buf: Buffer): Map<string, Buffer> | null {
  const entries = zipEntries(buf);
  if (!entries) return null;
  const out = new Map<string, Buffer>();
  for (const [name, e] of entries) {
    if (name.endsWith("/")) continue;
    const data = readEntry(buf, e);
    if (!data) return null;
    out.set(name, data);
  }
  return out;
}

/** A zip of these parts, each deflated. */
export function zipParts(parts: Map<string, Buffer>): Buffer {
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBuf = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dir, end]);
}

interface Rel {
  /** The whole `<Relationship …/>` element. */
  raw: string;
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlUnescape(m[2] ?? m[3]) : undefined;
};

function parseRels(xml: string): Rel[] {
  return [...xml.matchAll(/<Relationship\b[^>]*?(\/>|>\s*<\/Relationship>)/g)].map((m) => ({
    raw: m[0],
    id: attr(m[0], "Id") ?? "",
    type: attr(m[0], "Type") ?? "",
    target: attr(m[0], "Target") ?? "",
    external: attr(m[0], "TargetMode") === "External",
  }));
}

/** The rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
const relsOf = (part: string) => path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
/** The part a rels part belongs to's folder: xl/worksheets/_rels/sheet1.xml.rels → xl/worksheets. */
const sourceDir = (rels: string) => path.posix.dirname(path.posix.dirname(rels));
/** A relationship's target as a part name. */
const resolve = (rels: string, target: string) => (target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(sourceDir(rels), target)));

/** Sheet name → its part (xl/worksheets/sheetN.xml), from workbook.xml and its rels. */
function sheetParts(parts: Map<string, Buffer>): Map<string, string> {
  const out = new Map<string, string>();
  const wb = parts.get("xl/workbook.xml")?.toString("utf8");
  const relsName = "xl/_rels/workbook.xml.rels";
  const rels = parts.get(relsName)?.toString("utf8");
  if (!wb || !rels) return out;
  const byId = new Map(parseRels(rels).map((r) => [r.id, r]));
  for (const m of wb.matchAll(/<(\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const id = /\s(\w+:)?id\s*=\s*"([^"]*)"/.exec(m[0].replace(/\ssheetId\s*=\s*"[^"]*"/, ""))?.[2];
    const rel = id ? byId.get(id) : undefined;
    if (name !== undefined && rel) out.set(name, resolve(relsName, rel.target));
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function dropOverride(parts: Map<string, Buffer>, part: string): void {
  const ct = parts.get("[Content_Types].xml");
  if (!ct) return;
  const xml = ct.toString("utf8").replace(new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`, "g"), "");
  parts.set("[Content_Types].xml", Buffer.from(xml, "utf8"));
}

function removePart(parts: Map<string, Buffer>, part: string): void {
  parts.delete(part);
  parts.delete(relsOf(part));
  dropOverride(parts, part);
}

// ---------------------------------------------------------------------------------------------
// Before ExcelJS reads

/**
 * A table's XML without its differential-format ids (dataDxfId, headerRowDxfId, …: the formats Excel
 * gives a new row or a column as a whole). They index styles.xml's dxfs, which ExcelJS writes anew
 * (only its own conditional formats): kept, they would name formats that are not there, or the wrong
 * ones. The cells keep their own formats; a row added later in Excel takes the table style alone.
 */
export function withoutDxfIds(xml: string): string {
  return xml.replace(/\s(dataDxfId|headerRowDxfId|totalsRowDxfId|headerRowBorderDxfId|tableBorderDxfId|totalsRowBorderDxfId)="[^"]*"/g, "");
}

/** A chart's title (its first run of text), if it has one. */
function chartTitle(xml: string | undefined): string | undefined {
  const title = xml && /<(\w+:)?title>([\s\S]*?)<\/(\w+:)?title>/.exec(xml)?.[2];
  if (!title) return undefined;
  const text = [...title.matchAll(/<(\w+:)?t>([^<]*)<\/(\w+:)?t>/g)].map((m) => xmlUnescape(m[2])).join("");
  return text || undefined;
}

/**
 * The workbook as ExcelJS can read it (see the module comment), with the tables detached and the
 * charts taken out. `buf` is returned as it is when nothing needed changing.
 */
export function prepareForExcelJS(buf: Buffer): Prepared {
  // Most workbooks need nothing: no tables, no charts, no absolute targets (rels parts are small).
  const entries = zipEntries(buf);
  if (!entries) return { buf, tables: [], charts: [] };
  const names = [...entries.keys()];
  const absolute = names.some((n) => n.endsWith(".rels") && n !== "_rels/.rels" && /\sTarget="\//.test(readEntry(buf, entries.get(n)!)?.toString("utf8") ?? ""));
  if (!absolute && !names.some((n) => /^xl\/(tables|charts)\//.test(n))) return { buf, tables: [], charts: [] };
  const parts = unzipParts(buf);
  if (!parts) return { buf, tables: [], charts: [] };
  let changed = false;
  const set = (name: string, xml: string) => {
    parts.set(name, Buffer.from(xml, "utf8"));
    changed = true;
  };

  // Absolute targets → relative (every rels part but the package's own).
  for (const name of [...parts.keys()]) {
    if (!name.endsWith(".rels") || name === "_rels/.rels") continue;
    const xml = parts.get(name)!.toString("utf8");
    const fixed = xml.replace(/<Relationship\b[^>]*>/g, (el) =>
      /TargetMode="External"/.test(el) ? el : el.replace(/(\sTarget=")\/([^"]*)"/, (_m, head: string, target: string) => `${head}${path.posix.relative(sourceDir(name), target)}"`),
    );
    if (fixed !== xml) set(name, fixed);
  }

  const tables: DetachedTable[] = [];
  const charts: string[] = [];
  for (const [sheet, part] of sheetParts(parts)) {
    const relsName = relsOf(part);
    let rels = parts.get(relsName)?.toString("utf8");
    let sheetXml = parts.get(part)?.toString("utf8");
    if (!rels || sheetXml === undefined) continue;
    const before = { rels, sheetXml };
    for (const rel of parseRels(rels)) {
      if (rel.external) continue;
      const target = resolve(relsName, rel.target);
      if (rel.type === TABLE_TYPE) {
        const xml = parts.get(target)?.toString("utf8");
        if (xml !== undefined) tables.push({ sheet, xml: withoutDxfIds(xml) });
        removePart(parts, target);
        rels = rels.replace(rel.raw, "");
      } else if (/\/drawing$/.test(rel.type)) {
        const drawingRelsName = relsOf(target);
        let drawing = parts.get(target)?.toString("utf8");
        let drawingRels = parts.get(drawingRelsName)?.toString("utf8");
        if (drawing === undefined || drawingRels === undefined) continue;
        const chartRels = parseRels(drawingRels).filter((r) => /\/chart(Ex)?$/.test(r.type));
        if (!chartRels.length) continue;
        const chartIds = new Set(chartRels.map((r) => r.id));
        // Each anchor (twoCellAnchor, oneCellAnchor, absoluteAnchor) that holds a chart goes.
        drawing = drawing.replace(/<(\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1\2>/g, (anchor) => {
          const ids = [...anchor.matchAll(/\s(\w+:)?id="([^"]*)"/g)].map((m) => m[2]);
          if (!ids.some((id) => chartIds.has(id))) return anchor;
          const name = /<(\w+:)?cNvPr\b[^>]*\sname="([^"]*)"/.exec(anchor)?.[2];
          const rel = chartRels.find((r) => ids.includes(r.id))!;
          const title = chartTitle(parts.get(resolve(drawingRelsName, rel.target))?.toString("utf8"));
          const label = title ? `"${title}"` : name ? `"${xmlUnescape(name)}"` : "a chart";
          charts.push(`${label} (sheet "${sheet}")`);
          return "";
        });
        for (const r of chartRels) {
          const chart = resolve(drawingRelsName, r.target);
          // A chart's own parts (Excel's style and colours, embedded data) go with it.
          const own = parts.get(relsOf(chart))?.toString("utf8");
          if (own) for (const o of parseRels(own)) if (!o.external) removePart(parts, resolve(relsOf(chart), o.target));
          removePart(parts, chart);
          drawingRels = drawingRels.replace(r.raw, "");
        }
        if (/<(\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/.test(drawing)) {
          set(target, drawing);
          set(drawingRelsName, drawingRels);
        } else {
          // Nothing left in the drawing: it goes, with the sheet's reference to it.
          removePart(parts, target);
          rels = rels.replace(rel.raw, "");
          sheetXml = sheetXml.replace(new RegExp(`<(\\w+:)?drawing\\b[^>]*\\sr:id="${rel.id}"[^>]*/>`), "");
        }
        changed = true;
      }
    }
    if (tables.some((t) => t.sheet === sheet)) sheetXml = sheetXml.replace(/<(\w+:)?tableParts\b[^>]*?(\/>|>[\s\S]*?<\/\1tableParts>)/, "");
    if (rels !== before.rels) set(relsName, rels);
    if (sheetXml !== before.sheetXml) set(part, sheetXml);
  }
  if (tables.length) changed = true;
  return { buf: changed ? zipParts(parts) : buf, tables, charts };
}

// ---------------------------------------------------------------------------------------------
// Tables: extended over the result columns, then put back into the file ExcelJS wrote

/** 1-based column number of a column's letters. */
function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
function colLetters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

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
  const m = ref && /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(ref);
  if (!tag || !m) return null;
  return {
    name: attr(tag, "displayName") ?? attr(tag, "name") ?? "",
    firstCol: colNumber(m[1]),
    firstRow: Number(m[2]),
    lastCol: colNumber(m[3]),
    lastRow: Number(m[4]),
    headerRow: attr(tag, "headerRowCount") !== "0",
  };
}

/**
 * The table's XML with its range (and its AutoFilter's) widened to `lastCol`, and a column for each
 * header added; everything else (name, style, filter buttons, totals row or none) as it was.
 */
export function extendTable(xml: string, lastCol: number, headers: readonly string[]): string {
  const t = tableRange(xml)!;
  const widen = (ref: string) => ref.replace(/^(\$?[A-Z]+\$?\d+:\$?)([A-Z]+)(\$?\d+)$/i, (_m, head: string, _col: string, row: string) => `${head}${colLetters(lastCol)}${row}`);
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
 * Puts the tables back into the workbook ExcelJS wrote (`file`), each on its sheet: its part, the
 * sheet's relationship to it, the sheet's `<tableParts>` and its content type. A table whose sheet is
 * no longer there is dropped.
 */
export function reattachTables(buf: Buffer, tables: readonly DetachedTable[]): Buffer {
  if (!tables.length) return buf;
  const parts = unzipParts(buf);
  if (!parts) throw new Error("the workbook ExcelJS wrote cannot be unpacked");
  const sheets = sheetParts(parts);
  let n = 0;
  const nextTablePart = () => {
    for (;;) {
      const name = `xl/tables/table${++n}.xml`;
      if (!parts.has(name)) return name;
    }
  };
  let ct = parts.get("[Content_Types].xml")!.toString("utf8");
  const bySheet = new Map<string, DetachedTable[]>();
  for (const t of tables) if (sheets.has(t.sheet)) bySheet.set(t.sheet, [...(bySheet.get(t.sheet) ?? []), t]);
  for (const [sheet, list] of bySheet) {
    const part = sheets.get(sheet)!;
    const relsName = relsOf(part);
    let rels = parts.get(relsName)?.toString("utf8") ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
    const used = new Set(parseRels(rels).map((r) => r.id));
    let k = 0;
    const refs: string[] = [];
    for (const t of list) {
      const tablePart = nextTablePart();
      let id: string;
      do id = `rIdTable${++k}`;
      while (used.has(id));
      used.add(id);
      parts.set(tablePart, Buffer.from(t.xml, "utf8"));
      rels = rels.replace(/<\/Relationships>\s*$/, `<Relationship Id="${id}" Type="${TABLE_TYPE}" Target="${path.posix.relative(path.posix.dirname(part), tablePart)}"/></Relationships>`);
      ct = ct.replace(/<\/Types>\s*$/, `<Override PartName="/${tablePart}" ContentType="${TABLE_CONTENT}"/></Types>`);
      refs.push(`<tablePart r:id="${id}"/>`);
    }
    parts.set(relsName, Buffer.from(rels, "utf8"));
    let xml = parts.get(part)!.toString("utf8");
    if (!/<worksheet\b[^>]*\sxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
    const tableParts = `<tableParts count="${refs.length}">${refs.join("")}</tableParts>`;
    // tableParts is the sheet's last element but for extLst.
    xml = /<extLst>/.test(xml) ? xml.replace(/<extLst>/, `${tableParts}<extLst>`) : xml.replace(/<\/worksheet>\s*$/, `${tableParts}</worksheet>`);
    parts.set(part, Buffer.from(xml, "utf8"));
  }
  parts.set("[Content_Types].xml", Buffer.from(ct, "utf8"));
  return zipParts(parts);
}

// ---------------------------------------------------------------------------------------------
// Data validation

/**
 * Regroups a sheet's data validation (ExcelJS holds one rule per cell after reading) into rectangles,
 * scanning the cells in row and column order, so that each cell is in exactly one range. ExcelJS
 * writes a key that is already a range as it is, so its own grouping (exceljs/exceljs#2820: two
 * overlapping rules for B2:B12) is never reached.
 */
export function compactValidations(ws: ExcelJS.Worksheet): void {
  const dv = (ws as unknown as { dataValidations?: { model: Record<string, unknown> } }).dataValidations;
  if (!dv?.model) return;
  const cells = new Map<string, { row: number; col: number; rule: unknown; key: string }>();
  const ranges: [string, unknown][] = [];
  for (const [address, rule] of Object.entries(dv.model)) {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address);
    if (!m) {
      ranges.push([address, rule]); // already a range
      continue;
    }
    const row = Number(m[2]);
    const col = colNumber(m[1]);
    cells.set(`${row},${col}`, { row, col, rule, key: JSON.stringify(rule) });
  }
  const order = [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const done = new Set<string>();
  const same = (row: number, col: number, key: string) => {
    const c = cells.get(`${row},${col}`);
    return !!c && c.key === key && !done.has(`${row},${col}`);
  };
  const model: Record<string, unknown> = {};
  for (const c of order) {
    if (done.has(`${c.row},${c.col}`)) continue;
    let width = 1;
    while (same(c.row, c.col + width, c.key)) width++;
    let height = 1;
    const rowMatches = (r: number) => {
      for (let j = 0; j < width; j++) if (!same(r, c.col + j, c.key)) return false;
      return true;
    };
    while (rowMatches(c.row + height)) height++;
    for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) done.add(`${c.row + i},${c.col + j}`);
    const tl = `${colLetters(c.col)}${c.row}`;
    model[height > 1 || width > 1 ? `${tl}:${colLetters(c.col + width - 1)}${c.row + height - 1}` : tl] = c.rule;
  }
  for (const [k, rule] of ranges) model[k] = rule;
  dv.model = model;
}
