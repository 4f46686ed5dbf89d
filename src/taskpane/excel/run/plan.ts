/**
 * The first step of a run: find the source again (locate, in its three requests), check the mapping
 * against it, and decide what to compute and where to write it: which tools' columns (the one asked
 * for, and those already beside the data whose inputs are still mapped), which inputs to read, and the
 * block of the toolkit's columns to the right of the data.
 */
import { OUTPUT_GROUPS, type ColumnMapping, type Field, type OutputGroup, type OutputHeader } from "../../../engine/table";
import { groupsOfHeaders, headersFor } from "../../../engine/resultBlock";
import { locate, type Region } from "../locate";
import { MAX_COLUMNS } from "../../../engine/a1";
import { SUMMARY_SETTING } from "../settings";
import { MAPPED_FIELDS } from "../sources";
import type { RunRequest } from "../types";
import type { RunEnv, RunState } from "./state";

/* global Excel */

export interface Plan {
  region: Region;
  sheet: Excel.Worksheet;
  /** The workbook's sheets, loaded with locate's first request (later requests may load them again). */
  sheetList: Excel.WorksheetCollection;
  /** The sheet names when the run started. */
  originalNames: string[];
  /** The remembered summary sheet (a setting, loaded with locate's first request). */
  summarySetting: Excel.Setting;
  mapping: ColumnMapping;
  /** The tools whose columns are written. */
  groups: Set<OutputGroup>;
  headers: OutputHeader[];
  /** The mapped inputs those tools read. */
  fields: Field[];
  /** Data rows. */
  n: number;
  firstDataRow: number;
  /** Sheet column of the first of the toolkit's columns, and their number. */
  blockCol: number;
  W: number;
  /** The toolkit's columns already beside the data (from an earlier run), their number and rows. */
  own: Region["own"];
  ownW: number;
  ownRows: number;
}

/** The mapping asked for, each column checked to be an input column of the region. */
function checkedMapping(req: RunRequest, region: Region): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const f of MAPPED_FIELDS) {
    const c = req.mapping[f];
    if (c === undefined || c === null) continue;
    if (!Number.isInteger(c) || c < 0 || c >= region.inputWidth) throw new Error(`The column chosen for ${f} is not in the table any more; find tables again.`);
    mapping[f] = c;
  }
  const missing = OUTPUT_GROUPS[req.tool].required.filter((f) => mapping[f] === undefined);
  if (missing.length) throw new Error(`${OUTPUT_GROUPS[req.tool].label} needs a column for: ${missing.join(", ")}.`);
  return mapping;
}

/** The tool asked for, and the tools whose columns are already there: each kept up to date only while its required inputs are mapped. */
function toolsToWrite(req: RunRequest, own: Region["own"], mapping: ColumnMapping): Set<OutputGroup> {
  const groups = new Set<OutputGroup>([req.tool]);
  for (const g of groupsOfHeaders(own?.headers ?? [])) groups.add(g); // the engine's OUTPUT_GROUPS
  for (const g of [...groups]) if (g !== req.tool && OUTPUT_GROUPS[g].required.some((f) => mapping[f] === undefined)) groups.delete(g);
  return groups;
}

export async function planRun(s: RunState, context: Excel.RequestContext): Promise<RunEnv> {
  const req = s.req;
  const wb = context.workbook;
  // Sheet names and the remembered summary sheet go with the first request of locate (queued before it syncs).
  const sheetList = wb.worksheets;
  sheetList.load("items/name");
  const summarySetting = wb.settings.getItemOrNullObject(SUMMARY_SETTING).load("value");
  const [region] = await locate(context, s.tally, req.source);
  if (!region) throw new Error(`Cannot find ${req.source.kind === "table" ? `the table ${req.source.name}` : `the range at ${req.source.name}`} on ${req.source.sheet} any more; find tables again.`);
  const sheet = wb.worksheets.getItem(region.sheet);

  const mapping = checkedMapping(req, region);
  const own = region.own;
  const groups = toolsToWrite(req, own, mapping);
  const headers = headersFor(groups);
  const fields = MAPPED_FIELDS.filter((f) => mapping[f] !== undefined && [...groups].some((g) => OUTPUT_GROUPS[g].fields.includes(f)));
  const n = region.rowCount;
  s.stats.rows = n;
  const firstDataRow = region.headerRow + 1;
  const blockCol = region.firstColumn + region.inputWidth;
  const W = headers.length;
  const ownW = own ? own.headers.length : 0;
  const ownRows = own ? own.rows : 0;
  if (blockCol + W > MAX_COLUMNS) throw new Error("There is no room for the toolkit's columns to the right of the data.");
  s.done.target = { sheet: region.sheet, firstDataRow, blockCol, W, n, hadOwn: ownRows > 0 };
  const originalNames = sheetList.items.map((x) => x.name);

  const plan: Plan = { region, sheet, sheetList, originalNames, summarySetting, mapping, groups, headers, fields, n, firstDataRow, blockCol, W, own, ownW, ownRows };
  return { s, context, wb, plan };
}
