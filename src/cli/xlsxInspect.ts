/**
 * Looks inside an .xlsx (a zip of XML parts) before reading it, to
 * - refuse files that are not workbooks, or are encrypted (Excel stores those as OLE compound files);
 * - decide whether the workbook is "plain": one sheet holding only values (no formulas, styles, merged
 *   cells, validation, conditional formats, column widths, drawings, names …). Only a plain workbook
 *   may take the streaming path, because ExcelJS's streaming reader and writer keep values only;
 * - name the parts that ExcelJS drops on any rewrite (charts, pivot tables, macros), to warn about them.
 */
import { CliError } from "./errors";
import { isCompoundFile, readEntry, zipEntries } from "./zip";

export interface WorkbookInspection {
  /** Sheet names in workbook order. */
  sheetNames: string[];
  /** A single sheet of plain values (see the module comment). */
  plain: boolean;
  /** Parts of the workbook that ExcelJS cannot keep when it writes the workbook again. */
  lost: string[];
}

const PLAIN_PARTS =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/[^/]+\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/theme\/theme\d+\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

/** Anything in a sheet's XML beyond plain values: formulas, non-default styles, layout and view settings. */
const NOT_PLAIN_SHEET =
  /<f[\s>/]|\ss="[1-9]|<mergeCell|<conditionalFormatting|<dataValidation|<hyperlink|<cols>|<pane\b|<autoFilter|<sheetProtection|customHeight="1"|<tableParts|<drawing|<legacyDrawing|<picture|<tabColor|<headerFooter|<rowBreaks|<colBreaks|showGridLines="0"|zoomScale|<pageSetup[^>]*\b(paperSize|orientation="landscape"|usePrinterDefaults)|fitToPage="1"|<printOptions|<outlinePr|outlineLevel="[1-9]|hidden="1"/;

const LOSSY: [RegExp, string][] = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/pivot(Tables|Cache)\//, "pivot tables"],
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/slicers?\w*\//, "slicers"],
];

export function xmlUnescape(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    if (k === "amp") return "&";
    const code = k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

export function inspectXlsx(buf: Buffer, shown: string): WorkbookInspection {
  const unreadable = () => new CliError(`cannot read ${shown}: the file is encrypted or not an .xlsx workbook`);
  if (isCompoundFile(buf)) throw unreadable();
  const entries = zipEntries(buf);
  const wbEntry = entries?.get("xl/workbook.xml");
  if (!entries || !wbEntry) throw unreadable();
  const wbXml = readEntry(buf, wbEntry)?.toString("utf8");
  if (wbXml === undefined) throw unreadable();
  const sheetNames = [...wbXml.matchAll(/<sheet\s[^>]*?\bname="([^"]*)"/g)].map((m) => xmlUnescape(m[1]));
  const lost = [...new Set([...entries.keys()].flatMap((n) => LOSSY.filter(([re]) => re.test(n)).map(([, what]) => what)))];

  const names = [...entries.keys()].filter((n) => !n.endsWith("/"));
  const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  let plain = sheetNames.length === 1 && sheets.length === 1 && names.every((n) => PLAIN_PARTS.test(n)) && !/<definedName/.test(wbXml);
  if (plain) {
    const xml = readEntry(buf, entries.get(sheets[0])!);
    plain = xml !== null && !NOT_PLAIN_SHEET.test(xml.toString("latin1"));
  }
  return { sheetNames, plain, lost };
}
