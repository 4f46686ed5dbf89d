/**
 * `cohesion apply`: reads a table (.xlsx or .csv), evaluates every row with the engine, and writes
 * the same table with the output columns, plus a summary (a Summary sheet in .xlsx, and stdout).
 *
 * How workbooks are read and written (measured with `npm run bench`, bench/cli.bench.js):
 * - CSV input: parsed in memory with csv-parse (a CSV of England's 32,844 LSOAs is a few MB).
 * - .xlsx input that is "plain" — one sheet of values only, no formulas, styles, merged cells,
 *   validation, widths, names or drawings (see xlsxInspect.ts) — is read with ExcelJS's streaming
 *   WorkbookReader; nothing is lost, because there is nothing but values to keep.
 * - Any other .xlsx is loaded as a whole ExcelJS Workbook and written back with the results added,
 *   which keeps the other sheets, formats, formulas (with their cached results), merged cells,
 *   validation and widths. The streaming reader/writer cannot keep those, so it is never used for them.
 * - .xlsx output from CSV or from a plain workbook is written with the streaming WorkbookWriter.
 * Setting COHESION_XLSX_MODE=full forces the whole-workbook path (for comparison in the benchmark).
 */
import * as fs from "fs";
import * as path from "path";
import type * as ExcelJS from "exceljs";
import { evaluateColumns, OUTPUT_HEADERS, rowCells, type Basis, type OutputCell, type RowResult, type Scale } from "../engine";
import { writeAtomically } from "./atomic";
import { cellText, csvFieldToCell } from "./cells";
import { readDelimited, writeDelimited, type Delimiter, type DelimitedTable } from "./delimited";
import { CliError, describeError } from "./errors";
import { columnLetter, describeMapping, findLayout, inputColumns, listHeaders, mapFields, type Grid, type Layout } from "./layout";
import { renderRows, SUMMARY_TITLE, summarySheetRows, type RunInfo, type SummaryCell } from "./summary";
import { inspectXlsx } from "./xlsxInspect";

// ExcelJS takes ~0.3 s to load: it is loaded only when a workbook is read or written.
let excelModule: typeof ExcelJS | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = (): typeof ExcelJS => (excelModule ??= require("exceljs") as typeof ExcelJS);

export interface ApplyOptions {
  input: string;
  out: string;
  sheet?: string;
  cols: readonly string[];
  scale: Scale;
  basis: Basis;
  version: string;
}

export type Format = { kind: "xlsx" } | { kind: "csv"; delimiter?: Delimiter };

export function formatOf(file: string, role: "input" | "output"): Format {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx") return { kind: "xlsx" };
  if (ext === ".csv" || ext === ".txt") return { kind: "csv" };
  if (ext === ".tsv" || ext === ".tab") return { kind: "csv", delimiter: "\t" };
  throw new CliError(`${role} ${file}: use an .xlsx or .csv file (got "${ext || "no extension"}")`);
}

/** Refuses a missing input, a missing output folder, and an output that is the input (symlinks and hard links included). */
function checkPaths(input: string, out: string): void {
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
}

export interface Loaded {
  grid: Grid;
  /** Sheet name (.xlsx), or a name for the sheet when a CSV becomes an .xlsx. */
  sheetName: string;
  isCsv: boolean;
  where: string;
  method: string;
  csv?: Pick<DelimitedTable, "delimiter" | "bom" | "eol">;
  workbook?: ExcelJS.Workbook;
  worksheet?: ExcelJS.Worksheet;
  lost: string[];
}

function isToolSummary(ws: ExcelJS.Worksheet): boolean {
  return cellText(ws.findCell(1, 1)?.value) === SUMMARY_TITLE;
}

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

