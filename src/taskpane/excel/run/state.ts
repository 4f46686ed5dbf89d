/**
 * The bookkeeping of one run of a tool, from before `Excel.run` to its outcome: options, counters
 * (requests, chunks, bytes, times), progress for the pane, Cancel, and how far the writing got (for
 * the message of a run that stops). `RunEnv` is what every step of the run works with inside Excel.run.
 */
import { DEFAULT_OPTIONS, type RunOptions, type RunProgress, type RunRequest, type RunStats } from "../types";
import { Cancel } from "./guards";
import type { Plan } from "./plan";

/* global Excel */

/** How far the run got: the block it writes, whether the first write (the header row and the first chunk) went through, how many data rows have their results, and whether all the values are in (only number formats to go). */
export interface WriteProgress {
  target: null | { sheet: string; firstDataRow: number; blockCol: number; W: number; n: number; hadOwn: boolean };
  started: boolean;
  rowsWritten: number;
  valuesDone: boolean;
}

const PHASE_SPAN: Record<RunProgress["phase"], [number, number]> = { reading: [0, 0.35], computing: [0.35, 0.55], writing: [0.55, 0.95], summary: [0.95, 1] };

export class RunState {
  readonly opts: RunOptions;
  readonly t0: number;
  readonly stats: RunStats;
  readonly done: WriteProgress = { target: null, started: false, rowsWritten: 0, valuesDone: false };
  /** Bytes of the request being queued (by this module's upper-bound count); `tally` takes them. */
  pendingBytes = 0;

  constructor(
    readonly req: RunRequest,
    /** Bytes per request to aim for. */
    readonly target: number,
    readonly yieldToUi: () => Promise<void>,
    private readonly onProgress: (p: RunProgress) => void,
    private readonly signal?: AbortSignal,
  ) {
    this.opts = { ...DEFAULT_OPTIONS, ...(req.options ?? {}) };
    this.t0 = Date.now();
    this.stats = { rows: 0, syncs: 0, readChunks: 0, readChunkRows: 0, writeChunks: 0, formatChunks: 0, largestRequestBytes: 0, millis: { read: 0, compute: 0, write: 0, summary: 0, total: 0 } };
  }

  /** Called just before each `context.sync()` of the run: counts the request and its size. */
  readonly tally = (): void => {
    this.stats.syncs++;
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, this.pendingBytes);
    this.pendingBytes = 0;
  };

  checkCancel(): void {
    if (this.signal?.aborted) throw new Cancel();
  }

  report(phase: RunProgress["phase"], done: number, total: number): void {
    const span = PHASE_SPAN[phase];
    this.onProgress({ phase, done, total, fraction: span[0] + (span[1] - span[0]) * (total ? done / total : 1) });
  }
}

/** What every step of a run works with inside Excel.run. */
export interface RunEnv {
  s: RunState;
  context: Excel.RequestContext;
  wb: Excel.Workbook;
  plan: Plan;
}
