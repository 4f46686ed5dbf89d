/**
 * Private input checks shared by the statistics functions (not exported from the barrel).
 * Each check returns a {@link Fail} naming the argument and the accepted range, or null when the
 * value is usable. Blank (undefined/null) is "missing"; anything else unusable is "invalid".
 */
import { fail, type Fail } from "../types";

/** A short, safe rendering of a bad value for an error message. */
export function show(x: unknown): string {
  if (typeof x === "number") return Number.isNaN(x) ? "NaN" : String(x);
  if (typeof x === "string") return `"${x.length > 40 ? x.slice(0, 37) + "…" : x}"`;
  if (typeof x === "boolean") return x ? "TRUE" : "FALSE";
  if (x === null) return "null";
  if (x === undefined) return "blank";
  if (Array.isArray(x)) return `an array of ${x.length}`;
  return Object.prototype.toString.call(x).slice(8, -1).toLowerCase();
}

export interface NumberRange {
  min?: number;
  /** When true, min itself is not allowed. */
  minExclusive?: boolean;
  max?: number;
  /** When true, max itself is not allowed. */
  maxExclusive?: boolean;
  /** Must be a whole number. */
  integer?: boolean;
  /** The accepted range in words, e.g. "between 0 and 100". */
  text: string;
}

/** Checks one number against a range. `label` is the argument's name as the user sees it. */
export function checkNumber(x: unknown, field: string, label: string, range: NumberRange): Fail | null {
  if (x === undefined || x === null) return fail("missing", `${label} is blank; it must be a number ${range.text}.`, field);
  if (typeof x !== "number" || !Number.isFinite(x)) {
    return fail("invalid", `${label} must be a finite number ${range.text}; got ${show(x)}.`, field);
  }
  const belowMin = range.min !== undefined && (range.minExclusive ? x <= range.min : x < range.min);
  const aboveMax = range.max !== undefined && (range.maxExclusive ? x >= range.max : x > range.max);
  if (belowMin || aboveMax || (range.integer === true && !Number.isInteger(x))) {
    return fail("invalid", `${label} must be a number ${range.text}; got ${show(x)}.`, field);
  }
  return null;
}

/** Checks that x is a non-empty array. */
export function checkArray(x: unknown, field: string, label: string, what: string): Fail | null {
  if (x === undefined || x === null) return fail("missing", `${label} is blank; it must be a list of ${what}.`, field);
  if (!Array.isArray(x)) return fail("invalid", `${label} must be a list of ${what}; got ${show(x)}.`, field);
  if (x.length === 0) return fail("missing", `${label} is empty; it must hold at least one of ${what}.`, field);
  return null;
}

/** Checks a list of counts: finite and ≥ 0 (non-whole counts such as weighted estimates are allowed). */
export function checkCounts(x: unknown, field: string, label: string): Fail | null {
  const bad = checkArray(x, field, label, "counts (finite numbers ≥ 0)");
  if (bad) return bad;
  const arr = x as unknown[];
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (v === undefined || v === null) {
      return fail("missing", `${label} item ${i + 1} is blank; every count must be a finite number ≥ 0 (enter 0 for none).`, field);
    }
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      return fail("invalid", `${label} item ${i + 1} must be a finite number ≥ 0; got ${show(v)}.`, field);
    }
  }
  return null;
}

/** Formats a number for an explanation: at most `dp` decimals, no trailing zeros, no -0. */
export function fmt(x: number, dp = 3): string {
  const f = 10 ** dp;
  const r = Math.round(x * f) / f;
  return String(r === 0 ? 0 : r);
}

/** Locale-independent string order (UTF-16 code units), used for deterministic tie-breaks. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
