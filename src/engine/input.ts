/**
 * Reading raw cell values (numbers, numeric text, blanks, booleans, Excel errors) into the
 * engine's numbers. One place for the rules, used by the custom functions, the task pane and
 * the command line alike.
 *
 * Scale rule (decision A7, README "Decisions"): percentages arrive either as 0–100 or as Excel
 * percent fractions (72% is stored as 0.72). One rule, for a function call's percentage arguments
 * and a table's percentage columns alike (score, NVQ4+, rural; the CI follows its score): an explicit
 * `scale` ("percent"/"fraction") decides; else a cell's own evidence (text with a % sign is per cent,
 * a number with a % number format a fraction); else a header that says % means per cent; else ONE
 * decision for all the percentages of the call or table together: a value above 1 in any of them
 * means all are per cent; else (all within 0–1) fractions, with a warning that the scale was a guess.
 * See `decideScales`; `scanScales` gathers the evidence slice by slice for tables read in chunks.
 */
import { DECIMAL_COMMA_NUMBER, excelErrorCode, numberText } from "./excelText";
import { fail, NO_WARNINGS, ok, type Result, type Warning } from "./types";

export type Scale = "auto" | "percent" | "fraction";
export const SCALES: readonly Scale[] = ["auto", "percent", "fraction"];

/** Rounds away binary noise (0.57 × 100 = 56.99999999999999) so cut-off comparisons are exact to 1e-9. */
export function clean(x: number): number {
  const r = Math.round(x * 1e9) / 1e9;
  return r === 0 ? 0 : r; // no -0
}

/** An Excel error value as it reaches JavaScript (CustomFunctions.Error, an ExcelJS error cell, or "#N/A" text). */
function excelErrorText(raw: unknown): string | null {
  if (typeof raw === "string") return excelErrorCode(raw);
  if (raw !== null && typeof raw === "object") {
    const o = raw as Record<string, unknown>;
    if (typeof o.error === "string") return o.error; // ExcelJS { error: "#N/A" }
    if (typeof o.code === "string" && (o.code as string).length > 0 && "message" in o) return String(o.code); // CustomFunctions.Error
    if (typeof o.errorCode === "string") return String(o.errorCode);
  }
  return null;
}

/**
 * A formula cell whose file holds no saved result: ExcelJS gives `{formula}` (or `{sharedFormula}`)
 * without `result` for a workbook written by a program and never calculated in Excel. It is not
 * blank (Excel would show a value), so it is reported, never read as empty.
 */
function uncalculatedFormula(raw: unknown): string | null {
  if (raw === null || typeof raw !== "object") return null;
  const o = raw as Record<string, unknown>;
  if (!("formula" in o || "sharedFormula" in o) || o.result !== undefined) return null;
  const f = String(o.formula ?? o.sharedFormula ?? "");
  return f.startsWith("=") ? f : `=${f}`;
}

function uncalculatedMessage(label: string, formula: string): string {
  return `${label} is the formula ${formula.length > 40 ? formula.slice(0, 37) + "…" : formula} with no saved result (the file was never calculated in Excel); open it in Excel, save it, and run again.`;
}

export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/**
 * A value as the user knows it, for messages: text in quotes, a date or time by what it is
 * ("a date, 2008-05-01", "a time, 13:30"), TRUE/FALSE as a logical value.
 */
