/**
 * Writing a run's results: the settings first, then the header row and the values (or blanks, then
 * live formulas), chunk by chunk (sizes: ../payload.ts), then the number formats; every request
 * guarded (./guards.ts). Before each bulk write, `suspendApiCalculationUntilNextSync()`; values first,
 * number formats after. Last, the block's marker (a defined name), riding on the next request.
 */
import { blockFingerprints, blockMarkerName, nextBlockId } from "../../../engine/resultBlock";
import { OUTPUT_HEADERS, rowCells, type Field } from "../../../engine/table";
import { asCellValue, rangeAddress } from "../cells";
import { formulasFor } from "../liveFormulas";
import { blockBytes, cellBytes, MAX_CHUNK_ROWS } from "../payload";
import type { SavedSource } from "../settings";
import { MAPPED_FIELDS } from "../sources";
import type { Cancelled } from "../types";
import type { Computed } from "./compute";
import { Cancel, guardedWrite, Stop } from "./guards";
import { cancelledWhileWriting } from "./outcome";
import type { ReadResult } from "./read";
import type { RunEnv } from "./state";

export const ALLOCATION_FORMAT = "£#,##0";

/** What the workbook remembers of this source after the run (the mapping, the options, where the columns are). */
function savedSource(env: RunEnv): SavedSource {
  const { s } = env;
  const { mapping, region, blockCol, headers, n } = env.plan;
  return {
    v: 1,
    mapping: Object.fromEntries(MAPPED_FIELDS.map((f) => [f, mapping[f] === undefined ? null : { column: mapping[f] as number, header: region.headers[mapping[f] as number] }])),
    options: s.opts,
    formulas: !!s.req.formulas,
    output: { column: blockCol, headers: [...headers], rows: n },
  };
}

/** How a result row becomes cells: the output columns picked from the engine's row, and a row of blanks (live formulas). */
interface RowShape {
  pick: number[];
  blank: string[];
}

/** Bytes of data row i's input cells, as read. */
function inputBytes(read: ReadResult, fields: readonly Field[], i: number): number {
  let b = 0;
  for (const f of fields) b += cellBytes(read.inputs[f][i]);
  return b;
}

/** Rows [r0, r0 + k) as cells, as many as fit in a request both ways: the cells written, and the cells read back (their inputs and what they overwrite). */
function nextChunk(env: RunEnv, read: ReadResult, computed: Computed, shape: RowShape, r0: number, reserve: number): (string | number)[][] {
  const { formulas } = env.s.req;
  const target = env.s.target;
  const { n, W, fields } = env.plan;
  const rows: (string | number)[][] = [];
  let sent = reserve + 256;
  let received = 256 + 2 * W;
  while (r0 + rows.length < n && rows.length < MAX_CHUNK_ROWS) {
    const i = r0 + rows.length;
    let row: (string | number)[] = shape.blank;
    if (!formulas) {
      const cells = rowCells(computed.results[i]);
      row = shape.pick.map((k) => asCellValue(cells[k]));
    }
    let b = 2;
    for (const v of row) b += cellBytes(v);
    // What the row overwrites is not known before it is read: reckon it at least as long as the new row (an earlier run's results).
    const back = (formulas ? 0 : inputBytes(read, fields, i) + 2 * fields.length) + Math.max(b, 5 * W);
    if (rows.length > 0 && (sent + b > target || received + back > target)) break;
    rows.push(row);
    sent += b;
    received += back;
  }
  return rows;
}

/** Rows of values (or, for live formulas, of blanks so that nothing blocks the spill), the header row with the first chunk. */
async function writeRows(env: RunEnv, read: ReadResult, computed: Computed, progress: { headerWritten: boolean }): Promise<void> {
  const { s, wb } = env;
  const { region, headers, n, W, firstDataRow, blockCol } = env.plan;
  const req = s.req;
  const shape: RowShape = { pick: headers.map((h) => OUTPUT_HEADERS.indexOf(h)), blank: new Array(W).fill("") };
  const headerBefore = Array.from({ length: W }, (_, j) => region.headerCells[region.inputWidth + j] ?? "");
  for (let r0 = 0; r0 < n || !progress.headerWritten; ) {
    s.checkCancel();
    const headerWritten = progress.headerWritten;
    const reserve = headerWritten ? 0 : 512 + blockBytes([headers]);
    const rows = nextChunk(env, read, computed, shape, r0, reserve);
    const top = headerWritten ? firstDataRow + r0 : region.headerRow;
    const data = headerWritten ? rows : [headers.slice() as (string | number)[], ...rows];
    const chunkBytes = blockBytes(data) + reserve;
    try {
      await guardedWrite(env, read.inputs, {
        rect: { row: top, column: blockCol, rows: data.length, columns: W },
        restoreAs: "formulas",
        write: (range) => {
          wb.application.suspendApiCalculationUntilNextSync();
          range.values = data;
        },
        checkRows: rows.length && !req.formulas ? { r0, rows: rows.length } : null,
        bytes: chunkBytes,
        expectHeader: headerWritten ? headers : headerBefore,
      });
    } catch (e) {
      if (e instanceof Stop && e.stands) {
        s.done.started = true; // renamed: what was written is in the (same) sheet
        if (!req.formulas) s.done.rowsWritten = r0 + rows.length;
      }
      throw e;
    }
    s.done.started = progress.headerWritten = true;
    s.stats.writeChunks++;
    r0 += rows.length;
    if (!req.formulas) {
      s.done.rowsWritten = r0;
      s.report("writing", r0, n);
    }
    if (r0 < n) await s.yieldToUi();
  }
}

