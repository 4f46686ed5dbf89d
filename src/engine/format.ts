/**
 * Number formatting for explanations. Intl.NumberFormat instances are built once: calling
 * Number.prototype.toLocaleString per value builds a formatter each time and was the engine's
 * main cost on large tables (measured by `npm run bench`).
 */
const cache = new Map<number, Intl.NumberFormat>();

/** en-GB grouping, at most `digits` decimals: fmtNumber(2400) → "2,400"; fmtNumber(57.25, 1) → "57.3". */
export function fmtNumber(x: number, digits = 1): string {
  let f = cache.get(digits);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    cache.set(digits, f);
  }
  return f.format(x);
}

export const fmtGbp = (n: number): string => `£${fmtNumber(n, 0)}`;
/** Whole millions of pounds as the documents write them: fmtGbpMillions(34_000_000) → "£34m", 4_500_000 → "£4.5m". */
export const fmtGbpMillions = (n: number): string => `£${fmtNumber(n / 1e6, 3)}m`;
export const fmtPct = (x: number): string => `${fmtNumber(x, 3)}%`;
