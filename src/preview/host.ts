/**
 * The preview's host: what Excel would be for the add-in. It owns the workbook (an ExcelStandIn),
 * computes its `=COHESION.…` formulas with the functions that the real functions.js registers,
 * and installs (globals.ts) the three globals the real bundles expect, BEFORE they run:
 *
 * - `CustomFunctions`: Error (code + message), ErrorCode, associate(id, fn) → a Map of functions;
 * - `Office`: onReady(cb) → { host: "Excel", platform: "OfficeOnline" } once the workbook is loaded;
 *   context.requirements.isSetSupported → what the stand-in implements (standInSupports: ExcelApi 1.8, …);
 *   context.officeTheme (officeThemes.ts: chosen with ?theme=) and the ThemeId enum;
 * - `Excel`: run(batch) → the stand-in's run, recalculating and redrawing after every sync; enums
 *   (Excel.ChartType.columnClustered → "ColumnClustered", …) as Office.js spells them.
 *
 * Development only: webpack builds the preview entry in development mode alone, so none of this is in
 * the production bundles (test/build/preview-exclusion.test.ts).
 */
import { ExcelStandIn, columnIndex, standInContext } from "./standIn";
import { isExcelErrorCode } from "../engine/excelText";
import { evaluateFormulaText, type ErrorValue, type Evaluated } from "./formulas";
import { AsyncResults } from "./asyncResults";
import { isEntity, type EntityValue } from "./entities";

export const NAMESPACE = "COHESION";

type Fn = (...args: unknown[]) => unknown;
type Dimension = "scalar" | "matrix";

/** What the status line says about a cell: an error's message, or a note (e.g. a saved result kept). */
export interface CellNote {
  /** The error code the message belongs to; the note is shown only while the cell still holds it. */
  code?: string;
  text: string;
}

export interface WorkbookInfo {
  name: string;
  /** True for the bundled synthetic sample. */
  sample: boolean;
  /** Column widths in pixels, per sheet (from the file; others get the default). */
  widths: Map<string, Map<number, number>>;
  /** Column number formats, per sheet (Excel applies them to every cell of the column without its own). */
  columnFormats: Map<string, Map<number, string>>;
}

/** Excel's error values (the engine's list, excelText.ts). */
export const isErrorCode = isExcelErrorCode;

const SPILL_MESSAGE = "The result would spill over cells that are not empty. Clear them (or move the formula) and it spills again.";
const FOREIGN_NOTE = "Saved by Excel with the file: the preview computes only the add-in's COHESION.* functions, so this result is kept as it was.";

const key = (sheet: string, row: number, column: number) => `${sheet.toLowerCase()}\u0000${row},${column}`;

export class PreviewHost {
  /** The functions functions.js registers, by id ("ABG.ALLOCATION"). */
  readonly functions = new Map<string, Fn>();
  /** Results of the functions that return a Promise (ISSUES, ACTIONS, BENCHMARK): when one settles, every formula is computed again. */
  readonly asyncResults = new AsyncResults(() => {
    this.recalculate();
    this.changed();
  });
  /** Parameter shapes from functions.json, by id. */
  readonly dimensions = new Map<string, Dimension[]>();
  standIn: ExcelStandIn;
  info: WorkbookInfo = { name: "", sample: false, widths: new Map(), columnFormats: new Map() };
  /** Messages of error cells and notes, by cell. */
  private notes = new Map<string, CellNote>();
  /** The data types (entity values) the functions returned, by cell; the cell itself holds the entity's text. */
  private entities = new Map<string, EntityValue>();
  /** True while the custom functions run (globals.ts: Office's isSetSupported then answers for data types too). */
  calculating = false;
  /** Whether the host the preview plays shows data types (ExcelApi 1.16): `?datatypes=off` plays one without. */
  dataTypes = true;
  /** Results Excel saved for formulas the preview cannot compute (not COHESION.*), by cell. */
  private saved = new Map<string, unknown>();
  private listeners = new Set<() => void>();
  private frame = 0;
  /** Formulas evaluated by the last recalculation, and how long it took. */
  lastRecalc = { formulas: 0, ms: 0 };
  ready = false;

  constructor() {
    this.standIn = this.newStandIn();
  }

  newStandIn(): ExcelStandIn {
    return new ExcelStandIn({ evaluateFormula: (formula, at) => this.evaluate(formula, at) });
  }

  /** Replaces the workbook (opening a file). */
  setWorkbook(standIn: ExcelStandIn, info: WorkbookInfo, saved: Map<string, unknown>) {
    this.standIn = standIn;
    this.info = info;
    this.saved = saved;
    this.recalculate();
    this.changed();
  }

  static savedKey = key;

  // --- formulas -------------------------------------------------------------------------------

