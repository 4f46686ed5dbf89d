/**
 * The percentage scale (decision A7, README "Decisions"): one rule for the functions, the task pane
 * and the command line — an explicit scale, else a cell's own evidence (a % sign, a % number format),
 * else a % header, else one decision over all the percentages of a call or table (input.ts's module
 * comment gives the whole rule). `scanScales` gathers the evidence slice by slice for tables read in
 * chunks; `decideScales` decides; `parsePercentColumn` reads a column with it.
 */
import { clean, EXPECT_PERCENT, isBlank, parseNumber, withNumberFormat, type Scale } from "./input";
import { fail, NO_WARNINGS, ok, type Result, type Warning } from "./types";

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
