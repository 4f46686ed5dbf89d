/** A new sheet holding a header block and an Excel table (the Action plan, the Analysis view's tables). */
import { asCellValue, rangeAddress } from "./cells";
import { finishTable } from "./finish";
import { excelApiSupported } from "./requirements";
import type { ExcelRun } from "./types";

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ]. */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const clean = base.replace(/[:\\/?*[\]]/g, " ").trim().slice(0, 31) || "Action plan";
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const name = clean.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * Writes a NEW sheet (never replacing one; a new name if taken): a block of header rows at A1, one
 * blank row, then an Excel table with `columns` as its header and `rows` as its body. Text that
 * Excel would read as a formula stays text. The sheet is finished (./finish.ts: widths, wrap, table style,
 * `formats` by column header, frozen header, print set-up), made the active sheet and opened at A1.
 * One request to find the names in use, one to write; with `lists`, one more to give those columns' body cells an in-cell drop-down list (data
 * validation, ExcelApi 1.8): should that fail, the sheet stands and `warning` says so.
 */
export async function insertTableSheet(
  run: ExcelRun,
  baseName: string,
  header: readonly (readonly (string | number)[])[],
  columns: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  options: { lists?: readonly { column: string; choices: readonly string[] }[]; formats?: Readonly<Record<string, string>> } = {},
): Promise<{ sheet: string; warning?: string } | { error: string }> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const name = uniqueSheetName(baseName, sheets.items.map((s) => s.name));
      const sheet = sheets.add(name);
      const width = columns.length;
      const headerWidth = Math.max(2, ...header.map((r) => r.length));
      const block = header.map((r) => [...r.map(asCellValue), ...new Array(headerWidth - r.length).fill("")]);
      if (block.length) sheet.getRangeByIndexes(0, 0, block.length, headerWidth).values = block;
      const top = block.length ? block.length + 1 : 0;
      const body = rows.length ? rows.map((r) => r.map(asCellValue)) : [new Array(width).fill("")];
      sheet.getRangeByIndexes(top, 0, body.length + 1, width).values = [columns.map(asCellValue), ...body];
      const table = sheet.tables.add(rangeAddress(name, top, 0, body.length + 1, width), true);
      finishTable(sheet, table, { top, columns, rows, formats: options.formats, title: block.length > 0 });
      sheet.activate();
      sheet.getRange("A1").select();
      await context.sync();
      const lists = (options.lists ?? []).filter((l) => columns.includes(l.column) && l.choices.length > 0);
      if (lists.length === 0) return { sheet: name };
      const skipped = `The sheet "${name}" is written, but its in-cell lists (${lists.map((l) => l.column).join(", ")}) were not added`;
      if (!excelApiSupported("1.8")) return { sheet: name, warning: `${skipped}: this version of Excel has no data validation API (ExcelApi 1.8).` };
      try {
        // A separate request, on the new sheet's table body only: a host that refuses it leaves the written sheet as it is.
        for (const l of lists) {
          sheet.getRangeByIndexes(top + 1, columns.indexOf(l.column), body.length, 1).dataValidation.rule = {
            list: { inCellDropDown: true, source: l.choices.map((c) => c.replace(/,/g, " ")).join(",") },
          };
        }
        await context.sync();
        return { sheet: name };
      } catch (e) {
        return { sheet: name, warning: `${skipped}: ${e instanceof Error ? e.message : String(e)}` };
      }
    });
  } catch (e) {
    return { error: `Could not write the sheet: ${e instanceof Error ? e.message : String(e)}` };
  }
}