  private evaluate(formula: string, at: { sheet: string; row: number; column: number }): unknown {
    const here = key(at.sheet, at.row, at.column);
    if (!new RegExp(`\\b${NAMESPACE}\\.`, "i").test(formula) && this.saved.has(here)) {
      this.notes.set(here, { text: FOREIGN_NOTE });
      return this.saved.get(here);
    }
    const model = this.standIn.model;
    this.calculating = true;
    let result: Evaluated;
    try {
      result = evaluateFormulaText(formula, {
        sheet: at.sheet,
        cell: (s, r, c) => {
          const v = model.sheet(s)?.value(r, c);
          return v === undefined || v === "" ? null : v;
        },
        functions: this.functions,
        asyncResults: this.asyncResults,
        namespace: NAMESPACE,
        dimensions: this.dimensions,
        entity: (s, r, c) => this.entity(s, r, c),
      });
    } finally {
      this.calculating = false;
    }
    const cell = (v: Evaluated, r: number, c: number): unknown => {
      const k = key(at.sheet, r, c);
      this.entities.delete(k);
      if (isEntity(v)) {
        // A data type: the cell shows (and holds) its text; the card and its fields are kept beside it.
        this.entities.set(k, v);
        this.notes.delete(k);
        return v.text;
      }
      if (v !== null && typeof v === "object" && !Array.isArray(v)) {
        const e = v as ErrorValue;
        this.notes.set(k, { code: e.error, text: e.message });
        return e.error;
      }
      this.notes.delete(k);
      return v;
    };
    if (!Array.isArray(result)) return cell(result, at.row, at.column);
    return (result as Evaluated[][]).map((row, i) => (Array.isArray(row) ? row : [row]).map((v, j) => cell(v, at.row + i, at.column + j)));
  }

  /** Evaluates every formula again (spills cleared and redone). */
  recalculate() {
    const t0 = performance.now();
    this.notes.clear();
    this.entities.clear();
    const formulas = this.standIn.recalculate();
    this.lastRecalc = { formulas, ms: performance.now() - t0 };
  }

  /** The number format a cell shows: its own, else its column's. */
  numberFormat(sheet: string, row: number, column: number): string {
    const own = this.standIn.model.sheet(sheet)?.numberFormat(row, column) ?? "General";
    return own !== "General" ? own : (this.info.columnFormats.get(sheet.toLowerCase())?.get(column) ?? "General");
  }

  /** The data type (entity value) in a cell, while the cell still shows its text. */
  entity(sheet: string, row: number, column: number): EntityValue | undefined {
    const e = this.entities.get(key(sheet, row, column));
    return e && this.standIn.model.sheet(sheet)?.value(row, column) === e.text ? e : undefined;
  }

  /** The message or note for a cell, if it has one now. */
  note(sheet: string, row: number, column: number): CellNote | null {
    const model = this.standIn.model.sheet(sheet);
    if (!model) return null;
    const value = model.value(row, column);
    const n = this.notes.get(key(sheet, row, column));
    if (value === "#SPILL!" && model.formula(row, column)) return { code: "#SPILL!", text: SPILL_MESSAGE };
    if (!n) return null;
    if (n.code !== undefined && n.code !== value) return null;
    return n;
  }

  /** The user typed into a cell: it is no longer a saved result. */
  forgetSaved(sheet: string, row: number, column: number) {
    this.saved.delete(key(sheet, row, column));
  }

