/**
 * The toolkit's result block beside a table: which columns a run writes (only the tools whose inputs
 * were given), where they go when an earlier block is there, and how either tool — the command line
 * or the task pane — recognises a block written by the other (the workbook marker).
 *
 * Pure rules only: the command line (ExcelJS) and the task pane (Office.js) read and write the marker,
 * a workbook-level defined name (see `MARKER_PREFIX`), and hand what they read to these functions.
 */
import { OUTPUT_GROUPS, OUTPUT_HEADERS, rowCells, type Field, type OutputCell, type OutputGroup, type OutputHeader, type RowResult } from "./table";

/** The inputs that ask for each tool: any one of them mapped means the tool runs (and says what is missing). */
const ASKING_FIELDS: Record<OutputGroup, readonly Field[]> = {
  familyGroups: ["nvq4", "rural", "a8", "jobs1984", "singleissue"],
  grantBands: ["score", "ci"],
};

/**
 * The tools a table asks for, from the fields mapped: the family groups when any typology proxy is
 * there, the grant bands when a score (or a CI) is. A score-only table gets the ABG columns alone; a
 * proxies-only table no ABG columns.
 * @example groupsFor(["score", "ci"]) //=> ["grantBands"]
 */
export function groupsFor(fields: Iterable<Field>): OutputGroup[] {
  const have = new Set(fields);
  return (Object.keys(ASKING_FIELDS) as OutputGroup[]).filter((g) => ASKING_FIELDS[g].some((f) => have.has(f)));
}

/** The output columns of these tools, in OUTPUT_HEADERS order, with the shared Notes last. */
export function headersFor(groups: Iterable<OutputGroup>): OutputHeader[] {
  const g = new Set(groups);
  return OUTPUT_HEADERS.filter((h) => h === "Notes" || [...g].some((k) => OUTPUT_GROUPS[k].headers.includes(h)));
}

/** The tools whose columns these are (Notes belongs to none). */
export function groupsOfHeaders(headers: readonly string[]): OutputGroup[] {
  return (Object.keys(OUTPUT_GROUPS) as OutputGroup[]).filter((g) => OUTPUT_GROUPS[g].headers.some((h) => headers.includes(h)));
}

/** A row's cells for `headers` (a subset of OUTPUT_HEADERS, in its order). */
export function cellsFor(r: RowResult, headers: readonly OutputHeader[]): OutputCell[] {
  const all = rowCells(r);
  return headers.map((h) => all[OUTPUT_HEADERS.indexOf(h)]);
}

/**
 * Widths (characters) of the toolkit's columns when a run writes them afresh, the same from the
 * command line and the pane: room for their values (type names, band ranges); Notes runs on.
 */
export const OUTPUT_COLUMN_WIDTHS: Readonly<Record<OutputHeader, number>> = {
  "Family type": 12,
  "Family type name": 44,
  "Family group": 13,
  "ABG band": 10,
  "ABG allocation": 15,
  "ABG band range": 26,
  Notes: 60,
};

/** The blocks a run can write: all seven, or one tool's columns with Notes. */
export const VALID_BLOCKS: readonly (readonly OutputHeader[])[] = [headersFor(["familyGroups", "grantBands"]), headersFor(["familyGroups"]), headersFor(["grantBands"])];

/** True when `headers` (as read) are exactly one of the blocks a run writes. */
export function isValidBlock(headers: readonly string[]): headers is OutputHeader[] {
  return VALID_BLOCKS.some((b) => b.length === headers.length && b.every((h, k) => h === headers[k]));
}

/**
 * An earlier block found by its headers alone (a CSV, or a workbook without the marker): the widest
 * run of a valid block's headers side by side in a header row (0-based start), or null.
 */
export function findBlockByHeaders(headers: readonly string[]): { start: number; headers: OutputHeader[] } | null {
  const norm = headers.map((h) => String(h ?? "").trim());
  for (const block of VALID_BLOCKS) {
    for (let start = 0; start + block.length <= norm.length; start++) {
      if (block.every((h, k) => norm[start + k] === h)) return { start, headers: [...block] };
    }
  }
  return null;
}

