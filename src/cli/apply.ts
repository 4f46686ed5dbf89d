/**
 * `cohesion apply`: reads a table (.xlsx or .csv), evaluates every row with the engine, and writes
 * the same table with the output columns, plus a summary (a Summary sheet in .xlsx, and stdout).
 *
 * How files are read and written (measured with `npm run bench`, bench/cli.bench.js):
 * - CSV input is streamed, twice: a first pass finds the header row, the last row, the columns and
 *   the scale of each percentage column; a second pass evaluates the rows 1,000 at a time and
 *   writes each chunk out. Neither the file nor the results are ever held whole, so memory stays
 *   flat however long the file is (a million rows: see test/cli/bigfile.test.ts).
 * - .xlsx input is read part by part (src/cli/xlsx/): the chosen sheet's rows are inflated and read
 *   a piece at a time, twice (as for a CSV); nothing but the shared strings is held whole.
 * - .xlsx output from .xlsx input is the input with the results added (xlsx/patch.ts): the data
 *   sheet's rows are rewritten as they stream, and every other part (other sheets, formats, formulas
 *   with their cached results, tables, charts, pivot tables, validation, macros) is copied as it is.
 * - .xlsx output from CSV is a new workbook written as it streams (xlsx/newBook.ts).
 * - Every path evaluates in chunks and builds the summary chunk by chunk (the engine's addToSummary).
 *
 * Cells of a merged range other than its top-left one are read as empty, as Excel itself holds them
 * (Office.js and Excel's own CSV export see them so too): a merged header applies to its first
 * column only, and a value merged down several rows belongs to the first of them.
 */
import { once } from "events";
import * as fs from "fs";
import * as path from "path";
import {
  addToSummary,
  ambiguousScaleWarning,
  describeScales,
  evaluateColumns,
  finishSummary,
  cellsFor,
  Fingerprint,
  groupsFor,
  headersFor,
  listCells,
  OUTPUT_HEADERS,
  rowCells,
  type OutputHeader,
  PERCENT_FIELDS,
  scanColumnScales,
  startSummary,
  type Basis,
  type Columns,
  type PercentField,
  type TableScales,
  type Field,
  type OutputCell,
  type Scale,
  type SummaryTally,
} from "../engine";
import { writeAtomically, writeToTemp } from "./atomic";
import { failIf, faultRows } from "./faults";
import { cellText, cellText as cellTextOf, csvFieldToCell, csvSafe, engineValue } from "./cells";
import { delimitedRecords, sniffDelimited, writeDelimited, type Delimiter, type DelimitedFormat } from "./delimited";
import { CliError, describeError } from "./errors";
import { ZIP_LIMITS, formatBytes } from "./zipLimits";
import { columnLetter, describeMapping, describeMatch, findLayout, LayoutScanner, listHeaders, mapFields, type FieldMapping, type Grid, type Layout } from "./layout";
import { renderRows, SUMMARY_TITLE, summarySheetRows, type RunInfo, type SummaryCell } from "./summary";
import { inspectXlsx } from "./xlsxInspect";
import { blockChanges, findMarkedBlock, typedByUser, writeBlockMarker, writeSummaryMarker, type MarkedBlock } from "./marker";
import { Book, type NameModel, type SheetInfo } from "./xlsx/book";
import type { ReadContext } from "./xlsx/cellValues";
import { sheetGrid, sheetValues, type XlsxPass } from "./xlsx/read";
import { SheetXmlError } from "./xlsx/sheetXml";
import { writePatched } from "./xlsx/patch";
import { writeNewBook, type NewRow } from "./xlsx/newBook";
import { zipEntries } from "./zip";

/**
 * Rows evaluated (and written) at a time. Small chunks die young in the garbage collector: on a
 * million-row CSV, 1,000 rows took 16 s of CPU and 160 MB at peak; 5,000 rows took 26 s and 310 MB.
 */
export const EVALUATE_CHUNK_ROWS = 1_000;
/** Excel's limits: a sheet's rows and columns, and the characters a cell can hold. */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_COLUMNS = 16_384;
export const XLSX_MAX_CELL_CHARS = 32_767;

export interface ApplyOptions {
  input: string;
  out: string;
  sheet?: string;
  cols: readonly string[];
  scale: Scale;
  basis: Basis;
  version: string;
  /** Replace values the user typed inside the toolkit's columns (without it they are kept, with a warning). */
  force?: boolean;
  /** CSV output: text cells that a spreadsheet would read as a formula get a leading ' ("neutralise", the default), or are written as they are ("keep"). */
  csvFormulas?: CsvFormulas;
}

export const CSV_FORMULAS = ["neutralise", "keep"] as const;
export type CsvFormulas = (typeof CSV_FORMULAS)[number];

export type Format = { kind: "xlsx" } | { kind: "csv"; delimiter?: Delimiter };

