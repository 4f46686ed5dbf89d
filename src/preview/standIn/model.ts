/**
 * The stand-in's data: a workbook of worksheets, each a sparse column-major grid of values,
 * formulas and number formats, with its tables, charts, spills, selection and data validation;
 * and the A1 addresses, errors and JSON sizes the proxies share. Nothing here knows of requests
 * or proxies (context.ts and the proxy files do).
 */
import { MAX_COLUMNS, MAX_ROWS, columnLetter, columnNumber, unquoteSheet } from "../../engine/a1";

/** A sheet's size and the quoting of its name: the engine's A1 rules (src/engine/a1.ts). */
export { MAX_COLUMNS, MAX_ROWS, quoteSheet } from "../../engine/a1";

export interface CellSnapshot {
  value: unknown;
  formula?: string;
  numberFormat?: string;
}

/** A data validation rule as set through `range.dataValidation.rule` (e.g. `{ list: { inCellDropDown: true, source: "a,b" } }`). */
export type DataValidationRuleSnapshot = Record<string, unknown>;

/** Cell formats other than number formats, as set through `range.format` (each block in the order set; `clear` resets them). */
export interface CellLook {
  wrapText?: boolean;
  verticalAlignment?: string;
  bold?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
}

/** What `worksheet.pageLayout` was given (ExcelApi 1.9): orientation, zoom, the print title rows. */
export interface PageLayoutSnapshot {
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
}

export interface ChartSnapshot {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
}

/** Evaluates a formula written into a cell: a scalar, or a 2-D array that spills down and right. */
export type FormulaEvaluator = (formula: string, at: { sheet: string; row: number; column: number }) => unknown;

// ---------------------------------------------------------------------------------------------
// Addresses

/** Letters of a 0-based column index (the stand-in counts from 0, as Office.js does): 0 → "A". */
export const columnLetters = (index: number): string => columnLetter(index + 1);