export interface BlockPlan {
  /** 0-based column of the first output. */
  start: number;
  /** 0-based column of each wanted header. */
  columns: number[];
  /** Whether each output column is where the earlier block had it (same header). */
  reused: boolean[];
  /** 0-based columns of the earlier block that the new one does not cover: emptied (header included). */
  clear: number[];
}

/**
 * Where a run writes `wanted`, given the earlier block (if any) and the table's last used column
 * (0-based index one past it, `width`). The block is rewritten in place when it has room: it is the
 * same block, or it ends the row (nothing of the user's to its right), or the new block is narrower.
 * Otherwise the new block goes after the last used column and the earlier one is emptied. Never two
 * blocks: an earlier block's columns are either reused or cleared.
 */
export function planBlock(existing: { start: number; headers: readonly OutputHeader[] } | null, wanted: readonly OutputHeader[], width: number): BlockPlan {
  if (!existing) {
    return { start: width, columns: wanted.map((_, k) => width + k), reused: wanted.map(() => false), clear: [] };
  }
  const oldEnd = existing.start + existing.headers.length;
  const fits = wanted.length <= existing.headers.length || oldEnd >= width;
  const start = fits ? existing.start : width;
  const columns = wanted.map((_, k) => start + k);
  const reused = wanted.map((h, k) => existing.headers[columns[k] - existing.start] === h);
  const taken = new Set(columns);
  const clear = existing.headers.map((_, k) => existing.start + k).filter((c) => !taken.has(c));
  return { start, columns, reused, clear };
}

// ---------------------------------------------------------------------------------------------
// The workbook marker: how the command line and the task pane know each other's results.
//
// Each result block is marked by a workbook-level defined name that refers to the block's header
// row (so Excel moves the reference with the block when rows or columns are inserted), and whose
// name carries the block's description: its number of data rows and a fingerprint of each column
// as written (header and data rows), e.g. `CohesionToolkit.Block1.r352.0a1b2c3_…` (one fingerprint
// per column, or `formulas` for live formulas). The Summary sheet is marked the same way:
// `CohesionToolkit.Summary.<fingerprint>`, referring to the sheet's used range as written. Defined
// names are what both ExcelJS (workbook.definedNames: names of ranges only) and Office.js
// (workbook.names, ExcelApi 1.4) can read and write; workbook settings (the pane's) are invisible
// to ExcelJS, and cell comments or custom properties are beyond one or the other.

/** Every marker name starts with this (names are case-insensitive in Excel). */
export const MARKER_PREFIX = "CohesionToolkit";

/** A cell as the fingerprint reads it: blank "" (null, undefined, ""), numbers in JavaScript's shortest form, TRUE/FALSE, text as it is, a formula as its text. */
export function cellKey(v: unknown): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v === 0 ? 0 : v) : String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return `date:${v.getTime()}`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return `=${String(o.formula ?? o.sharedFormula ?? "").replace(/^=/, "")}`;
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((t) => String(t.text ?? "")).join("");
    if ("text" in o) return cellKey(o.text);
  }
  return String(v);
}

/** A running FNV-1a (32-bit) over cells, for `fingerprint`. Not a security measure: it tells "as written" from "changed since". */
export class Fingerprint {
  private h = 0x811c9dc5;
  add(v: unknown): this {
    const text = cellKey(v);
    for (let i = 0; i < text.length; i++) {
      this.h ^= text.charCodeAt(i);
      this.h = Math.imul(this.h, 0x01000193);
    }
    this.h ^= 0x1f; // cell separator
    this.h = Math.imul(this.h, 0x01000193);
    return this;
  }
  /** Seven base-36 characters (names are case-insensitive, so no mixed case). */
  digest(): string {
    return (this.h >>> 0).toString(36).padStart(7, "0");
  }
}

/** The fingerprint of a list of cells. */
export function fingerprint(cells: Iterable<unknown>): string {
  const f = new Fingerprint();
  for (const v of cells) f.add(v);
  return f.digest();
}

/** The fingerprint of a sheet's used range (rows of cells, padded to one width, blanks as ""), with its size. */
export function gridFingerprint(rows: readonly (readonly unknown[])[]): string {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const f = new Fingerprint();
  for (const r of rows) for (let c = 0; c < width; c++) f.add(r[c]);
  return `${rows.length}x${width}x${f.digest()}`;
}

