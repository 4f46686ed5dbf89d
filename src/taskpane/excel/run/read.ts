/**
 * Reading a run's inputs, chunk by chunk (rows per chunk: see ../payload.ts): the mapped input columns
 * with their number formats (a % format means a fraction, a date format a date: decision A7, issue 12.6),
 * and the cells where the toolkit's columns go, to find any that are not the toolkit's.
 */
import type { PercentField } from "../../../engine/columns";
import { isDateFormat } from "../../../engine/input";
import { type TableScales } from "../../../engine/scale";
import { PERCENT_FIELDS, scanColumnScales, type Columns, type Field } from "../../../engine/table";
import { isEmptyCell } from "../cells";
import { blockBytes, MAX_CHUNK_ROWS, READ_BYTES_PER_CELL } from "../payload";
import { diagnose } from "./guards";
import type { RunEnv } from "./state";

/* global Excel */

/** Cells that are not the toolkit's where its columns go: how many, and the block they span (sheet indices). */
export interface Foreign {
  count: number;
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export function noteForeign(foreign: Foreign, row: number, col: number): void {
  foreign.count++;
  foreign.r0 = Math.min(foreign.r0, row);
  foreign.r1 = Math.max(foreign.r1, row);
  foreign.c0 = Math.min(foreign.c0, col);
  foreign.c1 = Math.max(foreign.c1, col);
}

export interface ReadResult {
  /** field → the column's cells, one per data row. */
  inputs: Record<string, unknown[]>;
  /** Cells of the other input columns under a date or time format (row → format): read as that date or time. */
  dated: Partial<Record<Field, Map<number, unknown>>>;
  /** The percentage columns' number formats (decision A7: a % header means per cent, a % format a fraction). */
  formats: Partial<Record<PercentField, unknown[]>>;
  scales: TableScales | undefined;
  foreign: Foreign;
  /** Whether the toolkit's own block is read too, to find values typed there since it was written (its marker holds a fingerprint of each column). */
  typedCheck: boolean;
  /** The toolkit's own block as it reads now (column → rows), when `typedCheck`. */
  ownNow: unknown[][];
  /** Bytes per cell the last chunk suggests (for the next reads' chunk size). */
  bytesPerCell: number;
}

/** The ranges one chunk's request loads. */
interface ChunkReads {
  r0: number;
  rows: number;
  reads: Excel.Range[];
  /** The new output columns (not the toolkit's before). */
  newCols: Excel.Range | null;
  /** The toolkit's columns below the rows it wrote before, from data row `below`. */
  ownBelow: Excel.Range | null;
  below: number;
  /** The toolkit's own block, when its marker can tell what was typed there since (issue 12.3). */
  ownAbove: Excel.Range | null;
}

function startRead(env: RunEnv): ReadResult {
  const { region, own, ownW, ownRows, W, blockCol, fields, n } = env.plan;
  const foreign: Foreign = { count: 0, r0: Infinity, r1: -1, c0: Infinity, c1: -1 };
  for (let j = ownW; j < W; j++) if (!isEmptyCell(region.headerCells[region.inputWidth + j])) noteForeign(foreign, region.headerRow, blockCol + j);
  const typedCheck = !!region.marker?.columns && ownW > 0;
  const inputs: Record<string, unknown[]> = {};
  for (const f of fields) inputs[f] = new Array(n);
  return {
    inputs,
    dated: {},
    formats: {},
    scales: undefined,
    foreign,
    typedCheck,
    ownNow: own ? own.headers.map(() => new Array(ownRows).fill("")) : [],
    bytesPerCell: READ_BYTES_PER_CELL,
  };
}

/** Queues one chunk's reads: the inputs, the new output columns, and the toolkit's columns only below the rows it wrote before (and above, for `typedCheck`). */
function queueChunk(env: RunEnv, read: ReadResult, r0: number, rows: number): ChunkReads {
  const { sheet, region, fields, mapping, firstDataRow, blockCol, W, ownW, ownRows } = env.plan;
  const r1 = r0 + rows;
  const reads = fields.map((f) => sheet.getRangeByIndexes(firstDataRow + r0, region.firstColumn + (mapping[f] as number), rows, 1).load("values,numberFormat"));
  const newCols = W > ownW ? sheet.getRangeByIndexes(firstDataRow + r0, blockCol + ownW, rows, W - ownW).load("formulas") : null;
  const below = ownW && r1 > ownRows ? Math.max(r0, ownRows) : -1;
  const ownBelow = below >= 0 ? sheet.getRangeByIndexes(firstDataRow + below, blockCol, r1 - below, ownW).load("formulas") : null;
  const ownAbove = read.typedCheck && r0 < ownRows ? sheet.getRangeByIndexes(firstDataRow + r0, blockCol, Math.min(r1, ownRows) - r0, ownW).load("formulas") : null;
  return { r0, rows, reads, newCols, ownBelow, below, ownAbove };
}

/** Takes a chunk's input cells (and their formats) into `read`; returns the bytes received. */
function takeInputs(env: RunEnv, read: ReadResult, chunk: ChunkReads): number {
  const { fields, n } = env.plan;
  const { r0, rows, reads } = chunk;
  let received = 0;
  const chunkCols: Columns = {};
  const chunkFormats: Partial<Record<PercentField, unknown[]>> = {};
  fields.forEach((f, k) => {
    const vals = reads[k].values;
    if (!vals) throw new Error("Excel returned no values for a read (too many cells); try a smaller table.");
    received += blockBytes(vals);
    const col = read.inputs[f];
    const slice = new Array(rows);
    for (let i = 0; i < rows; i++) slice[i] = col[r0 + i] = vals[i][0];
    chunkCols[f] = slice;
    // Percentage columns: each cell's number format too (a % format means the stored value is a fraction, decision A7).
    if (PERCENT_FIELDS.includes(f as PercentField)) {
      const nf = reads[k].numberFormat;
      if (nf) {
        received += blockBytes(nf);
        const fcol = (read.formats[f as PercentField] ??= new Array(n));
        const fslice = new Array(rows);
        for (let i = 0; i < rows; i++) fslice[i] = fcol[r0 + i] = nf[i]?.[0];
        chunkFormats[f as PercentField] = fslice;
      }
    } else {
      // Other columns: a date or time format means the number is that date or time (issue 12.6), named as such, not read as its serial.
      const nf = reads[k].numberFormat;
      if (nf) {
        received += blockBytes(nf);
        for (let i = 0; i < rows; i++) if (isDateFormat(nf[i]?.[0])) (read.dated[f] ??= new Map()).set(r0 + i, nf[i][0]);
      }
    }
  });
  read.scales = scanColumnScales(chunkCols, { scale: env.s.opts.scale, headers: percentHeaders(env), formats: chunkFormats }, read.scales);
  return received;
}

/** The percentage columns' headers (decision A7: a % header means per cent). */
function percentHeaders(env: RunEnv): Record<string, string> {
  const { mapping, region } = env.plan;
  return Object.fromEntries(PERCENT_FIELDS.filter((f) => mapping[f] !== undefined).map((f) => [f, region.headers[mapping[f] as number]]));
}

/** Takes a chunk's cells where the toolkit's columns go: non-empty new cells are foreign; its own block is kept for `typedCheck`. Returns the bytes received. */
function takeToolkitCells(env: RunEnv, read: ReadResult, chunk: ChunkReads): number {
  const { firstDataRow, blockCol, ownW } = env.plan;
  const { r0, rows, newCols, ownBelow, below, ownAbove } = chunk;
  let received = 0;
  if (newCols) {
    const fm = newCols.formulas;
    received += blockBytes(fm);
    for (let i = 0; i < rows; i++) for (let j = 0; j < fm[i].length; j++) if (!isEmptyCell(fm[i][j])) noteForeign(read.foreign, firstDataRow + r0 + i, blockCol + ownW + j);
  }
  if (ownBelow) {
    const fm = ownBelow.formulas;
    received += blockBytes(fm);
    for (let i = 0; i < fm.length; i++) for (let j = 0; j < fm[i].length; j++) if (!isEmptyCell(fm[i][j])) noteForeign(read.foreign, firstDataRow + below + i, blockCol + j);
  }
  if (ownAbove) {
    const fm = ownAbove.formulas;
    received += blockBytes(fm);
    for (let i = 0; i < fm.length; i++) for (let j = 0; j < ownW; j++) read.ownNow[j][r0 + i] = fm[i][j];
  }
  return received;
}

/** Reads the inputs and looks for cells that are not the toolkit's, one request per chunk of rows. */
export async function readInputs(env: RunEnv): Promise<ReadResult> {
  const { s, context } = env;
  const { n, fields, W, ownW, ownRows } = env.plan;
  const tRead = Date.now();
  const read = startRead(env);
  for (let r0 = 0; r0 < n; ) {
    s.checkCancel();
    // Columns read: the inputs, the new output columns, and the toolkit's columns only below the rows it wrote before.
    const cols = fields.length + (W - ownW) + (n > ownRows || read.typedCheck ? ownW : 0);
    const rows = Math.max(1, Math.min(MAX_CHUNK_ROWS, n - r0, Math.floor(s.target / (Math.max(1, cols) * read.bytesPerCell))));
    const chunk = queueChunk(env, read, r0, rows);
    s.pendingBytes += 64 * (chunk.reads.length + 2);
    s.tally();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk of rows (up to 20,000, sized to ~1 MB), never per row: see ../payload.ts
    await context.sync().catch((e: unknown) => diagnose(env, e));
    s.stats.readChunks++;
    s.stats.readChunkRows = Math.max(s.stats.readChunkRows, rows);
    const received = takeInputs(env, read, chunk) + takeToolkitCells(env, read, chunk);
    read.bytesPerCell = Math.max(READ_BYTES_PER_CELL, Math.ceil((2 * received) / Math.max(1, rows * cols)));
    r0 += rows;
    s.report("reading", r0, n);
    await s.yieldToUi();
  }
  s.stats.millis.read = Date.now() - tRead;
  return read;
}
