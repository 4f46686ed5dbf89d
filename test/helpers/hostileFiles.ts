/**
 * Builders for the hostile corpus of test/cli/hostile.test.ts: workbooks and CSVs as councils'
 * files really come (text numbers, merged and duplicate headers, blank, hidden and filtered rows,
 * formulas and error values, corrupt zips, encrypted workbooks, odd CSV dialects). Everything is
 * written into a temporary folder by the tests; nothing here is committed as a binary.
 */
import * as fs from "fs";
import * as path from "path";
import { constants as zlibConstants, deflateRawSync } from "zlib";
import ExcelJS from "exceljs";
import { crc32, readEntry, zipEntries } from "../../src/cli/zip";

// ---------------------------------------------------------------------------------------------
// Zip: read an .xlsx's parts, change them, write a new zip (deflated, with real CRCs)

/** The parts of a zip, in order. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const entries = zipEntries(buf);
  if (!entries) throw new Error("not a zip");
  const out = new Map<string, Buffer>();
  for (const [name, e] of entries) out.set(name, readEntry(buf, e)!);
  return out;
}

/**
 * A zip of these parts, each deflated, as Excel would read it. Written here, synchronously, rather than by the
 * command line's streaming writer (src/cli/xlsx/zipOut.ts): the corpus the CLI is tested on does not come from
 * the code under test. The CRC is the CLI's (src/cli/zip.ts crc32).
 */
export const zip = zipParts;

