/**
 * The recommendations tracker sheet (issue 16.3): an Excel table named TRACKER_TABLE_NAME with a row per
 * recommendation (the engine's columns) and the user's Status, Owner, Date and Notes. The first run writes a
 * new sheet; a re-run finds the table by its name (wherever the sheet was moved or renamed), and writes only
 * what the engine's planTrackerUpdate asks: rows matched by No., the engine's columns only. A non-empty cell
 * of the engine's columns whose text differs from the engine's is named and written only once the user
 * confirms; the user's columns, rows and cells are never written.
 *
 * Office.js: workbook.tables.getItemOrNullObject (ExcelApi 1.4), Table.name, getRange, getHeaderRowRange,
 * getDataBodyRange, TableCollection.add, Range.values, Range.numberFormat (1.1), finish.ts's calls; the
 * Status list and the Date validation through Range.dataValidation (1.8) only under excelApiSupported("1.8").
 */
import {
  TRACKER_COLUMNS,
  TRACKER_DATE_FORMAT,
  TRACKER_DATE_FROM,
  TRACKER_SHEET_NAME,
  TRACKER_STATUSES,
  TRACKER_TABLE_NAME,
  TRACKER_TITLE,
  planTrackerUpdate,
  trackerRows,
  type TrackerCell,
} from "../../engine/recommendationTracker";
import { asCellValue, rangeAddress, sheetOfAddress } from "./cells";
import { finishTable } from "./finish";
import { createGoTo } from "./navigate";
import { excelApiSupported } from "./requirements";
import { uniqueSheetName } from "./tableSheet";
import type { ExcelRun } from "./types";

/* global Excel */

export type TrackerOutcome =
  | { status: "written"; created: boolean; sheet: string; address: string; message: string; warning?: string }
  | { status: "needsConfirmation"; cells: string[]; message: string }
  | { status: "error"; message: string };

/** What the Recommendations view needs (plain data in and out). */
export interface TrackerTools {
  /** Writes the tracker, or updates it; `overwrite`: the cells a `needsConfirmation` answer named, which the user agreed to overwrite. */
  writeTracker(options?: { overwrite?: readonly string[] }): Promise<TrackerOutcome>;
  goTo(address: string): Promise<{ error: string } | null>;
}

/** Text stays text (cells.ts asCellValue): a report reference such as "4.10" is not turned into the number 4.1, nor "=…" into a formula. */
const cellValue = (v: string | number): string | number => asCellValue(v);

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/**
 * The Status list and the Date rule on those columns' body cells (a separate request: a host refusing it leaves
 * the cells written). With `keep`, a column that has a rule already (the tracker's, or one the user set) keeps it:
 * only a column with none gets the tracker's.
 */
