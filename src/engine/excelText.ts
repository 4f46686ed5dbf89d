/**
 * What Excel's cell text means, where the engine and the shells must agree: the error values a
 * cell can show (#N/A, #VALUE! …), and text that is a number as written ("72", "1,000", "-3.5e2",
 * "12%"). The engine reads inputs by these rules; the preview's stand-in, its grid and the command
 * line's CSV writer take them from here.
 */

/** Excel's error values, as a cell shows them. */
export const EXCEL_ERROR_CODES: readonly string[] = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
  "#GETTING_DATA",
  "#FIELD!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
];

const ERROR_SET = new Set(EXCEL_ERROR_CODES);

/** True when `v` is one of Excel's error values exactly as a cell shows it ("#N/A", not "#n/a "). */
export function isExcelErrorCode(v: unknown): v is string {
  return typeof v === "string" && ERROR_SET.has(v);
}

/** The error value text stands for, ignoring case and surrounding spaces (" #n/a" → "#N/A"); null when it is none. */
export function excelErrorCode(text: string): string | null {
  if (!text.includes("#")) return null;
  const code = text.trim().toUpperCase();
  return ERROR_SET.has(code) ? code : null;
}

// Unambiguous (each digit can match one way only), so a 100,000-character cell is rejected in linear
// time: the earlier form (\d+\.?\d*) backtracked quadratically, about 9 s on 50,000 digits and a letter.
/** A number as written without thousands separators: sign, digits, a point, an exponent ("-3.", ".5", "1e3"). */
export const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
/** A number written with thousands commas ("1,000", "-12,345.6"). */
export const THOUSANDS_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** A number written with a decimal comma ("12,5"): not read as a number (en-GB); the engine names it. */
export const DECIMAL_COMMA_NUMBER = /^[+-]?\d+,\d+$/;

/**
 * Text that is a number as written: plain or with thousands commas, optionally ending in "%"
 * (spaces around it allowed). `value` is the number as written (12 for "12%"), `percentSign` says
 * whether it ended in "%". Null for anything else; `value` may be ±Infinity ("1e999").
 * @example numberText(" 1,000 ") //=> { value: 1000, percentSign: false }
 * @example numberText("12.5%") //=> { value: 12.5, percentSign: true }
 */
export function numberText(text: string): { value: number; percentSign: boolean } | null {
  let t = text.trim();
  let percentSign = false;
  if (t.endsWith("%")) {
    percentSign = true;
    t = t.slice(0, -1).trim();
  }
  if (PLAIN_NUMBER.test(t)) return { value: Number(t), percentSign };
  if (THOUSANDS_NUMBER.test(t)) return { value: Number(t.replace(/,/g, "")), percentSign };
  return null;
}
