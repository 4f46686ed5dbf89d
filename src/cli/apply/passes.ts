/** `cohesion apply`: the two passes over the rows — where the table is and its scales, then the rows with their results. */
import { EVALUATE_CHUNK_ROWS, type ApplyOptions } from "./options";
import type { RowValues, Source } from "./source";
import { addToSummary, evaluateColumns, cellsFor, groupsFor, headersFor, OUTPUT_HEADERS, rowCells, PERCENT_FIELDS, scanColumnScales, type Columns, type PercentField, type TableScales, type Field, type OutputCell, type SummaryTally } from "../../engine";
import { cellText, engineValue } from "../cells";
import { CliError } from "../errors";
import { describeMapping, describeMatch, LayoutScanner, listHeaders, mapFields, type FieldMapping, type Layout } from "../layout";
import { blockChanges, findMarkedBlock, type MarkedBlock } from "../marker";

// ---------------------------------------------------------------------------------------------
// Pass 1: where the table is, which columns hold which fields, and each percentage column's scale

export interface Scan {
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

export async function scan(src: Source, o: ApplyOptions): Promise<Scan> {
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

export interface OutRow {
  r: number;
  values: RowValues;
  /** The output cells of a data row, in `layout.outputHeaders` order (null = empty); null for other rows. */
  out: OutputCell[] | null;
  /** All seven output cells of a data row (OUTPUT_HEADERS order): what an earlier block's column would hold now. */
  all?: OutputCell[];
}

export async function* withResults(rows: AsyncIterable<RowValues>, s: Scan, o: ApplyOptions, tally: SummaryTally, seen: { rows: number }, src: Source): AsyncGenerator<OutRow> {
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
