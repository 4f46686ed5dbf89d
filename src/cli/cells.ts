/**
 * Cell values as they come from ExcelJS (or from a CSV, as strings), turned into
 * - what the engine reads (`engineValue`): the cached result of a formula (a formula with none is
 *   passed on as `{formula}`, which the engine reports rather than reading as blank), `{error}` for an error,
 *   the text of rich text and hyperlinks, and dates as Date objects (the engine names them: "a date, 2008-05-01");
 * - text for a CSV or a message (`cellText`).
 * No rule lives here: the engine decides what a value means.
 */
import { isBlank, numberText } from "../engine";

type Obj = Record<string, unknown>;

function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "invalid date";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
}

/** The value the engine should read for a cell. */
export function engineValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v; // the engine says what it is ("a date, 2008-05-01", "a time, 13:30")
  if (typeof v === "object") {
    const o = v as Obj;
    // A formula gives its saved result; without one (never calculated) the engine is handed the formula, and says so.
    if ("formula" in o || "sharedFormula" in o) return o.result !== undefined ? engineValue(o.result) : { formula: o.formula ?? o.sharedFormula };
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return (o.richText as Obj[]).map((t) => String(t.text ?? "")).join("");
    if ("text" in o) return engineValue(o.text);
    return String(v);
  }
  return v;
}

/** A cell shown as text (CSV output, headers, messages). */
export function cellText(v: unknown): string {
  const e = engineValue(v);
  if (e === null || e === undefined) return "";
  if (e instanceof Date) return isoDate(e);
  if (typeof e === "boolean") return e ? "TRUE" : "FALSE";
  if (typeof e === "object") return String((e as Obj).error ?? "");
  return String(e);
}

/** True when a cell holds anything (blank text counts as empty, as in the engine). */
export function hasValue(v: unknown): boolean {
  return !isBlank(engineValue(v));
}

const CANONICAL_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d{1,15})?$/;

/**
 * A CSV field as an .xlsx cell: plain decimal numbers become numbers (as Excel does when it opens a
 * CSV); anything else, including numbers with leading zeros (codes), stays text.
 */
export function csvFieldToCell(s: string): string | number | null {
  if (s === "") return null;
  return CANONICAL_NUMBER.test(s) ? Number(s) : s;
}

/** A text cell starting with one of these is read as a formula by Excel or LibreOffice when a CSV is opened (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's text for a CSV output, neutralised against formula injection (OWASP, "CSV Injection"): a
 * text cell starting with =, +, -, @, a tab or a carriage return gets a leading single quote, which
 * Excel and LibreOffice read as "this is text" (`=HYPERLINK(…)` → `'=HYPERLINK(…)`). Numbers are
 * never changed: a number cell (-3.2), text that is a number as written (the engine's numberText: "-3.2", "+5", "-1,500", "-12%"),
 * and a lone "-" or "+" (a placeholder, nothing to evaluate). Returns the text and whether it was changed.
 */
export function csvSafe(v: unknown): { text: string; changed: boolean } {
  const text = cellText(v);
  if (!FORMULA_START.test(text) || typeof engineValue(v) !== "string" || numberText(text) !== null || text === "-" || text === "+") return { text, changed: false };
  return { text: `'${text}`, changed: true };
}