/** Reads the input table (also used by `cohesion peers`): sheet choice and cell reading as for apply. */
export async function load(o: ApplyOptions, inFormat: Format, outFormat: Format): Promise<Loaded> {
  const shown = o.input;
  let buf: Buffer;
  try {
    buf = fs.readFileSync(o.input);
  } catch (e) {
    throw new CliError(`cannot read ${shown}: ${describeError(e)}`);
  }
  if (inFormat.kind === "csv") {
    if (o.sheet !== undefined) throw new CliError(`--sheet applies to .xlsx input only; ${shown} is a CSV file`);
    const { rows, delimiter, bom, encoding, eol } = readDelimited(buf, shown);
    const grid: Grid = new Array(rows.length + 1);
    for (let i = 0; i < rows.length; i++) grid[i + 1] = rows[i];
    const delim = delimiter === "\t" ? "tab" : delimiter === ";" ? "semicolon" : "comma";
    const method = `CSV, ${delim}-separated, ${encoding}${bom ? " with a BOM" : ""}`;
    return { grid, sheetName: sheetNameFor(o.input), isCsv: true, where: shown, method, csv: { delimiter, bom, eol }, lost: [] };
  }

  const insp = inspectXlsx(buf, shown);
  const forceFull = process.env.COHESION_XLSX_MODE === "full";
  if (insp.plain && !forceFull) {
    const sheetName = pickSheet(insp.sheetNames, o.sheet, shown, () => insp.sheetNames[0]);
    const grid: Grid = [];
    try {
      const reader = new (excel().stream.xlsx.WorkbookReader)(o.input, {
        worksheets: "emit",
        sharedStrings: "cache",
        hyperlinks: "ignore",
        styles: "ignore",
        entries: "ignore",
      });
      for await (const ws of reader) {
        for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
          grid[row.number] = (row.values as unknown[]).slice(1);
        }
        break; // a plain workbook has one sheet
      }
    } catch (e) {
      throw new CliError(`cannot read ${shown}: the file is encrypted or not an .xlsx workbook (${describeError(e)})`);
    }
    const stream = outFormat.kind === "xlsx" ? "read and written with ExcelJS streaming" : "read with ExcelJS streaming";
    return { grid, sheetName, isCsv: false, where: `sheet "${sheetName}" of ${shown}`, method: `a single sheet of plain values, ${stream}`, lost: [] };
  }

  const workbook = new (excel().Workbook)();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new CliError(`cannot read ${shown}: the file is encrypted or not an .xlsx workbook (${describeError(e)})`);
  }
  const sheets = workbook.worksheets;
  const gridOf = (ws: ExcelJS.Worksheet): Grid => {
    const grid: Grid = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      grid[n] = (row.values as unknown[]).slice(1);
    });
    return grid;
  };
  // Without --sheet: the first visible sheet (not a Summary of ours) whose header row names an input
  // field, with the --col headers if possible, else by the synonyms alone.
  let chosen: { ws: ExcelJS.Worksheet; grid: Grid } | undefined;
  if (o.sheet === undefined) {
    const grids = new Map<ExcelJS.Worksheet, Grid>();
    const gridFor = (ws: ExcelJS.Worksheet) => grids.get(ws) ?? grids.set(ws, gridOf(ws)).get(ws)!;
    const candidates = sheets.filter((w) => w.state === "visible" && !isToolSummary(w));
    const names = (ws: ExcelJS.Worksheet, cols: readonly string[]) => {
      try {
        return Object.keys(mapFields(findLayout(gridFor(ws), ws.name), cols, ws.name).columns).length > 0;
      } catch {
        return false;
      }
    };
    const ws = candidates.find((w) => names(w, o.cols)) ?? candidates.find((w) => names(w, []));
    if (ws) chosen = { ws, grid: gridFor(ws) };
  }
  const sheetName = pickSheet(
    sheets.map((w) => w.name),
    o.sheet,
    shown,
    () => (chosen?.ws ?? sheets.find((w) => w.state === "visible" && !isToolSummary(w)) ?? sheets.find((w) => !isToolSummary(w)) ?? sheets[0])?.name,
  );
  const worksheet = workbook.getWorksheet(sheetName)!;
  const grid = chosen?.ws === worksheet ? chosen.grid : gridOf(worksheet);
  const method = outFormat.kind === "xlsx" ? "whole workbook (keeps other sheets, formats and formulas)" : "whole workbook";
  return { grid, sheetName, isCsv: false, where: `sheet "${sheetName}" of ${shown}`, method, workbook, worksheet, lost: insp.lost };
}

/** The output cell values of each data row, as the engine gives them (family group "" = none → empty cell). */
function outputRows(results: readonly RowResult[]): OutputCell[][] {
  return results.map((r) => rowCells(r).map((c) => (c === "" ? null : c)));
}

function csvText(v: OutputCell): string {
  return v === null ? "" : String(v);
}