/** 0-based column index of its letters: "A" → 0. */
export const columnIndex = (letters: string): number => columnNumber(letters) - 1;

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export function a1(rect: Rect): string {
  const tl = `${columnLetters(rect.column)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.columns === 1) return tl;
  return `${tl}:${columnLetters(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
}

/** "A1", "B2:D10", "C:C", "3:5", optionally "Sheet!…" (the sheet part is returned separately). */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  let sheet: string | null = null;
  let ref = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    sheet = unquoteSheet(address.slice(0, bang));
    ref = address.slice(bang + 1);
  }
  const parts = ref.replace(/\$/g, "").toUpperCase().split(":");
  const one = (p: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw standInError("InvalidArgument", `Bad address "${address}".`);
    return { col: m[1] ? columnIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
  };
  const a = one(parts[0]);
  const b = parts[1] ? one(parts[1]) : a;
  const r0 = a.row ?? 0;
  const r1 = b.row ?? MAX_ROWS - 1;
  const c0 = a.col ?? 0;
  const c1 = b.col ?? MAX_COLUMNS - 1;
  return { sheet, rect: { row: Math.min(r0, r1), column: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, columns: Math.abs(c1 - c0) + 1 } };
}

export function standInError(code: string, message: string): Error {
  const e = new Error(message) as Error & { code: string };
  e.name = "RichApi.Error";
  e.code = code;
  return e;
}

/** UTF-8 bytes of a value's JSON text. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

// ---------------------------------------------------------------------------------------------
// The model: a workbook of sheets, each a sparse column-major grid.

export interface ColumnData {
  v: unknown[];
  f: (string | undefined)[];
  nf: (string | undefined)[];
}

export class SheetModel {
  readonly columns = new Map<number, ColumnData>();
  readonly tables: TableModel[] = [];
  readonly charts: ChartModel[] = [];
  /** Spill anchors: key → the spilled area (rows × columns, anchor included). */
  readonly spills = new Map<number, { rows: number; columns: number }>();
  /** The selected block (Excel keeps one per sheet); A1 at first. */
  selection: Rect = { row: 0, column: 0, rows: 1, columns: 1 };
  /** Data validation, in the order set: the last block covering a cell gives its rule (null: cleared). */
  readonly validations: { rect: Rect; rule: DataValidationRuleSnapshot | null }[] = [];
  /** Column widths in points (`range.format.columnWidth`), by column; others have Excel's default. */
  readonly columnWidths = new Map<number, number>();
  /** Cell formats set through `range.format` (wrap, alignment, font, fill), block by block in the order set; null clears the block's. */
  readonly looks: { rect: Rect; look: CellLook | null }[] = [];
  /** `format.autofitColumns()` / `autofitRows()` calls, in order (the stand-in measures no text: it records them). */
  readonly autofits: { kind: "columns" | "rows"; rect: Rect }[] = [];
  /** Rows frozen at the top (`freezePanes.freezeRows`), 0 for none. */
  frozenRows = 0;
  /** Print set-up (`pageLayout`, ExcelApi 1.9). */
  pageLayout: PageLayoutSnapshot = {};
  constructor(public name: string) {}

  /** The formats of one cell, folded from the blocks set on it (later blocks win). */
  lookAt(r: number, c: number): CellLook {
    let out: CellLook = {};
    for (const { rect, look } of this.looks) {
      if (r < rect.row || r >= rect.row + rect.rows || c < rect.column || c >= rect.column + rect.columns) continue;
      out = look === null ? {} : { ...out, ...look };
    }
    return out;
  }

  validationAt(r: number, c: number): DataValidationRuleSnapshot | null {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const { rect, rule } = this.validations[i];
      if (r >= rect.row && r < rect.row + rect.rows && c >= rect.column && c < rect.column + rect.columns) return rule;
    }
    return null;
  }

  private col(c: number, create: boolean): ColumnData | undefined {
    let d = this.columns.get(c);
    if (!d && create) {
      d = { v: [], f: [], nf: [] };
      this.columns.set(c, d);
    }
    return d;
  }
  value(r: number, c: number): unknown {
    const v = this.columns.get(c)?.v[r];
    return v === undefined ? "" : v;
  }
  formula(r: number, c: number): string | undefined {
    return this.columns.get(c)?.f[r];
  }
  numberFormat(r: number, c: number): string {
    return this.columns.get(c)?.nf[r] ?? "General";
  }
  isEmpty(r: number, c: number): boolean {
    const d = this.columns.get(c);
    if (!d) return true;
    const v = d.v[r];
    return d.f[r] === undefined && (v === undefined || v === null || v === "");
  }
  setRaw(r: number, c: number, value: unknown, formula?: string) {
    this.breakSpill(r, c);
    if (formula !== undefined || (value !== null && value !== undefined && value !== "")) this.blockSpillOver(r, c);
    const d = this.col(c, true)!;
    d.v[r] = value === null || value === undefined ? "" : value;
    d.f[r] = formula;
  }
  setNumberFormat(r: number, c: number, nf: string) {
    this.col(c, true)!.nf[r] = nf;
  }
  clearContents(r: number, c: number) {
    const d = this.columns.get(c);
    if (!d) return;
    this.breakSpill(r, c);
    d.v[r] = "";
    d.f[r] = undefined;
  }
  clearFormats(r: number, c: number) {
    const d = this.columns.get(c);
    if (d) d.nf[r] = undefined;
  }
  /**
   * Writing into a spilled cell (not its anchor) blocks that spill, as typing into a spill range
   * does in Excel: the other spilled values go, and the anchor shows #SPILL! at the next recalculation.
   */
  private blockSpillOver(r: number, c: number) {
    if (this.spills.size === 0) return;
    for (const [key, area] of this.spills) {
      const ar = Math.floor(key / MAX_COLUMNS), ac = key % MAX_COLUMNS;
      if (r < ar || c < ac || r >= ar + area.rows || c >= ac + area.columns || (r === ar && c === ac)) continue;
      this.breakSpill(ar, ac);
      return;
    }
  }
  /** Writing over a spill anchor removes its spilled values. */
  breakSpill(r: number, c: number) {
    const key = r * MAX_COLUMNS + c;
    const area = this.spills.get(key);
    if (!area) return;
    this.spills.delete(key);
    for (let i = 0; i < area.rows; i++)
      for (let j = 0; j < area.columns; j++) {
        if (i === 0 && j === 0) continue;
        const d = this.columns.get(c + j);
        if (d && d.f[r + i] === undefined) d.v[r + i] = "";
      }
  }
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity, r1 = -1, c0 = Infinity, c1 = -1;
    for (const [c, d] of this.columns) {
      const n = Math.max(d.v.length, d.f.length, valuesOnly ? 0 : d.nf.length);
      for (let r = 0; r < n; r++) {
        const used = !this.isEmpty(r, c) || (!valuesOnly && d.nf[r] !== undefined);
        if (!used) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    return r1 < 0 ? null : { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
  }
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  rect: Rect; // header row included
  showHeaders: boolean;
  showTotals: boolean;
  /** The table style's name (Excel gives a new table "TableStyleMedium2"). */
  style?: string;
}

export interface ChartModel {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: [string, string | undefined];
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly settings = new Map<string, string>();
  /** Workbook-level defined names of ranges, by lower-case name (Excel's names are case-insensitive). */
  readonly names = new Map<string, { name: string; sheet: SheetModel; rect: Rect }>();
  active = 0;
  tableCount = 0;
  chartCount = 0;
  sheet(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }
  table(name: string): TableModel | undefined {
    const k = name.toLowerCase();
    for (const s of this.sheets) for (const t of s.tables) if (t.name.toLowerCase() === k) return t;
    return undefined;
  }
}