function show(raw: unknown): string {
  if (typeof raw === "string") return `"${raw.length > 40 ? raw.slice(0, 37) + "…" : raw}"`;
  if (typeof raw === "number") return String(raw);
  if (typeof raw === "boolean") return `${raw ? "TRUE" : "FALSE"}, a logical value`;
  if (raw instanceof Date) return describeDate(raw);
  return Object.prototype.toString.call(raw).slice(8, -1).toLowerCase();
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * A date cell in words, as Excel holds it (a serial day count: ExcelJS gives a Date in UTC, the task
 * pane the serial number and its format): "a date, 2008-05-01"; a time alone (a serial below 1, on
 * Excel's day 0, 1899-12-30) "a time, 13:30"; both "a date and time, 2008-05-01 13:30".
 * @example describeDate(new Date(Date.UTC(2008, 4, 1))) //=> "a date, 2008-05-01"
 */
export function describeDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "a date that is not valid";
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const s = d.getUTCSeconds();
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}${s ? `:${pad2(s)}` : ""}`;
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && s === 0;
  if (day === "1899-12-30") return `a time, ${time}`;
  return midnight ? `a date, ${day}` : `a date and time, ${day} ${time}`;
}

/**
 * True for an Excel number format that shows a serial number as a date or a time ("dd/mm/yyyy",
 * "d-mmm-yy", "h:mm", "[h]:mm:ss", "yyyy-mm-dd hh:mm"): a d, m, y, h or s code outside quotes,
 * escapes and brackets (an elapsed-time [h] counts). "General", "0.0%" and "£#,##0" are not.
 * @example isDateFormat("dd/mm/yyyy") //=> true
 * @example isDateFormat('0.0" days"') //=> false
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || /^general$/i.test(format)) return false;
  const codes = format.replace(/"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]/gi, "");
  return /[dmyhs]/i.test(codes.replace(/E[+-]/gi, ""));
}

/** Excel's serial day number as a Date (UTC), on the 1900 date system (with its phantom 29 February 1900). */
export function excelSerialToDate(serial: number): Date {
  const days = serial < 60 && serial >= 1 ? serial + 1 : serial;
  return new Date(Date.UTC(1899, 11, 30) + Math.round(days * 86_400_000));
}

/**
 * A cell's value read with its number format: a number under a date or time format is that date or
 * time (a Date, as ExcelJS gives it), so it is named as one, never read as the number it is stored
 * as. Anything else is returned as it is. The task pane gets dates as serial numbers with their
 * formats; the command line gets Dates from ExcelJS.
 * @example withNumberFormat(39569, "dd/mm/yyyy") //=> Date 2008-05-01
 */
export function withNumberFormat(raw: unknown, format: unknown): unknown {
  return typeof raw === "number" && Number.isFinite(raw) && isDateFormat(format) ? excelSerialToDate(raw) : raw;
}

export interface ParsedNumber {
  value: number;
  /** True when the input was text ending in "%" (so its scale is explicit). */
  percentSign: boolean;
}

/**
 * Reads one raw value as a finite number. Blank → "missing"; anything else that is not a number → "invalid".
 * @example parseNumber(" 72 ", "score", "Score") //=> ok({value: 72, percentSign: false})
 * @example parseNumber("1,000", "jobs1984", "1984 jobs") //=> ok({value: 1000, …})
 */
export function parseNumber(raw: unknown, field: string, label: string, expected?: string): Result<ParsedNumber> {
  // With `expected` (what the argument accepts, e.g. "a percentage, 0–100 …"), the blank, error and
  // not-a-number messages end by saying what to give instead.
  const give = expected ? ` Give ${expected}.` : "";
  if (isBlank(raw)) return fail("missing", `${label} is blank.${give}`, field);
  const formula = uncalculatedFormula(raw);
  if (formula !== null) return fail("invalid", uncalculatedMessage(label, formula), field);
  const err = excelErrorText(raw);
  if (err) return fail("invalid", `${label} holds the error ${err}, not a number.${give}`, field);
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return fail("invalid", `${label} must be a finite number; got ${String(raw)}.${give}`, field);
    return ok({ value: raw === 0 ? 0 : raw, percentSign: false }, "");
  }
  if (typeof raw === "boolean") return fail("invalid", `${label} must be a number; got ${show(raw)}.${give}`, field);
  if (raw instanceof Date) return fail("invalid", `${label} must be a number; got ${show(raw)}.${give}`, field);
  if (typeof raw !== "string") return fail("invalid", `${label} must be a number; got ${show(raw)}.${give}`, field);
  const written = raw.trim().replace(/\u00a0/g, "");
  const n = numberText(written); // the number-as-text rule (excelText.ts)
  if (n) {
    if (!Number.isFinite(n.value)) return fail("invalid", `${label} must be a finite number; got ${show(raw)}.`, field);
    return ok({ value: n.value === 0 ? 0 : n.value, percentSign: n.percentSign }, "");
  }
  const text = written.endsWith("%") ? written.slice(0, -1).trim() : written;
  if (DECIMAL_COMMA_NUMBER.test(text)) {
    return fail("invalid", `${label} ${show(raw)} uses a comma as the decimal point; write ${text.replace(",", ".")}.`, field);
  }
  return fail("invalid", `${label} must be a number; got the text ${show(raw)}.${give}`, field);
}

/** What a percentage argument accepts (ends the blank / not-a-number messages). */
export const EXPECT_PERCENT = "a percentage, 0–100 (or 0–1 from an Excel % cell)";
/** What a count or rate argument accepts. */
export const EXPECT_NON_NEGATIVE = "a number of 0 or more";
/** What a confidence-interval half-width accepts. */
export const EXPECT_HALF_WIDTH = "the ± half-width in percentage points, 0–100";

/**
 * A confidence-interval half-width in the same scale as the score it belongs to
 * (a fraction score takes a fraction half-width). Blank → "missing" (callers decide if that matters).
 */
export function parseHalfWidth(raw: unknown, scoreScale: "percent" | "fraction", field = "ci", label = "Confidence interval (±)"): Result<number> {
  const p = parseNumber(raw, field, label, EXPECT_HALF_WIDTH);
  if (!p.ok) return p;
  const { value, percentSign } = p.value;
  const points = percentSign || scoreScale === "percent" ? value : clean(value * 100);
  if (points < 0 || points > 100) {
    return fail("invalid", `${label} must be a half-width between 0 and 100 percentage points; got ${value}${percentSign ? "%" : ""}.`, field);
  }
  return ok(points, "");
}

/** Fields that are whole counts (so "1.500" cannot be one and a half). */
const WHOLE_COUNTS: ReadonlySet<string> = new Set(["jobs1984", "population"]);
/** 1.500 or 12.345.678: a dot every three digits, as continental Europe writes thousands. */
const DOT_THOUSANDS = /^\d{1,3}(\.\d{3})+$/;

/**
 * A non-negative count or rate (A8 workers per 10,000; 1984 jobs). Text with a % sign is refused.
 * A whole count (1984 jobs, population) written as text like "1.500" is refused as ambiguous
 * (1,500 with a dot for thousands, or 1.5?), never read as 1.5 (found by the hostile-file audit).
 */
export function parseNonNegative(raw: unknown, field: string, label: string): Result<number> {
  if (WHOLE_COUNTS.has(field) && typeof raw === "string" && DOT_THOUSANDS.test(raw.trim())) {
    const t = raw.trim();
    return fail("invalid", `${label} "${t}" is a whole count written with a dot: if the dot separates thousands, write ${t.replace(/\./g, "")}.`, field);
  }
  const p = parseNumber(raw, field, label, EXPECT_NON_NEGATIVE);
  if (!p.ok) return p;
  if (p.value.percentSign) return fail("invalid", `${label} is a count or rate, not a percentage; got ${show(raw)}.`, field);
  if (p.value.value < 0) return fail("invalid", `${label} cannot be negative; got ${p.value.value}.`, field);
  return ok(p.value.value, "");
}

/** TRUE/FALSE (also yes/no, y/n, 1/0 as text or number). Blank → false (nothing asserted). */
export function parseFlag(raw: unknown, field: string, label: string): Result<boolean> {
  if (isBlank(raw)) return ok(false, "");
  if (typeof raw === "boolean") return ok(raw, "");
  const formula = uncalculatedFormula(raw);
  if (formula !== null) return fail("invalid", uncalculatedMessage(label, formula), field);
  if (typeof raw === "number" && (raw === 0 || raw === 1)) return ok(raw === 1, "");
  if (typeof raw === "string") {
    const t = raw.trim().toLowerCase();
    if (["true", "yes", "y", "1"].includes(t)) return ok(true, "");
    if (["false", "no", "n", "0"].includes(t)) return ok(false, "");
  }
  const err = excelErrorText(raw);
  if (err) return fail("invalid", `${label} holds the error ${err}; use TRUE or FALSE.`, field);
  return fail("invalid", `${label} must be TRUE or FALSE; got ${show(raw)}.`, field);
}

/**
 * Reads an option given as text (case-insensitive); blank → the default.
 * @example parseChoice("Lower", ["point","lower","upper"], "point", "basis") //=> ok("lower")
 */
export function parseChoice<T extends string>(raw: unknown, allowed: readonly T[], fallback: T, label: string): Result<T> {
  if (isBlank(raw)) return ok(fallback, "");
  if (typeof raw === "string") {
    const t = raw.trim().toLowerCase();
    const hit = allowed.find((a) => a.toLowerCase() === t);
    if (hit) return ok(hit, "");
  }
  return fail("invalid", `${label} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}; got ${show(raw)}.`, label);
}
