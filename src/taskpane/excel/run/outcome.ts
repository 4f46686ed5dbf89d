/** A run's outcome when it does not finish: cancelled, or stopped (why, and exactly which rows were written). */
import { columnLetter, quoteSheet } from "../../../engine/a1";
import type { Cancelled, Stopped } from "../types";
import type { Stop } from "./guards";
import type { WriteProgress } from "./state";

/** Exactly which rows of which columns hold this run's results, once writing has been planned. */
export function whatWasWritten(done: WriteProgress): string {
  const t = done.target!;
  const cols = `${quoteSheet(t.sheet)}!${columnLetter(t.blockCol + 1)}:${columnLetter(t.blockCol + t.W)}`;
  const row = (i: number) => (t.firstDataRow + i + 1).toLocaleString("en-GB"); // sheet row of data row i
  const rest = t.hadOwn ? "they still hold what an earlier run wrote there, which may not match" : "those cells are empty";
  if (!done.started) return `Nothing was written: the toolkit's columns ${cols} are as they were.`;
  if (done.rowsWritten >= t.n) return `All ${t.n.toLocaleString("en-GB")} rows of ${cols} were written (rows ${row(0)}–${row(t.n - 1)})${done.valuesDone ? "; only their £ number format is unfinished" : ""}.`;
  if (done.rowsWritten === 0) return `Only the header row of ${cols} was written; rows ${row(0)}–${row(t.n - 1)} were not (${rest}).`;
  return `Rows ${row(0)}–${row(done.rowsWritten - 1)} of ${cols} were written; rows ${row(done.rowsWritten)}–${row(t.n - 1)} were not (${rest}).`;
}

/** The outcome of a run that stopped: why, and exactly which rows of which columns hold this run's results. */
export function stopped(e: Stop, done: WriteProgress): Stopped {
  const written = whatWasWritten(done);
  const message = `The run stopped: ${e.why}. ${written} No summary sheet was written, and nothing outside the toolkit's columns was changed. Run the tool again to finish.`;
  return { status: "stopped", reason: e.reason, why: e.why, written, rowsWritten: done.rowsWritten, message };
}

/** Cancelled before anything was written (while reading or computing). */
export function cancelledBeforeWriting(): Cancelled {
  return { status: "cancelled", partial: false, message: "Cancelled before anything was written." };
}

/** Cancelled while writing: `partial` when some of the toolkit's columns were already rewritten. */
export function cancelledWhileWriting(done: WriteProgress, partial: boolean): Cancelled {
  if (!partial) return { status: "cancelled", partial, message: "Cancelled before anything was written." };
  return { status: "cancelled", partial, message: `Stopped while writing. ${done.target ? whatWasWritten(done) + " " : ""}Your cells are untouched. Run the tool again to finish.` };
}
