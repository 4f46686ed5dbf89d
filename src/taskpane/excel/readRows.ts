/** Plain reads of cells: a block in payload-sized row chunks, and one header row. */
import { headerText } from "./cells";
import { MAX_CHUNK_ROWS, READ_BYTES_PER_CELL } from "./payload";

/* global Excel */

/** Values of a block of a sheet, read in row chunks sized to `targetBytes` per request (one sync per chunk). */
export async function readRowsInChunks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  block: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number },
  targetBytes: number,
  what: "values" | "numberFormat" = "values",
): Promise<unknown[][]> {
  const chunk = Math.max(1, Math.min(MAX_CHUNK_ROWS, Math.floor(targetBytes / (block.columnCount * READ_BYTES_PER_CELL))));
  const out: unknown[][] = [];
  for (let start = 0; start < block.rowCount; start += chunk) {
    const part = sheet.getRangeByIndexes(block.rowIndex + start, block.columnIndex, Math.min(chunk, block.rowCount - start), block.columnCount).load(what);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per row chunk, to stay under the 5 MB payload limit
    await context.sync();
    out.push(...((what === "values" ? part.values : part.numberFormat) as unknown[][]));
  }
  return out;
}

/** Reads one header row: the small piece the office-addin-mock test drives (load, then sync, then read). */
export async function readHeaderRow(context: Excel.RequestContext, sheetName: string, address: string): Promise<string[]> {
  const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
  range.load("values");
  await context.sync();
  return (range.values[0] ?? []).map(headerText);
}