  // --- change notification --------------------------------------------------------------------

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Redraw: now (after the user's own action), else soon (once per animation frame). */
  changed(now = false) {
    if (now) {
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
      for (const l of this.listeners) l();
      return;
    }
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      for (const l of this.listeners) l();
    });
  }

  /** A change made by the grid: recalculate, then redraw. */
  edited() {
    this.recalculate();
    this.changed(true);
  }

  // --- test hooks (browser tests only) ----------------------------------------------------------
  // What a user might do to the workbook while a bulk run is under way, between two of its requests.

  private pending: { n: number; writes: boolean; act: () => void }[] = [];
  private syncsSinceHook = { all: 0, writes: 0 };
  /** Sheets whose cells the pane's requests may not change (lower-case names): see `protectionCheck`. */
  private readonly protectedSheets = new Set<string>();
  /** Extra time each of the pane's requests that writes cells takes (ms). */
  private writeDelayMs = 0;

  /** Runs `act` right after the n-th of the pane's syncs from now (`{ writes: n }`: the n-th that wrote cells). */
  private afterSyncs(n: SyncCount, act: () => void) {
    this.syncsSinceHook = { all: 0, writes: 0 };
    this.pending.push(typeof n === "number" ? { n, writes: false, act } : { n: n.writes, writes: true, act });
  }

  /** The sheet is renamed. */
  renameSheetAfterSyncs(n: SyncCount, from: string, to: string) {
    this.afterSyncs(n, () => {
      const sheet = this.standIn.model.sheets.find((x) => x.name === from);
      if (sheet) sheet.name = to;
    });
  }

  /** The sheet is deleted. */
  deleteSheetAfterSyncs(n: SyncCount, name: string) {
    this.afterSyncs(n, () => {
      if (this.standIn.model.sheet(name)) this.standIn.deleteSheet(name);
    });
  }

  /** The sheet is protected: from then on a request that would change its cells fails with AccessDenied. */
  protectSheetAfterSyncs(n: SyncCount, name: string) {
    this.afterSyncs(n, () => this.protectedSheets.add(name.toLowerCase()));
  }

  /** A cell is typed into ("B7", a value as the grid would store it). */
  editCellAfterSyncs(n: SyncCount, sheet: string, address: string, value: unknown) {
    this.afterSyncs(n, () => {
      this.standIn.setValues(sheet, address, [[value]]);
      const { row, column } = cellIndex(address);
      this.forgetSaved(sheet, row, column);
    });
  }

  /** Every request of the pane's that writes cells takes `ms` longer (a slow connection), so that a test can press Cancel mid-run. */
  slowWriteSyncs(ms: number) {
    this.writeDelayMs = ms;
  }

  /**
   * `Excel.run` for the pane: the stand-in's run, with every sync followed by a recalculation (when
   * it wrote cells or added sheets) and a redraw, so the grid shows the pane's writes as they land.
   */
  run = async <T>(...args: unknown[]): Promise<T> => {
    const batch = args[args.length - 1] as (context: Excel.RequestContext) => Promise<T>;
    const standIn = this.standIn;
    try {
      return await standIn.run(async (context) => {
        const ctx = standInContext(context);
        const sync = ctx.sync.bind(ctx);
        ctx.sync = async (passThroughValue?: unknown) => {
          const sheets = standIn.model.sheets.length;
          if (this.writeDelayMs && ctx.valueCells > 0) await new Promise((resolve) => setTimeout(resolve, this.writeDelayMs));
          const refuse = this.protectedSheets.size ? protectionCheck(standIn, this.protectedSheets) : null;
          try {
            const out = await sync(passThroughValue);
            refuse?.();
            return out;
          } finally {
            const last = standIn.syncs[standIn.syncs.length - 1];
            const wrote = !!last && last.valueCells > 0;
            const acted = this.fireHooks(wrote);
            if (standIn === this.standIn && (wrote || acted || standIn.model.sheets.length !== sheets)) this.recalculate();
            this.changed();
          }
        };
        return batch(context);
      });
    } finally {
      this.changed();
    }
  };

  /** Counts a sync and runs the hooks due; true when any ran. */
  private fireHooks(wrote: boolean): boolean {
    if (!this.pending.length) return false;
    this.syncsSinceHook.all++;
    if (wrote) this.syncsSinceHook.writes++;
    const due = this.pending.filter((p) => (p.writes ? wrote && p.n === this.syncsSinceHook.writes : p.n === this.syncsSinceHook.all));
    this.pending = this.pending.filter((p) => !due.includes(p));
    for (const p of due) p.act();
    return due.length > 0;
  }
}

/** A count of the pane's syncs from now: all of them (a number), or only those that wrote cells. */
export type SyncCount = number | { writes: number };

const cellIndex = (address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
};

type SheetModel = NonNullable<ReturnType<ExcelStandIn["model"]["sheet"]>>;

/**
 * Test hook: protection, which the stand-in does not model. Keeps the cells (and spills) of the protected
 * sheets before a request; the returned check, run after it, puts them back and throws Excel's AccessDenied
 * when the request changed any, as Excel refuses a request that writes to a protected sheet. (Unlike Excel,
 * what the same request did on other sheets stays; the pane's bulk-run requests each write one sheet.)
 */
function protectionCheck(standIn: ExcelStandIn, names: Set<string>): () => void {
  const kept = standIn.model.sheets
    .filter((s) => names.has(s.name.toLowerCase()))
    .map((sheet) => ({ sheet, columns: copyColumns(sheet), spills: new Map(sheet.spills) }));
  return () => {
    const same = (a: readonly unknown[], b: readonly unknown[]) => {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      return true;
    };
    const changed = kept.some(({ sheet, columns }) => {
      if (sheet.columns.size !== columns.size) return true;
      for (const [c, d] of sheet.columns) {
        const k = columns.get(c);
        if (!k || !same(d.v, k.v) || !same(d.f, k.f) || !same(d.nf, k.nf)) return true;
      }
      return false;
    });
    if (!changed) return;
    for (const { sheet, columns, spills } of kept) {
      sheet.columns.clear();
      for (const [c, d] of columns) sheet.columns.set(c, d);
      sheet.spills.clear();
      for (const [k, v] of spills) sheet.spills.set(k, v);
    }
    const e = new Error("The cell or chart that you're trying to change is on a protected sheet.") as Error & { code: string };
    e.name = "RichApi.Error";
    e.code = "AccessDenied";
    throw e;
  };
}

function copyColumns(sheet: SheetModel): SheetModel["columns"] {
  const out: SheetModel["columns"] = new Map();
  for (const [c, d] of sheet.columns) out.set(c, { v: d.v.slice(), f: d.f.slice(), nf: d.nf.slice() });
  return out;
}

export { installGlobals, loadDimensions } from "./globals";
