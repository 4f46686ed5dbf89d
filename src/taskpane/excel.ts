/**
 * The task pane's only door to the workbook. Every Excel call of the pane is here; the React
 * components receive these functions as props and see plain data only, so they render without
 * Office (tests, a browser preview).
 *
 * Rules live in src/engine: this module reads cells, hands them to `evaluateColumns`,
 * `summarise` and `summaryRows`, and writes back what they return.
 *
 * Office.js discipline (spec §3, §9.6):
 * - one `Excel.run` per user action (`listSources`, `runTool`);
 * - explicit `load` of the properties needed, never `load()`;
 * - no `context.sync()` per row: reads and writes go in row chunks, one sync per chunk;
 * - every request stays well under Excel on the web's 5 MB limit (see "Chunk sizes");
 * - `suspendApiCalculationUntilNextSync()` before each bulk write; values first, number formats after;
 * - every request that writes checks first that the sheet is as it was (see "Guarded writes").
 *
 * Chunk sizes. The target is REQUEST_TARGET_BYTES = 1,000,000 bytes per request, a fifth of the
 * 5 MB (5,242,880-byte) limit. Reads: rows per chunk = floor(1,000,000 / (columns read ×
 * bytes per cell)), starting at 32 bytes per cell (a number such as 67.89123456789012 is 17
 * characters in JSON plus a separator; a short text fits too) and, after each chunk, raised to
 * twice the largest average actually received, so long text cells shrink the next chunks. With
 * 2 input columns and 4 output columns checked for foreign content that is 1,000,000 / (6 × 32)
 * = 5,208 rows; all seven inputs and seven outputs give 2,232 rows. Writes: rows are added to a
 * chunk while the chunk's JSON (UTF-8 bytes, an upper bound counted cell by cell) stays within
 * 1,000,000 bytes, and while what the request reads back (below: the chunk's input cells, exactly
 * as long as when they were read, and the cells it overwrites, reckoned as long as the new row)
 * does too, so a chunk of long notes is cut early. Number formats: "£#,##0" is 12 bytes a row in
 * JSON ("£" is 2 bytes in UTF-8), read back as well, so a request could carry 35,000 rows. Every
 * chunk is also capped at MAX_CHUNK_ROWS = 20,000 rows (Microsoft's "5k–20k rows" starting point),
 * and computing is done COMPUTE_CHUNK_ROWS = 5,000 rows at a time (about 50 ms each), yielding to
 * the event loop between chunks so the pane stays responsive and Cancel is heard.
 *
 * Guarded writes. The user can rename, delete or protect the sheet, edit cells, or insert columns
 * between any two requests of a run. So every request that changes cells first reads, in the same
 * request: the cells it is about to change, the sheet names, the toolkit's header row, and (for
 * rows of values) the input cells of those rows; then it writes. Afterwards: the sheet gone from
 * the names means renamed (what was written stands: it is the same sheet) or, when the request
 * failed, deleted; a header row that no longer reads as written means columns moved; inputs that
 * differ from what was computed mean an edit, or rows moved. In those two cases the request puts
 * back the cells it changed. A write that Excel refuses (AccessDenied: a protected sheet) changes
 * nothing. The run then stops with a `Stopped` outcome naming the rows written (each of which
 * matches its inputs as they were when written) and the rows not written; no summary sheet is
 * written. No extra request is needed: the checks ride with the writes; only a stop costs one
 * request more (to look for the sheet, or to put cells back). Edits to rows already written are
 * not seen (the run is of the values it read).
 */
// Engine modules are imported directly, not through src/engine/index.ts, so the pane's bundle
// carries only the parts it uses (webpack cannot drop the barrel's other modules without a sideEffects flag).
import type { Basis } from "../engine/abg";
import type { PercentField } from "../engine/columns";
import type { BoundaryMode } from "../engine/familyType";
import { ambiguousScaleWarning, decideScales, describeScales, isDateFormat, withNumberFormat, type Scale, type TableScales } from "../engine/input";
import type { PlanSheet } from "../engine";
import { typeMixOfRows, type TypeMix } from "../engine/typeMix";
import { blockFingerprints, blockMarkerName, gridFingerprint, isValidBlock, listCells, nextBlockId, parseMarkerName, summaryMarkerName, userTypedCells, type BlockMarker } from "../engine/resultBlock";
import {
  evaluateColumns,
  FIELD_LABELS,
  INPUT_FIELDS,
  mapHeaders,
  matchHeaders,
  OUTPUT_GROUPS,
  findHeaderRow,
  OUTPUT_HEADERS,
  PERCENT_FIELDS,
  rowCells,
  scanColumnScales,
  summarise,
  summaryRows,
  type ColumnMapping,
  type Columns,
  type Field,
  type FieldMatch,
  type OutputGroup,
  type OutputHeader,
  type RowResult,
  type TableSummary,
} from "../engine/table";

/* global Excel, Office */

export const REQUEST_TARGET_BYTES = 1_000_000;
export const MAX_CHUNK_ROWS = 20_000;
export const COMPUTE_CHUNK_ROWS = 5_000;
export const READ_BYTES_PER_CELL = 32;
export const ALLOCATION_FORMAT = "£#,##0";
/** Prefix of every settings key the toolkit writes (workbook.settings, ExcelApi 1.4). */
export const SETTINGS_PREFIX = "cohesion.v1";
export const SUMMARY_SETTING = `${SETTINGS_PREFIX}|summary`;
export const SUMMARY_SHEET_NAMES = ["Summary", "Cohesion summary"];

/** What the workbook's settings remember of the summary sheet the toolkit last wrote. */
interface StoredSummary {
  sheet: string;
  /** Its used range (values only) as Excel gave it back after the write. */
  address?: string;
  /** summaryFingerprint of that range's values. */
  fingerprint?: string;
}

/**
 * A short fingerprint (FNV-1a, 32-bit, hex) of a block of cell values, to tell the summary sheet
 * exactly as the toolkit wrote it from one the user has since typed into. Not a security measure.
 */
