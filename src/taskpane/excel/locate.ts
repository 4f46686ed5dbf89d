/**
 * Finding the tables of indicators on a sheet (shared by listSources and runTool): Excel tables with a
 * header row, and the sheet's used range as a plain range (its header row found below any title), each
 * with its remembered settings, the toolkit's own columns beside it (by marker or remembered position)
 * and the workbook's markers.
 */
import { findHeaderRow } from "../../engine/table";
import { isValidBlock, parseMarkerName, type BlockMarker } from "../../engine/resultBlock";
import { headerText, rangeAddress, sheetOfAddress } from "./cells";
import { MAX_COLUMNS } from "../../engine/a1";
import { settingsKey, type SavedOutput, type SavedSource } from "./settings";
import type { SourceRef } from "./types";

/* global Excel */

export interface Region {
  ref: SourceRef;
  key: string;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  /** Number of input columns (the toolkit's own columns excluded). */
  inputWidth: number;
  rowCount: number;
  headers: string[];
  saved: SavedSource | null;
  /** The toolkit's columns found beside the data, verified by header text at the remembered position. */
  own: SavedOutput | null;
  /** Header-row cells (formulas, i.e. text or formula text) from the first column to 7 past the input columns. */
  headerCells: unknown[];
  /** The workbook marker of this block (a defined name both the pane and the command line write), when it is beside the data. */
  marker: (BlockMarker & { name: string }) | null;
  /** Every defined name of the toolkit's markers in the workbook. */
  markerNames: string[];
  /** Other block markers on this header row whose headers no longer read as written: replaced with this block's. */
  staleMarkers: string[];
  /** The Summary sheet's marker: its sheet, the range it refers to and the fingerprint of what was written there. */
  summaryMarker: { name: string; fingerprint: string; sheet: string; address: string } | null;
}

/** Top rows of a plain range read to find its header row (titles and blank rows above it). */
const HEADER_SCAN_ROWS = 20;
/** Columns of those rows read (a header that names a field does so within its first columns). */
const HEADER_SCAN_COLUMNS = 256;

/** Called just before each `context.sync()`, to count requests. */
export type Tally = () => void;

/**
 * Finds the candidates on a sheet (the active one, or `only.sheet`) in three requests:
 * (1) sheet, tables and used range geometry; (2) table geometry and remembered settings;
 * (3) header rows, each read 7 columns past the data so the toolkit's own columns are seen.
 */