export function formatOf(file: string, role: "input" | "output"): Format {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx") return { kind: "xlsx" };
  if (ext === ".csv" || ext === ".txt") return { kind: "csv" };
  if (ext === ".tsv" || ext === ".tab") return { kind: "csv", delimiter: "\t" };
  throw new CliError(`${role} ${file}: use an .xlsx or .csv file (got "${ext || "no extension"}")`);
}

/** Refuses a missing input, a missing output folder, and an output that is the input (symlinks and hard links included). */
function checkPaths(input: string, out: string): fs.Stats {
  let inStat: fs.Stats;
  try {
    inStat = fs.statSync(input);
  } catch {
    throw new CliError(`cannot read ${input}: no such file`);
  }
  if (!inStat.isFile()) throw new CliError(`cannot read ${input}: not a file`);
  const outDir = path.dirname(path.resolve(out));
  let dirReal: string;
  try {
    dirReal = fs.realpathSync(outDir);
    if (!fs.statSync(dirReal).isDirectory()) throw new Error();
  } catch {
    throw new CliError(`cannot write ${out}: the folder ${path.dirname(out)} does not exist`);
  }
  const inReal = fs.realpathSync(input);
  let outReal = path.join(dirReal, path.basename(out));
  let same = outReal === inReal;
  if (fs.existsSync(outReal)) {
    const st = fs.statSync(outReal);
    if (st.isDirectory()) throw new CliError(`cannot write ${out}: it is a folder`);
    outReal = fs.realpathSync(outReal);
    same = same || outReal === inReal || (st.ino === inStat.ino && st.dev === inStat.dev);
  }
  if (same) throw new CliError(`--out ${out} is the input file; the input is never overwritten: choose another output name`);
  return inStat;
}

type RowValues = readonly unknown[] | undefined;

/** The input table, ready to be read row by row. */
export interface Source {
  /** Rows 1, 2, … in order (undefined = an empty row), read from the file again on each call; `pass` receives what the .xlsx writer needs. */
  rows(pass?: XlsxPass): AsyncIterable<RowValues>;
  /** The rows in memory (.xlsx input). */
  grid?: Grid;
  /** Sheet name (.xlsx), or a name for the sheet when a CSV becomes an .xlsx. */
  sheetName: string;
  isCsv: boolean;
  where: string;
  method: string;
  csv?: DelimitedFormat;
  /** An .xlsx input: the workbook's parts, the chosen sheet, and how its cells are read. */
  xlsx?: { book: Book; sheet: SheetInfo; ctx: ReadContext; merges: Map<string, string[]> };
  /** The workbook's defined names (where the markers are); none for a CSV. */
  names: readonly NameModel[];
  /** CSV with mixed encodings: the cells (e.g. "B3") whose bytes were not UTF-8, replaced with U+FFFD. */
  badText?: string[];
  /**
   * A cell's number format (1-based row, 0-based column), for the percentage columns (decision A7:
   * a % format means the stored value is a fraction), for the rows of the current pass (.xlsx only:
   * a CSV has no formats).
   */
  numFmt?: (row: number, col: number) => string | undefined;
}

export interface Loaded extends Source {
  grid: Grid;
}

/** Rows of a workbook's first sheet looked at when choosing the data sheet (the header is among the first non-empty rows). */
const CHOOSE_SHEET_ROWS = 200;

function pickSheet(names: readonly string[], wanted: string | undefined, shown: string, fallback: () => string | undefined): string {
  if (wanted !== undefined) {
    const hit = names.find((n) => n === wanted) ?? names.find((n) => n.toLowerCase() === wanted.trim().toLowerCase());
    if (!hit) throw new CliError(`sheet "${wanted}" not found in ${shown}; its sheets are ${names.map((n) => `"${n}"`).join(", ") || "(none)"}`);
    return hit;
  }
  const name = fallback();
  if (name === undefined) throw new CliError(`cannot read ${shown}: it has no worksheets`);
  return name;
}

/** A sheet name for a CSV written as .xlsx: the file's name, within Excel's rules (31 characters, no []:*?/\). */
function sheetNameFor(file: string): string {
  const base = path.basename(file, path.extname(file)).replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").slice(0, 31);
  return base || "Data";
}

