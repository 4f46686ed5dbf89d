/** `cohesion apply`: writing the output — a CSV, the input workbook with the results, or a CSV made a workbook. */
import { XLSX_MAX_CELL_CHARS, EVALUATE_CHUNK_ROWS, type ApplyOptions, type CsvFormulas, type Format } from "./options";
import type { RowValues, Source } from "./source";
import { withResults, type OutRow, type Scan } from "./passes";
import { once } from "events";
import { columnLetter, Fingerprint, OUTPUT_COLUMN_WIDTHS, OUTPUT_HEADERS, type OutputHeader, type OutputCell, type SummaryTally } from "../../engine";
import { writeToTemp } from "../atomic";
import { faultRows } from "../faults";
import { cellText, cellText as cellTextOf, csvFieldToCell, csvSafe } from "../cells";
import { writeDelimited, type Delimiter } from "../delimited";
import type { Layout } from "../layout";
import { type SummaryCell } from "../summary";
import { typedByUser, writeBlockMarker, writeSummaryMarker, type MarkedBlock } from "../marker";
import { type NameModel } from "../xlsx/book";
import { type XlsxPass } from "../xlsx/read";
import { writePatched } from "../xlsx/patch";
import { writeNewBook, type NewRow } from "../xlsx/newBook";

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
export async function writeCsv(temp: string, src: Source, layout: Layout, rows: AsyncIterable<OutRow>, outFormat: Format, typed: Typed, formulas: CsvFormulas): Promise<number> {
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

/** What a run does with values the user typed inside an earlier block's columns: kept (named in a warning), or replaced with --force. */
export interface Typed {
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

export async function writeXlsxPatched(temp: string, src: Source, s: Scan, o: ApplyOptions, tally: SummaryTally, seen: { rows: number }, summary: () => SummaryCell[][], typed: Typed, tableNotes: string[]): Promise<string> {
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
      widths: OUTPUT_COLUMN_WIDTHS,
      tableNotes,
      where: src.where,
    });
  });
  return name;
}

/** A CSV written as a new workbook, row by row (xlsx/newBook.ts). */
export async function writeXlsxNew(temp: string, src: Source, layout: Layout, rows: AsyncIterable<OutRow>, summary: () => SummaryCell[][], warn: (line: string) => void): Promise<string> {
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
  const widths = new Map(layout.outputCols.map((c, k) => [c, OUTPUT_COLUMN_WIDTHS[layout.outputHeaders[k]]] as const));
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
