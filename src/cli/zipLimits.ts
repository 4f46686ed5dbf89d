/**
 * Size limits on an .xlsx's parts (zip bombs). An .xlsx is a zip; a part of a few megabytes can
 * inflate to gigabytes (deflate packs zeros about 1,000:1), and ExcelJS inflates every part whole
 * (or, on the streaming path, scans them), so without limits a 23 MB file takes 5 GB of memory
 * before it fails. `guardZipSizes` runs before anything else reads a part, and checks
 *
 * 1. what the zip says, before inflating anything: the number of entries; each part's declared size
 *    (the central directory's and, where it gives one, the local header's) against the per-part limit
 *    and its ratio to the packed size; the sum of the declared sizes; that the parts lie end to end
 *    as the directory lists them (no hidden data for a streaming reader to find);
 * 2. which parts belong to the workbook: those named by a relationship (`*.rels`) or by an Override
 *    in `[Content_Types].xml`. A part that nothing names is never read, but ExcelJS may carry it into
 *    the output; above `unreferencedBytes` the file is refused (not dropped: a writer that hides a
 *    big part is not to be trusted with the rest);
 * 3. what the zip holds, by inflating every part in pieces (never whole) and stopping as soon as a
 *    part passes its declared size: a directory that declares 1 KB for a part that inflates to 5 GB
 *    is refused after 1 KB, not after 5 GB.
 *
 * Memory stays flat (one 64 KB piece at a time) whatever the file holds; the time is that of
 * inflating the parts' declared sizes at most (bounded by `totalBytes`).
 */
import * as zlib from "zlib";
import { CliError } from "./errors";
import { ZipEntry } from "./zip";

/** The limits (documented in docs/cli.md "Limits" and docs/security.md). */
export const ZIP_LIMITS = {
  /** Entries in the zip (a workbook of 1,000 sheets with drawings and comments has about 6,000). */
  entries: 10_000,
  /** One part, inflated. A 1,048,576-row sheet of the eight input columns is 308 MB (inline strings). */
  partBytes: 1_000_000_000,
  /** All parts together, inflated. */
  totalBytes: 2_000_000_000,
  /** Inflated size over packed size, for parts above `ratioFloorBytes` (a real sheet packs about 6:1; zeros about 1,000:1). */
  ratio: 200,
  /** Parts up to this size may pack at any ratio (a small run of zeros packs well and harms nothing). */
  ratioFloorBytes: 10_000_000,
  /** A part that no relationship or content-type override names, inflated. */
  unreferencedBytes: 10_000_000,
  /**
   * The .xlsx file itself, packed: it is read into memory whole before the checks above, so this keeps a refusal
   * (or any run) under the stated 500 MB peak. A 1,048,576-row sheet of the eight input columns packs to about 48 MB.
   */
  fileBytes: 300_000_000,
} as const;

type Limits = { -readonly [K in keyof typeof ZIP_LIMITS]: number };

const LOCAL = 0x04034b50;

