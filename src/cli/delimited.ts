/**
 * CSV (and semicolon- or tab-separated) text: decoding, delimiter detection, parsing and writing,
 * all streamed, so a file of a million rows is never held in memory whole.
 * UTF-8 with or without a byte-order mark; UTF-16 with a BOM (Excel's "Unicode text"), or without one
 * (found by its NUL bytes); UTF-8 with a few bytes that are not UTF-8 is read as UTF-8, those bytes
 * replaced with U+FFFD and named by cell (a file with mixed encodings: the valid UTF-8 is never
 * garbled); otherwise, if the bytes are not UTF-8 at all, the 8-bit encoding chardet detects
 * (Windows-1252 unless another fits clearly better: older Excel "CSV" saves). Output is UTF-8.
 * A quote inside an unquoted field (O"Brien) is kept as text, as Excel reads it; a quoted field that
 * is never closed is an error naming its row (Excel would swallow the rest of the file into one cell).
 */
import * as fs from "fs";
import { Readable } from "stream";
import { analyse } from "chardet";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import { CliError, describeError } from "./errors";

export type Delimiter = "," | ";" | "\t";
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

/** A WHATWG encoding label TextDecoder knows: utf-8, utf-16le/be, windows-1252, or another 8-bit encoding chardet found. */
export type TextEncoding = string;

/** How a delimited file is written: what `sniffDelimited` finds, and what the output copies. */
export interface DelimitedFormat {
  delimiter: Delimiter;
  bom: boolean;
  encoding: TextEncoding;
  eol: "\n" | "\r\n";
  /** Bytes of the byte-order mark, skipped before decoding. */
  skip: number;
  /** How the encoding was decided, for stdout: e.g. "utf-16le without a BOM (found by its NUL bytes)". */
  how?: string;
  /** UTF-8 holding byte sequences that are not UTF-8 (mixed encodings): how many were replaced with U+FFFD. */
  invalid?: number;
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

/**
 * One pass over the file as UTF-8: how many byte sequences are not UTF-8 (each becomes U+FFFD), how
 * many characters beyond ASCII are valid UTF-8, and a sample of the bytes around the non-ASCII ones
 * (for chardet, should the file not be UTF-8 at all).
 */
async function utf8Census(file: string, skip: number): Promise<{ invalid: number; valid: number; sample: Buffer }> {
  const decoder = new TextDecoder("utf-8");
  const stream = fs.createReadStream(file, { start: skip, highWaterMark: CHUNK });
  const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]); // a U+FFFD written in the file itself
  let invalid = 0;
  let valid = 0;
  const pieces: Buffer[] = [];
  let sampled = 0;
  const count = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfffd) invalid++;
      else if (c >= 0x80 && !(c >= 0xdc00 && c <= 0xdfff)) valid++;
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      count(decoder.decode(chunk, { stream: true }));
      for (let at = chunk.indexOf(REPLACEMENT); at >= 0; at = chunk.indexOf(REPLACEMENT, at + 3)) [invalid, valid] = [invalid - 1, valid + 1];
      // The sample: each line (within this chunk) that holds a byte beyond ASCII, once.
      for (let i = 0; i < chunk.length && sampled < SNIFF; i++) {
        if (chunk[i] < 0x80) continue;
        const end = chunk.indexOf(0x0a, i);
        const line = chunk.subarray(chunk.lastIndexOf(0x0a, i) + 1, end < 0 ? chunk.length : end + 1);
        pieces.push(line);
        sampled += line.length;
        i = end < 0 ? chunk.length : end;
      }
    }
    count(decoder.decode());
  } finally {
    stream.destroy();
  }
  return { invalid: Math.max(0, invalid), valid, sample: Buffer.concat(pieces) };
}

