/**
 * A workbook (.xlsx) as parts, read without loading it: its sheets (name, visibility, part), its
 * relationships and content types, its defined names, shared strings and cell formats. Only the
 * small parts are held as text; a sheet is read row by row (sheetXml.ts). ECMA-376 Part 1 §18.2
 * (workbook), Part 2 (Open Packaging Conventions: relationships, content types).
 */
import * as path from "path";
import { xmlUnescape } from "../xlsxInspect";
import type { ZipEntry } from "../zip";
import { richText, styleFormats, type ReadContext } from "./cellValues";
import { partString, partText, SheetXmlError } from "./sheetXml";
import type { NameModel } from "../marker";

export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const TYPE_WORKSHEET = `${NS_REL}/worksheet`;
export const TYPE_TABLE = `${NS_REL}/table`;
export const TYPE_CALC_CHAIN = `${NS_REL}/calcChain`;
export const CONTENT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export interface Rel {
  raw: string;
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export interface SheetInfo {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** 0-based position (localSheetId of a name scoped to it). */
  index: number;
  /** Its part, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

export type { NameModel } from "../marker";

export const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlUnescape(m[2] ?? m[3]) : undefined;
};

export const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function parseRels(xml: string): Rel[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*?(\/>|>\s*<\/(?:\w+:)?Relationship>)/g)].map((m) => ({
    raw: m[0],
    id: attr(m[0], "Id") ?? "",
    type: attr(m[0], "Type") ?? "",
    target: attr(m[0], "Target") ?? "",
    external: attr(m[0], "TargetMode") === "External",
  }));
}

/** The rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export const relsOf = (part: string): string => path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);

/** A relationship's target as a part name, from the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), decodeURIComponent(target)));
}

export class Book {
  readonly workbookXml: string;
  readonly sheets: SheetInfo[];
  readonly names: NameModel[];
  readonly date1904: boolean;
  private sst: string[] | undefined;
  private fmts: (string | undefined)[] | undefined;

  private constructor(
    readonly buf: Buffer,
    readonly entries: Map<string, ZipEntry>,
    readonly workbookRels: Rel[],
    workbookXml: string,
  ) {
    this.workbookXml = workbookXml;
    const byId = new Map(workbookRels.map((r) => [r.id, r]));
    this.sheets = [];
    for (const m of workbookXml.matchAll(/<(\w+:)?sheet\b[^>]*>/g)) {
      const tag = m[0];
      const name = attr(tag, "name");
      const id = /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
      const rel = id ? byId.get(id) : undefined;
      if (name === undefined || !rel) continue;
      this.sheets.push({ name, state: attr(tag, "state") ?? "visible", index: this.sheets.length, part: resolveTarget("xl/workbook.xml", rel.target) });
    }
    this.names = [...workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)].map((m) => {
      const local = attr(m[1], "localSheetId");
      return { name: attr(m[1], "name") ?? "", ranges: [xmlUnescape(m[2]).trim()], ...(local !== undefined ? { localSheetId: Number(local) } : {}) };
    });
    const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0];
    const d = pr ? attr(pr, "date1904") : undefined;
    this.date1904 = d === "1" || d === "true";
  }

  static async open(buf: Buffer, entries: Map<string, ZipEntry>): Promise<Book> {
    const wb = await partString(buf, entries.get("xl/workbook.xml")!);
    const relsEntry = entries.get("xl/_rels/workbook.xml.rels");
    const rels = relsEntry ? parseRels(await partString(buf, relsEntry)) : [];
    return new Book(buf, entries, rels, wb);
  }

  entry(part: string): ZipEntry | undefined {
    return this.entries.get(part);
  }

  async text(part: string): Promise<string | undefined> {
    const e = this.entries.get(part);
    return e ? partString(this.buf, e) : undefined;
  }

  async rels(part: string): Promise<Rel[]> {
    const xml = await this.text(relsOf(part));
    return xml ? parseRels(xml) : [];
  }

  /** The shared strings (every text cell's text), read piece by piece once. */
  async sharedStrings(): Promise<string[]> {
    if (this.sst) return this.sst;
    const out: string[] = [];
    const rel = this.workbookRels.find((r) => r.type.endsWith("/sharedStrings"));
    const e = this.entries.get(rel ? resolveTarget("xl/workbook.xml", rel.target) : "xl/sharedStrings.xml");
    if (e) {
      let text = "";
      const SI = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
      for await (const piece of partText(this.buf, e)) {
        text += piece;
        let last = 0;
        SI.lastIndex = 0;
        for (let m = SI.exec(text); m; m = SI.exec(text)) {
          out.push(m[1] ? richText(m[1]) : "");
          last = SI.lastIndex;
        }
        text = text.slice(last);
      }
      if (/<(?:\w+:)?si\b/.test(text)) throw new SheetXmlError(`${e.name} is cut short`);
    }
    return (this.sst = out);
  }

  async formats(): Promise<(string | undefined)[]> {
    if (this.fmts) return this.fmts;
    const rel = this.workbookRels.find((r) => r.type.endsWith("/styles"));
    return (this.fmts = styleFormats(await this.text(rel ? resolveTarget("xl/workbook.xml", rel.target) : "xl/styles.xml")));
  }

  async readContext(): Promise<ReadContext> {
    return { sharedStrings: await this.sharedStrings(), formats: await this.formats(), date1904: this.date1904 };
  }
}