export interface BlockMarker {
  /** Which block (several tables may each have one): 1, 2, … */
  id: number;
  /** Data rows below the header. */
  rows: number;
  /** Per column, the fingerprint of its header and data cells as written; null for live formulas (the columns are the toolkit's spill). */
  columns: string[] | null;
}

export interface SummaryMarker {
  fingerprint: string;
}

const BLOCK_NAME = new RegExp(`^${MARKER_PREFIX}\\.Block(\\d+)\\.r(\\d+)\\.(formulas|[0-9a-z]{7}(?:_[0-9a-z]{7})*)$`, "i");
const SUMMARY_NAME = new RegExp(`^${MARKER_PREFIX}\\.Summary\\.(\\d+x\\d+x[0-9a-z]{7})$`, "i");

/** The defined name for a block marker. */
export function blockMarkerName(m: BlockMarker): string {
  return `${MARKER_PREFIX}.Block${m.id}.r${m.rows}.${m.columns ? m.columns.join("_") : "formulas"}`;
}

/** The defined name for the Summary sheet marker. */
export function summaryMarkerName(m: SummaryMarker): string {
  return `${MARKER_PREFIX}.Summary.${m.fingerprint}`;
}

/** A marker read back from a defined name, or null when the name is not the toolkit's. */
export function parseMarkerName(name: string): ({ kind: "block" } & BlockMarker) | ({ kind: "summary" } & SummaryMarker) | null {
  const b = BLOCK_NAME.exec(name);
  if (b) return { kind: "block", id: Number(b[1]), rows: Number(b[2]), columns: b[3].toLowerCase() === "formulas" ? null : b[3].toLowerCase().split("_") };
  const s = SUMMARY_NAME.exec(name);
  if (s) return { kind: "summary", fingerprint: s[1].toLowerCase() };
  return null;
}

/** The smallest block id not taken by these names (a new block's marker). */
export function nextBlockId(names: readonly string[]): number {
  const taken = new Set(names.map(parseMarkerName).flatMap((m) => (m?.kind === "block" ? [m.id] : [])));
  let id = 1;
  while (taken.has(id)) id++;
  return id;
}

/**
 * The fingerprints of a block's columns as written: each column's header then its data cells
 * (`rows`: the cells of each data row in `headers` order).
 */
export function blockFingerprints(headers: readonly string[], rows: Iterable<readonly unknown[]>): string[] {
  const fps = headers.map((h) => new Fingerprint().add(h));
  for (const r of rows) for (let k = 0; k < fps.length; k++) fps[k].add(r[k]);
  return fps.map((f) => f.digest());
}

/**
 * Cells in an earlier block that the user typed: in a column whose fingerprint no longer matches the
 * marker (something in it changed since it was written), a non-empty cell that differs from what
 * the toolkit writes there now. (A result left stale by an edited input, in a column the user also
 * typed into, is named too: the marker holds one fingerprint per column, so the rule errs towards
 * asking, never towards overwriting silently.) Columns that still match are the toolkit's, whole.
 * `current[k][i]` and `now[k][i]`: column k, data row i; returns [column, row] pairs.
 */
export function userTypedCells(marker: BlockMarker, headers: readonly string[], current: readonly (readonly unknown[])[], now: readonly (readonly unknown[])[]): [number, number][] {
  if (!marker.columns) return [];
  const out: [number, number][] = [];
  for (let k = 0; k < headers.length; k++) {
    const col = current[k] ?? [];
    const fp = new Fingerprint().add(headers[k]);
    for (let i = 0; i < marker.rows; i++) fp.add(col[i]);
    if (fp.digest() === marker.columns[k]) continue;
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      if (cellKey(v) !== "" && cellKey(v) !== cellKey(now[k]?.[i])) out.push([k, i]);
    }
  }
  return out;
}

/** Cells for a message: "J5, J9 and 3 more". */
export function listCells(addresses: readonly string[], max = 10): string {
  if (addresses.length <= max) return addresses.length > 1 ? `${addresses.slice(0, -1).join(", ")} and ${addresses[addresses.length - 1]}` : (addresses[0] ?? "");
  return `${addresses.slice(0, max).join(", ")} and ${(addresses.length - max).toLocaleString("en-GB")} more`;
}
