/**
 * A one-sheet workbook holding an area profile (`cohesion profile --out FILE.xlsx`): the header block,
 * a blank row, then the table, finished like the pane's sheets (bold title, bold header, long text wrapped
 * and top-aligned, column widths from the content, the rows down to the table header frozen, landscape one
 * page wide with those rows repeated). ECMA-376 Part 1 §12.2 minimal package, written with ZipOut.
 */
import type { Writable } from "stream";
import { columnLetter, quoteSheet } from "../../engine";
import { CONTENT_WORKSHEET, NS_REL, TYPE_WORKSHEET, esc } from "./book";
import { cellXml } from "./sheetPatch";
import { NS_MAIN, addWorkbookParts } from "./package";
import { ZipOut } from "./zipOut";


/** Styles: 0 normal, 1 bold 14 (title), 2 bold wrapped top (table header), 3 wrapped top (body). */
const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Widest a column gets (characters), as in the pane (src/taskpane/excel/finish.ts MAX_COLUMN_CHARS). */
const MAX_CHARS = 50;
const MIN_CHARS = 8;
/** A column empty below its header (for the user to fill in) gets room to write. */
const FILL_IN_CHARS = 40;

export interface ProfileBook {
  sheetName: string;
  header: readonly (readonly (string | number)[])[];
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

function widths(b: ProfileBook): number[] {
  return b.columns.map((name, j) => {
    const longest = Math.max(0, ...b.rows.map((r) => Math.max(0, ...String(r[j] ?? "").split("\n").map((l) => l.length))));
    const want = longest === 0 ? FILL_IN_CHARS : Math.max(longest, ...name.split(/\s+/).map((w) => w.length)) + 2;
    return Math.min(MAX_CHARS, Math.max(MIN_CHARS, want));
  });
}

export function profileSheetXml(b: ProfileBook): string {
  const top = b.header.length ? b.header.length + 1 : 0; // 0-based row of the table header
  const rows: string[] = [];
  const rowXml = (r: number, cells: readonly (string | number)[], style: (c: number) => string | undefined) => {
    const xml = cells.map((v, c) => cellXml("", `${columnLetter(c + 1)}${r + 1}`, v, style(c))).join("");
    if (xml) rows.push(`<row r="${r + 1}">${xml}</row>`);
  };
  b.header.forEach((cells, r) => rowXml(r, cells, (c) => (r === 0 && c === 0 ? "1" : undefined)));
  rowXml(top, b.columns, () => "2");
  b.rows.forEach((cells, i) => rowXml(top + 1 + i, cells, () => "3"));
  const cols = widths(b).map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`).join("");
  const frozen = top + 1;
  const last = `${columnLetter(b.columns.length)}${top + 1 + b.rows.length}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetViews><sheetView workbookViewId="0" tabSelected="1"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join("")}</sheetData>` +
    `<autoFilter ref="A${top + 1}:${last}"/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`
  );
}

/** Writes the one-sheet workbook to `stream`. */
export async function writeProfileBook(stream: Writable, b: ProfileBook): Promise<void> {
  const zip = new ZipOut(stream);
  const top = b.header.length ? b.header.length + 1 : 0;
  await zip.add("xl/worksheets/sheet1.xml", profileSheetXml(b));
  await zip.add("xl/styles.xml", STYLES);
  const quoted = quoteSheet(b.sheetName);
  await addWorkbookParts(
    zip,
    [b.sheetName],
    [
      { name: "_xlnm._FilterDatabase", sheet: 0, hidden: true, ref: `${quoted}!$A$${top + 1}:$${columnLetter(b.columns.length)}$${top + 1 + b.rows.length}` },
      { name: "_xlnm.Print_Titles", sheet: 0, ref: `${quoted}!$1:$${top + 1}` },
    ],
  );
  await zip.finish();
}
