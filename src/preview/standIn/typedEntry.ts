/**
 * What Excel makes of a string written through `Range.values` or `Range.formulas`: it is read as if typed
 * into the cell, so "4.10" becomes the number 4.1, "01" the number 1, "12%" 0.12, "TRUE" a boolean and
 * "2008-09" the date 1 Sep 2008 — unless the cell's number format is Text ("@") or the string starts with an
 * apostrophe (which is not part of the value). Text starting with "=", "+" or "-" that is not a number is a
 * formula (range.ts writes it as one).
 *
 * What Microsoft documents, and what this follows:
 * - Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
 *   interprets this value as a formula." (@types/office-js, Excel.Range#values;
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member)
 * - Range.Formula / Range.Value (VBA, the same cell engine): "If you set the value or formula of a cell to a
 *   date, Microsoft Excel checks to see whether that cell is already formatted with one of the date or time
 *   number formats. If not, Microsoft Excel changes the number format to the default short date number format."
 *   (https://learn.microsoft.com/office/vba/api/excel.range.formula)
 * - Office.js issue OfficeDev/office-js#229: `range.values = "2018-12-31"` leaves the cell a date whose
 *   `numberFormat` reads "m/d/yyyy" (the API's number formats are en-US whatever the user's locale); issue
 *   OfficeDev/office-js-docs-pr#1730: "1/1/2017" and "$120" written through rows.add become a date and currency.
 * - "Long numbers are displayed incorrectly in Excel" (MicrosoftDocs/OfficeDocs-Support) and Microsoft's
 *   support article "Format numbers as text": format the cell as Text before typing, or type an apostrophe
 *   first, and the entry stays text.
 *
 * Within reason, not all of Excel's parser: numbers (plain, thousands commas, exponent, leading zeros lost,
 * the engine's numberText), percentages, TRUE/FALSE, times (h:mm[:ss]) and the common date forms, read with
 * en-GB day/month order (the stand-in's locale): yyyy-mm-dd, yyyy/mm/dd, yyyy-mm, d/m/yyyy, d/m/yy, d/m, d-m,
 * "1 Sep 2008", "1-Sep-08", "Sep 2008", "Sep-08", "September 2008", "1 Sep". Not modelled: currency ("£120"),
 * negative numbers in brackets ("(5)"), fractions ("1 1/2"), date-times, error text ("#N/A").
 */
import { numberText } from "../../engine/excelText";

/** What a typed string becomes: a number (with the number format Excel gives a General cell, if any) or a boolean. */
export interface TypedEntry {
  value: number | boolean;
  /** The number format Excel applies when the cell's format is General ("0%", "m/d/yyyy", …); none for a plain number. */
  numberFormat?: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAY_MS = 86_400_000;

/** Month 1–12 of a month's name or its first three letters ("Sep", "september"); null for anything else. */
function monthOfName(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/, "");
  const i = MONTHS.indexOf(n.slice(0, 3));
  if (i < 0) return null;
  const full = new Date(Date.UTC(2000, i, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" }).toLowerCase();
  return n.length === 3 || full === n || (i === 8 && n === "sept") ? i + 1 : null;
}

/** A two-digit year as Excel reads it: 00–29 → 2000s, 30–99 → 1900s. */
const fullYear = (y: string): number => (y.length <= 2 ? (Number(y) < 30 ? 2000 : 1900) + Number(y) : Number(y));

/** Excel's serial number of a date (1 = 1 Jan 1900, with Excel's 29 Feb 1900); null when the date does not exist or is outside 1900–9999. */
export function dateSerial(year: number, month: number, day: number): number | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  const days = Math.round((t - Date.UTC(1899, 11, 30)) / DAY_MS);
  return days < 61 ? days - 1 : days; // Excel counts a 29 Feb 1900 that never was
}

const date = (y: number, m: number, d: number, numberFormat: string): TypedEntry | null => {
  const v = dateSerial(y, m, d);
  return v === null ? null : { value: v, numberFormat };
};

function dateEntry(t: string): TypedEntry | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t))) return date(+m[1], +m[2], +m[3], "m/d/yyyy");
  if ((m = /^(\d{4})[-/](\d{1,2})$/.exec(t))) return date(+m[1], +m[2], 1, "mmm-yy");
  if ((m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/.exec(t))) return date(fullYear(m[3]), +m[2], +m[1], "m/d/yyyy");
  if ((m = /^(\d{1,2})[-/](\d{1,2})$/.exec(t))) return date(new Date().getFullYear(), +m[2], +m[1], "d-mmm");
  if ((m = /^(\d{1,2})[-\s]([a-z]+\.?)(?:[-\s,]+(\d{2}|\d{4}))?$/i.exec(t))) {
    const month = monthOfName(m[2]);
    return month === null ? null : date(m[3] ? fullYear(m[3]) : new Date().getFullYear(), month, +m[1], m[3] ? "d-mmm-yy" : "d-mmm");
  }
  if ((m = /^([a-z]+\.?)[-\s](\d{2}|\d{4})$/i.exec(t))) {
    const month = monthOfName(m[1]);
    return month === null ? null : date(fullYear(m[2]), month, 1, "mmm-yy");
  }
  return null;
}

function timeEntry(t: string): TypedEntry | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (!m || +m[1] > 23 || +m[2] > 59 || (m[3] !== undefined && +m[3] > 59)) return null;
  return { value: (+m[1] * 3600 + +m[2] * 60 + (m[3] ? +m[3] : 0)) / 86400, numberFormat: m[3] ? "h:mm:ss" : "h:mm" };
}

function numberEntry(t: string): TypedEntry | null {
  const n = numberText(t);
  if (n === null || !Number.isFinite(n.value)) return null;
  const digits = t.replace(/%\s*$/, "");
  const decimals = /\.\d*[1-9]/.test(digits) && !/e/i.test(digits);
  if (n.percentSign) return { value: n.value / 100, numberFormat: decimals ? "0.00%" : "0%" };
  if (/e/i.test(digits)) return { value: n.value, numberFormat: "0.00E+00" };
  if (digits.includes(",")) return { value: n.value, numberFormat: decimals ? "#,##0.00" : "#,##0" };
  return { value: n.value };
}

/**
 * What Excel makes of `text` typed into a cell of General format: a number or a boolean (with the number
 * format it gives the cell), or null when it stays text. Formulas ("=…") are not this function's: null.
 * @example typedEntry("4.10") //=> { value: 4.1 }
 * @example typedEntry("2008-09") //=> { value: 39692, numberFormat: "mmm-yy" }
 */
export function typedEntry(text: string): TypedEntry | null {
  const t = text.trim();
  if (t === "" || t.startsWith("=")) return null;
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  // Text starting with a letter is a value only as a month and year ("Sep 2008", "September-08"): most text the
  // pane writes (names, notes) stops here, which keeps a 100,000-row write fast (bench/taskpane.bench.js).
  if (/^[a-z]/i.test(t)) return /^[a-z]+\.?[-\s]\d{2}(\d{2})?$/i.test(t) ? dateEntry(t) : null;
  return numberEntry(t) ?? timeEntry(t) ?? dateEntry(t);
}