async function writeCsv(temp: string, src: Loaded, layout: Layout, cells: OutputCell[][], outFormat: Format): Promise<void> {
  const delimiter: Delimiter = src.csv ? src.csv.delimiter : outFormat.kind === "csv" && outFormat.delimiter ? outFormat.delimiter : ",";
  const width = Math.max(layout.lastCol, ...layout.outputCols);
  const outputIdx = layout.outputCols.map((c) => c - 1);
  const outputSet = new Set(outputIdx);
  const lines: string[][] = [];
  for (let r = 1; r < src.grid.length; r++) {
    const row = src.grid[r] ?? [];
    if (r < layout.headerRow) {
      lines.push(Array.from({ length: row.length }, (_, c) => cellText(row[c])));
      continue;
    }
    const fields = new Array<string>(width);
    for (let c = 0; c < width; c++) fields[c] = r > layout.headerRow && outputSet.has(c) ? "" : cellText(row[c]);
    if (r === layout.headerRow) outputIdx.forEach((c, k) => (fields[c] = OUTPUT_HEADERS[k]));
    else if (r <= layout.lastRow) {
      const out = cells[r - layout.headerRow - 1];
      outputIdx.forEach((c, k) => (fields[c] = csvText(out[k])));
    }
    lines.push(fields);
  }
  const text = writeDelimited(lines, { delimiter, eol: src.csv?.eol ?? "\n", bom: src.csv?.bom ?? false });
  fs.writeFileSync(temp, text, "utf8");
}

const NEW_COLUMN_WIDTHS = [12, 44, 13, 10, 15, 15, 60];

