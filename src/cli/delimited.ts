/**
 * CSV (and semicolon- or tab-separated) text: decoding, delimiter detection, parsing and writing.
 * UTF-8 with or without a byte-order mark; UTF-16 with a BOM (Excel's "Unicode text"); otherwise,
 * if the bytes are not valid UTF-8, Windows-1252 (older Excel "CSV" saves). Output is UTF-8.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { CliError, describeError } from "./errors";

export type Delimiter = "," | ";" | "\t";
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

export interface DecodedText {
  text: string;
  bom: boolean;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
  eol: "\n" | "\r\n";
}

export interface DelimitedTable extends DecodedText {
  delimiter: Delimiter;
  rows: string[][];
}

export function decodeText(buf: Buffer, shown: string): DecodedText {
  let text: string;
  let bom = false;
  let encoding: DecodedText["encoding"] = "utf-8";
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    [text, bom, encoding] = [new TextDecoder("utf-16le").decode(buf.subarray(2)), true, "utf-16le"];
  } else if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    [text, bom, encoding] = [new TextDecoder("utf-16be").decode(buf.subarray(2)), true, "utf-16be"];
  } else {
    if (buf.length >= 4 && buf.readUInt32BE(0) === 0x504b0304) {
      throw new CliError(`cannot read ${shown}: it is a zip file (an .xlsx workbook?), not CSV text; give it the .xlsx extension`);
    }
    if (buf.subarray(0, 65536).includes(0)) throw new CliError(`cannot read ${shown}: not a CSV text file (it holds binary data)`);
    bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    const body = bom ? buf.subarray(3) : buf;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      text = new TextDecoder("windows-1252").decode(body);
      encoding = "windows-1252";
    }
  }
  const firstBreak = text.search(/\r?\n/);
  const eol = firstBreak >= 0 && text[firstBreak] === "\r" ? "\r\n" : "\n";
  return { text, bom, encoding, eol };
}

/** Counts of each candidate delimiter outside quotes, per record, for the first records of the text. */
function sampleCounts(text: string, maxRecords = 20, maxChars = 65536): number[][] {
  const counts: number[][] = [];
  let cur = [0, 0, 0];
  let inQuotes = false;
  let any = false;
  const end = Math.min(text.length, maxChars);
  for (let i = 0; i < end && counts.length < maxRecords; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (any) counts.push(cur);
      cur = [0, 0, 0];
      any = false;
      continue;
    } else if (!inQuotes) {
      const k = DELIMITERS.indexOf(ch as Delimiter);
      if (k >= 0) cur[k]++;
    }
    if (ch.trim() !== "") any = true;
  }
  if (any && counts.length < maxRecords) counts.push(cur);
  return counts;
}

/**
 * Comma, semicolon or tab: the candidate found in the first record that splits the most of the
 * following records into the same number of fields (ties: more fields, then comma, semicolon, tab).
 * @example detectDelimiter("Area;Score\nX;59,5") //=> ";"
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = sampleCounts(text);
  if (!counts.length) return ",";
  let best: Delimiter = ",";
  let bestScore = -1;
  DELIMITERS.forEach((d, k) => {
    const h = counts[0][k];
    if (h === 0) return;
    const consistent = counts.filter((c) => c[k] === h).length;
    const score = consistent * 10000 + h;
    if (score > bestScore) [best, bestScore] = [d, score];
  });
  return best;
}

export function readDelimited(buf: Buffer, shown: string): DelimitedTable {
  const decoded = decodeText(buf, shown);
  const delimiter = detectDelimiter(decoded.text);
  let rows: string[][];
  try {
    rows = parse(decoded.text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: false }) as string[][];
  } catch (e) {
    throw new CliError(`cannot read ${shown}: not valid CSV (${describeError(e)})`);
  }
  return { ...decoded, delimiter, rows };
}

export function writeDelimited(rows: readonly (readonly string[])[], options: { delimiter: Delimiter; eol: "\n" | "\r\n"; bom: boolean }): string {
  return stringify(rows as string[][], { delimiter: options.delimiter, record_delimiter: options.eol === "\r\n" ? "windows" : "unix", bom: options.bom });
}