/** "1,000 bytes", "12.3 MB", "5,368.7 MB". */
export function formatBytes(n: number): string {
  if (n < 10_000) return `${n.toLocaleString("en-GB")} bytes`;
  return `${(n / 1e6).toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

const formatRatio = (size: number, packed: number) => `${packed > 0 ? Math.round(size / packed).toLocaleString("en-GB") : "∞"}:1`;

/** Where an entry's packed data starts, its local header's declared sizes and flags; null when the header is not there. */
function localHeader(buf: Buffer, e: ZipEntry): { dataStart: number; size: number; compressedSize: number; descriptor: boolean } | null {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) return null;
  return {
    dataStart: p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28),
    descriptor: (buf.readUInt16LE(p + 6) & 0x08) !== 0, // sizes follow the data (the header's may be 0)
    compressedSize: buf.readUInt32LE(p + 18),
    size: buf.readUInt32LE(p + 22),
  };
}

/** Where the central directory starts (from the end-of-central-directory record); the file's length when not found. */
function centralDirectoryOffset(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return buf.readUInt32LE(i + 16);
  }
  return buf.length;
}

/**
 * Inflates `e` in 64 KB pieces, handing each to `onChunk`, and stops as soon as more than `limit`
 * bytes have come out. Resolves to the number of bytes inflated (more than `limit` when stopped),
 * or -1 when the data cannot be inflated (corrupt, or a method other than stored or deflated).
 */
export function inflateBounded(buf: Buffer, e: ZipEntry, limit: number, onChunk?: (chunk: Buffer) => void): Promise<number> {
  const h = localHeader(buf, e);
  if (!h || h.dataStart + e.compressedSize > buf.length) return Promise.resolve(-1);
  const data = buf.subarray(h.dataStart, h.dataStart + e.compressedSize);
  if (e.method === 0) {
    const n = Math.min(data.length, limit + 1);
    for (let i = 0; i < n; i += 1 << 16) onChunk?.(data.subarray(i, Math.min(n, i + (1 << 16))));
    return Promise.resolve(n);
  }
  if (e.method !== 8) return Promise.resolve(-1);
  return new Promise((resolve) => {
    let size = 0;
    let done = false;
    const finish = (n: number) => {
      if (done) return;
      done = true;
      resolve(n);
    };
    const z = zlib.createInflateRaw({ chunkSize: 1 << 16 });
    z.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        finish(size);
        z.destroy(); // stop inflating now: the rest is never produced
        return;
      }
      onChunk?.(chunk);
    });
    z.on("end", () => finish(size));
    z.on("error", () => finish(-1));
    z.on("close", () => finish(size));
    // Feed the packed data in pieces, so that a stop does not wait for the whole input to be consumed.
    let at = 0;
    const feed = () => {
      while (!done && at < data.length) {
        const piece = data.subarray(at, at + (1 << 16));
        at += piece.length;
        if (!z.write(piece)) return void z.once("drain", feed);
      }
      if (!done) z.end();
    };
    feed();
  });
}

/** The targets of a relationships part's internal relationships, as part names. */
function resolveTarget(relsName: string, target: string): string {
  // xl/worksheets/_rels/sheet1.xml.rels describes xl/worksheets/sheet1.xml: targets are relative to xl/worksheets/.
  const base = relsName.replace(/(^|\/)_rels\/[^/]*$/, "$1");
  let path = target.startsWith("/") ? target.slice(1) : base + target;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it as written
  }
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag)?.slice(2).find((x) => x !== undefined);

/**
 * Refuses (CliError, naming the part) a zip whose entries or sizes pass the limits; resolves when
 * every part is within them. `shown` is the file as the user named it.
 */
export async function guardZipSizes(buf: Buffer, entries: Map<string, ZipEntry>, shown: string, limits: Limits = ZIP_LIMITS): Promise<void> {
  const refuse = (why: string) => new CliError(`cannot read ${shown}: ${why}; the file is refused`);
  const n = (x: number) => x.toLocaleString("en-GB");
  if (entries.size > limits.entries) throw refuse(`the .xlsx holds ${n(entries.size)} zip entries, more than the ${n(limits.entries)} a workbook may have`);

  // 1. Declared sizes, before inflating anything.
  const parts = [...entries.values()];
  let total = 0;
  const declared = new Map<ZipEntry, number>();
  for (const e of parts) {
    const h = localHeader(buf, e);
    const size = Math.max(e.size, h && !h.descriptor ? h.size : 0);
    const packed = Math.max(e.compressedSize, h && !h.descriptor ? h.compressedSize : 0);
    declared.set(e, size);
    const said = () => `(declared ${formatBytes(size)}, ratio ${formatRatio(size, packed)})`; // only when refused (number formatting is slow)
    if (size > limits.partBytes) throw refuse(`${e.name} would inflate to more than ${formatBytes(limits.partBytes)} ${said()}`);
    if (size > limits.ratioFloorBytes && size > limits.ratio * packed) {
      throw refuse(`${e.name} would inflate to more than ${n(limits.ratio)} times its packed size of ${formatBytes(packed)} ${said()}`);
    }
    total += size;
  }
  if (total > limits.totalBytes) throw refuse(`its parts would inflate to more than ${formatBytes(limits.totalBytes)} in all (declared ${formatBytes(total)} in ${n(parts.length)} parts)`);

  // The parts lie end to end, as the directory lists them: no data between them that a streaming
  // reader (which walks the local headers) would find and the directory does not list.
  const sorted = parts.slice().sort((a, b) => a.localOffset - b.localOffset);
  if (sorted.length && sorted[0].localOffset > 0) throw refuse(`the zip holds ${formatBytes(sorted[0].localOffset)} before its first listed part, ${sorted[0].name}, that its directory does not list (a hidden part)`);
  const directory = centralDirectoryOffset(buf);
  for (let i = 0; i < sorted.length; i++) {
    const h = localHeader(buf, sorted[i]);
    if (!h) continue; // an unreadable part: reported as damaged when it is read
    const next = i + 1 < sorted.length ? sorted[i + 1].localOffset : directory;
    const gap = next - (h.dataStart + sorted[i].compressedSize);
    // Up to 24 bytes: a data descriptor (sizes written after the data, 12 to 24 bytes).
    if (gap < 0 || gap > 24) {
      throw refuse(`${sorted[i].name} ${gap < 0 ? "overlaps what follows it" : `is followed by ${formatBytes(gap)} that the zip directory does not list`} (a hidden or overlapping part)`);
    }
  }

  // 2. Which parts the workbook names: relationships and content-type overrides, read in pieces.
  const named = new Set<string>(["[Content_Types].xml"]);
  const collect = async (e: ZipEntry, tag: RegExp, take: (t: string) => void) => {
    let tail = "";
    await inflated(e, (chunk) => {
      const text = tail + chunk.toString("latin1");
      for (const m of text.matchAll(tag)) take(m[0]);
      tail = text.slice(-4096);
    });
  };
  // 3. Every part inflated, stopping at its declared size.
  const inflated = async (e: ZipEntry, onChunk?: (chunk: Buffer) => void) => {
    const size = declared.get(e)!;
    const got = await inflateBounded(buf, e, size, onChunk);
    if (got > size) {
      throw refuse(`${e.name} would inflate to more than the ${formatBytes(size)} its zip directory declares (declared ${formatBytes(size)}, ratio ${formatRatio(got, e.compressedSize)} so far)`);
    }
    // Corrupt data or a size short of the declared one: left to the workbook's own checks (reported as damaged).
  };
  const isRels = (name: string) => /(^|\/)_rels\/[^/]*\.rels$/.test(name);
  for (const e of parts) {
    if (isRels(e.name)) {
      named.add(e.name);
      await collect(e, /<(\w+:)?Relationship\b[^>]*>/g, (t) => {
        const target = attr(t, "Target");
        if (target !== undefined && attr(t, "TargetMode") !== "External") named.add(resolveTarget(e.name, target));
      });
    } else if (e.name === "[Content_Types].xml") {
      await collect(e, /<(\w+:)?Override\b[^>]*>/g, (t) => {
        const part = attr(t, "PartName");
        if (part !== undefined) named.add(resolveTarget("", part));
      });
    }
  }
  for (const e of parts) {
    if (e.name.endsWith("/") || named.has(e.name)) continue;
    const size = declared.get(e)!;
    if (size > limits.unreferencedBytes) {
      throw refuse(`${e.name} is not part of the workbook (no relationship names it) and would inflate to ${formatBytes(size)}, more than the ${formatBytes(limits.unreferencedBytes)} allowed for such a part (declared ${formatBytes(size)}, ratio ${formatRatio(size, e.compressedSize)})`);
    }
  }
  for (const e of parts) if (!isRels(e.name) && e.name !== "[Content_Types].xml") await inflated(e);
}
