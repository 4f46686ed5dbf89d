/**
 * The Summary sheet's XML (a new part), and the two cell formats it uses added to a workbook's
 * styles (ECMA-376 Part 1, §18.8: fonts, cellXfs; built-in number format 3 is "#,##0").
 */
import { columnLetter } from "../../engine";
import type { SummaryCell } from "../summary";
import { NS_REL } from "./book";
import { cellXml } from "./sheetPatch";

const SUMMARY_WIDTHS = [48, 34, 20, 18, 26, 14];

/** styles.xml with a bold title font and two cell formats added (title; whole numbers with thousands separators). */
export function summaryStyles(xml: string | undefined): { xml: string; title: string; thousands: string } | null {
  if (!xml) return null;
  const fonts = /<((?:\w+:)?)fonts\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?fonts>/.exec(xml);
  const xfs = /<((?:\w+:)?)cellXfs\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!fonts || !xfs) return null;
  const p = fonts[1];
  const fontCount = [...fonts[3].matchAll(/<(?:\w+:)?font\b/g)].length;
  const xfCount = [...xfs[3].matchAll(/<(?:\w+:)?xf\b/g)].length;
  const font = `<${p}font><${p}b/><${p}sz val="14"/></${p}font>`;
  const x = xfs[1];
  const added = `<${x}xf numFmtId="0" fontId="${fontCount}" fillId="0" borderId="0" xfId="0" applyFont="1"/><${x}xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
  const count = (attrs: string, n: number) => (/\scount\s*=/.test(attrs) ? attrs.replace(/(\scount\s*=\s*")\d+"/, `$1${n}"`) : `${attrs} count="${n}"`);
  let out = xml.slice(0, fonts.index) + `<${p}fonts${count(fonts[2], fontCount + 1)}>${fonts[3]}${font}</${p}fonts>` + xml.slice(fonts.index + fonts[0].length);
  const xfs2 = /<((?:\w+:)?)cellXfs\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(out)!;
  out = out.slice(0, xfs2.index) + `<${x}cellXfs${count(xfs2[2], xfCount + 2)}>${xfs2[3]}${added}</${x}cellXfs>` + out.slice(xfs2.index + xfs2[0].length);
  return { xml: out, title: String(xfCount), thousands: String(xfCount + 1) };
}

export function summarySheetXml(rows: readonly (readonly SummaryCell[])[], styles: { title: string; thousands: string } | null): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const body = rows
    .map((row, i) => {
      const r = i + 1;
      const cells = row
        .map((v, c) => {
          const style = !styles ? undefined : r === 1 && c === 0 ? styles.title : typeof v === "number" && Number.isInteger(v) && Math.abs(v) >= 1000 ? styles.thousands : undefined;
          return v === null ? "" : cellXml("", `${columnLetter(c + 1)}${r}`, v, style);
        })
        .join("");
      return `<row r="${r}">${cells}</row>`;
    })
    .join("");
  const cols = SUMMARY_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${columnLetter(width)}${Math.max(1, rows.length)}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${body}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

