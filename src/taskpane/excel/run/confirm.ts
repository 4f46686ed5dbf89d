/**
 * Before anything is written: cells where the toolkit's columns go that are not the toolkit's (new
 * cells that are not empty, and values typed inside its own block since it was written, found with the
 * engine's rule on the block marker's fingerprints) are overwritten only once the user confirms the range.
 */
import { OUTPUT_HEADERS, rowCells } from "../../../engine/table";
import { listCells, userTypedCells } from "../../../engine/resultBlock";
import { rangeAddress } from "../cells";
import { MAX_CHUNK_ROWS } from "../payload";
import type { NeedsConfirmation } from "../types";
import type { Computed } from "./compute";
import { diagnose } from "./guards";
import { noteForeign, type ReadResult } from "./read";
import type { RunEnv } from "./state";

/** Rows of the toolkit's block past the end of the table (it shrank) are read too: they are cleared when writing. */
async function readOwnPastEnd(env: RunEnv, read: ReadResult): Promise<void> {
  const { s, context } = env;
  const { sheet, n, ownW, ownRows, firstDataRow, blockCol } = env.plan;
  if (!(read.typedCheck && ownRows > n)) return;
  const step = Math.max(1, Math.min(MAX_CHUNK_ROWS, Math.floor(s.target / (ownW * read.bytesPerCell))));
  for (let r0 = n; r0 < ownRows; r0 += step) {
    const part = sheet.getRangeByIndexes(firstDataRow + r0, blockCol, Math.min(step, ownRows - r0), ownW).load("formulas");
    s.tally();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk of rows, as the reads of the inputs
    await context.sync().catch((e: unknown) => diagnose(env, e));
    part.formulas.forEach((row, i) => row.forEach((v, j) => (read.ownNow[j][r0 + i] = v)));
  }
}

/** Values the user typed in the toolkit's block (its cells as they read now against what the run would write): each noted as foreign, and listed. */
function typedCells(env: RunEnv, read: ReadResult, computed: Computed): string[] {
  const { region, own, ownRows, n, firstDataRow, blockCol } = env.plan;
  const typed: string[] = [];
  if (!(read.typedCheck && own)) return typed;
  const expected = own.headers.map((h) => {
    const k = OUTPUT_HEADERS.indexOf(h);
    return Array.from({ length: ownRows }, (_, i) => (i < n ? rowCells(computed.results[i])[k] : null));
  });
  for (const [j, i] of userTypedCells(region.marker!, own.headers, read.ownNow, expected)) {
    noteForeign(read.foreign, firstDataRow + i, blockCol + j);
    typed.push(rangeAddress(null, firstDataRow + i, blockCol + j, 1, 1));
  }
  return typed;
}

/** The question for the user when cells that are not the toolkit's would be overwritten and that range is not yet confirmed; else null. */
export async function confirmOverwrite(env: RunEnv, read: ReadResult, computed: Computed): Promise<NeedsConfirmation | null> {
  await readOwnPastEnd(env, read);
  const typed = typedCells(env, read, computed);
  const { foreign } = read;
  if (foreign.count === 0) return null;
  const range = rangeAddress(env.plan.region.sheet, foreign.r0, foreign.c0, foreign.r1 - foreign.r0 + 1, foreign.c1 - foreign.c0 + 1);
  if (env.s.req.confirmOverwrite === range) return null;
  const cells = foreign.count === 1 ? "1 non-empty cell" : `${foreign.count.toLocaleString("en-GB")} non-empty cells`;
  const typedNote = typed.length ? ` (typed since the toolkit wrote ${typed.length === 1 ? "it" : "them"}: ${listCells(typed)})` : "";
  return { status: "needsConfirmation", range, cells: foreign.count, message: `${range} has ${cells} that ${foreign.count === 1 ? "is" : "are"} not the toolkit's${typedNote}; overwrite?` };
}
