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
import { ZipOut } from "./zipOut";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The smallest styles part Excel accepts: one font, the two fills it requires, one border, one format. */
const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
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
    await write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${NS_REL}"><sheetViews><sheetView workbookViewId="0" tabSelected="1"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>`);
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
  const names = b.names(summaryRows).map((n) => `<definedName name="${esc(n.name)}">${esc(n.ref)}</definedName>`).join("");
  await zip.add(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews>` +
      `<sheets><sheet name="${esc(b.sheetName)}" sheetId="1" r:id="rId1"/><sheet name="${esc(b.summaryName)}" sheetId="2" r:id="rId2"/></sheets>` +
      (names ? `<definedNames>${names}</definedNames>` : "") +
      `<calcPr calcId="191029"/></workbook>`,
  );
  await zip.add(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${TYPE_WORKSHEET}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${TYPE_WORKSHEET}" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  await zip.add(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  await zip.add(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT_WORKSHEET}"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CONTENT_WORKSHEET}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  await zip.finish();
}
