/**
 * `runTool`: one `Excel.run` for one run of a tool, in named steps — plan (find the source again and
 * decide what to write where), read (inputs, and what stands where the toolkit's columns go), compute
 * (the engine), confirm (cells that are not the toolkit's), write (guarded, chunk by chunk) and the
 * summary sheet. A Cancel, or a Stop when the workbook changed under the run, becomes the outcome.
 */
import { ambiguousScaleWarning, describeScales } from "../../../engine/scale";
import { rangeAddress } from "../cells";
import type { ExcelRun, RunOutcome, RunProgress, RunRequest, ToolResult } from "../types";
import { computeResults, type Computed } from "./compute";
import { confirmOverwrite } from "./confirm";
import { Cancel, Stop } from "./guards";
import { cancelledBeforeWriting, stopped } from "./outcome";
import { planRun } from "./plan";
import { readInputs, type ReadResult } from "./read";
import { RunState, type RunEnv } from "./state";
import { sheetRowOf, writeSummary, type SummaryOut } from "./summary";
import { writeResults } from "./write";

/** The outcome of a run that finished. */
function toolResult(env: RunEnv, read: ReadResult, computed: Computed, out: SummaryOut): ToolResult {
  const { s } = env;
  const { region, headers, blockCol, n, W } = env.plan;
  const { scales } = read;
  return {
    status: "done",
    tool: s.req.tool,
    headers: [...headers],
    outputAddress: rangeAddress(region.sheet, region.headerRow, blockCol, n + 1, W),
    written: s.req.formulas ? "formulas" : "values",
    summary: out.summary,
    parts: out.parts,
    uncertainSheetRows: out.summary.uncertainRows.map(sheetRowOf(env)),
    summarySheet: out.summaryName,
    summaryKept: out.summaryKept,
    stats: s.stats,
    typeMix: out.typeMix,
    scales: [...(scales ? describeScales(scales) : []), ...(s.req.formulas && computed.formulaScale.note ? [computed.formulaScale.note] : [])],
    scaleWarning: scales ? ambiguousScaleWarning(scales) : null,
  };
}

export async function runTool(
  run: ExcelRun,
  tools: { target: number; yieldToUi: () => Promise<void> },
  req: RunRequest,
  onProgress: (p: RunProgress) => void,
  signal?: AbortSignal,
): Promise<RunOutcome> {
  const s = new RunState(req, tools.target, tools.yieldToUi, onProgress, signal);
  return run(async (context): Promise<RunOutcome> => {
    const env = await planRun(s, context);
    const read = await readInputs(env);
    const computed = await computeResults(env, read);
    const question = await confirmOverwrite(env, read, computed);
    if (question) return question;
    const cancelled = await writeResults(env, read, computed);
    if (cancelled) return cancelled;
    const out = await writeSummary(env, read, computed);
    return toolResult(env, read, computed, out);
  }).catch((e: unknown) => {
    if (e instanceof Cancel) return cancelledBeforeWriting();
    if (e instanceof Stop) return stopped(e, s.done);
    throw e;
  });
}
