/** `cohesion apply`: opening the input (a CSV streamed, an .xlsx part by part), and choosing its sheet. */
import type { ApplyOptions, Format } from "./options";
import * as fs from "fs";
import * as path from "path";
import { cellText } from "../cells";
import { delimitedRecords, sniffDelimited, type DelimitedFormat } from "../delimited";
import { CliError, describeError } from "../errors";
import { ZIP_LIMITS, formatBytes } from "../zipLimits";
import { columnLetter } from "../../engine";
import { findLayout, mapFields, type Grid } from "../layout";
import { SUMMARY_TITLE } from "../summary";
import { inspectXlsx } from "../xlsxInspect";
import { Book, type NameModel, type SheetInfo } from "../xlsx/book";
import type { ReadContext } from "../xlsx/cellValues";
import { sheetGrid, sheetValues, type XlsxPass } from "../xlsx/read";
import { SheetXmlError } from "../xlsx/sheetXml";
import { zipEntries } from "../zip";

export type RowValues = readonly unknown[] | undefined;

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
export async function open(o: ApplyOptions, inFormat: Format, outFormat: Format): Promise<Source> {
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
