/**
 * A minimal reader of a zip file's central directory (an .xlsx is a zip), used only to look at a
 * workbook before choosing how to read it (streaming or whole workbook) and to recognise files
 * that are not .xlsx at all (encrypted workbooks are OLE compound files, not zips).
 */
import * as zlib from "zlib";

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** True for an OLE2 compound file: what Excel writes for a password-protected (encrypted) workbook, and legacy .xls. */
export function isCompoundFile(buf: Buffer): boolean {
  return buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1;
}

/** The entries of a zip, or null when `buf` is not a readable zip. */
export function zipEntries(buf: Buffer): Map<string, ZipEntry> | null {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) return null;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    entries.set(name, {
      name,
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

let crcTable: Int32Array | undefined;
/** CRC-32 (zlib's when Node has it, from 20.15; else a table). */
/** CRC-32 of `data`, continuing from `prior` (the CRC of the bytes before it) when given. */
export function crc32(data: Buffer, prior = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Buffer, v?: number) => number }).crc32;
  if (native) return native(data, prior) >>> 0;
  crcTable ??= Int32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let c = prior ^ -1;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * Unpacks an entry piece by piece, handing each piece to `onChunk`, without ever holding the whole
 * part (a 1,000,000-row sheet is about 150 MB of XML). Resolves true when it unpacked to the end
 * and its size and CRC match the zip directory's.
 */
export async function scanEntry(buf: Buffer, e: ZipEntry, onChunk: (chunk: Buffer) => void): Promise<boolean> {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) return false;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) return false;
  const data = buf.subarray(start, start + e.compressedSize);
  let size = 0;
  let crc = 0;
  const take = (chunk: Buffer) => {
    size += chunk.length;
    crc = crc32(chunk, crc);
    onChunk(chunk);
  };
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += 1 << 16) take(data.subarray(i, i + (1 << 16)));
  } else if (e.method === 8) {
    const whole = await new Promise<boolean>((resolve) => {
      const z = zlib.createInflateRaw();
      z.on("data", take);
      z.on("end", () => resolve(true));
      z.on("error", () => resolve(false));
      z.end(data);
    });
    if (!whole) return false;
  } else return false;
  return size === e.size && crc === e.crc;
}

/** The uncompressed bytes of one entry (stored or deflated), or null if it cannot be read or fails its size or CRC check. */
export function readEntry(buf: Buffer, e: ZipEntry): Buffer | null {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) return null;
  const data = buf.subarray(start, start + e.compressedSize);
  let out: Buffer;
  try {
    if (e.method === 0) out = data;
    else if (e.method === 8) out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) }); // never more than it declares (zip bombs)
    else return null;
  } catch {
    return null;
  }
  return out.length === e.size && crc32(out) === e.crc ? out : null;
}

/**
 * The stream and storage names in an OLE compound file's directory (MS-CFB), or null when the
 * directory cannot be read. A password-protected .xlsx holds `EncryptionInfo` and
 * `EncryptedPackage`; an Excel 97–2003 workbook holds `Workbook` (or `Book`).
 */
export function compoundFileNames(buf: Buffer): string[] | null {
  if (!isCompoundFile(buf) || buf.length < 512) return null;
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectors = Math.floor((buf.length - size) / size) + 1; // a last sector may be short
  const sectorAt = (n: number) => (n >= 0 && n < sectors ? size * (n + 1) : -1);
  const END = 0xfffffffe;
  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  const numFat = buf.readUInt32LE(0x2c);
  for (let i = 0; i < 109 && fatSectors.length < numFat; i++) fatSectors.push(buf.readUInt32LE(0x4c + 4 * i));
  for (let d = buf.readUInt32LE(0x44), hops = 0; d < END && fatSectors.length < numFat && hops < sectors; hops++) {
    const p = sectorAt(d);
    if (p < 0 || p + size > buf.length) return null;
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < numFat; i++) fatSectors.push(buf.readUInt32LE(p + 4 * i));
    d = buf.readUInt32LE(p + size - 4);
  }
  const next = (n: number): number => {
    const per = size / 4;
    const p = sectorAt(fatSectors[Math.floor(n / per)] ?? -1);
    if (p < 0 || p + size > buf.length) return END;
    return buf.readUInt32LE(p + 4 * (n % per));
  };
  const names: string[] = [];
  for (let s = buf.readUInt32LE(0x30), hops = 0; s < END && hops < sectors; hops++, s = next(s)) {
    const p = sectorAt(s);
    if (p < 0) return null;
    for (let e = p; e + 128 <= Math.min(p + size, buf.length); e += 128) {
      const len = buf.readUInt16LE(e + 0x40);
      if (buf[e + 0x42] === 0 || len < 2 || len > 64) continue; // unused entry
      names.push(buf.toString("utf16le", e, e + len - 2));
    }
  }
  return names.length ? names : null;
}
