/**
 * A cell's value as the rest of the command line reads it (the shapes ExcelJS gives, see cells.ts):
 * a number, text, a boolean, a Date (a number whose format is a date, as Excel shows it), an error
 * `{ error }`, or a formula `{ formula, result }` with its saved result (none when never calculated).
 * ECMA-376 Part 1, §18.3.1.4 (c), §18.18.11 (ST_CellType), §18.8.30 (numFmt) and §18.8.31's table of
 * built-in formats.
 */
import { xmlUnescape } from "../xlsxInspect";

/** Built-in number formats (ECMA-376 Part 1, §18.8.30), the ones a value's reading depends on: percentages and dates. */
const BUILT_IN: Record<number, string> = {
  9: "0%",
  10: "0.00%",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
};

/** The number format of each cell style (`s="N"` → cellXfs[N]), from styles.xml. */
export function styleFormats(stylesXml: string | undefined): (string | undefined)[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = /\snumFmtId\s*=\s*"(\d+)"/.exec(m[0])?.[1];
    const code = /\sformatCode\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    if (id !== undefined && code !== undefined) custom.set(Number(id), xmlUnescape(code));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? "";
  return [...xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)].map((m) => {
    const id = Number(/\snumFmtId\s*=\s*"(\d+)"/.exec(m[0])?.[1] ?? 0);
    return custom.get(id) ?? BUILT_IN[id];
  });
}

/** Whether a number format shows dates or times (as ExcelJS decides: y, m, d, h, s outside quotes and brackets). */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const clean = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[ymdhsb]/i.test(clean) && !/^general$/i.test(clean.trim());
}

/** An Excel serial date as a Date (UTC), in the 1900 or the 1904 date system. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** The text of an `<si>` or `<is>` element: its `<t>` runs, without phonetic guides (`<rPh>`). */
export function richText(xml: string): string {
  const plain = xml.includes("<rPh") || xml.includes(":rPh") ? xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "") : xml;
  let out = "";
  for (const m of plain.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) out += m[1] ? xmlUnescape(m[1]) : "";
  return out;
}

export interface ReadContext {
  sharedStrings: readonly string[];
  formats: readonly (string | undefined)[];
  date1904: boolean;
}

const T = /\st\s*=\s*"(\w+)"/;
const S = /\ss\s*=\s*"(\d+)"/;
const V = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/;
const F = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;

/** The cell's number format (from its style), if it has a style. */
export function cellFormat(attrs: string, ctx: ReadContext): string | undefined {
  const s = S.exec(attrs);
  return s ? ctx.formats[Number(s[1])] : undefined;
}

/** A cell's value (see the module comment); null for an empty cell. */
export function cellValue(attrs: string, inner: string, ctx: ReadContext): unknown {
  if (!inner) return null;
  const t = T.exec(attrs)?.[1] ?? "n";
  const vm = V.exec(inner);
  const v = vm ? vm[1] : undefined;
  let value: unknown;
  switch (t) {
    case "s": {
      const s = v === undefined ? undefined : ctx.sharedStrings[Number(v)];
      value = s ?? null;
      break;
    }
    case "inlineStr":
      value = richText(/<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? "");
      break;
    case "str":
      value = v === undefined ? null : xmlUnescape(v);
      break;
    case "b":
      value = v === undefined ? null : v.trim() === "1" || v.trim().toLowerCase() === "true";
      break;
    case "e":
      value = v === undefined ? null : { error: xmlUnescape(v).trim() };
      break;
    case "d": {
      const d = v === undefined ? null : new Date(xmlUnescape(v).trim());
      value = d && !Number.isNaN(d.getTime()) ? d : v === undefined ? null : xmlUnescape(v);
      break;
    }
    default: {
      if (v === undefined || v.trim() === "") value = null;
      else {
        const n = Number(v);
        value = Number.isFinite(n) ? (isDateFormat(cellFormat(attrs, ctx)) ? serialToDate(n, ctx.date1904) : n) : xmlUnescape(v);
      }
    }
  }
  const f = F.exec(inner);
  if (!f) return value;
  const formula = f[2] ? xmlUnescape(f[2]) : "";
  const shared = /\st\s*=\s*"shared"/.test(f[1]);
  const out: Record<string, unknown> = shared && !formula ? { sharedFormula: "(shared formula)" } : { formula: formula || "(formula)" };
  if (value !== null) out.result = value;
  return out;
}
