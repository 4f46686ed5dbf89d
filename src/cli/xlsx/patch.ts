/**
 * Writes the output workbook as the input with the results added, part by part: the data sheet's rows
 * are streamed through the sheet patcher (sheetPatch.ts); the workbook part gets the markers (defined
 * names) and, when new, the Summary sheet; a table on the data sheet is extended over the results
 * when they are its next columns; the calculation chain is left out (Excel rebuilds it on opening,
 * ECMA-376 Part 1 §18.6: it is a cache). Every other part — other sheets, charts, pivot tables,
 * images, macros, validation, conditional formats — is copied packed, byte for byte.
 */
import * as path from "path";
import type { Writable } from "stream";
import type { OutputCell, OutputHeader } from "../../engine";
import { columnLetter, gridFingerprint, parseMarkerName } from "../../engine";
import type { Layout } from "../layout";
import { writeBlockMarker, writeSummaryMarker, usedGridValues, type MarkedBlock } from "../marker";
import { SUMMARY_TITLE, type SummaryCell } from "../summary";
import { cellText } from "../cells";
import { parseReference } from "../marker";
import { Book, CONTENT_WORKSHEET, TYPE_CALC_CHAIN, TYPE_TABLE, TYPE_WORKSHEET, NS_REL, attr, esc, parseRels, relsOf, resolveTarget, type NameModel, type SheetInfo } from "./book";
import type { ReadContext } from "./cellValues";
import { sheetGrid, type RowValues, type XlsxPass } from "./read";
import { cellStyle, patchHead, patchRow, type CellEdits, type RowWriteInfo } from "./sheetPatch";
import { summarySheetXml, summaryStyles } from "./summarySheet";
import { tableWithResults } from "./tables";
import { ZipOut } from "./zipOut";

export interface OutRow {
  r: number;
  values: RowValues;
  out: OutputCell[] | null;
  all?: OutputCell[];
}

export interface PatchJob {
  book: Book;
  ctx: ReadContext;
  sheet: SheetInfo;
  merges: ReadonlyMap<string, readonly string[]>;
  layout: Layout;
  pass: XlsxPass;
  rows: AsyncIterable<OutRow>;
  /** Whether cell (r, col) holds a value the user typed that is to be kept; `values` are row r as read. */
  isTyped: (r: number, col: number, all: readonly OutputCell[] | undefined, values: RowValues) => boolean;
  /** Adds a data row's output cells to the block's fingerprints. */
  print: (out: readonly OutputCell[]) => void;
  digests: () => string[];
  marked: MarkedBlock | null;
  summary: () => SummaryCell[][];
  /** Widths for the block's new columns. */
  widths: Record<OutputHeader, number>;
  tableNotes: string[];
  where: string;
}

/** A Summary of ours is a few dozen rows: a sheet bigger than this is never taken for one. */
const SUMMARY_MAX_ROWS = 500;

// ---------------------------------------------------------------------------------------------
// The Summary sheet: which one, and its XML

async function isOurSummary(job: PatchJob, s: SheetInfo, fingerprint?: string): Promise<boolean> {
  const grid = await sheetGrid(job.book, s, job.ctx, job.merges.get(s.part) ?? [], SUMMARY_MAX_ROWS + 1);
  if (grid.length > SUMMARY_MAX_ROWS + 1) return false;
  if (fingerprint !== undefined) return gridFingerprint(usedGridValues(grid)) === fingerprint;
  return cellText(grid[1]?.[0]) === SUMMARY_TITLE;
}

/** The Summary sheet to write: the one the marker names while it is as written, else "Summary" ("Summary (2)" …) — replaced when it is ours. */
async function chooseSummary(job: PatchJob): Promise<{ name: string; replace?: SheetInfo }> {
  const { book, sheet } = job;
  for (const n of book.names) {
    const m = parseMarkerName(n.name);
    if (m?.kind !== "summary") continue;
    const ref = n.ranges.length === 1 ? parseReference(n.ranges[0]) : null;
    const s = ref ? book.sheets.find((w) => w.name.toLowerCase() === ref.sheet.toLowerCase()) : undefined;
    if (s && s !== sheet && book.entry(s.part) && (await isOurSummary(job, s, m.fingerprint))) return { name: s.name, replace: s };
  }
  for (let n = 1; ; n++) {
    const name = n === 1 ? "Summary" : `Summary (${n})`;
    const existing = book.sheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (!existing) return { name };
    if (existing !== sheet && book.entry(existing.part) && (await isOurSummary(job, existing))) return { name, replace: existing };
  }
}

// ---------------------------------------------------------------------------------------------
// The workbook part: defined names (the markers) and the new sheet

function sameName(a: NameModel, b: NameModel): boolean {
  return a.name === b.name && a.localSheetId === b.localSheetId && a.ranges.join(",") === b.ranges.join(",");
}

