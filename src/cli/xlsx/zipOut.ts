/**
 * Writes a zip (an .xlsx) to a stream entry by entry: parts of the input are copied as they are
 * packed (no inflating and deflating again), new or changed parts are deflated here. Only the
 * central directory (a few bytes per entry) is kept until the end, so memory does not grow with the
 * workbook. Names are UTF-8 (flag bit 11); no data descriptors, no zip64 (parts under 4 GB, which
 * the input's limits already ensure: zipLimits.ts).
 */
import { once } from "events";
import type { Writable } from "stream";
import * as zlib from "zlib";
import { crc32, type ZipEntry } from "../zip";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
/** Deflate level for new parts: 6 is zlib's default (Excel's own files pack about as well). */
const LEVEL = 6;

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export class ZipOut {
  private offset = 0;
  private readonly written: Written[] = [];
  private readonly names = new Set<string>();

  constructor(private readonly out: Writable) {}

  private async write(b: Buffer): Promise<void> {
    if (this.out.destroyed) throw (this.out as Writable & { errored?: Error }).errored ?? new Error("the output stream was closed");
    this.offset += b.length;
    if (!this.out.write(b)) await once(this.out, "drain");
  }

  private async entry(name: string, method: number, crc: number, size: number, packed: readonly Buffer[]): Promise<void> {
    if (this.names.has(name)) throw new Error(`zip entry ${name} written twice`);
    this.names.add(name);
    const nameBuf = Buffer.from(name, "utf8");
    const compressedSize = packed.reduce((n, b) => n + b.length, 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressedSize, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    this.written.push({ name: nameBuf, method, crc, compressedSize, size, offset: this.offset });
    await this.write(local);
    await this.write(nameBuf);
    for (const b of packed) await this.write(b);
  }

  /** An entry of the input zip (`buf`), copied packed as it is (its CRC and sizes are the directory's, already checked). */
  async copy(buf: Buffer, e: ZipEntry): Promise<void> {
    const p = e.localOffset;
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    await this.entry(e.name, e.method, e.crc, e.size, [buf.subarray(start, start + e.compressedSize)]);
  }

  /** A new part, deflated here. */
  async add(name: string, data: Buffer | string): Promise<void> {
    const raw = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    await this.entry(name, 8, crc32(raw), raw.length, [zlib.deflateRawSync(raw, { level: LEVEL })]);
  }

  /**
   * A new part written piece by piece by `produce` (e.g. a million-row sheet): each piece is deflated
   * as it comes and only the packed bytes are held until the entry is written (a sheet packs about 8:1).
   */
  async addStreamed(name: string, produce: (write: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
    const z = zlib.createDeflateRaw({ level: LEVEL });
    const packed: Buffer[] = [];
    z.on("data", (b: Buffer) => packed.push(b));
    const ended = once(z, "end");
    let crc = 0;
    let size = 0;
    await produce(async (text) => {
      if (!text) return;
      const b = Buffer.from(text, "utf8");
      crc = crc32(b, crc);
      size += b.length;
      if (!z.write(b)) await once(z, "drain");
    });
    z.end();
    await ended;
    if (size >= 0xffffffff) throw new Error(`${name} is over 4 GB, more than an .xlsx part can be`);
    await this.entry(name, 8, crc, size, packed);
  }

  /** Writes the central directory; the caller ends the stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const w of this.written) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(CENTRAL, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0800, 8);
      c.writeUInt16LE(w.method, 10);
      c.writeUInt32LE(w.crc >>> 0, 16);
      c.writeUInt32LE(w.compressedSize, 20);
      c.writeUInt32LE(w.size, 24);
      c.writeUInt16LE(w.name.length, 28);
      c.writeUInt32LE(w.offset, 42);
      await this.write(c);
      await this.write(w.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }
}
