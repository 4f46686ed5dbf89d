/**
 * Guarded writes. The user can rename, delete or protect the sheet, edit cells, or insert columns
 * between any two requests of a run. So every request that changes cells first reads, in the same
 * request: the cells it is about to change, the sheet names, the toolkit's header row, and (for rows
 * of values) the input cells of those rows; then it writes. Afterwards: the sheet gone from the names
 * means renamed (what was written stands: it is the same sheet) or, when the request failed, deleted;
 * a header row that no longer reads as written means columns moved; inputs that differ from what was
 * computed mean an edit, or rows moved. In those two cases the request puts back the cells it changed.
 * A write that Excel refuses (AccessDenied: a protected sheet) changes nothing. The run then stops
 * with a `Stopped` outcome naming the rows written (each of which matches its inputs as they were
 * when written) and the rows not written; no summary sheet is written. No extra request is needed:
 * the checks ride with the writes; only a stop costs one request more (to look for the sheet, or to
 * put cells back). Edits to rows already written are not seen (the run is of the values it read).
 */
import { isExcelErrorCode } from "../../../engine/excelText";
import { asCellValue, rangeAddress, sameCell } from "../cells";
import { blockBytes } from "../payload";
import type { StopReason } from "../types";
import type { RunEnv } from "./state";

/* global Excel */

/** Thrown inside a run when the user cancels; turned into a `Cancelled` outcome. */
export class Cancel extends Error {}

/** Thrown inside a run when the workbook changed under it; turned into a `Stopped` outcome. */
export class Stop extends Error {
  constructor(
    readonly reason: StopReason,
    readonly why: string,
    /** The request that found it went through, and what it wrote stands (the sheet was only renamed). */
    readonly stands = false,
  ) {
    super(why);
  }
}

/** The source's sheet is not among `names` any more: renamed (its name swapped for a new one) or deleted. */
export function sheetGone(env: RunEnv, names: readonly string[]): Stop {
  const { originalNames, region } = env.plan;
  const added = names.filter((x) => !originalNames.includes(x));
  if (names.length === originalNames.length && added.length === 1) return new Stop("renamed", `the sheet "${region.sheet}" was renamed to "${added[0]}"`);
  if (names.length < originalNames.length) return new Stop("deleted", `the sheet "${region.sheet}" was deleted`);
  return new Stop("deleted", `the sheet "${region.sheet}" is no longer in the workbook (renamed or deleted)`);
}

/** A request failed: one more request looks for the sheet; otherwise Excel's error code says why. */
export async function diagnose(env: RunEnv, e: unknown): Promise<never> {
  if (e instanceof Cancel || e instanceof Stop) throw e;
  const { context, wb, s } = env;
  const sheetName = env.plan.region.sheet;
  let names: string[] | null = null;
  try {
    const list = wb.worksheets.load("items/name");
    s.tally();
    await context.sync();
    names = list.items.map((x) => x.name);
  } catch {
    // the workbook cannot be read either: go by the error
  }
  if (names && !names.includes(sheetName)) throw sheetGone(env, names);
  const code = String((e as { code?: unknown }).code ?? "");
  const text = e instanceof Error ? e.message : String(e);
  if (code === "AccessDenied") throw new Stop("protected", `the sheet "${sheetName}" is protected (Excel refused the write: ${text})`);
  if (code === "InvalidOperationInCellEditMode") throw new Stop("cellEditMode", "a cell is being edited in Excel, so Excel refused the write (press Enter or Esc in the cell)");
  throw new Stop("excelError", `Excel refused a request${code ? ` (${code})` : ""}: ${text}`);
}

/** A block of cells by 0-based sheet indices. */
export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface GuardedWrite {
  rect: Rect;
  /** What is read before the write, to be put back should the run stop. */
  restoreAs: "formulas" | "numberFormat";
  write: (range: Excel.Range) => void;
  /** Data rows whose input cells must still read as computed (rows of values), else null. */
  checkRows: { r0: number; rows: number } | null;
  /** The request's size, by the upper-bound count. */
  bytes: number;
  /** What the toolkit's header row must read after the write. */
  expectHeader: readonly unknown[];
}

