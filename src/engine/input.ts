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

// ---------------------------------------------------------------------------------------------
// The percentage scale (decision A7): one rule for the functions, the task pane and the command line.

/** Where a percentage cell's scale came from. */
export type ScaleBasis = "explicit" | "percent sign" | "format" | "header" | "value above 1" | "ambiguous";
/** What the percentages were given as: one function call's arguments, or one table's columns. */
export type ScaleWhere = "call" | "table";

/**
 * True for an Excel number format that shows a stored fraction as a percentage ("0%", "0.0%",
 * "#,##0.00%;[Red]-0.00%"): a `%` outside quotes, brackets and backslash escapes. A quoted or escaped
 * % (`0.0"%"`, `0\%`) is a literal sign that does not multiply by 100, so it is not one.
 * @example isPercentFormat("0.0%") //=> true
 * @example isPercentFormat('0.0"%"') //=> false
 */
export function isPercentFormat(format: unknown): boolean {
  if (typeof format !== "string" || !format.includes("%")) return false;
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").includes("%");
}

/** True for a header that says its column is in per cent: a % sign, "per cent", "percent(age)" or "pct". */
export function isPercentHeader(header: unknown): boolean {
  return typeof header === "string" && /%|per\s*cent|\bpct\b/i.test(header);
}

/** Evidence about one percentage column (or argument), gathered slice by slice. */
export interface ColumnScaleEvidence {
  label: string;
  header: string | null;
  /** The header says per cent. */
  headerPercent: boolean;
  /** Numbers read by the column's decision: no % sign, no % number format. */
  plain: number;
  /** Numbers with a % number format (read as fractions) and text with a % sign (read as per cent). */
  formatted: number;
  signed: number;
  /** Plain numbers above 1 in this column, and the first of them (row order). */
  aboveOne: number;
  firstAboveOne: number | null;
}

/**
 * What decides the scale of a call's or a table's percentage inputs (score, NVQ4+, rural; never
 * the CI, which follows its score). Built by `scanScales`, slice after slice when a table is read
 * in chunks: scanning the slices in turn gives the same evidence as scanning the whole table.
 */
export interface TableScales {
  scale: Scale;
  where: ScaleWhere;
  /** Per field, in the order first seen. */
  columns: Record<string, ColumnScaleEvidence>;
}

/** One percentage column (or argument) of a call or table, or a slice of it. */
export interface PercentColumnInput {
  field: string;
  label: string;
  raws: readonly unknown[];
  /** The column's header text (tables only). */
  header?: string | null;
  /** Each cell's number format (tables only; aligned with `raws`). */
  formats?: readonly unknown[] | null;
}

/** The fixed order in which fields are looked at for "a value above 1" (so the note is the same however the table is sliced). */
const POOL_ORDER = ["score", "nvq4", "rural"];

/**
 * Gathers the scale evidence of a call's or table's percentage columns, or of one more slice of
 * them when `prior` holds the slices before.
 * @example scanScales([{field: "nvq4", label: "NVQ4+ share", raws: [30]}, {field: "rural", label: "Rural share", raws: [0.5]}])
 */
export function scanScales(columns: readonly PercentColumnInput[], options: { scale?: Scale; where?: ScaleWhere } = {}, prior?: TableScales): TableScales {
  const out: TableScales = {
    scale: prior?.scale ?? options.scale ?? "auto",
    where: prior?.where ?? options.where ?? "call",
    columns: {},
  };
  if (prior) for (const [f, e] of Object.entries(prior.columns)) out.columns[f] = { ...e };
  for (const c of columns) {
    const header = c.header === undefined || c.header === null ? null : String(c.header);
    const e = (out.columns[c.field] ??= { label: c.label, header, headerPercent: isPercentHeader(header), plain: 0, formatted: 0, signed: 0, aboveOne: 0, firstAboveOne: null });
    if (e.header === null && header !== null) {
      e.header = header;
      e.headerPercent = isPercentHeader(header);
    }
    const formats = c.formats ?? null;
    for (let i = 0; i < c.raws.length; i++) {
      const raw = c.raws[i];
      if (isBlank(raw)) continue;
      let value: number;
      if (typeof raw === "number") {
        if (!Number.isFinite(raw)) continue;
        if (formats && isPercentFormat(formats[i])) {
          e.formatted++;
          continue;
        }
        value = raw;
      } else {
        const p = parseNumber(raw, "", "");
        if (!p.ok) continue;
        if (p.value.percentSign) {
          e.signed++;
          continue;
        }
        value = p.value.value;
      }
      e.plain++;
      if (value > 1) {
        if (e.aboveOne++ === 0) e.firstAboveOne = value;
      }
    }
  }
  return out;
}