function patchWorkbookXml(xml: string, before: readonly NameModel[], after: readonly NameModel[], newSheet: { name: string; sheetId: number; rId: string } | null): string {
  let out = xml;
  const removed = before.filter((n) => n.localSheetId === undefined && !after.some((m) => sameName(n, m)));
  const added = after.filter((n) => !before.some((m) => sameName(n, m)));
  const rootPrefix = /<(\w+:)?workbook\b/.exec(out)?.[1] ?? "";
  if (removed.length) {
    const gone = new Set(removed.map((n) => n.name));
    out = out.replace(/<(?:\w+:)?definedName\b([^>]*)>[\s\S]*?<\/(?:\w+:)?definedName>/g, (el, attrs: string) => (attr(el, "localSheetId") === undefined && gone.has(attr(`<x${attrs}>`, "name") ?? "") ? "" : el));
  }
  if (newSheet) {
    // The relationships namespace declared on the element itself (openpyxl declares it on each <sheet>, not on the root).
    const el = `<${rootPrefix}sheet name="${esc(newSheet.name)}" sheetId="${newSheet.sheetId}" xmlns:r="${NS_REL}" r:id="${newSheet.rId}"/>`;
    out = out.replace(/<\/(\w+:)?sheets>/, (close) => el + close);
  }
  if (added.length) {
    const els = added.map((n) => `<${rootPrefix}definedName name="${esc(n.name)}">${esc(n.ranges[0] ?? "")}</${rootPrefix}definedName>`).join("");
    if (/<\/(\w+:)?definedNames>/.test(out)) out = out.replace(/<\/(\w+:)?definedNames>/, (close) => els + close);
    else if (/<(\w+:)?definedNames\s*\/>/.test(out)) out = out.replace(/<(\w+:)?definedNames\s*\/>/, () => `<${rootPrefix}definedNames>${els}</${rootPrefix}definedNames>`);
    else {
      const anchor = [/<\/(\w+:)?externalReferences>/, /<\/(\w+:)?functionGroups>/, /<(\w+:)?functionGroups\b[^>]*\/>/, /<\/(\w+:)?sheets>/].map((re) => re.exec(out)).find((m) => m);
      if (anchor) {
        const at = anchor.index + anchor[0].length;
        out = out.slice(0, at) + `<${rootPrefix}definedNames>${els}</${rootPrefix}definedNames>` + out.slice(at);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The data sheet

async function writeDataSheet(zip: ZipOut, job: PatchJob, info: RowWriteInfo): Promise<void> {
  const { layout, pass } = job;
  const widths = new Map<number, number>();
  layout.outputCols.forEach((c, k) => !layout.reused[k] && widths.set(c, job.widths[layout.outputHeaders[k]]));
  const outputSet = new Set(layout.outputCols);
  await zip.addStreamed(job.sheet.part, async (write) => {
    let headDone = false;
    const head = async () => {
      if (headDone) return;
      headDone = true;
      await write(patchHead(pass.parts.head ?? "", layout, widths));
    };
    let lines: string[] = [];
    for await (const { r, values, out, all } of job.rows) {
      await head();
      const tok = pass.tokens!.get(r);
      pass.tokens!.delete(r);
      const edits: CellEdits = new Map();
      if (r === layout.headerRow) {
        const neighbour = cellStyle(tok?.cells.find((c) => c.col === layout.lastCol));
        layout.outputCols.forEach((c, k) => edits.set(c, { value: layout.outputHeaders[k], style: layout.reused[k] ? undefined : neighbour }));
      } else if (out) {
        job.print(out);
        layout.outputCols.forEach((c, k) => !job.isTyped(r, c, all, values) && edits.set(c, { value: out[k] }));
      } else if (r > layout.lastRow && tok) {
        for (const c of tok.cells) if (outputSet.has(c.col) && !job.isTyped(r, c.col, undefined, values)) edits.set(c.col, { value: null });
      }
      if (r >= layout.headerRow && tok) for (const c of layout.clearCols) if (tok.cells.some((x) => x.col === c) && !job.isTyped(r, c, all, values)) edits.set(c, { value: null });
      const xml = patchRow(r, tok, edits, info, job.where);
      if (xml) lines.push(xml);
      if (lines.length >= 1000) {
        await write(lines.join(""));
        lines = [];
      }
    }
    await head();
    await write(lines.join(""));
    await write((pass.parts.tail ?? []).join(""));
  });
}

// ---------------------------------------------------------------------------------------------
// The workbook

/** Writes the workbook to `stream`; returns the Summary sheet's name. */
export async function writePatched(stream: Writable, job: PatchJob): Promise<string> {
  const { book } = job;
  const zip = new ZipOut(stream);
  const info: RowWriteInfo = { formulaRemoved: false };
  await writeDataSheet(zip, job, info);

  const summary = await chooseSummary(job);
  const summaryRows = job.summary();
  const holder = { definedNames: { model: book.names.map((n) => ({ ...n, ranges: [...n.ranges] })) } };
  writeBlockMarker(holder as never, job.sheet.name, job.layout.headerRow, job.layout.outputCols, job.layout.lastRow - job.layout.headerRow, job.digests(), job.marked);
  writeSummaryMarker(holder as never, summary.name, summaryRows);
  const after = holder.definedNames.model as NameModel[];

  // The parts that change.
  const changed = new Map<string, string>();
  const drop = new Set<string>([job.sheet.part]);
  const wbRels = book.workbookRels;
  const calcChain = wbRels.find((r) => r.type === TYPE_CALC_CHAIN);
  const calcPart = calcChain ? resolveTarget("xl/workbook.xml", calcChain.target) : undefined;
  if (calcPart) drop.add(calcPart);
  let newSheet: { name: string; sheetId: number; rId: string } | null = null;
  let summaryPart: string;
  const relsXml = (await book.text("xl/_rels/workbook.xml.rels")) ?? "";
  let newRels = calcChain ? relsXml.replace(calcChain.raw, "") : relsXml;
  let types = (await book.text("[Content_Types].xml")) ?? "";
  if (calcPart) types = types.replace(new RegExp(`<(\\w+:)?Override\\b[^>]*PartName="/${calcPart.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), "");
  if (summary.replace) {
    summaryPart = summary.replace.part;
    drop.add(summaryPart);
  } else {
    let n = book.sheets.length + 1;
    while (book.entries.has(`xl/worksheets/sheet${n}.xml`)) n++;
    summaryPart = `xl/worksheets/sheet${n}.xml`;
    let id = wbRels.length + 1;
    while (wbRels.some((r) => r.id === `rId${id}`)) id++;
    const sheetIds = [...book.workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*\ssheetId\s*=\s*"(\d+)"/g)].map((m) => Number(m[1]));
    newSheet = { name: summary.name, sheetId: Math.max(0, ...sheetIds) + 1, rId: `rId${id}` };
    const relPrefix = /<(\w+:)?Relationships\b/.exec(newRels)?.[1] ?? "";
    newRels = newRels.replace(/<\/(\w+:)?Relationships>/, (close) => `<${relPrefix}Relationship Id="rId${id}" Type="${TYPE_WORKSHEET}" Target="${summaryPart.replace(/^xl\//, "")}"/>${close}`);
    types = types.replace(/<\/(\w+:)?Types>/, (close) => `<Override PartName="/${summaryPart}" ContentType="${CONTENT_WORKSHEET}"/>${close}`);
  }
  changed.set("xl/_rels/workbook.xml.rels", newRels);
  changed.set("[Content_Types].xml", types);
  changed.set("xl/workbook.xml", patchWorkbookXml(book.workbookXml, book.names, after, newSheet));
  const stylesRel = wbRels.find((r) => r.type.endsWith("/styles"));
  const stylesPart = stylesRel ? resolveTarget("xl/workbook.xml", stylesRel.target) : "xl/styles.xml";
  const styled = summaryStyles(await book.text(stylesPart));
  if (styled) changed.set(stylesPart, styled.xml);
  const sheetRelsPart = relsOf(job.sheet.part);
  const sheetRels = book.entries.has(sheetRelsPart) ? parseRels((await book.text(sheetRelsPart)) ?? "") : [];
  for (const rel of sheetRels.filter((x) => x.type === TYPE_TABLE && !x.external)) {
    const part = resolveTarget(job.sheet.part, rel.target);
    const xml = await book.text(part);
    if (xml !== undefined) {
      const t = tableWithResults(xml, job.layout, job.tableNotes);
      if (t !== xml) changed.set(part, t);
    }
  }

  // Absolute relationship targets ("/xl/tables/table1.xml", as openpyxl writes) made relative, as
  // ExcelJS and some other readers need; both forms are valid (ECMA-376 Part 2, §9.3).
  for (const name of book.entries.keys()) {
    if (!name.endsWith(".rels") || name === "_rels/.rels") continue;
    const xml = changed.get(name) ?? (await book.text(name)) ?? "";
    if (!/\sTarget\s*=\s*"\//.test(xml)) continue;
    const from = name.replace(/(^|\/)_rels\/([^/]+)\.rels$/, "$1$2");
    const dir = path.posix.dirname(from);
    changed.set(name, xml.replace(/<(?:\w+:)?Relationship\b[^>]*>/g, (el) => (/TargetMode\s*=\s*"External"/.test(el) ? el : el.replace(/(\sTarget\s*=\s*")\/([^"]*)"/, (_m, head: string, target: string) => `${head}${path.posix.relative(dir, target)}"`))));
  }

  for (const [name, e] of book.entries) {
    if (drop.has(name) || name.endsWith("/")) continue;
    const text = changed.get(name);
    if (text !== undefined) await zip.add(name, text);
    else await zip.copy(book.buf, e);
  }
  await zip.add(summaryPart, summarySheetXml(summaryRows, styled));
  await zip.finish();
  void info;
  return summary.name;
}
