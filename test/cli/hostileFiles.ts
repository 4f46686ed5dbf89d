/**
 * Builders for the hostile corpus of test/cli/hostile.test.ts: workbooks and CSVs as councils'
 * files really come (text numbers, merged and duplicate headers, blank, hidden and filtered rows,
 * formulas and error values, corrupt zips, encrypted workbooks, odd CSV dialects). Everything is
 * written into a temporary folder by the tests; nothing here is committed as a binary.
 */
import * as fs from "fs";
import * as path from "path";
import { deflateRawSync } from "zlib";
import ExcelJS from "exceljs";
import { readEntry, zipEntries } from "../../src/cli/zip";

// ---------------------------------------------------------------------------------------------
// Zip: read an .xlsx's parts, change them, write a new zip (deflated, with real CRCs)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The parts of a zip, in order. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const entries = zipEntries(buf);
  if (!entries) throw new Error("not a zip");
  const out = new Map<string, Buffer>();
  for (const [name, e] of entries) out.set(name, readEntry(buf, e)!);
  return out;
}

/** A zip of these parts (deflated), as Excel would read it. */
export function zip(parts: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBuf = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

// ---------------------------------------------------------------------------------------------
// OLE compound files (MS-CFB): what Excel writes for a password-protected workbook, and an old .xls

/**
 * A minimal but well-formed compound file (version 3, 512-byte sectors): sector 0 is the FAT,
 * sector 1 the directory (a Root Entry and the given streams), then `payload` bytes of filler
 * standing for the streams' data (random-looking, as an encrypted package is).
 */
export function compoundFile(streams: readonly string[], payload = 2048): Buffer {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const dataSectors = Math.ceil(payload / SECTOR);
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // 512-byte sectors
  header.writeUInt16LE(6, 0x20); // 64-byte mini sectors
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // the directory starts in sector 1
  header.writeUInt32LE(4096, 0x38); // mini stream cut-off
  header.writeUInt32LE(END, 0x3c); // no mini FAT
  header.writeUInt32LE(END, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + 4 * i);
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(END, 4);
  for (let s = 0; s < dataSectors; s++) fat.writeUInt32LE(s === dataSectors - 1 ? END : 3 + s, 4 * (2 + s));
  const dir = Buffer.alloc(SECTOR);
  const entry = (i: number, name: string, type: number, start: number, size: number) => {
    const e = i * 128;
    dir.write(name, e, "utf16le");
    dir.writeUInt16LE((name.length + 1) * 2, e + 0x40);
    dir[e + 0x42] = type;
    dir[e + 0x43] = 1; // black
    dir.writeUInt32LE(FREE, e + 0x44); // left sibling
    dir.writeUInt32LE(i + 1 < streams.length + 1 && i > 0 ? i + 1 : FREE, e + 0x48); // right sibling
    dir.writeUInt32LE(i === 0 && streams.length ? 1 : FREE, e + 0x4c); // child
    dir.writeUInt32LE(start, e + 0x74);
    dir.writeUInt32LE(size, e + 0x78);
  };
  entry(0, "Root Entry", 5, END, 0);
  streams.slice(0, 3).forEach((name, k) => entry(k + 1, name, 2, k === 0 ? 2 : END, k === 0 ? payload : 0));
  let x = 0x2545f491;
  const data = Buffer.alloc(dataSectors * SECTOR);
  for (let i = 0; i < data.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    data[i] = x & 0xff;
  }
  return Buffer.concat([header, fat, dir, data]);
}

// ---------------------------------------------------------------------------------------------
// Workbooks

export const HEADERS = ["Authority", "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10,000", "Jobs 1984", "Single issue"];

/** Writes an ExcelJS workbook and returns its path. */
export async function workbook(dir: string, name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const p = path.join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

/** Rewrites one part of an .xlsx (e.g. to add what ExcelJS cannot write, such as filter criteria). */
export function editPart(file: string, part: string, edit: (xml: string) => string): void {
  const parts = unzip(fs.readFileSync(file));
  const xml = parts.get(part);
  if (!xml) throw new Error(`no ${part} in ${file}`);
  parts.set(part, Buffer.from(edit(xml.toString("utf8")), "utf8"));
  fs.writeFileSync(file, zip(parts));
}

// ---------------------------------------------------------------------------------------------
// Big CSV, written in blocks (never one string of the whole file)

/** A CSV of `rows` areas with all the input columns, valid and varied (every type, band and CI case). */
export function writeBigCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, "w");
  try {
    let block: string[] = [HEADERS.map((h) => (h.includes(",") ? `"${h}"` : h)).join(",")];
    for (let i = 1; i <= rows; i++) {
      const score = (50 + ((i * 7919) % 3000) / 100).toFixed(1);
      block.push(`E${String(i).padStart(8, "0")},${score},${(i % 5) / 2},${10 + ((i * 31) % 30)},${(i * 17) % 100},${(i * 13) % 20},${i % 3 ? 1500 : ""},${i % 7 ? "FALSE" : "TRUE"}`);
      if (block.length >= 20_000) {
        fs.writeSync(fd, block.join("\n") + "\n");
        block = [];
      }
    }
    if (block.length) fs.writeSync(fd, block.join("\n") + "\n");
  } finally {
    fs.closeSync(fd);
  }
}