/** How the cells of one percentage column without a % sign or a % number format are read, and why. */
export interface ScaleDecision {
  field: string;
  label: string;
  resolved: "percent" | "fraction";
  basis: Exclude<ScaleBasis, "percent sign" | "format">;
  where: ScaleWhere;
  /** "read as per cent: a value above 1 in the call (NVQ4+ share 30)" … */
  note: string;
  /** Cells read by this decision, with a % number format, and with a % sign; plain values above 1 in this column. */
  plain: number;
  formatted: number;
  signed: number;
  aboveOne: number;
}

/** "Rural share" → "rural share" inside a sentence; "NVQ4+ share" stays as it is. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const READ_AS = { percent: "read as per cent", fraction: "read as fractions" } as const;

/** The note of the ambiguous case, as a warning (the same words for every cell of a call or table). */
export function ambiguousScaleMessage(where: ScaleWhere): string {
  return where === "call"
    ? 'Percentages read as fractions (0.5 = 50%): every percentage in the call is within 0–1; give scale "percent" if 0.5 means 0.5%.'
    : 'Percentages read as fractions (0.5 = 50%): every percentage in the table is within 0–1 and none has a % number format or a % header; set the scale to "percent" if 0.5 means 0.5%.';
}

/**
 * The decision for each percentage column of a call or table (decision A7):
 * 1. an explicit `scale` ("percent" / "fraction") decides everything;
 * 2. (per cell, in `parsePercentColumn`) text with a % sign is per cent, a number with a % number format a fraction;
 * 3. a header that says % ("Rural %", "per cent", "pct") means per cent;
 * 4. otherwise one decision for all the percentage columns together: a plain value above 1 in
 *    any of them means all are per cent;
 * 5. else (every plain value within 0–1, no format or header evidence) fractions, flagged as ambiguous.
 */
export function decideScales(s: TableScales): Record<string, ScaleDecision> {
  const out: Record<string, ScaleDecision> = {};
  const fields = Object.keys(s.columns);
  const order = [...POOL_ORDER.filter((f) => fields.includes(f)), ...fields.filter((f) => !POOL_ORDER.includes(f))];
  const first = order.map((f) => s.columns[f]).find((e) => e.aboveOne > 0);
  const where = s.where === "call" ? "the call" : "the table";
  for (const f of fields) {
    const e = s.columns[f];
    const counts = { field: f, label: e.label, where: s.where, plain: e.plain, formatted: e.formatted, signed: e.signed, aboveOne: e.aboveOne };
    if (s.scale !== "auto") out[f] = { ...counts, resolved: s.scale, basis: "explicit", note: `${READ_AS[s.scale]}: scale "${s.scale}" given` };
    else if (e.headerPercent) out[f] = { ...counts, resolved: "percent", basis: "header", note: `${READ_AS.percent}: the header "${e.header}" says per cent` };
    else if (first) out[f] = { ...counts, resolved: "percent", basis: "value above 1", note: `${READ_AS.percent}: a value above 1 in ${where} (${lowerFirst(first.label)} ${first.firstAboveOne})` };
    else out[f] = { ...counts, resolved: "fraction", basis: "ambiguous", note: `${READ_AS.fraction}: every percentage in ${where} is within 0–1 (ambiguous)` };
  }
  return out;
}

/** Lines for the user after a table run (pane message, command line, Summary sheet): each percentage column's scale and why. */
export function describeScales(s: TableScales): string[] {
  return Object.values(decideScales(s)).map((d) => {
    const cells = d.plain + d.formatted + d.signed;
    if (cells === 0) return `${d.label}: no numbers.`;
    const parts: string[] = [];
    if (d.plain) parts.push(d.formatted || d.signed ? `${d.plain.toLocaleString("en-GB")} ${d.note}` : d.note);
    if (d.formatted) parts.push(`${d.formatted.toLocaleString("en-GB")} with a % number format read as fractions`);
    if (d.signed) parts.push(`${d.signed.toLocaleString("en-GB")} written with a % sign read as per cent`);
    return `${d.label}: ${parts.join("; ")}.`;
  });
}

/** The ambiguous-scale warning of a table or call, or null when its scale was not a guess. */
export function ambiguousScaleWarning(s: TableScales): string | null {
  return Object.values(decideScales(s)).some((d) => d.basis === "ambiguous" && d.plain > 0) ? ambiguousScaleMessage(s.where) : null;
}

/** How one cell was read: by its column's decision, its % sign, or its % number format. */
export interface CellScale {
  resolved: "percent" | "fraction";
  basis: ScaleBasis;
  note: string;
}

const SIGN_SCALE: CellScale = { resolved: "percent", basis: "percent sign", note: `${READ_AS.percent}: written with a % sign` };
const FORMAT_SCALE: CellScale = { resolved: "fraction", basis: "format", note: `${READ_AS.fraction}: % number format` };