export function summaryFingerprint(values: readonly (readonly unknown[])[]): string {
  const text = JSON.stringify(values);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${values.length}x${values[0]?.length ?? 0}:${(h >>> 0).toString(16)}`;
}
export const CHART_NAMES = { bands: "Cohesion: allocation by band", types: "Cohesion: areas by family type" } as const;
const MAX_SHEET_COLUMNS = 16384;
/** Fields the pane maps: the engine's inputs, and a population column for the family-type mix. */
const MAPPED_FIELDS: readonly Field[] = [...INPUT_FIELDS, "population"];

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

// ---------------------------------------------------------------------------------------------
// Plain data in and out

/** Where a table of indicators is: an Excel table by name, or a plain range by its header row's first cell. */
export interface SourceRef {
  sheet: string;
  kind: "table" | "range";
  /** Table name, or the A1 address of the header row's first cell (e.g. "A1"). */
  name: string;
}

export interface RunOptions {
  scale: Scale;
  basis: Basis;
  boundaryMode: BoundaryMode;
}
export const DEFAULT_OPTIONS: RunOptions = { scale: "auto", basis: "point", boundaryMode: "inclusive" };

export interface SourceInfo {
  ref: SourceRef;
  /** Settings key under which the mapping and the toolkit's columns are remembered. */
  key: string;
  /** What the user sees: "Table1 (Sheet1!A1:F301)" or "Sheet1!A1:F301". */
  label: string;
  /** Header row and data rows of the input columns, e.g. "Sheet1!A1:F301". */
  address: string;
  /** Input column headers as text (the toolkit's own columns excluded). */
  headers: string[];
  /** Sheet column letters of the input columns, parallel to `headers`. */
  columnLetters: string[];
  rowCount: number;
  /** Proposed mapping (indices into `headers`): remembered if the headers still match, else from the header synonyms. */
  mapping: ColumnMapping;
  remembered: boolean;
  /** Per field, the header rule's proposal in words (its score, the runner-up, or a tie it refused), while the mapping is that proposal. */
  hints?: Partial<Record<Field, string>>;
  options: RunOptions;
  formulas: boolean;
  /** Headers of the toolkit's columns already beside the data (recognised by exact header text and the remembered position). */
  ownColumns: OutputHeader[];
  /** Where those columns are, e.g. "Sheet1!G1:J301", when present. */
  ownAddress: string | null;
}

export interface RunRequest {
  source: SourceRef;
  tool: OutputGroup;
  mapping: ColumnMapping;
  options?: Partial<RunOptions>;
  /** Write one spilled COHESION formula per column instead of values. */
  formulas?: boolean;
  /** The range named by a previous `needsConfirmation` answer, confirmed by the user. */
  confirmOverwrite?: string;
}

export interface RunProgress {
  phase: "reading" | "computing" | "writing" | "summary";
  done: number;
  total: number;
  /** 0–1 across the whole run. */
  fraction: number;
}

export interface RunStats {
  rows: number;
  syncs: number;
  readChunks: number;
  readChunkRows: number;
  writeChunks: number;
  formatChunks: number;
  /** Largest request this run sent, by this module's upper-bound count (bytes). */
  largestRequestBytes: number;
  millis: { read: number; compute: number; write: number; summary: number; total: number };
}

export interface ToolResult {
  status: "done";
  tool: OutputGroup;
  headers: OutputHeader[];
  /** The toolkit's columns, header included, e.g. "Sheet1!G1:J301". */
  outputAddress: string;
  written: "values" | "formulas";
  summary: TableSummary;
  /** Which sections of the summary apply (the tools whose columns are beside the data). */
  parts: { abg: boolean; types: boolean };
  /** Sheet row numbers of the rows whose band is uncertain under the CI (all of them). */
  uncertainSheetRows: number[];
  summarySheet: string;
  /** Set when the remembered summary sheet held changes of the user's: it was left as it is, and this is why. */
  summaryKept?: string | null;
  stats: RunStats;
  /** When a population column is mapped for Family groups: the population share per family type (or why not). */
  typeMix?: { mix: TypeMix | null; note: string | null } | null;
  /** Each percentage column's scale and why (decision A7), e.g. "Rural share: read as per cent: a value above 1 in the table (NVQ4+ share 34)." */
  scales?: string[];
  /** Set when the scale was a guess (every percentage within 0–1, no % format or header): said in the message after the run. */
  scaleWarning?: string | null;
}

export interface NeedsConfirmation {
  status: "needsConfirmation";
  /** The range holding cells that are not the toolkit's, e.g. "Sheet1!H2:H301". */
  range: string;
  cells: number;
  message: string;
}

export interface Cancelled {
  status: "cancelled";
  /** True when some of the toolkit's columns were already rewritten (user cells are never touched). */
  partial: boolean;
  message: string;
}

/** Why a run stopped before it finished (the workbook changed under it, or Excel refused a write). */
export type StopReason = "renamed" | "deleted" | "protected" | "inputsChanged" | "moved" | "cellEditMode" | "excelError";

/**
 * A run that stopped part-way because the sheet was renamed, deleted or protected, its input cells
 * were edited, the toolkit's columns moved, or Excel refused a write. Nothing outside the toolkit's
 * columns was changed, and no summary sheet was written.
 */
export interface Stopped {
  status: "stopped";
  reason: StopReason;
  /** Why, as a clause: `the sheet "Sheet1" was renamed to "Data"`. */
  why: string;
  /** What was and was not written: "Rows 2–5,001 of Sheet1!I:L were written; rows 5,002–100,001 were not (…)." */
  written: string;
  /** Data rows whose results were written, counted from the top of the table (0 when none). */
  rowsWritten: number;
  /** The whole message for the pane: why, what was written, what to do. */
  message: string;
}

export type RunOutcome = ToolResult | NeedsConfirmation | Cancelled | Stopped;

export interface ExcelTools {
  listSources(): Promise<SourceInfo[]>;
  runTool(request: RunRequest, onProgress?: (p: RunProgress) => void, signal?: AbortSignal): Promise<RunOutcome>;
}

export interface ExcelToolsOptions {
  /** Bytes per request to aim for (default REQUEST_TARGET_BYTES). */
  targetBytes?: number;
  /** Lets the pane breathe between chunks (default: a zero-delay timeout). */
  yieldToUi?: () => Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Settings (what the workbook remembers)

interface SavedOutput {
  /** 0-based sheet column of the first of the toolkit's columns. */
  column: number;
  headers: OutputHeader[];
  /** Data rows written below the header. */
  rows: number;
}

interface SavedSource {
  v: 1;
  /** field → input column (index into the input headers) and its header text, or null for "(not used)". */
  mapping: Partial<Record<Field, { column: number; header: string } | null>>;
  options: RunOptions;
  formulas: boolean;
  output?: SavedOutput;
}

export function settingsKey(ref: SourceRef): string {
  return `${SETTINGS_PREFIX}|${ref.sheet}|${ref.kind}:${ref.name}`;
}

// ---------------------------------------------------------------------------------------------
// Addresses and bytes

export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A1 address of a block given by 0-based indices, e.g. rangeAddress("Sheet1", 1, 7, 300, 1) → "Sheet1!H2:H301". */
export function rangeAddress(sheet: string | null, row: number, column: number, rows: number, columns: number): string {
  const tl = `${columnLetter(column)}${row + 1}`;
  const ref = rows === 1 && columns === 1 ? tl : `${tl}:${columnLetter(column + columns - 1)}${row + rows}`;
  return sheet === null ? ref : `${quoteSheet(sheet)}!${ref}`;
}

/** Upper bound of the UTF-8 bytes of a cell's JSON (a separator included). */
export function cellBytes(v: unknown): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "boolean") return 6;
  const s = String(v);
  let n = 3;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x20 ? 6 : c === 34 || c === 92 ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

function blockBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of rows) {
    n += 2;
    for (const v of row) n += cellBytes(v);
  }
  return n;
}

function isEmptyCell(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** Text that Excel would read as a formula (=, +, -, @) is written with a leading apostrophe so it stays text. */
function asCellValue(v: string | number | null): string | number {
  if (v === null) return "";
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// ---------------------------------------------------------------------------------------------
// Locating tables and ranges (shared by listSources and runTool)

interface Region {
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

/** "'My sheet'!H1:K1" → its sheet. */
function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
}

/** Top rows of a plain range read to find its header row (titles and blank rows above it). */
const HEADER_SCAN_ROWS = 20;
/** Columns of those rows read (a header that names a field does so within its first columns). */
const HEADER_SCAN_COLUMNS = 256;

/** Called just before each `context.sync()`, to count requests. */
type Tally = () => void;

function headerText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * Finds the candidates on a sheet (the active one, or `only.sheet`) in three requests:
 * (1) sheet, tables and used range geometry; (2) table geometry and remembered settings;
 * (3) header rows, each read 7 columns past the data so the toolkit's own columns are seen.
 */
async function locate(context: Excel.RequestContext, tally: Tally, only?: SourceRef): Promise<Region[]> {
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
    const width = Math.min(MAX_SHEET_COLUMNS - p.firstColumn, Math.max(p.width + 7, ownEnd - p.firstColumn + 7));
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

/** The header rule's proposal for a field in words, for its hint: the score, the runner-up, or a tie it refused (the same rule as `cohesion apply`). */
function matchHint(m: FieldMatch, letters: readonly string[]): string | undefined {
  const col = (c: { column: number; header: string }) => `"${letters[c.column]}: ${c.header.trim() || "(no header)"}"`;
  if (m.ambiguous) {
    const names = m.ambiguous.candidates.map((c) => `${col(c)}${c.field !== m.field ? ` (as ${FIELD_LABELS[c.field]})` : ""}`);
    return `Not chosen: ${names.join(" and ")} match equally (score ${m.ambiguous.score}); choose one.`;
  }
  const r = m.runnerUp;
  if (m.column === null) return r ? `Nearest header: ${col(r)} (score ${r.score}; 70 needed).` : undefined;
  const next = !r ? "" : r.field === m.field ? `; next best ${col(r)} (score ${r.score}${r.usedBy ? `, used for ${FIELD_LABELS[r.usedBy]}` : ""})` : `; next best: this column as ${FIELD_LABELS[r.field]} (score ${r.score})`;
  return m.exact && !next ? undefined : `Header match, score ${m.score}${next}.`;
}

function proposeMapping(region: Region): { mapping: ColumnMapping; remembered: boolean; hints: Partial<Record<Field, string>> } {
  const matches = matchHeaders(region.headers);
  const proposed: ColumnMapping = {};
  for (const f of MAPPED_FIELDS) if (matches[f].column !== null) proposed[f] = matches[f].column as number;
  const letters = region.headers.map((_, i) => columnLetter(region.firstColumn + i));
  const hintsFor = (mapping: ColumnMapping) => {
    const hints: Partial<Record<Field, string>> = {};
    for (const f of MAPPED_FIELDS) {
      const text = mapping[f] === proposed[f] ? matchHint(matches[f], letters) : undefined;
      if (text) hints[f] = text;
    }
    return hints;
  };
  const saved = region.saved?.mapping;
  if (!saved) return { mapping: proposed, remembered: false, hints: hintsFor(proposed) };
  const mapping: ColumnMapping = {};
  let remembered = false;
  for (const f of MAPPED_FIELDS) {
    const s = saved[f];
    if (s === undefined) {
      if (proposed[f] !== undefined) mapping[f] = proposed[f];
    } else if (s === null) {
      remembered = true; // "(not used)" was chosen
    } else if (region.headers[s.column] === s.header) {
      mapping[f] = s.column;
      remembered = true;
    } else if (proposed[f] !== undefined) {
      mapping[f] = proposed[f]; // the remembered column moved or was renamed: propose again
    }
  }
  return { mapping, remembered, hints: hintsFor(mapping) };
}

function sourceInfo(r: Region): SourceInfo {
  const address = rangeAddress(r.sheet, r.headerRow, r.firstColumn, r.rowCount + 1, r.inputWidth);
  const { mapping, remembered, hints } = proposeMapping(r);
  return {
    ref: r.ref,
    key: r.key,
    label: r.ref.kind === "table" ? `${r.ref.name} (${address})` : address,
    address,
    headers: r.headers,
    columnLetters: r.headers.map((_, i) => columnLetter(r.firstColumn + i)),
    rowCount: r.rowCount,
    mapping,
    remembered,
    hints,
    options: { ...DEFAULT_OPTIONS, ...(r.saved?.options ?? {}) },
    formulas: r.saved?.formulas ?? false,
    ownColumns: r.own ? [...r.own.headers] : [],
    ownAddress: r.own ? rangeAddress(r.sheet, r.headerRow, r.own.column, r.own.rows + 1, r.own.headers.length) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Formulas (live mode)

/**
 * The `scale` argument for live formulas. The functions cannot see number formats or headers, and
 * each pools only its own call's percentages (FAMILYTYPE: NVQ4+ and rural; the ABG functions: the
 * score), so where that would read a cell otherwise than the table's decision did, the formulas are
 * given the scale the table was read on — when every percentage cell was read on one scale. A table
 * read on two scales (% formatted cells beside plain 0–100 ones) cannot be said in one argument:
 * "auto", with a note.
 */
function formulaScaleOf(scales: TableScales): { scale: Scale; note: string | null } {
  if (scales.scale !== "auto") return { scale: scales.scale, note: null };
  const decisions = Object.values(decideScales(scales));
  const own = (field: string) => ((field === "score" ? ["score"] : ["nvq4", "rural"]).some((f) => (scales.columns[f]?.aboveOne ?? 0) > 0) ? "percent" : "fraction");
  if (decisions.every((d) => (!d.plain || d.resolved === own(d.field)) && (!d.formatted || own(d.field) === "fraction"))) return { scale: "auto", note: null };
  const seen = new Set<"percent" | "fraction">();
  for (const d of decisions) {
    if (d.plain) seen.add(d.resolved);
    if (d.formatted) seen.add("fraction");
  }
  if (seen.size === 1) return { scale: [...seen][0], note: null };
  return { scale: "auto", note: "The live formulas cannot see number formats or headers, and this table was read on two scales (cells formatted as % and plain 0–100 cells): the formulas read each call's values together, so some cells may differ from a run as values." };
}

function formulasFor(headers: readonly OutputHeader[], refs: Partial<Record<Field, string>>, o: RunOptions): string[] {
  const arg = (f: Field) => refs[f] ?? "";
  const text = (v: string, dflt: string) => (v === dflt ? "" : `"${v}"`);
  const scale = text(o.scale, "auto");
  const basis = text(o.basis, "point");
  const boundary = text(o.boundaryMode, "inclusive");
  const call = (name: string, args: string[]) => {
    const a = [...args];
    while (a.length && a[a.length - 1] === "") a.pop();
    return `COHESION.${name}(${a.join(",")})`;
  };
  const typology = [arg("nvq4"), arg("rural"), arg("a8"), arg("jobs1984")];
  const fams = headers.includes("Family type");
  const abg = headers.includes("ABG band");
  const familyType = call("FAMILYTYPE", [...typology, scale, boundary]);
  const f: Record<OutputHeader, string> = {
    "Family type": familyType,
    // Nested rather than a spill reference (H2#): independent of where the type column is, and within the preview's formula grammar.
    "Family type name": `COHESION.TYPEINFO(${familyType},"name")`,
    "Family group": call("FAMILYGROUP", [...typology, scale, boundary, arg("singleissue")]),
    "ABG band": call("ABG.BAND", [arg("score"), arg("ci"), scale, basis]),
    "ABG allocation": call("ABG.ALLOCATION", [arg("score"), arg("ci"), scale, basis]),
    "ABG band range": call("ABG.RANGE", [arg("score"), arg("ci") || '""', scale]),
    Notes: [
      ...(fams ? [call("FAMILYTYPE.EXPLAIN", [...typology, scale, boundary, arg("singleissue")])] : []),
      ...(abg ? [call("ABG.EXPLAIN", [arg("score"), arg("ci"), scale, basis])] : []),
    ].join('&"; "&'),
  };
  return headers.map((h) => `=${f[h]}`);
}

// ---------------------------------------------------------------------------------------------
// The tools

const GROUP_OF: Record<OutputHeader, OutputGroup | null> = {
  "Family type": "familyGroups",
  "Family type name": "familyGroups",
  "Family group": "familyGroups",
  "ABG band": "grantBands",
  "ABG allocation": "grantBands",
  "ABG band range": "grantBands",
  Notes: null,
};

class Cancel extends Error {}

/** Thrown inside a run when the workbook changed under it; turned into a `Stopped` outcome. */
class Stop extends Error {
  constructor(
    readonly reason: StopReason,
    readonly why: string,
    /** The request that found it went through, and what it wrote stands (the sheet was only renamed). */
    readonly stands = false,
  ) {
    super(why);
  }
}

/** Two cells read at different times hold the same thing (a blank is "" or null, whichever Excel sent). */
function sameCell(a: unknown, b: unknown): boolean {
  return a === b || (isEmptyCell(a) && isEmptyCell(b));
}

export function createExcelTools(run: ExcelRun = (batch) => Excel.run(batch), options: ExcelToolsOptions = {}): ExcelTools {
  const target = options.targetBytes ?? REQUEST_TARGET_BYTES;
  const yieldToUi = options.yieldToUi ?? defaultYield;

  async function listSources(): Promise<SourceInfo[]> {
    return run(async (context) => {
      const regions = await locate(context, () => undefined);
      return regions.map(sourceInfo);
    });
  }

  async function runTool(req: RunRequest, onProgress: (p: RunProgress) => void = () => undefined, signal?: AbortSignal): Promise<RunOutcome> {
    const opts: RunOptions = { ...DEFAULT_OPTIONS, ...(req.options ?? {}) };
    const t0 = Date.now();
    const stats: RunStats = { rows: 0, syncs: 0, readChunks: 0, readChunkRows: 0, writeChunks: 0, formatChunks: 0, largestRequestBytes: 0, millis: { read: 0, compute: 0, write: 0, summary: 0, total: 0 } };
    // How far the run got, for the message of a run that stops: the block it writes, whether the first
    // write (the header row and the first chunk) went through, how many data rows have their results,
    // and whether all the values are in (only number formats to go).
    const done = { target: null as null | { sheet: string; firstDataRow: number; blockCol: number; W: number; n: number; hadOwn: boolean }, started: false, rowsWritten: 0, valuesDone: false };
    let pendingBytes = 0;
    const checkCancel = () => {
      if (signal?.aborted) throw new Cancel();
    };
    const report = (phase: RunProgress["phase"], done: number, total: number) => {
      const span = { reading: [0, 0.35], computing: [0.35, 0.55], writing: [0.55, 0.95], summary: [0.95, 1] }[phase];
      onProgress({ phase, done, total, fraction: span[0] + (span[1] - span[0]) * (total ? done / total : 1) });
    };

    return run(async (context) => {
      const tally: Tally = () => {
        stats.syncs++;
        stats.largestRequestBytes = Math.max(stats.largestRequestBytes, pendingBytes);
        pendingBytes = 0;
      };
      const wb = context.workbook;
      // Sheet names and the remembered summary sheet go with the first request of locate (queued before it syncs).
      const sheetList = wb.worksheets;
      sheetList.load("items/name");
      const summarySetting = wb.settings.getItemOrNullObject(SUMMARY_SETTING).load("value");
      const [region] = await locate(context, tally, req.source);
      if (!region) throw new Error(`Cannot find ${req.source.kind === "table" ? `the table ${req.source.name}` : `the range at ${req.source.name}`} on ${req.source.sheet} any more; find tables again.`);
      const sheet = wb.worksheets.getItem(region.sheet);

      // --- what to compute and where to write it
      const mapping: ColumnMapping = {};
      for (const f of MAPPED_FIELDS) {
        const c = req.mapping[f];
        if (c === undefined || c === null) continue;
        if (!Number.isInteger(c) || c < 0 || c >= region.inputWidth) throw new Error(`The column chosen for ${f} is not in the table any more; find tables again.`);
        mapping[f] = c;
      }
      const missing = OUTPUT_GROUPS[req.tool].required.filter((f) => mapping[f] === undefined);
      if (missing.length) throw new Error(`${OUTPUT_GROUPS[req.tool].label} needs a column for: ${missing.join(", ")}.`);
      const own = region.own;
      const groups = new Set<OutputGroup>([req.tool]);
      for (const h of own?.headers ?? []) {
        const g = GROUP_OF[h];
        if (g) groups.add(g);
      }
      // A tool whose columns are already there keeps them up to date only while its required inputs are mapped.
      for (const g of [...groups]) if (g !== req.tool && OUTPUT_GROUPS[g].required.some((f) => mapping[f] === undefined)) groups.delete(g);
      const headers = OUTPUT_HEADERS.filter((h) => h === "Notes" || groups.has(GROUP_OF[h] as OutputGroup));
      const fields = MAPPED_FIELDS.filter((f) => mapping[f] !== undefined && [...groups].some((g) => OUTPUT_GROUPS[g].fields.includes(f)));
      const n = region.rowCount;
      stats.rows = n;
      const firstDataRow = region.headerRow + 1;
      const blockCol = region.firstColumn + region.inputWidth;
      const W = headers.length;
      const ownW = own ? own.headers.length : 0;
      const ownRows = own ? own.rows : 0;
      if (blockCol + W > MAX_SHEET_COLUMNS) throw new Error("There is no room for the toolkit's columns to the right of the data.");
      done.target = { sheet: region.sheet, firstDataRow, blockCol, W, n, hadOwn: ownRows > 0 };

      // --- the workbook changing under the run: sheet renamed, deleted or protected, inputs edited
      const originalNames = sheetList.items.map((s) => s.name);
      /** The sheet is not among `names` any more: renamed (its name swapped for a new one) or deleted. */
      const sheetGone = (names: readonly string[]): Stop => {
        const added = names.filter((x) => !originalNames.includes(x));
        if (names.length === originalNames.length && added.length === 1) return new Stop("renamed", `the sheet "${region.sheet}" was renamed to "${added[0]}"`);
        if (names.length < originalNames.length) return new Stop("deleted", `the sheet "${region.sheet}" was deleted`);
        return new Stop("deleted", `the sheet "${region.sheet}" is no longer in the workbook (renamed or deleted)`);
      };
      /** A request failed: one more request looks for the sheet; otherwise Excel's error code says why. */
      const diagnose = async (e: unknown): Promise<never> => {
        if (e instanceof Cancel || e instanceof Stop) throw e;
        let names: string[] | null = null;
        try {
          const list = wb.worksheets.load("items/name");
          tally();
          await context.sync();
          names = list.items.map((x) => x.name);
        } catch {
          // the workbook cannot be read either: go by the error
        }
        if (names && !names.includes(region.sheet)) throw sheetGone(names);
        const code = String((e as { code?: unknown }).code ?? "");
        const text = e instanceof Error ? e.message : String(e);
        if (code === "AccessDenied") throw new Stop("protected", `the sheet "${region.sheet}" is protected (Excel refused the write: ${text})`);
        if (code === "InvalidOperationInCellEditMode") throw new Stop("cellEditMode", "a cell is being edited in Excel, so Excel refused the write (press Enter or Esc in the cell)");
        throw new Stop("excelError", `Excel refused a request${code ? ` (${code})` : ""}: ${text}`);
      };

      // --- read inputs and look for cells that are not the toolkit's, chunk by chunk
      const tRead = Date.now();
      const foreign = { count: 0, r0: Infinity, r1: -1, c0: Infinity, c1: -1 };
      const noteForeign = (row: number, col: number) => {
        foreign.count++;
        foreign.r0 = Math.min(foreign.r0, row);
        foreign.r1 = Math.max(foreign.r1, row);
        foreign.c0 = Math.min(foreign.c0, col);
        foreign.c1 = Math.max(foreign.c1, col);
      };
      for (let j = ownW; j < W; j++) if (!isEmptyCell(region.headerCells[region.inputWidth + j])) noteForeign(region.headerRow, blockCol + j);
      // Values typed inside the toolkit's own block since it was written: its marker holds a fingerprint of each column as written.
      const typedCheck = !!region.marker?.columns && ownW > 0;
      const ownNow: unknown[][] = own ? own.headers.map(() => new Array(ownRows).fill("")) : [];

      const inputs: Record<string, unknown[]> = {};
      /** Cells of the other input columns under a date or time format (row → format): read as that date or time. */
      const dated: Partial<Record<Field, Map<number, unknown>>> = {};
      for (const f of fields) inputs[f] = new Array(n);
      let scales: TableScales | undefined;
      // The percentage columns' headers and number formats (decision A7: a % header means per cent, a % format a fraction).
      const formats: Partial<Record<PercentField, unknown[]>> = {};
      const percentHeaders = Object.fromEntries(PERCENT_FIELDS.filter((f) => mapping[f] !== undefined).map((f) => [f, region.headers[mapping[f] as number]]));
      let bytesPerCell = READ_BYTES_PER_CELL;
      for (let r0 = 0; r0 < n; ) {
        checkCancel();
        // Columns read: the inputs, the new output columns, and the toolkit's columns only below the rows it wrote before.
        const cols = fields.length + (W - ownW) + (n > ownRows || typedCheck ? ownW : 0);
        const rows = Math.max(1, Math.min(MAX_CHUNK_ROWS, n - r0, Math.floor(target / (Math.max(1, cols) * bytesPerCell))));
        const r1 = r0 + rows;
        const reads = fields.map((f) => sheet.getRangeByIndexes(firstDataRow + r0, region.firstColumn + (mapping[f] as number), rows, 1).load("values,numberFormat"));
        const newCols = W > ownW ? sheet.getRangeByIndexes(firstDataRow + r0, blockCol + ownW, rows, W - ownW).load("formulas") : null;
        const below = ownW && r1 > ownRows ? Math.max(r0, ownRows) : -1;
        const ownBelow = below >= 0 ? sheet.getRangeByIndexes(firstDataRow + below, blockCol, r1 - below, ownW).load("formulas") : null;
        // The toolkit's own block too, when its marker can tell what was typed there since (issue 12.3).
        const ownAbove = typedCheck && r0 < ownRows ? sheet.getRangeByIndexes(firstDataRow + r0, blockCol, Math.min(r1, ownRows) - r0, ownW).load("formulas") : null;
        pendingBytes += 64 * (reads.length + 2);
        tally();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk of rows (up to 20,000, sized to ~1 MB), never per row: see Chunk sizes
        await context.sync().catch(diagnose);
        stats.readChunks++;
        stats.readChunkRows = Math.max(stats.readChunkRows, rows);
        let received = 0;
        const chunkCols: Columns = {};
        const chunkFormats: Partial<Record<PercentField, unknown[]>> = {};
        fields.forEach((f, k) => {
          const vals = reads[k].values;
          if (!vals) throw new Error("Excel returned no values for a read (too many cells); try a smaller table.");
          received += blockBytes(vals);
          const col = inputs[f];
          const slice = new Array(rows);
          for (let i = 0; i < rows; i++) slice[i] = col[r0 + i] = vals[i][0];
          chunkCols[f] = slice;
          // Percentage columns: each cell's number format too (a % format means the stored value is a fraction, decision A7).
          if (PERCENT_FIELDS.includes(f as PercentField)) {
            const nf = reads[k].numberFormat;
            if (nf) {
              received += blockBytes(nf);
              const fcol = (formats[f as PercentField] ??= new Array(n));
              const fslice = new Array(rows);
              for (let i = 0; i < rows; i++) fslice[i] = fcol[r0 + i] = nf[i]?.[0];
              chunkFormats[f as PercentField] = fslice;
            }
          } else {
            // Other columns: a date or time format means the number is that date or time (issue 12.6), named as such, not read as its serial.
            const nf = reads[k].numberFormat;
            if (nf) {
              received += blockBytes(nf);
              for (let i = 0; i < rows; i++) if (isDateFormat(nf[i]?.[0])) (dated[f] ??= new Map()).set(r0 + i, nf[i][0]);
            }
          }
        });
        scales = scanColumnScales(chunkCols, { scale: opts.scale, headers: percentHeaders, formats: chunkFormats }, scales);
        if (newCols) {
          const fm = newCols.formulas;
          received += blockBytes(fm);
          for (let i = 0; i < rows; i++) for (let j = 0; j < fm[i].length; j++) if (!isEmptyCell(fm[i][j])) noteForeign(firstDataRow + r0 + i, blockCol + ownW + j);
        }
        if (ownBelow) {
          const fm = ownBelow.formulas;
          received += blockBytes(fm);
          for (let i = 0; i < fm.length; i++) for (let j = 0; j < fm[i].length; j++) if (!isEmptyCell(fm[i][j])) noteForeign(firstDataRow + below + i, blockCol + j);
        }
        if (ownAbove) {
          const fm = ownAbove.formulas;
          received += blockBytes(fm);
          for (let i = 0; i < fm.length; i++) for (let j = 0; j < ownW; j++) ownNow[j][r0 + i] = fm[i][j];
        }
        bytesPerCell = Math.max(READ_BYTES_PER_CELL, Math.ceil((2 * received) / Math.max(1, rows * cols)));
        r0 = r1;
        report("reading", r0, n);
        await yieldToUi();
      }
      stats.millis.read = Date.now() - tRead;

      // --- compute through the engine, in chunks
      const tCompute = Date.now();
      const evalOptions = { scale: opts.scale, basis: opts.basis, boundaryMode: opts.boundaryMode, tableScales: scales };
      const formulaScale = scales ? formulaScaleOf(scales) : { scale: opts.scale, note: null };
      const results: RowResult[] = new Array(n);
      for (let r0 = 0; r0 < n; r0 += COMPUTE_CHUNK_ROWS) {
        checkCancel();
        const r1 = Math.min(n, r0 + COMPUTE_CHUNK_ROWS);
        const slice: Columns = {};
        for (const f of fields) {
          const part = inputs[f].slice(r0, r1);
          dated[f]?.forEach((format, i) => {
            if (i >= r0 && i < r1) part[i - r0] = withNumberFormat(part[i - r0], format);
          });
          slice[f] = part;
        }
        const sliceFormats: Partial<Record<PercentField, unknown[]>> = {};
        for (const f of PERCENT_FIELDS) if (formats[f]) sliceFormats[f] = formats[f]!.slice(r0, r1);
        const part = evaluateColumns(slice, r1 - r0, { ...evalOptions, formats: sliceFormats });
        for (let i = 0; i < part.length; i++) results[r0 + i] = part[i];
        report("computing", r1, n);
        await yieldToUi();
      }
      stats.millis.compute = Date.now() - tCompute;
      checkCancel();

      // Rows of the toolkit's block past the end of the table (it shrank) are read too: they are cleared below.
      if (typedCheck && ownRows > n) {
        const step = Math.max(1, Math.min(MAX_CHUNK_ROWS, Math.floor(target / (ownW * bytesPerCell))));
        for (let r0 = n; r0 < ownRows; r0 += step) {
          const part = sheet.getRangeByIndexes(firstDataRow + r0, blockCol, Math.min(step, ownRows - r0), ownW).load("formulas");
          tally();
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk of rows, as the reads above
          await context.sync().catch(diagnose);
          part.formulas.forEach((row, i) => row.forEach((v, j) => (ownNow[j][r0 + i] = v)));
        }
      }
      // Values the user typed in the toolkit's block (the engine's rule on the marker's fingerprints): named, and overwritten only when confirmed.
      const typedCells: string[] = [];
      if (typedCheck && own) {
        const expected = own.headers.map((h) => {
          const k = OUTPUT_HEADERS.indexOf(h);
          return Array.from({ length: ownRows }, (_, i) => (i < n ? rowCells(results[i])[k] : null));
        });
        for (const [j, i] of userTypedCells(region.marker!, own.headers, ownNow, expected)) {
          noteForeign(firstDataRow + i, blockCol + j);
          typedCells.push(rangeAddress(null, firstDataRow + i, blockCol + j, 1, 1));
        }
      }
      if (foreign.count > 0) {
        const range = rangeAddress(region.sheet, foreign.r0, foreign.c0, foreign.r1 - foreign.r0 + 1, foreign.c1 - foreign.c0 + 1);
        if (req.confirmOverwrite !== range) {
          const cells = foreign.count === 1 ? "1 non-empty cell" : `${foreign.count.toLocaleString("en-GB")} non-empty cells`;
          const typedNote = typedCells.length ? ` (typed since the toolkit wrote ${typedCells.length === 1 ? "it" : "them"}: ${listCells(typedCells)})` : "";
          return { status: "needsConfirmation", range, cells: foreign.count, message: `${range} has ${cells} that ${foreign.count === 1 ? "is" : "are"} not the toolkit's${typedNote}; overwrite?` } as NeedsConfirmation;
        }
      }

      // --- write: the settings first, then the header row and the values (or blanks, then live formulas), chunk by
      // chunk, then the number formats; every request guarded (see "Guarded writes" at the top of this module).
      const tWrite = Date.now();
      const saved: SavedSource = {
        v: 1,
        mapping: Object.fromEntries(MAPPED_FIELDS.map((f) => [f, mapping[f] === undefined ? null : { column: mapping[f] as number, header: region.headers[mapping[f] as number] }])),
        options: opts,
        formulas: !!req.formulas,
        output: { column: blockCol, headers: [...headers], rows: n },
      };
      const pick = headers.map((h) => OUTPUT_HEADERS.indexOf(h));
      const headerBefore = Array.from({ length: W }, (_, j) => region.headerCells[region.inputWidth + j] ?? "");
      let headerWritten = false;
      const inputBytes = (i: number) => {
        let b = 0;
        for (const f of fields) b += cellBytes(inputs[f][i]);
        return b;
      };
      const blank: string[] = new Array(W).fill("");
      /** Rows [r0, r0 + k) as cells, as many as fit in a request both ways: the cells written, and the cells read back (their inputs and what they overwrite). */
      const nextChunk = (r0: number, reserve: number): (string | number)[][] => {
        const rows: (string | number)[][] = [];
        let sent = reserve + 256;
        let received = 256 + 2 * W;
        while (r0 + rows.length < n && rows.length < MAX_CHUNK_ROWS) {
          const i = r0 + rows.length;
          let row: (string | number)[] = blank;
          if (!req.formulas) {
            const cells = rowCells(results[i]);
            row = pick.map((k) => asCellValue(cells[k]));
          }
          let b = 2;
          for (const v of row) b += cellBytes(v);
          // What the row overwrites is not known before it is read: reckon it at least as long as the new row (an earlier run's results).
          const back = (req.formulas ? 0 : inputBytes(i) + 2 * fields.length) + Math.max(b, 5 * W);
          if (rows.length > 0 && (sent + b > target || received + back > target)) break;
          rows.push(row);
          sent += b;
          received += back;
        }
        return rows;
      };

      /**
       * One guarded request. It first reads the cells it is about to change, the sheet names, the toolkit's header row
       * and (for rows of values) those rows' input cells; then it changes the cells. When what it read shows that the
       * workbook changed since (a column or row inserted or deleted, an input edited), it puts back the cells it changed
       * and the run stops: so it never leaves a change on a user's cell, nor a result that does not match its inputs.
       * A sheet that was renamed keeps what was written (it is the same sheet); the run stops all the same.
       */
      const guarded = async (
        rect: { row: number; column: number; rows: number; columns: number },
        restoreAs: "formulas" | "numberFormat",
        write: (range: Excel.Range) => void,
        checkRows: { r0: number; rows: number } | null,
        bytes: number,
      ): Promise<void> => {
        const before = sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns).load(restoreAs);
        const names = wb.worksheets.load("items/name");
        const header = sheet.getRangeByIndexes(region.headerRow, blockCol, 1, W).load("formulas");
        const inputRanges = checkRows ? fields.map((f) => sheet.getRangeByIndexes(firstDataRow + checkRows.r0, region.firstColumn + (mapping[f] as number), checkRows.rows, 1).load("values")) : [];
        const expectHeader = headerWritten ? headers : headerBefore;
        write(sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns));
        pendingBytes += bytes + 64 * (inputRanges.length + 4);
        tally();
        await context.sync().catch(diagnose); // one request per chunk (see Chunk sizes), never per row
        const now = names.items.map((x) => x.name);
        if (!now.includes(region.sheet)) {
          const gone = sheetGone(now);
          throw new Stop(gone.reason, gone.why, true);
        }
        let stop: Stop | null = null;
        const got = header.formulas[0] ?? [];
        if (expectHeader.some((h, j) => !sameCell(got[j], h))) {
          stop = new Stop("moved", `the toolkit's columns ${rangeAddress(region.sheet, region.headerRow, blockCol, 1, W)} no longer hold the headers it wrote there (a column was inserted, deleted or typed over)`);
        } else if (checkRows) {
          for (let k = 0; k < fields.length && !stop; k++) {
            const vals = inputRanges[k].values;
            const was = inputs[fields[k]];
            for (let i = 0; i < checkRows.rows; i++) {
              if (!sameCell(vals[i]?.[0], was[checkRows.r0 + i])) {
                const cell = rangeAddress(region.sheet, firstDataRow + checkRows.r0 + i, region.firstColumn + (mapping[fields[k]] as number), 1, 1);
                stop = new Stop("inputsChanged", `input cells changed during the run (${cell}), so no results were written from that part of the table on`);
                break;
              }
            }
          }
        }
        if (!stop) return;
        // Put back what this request changed, then stop.
        const old = before[restoreAs] as unknown[][];
        sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns)[restoreAs] = old as string[][];
        pendingBytes += blockBytes(old);
        tally();
        try {
          await context.sync();
        } catch (e) {
          throw new Stop(stop.reason, `${stop.why}; and putting back the cells it had just changed (${rangeAddress(region.sheet, rect.row, rect.column, rect.rows, rect.columns)}) failed: ${e instanceof Error ? e.message : String(e)}`);
        }
        throw stop;
      };

      let partial = false;
      try {
        wb.settings.add(region.key, saved);
        // Rows of values (or, for live formulas, of blanks so that nothing blocks the spill), the header row with the first chunk.
        for (let r0 = 0; r0 < n || !headerWritten; ) {
          checkCancel();
          const reserve = headerWritten ? 0 : 512 + blockBytes([headers]);
          const rows = nextChunk(r0, reserve);
          const top = headerWritten ? firstDataRow + r0 : region.headerRow;
          const data = headerWritten ? rows : [headers.slice() as (string | number)[], ...rows];
          const chunkBytes = blockBytes(data) + reserve;
          try {
            await guarded(
              { row: top, column: blockCol, rows: data.length, columns: W },
              "formulas",
              (range) => {
                wb.application.suspendApiCalculationUntilNextSync();
                range.values = data;
              },
              rows.length && !req.formulas ? { r0, rows: rows.length } : null,
              chunkBytes,
            );
          } catch (e) {
            if (e instanceof Stop && e.stands) {
              done.started = true; // renamed: what was written is in the (same) sheet
              if (!req.formulas) done.rowsWritten = r0 + rows.length;
            }
            throw e;
          }
          done.started = partial = headerWritten = true;
          stats.writeChunks++;
          r0 += rows.length;
          if (!req.formulas) {
            done.rowsWritten = r0;
            report("writing", r0, n);
          }
          if (r0 < n) await yieldToUi();
        }
        if (ownRows > n) {
          // Rows the toolkit wrote before, now below the data.
          for (let r0 = n; r0 < ownRows; r0 += MAX_CHUNK_ROWS) {
            const rows = Math.min(MAX_CHUNK_ROWS, ownRows - r0);
            await guarded({ row: firstDataRow + r0, column: blockCol, rows, columns: ownW }, "formulas", (range) => range.clear("Contents"), null, 256);
          }
        }
        if (req.formulas) {
          const refs: Partial<Record<Field, string>> = {};
          for (const f of fields) refs[f] = rangeAddress(null, firstDataRow, region.firstColumn + (mapping[f] as number), n, 1);
          const row = formulasFor(headers, refs, { ...opts, scale: formulaScale.scale });
          await guarded({ row: firstDataRow, column: blockCol, rows: 1, columns: W }, "formulas", (range) => (range.formulas = [row]), null, blockBytes([row]));
          done.rowsWritten = n;
          report("writing", n, n);
        }
        done.valuesDone = true;
        // Number formats, after the values: £ on the allocation column; "General" back where an earlier run put £ and another column now stands.
        const allocCol = headers.indexOf("ABG allocation");
        const oldAlloc = own ? own.headers.indexOf("ABG allocation") : -1;
        const formatJobs: { column: number; rows: number; format: string }[] = [];
        if (allocCol >= 0) formatJobs.push({ column: blockCol + allocCol, rows: n, format: ALLOCATION_FORMAT });
        if (oldAlloc >= 0 && oldAlloc !== allocCol) formatJobs.push({ column: blockCol + oldAlloc, rows: ownRows, format: "General" });
        for (const job of formatJobs) {
          const per = cellBytes(job.format) + 2;
          // Each request also reads back the formats it replaces (about as long as the new ones).
          const step = Math.max(1, Math.min(MAX_CHUNK_ROWS, Math.floor((target - 1024) / (2 * per))));
          for (let r0 = 0; r0 < job.rows; r0 += step) {
            const rows = Math.min(step, job.rows - r0);
            // One request per chunk of up to 20,000 rows of one column's number format, after all the values.
            await guarded({ row: firstDataRow + r0, column: job.column, rows, columns: 1 }, "numberFormat", (range) => (range.numberFormat = Array.from({ length: rows }, () => [job.format])), null, 256 + rows * per);
            stats.formatChunks++;
          }
        }
      } catch (e) {
        if (e instanceof Cancel) {
          if (!partial) return { status: "cancelled", partial, message: "Cancelled before anything was written." } as Cancelled;
          return { status: "cancelled", partial, message: `Stopped while writing. ${done.target ? whatWasWritten() + " " : ""}Your cells are untouched. Run the tool again to finish.` } as Cancelled;
        }
        throw e;
      }
      stats.millis.write = Date.now() - tWrite;
      // The block's marker (rides on the next request): the markers of this block replaced by one naming its header row,
      // with the fingerprint of each column as written (none for live formulas, whose cells are their spill).
      const pickAll = headers.map((h) => OUTPUT_HEADERS.indexOf(h));
      const prints = req.formulas ? null : blockFingerprints(headers, results.map((r) => { const c = rowCells(r); return pickAll.map((k) => c[k]); }));
      const here = region.markerNames.filter((x) => x === region.marker?.name || region.staleMarkers.includes(x));
      for (const x of here) wb.names.getItem(x).delete();
      const taken = region.markerNames.filter((x) => !here.includes(x));
      wb.names.add(blockMarkerName({ id: region.marker?.id ?? nextBlockId(taken), rows: n, columns: prints }), sheet.getRangeByIndexes(region.headerRow, blockCol, 1, W));

      // --- summary sheet with charts
      const tSummary = Date.now();
      report("summary", 0, 1);
      const summary = summarise(results);
      const parts = { abg: groups.has("grantBands"), types: groups.has("familyGroups") };
      // With a population column, the family-type mix of the rows (sub-areas), as COHESION.TYPEMIX gives it.
      const mix = parts.types && inputs.population ? typeMixOfRows(results.map((r) => r.familyType), inputs.population) : null;
      const typeMix = mix ? (mix.ok ? { mix: mix.value, note: mix.warnings.map((w) => w.message).join(" ") || null } : { mix: null, note: mix.error.message }) : null;
      const sheetRow = (i: number) => firstDataRow + i + 1;
      const names = sheetList.items.map((s) => s.name);
      const lower = new Set(names.map((s) => s.toLowerCase()));
      const stored = summarySetting.isNullObject ? null : (summarySetting.value as StoredSummary | null);
      const remembered = stored?.sheet ?? null;
      let summaryName = "";
      let summarySheet: Excel.Worksheet | null = null;
      let summaryKept: string | null = null;
      // The Summary sheet the marker names (whichever tool wrote it), while it is exactly as written.
      const sm = region.summaryMarker;
      if (sm && lower.has(sm.sheet.toLowerCase()) && sm.sheet.toLowerCase() !== region.sheet.toLowerCase()) {
        const name = names.find((s) => s.toLowerCase() === sm.sheet.toLowerCase())!;
        const existing = wb.worksheets.getItem(name);
        const used = existing.getUsedRangeOrNullObject(true).load("address,values");
        const old = Object.values(CHART_NAMES).map((c) => existing.charts.getItemOrNullObject(c).load("name"));
        tally();
        await context.sync();
        if (!used.isNullObject && used.address === sm.address && gridFingerprint(used.values) === sm.fingerprint) {
          summaryName = name;
          summarySheet = existing;
          for (const c of old) if (!c.isNullObject) c.delete();
          summarySheet.getRange().clear("All");
        }
      }
      if (!summarySheet && remembered && lower.has(remembered.toLowerCase())) {
        // Reused only when it is still exactly what the toolkit wrote (or empty): a sheet the user
        // has typed into, or a new sheet of theirs under the old name, is never cleared.
        const name = names.find((s) => s.toLowerCase() === remembered.toLowerCase())!;
        const existing = wb.worksheets.getItem(name);
        const used = existing.getUsedRangeOrNullObject(true).load("address");
        const old = Object.values(CHART_NAMES).map((c) => existing.charts.getItemOrNullObject(c).load("name"));
        tally();
        await context.sync();
        let ours = used.isNullObject;
        if (!ours && stored?.fingerprint && used.address === stored.address) {
          used.load("values");
          tally();
          await context.sync();
          ours = summaryFingerprint(used.values) === stored.fingerprint;
        }
        if (ours) {
          summaryName = name;
          summarySheet = existing;
          for (const c of old) if (!c.isNullObject) c.delete();
          summarySheet.getRange().clear("All");
        } else {
          summaryKept = `The sheet "${name}" has changes of yours since the toolkit last wrote it, so it was left as it is.`;
        }
      }
      if (!summarySheet) {
        summaryName = SUMMARY_SHEET_NAMES.find((s) => !lower.has(s.toLowerCase())) ?? "";
        for (let k = 2; !summaryName; k++) if (!lower.has(`cohesion summary ${k}`)) summaryName = `Cohesion summary ${k}`;
        summarySheet = wb.worksheets.add(summaryName);
      }
      const sheetOut = summarySheet;
      wb.application.suspendApiCalculationUntilNextSync();
      const body = summaryRows(summary, sheetRow, parts);
      const label = region.ref.kind === "table" ? `table ${region.ref.name}, ${rangeAddress(region.sheet, region.headerRow, region.firstColumn, n + 1, region.inputWidth)}` : rangeAddress(region.sheet, region.headerRow, region.firstColumn, n + 1, region.inputWidth);
      const lines: (string | number | null)[][] = [body[0], [`From ${label}; ${[...groups].map((g) => OUTPUT_GROUPS[g].label.toLowerCase()).join(" and ")}.`], ...body.slice(1)];
      const width = Math.max(...lines.map((r) => r.length));
      const grid = lines.map((r) => Array.from({ length: width }, (_, j) => asCellValue((r[j] ?? null) as string | number | null)));
      sheetOut.getRangeByIndexes(0, 0, grid.length, width).values = grid;
      pendingBytes += blockBytes(grid);
      // Chart data beside the summary (columns H–I), one small block per chart.
      const chartCol = 7;
      let chartRow = 0;
      const charts: { name: string; title: string; address: [number, number]; rows: number }[] = [];
      if (parts.abg) {
        const data = [["ABG band", "Allocation (£)"], ...summary.byBand.map((b) => [b.label, b.amountGbp])];
        sheetOut.getRangeByIndexes(chartRow, chartCol, data.length, 2).values = data;
        charts.push({ name: CHART_NAMES.bands, title: "ABG allocation by band (£)", address: [chartRow, chartCol], rows: data.length });
        chartRow += data.length + 1;
      }
      if (parts.types) {
        const data = [["Family type", "Areas"], ...summary.byType.map((t) => [`${t.type}. ${t.name}`, t.areas])];
        sheetOut.getRangeByIndexes(chartRow, chartCol, data.length, 2).values = data;
        charts.push({ name: CHART_NAMES.types, title: "Areas by family type", address: [chartRow, chartCol], rows: data.length });
      }
      // Formats after values: £ on the band amounts, the totals and the chart's allocation column.
      const bandHeader = lines.findIndex((r) => r[0] === "ABG band");
      if (bandHeader >= 0) {
        const rows = summary.byBand.length + 2; // bands, total, programme
        sheetOut.getRangeByIndexes(bandHeader + 1, 2, rows, 1).numberFormat = Array.from({ length: rows }, () => [ALLOCATION_FORMAT]);
        sheetOut.getRangeByIndexes(charts[0].address[0] + 1, chartCol + 1, summary.byBand.length, 1).numberFormat = summary.byBand.map(() => [ALLOCATION_FORMAT]);
      }
      let top = 1;
      for (const c of charts) {
        const chart = sheetOut.charts.add("ColumnClustered", sheetOut.getRangeByIndexes(c.address[0], c.address[1], c.rows, 2), "Columns");
        chart.name = c.name;
        chart.title.text = c.title;
        chart.legend.visible = false;
        chart.setPosition(rangeAddress(null, top, 10, 1, 1), rangeAddress(null, top + 15, 17, 1, 1));
        top += 17;
      }
      sheetOut.getRangeByIndexes(0, 0, grid.length, chartCol + 2).format.autofitColumns();
      // Remember what was written (read back with the write, as Excel holds it), to know it again next run.
      const written = sheetOut.getUsedRangeOrNullObject(true).load("address,values");
      tally();
      await context.sync();
      const remember: StoredSummary = written.isNullObject ? { sheet: summaryName } : { sheet: summaryName, address: written.address, fingerprint: summaryFingerprint(written.values) };
      wb.settings.add(SUMMARY_SETTING, remember);
      // The Summary sheet's marker, for the command line (and the next run): every earlier one replaced.
      for (const x of region.markerNames) if (parseMarkerName(x)?.kind === "summary") wb.names.getItem(x).delete();
      if (!written.isNullObject) wb.names.add(summaryMarkerName({ fingerprint: gridFingerprint(written.values) }), written);
      tally();
      await context.sync();
      stats.millis.summary = Date.now() - tSummary;
      stats.millis.total = Date.now() - t0;
      report("summary", 1, 1);

      return {
        status: "done",
        tool: req.tool,
        headers: [...headers],
        outputAddress: rangeAddress(region.sheet, region.headerRow, blockCol, n + 1, W),
        written: req.formulas ? "formulas" : "values",
        summary,
        parts,
        uncertainSheetRows: summary.uncertainRows.map(sheetRow),
        summarySheet: summaryName,
        summaryKept,
        stats,
        typeMix,
        scales: [...(scales ? describeScales(scales) : []), ...(req.formulas && formulaScale.note ? [formulaScale.note] : [])],
        scaleWarning: scales ? ambiguousScaleWarning(scales) : null,
      } as ToolResult;
    }).catch((e: unknown) => {
      if (e instanceof Cancel) return { status: "cancelled", partial: false, message: "Cancelled before anything was written." } as Cancelled;
      if (e instanceof Stop) return stopped(e);
      throw e;
    });

    /** Exactly which rows of which columns hold this run's results, once writing has been planned. */
    function whatWasWritten(): string {
      const t = done.target!;
      const cols = `${quoteSheet(t.sheet)}!${columnLetter(t.blockCol)}:${columnLetter(t.blockCol + t.W - 1)}`;
      const row = (i: number) => (t.firstDataRow + i + 1).toLocaleString("en-GB"); // sheet row of data row i
      const rest = t.hadOwn ? "they still hold what an earlier run wrote there, which may not match" : "those cells are empty";
      if (!done.started) return `Nothing was written: the toolkit's columns ${cols} are as they were.`;
      if (done.rowsWritten >= t.n) return `All ${t.n.toLocaleString("en-GB")} rows of ${cols} were written (rows ${row(0)}–${row(t.n - 1)})${done.valuesDone ? "; only their £ number format is unfinished" : ""}.`;
      if (done.rowsWritten === 0) return `Only the header row of ${cols} was written; rows ${row(0)}–${row(t.n - 1)} were not (${rest}).`;
      return `Rows ${row(0)}–${row(done.rowsWritten - 1)} of ${cols} were written; rows ${row(done.rowsWritten)}–${row(t.n - 1)} were not (${rest}).`;
    }

    /** The outcome of a run that stopped: why, and exactly which rows of which columns hold this run's results. */
    function stopped(e: Stop): Stopped {
      const written = whatWasWritten();
      const message = `The run stopped: ${e.why}. ${written} No summary sheet was written, and nothing outside the toolkit's columns was changed. Run the tool again to finish.`;
      return { status: "stopped", reason: e.reason, why: e.why, written, rowsWritten: done.rowsWritten, message };
    }
  }

  return { listSources, runTool };
}