/** Opens the input: for a CSV, its format (the rows are streamed); for an .xlsx, the chosen sheet's rows in memory. */
async function open(o: ApplyOptions, inFormat: Format, outFormat: Format): Promise<Source> {
  const shown = o.input;
  if (inFormat.kind === "csv") {
    if (o.sheet !== undefined) throw new CliError(`--sheet applies to .xlsx input only; ${shown} is a CSV file`);
    const csv = await sniffDelimited(o.input, shown);
    const delim = csv.delimiter === "\t" ? "tab" : csv.delimiter === ";" ? "semicolon" : "comma";
    const method = `CSV, ${delim}-separated, ${csv.how ?? csv.encoding}${csv.bom ? " with a BOM" : ""}`;
    // Mixed encodings: the cells holding the bytes that were not UTF-8 (now U+FFFD), found on the first pass.
    const badText: string[] = [];
    let pass = 0;
    async function* csvRows(): AsyncGenerator<RowValues> {
      const first = pass++ === 0 && !!csv.invalid;
      let r = 0;
      for await (const record of delimitedRecords(o.input, shown, csv)) {
        r++;
        if (first) record.forEach((f, c) => f.includes("\ufffd") && badText.length < 100_000 && badText.push(`${columnLetter(c + 1)}${r}`));
        yield record;
      }
    }
    return { rows: csvRows, sheetName: sheetNameFor(o.input), isCsv: true, where: shown, method, csv, names: [], badText };
  }

  let buf: Buffer;
  try {
    // Checked before reading: the whole file is held in memory (docs/cli.md "Limits").
    const size = fs.statSync(o.input).size;
    if (size > ZIP_LIMITS.fileBytes) {
      throw new CliError(`${shown} is ${formatBytes(size)}, more than the ${formatBytes(ZIP_LIMITS.fileBytes)} an .xlsx may be here (a 1,048,576-row sheet is about 48 MB); the file is refused. Save the data sheet alone as CSV, which is streamed whatever its size.`);
    }
    buf = fs.readFileSync(o.input);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${shown}: ${describeError(e)}`);
  }
  const insp = await inspectXlsx(buf, shown);
  // The zip was readable, so a failure from here on is a damaged part.
  const damaged = (e: unknown) => new CliError(`cannot read ${shown}: the workbook is damaged or cannot be read (${describeError(e)})`);
  let book: Book;
  let ctx: ReadContext;
  try {
    book = await Book.open(buf, zipEntries(buf)!);
    ctx = await book.readContext();
  } catch (e) {
    throw damaged(e);
  }
  const worksheets = book.sheets.filter((w) => book.entry(w.part));
  const merges = insp.merges;
  const firstRows = async (w: SheetInfo) => {
    try {
      return await sheetGrid(book, w, ctx, merges.get(w.part) ?? [], CHOOSE_SHEET_ROWS);
    } catch (e) {
      throw damaged(e);
    }
  };
  const isToolSummary = async (w: SheetInfo) => cellText((await firstRows(w))[1]?.[0]) === SUMMARY_TITLE;
  // Without --sheet: the first visible sheet (not a Summary of ours) whose header row names an input
  // field, with the --col headers if possible, else by the synonyms alone.
  let chosen: SheetInfo | undefined;
  if (o.sheet === undefined) {
    const candidates: { w: SheetInfo; grid: Grid }[] = [];
    for (const w of worksheets) if (w.state === "visible" && !(await isToolSummary(w))) candidates.push({ w, grid: (await firstRows(w)) as Grid });
    const names = (c: { w: SheetInfo; grid: Grid }, cols: readonly string[]) => {
      try {
        return Object.keys(mapFields(findLayout(c.grid, c.w.name, cols), cols, c.w.name).columns).length > 0;
      } catch {
        return false;
      }
    };
    chosen = (candidates.find((c) => names(c, o.cols)) ?? candidates.find((c) => names(c, [])) ?? candidates[0])?.w;
    if (!chosen) for (const w of worksheets) if (!chosen && !(await isToolSummary(w))) chosen = w;
  }
  const sheetName = pickSheet(
    worksheets.map((w) => w.name),
    o.sheet,
    shown,
    () => (chosen ?? worksheets[0])?.name,
  );
  const sheet = worksheets.find((w) => w.name === sheetName)!;
  const method = outFormat.kind === "xlsx" ? "read and written part by part (keeps other sheets, formats, formulas, tables and charts)" : "read part by part";
  let current: XlsxPass | undefined;
  async function* xlsxRows(pass: XlsxPass = { parts: {}, formats: new Map() }): AsyncGenerator<RowValues> {
    current = pass;
    try {
      yield* sheetValues(book, sheet, ctx, merges.get(sheet.part) ?? [], pass);
    } catch (e) {
      if (e instanceof SheetXmlError) throw damaged(e);
      throw e;
    }
  }
  const numFmt = (row: number, col: number) => current?.formats.get(row)?.[col];
  return { rows: xlsxRows, sheetName, isCsv: false, where: `sheet "${sheetName}" of ${shown}`, method, xlsx: { book, sheet, ctx, merges }, names: book.names, numFmt };
}

/** Reads the input table into memory (used by `cohesion peers`): sheet choice and cell reading as for apply. */
export async function load(o: ApplyOptions, inFormat: Format, outFormat: Format): Promise<Loaded> {
  const src = await open(o, inFormat, outFormat);
  if (src.grid) return src as Loaded;
  const grid: Grid = [undefined];
  for await (const row of src.rows()) grid.push(row);
  return { ...src, grid };
}

// ---------------------------------------------------------------------------------------------
// Pass 1: where the table is, which columns hold which fields, and each percentage column's scale

interface Scan {
  layout: Layout;
  mapping: FieldMapping;
  scales: TableScales;
  /** Rows read (the last row of the sheet or file, empty rows included). */
  rows: number;
  /** The earlier block named by the workbook marker (a defined name the task pane writes too), if any. */
  marked: MarkedBlock | null;
  /** The marked block's columns whose cells changed since it was written (1-based). */
  changed: Set<number>;
}

async function scan(src: Source, o: ApplyOptions): Promise<Scan> {
  let mapping: FieldMapping | null = null;
  let fields: [Field, number][] = [];
  let scales: TableScales = scanColumnScales({}, { scale: o.scale });
  let chunk: Record<string, unknown[]> = {};
  let chunkFormats: Partial<Record<PercentField, unknown[]>> = {};
  let headers: Partial<Record<PercentField, string>> = {};
  let pending = 0;
  const pctFields = () => fields.filter(([f]) => PERCENT_FIELDS.includes(f as PercentField)) as [PercentField, number][];
  const flush = () => {
    if (pending) scales = scanColumnScales(chunk as Columns, { scale: o.scale, headers, formats: src.numFmt ? chunkFormats : undefined }, scales);
    chunk = Object.fromEntries(fields.map(([f]) => [f, []]));
    chunkFormats = Object.fromEntries(pctFields().map(([f]) => [f, []]));
    pending = 0;
  };
  let marked: MarkedBlock | null = null;
  let changes: ReturnType<typeof blockChanges> | null = null;
  const scanner = new LayoutScanner(src.where, {
    cols: o.cols,
    onHeader: (h) => {
      // The earlier block: the one the workbook marker names (whichever tool wrote it), else the one its headers show.
      marked = src.names.length ? findMarkedBlock(src.names, src.sheetName, h.headerRow, h.headers) : null;
      changes = marked ? blockChanges(marked, h.headerRow) : null;
      mapping = mapFields(h.partial, o.cols, src.where);
      fields = Object.entries(mapping.columns) as [Field, number][];
      headers = Object.fromEntries(pctFields().map(([f, c]) => [f, cellText(h.headers[c]).trim()]));
      if (fields.length === 0) {
        const ties = describeMapping(h.partial, mapping).filter((f) => f.tie).map((f) => `; ${f.field} ${describeMatch(f)}`).join("");
        throw new CliError(
          `no input columns recognised in header row ${h.headerRow} of ${src.where} (headers ${listHeaders(h.headers)})${ties}; name them with --col FIELD=HEADER (see cohesion apply --help)`,
        );
      }
      flush();
    },
    onData: (r, row) => {
      changes?.row(r, row);
      for (const [f, c] of fields) chunk[f].push(engineValue(row?.[c]));
      if (src.numFmt) for (const [f, c] of pctFields()) chunkFormats[f]!.push(src.numFmt(r, c));
      if (++pending === EVALUATE_CHUNK_ROWS) flush();
    },
  });
  for await (const row of src.rows()) scanner.push(row);
  // Only the tools whose inputs were found: a score alone gets the ABG columns, proxies alone the family columns.
  const wanted = headersFor(groupsFor(Object.keys(mapping ? (mapping as FieldMapping).columns : {}) as Field[]));
  const found = marked as MarkedBlock | null;
  const layout = found ? scanner.finish(wanted, { columns: found.columns, headers: found.headers }) : scanner.finish(wanted);
  flush();
  const changed = (changes as ReturnType<typeof blockChanges> | null)?.changed() ?? new Set<number>();
  return { layout, mapping: mapping!, scales, rows: scanner.rows, marked: found, changed };
}

// ---------------------------------------------------------------------------------------------
// Pass 2: every row again, data rows with their results (evaluated a chunk at a time)

interface OutRow {
  r: number;
  values: RowValues;
  /** The output cells of a data row, in `layout.outputHeaders` order (null = empty); null for other rows. */
  out: OutputCell[] | null;
  /** All seven output cells of a data row (OUTPUT_HEADERS order): what an earlier block's column would hold now. */
  all?: OutputCell[];
}

async function* withResults(rows: AsyncIterable<RowValues>, s: Scan, o: ApplyOptions, tally: SummaryTally, seen: { rows: number }, src: Source): AsyncGenerator<OutRow> {
  const { layout, mapping, scales } = s;
  const fields = Object.entries(mapping.columns) as [Field, number][];
  const options = { scale: o.scale, basis: o.basis, tableScales: scales };
  const pctFields = fields.filter(([f]) => PERCENT_FIELDS.includes(f as PercentField)) as [PercentField, number][];
  let buffer: { r: number; values: RowValues }[] = [];
  const evaluate = () => {
    const columns: Record<string, unknown[]> = {};
    for (const [f, c] of fields) columns[f] = buffer.map((b) => engineValue(b.values?.[c]));
    const numFmt = src.numFmt;
    const formats = numFmt ? Object.fromEntries(pctFields.map(([f, c]) => [f, buffer.map((b) => numFmt(b.r, c))])) : undefined;
    const results = evaluateColumns(columns as Columns, buffer.length, { ...options, formats });
    addToSummary(tally, results, buffer[0].r - layout.headerRow - 1);
    const done = buffer.map((b, i): OutRow => ({ r: b.r, values: b.values, out: cellsFor(results[i], layout.outputHeaders).map((c) => (c === "" ? null : c)), all: rowCells(results[i]) }));
    buffer = [];
    return done;
  };
  let r = 0;
  for await (const values of rows) {
    r++;
    if (r <= layout.headerRow || r > layout.lastRow) {
      yield { r, values, out: null };
      continue;
    }
    buffer.push({ r, values });
    if (buffer.length === EVALUATE_CHUNK_ROWS || r === layout.lastRow) yield* evaluate();
  }
  seen.rows = r;
  if (buffer.length) yield* evaluate(); // only if the input lost rows since the first pass (then refused below)
}

// ---------------------------------------------------------------------------------------------
// Writing

function csvText(v: OutputCell): string {
  return v === null ? "" : String(v);
}

/** Writes text to a file chunk by chunk, waiting when the disk is behind (memory stays flat). */
async function writeStreamed(file: string, produce: (write: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  await writeToTemp(file, async (ws) => {
    const write = async (text: string) => {
      if (ws.errored || ws.destroyed) throw ws.errored ?? new Error("the output stream was closed");
      if (!ws.write(text)) await once(ws, "drain"); // rejects on an error (disk full …)
    };
    await produce(write);
  });
}

/** Returns how many text cells were neutralised (a leading ' added: they would have been read as formulas). */
async function writeCsv(temp: string, src: Source, layout: Layout, rows: AsyncIterable<OutRow>, outFormat: Format, typed: Typed, formulas: CsvFormulas): Promise<number> {
  // A workbook's earlier block (by its marker): values the user typed there are kept in the CSV too, unless --force.
  let current: RowValues;
  const isTyped = typedCheck(layout, typed, (_r, c) => current?.[c - 1]);
  const delimiter: Delimiter = src.csv ? src.csv.delimiter : outFormat.kind === "csv" && outFormat.delimiter ? outFormat.delimiter : ",";
  const eol = src.csv?.eol ?? "\n";
  // Always a UTF-8 byte-order mark: without it Excel reads UTF-8 as the system's code page ("Zoë" → "ZoÃ«", "0–100" → "0â€“100").
  let bom = true;
  // Formula injection (OWASP, "CSV Injection"): text that would become a live formula when the CSV is opened gets a leading '.
  let neutralised = 0;
  const cellText = (v: unknown): string => {
    if (formulas === "keep") return cellTextOf(v);
    const { text, changed } = csvSafe(v);
    if (changed) neutralised++;
    return text;
  };
  const csvText = (v: OutputCell): string => cellText(v);
  const width = Math.max(layout.lastCol, ...layout.outputCols);
  const outputIdx = layout.outputCols.map((c) => c - 1);
  const outputSet = new Set(outputIdx);
  const clearSet = new Set(layout.clearCols.map((c) => c - 1));
  await writeStreamed(temp, async (write) => {
    let lines: string[][] = [];
    const flush = async () => {
      if (!lines.length) return;
      await write(writeDelimited(lines, { delimiter, eol, bom }));
      bom = false;
      lines = [];
    };
    for await (const { r, values, out, all } of rows) {
      current = values;
      const row = values ?? [];
      if (r < layout.headerRow) {
        lines.push(Array.from({ length: row.length }, (_, c) => cellText(row[c])));
      } else {
        const fields = new Array<string>(width);
        for (let c = 0; c < width; c++) fields[c] = (r > layout.headerRow && outputSet.has(c)) || (clearSet.has(c) && !isTyped(r, c + 1, all)) ? "" : cellText(row[c]);
        if (r === layout.headerRow) outputIdx.forEach((c, k) => (fields[c] = layout.outputHeaders[k]));
        else if (out) outputIdx.forEach((c, k) => (fields[c] = isTyped(r, c + 1, all) ? cellText(row[c]) : csvText(out[k])));
        lines.push(fields);
      }
      if (lines.length >= EVALUATE_CHUNK_ROWS) await flush();
    }
    await flush();
  });
  return neutralised;
}

const NEW_COLUMN_WIDTHS: Record<OutputHeader, number> = {
  "Family type": 12,
  "Family type name": 44,
  "Family group": 13,
  "ABG band": 10,
  "ABG allocation": 15,
  "ABG band range": 26,
  Notes: 60,
};

/** What a run does with values the user typed inside an earlier block's columns: kept (named in a warning), or replaced with --force. */
interface Typed {
  marked: MarkedBlock | null;
  force: boolean;
  /** The marked block's columns that changed since it was written (scan). */
  changed: Set<number>;
  /** Cells kept (or, with --force, replaced), e.g. "J5". */
  cells: string[];
}

/** Running fingerprints of the block's columns as this run writes them (header, then each data row), for the marker. */
function blockPrints(headers: readonly string[]): { add: (out: readonly OutputCell[]) => void; digests: () => string[] } {
  const fps = headers.map((h) => new Fingerprint().add(h));
  return { add: (out) => fps.forEach((f, k) => f.add(out[k])), digests: () => fps.map((f) => f.digest()) };
}

/**
 * Whether the cell at (row, column), 1-based, of an earlier block holds a value the user typed (`cell`
 * reads the row being written): in a column whose marker fingerprint changed, a non-empty cell other than what the toolkit writes there
 * now (the engine's rule). Each such cell is recorded; it is kept (true) unless --force.
 */
function typedCheck(layout: Layout, typed: Typed, cell: (r: number, c: number) => unknown): (r: number, col: number, all: readonly OutputCell[] | undefined) => boolean {
  const marked = typed.marked;
  if (!marked) return () => false;
  const changed = typed.changed;
  return (r, col, all) => {
    if (!changed.has(col) || r <= layout.headerRow || r > layout.headerRow + marked.marker.rows) return false;
    const h = marked.headers[col - marked.columns[0]];
    if (!typedByUser(cell(r, col), all ? all[OUTPUT_HEADERS.indexOf(h)] : null)) return false;
    typed.cells.push(`${columnLetter(col)}${r}`);
    return !typed.force;
  };
}

async function writeXlsxPatched(temp: string, src: Source, s: Scan, o: ApplyOptions, tally: SummaryTally, seen: { rows: number }, summary: () => SummaryCell[][], typed: Typed, tableNotes: string[]): Promise<string> {
  const { book, sheet, ctx, merges } = src.xlsx!;
  const pass: XlsxPass = { tokens: new Map(), parts: {}, formats: new Map() };
  const rows = faultRows(withResults(src.rows(pass), s, o, tally, seen, src)); // faultRows: a test seam (faults.ts), a pass-through otherwise
  let current: RowValues;
  const check = typedCheck(s.layout, typed, (_r, c) => current?.[c - 1]);
  const prints = blockPrints(s.layout.outputHeaders);
  let name = "Summary";
  await writeToTemp(temp, async (stream) => {
    name = await writePatched(stream, {
      book,
      ctx,
      sheet,
      merges,
      layout: s.layout,
      pass,
      rows,
      isTyped: (r, col, all, values) => ((current = values), check(r, col, all)),
      print: prints.add,
      digests: prints.digests,
      marked: typed.marked,
      summary,
      widths: NEW_COLUMN_WIDTHS,
      tableNotes,
      where: src.where,
    });
  });
  return name;
}

/** A CSV written as a new workbook, row by row (xlsx/newBook.ts). */
async function writeXlsxNew(temp: string, src: Source, layout: Layout, rows: AsyncIterable<OutRow>, summary: () => SummaryCell[][], warn: (line: string) => void): Promise<string> {
  const outputIdx = new Set(layout.outputCols.map((c) => c - 1));
  const clearIdx = new Set(layout.clearCols.map((c) => c - 1));
  const prints = blockPrints(layout.outputHeaders);
  const long = { count: 0, first: "" };
  async function* cells(): AsyncGenerator<NewRow> {
    for await (const { r, values, out } of rows) {
      if (!values && !out) continue;
      const row: (OutputCell | boolean | undefined)[] = [];
      if (values) {
        for (let c = 0; c < values.length; c++) {
          if ((r > layout.headerRow && outputIdx.has(c)) || (r >= layout.headerRow && clearIdx.has(c))) continue;
          const v = csvFieldToCell(values[c] as string);
          if (typeof v === "string" && v.length > XLSX_MAX_CELL_CHARS && !long.count++) long.first = `${columnLetter(c + 1)}${r}`;
          row[c] = v;
        }
      }
      if (r === layout.headerRow) layout.outputCols.forEach((col, k) => (row[col - 1] = layout.outputHeaders[k]));
      else if (out) {
        prints.add(out);
        out.forEach((v, k) => (row[layout.outputCols[k] - 1] = v));
      }
      yield { r, cells: row };
    }
  }
  let name = "Summary";
  for (let n = 2; name.toLowerCase() === src.sheetName.toLowerCase(); n++) name = `Summary (${n})`;
  const widths = new Map(layout.outputCols.map((c, k) => [c, NEW_COLUMN_WIDTHS[layout.outputHeaders[k]]] as const));
  await writeToTemp(temp, async (stream) => {
    await writeNewBook(stream, {
      sheetName: src.sheetName,
      rows: cells(),
      widths,
      summaryName: name,
      summary,
      names: (sheetRows) => {
        // The markers (defined names), so the task pane, or a later run, knows the block and the summary.
        const holder = { definedNames: { model: [] as NameModel[] } };
        writeBlockMarker(holder as never, src.sheetName, layout.headerRow, layout.outputCols, layout.lastRow - layout.headerRow, prints.digests(), null);
        writeSummaryMarker(holder as never, name, sheetRows);
        return holder.definedNames.model.map((n) => ({ name: n.name, ref: n.ranges[0] }));
      },
    });
  });
  if (long.count) {
    const [which, verb, them] = long.count === 1 ? [`cell ${long.first}`, "holds", "it"] : [`${long.count.toLocaleString("en-GB")} cells (the first is ${long.first})`, "hold", "them"];
    warn(`${which} ${verb} more than ${XLSX_MAX_CELL_CHARS.toLocaleString("en-GB")} characters, Excel's limit for a cell: Excel will cut ${them} short when it opens the output (write a .csv output to keep ${them} whole)`);
  }
  return name;
}