async function addValidation(context: Excel.RequestContext, sheet: Excel.Worksheet, at: { top: number; left: number; rows: number }, status: number | null, date: number | null, keep: boolean): Promise<string | undefined> {
  const columns = [status !== null ? "Status" : "", date !== null ? "Date" : ""].filter(Boolean);
  if (!columns.length || at.rows < 1) return undefined;
  const skipped = `The Status list and the Date check (${columns.join(", ")}) were not added`;
  if (!excelApiSupported("1.8")) return `${skipped}: this version of Excel has no data validation API (ExcelApi 1.8).`;
  try {
    const rules: [number | null, Excel.DataValidationRule][] = [
      [status, { list: { inCellDropDown: true, source: TRACKER_STATUSES.join(",") } }],
      [date, { date: { formula1: TRACKER_DATE_FROM, operator: "GreaterThanOrEqualTo" } }],
    ];
    const targets = rules.filter((r): r is [number, Excel.DataValidationRule] => r[0] !== null).map(([c, rule]) => ({ v: sheet.getRangeByIndexes(at.top + 1, at.left + c, at.rows, 1).dataValidation, rule }));
    if (keep) {
      for (const t of targets) t.v.load("type");
      await context.sync();
    }
    for (const t of targets) {
      if (keep && t.v.type !== "None") continue;
      t.v.clear();
      t.v.rule = t.rule;
    }
    await context.sync();
    return undefined;
  } catch (e) {
    return `${skipped}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** The first run: a new sheet with the title rows and the table, finished, opened at A1. */
async function create(context: Excel.RequestContext): Promise<TrackerOutcome> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(TRACKER_SHEET_NAME, sheets.items.map((s) => s.name));
  const sheet = sheets.add(name);
  const rows = trackerRows();
  const width = TRACKER_COLUMNS.length;
  sheet.getRangeByIndexes(0, 0, TRACKER_TITLE.length, 1).values = TRACKER_TITLE.map((r) => [asCellValue(r[0])]);
  const top = TRACKER_TITLE.length + 1;
  sheet.getRangeByIndexes(top, 0, rows.length + 1, width).values = [TRACKER_COLUMNS.map(asCellValue), ...rows.map((r) => r.map(cellValue))];
  const table = sheet.tables.add(rangeAddress(name, top, 0, rows.length + 1, width), true);
  table.name = TRACKER_TABLE_NAME;
  finishTable(sheet, table, { top, columns: TRACKER_COLUMNS, rows, formats: { Date: TRACKER_DATE_FORMAT }, title: true });
  sheet.activate();
  sheet.getRange("A1").select();
  await context.sync();
  const warning = await addValidation(context, sheet, { top, left: 0, rows: rows.length }, TRACKER_COLUMNS.indexOf("Status"), TRACKER_COLUMNS.indexOf("Date"), false);
  const address = rangeAddress(name, top, 0, rows.length + 1, width);
  return {
    status: "written",
    created: true,
    sheet: name,
    address,
    message: `The tracker is on the new sheet "${name}": the ${plural(rows.length, "recommendation")} with the Government's response to each and the Secretary of State's priorities, and Status, Owner, Date and Notes for you to fill in.`,
    ...(warning ? { warning } : {}),
  };
}

/** A re-run: the engine's columns updated in place, by No.; nothing of the user's written. */
async function update(context: Excel.RequestContext, table: Excel.Table, confirmed: readonly string[]): Promise<TrackerOutcome> {
  const whole = table.getRange().load("address,rowIndex,columnIndex,rowCount,columnCount");
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("values");
  await context.sync();
  const sheetName = sheetOfAddress(whole.address);
  const plan = planTrackerUpdate(header.values[0] ?? [], body.values);
  if (!plan.ok) return { status: "error", message: plan.error.message };
  const p = plan.value;
  const top = whole.rowIndex;
  const left = whole.columnIndex;
  const at = (c: TrackerCell) => rangeAddress(null, top + 1 + c.row, left + c.column, 1, 1);
  // Overwritten only when every such cell is one the user was shown (one typed since asks again).
  const overwrite = p.changed.length > 0 && p.changed.every((c) => confirmed.includes(at(c)));
  if (p.changed.length && !overwrite) {
    const cells = p.changed.map(at);
    const shown = cells.length > 8 ? `${cells.slice(0, 8).join(", ")} and ${cells.length - 8} more` : cells.join(", ");
    return {
      status: "needsConfirmation",
      cells,
      message: `${plural(cells.length, "cell")} of the tracker's own columns on "${sheetName}" ${cells.length === 1 ? "differs" : "differ"} from the documents' text (typed since the tracker was written?): ${shown}. Overwrite ${cells.length === 1 ? "it" : "them"} with the text from the documents? Your Status, Owner, Date and Notes are kept either way.`,
    };
  }
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const writes = overwrite ? [...p.writes, ...p.changed] : p.writes;
  for (const c of writes) sheet.getRangeByIndexes(top + 1 + c.row, left + c.column, 1, 1).values = [[cellValue(c.value)]];
  if (writes.length) await context.sync();
  const warning = await addValidation(context, sheet, { top, left, rows: body.values.length }, p.statusColumn, p.dateColumn, true);
  const notes = [
    p.missingColumns.length ? `Not found, so not updated (renamed or deleted?): ${p.missingColumns.join(", ")}.` : "",
    p.missingNumbers.length ? `No row for ${p.missingNumbers.length === 1 ? "recommendation" : "recommendations"} ${p.missingNumbers.join(", ")} (deleted?): not added back; delete the tracker's sheet to write all 57 afresh.` : "",
    p.duplicateRows.length ? `${plural(p.duplicateRows.length, "row")} repeating a No. left as ${p.duplicateRows.length === 1 ? "it is" : "they are"}.` : "",
  ].filter(Boolean);
  const kept = [
    "your Status, Owner, Date and Notes",
    p.userColumns.length ? `your ${p.userColumns.length === 1 ? "column" : "columns"} ${p.userColumns.map((c) => `"${c}"`).join(", ")}` : "",
    p.otherRows.length ? `your ${plural(p.otherRows.length, "row")} without a No.` : "",
  ].filter(Boolean);
  return {
    status: "written",
    created: false,
    sheet: sheetName,
    address: whole.address,
    message: [
      `Updated the tracker on "${sheetName}": ${plural(p.matched, "recommendation")} matched by No., ${writes.length ? `${plural(writes.length, "cell")} of the documents' text written` : "its text already up to date"}; ${kept.join(", ")} kept.`,
      ...notes,
    ].join(" "),
    ...(warning ? { warning } : {}),
  };
}

export function createTrackerTools(run: ExcelRun = (batch) => Excel.run(batch)): TrackerTools {
  async function writeTracker(options: { overwrite?: readonly string[] } = {}): Promise<TrackerOutcome> {
    try {
      return await run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject(TRACKER_TABLE_NAME);
        table.load("name");
        await context.sync();
        return table.isNullObject ? create(context) : update(context, table, options.overwrite ?? []);
      });
    } catch (e) {
      return { status: "error", message: `Could not write the tracker: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { writeTracker, goTo: createGoTo(run) };
}