function addSummarySheet(wb: ExcelJS.Workbook, rows: readonly (readonly SummaryCell[])[], name: string, styled: boolean): void {
  const ws = wb.addWorksheet(name);
  for (const r of rows) {
    const row = ws.addRow([...r]);
    if (styled) {
      row.eachCell((cell) => {
        if (typeof cell.value === "number" && Number.isInteger(cell.value) && Math.abs(cell.value) >= 1000) cell.numFmt = "#,##0";
      });
    }
    row.commit();
  }
  if (styled) {
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    [48, 34, 20, 18, 26, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
}

/** "Summary", or "Summary (2)" … : never a sheet of the user's; a Summary sheet written by this tool is replaced. */
function summaryName(wb: ExcelJS.Workbook, dataSheet: ExcelJS.Worksheet | null): { name: string; replace?: ExcelJS.Worksheet } {
  for (let n = 1; ; n++) {
    const name = n === 1 ? "Summary" : `Summary (${n})`;
    const existing = wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (!existing) return { name };
    if (existing !== dataSheet && isToolSummary(existing)) return { name, replace: existing };
  }
}

async function writeXlsxFull(temp: string, src: Loaded, layout: Layout, cells: OutputCell[][], summary: SummaryCell[][]): Promise<string> {
  const wb = src.workbook!;
  const ws = src.worksheet!;
  const header = ws.getRow(layout.headerRow);
  const neighbour = layout.lastCol > 0 ? ws.findCell(layout.headerRow, layout.lastCol) : undefined;
  layout.outputCols.forEach((col, k) => {
    const cell = header.getCell(col);
    cell.value = OUTPUT_HEADERS[k];
    if (!layout.reused[k]) {
      if (neighbour?.style) cell.style = { ...neighbour.style };
      const column = ws.getColumn(col);
      if (!column.width) column.width = NEW_COLUMN_WIDTHS[k];
    }
  });
  for (let i = 0; i < cells.length; i++) {
    const row = ws.getRow(layout.headerRow + 1 + i);
    const out = cells[i];
    for (let k = 0; k < out.length; k++) {
      row.getCell(layout.outputCols[k]).value = out[k];
    }
  }
  // An earlier run may have left results below the current data.
  for (let r = layout.lastRow + 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (row) for (const col of layout.outputCols) if (row.findCell(col)) row.getCell(col).value = null;
  }
  const { name, replace } = summaryName(wb, ws);
  if (replace) wb.removeWorksheet(replace.id);
  addSummarySheet(wb, summary, name, true);
  await wb.xlsx.writeFile(temp);
  return name;
}

async function writeXlsxStream(temp: string, src: Loaded, layout: Layout, cells: OutputCell[][], summary: SummaryCell[][]): Promise<string> {
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ filename: temp, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet(src.sheetName);
  const outputIdx = new Set(layout.outputCols.map((c) => c - 1));
  const last = Math.max(src.grid.length - 1, layout.lastRow);
  for (let r = 1; r <= last; r++) {
    const values = src.grid[r];
    const isData = r > layout.headerRow && r <= layout.lastRow;
    if (!values && !isData) continue;
    const row = ws.getRow(r);
    if (values) {
      for (let c = 0; c < values.length; c++) {
        if (r > layout.headerRow && outputIdx.has(c)) continue;
        const v = src.isCsv ? csvFieldToCell(values[c] as string) : values[c];
        if (v !== null && v !== undefined) row.getCell(c + 1).value = v as ExcelJS.CellValue;
      }
    }
    if (r === layout.headerRow) layout.outputCols.forEach((col, k) => (row.getCell(col).value = OUTPUT_HEADERS[k]));
    else if (isData) {
      const out = cells[r - layout.headerRow - 1];
      for (let k = 0; k < out.length; k++) if (out[k] !== null) row.getCell(layout.outputCols[k]).value = out[k];
    }
    row.commit();
  }
  ws.commit();
  let name = "Summary";
  for (let n = 2; name.toLowerCase() === src.sheetName.toLowerCase(); n++) name = `Summary (${n})`;
  addSummarySheet(wb, summary, name, false);
  await wb.commit();
  return name;
}

/** Runs `cohesion apply`; returns the exit code. `print` receives stdout text. */
export async function runApply(o: ApplyOptions, print: (text: string) => void, warn: (line: string) => void): Promise<number> {
  const inFormat = formatOf(o.input, "input");
  const outFormat = formatOf(o.out, "output");
  checkPaths(o.input, o.out);
  const src = await load(o, inFormat, outFormat);

  const layout = findLayout(src.grid, src.where);
  const mapping = mapFields(layout, o.cols, src.where);
  const fields = describeMapping(layout, mapping);
  if (fields.every((f) => f.column === null)) {
    throw new CliError(
      `no input columns recognised in header row ${layout.headerRow} of ${src.where} (headers ${listHeaders(layout.headers)}); name them with --col FIELD=HEADER (see cohesion apply --help)`,
    );
  }
  const { columns, rowCount } = inputColumns(src.grid, layout, mapping);
  const results = evaluateColumns(columns, rowCount, { scale: o.scale, basis: o.basis });
  const cells = outputRows(results);
  const rowLabel = (i: number) => layout.headerRow + 1 + i;
  const info: RunInfo = {
    input: path.basename(o.input),
    sheet: src.isCsv ? null : src.sheetName,
    headerRow: layout.headerRow,
    fields,
    scale: o.scale,
    basis: o.basis,
    version: o.version,
  };
  const summary = summarySheetRows(results, rowLabel, info);

  let summarySheet: string | null = null;
  await writeAtomically(path.resolve(o.out), o.out, async (temp) => {
    if (outFormat.kind === "csv") await writeCsv(temp, src, layout, cells, outFormat);
    else if (src.workbook) summarySheet = await writeXlsxFull(temp, src, layout, cells, summary.sheet);
    else summarySheet = await writeXlsxStream(temp, src, layout, cells, summary.sheet);
  });

  const first = layout.outputCols[0];
  const contiguous = layout.outputCols.every((c, k) => c === first + k);
  const where = contiguous ? `columns ${columnLetter(first)}–${columnLetter(first + OUTPUT_HEADERS.length - 1)}` : `columns ${layout.outputCols.map(columnLetter).join(", ")}`;
  const reused = layout.reused.filter(Boolean).length;
  const lines: string[] = [];
  lines.push(`cohesion apply: ${o.input} → ${o.out}`);
  lines.push(`Read ${src.where}: ${src.method}.`);
  lines.push(
    rowCount
      ? `Header row ${layout.headerRow}; ${rowCount} data row${rowCount === 1 ? "" : "s"} (rows ${layout.headerRow + 1}–${layout.lastRow}).`
      : `Header row ${layout.headerRow}; no data rows.`,
  );
  lines.push("Fields:");
  const w = Math.max(...fields.map((f) => f.field.length));
  for (const f of fields) {
    lines.push(
      f.column === null
        ? `  ${f.field.padEnd(w)}   not found (not computed)`
        : `  ${f.field.padEnd(w)} ← "${f.header}" (column ${f.column})${f.explicit ? " [--col]" : ""}`,
    );
  }
  lines.push(`Results in ${where}${reused ? ` (${reused} reused from an earlier run)` : ""}${summarySheet ? `; summary in sheet "${summarySheet}"` : ""}.`);
  lines.push(`Scale ${o.scale}, basis ${o.basis}.`);
  if (src.lost.length) warn(`the input has ${src.lost.join(", ")}, which ExcelJS cannot keep: the output has none`);
  lines.push("");
  lines.push(renderRows(summary.table));
  print(lines.join("\n") + "\n");
  return 0;
}
