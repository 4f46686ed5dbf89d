/**
 * A new workbook written as it streams (a CSV made .xlsx): the data sheet's rows go out as they come,
 * packed a piece at a time (ZipOut), then the Summary sheet and the few fixed parts a workbook needs
 * (ECMA-376 Part 1 §12.2 minimal package: content types, relationships, workbook, styles). Memory
 * holds one chunk of rows and the packed sheet, never the table.
 */
import type { Writable } from "stream";
import { columnLetter, type OutputCell } from "../../engine";
import type { SummaryCell } from "../summary";
import { CONTENT_WORKSHEET, NS_REL, TYPE_WORKSHEET, esc } from "./book";
import { cellXml } from "./sheetPatch";
import { summarySheetXml, summaryStyles } from "./summarySheet";
import { NS_MAIN, addWorkbookParts } from "./package";
import { ZipOut } from "./zipOut";


/** The smallest styles part Excel accepts: one font, the two fills it requires, one border, one format. */
const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export interface NewRow {
  r: number;
  /** The row's cells (0-based) as they go in the sheet: numbers, text, booleans; null or undefined for none. */
  cells: readonly (OutputCell | boolean | undefined)[];
}

export interface NewBook {
  sheetName: string;
  rows: AsyncIterable<NewRow>;
  /** Widths of the result columns (1-based column → width). */
  widths: ReadonlyMap<number, number>;
  summaryName: string;
  summary: () => SummaryCell[][];
  /** Defined names (the markers), given the summary rows as written. */
  names: (summaryRows: SummaryCell[][]) => { name: string; ref: string }[];
}

/** Writes the workbook to `stream`. */
export async function writeNewBook(stream: Writable, b: NewBook): Promise<void> {
  const zip = new ZipOut(stream);
  await zip.addStreamed("xl/worksheets/sheet1.xml", async (write) => {
    // The dimension comes first in the part but is known only at the end: a sheet may leave it out (§18.3.1.35), and this one does.
    const cols = [...b.widths.entries()].sort((x, y) => x[0] - y[0]).map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`).join("");
    await write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetViews><sheetView workbookViewId="0" tabSelected="1"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>`);
    let lines: string[] = [];
    for await (const { r, cells } of b.rows) {
      let xml = "";
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (v === null || v === undefined || v === "") continue;
        xml += cellXml("", `${columnLetter(c + 1)}${r}`, v, undefined);
      }
      if (!xml) continue;
      lines.push(`<row r="${r}">${xml}</row>`);
      if (lines.length >= 1000) {
        await write(lines.join(""));
        lines = [];
      }
    }
    await write(lines.join(""));
    await write(`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
  });
  const styled = summaryStyles(STYLES)!;
  const summaryRows = b.summary();
  await zip.add("xl/worksheets/sheet2.xml", summarySheetXml(summaryRows, styled));
  await zip.add("xl/styles.xml", styled.xml);
  await addWorkbookParts(zip, [b.sheetName, b.summaryName], b.names(summaryRows));
  await zip.finish();
}
