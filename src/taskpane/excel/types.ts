/**
 * Plain data in and out of the pane's table tools: what `listSources` offers and `runTool` is asked and
 * answers. The React components see only these (and no Excel object), so they render without Office.
 */
import type { Basis } from "../../engine/abg";
import type { BoundaryMode } from "../../engine/familyType";
import type { Scale } from "../../engine/input";
import type { TypeMix } from "../../engine/typeMix";
import type { ColumnMapping, Field, OutputGroup, OutputHeader } from "../../engine/table";
import type { TableSummary } from "../../engine/summary";

/* global Excel */

/** `Excel.run`, or a stand-in for it (tests, the preview). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;


/** Where a table of indicators is: an Excel table by name, or a plain range by its header row's first cell. */
export interface SourceRef {
  sheet: string;
  kind: "table" | "range";
  /** Table name, or the A1 address of the header row's first cell (e.g. "A1"). */
  name: string;
}

export interface RunOptions {
  scale: Scale;
  basis: Basis;
  boundaryMode: BoundaryMode;
}
export const DEFAULT_OPTIONS: RunOptions = { scale: "auto", basis: "point", boundaryMode: "inclusive" };

export interface SourceInfo {
  ref: SourceRef;
  /** Settings key under which the mapping and the toolkit's columns are remembered. */
  key: string;
  /** What the user sees: "Table1 (Sheet1!A1:F301)" or "Sheet1!A1:F301". */
  label: string;
  /** Header row and data rows of the input columns, e.g. "Sheet1!A1:F301". */
  address: string;
  /** Input column headers as text (the toolkit's own columns excluded). */
  headers: string[];
  /** Sheet column letters of the input columns, parallel to `headers`. */
  columnLetters: string[];
  rowCount: number;
  /** Proposed mapping (indices into `headers`): remembered if the headers still match, else from the header synonyms. */
  mapping: ColumnMapping;
  remembered: boolean;
  /** Per field, the header rule's proposal in words (its score, the runner-up, or a tie it refused), while the mapping is that proposal. */
  hints?: Partial<Record<Field, string>>;
  options: RunOptions;
  formulas: boolean;
  /** Headers of the toolkit's columns already beside the data (recognised by exact header text and the remembered position). */
  ownColumns: OutputHeader[];
  /** Where those columns are, e.g. "Sheet1!G1:J301", when present. */
  ownAddress: string | null;
}

export interface RunRequest {
  source: SourceRef;
  tool: OutputGroup;
  mapping: ColumnMapping;
  options?: Partial<RunOptions>;
  /** Write one spilled COHESION formula per column instead of values. */
  formulas?: boolean;
  /** The range named by a previous `needsConfirmation` answer, confirmed by the user. */
  confirmOverwrite?: string;
}

export interface RunProgress {
  phase: "reading" | "computing" | "writing" | "summary";
  done: number;
  total: number;
  /** 0–1 across the whole run. */
  fraction: number;
}

export interface RunStats {
  rows: number;
  syncs: number;
  readChunks: number;
  readChunkRows: number;
  writeChunks: number;
  formatChunks: number;
  /** Largest request this run sent, by this module's upper-bound count (bytes). */
  largestRequestBytes: number;
  millis: { read: number; compute: number; write: number; summary: number; total: number };
}

export interface ToolResult {
  status: "done";
  tool: OutputGroup;
  headers: OutputHeader[];
  /** The toolkit's columns, header included, e.g. "Sheet1!G1:J301". */
  outputAddress: string;
  written: "values" | "formulas";
  summary: TableSummary;
  /** Which sections of the summary apply (the tools whose columns are beside the data). */
  parts: { abg: boolean; types: boolean };
  /** Sheet row numbers of the rows whose band is uncertain under the CI (all of them). */
  uncertainSheetRows: number[];
  summarySheet: string;
  /** Set when the remembered summary sheet held changes of the user's: it was left as it is, and this is why. */
  summaryKept?: string | null;
  stats: RunStats;
  /** When a population column is mapped for Family groups: the population share per family type (or why not). */
  typeMix?: { mix: TypeMix | null; note: string | null } | null;
  /** Each percentage column's scale and why (decision A7), e.g. "Rural share: read as per cent: a value above 1 in the table (NVQ4+ share 34)." */
  scales?: string[];
  /** Set when the scale was a guess (every percentage within 0–1, no % format or header): said in the message after the run. */
  scaleWarning?: string | null;
}

export interface NeedsConfirmation {
  status: "needsConfirmation";
  /** The range holding cells that are not the toolkit's, e.g. "Sheet1!H2:H301". */
  range: string;
  cells: number;
  message: string;
}

export interface Cancelled {
  status: "cancelled";
  /** True when some of the toolkit's columns were already rewritten (user cells are never touched). */
  partial: boolean;
  message: string;
}

/** Why a run stopped before it finished (the workbook changed under it, or Excel refused a write). */
export type StopReason = "renamed" | "deleted" | "protected" | "inputsChanged" | "moved" | "cellEditMode" | "excelError";

/**
 * A run that stopped part-way because the sheet was renamed, deleted or protected, its input cells
 * were edited, the toolkit's columns moved, or Excel refused a write. Nothing outside the toolkit's
 * columns was changed, and no summary sheet was written.
 */
export interface Stopped {
  status: "stopped";
  reason: StopReason;
  /** Why, as a clause: `the sheet "Sheet1" was renamed to "Data"`. */
  why: string;
  /** What was and was not written: "Rows 2–5,001 of Sheet1!I:L were written; rows 5,002–100,001 were not (…)." */
  written: string;
  /** Data rows whose results were written, counted from the top of the table (0 when none). */
  rowsWritten: number;
  /** The whole message for the pane: why, what was written, what to do. */
  message: string;
}

export type RunOutcome = ToolResult | NeedsConfirmation | Cancelled | Stopped;

export interface ExcelTools {
  listSources(): Promise<SourceInfo[]>;
  runTool(request: RunRequest, onProgress?: (p: RunProgress) => void, signal?: AbortSignal): Promise<RunOutcome>;
  /** Activates the sheet of `address` ("Sheet1!O1:R353", "Summary!A1") and selects the block, so Excel scrolls to it; an error in words when the sheet is gone. */
  goTo(address: string): Promise<{ error: string } | null>;
}

export interface ExcelToolsOptions {
  /** Bytes per request to aim for (default REQUEST_TARGET_BYTES). */
  targetBytes?: number;
  /** Lets the pane breathe between chunks (default: a zero-delay timeout). */
  yieldToUi?: () => Promise<void>;
}
