/** The table tools (TableTools view): find the tables of indicators on a sheet, and run a tool on one. */
import { locate } from "./locate";
import { goTo } from "./navigate";
import { defaultYield, REQUEST_TARGET_BYTES } from "./payload";
import { runTool } from "./run";
import { sourceInfo } from "./sources";
import type { ExcelRun, ExcelTools, ExcelToolsOptions, RunOutcome, RunProgress, RunRequest, SourceInfo } from "./types";

/* global Excel */

export function createExcelTools(run: ExcelRun = (batch) => Excel.run(batch), options: ExcelToolsOptions = {}): ExcelTools {
  const target = options.targetBytes ?? REQUEST_TARGET_BYTES;
  const yieldToUi = options.yieldToUi ?? defaultYield;

  async function listSources(): Promise<SourceInfo[]> {
    return run(async (context) => {
      const regions = await locate(context, () => undefined);
      return regions.map(sourceInfo);
    });
  }

  function runToolOn(req: RunRequest, onProgress: (p: RunProgress) => void = () => undefined, signal?: AbortSignal): Promise<RunOutcome> {
    return runTool(run, { target, yieldToUi }, req, onProgress, signal);
  }

  return { listSources, runTool: runToolOn, goTo: (address: string) => goTo(run, address) };
}