export interface PercentColumn {
  results: Result<number>[];
  /** The column's decision (cells without a % sign or a % number format). */
  resolved: "percent" | "fraction";
  decision: ScaleDecision;
  /** How cell i was read. */
  cellScale(i: number): CellScale;
}

/**
 * Reads a column of percentages (0–100 or fractions) into 0–100 values by the rule of
 * `decideScales`. Each element is its own Result, so one bad cell never stops the others.
 * `options.decision` (from `decideScales` over the whole call or table) reads this column, or a
 * slice of it, as part of the whole; without it the column is decided on its own (a call of one
 * percentage argument). `options.formats` are the cells' number formats (tables only).
 * @example parsePercentColumn([0.72, 0.55], "score", "Score").results //=> 72 and 55 (fractions, flagged as ambiguous)
 */
export function parsePercentColumn(
  raws: readonly unknown[],
  field: string,
  label: string,
  scale: Scale = "auto",
  options: { decision?: ScaleDecision; formats?: readonly unknown[] | null; header?: string | null; where?: ScaleWhere } = {},
): PercentColumn {
  const formats = options.formats ?? null;
  const decision =
    options.decision ?? decideScales(scanScales([{ field, label, raws, header: options.header, formats }], { scale, where: options.where }))[field];
  const resolved = decision.resolved;
  const explicit = decision.basis === "explicit";
  const ambiguousWarnings: Warning[] | null = decision.basis === "ambiguous" ? [{ code: "ambiguousScale", message: ambiguousScaleMessage(decision.where) }] : null;
  const columnScale: CellScale = { resolved, basis: decision.basis, note: decision.note };
  // Per cell: 0 = the column's decision, 1 = a % sign, 2 = a % number format.
  const marks: Uint8Array | null = raws.length ? new Uint8Array(raws.length) : null;
  const results = raws.map((raw, i): Result<number> => {
    // A number under a date or time format is named as that date or time (issue 12.6), not read as its serial number.
    const p = parseNumber(formats ? withNumberFormat(raw, formats[i]) : raw, field, label, EXPECT_PERCENT);
    if (!p.ok) return p;
    const { value, percentSign } = p.value;
    let warnings: Warning[] = NO_WARNINGS;
    let pct: number;
    if (percentSign) {
      marks![i] = 1;
      pct = value;
    } else if (!explicit && typeof raw === "number" && formats && isPercentFormat(formats[i])) {
      marks![i] = 2;
      pct = clean(value * 100);
    } else if (resolved === "fraction") {
      if (explicit && (value < 0 || value > 1)) {
        return fail("invalid", `${label} ${value} is outside 0–1, but the scale is "fraction" (0.72 means 72%).`, field);
      }
      pct = clean(value * 100);
      if (ambiguousWarnings) warnings = ambiguousWarnings;
    } else {
      pct = value;
      // A value below 1 among its own column's values above 1 (the whole column's, from the evidence): said so, in case it is a fraction.
      if (decision.basis === "value above 1" && value > 0 && value < 1 && decision.aboveOne > 0) {
        warnings = [
          {
            code: "ambiguousScale",
            message: `${label} ${value} was read as ${value}% because other values in its column are on a 0–100 scale; if it is a fraction, enter ${clean(value * 100)}.`,
          },
        ];
      }
    }
    if (pct < 0 || pct > 100) {
      return fail("invalid", `${label} must be a percentage between 0 and 100 (or 0–1 as a fraction); got ${value}${percentSign ? "%" : ""}.`, field);
    }
    return ok(pct, "", warnings);
  });
  return { results, resolved, decision, cellScale: (i) => (marks?.[i] === 1 ? SIGN_SCALE : marks?.[i] === 2 ? FORMAT_SCALE : columnScale) };
}

/** One percentage on its own (a call of one). */
export function parsePercent(raw: unknown, field: string, label: string, scale: Scale = "auto"): Result<number> {
  return parsePercentColumn([raw], field, label, scale).results[0];
}

/**
 * One sentence naming the scale each percentage of a row was read on, and why: "Percentages read as
 * per cent: a value above 1 in the call (NVQ4+ share 30)." when they share one reason, else one
 * clause per input. Used by the EXPLAIN functions, which always say it.
 */
export function scaleSentence(parts: readonly { label: string; scale: CellScale }[]): string {
  if (parts.length === 0) return "";
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  if (parts.length === 1) return `${cap(parts[0].label)} ${parts[0].scale.note}.`;
  if (parts.every((p) => p.scale.note === parts[0].scale.note)) return `Percentages ${parts[0].scale.note}.`;
  return cap(parts.map((p, k) => `${k ? lowerFirst(p.label) : p.label} ${p.scale.note}`).join("; ")) + ".";
}

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
