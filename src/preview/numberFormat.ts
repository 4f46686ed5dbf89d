/**
 * Enough of Excel's number formats to show a workbook in the preview: General, fixed decimals,
 * thousands separators, percent, currency symbols and other literals ("£#,##0", "0.0%", "#,##0.00"),
 * a second section for negatives, and dates shown as yyyy-mm-dd. Not a full implementation.
 */

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return n.toExponential(5).replace(/\.?0+e/, "E").replace("e", "E");
  return String(Number(n.toPrecision(10)));
}

function literal(s: string): string {
  return s
    .replace(/\[\$([^-\]]*)(-[^\]]*)?\]/g, "$1") // [$£-809] → £
    .replace(/\[[^\]]*\]/g, "") // colours, conditions
    .replace(/_./g, " ")
    .replace(/\*./g, "")
    .replace(/\\(.)/g, "$1")
    .replace(/"([^"]*)"/g, "$1");
}

/** The text a cell shows for a value under a number format. */
export function formatValue(v: unknown, format?: string): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v !== "number") return String(v);
  if (!format || /^general$/i.test(format)) return general(v);
  const sections = format.split(";");
  let section = sections[0];
  let n = v;
  let sign = "";
  if (v < 0 && sections.length > 1 && sections[1] !== "") {
    section = sections[1];
    n = -v;
  } else if (v < 0) {
    sign = "-";
    n = -v;
  }
  const bare = section.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  if (!/[0#?]/.test(bare) && /[ymdhs]/i.test(bare)) {
    const d = new Date(EXCEL_EPOCH_MS + Math.round(v * 86_400_000));
    return Number.isNaN(d.getTime()) ? general(v) : d.toISOString().slice(0, /[hs]/i.test(bare) ? 16 : 10).replace("T", " ");
  }
  const m = /[#0?][#0?,]*(\.[#0?]+)?/.exec(section);
  if (!m) return sign + literal(section) || general(v);
  const percent = /%/.test(bare);
  if (percent) n *= 100;
  const decimals = m[1] ? m[1].length - 1 : 0;
  const grouped = m[0].includes(",");
  const text = n.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouped });
  return sign + literal(section.slice(0, m.index)) + text + literal(section.slice(m.index + m[0].length));
}