/** Reads one header row: the small piece the office-addin-mock test drives (load, then sync, then read). */
export async function readHeaderRow(context: Excel.RequestContext, sheetName: string, address: string): Promise<string[]> {
  const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
  range.load("values");
  await context.sync();
  return (range.values[0] ?? []).map(headerText);
}

// ---------------------------------------------------------------------------------------------
// Action plan: read the area's row, write the plan sheet

/** What the Action plan view needs (plain data in and out); see components/ActionPlan.tsx. */
export interface ActionPlanTools {
  readSelectedArea(): Promise<{ headers: unknown[]; rows: unknown[][]; index: number; where: string; formats?: Partial<Record<PercentField, unknown[]>> } | { error: string }>;
  /** `warning` when the plan is written but its in-cell lists could not be added (Excel without ExcelApi 1.8). */
  insertActionPlan(plan: PlanSheet, baseName: string): Promise<{ sheet: string; warning?: string } | { error: string }>;
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ]. */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const clean = base.replace(/[:\\/?*[\]]/g, " ").trim().slice(0, 31) || "Action plan";
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const name = clean.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export function createActionPlanTools(run: ExcelRun = (batch) => Excel.run(batch), options: { targetBytes?: number } = {}): ActionPlanTools {
  const target = options.targetBytes ?? REQUEST_TARGET_BYTES;

  /**
   * The table around the selected cell: an Excel table containing it, else the sheet's used range
   * (header in its first row). Header and data rows are read in payload-sized row chunks.
   */
  async function readSelectedArea() {
    try {
      return await run(async (context) => {
        const sheets = context.workbook.worksheets;
        const sheet = sheets.getActiveWorksheet();
        sheet.load("name");
        const sel = context.workbook.getSelectedRange();
        sel.load("rowIndex,columnIndex");
        const tables = sheets.getActiveWorksheet().tables.load("items/name,items/showHeaders");
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        await context.sync();
        const geo = tables.items.filter((t) => t.showHeaders).map((t) => ({ name: t.name, range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount") }));
        if (geo.length) await context.sync();
        const inside = (r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }) =>
          sel.rowIndex >= r.rowIndex && sel.rowIndex < r.rowIndex + r.rowCount && sel.columnIndex >= r.columnIndex && sel.columnIndex < r.columnIndex + r.columnCount;
        const table = geo.find((t) => inside(t.range));
        const region = table ? table.range : used.isNullObject ? null : used;
        if (!region || !inside(region)) return { error: "Select a cell in a data row of your indicator table first." };
        const index = sel.rowIndex - region.rowIndex - 1;
        if (index < 0) return { error: "That is the header row: select a cell in the area's own row." };
        const cols = region.columnCount;
        const all = await readRowsInChunks(context, sheet, region, target);
        const where = `${table ? `Table ${table.name}` : `${sheet.name}!${rangeAddress(null, region.rowIndex, region.columnIndex, region.rowCount, cols)}`}, row ${sel.rowIndex + 1}`;
        // The percentage columns' number formats too (decision A7: a % format means the stored value is a fraction).
        const fields = mapHeaders(all[0] ?? []);
        const formats: Partial<Record<PercentField, unknown[]>> = {};
        for (const f of PERCENT_FIELDS) {
          const c = fields[f];
          if (c === undefined || region.rowCount < 2) continue;
          const column = { rowIndex: region.rowIndex + 1, columnIndex: region.columnIndex + c, rowCount: region.rowCount - 1, columnCount: 1 };
          formats[f] = (await readRowsInChunks(context, sheet, column, target, "numberFormat")).map((r) => r[0]);
        }
        return { headers: all[0] ?? [], rows: all.slice(1), index, where, formats };
      });
    } catch (e) {
      return { error: `Could not read the selection: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  /**
   * Writes the plan to a NEW sheet (a new name if taken): header block (title, date, inputs), then
   * an Excel table with the Annex F columns, its choice columns given in-cell lists.
   */
  function insertActionPlan(plan: PlanSheet, baseName: string) {
    return insertTableSheet(run, baseName, plan.header, plan.columns, plan.rows, { lists: plan.lists });
  }

  return { readSelectedArea, insertActionPlan };
}

/**
 * Whether this Excel supports ExcelApi `version`. manifest.xml requires ExcelApi 1.7, so nothing newer
 * may be called unconditionally: such a call goes under `if (excelApiSupported("1.N")) …`, or after
 * `if (!excelApiSupported("1.N")) return …;`, with a message for the user on the other path (today:
 * data validation, ExcelApi 1.8, in insertTableSheet). test/manifest/requirementSets.test.ts finds every
 * Excel API member the pane uses and recognises these two shapes (with a literal version) as the guard.
 * Without Office.context (tests, a page outside Office) it answers true; the preview's stand-in answers
 * for what it implements (src/preview/excelStandIn.ts, standInSupports).
 */
export function excelApiSupported(version: string): boolean {
  const requirements = typeof Office === "undefined" ? undefined : (Office.context?.requirements as Office.RequirementSetSupport | undefined);
  return typeof requirements?.isSetSupported === "function" ? requirements.isSetSupported("ExcelApi", version) : true;
}

/**
 * Writes a NEW sheet (never replacing one; a new name if taken): a block of header rows at A1, one
 * blank row, then an Excel table with `columns` as its header and `rows` as its body. Text that
 * Excel would read as a formula stays text. One request to find the names in use, one to write;
 * with `lists`, one more to give those columns' body cells an in-cell drop-down list (data
 * validation, ExcelApi 1.8): should that fail, the sheet stands and `warning` says so.
 */
export async function insertTableSheet(
  run: ExcelRun,
  baseName: string,
  header: readonly (readonly (string | number)[])[],
  columns: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  options: { lists?: readonly { column: string; choices: readonly string[] }[] } = {},
): Promise<{ sheet: string; warning?: string } | { error: string }> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const name = uniqueSheetName(baseName, sheets.items.map((s) => s.name));
      const sheet = sheets.add(name);
      const width = columns.length;
      const headerWidth = Math.max(2, ...header.map((r) => r.length));
      const block = header.map((r) => [...r.map(asCellValue), ...new Array(headerWidth - r.length).fill("")]);
      if (block.length) sheet.getRangeByIndexes(0, 0, block.length, headerWidth).values = block;
      const top = block.length ? block.length + 1 : 0;
      const body = rows.length ? rows.map((r) => r.map(asCellValue)) : [new Array(width).fill("")];
      sheet.getRangeByIndexes(top, 0, body.length + 1, width).values = [columns.map(asCellValue), ...body];
      sheet.tables.add(rangeAddress(name, top, 0, body.length + 1, width), true);
      sheet.activate();
      await context.sync();
      const lists = (options.lists ?? []).filter((l) => columns.includes(l.column) && l.choices.length > 0);
      if (lists.length === 0) return { sheet: name };
      const skipped = `The sheet "${name}" is written, but its in-cell lists (${lists.map((l) => l.column).join(", ")}) were not added`;
      if (!excelApiSupported("1.8")) return { sheet: name, warning: `${skipped}: this version of Excel has no data validation API (ExcelApi 1.8).` };
      try {
        // A separate request, on the new sheet's table body only: a host that refuses it leaves the written sheet as it is.
        for (const l of lists) {
          sheet.getRangeByIndexes(top + 1, columns.indexOf(l.column), body.length, 1).dataValidation.rule = {
            list: { inCellDropDown: true, source: l.choices.map((c) => c.replace(/,/g, " ")).join(",") },
          };
        }
        await context.sync();
        return { sheet: name };
      } catch (e) {
        return { sheet: name, warning: `${skipped}: ${e instanceof Error ? e.message : String(e)}` };
      }
    });
  } catch (e) {
    return { error: `Could not write the sheet: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Reads a block such as "Sheet1!A1:H353" (a source's `address`) in payload-sized row chunks.
 * Plain values out; used by the Analysis view (peers, type mix).
 */
export async function readBlock(run: ExcelRun, address: string, targetBytes = REQUEST_TARGET_BYTES): Promise<unknown[][]> {
  return run(async (context) => {
    const bang = address.lastIndexOf("!");
    const sheetName = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    const ws = context.workbook.worksheets.getItem(sheetName);
    const geo = ws.getRange(address.slice(bang + 1)).load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    return readRowsInChunks(context, ws, geo, targetBytes);
  });
}

/** Values of a block of a sheet, read in row chunks sized to `targetBytes` per request (one sync per chunk). */
async function readRowsInChunks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  block: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number },
  targetBytes: number,
  what: "values" | "numberFormat" = "values",
): Promise<unknown[][]> {
  const chunk = Math.max(1, Math.min(MAX_CHUNK_ROWS, Math.floor(targetBytes / (block.columnCount * READ_BYTES_PER_CELL))));
  const out: unknown[][] = [];
  for (let start = 0; start < block.rowCount; start += chunk) {
    const part = sheet.getRangeByIndexes(block.rowIndex + start, block.columnIndex, Math.min(chunk, block.rowCount - start), block.columnCount).load(what);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per row chunk, to stay under the 5 MB payload limit
    await context.sync();
    out.push(...((what === "values" ? part.values : part.numberFormat) as unknown[][]));
  }
  return out;
}

/** The Analysis view's workbook functions (peers, type mix). */
export function createAnalysisTools(run: ExcelRun = (batch) => Excel.run(batch)) {
  return {
    readBlock: (address: string) => readBlock(run, address),
    insertTableSheet: (baseName: string, header: string[][], columns: string[], rows: (string | number)[][]) => insertTableSheet(run, baseName, header, columns, rows),
  };
}
