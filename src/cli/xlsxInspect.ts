/**
 * Looks inside an .xlsx (a zip of XML parts) before reading it, to
 * - refuse files that are not workbooks, saying which kind of file each is: empty, not a zip, a
 *   damaged (truncated) zip, a zip without a workbook, an encrypted workbook (Excel stores those as
 *   OLE compound files holding EncryptionInfo and EncryptedPackage), an old .xls;
 * - decide whether the workbook is "plain": one sheet holding only values (no formulas, styles, merged
 *   cells, validation, conditional formats, column widths, drawings, names …). Only a plain workbook
 *   may take the streaming path, because ExcelJS's streaming reader and writer keep values only;
 * - name the parts that ExcelJS drops on any rewrite (charts, pivot tables, macros, a sheet's filter
 *   criteria), to warn about them.
 */
import { CliError } from "./errors";
import { compoundFileNames, isCompoundFile, readEntry, scanEntry, zipEntries } from "./zip";
import { guardZipSizes } from "./zipLimits";

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

/** Characters of one piece kept in front of the next when scanning a part (longer than any pattern looked for). */
const OVERLAP = 1024;

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

/** Why a file named .xlsx cannot be read, in one line for the user (each kind of hostile file has its own words). */
export function unreadableWorkbook(buf: Buffer, shown: string): CliError {
  const say = (why: string) => new CliError(`cannot read ${shown}: ${why}`);
  if (buf.length === 0) return say("the file is empty (0 bytes), not an .xlsx workbook");
  if (isCompoundFile(buf)) {
    const names = compoundFileNames(buf) ?? [];
    const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
    if (has("EncryptedPackage") || has("EncryptionInfo") || (names.length === 0 && buf.includes(Buffer.from("EncryptedPackage", "utf16le")))) {
      return say("the workbook is encrypted (password-protected); open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save a copy and run again");
    }
    if (has("Workbook") || has("Book")) return say("it is an Excel 97-2003 workbook (.xls), not an .xlsx; open it in Excel and save it as an Excel Workbook (.xlsx)");
    return say("it is an OLE compound file (an encrypted workbook, an old .xls or another Office file), not an .xlsx workbook");
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) return say("not an .xlsx workbook (the file is not a zip archive)");
  const entries = zipEntries(buf);
  if (!entries) return say("the .xlsx file is damaged: its zip directory is missing or cut short (an incomplete download or copy?)");
  if (!entries.has("xl/workbook.xml")) {
    const kind = entries.has("word/document.xml") ? "a Word document" : entries.has("ppt/presentation.xml") ? "a PowerPoint file" : entries.has("mimetype") ? "an OpenDocument file" : "a zip archive";
    return say(`not an Excel workbook: it is ${kind} without xl/workbook.xml`);
  }
  return say("the .xlsx file is damaged: xl/workbook.xml cannot be unpacked");
}

export async function inspectXlsx(buf: Buffer, shown: string): Promise<WorkbookInspection> {
  const unreadable = () => unreadableWorkbook(buf, shown);
  if (isCompoundFile(buf)) throw unreadable();
  const entries = zipEntries(buf);
  const wbEntry = entries?.get("xl/workbook.xml");
  if (!entries || !wbEntry) throw unreadable();
  await guardZipSizes(buf, entries, shown); // zip bombs: sizes, ratios, entries and unnamed parts, before any part is read whole
  const wbXml = readEntry(buf, wbEntry)?.toString("utf8");
  if (wbXml === undefined) throw unreadable(); // fails to unpack or its checksum
  const sheetNames = [...wbXml.matchAll(/<sheet\s[^>]*?\bname="([^"]*)"/g)].map((m) => xmlUnescape(m[1]));
  const lost = [...new Set([...entries.keys()].flatMap((n) => LOSSY.filter(([re]) => re.test(n)).map(([, what]) => what)))];

  const names = [...entries.keys()].filter((n) => !n.endsWith("/"));
  const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  let plain = sheetNames.length === 1 && sheets.length === 1 && names.every((n) => PLAIN_PARTS.test(n)) && !/<definedName/.test(wbXml);
  /**
   * Every part is unpacked once, in pieces (memory stays flat on a million-row sheet), and checked
   * whole: a part that fails its CRC, or XML cut short, would otherwise be read as a shorter table
   * without a word (ExcelJS's streaming reader stops quietly). `look` sees each piece with the end
   * of the one before (patterns are short), and the last 1,024 characters are checked for the root's
   * closing tag.
   */
  const check = async (n: string, root: string, look?: (text: string) => void) => {
    let tail = "";
    const whole = await scanEntry(buf, entries.get(n)!, (chunk) => {
      const text = tail + chunk.toString("latin1");
      look?.(text);
      tail = text.slice(-OVERLAP);
    });
    if (!whole) throw new CliError(`cannot read ${shown}: the .xlsx file is damaged: ${n} cannot be unpacked (its data is corrupt)`);
    if (!new RegExp(`</(\\w+:)?${root}>\\s*$`).test(tail)) throw new CliError(`cannot read ${shown}: the .xlsx file is damaged: ${n} is cut short`);
  };
  let filtered = false;
  for (const n of sheets) {
    await check(n, "worksheet", (text) => {
      if (plain && NOT_PLAIN_SHEET.test(text)) plain = false;
      // A sheet's filter criteria (which rows an AutoFilter hides): ExcelJS keeps the filter's range and
      // the hidden rows, but not the criteria.
      if (!filtered && text.includes("<filterColumn")) filtered = true;
    });
  }
  if (filtered) lost.push("filter criteria (the rows they hide stay hidden)");
  // The shared strings (every text cell's text) and the styles: the same checks.
  for (const [n, root] of [["xl/sharedStrings.xml", "sst"], ["xl/styles.xml", "styleSheet"]]) {
    if (entries.has(n)) await check(n, root);
  }
  return { sheetNames, plain, lost };
}