function zipParts(parts: Map<string, Buffer>): Buffer {
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBuf = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
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
    chunks.push(local, nameBuf, packed);
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
  return Buffer.concat([...chunks, dir, end]);
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

// ---------------------------------------------------------------------------------------------
// Zip bombs (issue 13.1): parts that inflate to gigabytes from a few megabytes. Written to disk in
// pieces (the packed data of 1 MiB of zeros, repeated), so building a 5 GB bomb takes a fraction of a
// second and never holds more than one piece; nothing is ever inflated here.

/** One entry as it is written: its packed bytes (in pieces) and what the zip directory declares. */
export interface RawPart {
  name: string;
  method: 0 | 8;
  packed: () => Iterable<Buffer>;
  /** The declared (uncompressed) size and CRC, written into the local header and the central directory. */
  size: number;
  crc: number;
  /** The declared packed size; by default the packed bytes' true length. */
  packedSize?: number;
  /** Written (local header and data) but not listed in the central directory. */
  hidden?: boolean;
}

/** A part as an ordinary deflated entry (true sizes and CRC). */
export function deflatedPart(name: string, data: Buffer): RawPart {
  const packed = deflateRawSync(data);
  return { name, method: 8, packed: () => [packed], size: data.length, crc: crc32(data) };
}

/**
 * `bytes` of zeros (a multiple of 1 MiB), deflated: about 1,037 bytes per MiB (1,011:1). The CRC is
 * the true one up to 64 MiB; above that it is not computed (1 GB/s) and 0 is written: every bomb is
 * refused long before its end, where the CRC would be compared.
 */
export function zerosPart(name: string, bytes: number, declared = bytes): RawPart {
  const MIB = 1 << 20;
  if (bytes % MIB) throw new Error("zerosPart: a whole number of MiB");
  const zeros = Buffer.alloc(MIB);
  const piece = deflateRawSync(zeros, { finishFlush: zlibConstants.Z_FULL_FLUSH }); // not final, byte-aligned, history reset
  const last = Buffer.from([0x03, 0x00]); // an empty final block
  let crc = 0;
  if (bytes <= 64 * MIB) for (let i = 0; i < bytes / MIB; i++) crc = crc32Continue(zeros, crc);
  return {
    name,
    method: 8,
    packed: function* () {
      for (let i = 0; i < bytes / MIB; i++) yield piece;
      yield last;
    },
    size: declared,
    crc,
    packedSize: (bytes / MIB) * piece.length + last.length,
  };
}

/** CRC-32 of `buf` continuing from `prior`: the CLI's own (src/cli/zip.ts). */
const crc32Continue = (buf: Buffer, prior: number): number => crc32(buf, prior);

/** Writes a zip of these entries to `file` piece by piece; returns the file. */
export function writeZip(file: string, parts: readonly RawPart[]): string {
  const fd = fs.openSync(file, "w");
  try {
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const p of parts) {
      const nameBuf = Buffer.from(p.name, "utf8");
      let packedSize = p.packedSize;
      if (packedSize === undefined) {
        packedSize = 0;
        for (const b of p.packed()) packedSize += b.length;
      }
      const header = (central: boolean) => {
        const h = Buffer.alloc(central ? 46 : 30);
        const at = central ? 2 : 0; // the central header has "version made by" in front
        h.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
        if (central) h.writeUInt16LE(20, 4);
        h.writeUInt16LE(20, 4 + at);
        h.writeUInt16LE(0x0800, 6 + at);
        h.writeUInt16LE(p.method, 8 + at);
        h.writeUInt32LE(p.crc, 14 + at);
        h.writeUInt32LE(packedSize!, 18 + at);
        h.writeUInt32LE(p.size, 22 + at);
        h.writeUInt16LE(nameBuf.length, 26 + at);
        if (central) h.writeUInt32LE(offset, 42);
        return h;
      };
      if (!p.hidden) centrals.push(header(true), nameBuf);
      fs.writeSync(fd, header(false));
      fs.writeSync(fd, nameBuf);
      for (const b of p.packed()) fs.writeSync(fd, b);
      offset += 30 + nameBuf.length + packedSize;
    }
    const dir = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    const listed = parts.filter((p) => !p.hidden).length;
    end.writeUInt16LE(listed, 8);
    end.writeUInt16LE(listed, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(offset, 16);
    fs.writeSync(fd, dir);
    fs.writeSync(fd, end);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

const GB = 1 << 30;
const MB = 1 << 20;

/** A bomb of the corpus: how to build it from a good workbook's parts, and the refusal expected (after "cannot read <file>: "). */
export interface Bomb {
  name: string;
  what: string;
  build: (good: Map<string, Buffer>) => RawPart[];
  message: RegExp;
}

/** The good workbook's parts, with `sheet1.xml` (or any part) replaced or parts added. */
function withParts(good: Map<string, Buffer>, replace: Record<string, RawPart | null>, extra: RawPart[] = []): RawPart[] {
  const out: RawPart[] = [];
  for (const [name, data] of good) {
    if (name in replace) {
      const r = replace[name];
      if (r) out.push(r);
    } else out.push(deflatedPart(name, data));
  }
  return [...out, ...extra];
}

const SHEET = "xl/worksheets/sheet1.xml";

export const BOMBS: Bomb[] = [
  {
    name: "bomb-5gb-declared.xlsx",
    what: "a sheet of 4 GB of zeros (5 MB packed), its size declared honestly (the most a zip without ZIP64 can say)",
    build: (good) => withParts(good, { [SHEET]: zerosPart(SHEET, 4 * GB - MB) }),
    message: /xl\/worksheets\/sheet1\.xml would inflate to more than 1,000\.0 MB \(declared 4,293\.9 MB, ratio 1,01\d:1\); the file is refused$/,
  },
  {
    name: "bomb-ratio.xlsx",
    what: "a sheet of 500 MB of zeros (0.5 MB packed): under the per-part limit, over the ratio",
    build: (good) => withParts(good, { [SHEET]: zerosPart(SHEET, 500 * MB) }),
    message: /xl\/worksheets\/sheet1\.xml would inflate to more than 200 times its packed size of 0\.5 MB \(declared 524\.3 MB, ratio 1,01\d:1\); the file is refused$/,
  },
  {
    name: "bomb-lying-directory.xlsx",
    what: "a sheet of 5 GB of zeros whose zip directory declares 1,000 bytes",
    build: (good) => withParts(good, { [SHEET]: zerosPart(SHEET, 5 * GB, 1000) }),
    message: /xl\/worksheets\/sheet1\.xml would inflate to more than the 1,000 bytes its zip directory declares \(declared 1,000 bytes, ratio \d+:1 so far\); the file is refused$/,
  },
  {
    name: "bomb-lying-theme.xlsx",
    what: "a theme of 5 GB of zeros whose zip directory declares 7,000 bytes, read on the whole-workbook path (ExcelJS inflates every part whole there)",
    build: (good) => withParts(good, { "xl/theme/theme1.xml": zerosPart("xl/theme/theme1.xml", 5 * GB, 7000) }),
    message: /xl\/theme\/theme1\.xml would inflate to more than the 7,000 bytes its zip directory declares \(declared 7,000 bytes, ratio \d+:1 so far\); the file is refused$/,
  },
  {
    name: "bomb-hidden-part.xlsx",
    what: "a good workbook with a second xl/worksheets/sheet1.xml of 5 GB of zeros between its parts, not listed in the zip directory (a streaming reader walking the local headers would find it)",
    build: (good) => {
      const parts = withParts(good, {});
      const at = parts.findIndex((p) => p.name === SHEET);
      parts.splice(at, 0, { ...zerosPart(SHEET, 5 * GB, 1000), hidden: true });
      return parts;
    },
    message: /xl\/[^ ]+ is followed by 5\.3 MB that the zip directory does not list \(a hidden or overlapping part\); the file is refused$/,
  },
  {
    name: "bomb-unreferenced-1gb.xlsx",
    what: "a good workbook with a 1.2 GB part of zeros that nothing names (1.2 MB packed)",
    build: (good) => withParts(good, {}, [zerosPart("xl/media/filler.bin", 1200 * MB)]),
    message: /xl\/media\/filler\.bin would inflate to more than 1,000\.0 MB \(declared 1,258\.3 MB, ratio 1,01\d:1\); the file is refused$/,
  },
  {
    name: "bomb-unreferenced-20mb.xlsx",
    what: "a good workbook with a 20 MB part that nothing names, packing only 1:1 (stored): under every size limit, but not part of the workbook",
    build: (good) => {
      const data = Buffer.alloc(20 * MB);
      for (let i = 0, x = 0x9e3779b9; i < data.length; i += 4) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        data.writeInt32LE(x | 0, i);
      }
      return withParts(good, {}, [{ name: "customXml/item9.bin", method: 0, packed: () => [data], size: data.length, crc: crc32(data) }]);
    },
    message: /customXml\/item9\.bin is not part of the workbook \(no relationship names it\) and would inflate to 21\.0 MB, more than the 10\.0 MB allowed for such a part \(declared 21\.0 MB, ratio 1:1\); the file is refused$/,
  },
  {
    name: "bomb-total.xlsx",
    what: "three parts declaring 900 MB each at 190:1 (packed data junk): each under the limits, the sum over",
    build: (good) => {
      const junk = Buffer.alloc(Math.ceil(900_000_000 / 190), 0x5a);
      const part = (name: string): RawPart => ({ name, method: 8, packed: () => [junk], size: 900_000_000, crc: 0 });
      return withParts(good, {}, [part("xl/media/a.bin"), part("xl/media/b.bin"), part("xl/media/c.bin")]);
    },
    message: /its parts would inflate to more than 2,000\.0 MB in all \(declared 2,700\.0 MB in \d+ parts\); the file is refused$/,
  },
  {
    name: "bomb-many-entries.xlsx",
    what: "a good workbook with 20,000 empty entries",
    build: (good) => {
      const empty = deflateRawSync(Buffer.alloc(0));
      return withParts(good, {}, Array.from({ length: 20_000 }, (_, i): RawPart => ({ name: `xl/e/${i}.xml`, method: 8, packed: () => [empty], size: 0, crc: 0 })));
    },
    message: /the \.xlsx holds 20,0\d\d zip entries, more than the 10,000 a workbook may have; the file is refused$/,
  },
];