/** Rows the toolkit wrote before, now below the data (the table shrank): cleared. */
async function clearOldRows(env: RunEnv, read: ReadResult): Promise<void> {
  const { firstDataRow, blockCol, ownW, ownRows, n, headers } = env.plan;
  for (let r0 = n; r0 < ownRows; r0 += MAX_CHUNK_ROWS) {
    const rows = Math.min(MAX_CHUNK_ROWS, ownRows - r0);
    await guardedWrite(env, read.inputs, { rect: { row: firstDataRow + r0, column: blockCol, rows, columns: ownW }, restoreAs: "formulas", write: (range) => range.clear("Contents"), checkRows: null, bytes: 256, expectHeader: headers });
  }
}

/** Live mode: one spilled formula per column, in the first data row. */
async function writeLiveFormulas(env: RunEnv, read: ReadResult, computed: Computed): Promise<void> {
  const { s } = env;
  const { region, fields, mapping, firstDataRow, blockCol, W, headers, n } = env.plan;
  const refs: Partial<Record<Field, string>> = {};
  for (const f of fields) refs[f] = rangeAddress(null, firstDataRow, region.firstColumn + (mapping[f] as number), n, 1);
  const row = formulasFor(headers, refs, { ...s.opts, scale: computed.formulaScale.scale });
  await guardedWrite(env, read.inputs, { rect: { row: firstDataRow, column: blockCol, rows: 1, columns: W }, restoreAs: "formulas", write: (range) => (range.formulas = [row]), checkRows: null, bytes: blockBytes([row]), expectHeader: headers });
  s.done.rowsWritten = n;
  s.report("writing", n, n);
}

/** Number formats, after the values: £ on the allocation column; "General" back where an earlier run put £ and another column now stands. */
async function writeNumberFormats(env: RunEnv, read: ReadResult): Promise<void> {
  const { s } = env;
  const { headers, own, blockCol, n, ownRows, firstDataRow } = env.plan;
  const allocCol = headers.indexOf("ABG allocation");
  const oldAlloc = own ? own.headers.indexOf("ABG allocation") : -1;
  const formatJobs: { column: number; rows: number; format: string }[] = [];
  if (allocCol >= 0) formatJobs.push({ column: blockCol + allocCol, rows: n, format: ALLOCATION_FORMAT });
  if (oldAlloc >= 0 && oldAlloc !== allocCol) formatJobs.push({ column: blockCol + oldAlloc, rows: ownRows, format: "General" });
  for (const job of formatJobs) {
    const per = cellBytes(job.format) + 2;
    // Each request also reads back the formats it replaces (about as long as the new ones).
    const step = Math.max(1, Math.min(MAX_CHUNK_ROWS, Math.floor((s.target - 1024) / (2 * per))));
    for (let r0 = 0; r0 < job.rows; r0 += step) {
      const rows = Math.min(step, job.rows - r0);
      // One request per chunk of up to 20,000 rows of one column's number format, after all the values.
      await guardedWrite(env, read.inputs, {
        rect: { row: firstDataRow + r0, column: job.column, rows, columns: 1 },
        restoreAs: "numberFormat",
        write: (range) => (range.numberFormat = Array.from({ length: rows }, () => [job.format])),
        checkRows: null,
        bytes: 256 + rows * per,
        expectHeader: headers,
      });
      s.stats.formatChunks++;
    }
  }
}

/**
 * The block's marker (rides on the next request): the markers of this block replaced by one naming its header row,
 * with the fingerprint of each column as written (none for live formulas, whose cells are their spill).
 */
function writeMarker(env: RunEnv, computed: Computed): void {
  const { s, wb } = env;
  const { region, headers, n, sheet, blockCol, W } = env.plan;
  const pickAll = headers.map((h) => OUTPUT_HEADERS.indexOf(h));
  const prints = s.req.formulas ? null : blockFingerprints(headers, computed.results.map((r) => { const c = rowCells(r); return pickAll.map((k) => c[k]); }));
  const here = region.markerNames.filter((x) => x === region.marker?.name || region.staleMarkers.includes(x));
  for (const x of here) wb.names.getItem(x).delete();
  const taken = region.markerNames.filter((x) => !here.includes(x));
  wb.names.add(blockMarkerName({ id: region.marker?.id ?? nextBlockId(taken), rows: n, columns: prints }), sheet.getRangeByIndexes(region.headerRow, blockCol, 1, W));
}

/** Writes the results (see the top of this module); a Cancel while writing answers what was written. */
export async function writeResults(env: RunEnv, read: ReadResult, computed: Computed): Promise<Cancelled | null> {
  const { s, wb } = env;
  const { region, n, ownRows } = env.plan;
  const tWrite = Date.now();
  const saved = savedSource(env);
  // Some of the toolkit's columns are rewritten once the header row (with the first chunk) is.
  const progress = { headerWritten: false };
  try {
    wb.settings.add(region.key, saved);
    await writeRows(env, read, computed, progress);
    if (ownRows > n) await clearOldRows(env, read);
    if (s.req.formulas) await writeLiveFormulas(env, read, computed);
    s.done.valuesDone = true;
    await writeNumberFormats(env, read);
  } catch (e) {
    if (e instanceof Cancel) return cancelledWhileWriting(s.done, progress.headerWritten);
    throw e;
  }
  s.stats.millis.write = Date.now() - tWrite;
  writeMarker(env, computed);
  return null;
}
