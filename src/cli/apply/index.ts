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
import { ambiguousScaleWarning, columnLetter, describeScales, MAX_COLUMNS, MAX_ROWS, finishSummary, groupsFor, listCells, startSummary, type Field, type Scale } from "../../engine";
import { writeAtomically } from "../atomic";
import { failIf, faultRows } from "../faults";
import { CliError } from "../errors";
import { describeMapping, describeMatch } from "../layout";
import { renderRows, summarySheetRows, type RunInfo } from "../summary";

import { checkPaths, formatOf, type ApplyOptions } from "./options";
import { open } from "./source";
import { scan, withResults } from "./passes";
import { writeCsv, writeXlsxNew, writeXlsxPatched, type Typed } from "./write";

export { CSV_FORMULAS, EVALUATE_CHUNK_ROWS, XLSX_MAX_CELL_CHARS, formatOf, type ApplyOptions, type CsvFormulas, type Format } from "./options";
export { load, type Loaded, type Source } from "./source";

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
    if (s.rows > MAX_ROWS) {
      throw new CliError(`${src.where} has ${s.rows.toLocaleString("en-GB")} rows; an .xlsx sheet holds at most ${MAX_ROWS.toLocaleString("en-GB")}: write a .csv output instead`);
    }
    const width = Math.max(layout.lastCol, ...layout.outputCols);
    if (width > MAX_COLUMNS) throw new CliError(`the output would need ${width.toLocaleString("en-GB")} columns; an .xlsx sheet holds at most ${MAX_COLUMNS.toLocaleString("en-GB")}: write a .csv output instead`);
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
