/**
 * Reading raw cell values (numbers, numeric text, blanks, booleans, Excel errors) into the
 * engine's numbers. One place for the rules, used by the custom functions, the task pane and
 * the command line alike.
 *
 * Scale rule (decision A7, README "Decisions"): percentages arrive either as 0–100 or as Excel
 * percent fractions (72% is stored as 0.72). With `scale: "auto"` (default) the scale is decided
 * per column: a column whose numbers all lie within 0–1 is read as fractions, any other column
 * as 0–100. A single cell is a column of one. Text with a % sign ("72%") is always 72%.
 * `scale: "percent"` or `"fraction"` overrides the guess. Ambiguous values get a warning:
 * a lone value of exactly 1 read as 100%, and a value below 1 inside a column read as 0–100.
 */
import { fail, ok, type Result, type Warning } from "./types";

export type Scale = "auto" | "percent" | "fraction";
export const SCALES: readonly Scale[] = ["auto", "percent", "fraction"];

/** Rounds away binary noise (0.57 × 100 = 56.99999999999999) so cut-off comparisons are exact to 1e-9. */
export function clean(x: number): number {
  const r = Math.round(x * 1e9) / 1e9;
  return r === 0 ? 0 : r; // no -0
}

/** An Excel error value as it reaches JavaScript (CustomFunctions.Error, an ExcelJS error cell, or "#N/A" text). */
function excelErrorText(raw: unknown): string | null {
  if (typeof raw === "string" && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/i.test(raw.trim())) {
    return raw.trim().toUpperCase();
  }
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

function show(raw: unknown): string {
  if (typeof raw === "string") return `"${raw.length > 40 ? raw.slice(0, 37) + "…" : raw}"`;
  if (typeof raw === "number") return String(raw);
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  return Object.prototype.toString.call(raw).slice(8, -1).toLowerCase();
}

export interface ParsedNumber {
  value: number;
  /** True when the input was text ending in "%" (so its scale is explicit). */
  percentSign: boolean;
}

// Unambiguous (each digit can match one way only), so a 100,000-character cell is rejected in linear
// time: the earlier form (\d+\.?\d*) backtracked quadratically, about 9 s on 50,000 digits and a letter.
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

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
  if (typeof raw !== "string") return fail("invalid", `${label} must be a number; got ${show(raw)}.${give}`, field);
  let text = raw.trim().replace(/\u00a0/g, "");
  let percentSign = false;
  if (text.endsWith("%")) {
    percentSign = true;
    text = text.slice(0, -1).trim();
  }
  if (PLAIN.test(text) || THOUSANDS.test(text)) {
    const value = Number(text.replace(/,/g, ""));
    if (!Number.isFinite(value)) return fail("invalid", `${label} must be a finite number; got ${show(raw)}.`, field);
    return ok({ value: value === 0 ? 0 : value, percentSign }, "");
  }
  if (DECIMAL_COMMA.test(text)) {
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
 * How a percentage column's scale was settled. Under `scale: "auto"` the scale is a property of
 * the whole column, so a column evaluated in slices (the task pane computes 100,000 rows in
 * chunks) must be read with the scale of the whole column, not of each slice.
 */
export interface PercentColumnScale {
  resolved: "percent" | "fraction";
  /** Numeric cells without a % sign seen so far (the auto rule and its "lone 1" warning use it). */
  numericCount: number;
}

function settleScale(parsed: readonly Result<ParsedNumber>[], scale: Scale, prior?: PercentColumnScale): PercentColumnScale {
  let numericCount = prior?.numericCount ?? 0;
  // Under auto, a prior that settled on "percent" with numbers seen already holds a value outside 0–1.
  let allWithinOne = prior ? prior.numericCount === 0 || prior.resolved === "fraction" : true;
  for (const p of parsed) {
    if (p.ok && !p.value.percentSign) {
      numericCount++;
      if (p.value.value > 1 || p.value.value < 0) allWithinOne = false;
    }
  }
  const resolved = scale === "fraction" ? "fraction" : scale === "percent" ? "percent" : numericCount > 0 && allWithinOne ? "fraction" : "percent";
  return { resolved, numericCount };
}

/**
 * Settles the scale of a percentage column, or of one more slice of it when `prior` is the
 * result for the slices before: scanning slices in turn gives the same answer as scanning the
 * whole column. Pass the result to `parsePercentColumn` (or `columnScales` in the column
 * functions) to read each slice as part of the whole.
 * @example scanPercentColumn([0.5], "auto", scanPercentColumn([0.7])) //=> {resolved: "fraction", numericCount: 2}
 */
export function scanPercentColumn(raws: readonly unknown[], scale: Scale = "auto", prior?: PercentColumnScale): PercentColumnScale {
  return settleScale(
    raws.map((r) => parseNumber(r, "", "")),
    scale,
    prior,
  );
}

/**
 * Reads a column of percentages (0–100 or fractions) into 0–100 values, deciding the scale once
 * for the whole column (see the module comment). Each element is its own Result, so one bad cell
 * never stops the others. `settled` (from `scanPercentColumn` over the whole column) makes a
 * slice read exactly as it would be inside its whole column.
 * @example parsePercentColumn([0.72, 0.55], "score", "Score") //=> values 72 and 55 (fractions)
 */
export function parsePercentColumn(
  raws: readonly unknown[],
  field: string,
  label: string,
  scale: Scale = "auto",
  settled?: PercentColumnScale,
): { results: Result<number>[]; resolved: "percent" | "fraction" } {
  const parsed = raws.map((r) => parseNumber(r, field, label, EXPECT_PERCENT));
  const { resolved, numericCount } = settled ?? settleScale(parsed, scale);
  const results = parsed.map((p): Result<number> => {
    if (!p.ok) return p;
    const { value, percentSign } = p.value;
    const warnings: Warning[] = [];
    let pct: number;
    if (percentSign) pct = value;
    else if (resolved === "fraction") {
      if (scale === "fraction" && (value < 0 || value > 1)) {
        return fail("invalid", `${label} ${value} is outside 0–1, but the scale is "fraction" (0.72 means 72%).`, field);
      }
      pct = clean(value * 100);
      if (scale === "auto" && numericCount === 1 && value === 1) {
        warnings.push({ code: "ambiguousScale", message: `${label} 1 was read as 100% (a fraction); use scale "percent" if you meant 1%.` });
      }
    } else {
      pct = value;
      if (scale === "auto" && value > 0 && value < 1) {
        warnings.push({
          code: "ambiguousScale",
          message: `${label} ${value} was read as ${value}% because other values in its column are on a 0–100 scale; if it is a fraction, enter ${clean(value * 100)}.`,
        });
      }
    }
    if (pct < 0 || pct > 100) {
      return fail("invalid", `${label} must be a percentage between 0 and 100 (or 0–1 as a fraction); got ${value}${percentSign ? "%" : ""}.`, field);
    }
    return ok(pct, "", warnings);
  });
  return { results, resolved };
}

/** One percentage on its own (a column of one). */
export function parsePercent(raw: unknown, field: string, label: string, scale: Scale = "auto"): Result<number> {
  return parsePercentColumn([raw], field, label, scale).results[0];
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
