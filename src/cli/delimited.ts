/**
 * CSV (and semicolon- or tab-separated) text: decoding, delimiter detection, parsing and writing,
 * all streamed, so a file of a million rows is never held in memory whole.
 * UTF-8 with or without a byte-order mark; UTF-16 with a BOM (Excel's "Unicode text"); otherwise,
 * if the bytes are not valid UTF-8, Windows-1252 (older Excel "CSV" saves). Output is UTF-8.
 * A quote inside an unquoted field (O"Brien) is kept as text, as Excel reads it; a quoted field that
 * is never closed is an error naming its row (Excel would swallow the rest of the file into one cell).
 */
import * as fs from "fs";
import { Readable } from "stream";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import { CliError, describeError } from "./errors";

export type Delimiter = "," | ";" | "\t";
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** How a delimited file is written: what `sniffDelimited` finds, and what the output copies. */
export interface DelimitedFormat {
  delimiter: Delimiter;
  bom: boolean;
  encoding: TextEncoding;
  eol: "\n" | "\r\n";
  /** Bytes of the byte-order mark, skipped before decoding. */
  skip: number;
}

const SNIFF = 65536;
/** Bytes read at a time: 64 KB keeps few parsed rows waiting in the parser (1 MB doubled the GC work). */
const CHUNK = 1 << 16;

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const fh = await fs.promises.open(file, "r");
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The file's text, decoded chunk by chunk (multi-byte characters split across chunks are joined). */
async function* decodedText(file: string, encoding: TextEncoding, skip: number, fatal = false): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal });
  const stream = fs.createReadStream(file, { start: skip, highWaterMark: CHUNK });
  try {
    for await (const chunk of stream) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (text) yield text;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } finally {
    stream.destroy();
  }
}

async function isUtf8(file: string, skip: number): Promise<boolean> {
  try {
    for await (const text of decodedText(file, "utf-8", skip, true)) void text;
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA" || e instanceof TypeError) return false; // the decoder's "not valid UTF-8"
    throw e;
  }
}

/** Encoding, BOM, line ends and delimiter, from the file's first 64 KB (and one pass to check UTF-8). */
export async function sniffDelimited(file: string, shown: string): Promise<DelimitedFormat> {
  let head: Buffer;
  try {
    head = await readHead(file, SNIFF);
  } catch (e) {
    throw new CliError(`cannot read ${shown}: ${describeError(e)}`);
  }
  let encoding: TextEncoding;
  let skip = 0;
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) [encoding, skip] = ["utf-16le", 2];
  else if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) [encoding, skip] = ["utf-16be", 2];
  else {
    if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) {
      throw new CliError(`cannot read ${shown}: it is a zip file (an .xlsx workbook?), not CSV text; give it the .xlsx extension`);
    }
    if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) {
      throw new CliError(`cannot read ${shown}: it is an Excel workbook file (encrypted, or an old .xls), not CSV text`);
    }
    if (head.includes(0)) throw new CliError(`cannot read ${shown}: not a CSV text file (it holds binary data)`);
    if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) skip = 3;
    encoding = (await isUtf8(file, skip)) ? "utf-8" : "windows-1252";
  }
  let sample = "";
  let eol: DelimitedFormat["eol"] | null = null;
  let prev = "";
  for await (const text of decodedText(file, encoding, skip)) {
    if (sample.length < SNIFF) sample += text;
    if (eol === null) {
      const n = text.indexOf("\n");
      if (n >= 0) eol = (n > 0 ? text[n - 1] : prev) === "\r" ? "\r\n" : "\n";
    }
    prev = text[text.length - 1];
    if (eol !== null && sample.length >= SNIFF) break;
  }
  return { delimiter: detectDelimiter(sample), bom: skip > 0, encoding, eol: eol ?? "\n", skip };
}

/** Counts of each candidate delimiter outside quotes, per record, for the first records of the text. */
function sampleCounts(text: string, maxRecords = 20, maxChars = SNIFF): number[][] {
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

function csvError(e: unknown, shown: string): CliError {
  if (e instanceof CliError) return e;
  const err = e as { code?: string; records?: number };
  const row = (err.records ?? 0) + 1;
  if (err.code === "CSV_QUOTE_NOT_CLOSED") {
    return new CliError(`cannot read ${shown}: a quoted field in row ${row} is never closed (a lone " character?); close the quotes or remove the ", then run again`);
  }
  if (typeof err.code === "string" && err.code.startsWith("CSV_")) return new CliError(`cannot read ${shown}: not valid CSV at row ${row} (${describeError(e)})`);
  return new CliError(`cannot read ${shown}: ${describeError(e)}`);
}

/** The file's records (rows) in order, parsed as they are read. Row n of the file is the n-th record. */
export async function* delimitedRecords(file: string, shown: string, format: DelimitedFormat): AsyncGenerator<string[]> {
  const parser = parse({ delimiter: format.delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false });
  const source = Readable.from(decodedText(file, format.encoding, format.skip));
  source.on("error", (e) => parser.destroy(e));
  source.pipe(parser);
  try {
    for await (const record of parser) yield record as string[];
  } catch (e) {
    throw csvError(e, shown);
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** Records as CSV text (one chunk of the output; the BOM goes with the first chunk only). */
export function writeDelimited(rows: readonly (readonly string[])[], options: { delimiter: Delimiter; eol: "\n" | "\r\n"; bom: boolean }): string {
  return stringify(rows as string[][], { delimiter: options.delimiter, record_delimiter: options.eol === "\r\n" ? "windows" : "unix", bom: options.bom });
}
