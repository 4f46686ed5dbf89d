/**
 * Taking the user to what the pane wrote: activate its sheet and select the block, so that Excel scrolls
 * to it (Worksheet.activate, Range.select: ExcelApi 1.1). One request.
 */
import { sheetOfAddress } from "./cells";
import type { ExcelRun } from "./types";

/* global Excel */

/** Selects `address` ("Sheet1!O1:R353", "'Action plan'!A1") on its sheet, which becomes the active one. An error in words when the sheet is gone. */
export async function goTo(run: ExcelRun, address: string): Promise<{ error: string } | null> {
  const sheetName = sheetOfAddress(address);
  const ref = address.slice(address.lastIndexOf("!") + 1);
  try {
    return await run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      if (sheet.isNullObject) return { error: `The sheet "${sheetName}" is no longer in the workbook (renamed or deleted).` };
      sheet.activate();
      sheet.getRange(ref).select();
      await context.sync();
      return null;
    });
  } catch (e) {
    return { error: `Could not go to ${address}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** `goTo` with Excel.run (the pane's default). */
export function createGoTo(run: ExcelRun = (batch) => Excel.run(batch)): (address: string) => Promise<{ error: string } | null> {
  return (address) => goTo(run, address);
}