export async function locate(context: Excel.RequestContext, tally: Tally, only?: SourceRef): Promise<Region[]> {
  const sheets = context.workbook.worksheets;
  const sheet = only ? sheets.getItem(only.sheet) : sheets.getActiveWorksheet();
  sheet.load("name");
  const tables = sheet.tables;
  tables.load("items/name,items/showHeaders");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  // The toolkit's markers: workbook-level defined names (ExcelApi 1.1 to list, 1.4 for their ranges).
  const nameList = context.workbook.names.load("items/name");
  tally();
  await context.sync();

  const sheetName = sheet.name;
  const markerNames = nameList.items.map((x) => x.name).filter((x) => parseMarkerName(x) !== null);
  const markerRanges = markerNames.map((name) => ({ name, marker: parseMarkerName(name)!, range: context.workbook.names.getItem(name).getRangeOrNullObject().load("address,rowIndex,columnIndex,columnCount") }));
  const tableItems = tables.items.filter((t) => t.showHeaders && (!only || (only.kind === "table" && t.name === only.name)));
  const tableGeo = tableItems.map((t) => ({
    name: t.name,
    range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
    body: t.getDataBodyRange().load("rowCount"),
  }));
  // A plain range's header row may sit below a title: its top rows are read with this request, with
  // the remembered settings of each row that could be the header, and the engine's rule picks it.
  const settingFor = (ref: SourceRef) => context.workbook.settings.getItemOrNullObject(settingsKey(ref)).load("value");
  const tableSettings = tableGeo.map((t) => settingFor({ sheet: sheetName, kind: "table", name: t.name }));
  const refAt = (row: number): SourceRef => ({ sheet: sheetName, kind: "range", name: rangeAddress(null, row, used.columnIndex, 1, 1) });
  const topCount = used.isNullObject ? 0 : Math.min(used.rowCount, HEADER_SCAN_ROWS);
  const topRows = topCount ? sheet.getRangeByIndexes(used.rowIndex, used.columnIndex, topCount, Math.min(used.columnCount, HEADER_SCAN_COLUMNS)).load("values") : null;
  const plainSettings = Array.from({ length: topCount }, (_, k) => settingFor(refAt(used.rowIndex + k)));
  tally();
  await context.sync();
  const headerOffset = topRows ? Math.max(0, findHeaderRow(topRows.values)) : 0;
  const plainRef: SourceRef | null = used.isNullObject ? null : refAt(used.rowIndex + headerOffset);
  const wantPlain = plainRef && (!only || (only.kind === "range" && only.name === plainRef.name));
  const plainSetting = wantPlain ? plainSettings[headerOffset] ?? null : null;

  interface Pending {
    ref: SourceRef;
    headerRow: number;
    firstColumn: number;
    width: number;
    rowCount: number;
    saved: SavedSource | null;
    cells?: Excel.Range;
    /** The block markers on this header row, beside the data (the first whose headers still read as written is this block's). */
    marked: { name: string; marker: BlockMarker; column: number; width: number }[];
  }
  const pending: Pending[] = [];
  const savedOf = (s: Excel.Setting) => (s.isNullObject ? null : (s.value as SavedSource));
  tableGeo.forEach((t, i) => {
    pending.push({
      ref: { sheet: sheetName, kind: "table", name: t.name },
      headerRow: t.range.rowIndex,
      firstColumn: t.range.columnIndex,
      width: t.range.columnCount,
      rowCount: t.body.rowCount,
      saved: savedOf(tableSettings[i]),
      marked: [],
    });
  });
  if (wantPlain && plainRef && plainSetting) {
    // A plain range is offered unless its header's first cell is inside a table (then it is that table).
    const headerRow = used.rowIndex + headerOffset;
    const inTable = tableGeo.some(
      (t) =>
        headerRow >= t.range.rowIndex && headerRow < t.range.rowIndex + t.range.rowCount &&
        used.columnIndex >= t.range.columnIndex && used.columnIndex < t.range.columnIndex + t.range.columnCount,
    );
    const rowCount = used.rowCount - 1 - headerOffset;
    if (!inTable && rowCount >= 1) {
      pending.push({ ref: plainRef, headerRow, firstColumn: used.columnIndex, width: used.columnCount, rowCount, saved: savedOf(plainSetting), marked: [] });
    }
  }
  for (const p of pending) {
    // The marker names the block beside these data, whichever tool wrote it: on this sheet, on the header row, adjacent to the data.
    for (const m of markerRanges) {
      if (m.marker.kind !== "block" || m.range.isNullObject || sheetOfAddress(m.range.address).toLowerCase() !== sheetName.toLowerCase()) continue;
      const rel = m.range.columnIndex - p.firstColumn;
      if (m.range.rowIndex === p.headerRow && rel >= 1 && rel <= p.width) p.marked.push({ name: m.name, marker: m.marker, column: m.range.columnIndex, width: m.range.columnCount });
    }
    const ownEnd = Math.max(p.saved?.output ? p.saved.output.column + p.saved.output.headers.length : 0, ...p.marked.map((m) => m.column + m.width));
    const width = Math.min(MAX_COLUMNS - p.firstColumn, Math.max(p.width + 7, ownEnd - p.firstColumn + 7));
    p.cells = sheet.getRangeByIndexes(p.headerRow, p.firstColumn, 1, width).load("formulas");
  }
  if (pending.length) {
    tally();
    await context.sync();
  }

  const regions: Region[] = [];
  for (const p of pending) {
    const cells = (p.cells!.formulas[0] ?? []) as unknown[];
    let own: SavedOutput | null = null;
    let inputWidth = p.width;
    const out = p.saved?.output;
    let marker: Region["marker"] = null;
    const blockHeaders = (m: Pending["marked"][number]) => cells.slice(m.column - p.firstColumn, m.column - p.firstColumn + m.width).map(headerText);
    const mk = p.marked.find((m) => isValidBlock(blockHeaders(m)) && (!m.marker.columns || m.marker.columns.length === m.width));
    const markedHeaders = mk ? blockHeaders(mk) : [];
    if (mk && isValidBlock(markedHeaders)) {
      own = { column: mk.column, headers: markedHeaders, rows: mk.marker.rows };
      inputWidth = mk.column - p.firstColumn;
      marker = { ...mk.marker, name: mk.name };
    } else if (out) {
      const rel = out.column - p.firstColumn;
      // Ours only if adjacent to the data (inside the region's right end or just past it) and every header still reads exactly as written.
      const matches = rel >= 1 && rel <= p.width && out.headers.every((h, j) => headerText(cells[rel + j]) === h);
      if (matches) {
        own = out;
        inputWidth = rel;
      }
    }
    const headers = cells.slice(0, inputWidth).map(headerText);
    // A plain range needs a header row: some text in its first row.
    if (p.ref.kind === "range" && !headers.some((h) => h !== "" && Number.isNaN(Number(h)))) continue;
    const sm = markerRanges.find((m) => m.marker.kind === "summary" && !m.range.isNullObject);
    const summaryMarker = sm && sm.marker.kind === "summary" ? { name: sm.name, fingerprint: sm.marker.fingerprint, sheet: sheetOfAddress(sm.range.address), address: sm.range.address } : null;
    regions.push({ ref: p.ref, key: settingsKey(p.ref), sheet: sheetName, headerRow: p.headerRow, firstColumn: p.firstColumn, inputWidth, rowCount: p.rowCount, headers, saved: p.saved, own, headerCells: cells, marker, markerNames, summaryMarker, staleMarkers: p.marked.map((m) => m.name).filter((x) => x !== marker?.name) });
  }
  return regions;
}

