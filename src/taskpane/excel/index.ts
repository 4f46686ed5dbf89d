/**
 * The task pane's only door to the workbook. Every Excel call of the pane is in this folder; the React
 * components receive these functions as props and see plain data only (./types.ts), so they render
 * without Office (tests, a browser preview). Rules live in src/engine: this code reads cells, hands
 * them to the engine, and writes back what it returns.
 *
 * Office.js discipline (spec §3, §9.6):
 * - one `Excel.run` per user action (`listSources`, `runTool`);
 * - explicit `load` of the properties needed, never `load()`;
 * - no `context.sync()` per row: reads and writes go in row chunks, one sync per chunk;
 * - every request stays well under Excel on the web's 5 MB limit (./payload.ts);
 * - `suspendApiCalculationUntilNextSync()` before each bulk write; values first, number formats after;
 * - every request that writes checks first that the sheet is as it was (./run/guards.ts);
 * - nothing newer than the manifest's ExcelApi 1.7 unless under `excelApiSupported` (./requirements.ts).
 *
 * Engine modules are imported directly, not through src/engine/index.ts, so the pane's bundle carries
 * only the parts it uses (webpack cannot drop the barrel's other modules without a sideEffects flag).
 *
 * Layout: tools.ts (listSources, runTool) over locate.ts, sources.ts and run/ (plan → read → compute →
 * confirm → write → summary, with guards.ts and outcome.ts); actionPlan.ts and analysis.ts (their
 * views' functions) over readRows.ts and tableSheet.ts; tracker.ts (the Recommendations view's tracker
 * sheet); finish.ts (how generated sheets look: widths,
 * wrap, table style, formats, frozen header, print set-up) and navigate.ts (go to what was written);
 * settings.ts, payload.ts, cells.ts and liveFormulas.ts shared.
 */
export { createExcelTools } from "./tools";
export { createActionPlanTools, type ActionPlanTools } from "./actionPlan";
export { createProfileTools, profileSheetName, type ProfileTools, type ProfileWriteOutcome } from "./profile";
export { createAnalysisTools, readBlock } from "./analysis";
export { createTrackerTools, type TrackerOutcome, type TrackerTools } from "./tracker";
export { insertTableSheet, uniqueSheetName } from "./tableSheet";
export { goTo, createGoTo } from "./navigate";
export { columnLayout, widthPoints, MAX_COLUMN_CHARS, MAX_FROZEN_ROWS } from "./finish";
export { readHeaderRow } from "./readRows";
export { excelApiSupported } from "./requirements";
export { REQUEST_TARGET_BYTES } from "./payload";
export { SUMMARY_SETTING } from "./settings";
export {
  DEFAULT_OPTIONS,
  type ExcelRun,
  type ExcelTools,
  type NeedsConfirmation,
  type RunOptions,
  type RunOutcome,
  type RunProgress,
  type SourceInfo,
  type Stopped,
  type ToolResult,
} from "./types";