/** chardet's names for the 8-bit encodings it detects, as TextDecoder labels (ISO-8859-1 is read as its superset, Windows-1252). */
const LEGACY: Record<string, string> = {
  "windows-1252": "windows-1252",
  "ISO-8859-1": "windows-1252",
  "windows-1250": "windows-1250",
  "ISO-8859-2": "iso-8859-2",
  "windows-1251": "windows-1251",
  "ISO-8859-5": "iso-8859-5",
  "KOI8-R": "koi8-r",
  "windows-1253": "windows-1253",
  "ISO-8859-7": "iso-8859-7",
  "windows-1254": "windows-1254",
  "ISO-8859-9": "iso-8859-9",
  "windows-1256": "windows-1256",
  "ISO-8859-6": "iso-8859-6",
  "ISO-8859-8": "iso-8859-8",
  Shift_JIS: "shift_jis",
  "EUC-JP": "euc-jp",
  "EUC-KR": "euc-kr",
  GB18030: "gb18030",
  Big5: "big5",
};

/**
 * The 8-bit encoding of text that is not UTF-8, by chardet (the sample is the bytes around the non-ASCII
 * ones). Windows-1252 (what Excel writes for "CSV" on a Western Windows) unless another encoding scores
 * clearly higher: chardet's scores on a few accented words are close, and a near-tie is no evidence
 * ("Zoë, Café, São Paulo" scores ISO-8859-1 and ISO-8859-2 alike; Polish place names score
 * Windows-1250 47, Windows-1252 13).
 */
export function legacyEncoding(sample: Buffer): string {
  const matches = analyse(sample).filter((m) => LEGACY[m.name]);
  const western = Math.max(0, ...matches.filter((m) => LEGACY[m.name] === "windows-1252").map((m) => m.confidence));
  const best = matches[0];
  return best && best.confidence >= 40 && best.confidence >= western + 25 ? LEGACY[best.name] : "windows-1252";
}

/**
 * UTF-16 without a byte-order mark, by its NUL bytes: ASCII text in UTF-16LE has a NUL in every odd
 * byte (in UTF-16BE, every even byte) and almost none in the others, and the characters so made are
 * text (printable, tab, CR, LF), not control codes. Null when the pattern is not there (binary data).
 */
export function utf16ByNuls(head: Buffer): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  const text = (b: number) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
  let [even, odd, evenText, oddText] = [0, 0, 0, 0];
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
    if (head[i + 1] === 0 && text(head[i])) evenText++;
    if (head[i] === 0 && text(head[i + 1])) oddText++;
  }
  if (odd >= pairs * 0.6 && even <= pairs * 0.05 && evenText >= odd * 0.95) return "utf-16le";
  if (even >= pairs * 0.6 && odd <= pairs * 0.05 && oddText >= even * 0.95) return "utf-16be";
  return null;
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
  let how: string | undefined;
  let invalid: number | undefined;
  const zipOrOle = (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) || (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0);
  const utf16 = head.length >= 2 && !zipOrOle ? utf16ByNuls(head.subarray(0, head.length & ~1)) : null;
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) [encoding, skip] = ["utf-16le", 2];
  else if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) [encoding, skip] = ["utf-16be", 2];
  else if (utf16) [encoding, how] = [utf16, `${utf16} without a byte-order mark (found by its NUL bytes)`];
  else {
    if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) {
      throw new CliError(`cannot read ${shown}: it is a zip file (an .xlsx workbook?), not CSV text; give it the .xlsx extension`);
    }
    if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) {
      throw new CliError(`cannot read ${shown}: it is an Excel workbook file (encrypted, or an old .xls), not CSV text`);
    }
    if (head.includes(0)) throw new CliError(`cannot read ${shown}: not a CSV text file (it holds binary data)`);
    if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) skip = 3;
    const census = await utf8Census(file, skip);
    if (census.invalid === 0) encoding = "utf-8";
    else if (census.valid > 0) {
      // Mixed: valid UTF-8 with some bytes that are not. Read as UTF-8 (never garbling the valid text); the bad bytes become U+FFFD and are named by cell.
      [encoding, invalid] = ["utf-8", census.invalid];
      how = `utf-8, with ${census.invalid.toLocaleString("en-GB")} byte sequence${census.invalid === 1 ? "" : "s"} that ${census.invalid === 1 ? "is" : "are"} not UTF-8 (mixed encodings) replaced with \ufffd`;
    } else {
      encoding = legacyEncoding(census.sample);
      how = `${encoding} (not UTF-8; detected by chardet)`;
    }
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
  return { delimiter: detectDelimiter(sample), bom: skip > 0, encoding, eol: eol ?? "\n", skip, how, invalid };
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