// ---------------------------------------------------------------------------------------------
// The command

/** Runs `cohesion apply`; returns the exit code. `print` receives stdout text. */
export async function runApply(o: ApplyOptions, print: (text: string) => void, warn: (line: string) => void): Promise<number> {
  const inFormat = formatOf(o.input, "input");
  const outFormat = formatOf(o.out, "output");
  const before = checkPaths(o.input, o.out);
  const src = await open(o, inFormat, outFormat);

  const s = await scan(src, o);
  if (src.badText && src.csv?.invalid) {
    const n = src.csv.invalid;
    warn(
      `${o.input} is UTF-8 but holds ${n.toLocaleString("en-GB")} byte sequence${n === 1 ? "" : "s"} that ${n === 1 ? "is" : "are"} not (mixed encodings), in ${src.badText.length === 1 ? "cell" : "cells"} ${listCells(src.badText)}: read as UTF-8, ${n === 1 ? "it was" : "they were"} replaced with \ufffd; the rest of the text is as written. Fix ${src.badText.length === 1 ? "that cell" : "those cells"} and save the file as "CSV UTF-8"`,
    );
  } else if (src.csv && !src.csv.encoding.startsWith("utf-")) {
    warn(`${o.input} is not UTF-8: read as ${src.csv.how}; if its accented letters look wrong in the output, save it as "CSV UTF-8" and run again`);
  }
  const { layout, mapping } = s;
  const fields = describeMapping(layout, mapping);
  const rowCount = layout.lastRow - layout.headerRow;
  if (outFormat.kind === "xlsx") {
    if (s.rows > XLSX_MAX_ROWS) {
      throw new CliError(`${src.where} has ${s.rows.toLocaleString("en-GB")} rows; an .xlsx sheet holds at most ${XLSX_MAX_ROWS.toLocaleString("en-GB")}: write a .csv output instead`);
    }
    const width = Math.max(layout.lastCol, ...layout.outputCols);
    if (width > XLSX_MAX_COLUMNS) throw new CliError(`the output would need ${width.toLocaleString("en-GB")} columns; an .xlsx sheet holds at most ${XLSX_MAX_COLUMNS.toLocaleString("en-GB")}: write a .csv output instead`);
  }
  const rowLabel = (i: number) => layout.headerRow + 1 + i;
  const info: RunInfo = {
    input: path.basename(o.input),
    sheet: src.isCsv ? null : src.sheetName,
    headerRow: layout.headerRow,
    fields,
    scale: o.scale,
    scales: describeScales(s.scales),
    basis: o.basis,
    version: o.version,
  };
  const tally = startSummary();
  const groups = groupsFor(Object.keys(mapping.columns) as Field[]);
  const parts = { abg: groups.includes("grantBands"), types: groups.includes("familyGroups") };
  const summary = () => {
    failIf("summary"); // a test seam (faults.ts)
    return summarySheetRows(finishSummary(tally), rowLabel, info, parts);
  };

  let summarySheet: string | null = null;
  const tableNotes: string[] = [];
  let neutralised = 0;
  const seen = { rows: 0 };
  const typed: Typed = { marked: s.marked, changed: s.changed, force: !!o.force, cells: [] };
  await writeAtomically(path.resolve(o.out), o.out, async (temp) => {
    const rows = () => faultRows(withResults(src.rows(), s, o, tally, seen, src)); // faultRows: a test seam (faults.ts), a pass-through otherwise
    if (outFormat.kind === "csv") neutralised = await writeCsv(temp, src, layout, rows(), outFormat, typed, o.csvFormulas ?? "neutralise");
    else if (src.xlsx) summarySheet = await writeXlsxPatched(temp, src, s, o, tally, seen, () => summary().sheet, typed, tableNotes);
    else summarySheet = await writeXlsxNew(temp, src, layout, rows(), () => summary().sheet, warn);
    // A CSV is read twice (streamed): refuse to finish if it changed in between (another program writing it). An .xlsx is read into memory once.
    let after: fs.Stats | null = null;
    try {
      after = fs.statSync(o.input);
    } catch {
      // gone: reported below
    }
    if (src.isCsv && (seen.rows !== s.rows || !after || after.size !== before.size || after.mtimeMs !== before.mtimeMs)) {
      throw new CliError(`${o.input} changed while it was being read (another program writing it?); nothing was written: run again when it is complete`);
    }
  });
  const { table } = summary();

  const first = layout.outputCols[0];
  const contiguous = layout.outputCols.every((c, k) => c === first + k);
  const where = contiguous ? `columns ${columnLetter(first)}–${columnLetter(first + layout.outputHeaders.length - 1)}` : `columns ${layout.outputCols.map(columnLetter).join(", ")}`;
  const reused = layout.reused.filter(Boolean).length;
  const lines: string[] = [];
  lines.push(`cohesion apply: ${o.input} → ${o.out}`);
  lines.push(`Read ${src.where}: ${src.method}.`);
  lines.push(
    rowCount
      ? `Header row ${layout.headerRow}; ${rowCount.toLocaleString("en-GB")} data row${rowCount === 1 ? "" : "s"} (rows ${layout.headerRow + 1}–${layout.lastRow}).`
      : `Header row ${layout.headerRow}; no data rows.`,
  );
  lines.push("Fields:");
  const w = Math.max(...fields.map((f) => f.field.length));
  for (const f of fields) {
    const others = f.others.length ? `; column${f.others.length === 1 ? "" : "s"} ${f.others.join(", ")} ${f.others.length === 1 ? "is" : "are"} headed alike and not used` : "";
    const match = describeMatch(f); // the runner-up, a tie, or a nearest miss (the engine's header rule)
    const score = f.score !== null && f.score < 100 ? `, score ${f.score}` : "";
    lines.push(
      f.column === null
        ? `  ${f.field.padEnd(w)}   ${match}`
        : `  ${f.field.padEnd(w)} ← "${f.header}" (column ${f.column}${score})${f.explicit ? " [--col]" : ""}${others}${match ? `; ${match}` : ""}`,
    );
    if (f.tie) warn(`${f.field} ${match}`);
    if (f.others.length) warn(`${[f.column, ...f.others].map((c) => `column ${c}`).join(" and ")} are all headed like ${f.field}; the first, column ${f.column}, is used`);
  }
  if (layout.lookalikes.length) {
    const cols = layout.lookalikes.map((c) => `${columnLetter(c)} ("${layout.headers[c - 1]}")`).join(", ");
    warn(
      `column${layout.lookalikes.length === 1 ? "" : "s"} ${cols} ${layout.lookalikes.length === 1 ? "is" : "are"} headed like a result column but ${layout.lookalikes.length === 1 ? "is" : "are"} not part of an earlier run's block; left as ${layout.lookalikes.length === 1 ? "it is" : "they are"}, and the results were added in ${where}`,
    );
  }
  if (typed.cells.length) {
    const n = typed.cells.length;
    const which = `${n === 1 ? "cell" : `${n.toLocaleString("en-GB")} cells`} ${listCells(typed.cells)} in the toolkit's columns ${n === 1 ? "holds a value" : "hold values"} typed since the last run`;
    warn(typed.force ? `${which}; replaced (--force)` : `${which}; kept as ${n === 1 ? "it is" : "they are"} (run with --force to replace ${n === 1 ? "it" : "them"})`);
  }
  lines.push(`Results in ${where}${reused ? ` (${reused} reused from an earlier run)` : ""}${summarySheet ? `; summary in sheet "${summarySheet}"` : ""}.`);
  lines.push(...tableNotes);
  lines.push(`Scale ${o.scale}, basis ${o.basis}.`);
  if (neutralised) {
    lines.push(
      `${neutralised.toLocaleString("en-GB")} text cell${neutralised === 1 ? "" : "s"} starting with =, +, -, @, a tab or a carriage return ${neutralised === 1 ? "was" : "were"} written with a leading ' so that Excel and LibreOffice read ${neutralised === 1 ? "it" : "them"} as text, not as a formula (--csv-formulas keep writes them as they are).`,
    );
  }
  // Decision A7: each percentage column's scale and why; a guessed scale also goes to stderr.
  const scaleLines = info.scales ?? [];
  if (scaleLines.length) lines.push("Percentages:", ...scaleLines.map((l) => `  ${l}`));
  const guessed = ambiguousScaleWarning(s.scales);
  if (guessed) warn(guessed.replace('set the scale to "percent"', "run with --scale percent"));
  lines.push("");
  lines.push(renderRows(table));
  print(lines.join("\n") + "\n");
  return 0;
}