/** The toolkit's header row no longer reads as expected: columns were inserted, deleted or typed over. */
function headerMoved(env: RunEnv, expectHeader: readonly unknown[], got: readonly unknown[]): Stop | null {
  const { region, blockCol, W } = env.plan;
  if (!expectHeader.some((h, j) => !sameCell(got[j], h))) return null;
  return new Stop("moved", `the toolkit's columns ${rangeAddress(region.sheet, region.headerRow, blockCol, 1, W)} no longer hold the headers it wrote there (a column was inserted, deleted or typed over)`);
}

/** Input cells of the rows written differ from those the results were computed from. */
function inputsChanged(env: RunEnv, inputs: Record<string, unknown[]>, checkRows: { r0: number; rows: number }, inputRanges: Excel.Range[]): Stop | null {
  const { region, fields, mapping, firstDataRow } = env.plan;
  for (let k = 0; k < fields.length; k++) {
    const vals = inputRanges[k].values;
    const was = inputs[fields[k]];
    for (let i = 0; i < checkRows.rows; i++) {
      if (!sameCell(vals[i]?.[0], was[checkRows.r0 + i])) {
        const cell = rangeAddress(region.sheet, firstDataRow + checkRows.r0 + i, region.firstColumn + (mapping[fields[k]] as number), 1, 1);
        return new Stop("inputsChanged", `input cells changed during the run (${cell}), so no results were written from that part of the table on`);
      }
    }
  }
  return null;
}

/**
 * Cells read through Range.formulas, to be written back: a formula ("=…") as it is; constant text through asCellValue,
 * since Excel reads a string written as typed ("01" would come back as the number 1, "2008-09" as a date); an error
 * value as it is (it is put back as the error). Text that itself starts with "=" reads like a formula: written as one.
 */
const restorable = (cells: unknown[][]): unknown[][] => cells.map((r) => r.map((v) => (typeof v === "string" && !v.startsWith("=") && !isExcelErrorCode(v) ? asCellValue(v) : v)));

/** Puts back what a request changed (one request more), then stops the run. */
async function putBack(env: RunEnv, w: GuardedWrite, read: unknown[][], stop: Stop): Promise<never> {
  const { rect, restoreAs } = w;
  const { sheet, region } = env.plan;
  const old = restoreAs === "formulas" ? restorable(read) : read;
  sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns)[restoreAs] = old as string[][];
  env.s.pendingBytes += blockBytes(old);
  env.s.tally();
  try {
    await env.context.sync();
  } catch (e) {
    throw new Stop(stop.reason, `${stop.why}; and putting back the cells it had just changed (${rangeAddress(region.sheet, rect.row, rect.column, rect.rows, rect.columns)}) failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  throw stop;
}

/**
 * One guarded request. It first reads the cells it is about to change, the sheet names, the toolkit's header row
 * and (for rows of values) those rows' input cells; then it changes the cells. When what it read shows that the
 * workbook changed since (a column or row inserted or deleted, an input edited), it puts back the cells it changed
 * and the run stops: so it never leaves a change on a user's cell, nor a result that does not match its inputs.
 * A sheet that was renamed keeps what was written (it is the same sheet); the run stops all the same.
 * `inputs` are the input columns as read (field → cells).
 */
export async function guardedWrite(env: RunEnv, inputs: Record<string, unknown[]>, w: GuardedWrite): Promise<void> {
  const { context, wb, s } = env;
  const { sheet, region, blockCol, W, fields, mapping, firstDataRow } = env.plan;
  const { rect, restoreAs, checkRows } = w;
  const before = sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns).load(restoreAs);
  const names = wb.worksheets.load("items/name");
  const header = sheet.getRangeByIndexes(region.headerRow, blockCol, 1, W).load("formulas");
  const inputRanges = checkRows ? fields.map((f) => sheet.getRangeByIndexes(firstDataRow + checkRows.r0, region.firstColumn + (mapping[f] as number), checkRows.rows, 1).load("values")) : [];
  w.write(sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns));
  s.pendingBytes += w.bytes + 64 * (inputRanges.length + 4);
  s.tally();
  await context.sync().catch((e: unknown) => diagnose(env, e)); // one request per chunk (see Chunk sizes), never per row
  const now = names.items.map((x) => x.name);
  if (!now.includes(region.sheet)) {
    const gone = sheetGone(env, now);
    throw new Stop(gone.reason, gone.why, true);
  }
  const stop = headerMoved(env, w.expectHeader, header.formulas[0] ?? []) ?? (checkRows ? inputsChanged(env, inputs, checkRows, inputRanges) : null);
  if (stop) await putBack(env, w, before[restoreAs] as unknown[][], stop);
}
