/**
 * Looks inside an .xlsx (a zip of XML parts) before reading it, to
 * - refuse files that are not workbooks, saying which kind of file each is: empty, not a zip, a
 *   damaged (truncated) zip, a zip without a workbook, an encrypted workbook (Excel stores those as
 *   OLE compound files holding EncryptionInfo and EncryptedPackage), an old .xls;
 * - check every part once, in pieces: its CRC, and that its XML is not cut short;
 * - collect each sheet's merged ranges (they come after the rows, and a streamed read needs them first).
 */
import { CliError } from "./errors";
import { compoundFileNames, isCompoundFile, readEntry, scanEntry, zipEntries } from "./zip";
import { guardZipSizes } from "./zipLimits";

export interface WorkbookInspection {
  /** Sheet names in workbook order. */
  sheetNames: string[];
  /** Each sheet part's merged ranges ("B2:D2"), read on the same pass (they sit after the rows, so a streamed read needs them first). */
  merges: Map<string, string[]>;
}

/** Characters of one piece kept in front of the next when scanning a part (longer than any pattern looked for). */
const OVERLAP = 1024;

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
  const names = [...entries.keys()].filter((n) => !n.endsWith("/"));
  const sheets = names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  /**
   * Every part is unpacked once, in pieces (memory stays flat on a million-row sheet), and checked
   * whole: a part that fails its CRC, or XML cut short, would otherwise be read as a shorter table
   * without a word. `look` sees each piece with the end
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
  const merges = new Map<string, string[]>();
  for (const n of sheets) {
    const refs = new Set<string>();
    await check(n, "worksheet", (text) => {
      if (text.includes("mergeCell")) for (const m of text.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\sref\s*=\s*"([^"]+)"/g)) refs.add(m[1]);
    });
    if (refs.size) merges.set(n, [...refs]);
  }
  // The shared strings (every text cell's text) and the styles: the same checks.
  for (const [n, root] of [["xl/sharedStrings.xml", "sst"], ["xl/styles.xml", "styleSheet"]]) {
    if (entries.has(n)) await check(n, root);
  }
  return { sheetNames, merges };
}
