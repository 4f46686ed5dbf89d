/** The Action plan view's workbook functions: read the selected area's table, write the plan sheet. */
import type { PercentField } from "../../engine/columns";
import type { PlanSheet } from "../../engine";
import { mapHeaders, PERCENT_FIELDS } from "../../engine/table";
import { rangeAddress } from "./cells";
import { createGoTo } from "./navigate";
import { createProfileTools, type ProfileTools } from "./profile";
import { REQUEST_TARGET_BYTES } from "./payload";
import { readRowsInChunks } from "./readRows";
import { ALLOCATION_FORMAT } from "./run/write";
import { insertTableSheet } from "./tableSheet";
import type { ExcelRun } from "./types";

/* global Excel */

/** What the Action plan view needs (plain data in and out); see components/ActionPlan.tsx (and AreaProfileAction.tsx: `writeProfile`, ./profile.ts). */
export interface ActionPlanTools extends ProfileTools {
  readSelectedArea(): Promise<{ headers: unknown[]; rows: unknown[][]; index: number; where: string; formats?: Partial<Record<PercentField, unknown[]>> } | { error: string }>;
  /** `warning` when the plan is written but its in-cell lists could not be added (Excel without ExcelApi 1.8). */
  insertActionPlan(plan: PlanSheet, baseName: string): Promise<{ sheet: string; warning?: string } | { error: string }>;
  /** Activates the sheet of `address` and selects it ("'Action plan'!A1"); an error in words when it is gone. */
  goTo(address: string): Promise<{ error: string } | null>;
}


export function createActionPlanTools(run: ExcelRun = (batch) => Excel.run(batch), options: { targetBytes?: number } = {}): ActionPlanTools {
  const target = options.targetBytes ?? REQUEST_TARGET_BYTES;

  /**
   * The table around the selected cell: an Excel table containing it, else the sheet's used range
   * (header in its first row). Header and data rows are read in payload-sized row chunks.
   */
  async function readSelectedArea() {
    try {
      return await run(async (context) => {
        const sheets = context.workbook.worksheets;
        const sheet = sheets.getActiveWorksheet();
        sheet.load("name");
        const sel = context.workbook.getSelectedRange();
        sel.load("rowIndex,columnIndex");
        const tables = sheets.getActiveWorksheet().tables.load("items/name,items/showHeaders");
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        await context.sync();
        const geo = tables.items.filter((t) => t.showHeaders).map((t) => ({ name: t.name, range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount") }));
        if (geo.length) await context.sync();
        const inside = (r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }) =>
          sel.rowIndex >= r.rowIndex && sel.rowIndex < r.rowIndex + r.rowCount && sel.columnIndex >= r.columnIndex && sel.columnIndex < r.columnIndex + r.columnCount;
        const table = geo.find((t) => inside(t.range));
        const region = table ? table.range : used.isNullObject ? null : used;
        if (!region || !inside(region)) return { error: "Select a cell in a data row of your indicator table first." };
        const index = sel.rowIndex - region.rowIndex - 1;
        if (index < 0) return { error: "That is the header row: select a cell in the area's own row." };
        const cols = region.columnCount;
        const all = await readRowsInChunks(context, sheet, region, target);
        const where = `${table ? `Table ${table.name}` : `${sheet.name}!${rangeAddress(null, region.rowIndex, region.columnIndex, region.rowCount, cols)}`}, row ${sel.rowIndex + 1}`;
        // The percentage columns' number formats too (decision A7: a % format means the stored value is a fraction).
        const fields = mapHeaders(all[0] ?? []);
        const formats: Partial<Record<PercentField, unknown[]>> = {};
        for (const f of PERCENT_FIELDS) {
          const c = fields[f];
          if (c === undefined || region.rowCount < 2) continue;
          const column = { rowIndex: region.rowIndex + 1, columnIndex: region.columnIndex + c, rowCount: region.rowCount - 1, columnCount: 1 };
          formats[f] = (await readRowsInChunks(context, sheet, column, target, "numberFormat")).map((r) => r[0]);
        }
        return { headers: all[0] ?? [], rows: all.slice(1), index, where, formats };
      });
    } catch (e) {
      return { error: `Could not read the selection: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  /**
   * Writes the plan to a NEW sheet (a new name if taken): header block (title, date, inputs), then
   * an Excel table with the Annex F columns, its choice columns given in-cell lists, the Resources column
   * formatted as pounds for the amounts the user enters (text stays text).
   */
  function insertActionPlan(plan: PlanSheet, baseName: string) {
    return insertTableSheet(run, baseName, plan.header, plan.columns, plan.rows, { lists: plan.lists, formats: { Resources: ALLOCATION_FORMAT } });
  }

  return { readSelectedArea, insertActionPlan, goTo: createGoTo(run), ...createProfileTools(run) };
}
