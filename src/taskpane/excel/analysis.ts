/** The Analysis view's workbook functions (peers, type mix): read a source's block, write a table sheet. */
import { createGoTo } from "./navigate";
import { REQUEST_TARGET_BYTES } from "./payload";
import { readRowsInChunks } from "./readRows";
import { insertTableSheet } from "./tableSheet";
import type { ExcelRun } from "./types";

/* global Excel */

/**
 * Reads a block such as "Sheet1!A1:H353" (a source's `address`) in payload-sized row chunks.
 * Plain values out; used by the Analysis view (peers, type mix).
 */
export async function readBlock(run: ExcelRun, address: string, targetBytes = REQUEST_TARGET_BYTES): Promise<unknown[][]> {
  return run(async (context) => {
    const bang = address.lastIndexOf("!");
    const sheetName = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    const ws = context.workbook.worksheets.getItem(sheetName);
    const geo = ws.getRange(address.slice(bang + 1)).load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    return readRowsInChunks(context, ws, geo, targetBytes);
  });
}

/** The Analysis view's workbook functions (peers, type mix). */
export function createAnalysisTools(run: ExcelRun = (batch) => Excel.run(batch)) {
  return {
    readBlock: (address: string) => readBlock(run, address),
    /** `formats`: number formats by column header, e.g. { "Share": "0.0%" }. */
    insertTableSheet: (baseName: string, header: string[][], columns: string[], rows: (string | number)[][], formats?: Readonly<Record<string, string>>) => insertTableSheet(run, baseName, header, columns, rows, { formats }),
    goTo: createGoTo(run),
  };
}
