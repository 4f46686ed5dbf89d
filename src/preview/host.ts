/**
 * The preview's host: what Excel would be for the add-in. It owns the workbook (an ExcelStandIn),
 * computes its `=COHESION.…` formulas with the functions that the real functions.js registers,
 * and installs the three globals the real bundles expect, BEFORE they run:
 *
 * - `CustomFunctions`: Error (code + message), ErrorCode, associate(id, fn) → a Map of functions;
 * - `Office`: onReady(cb) → { host: "Excel", platform: "OfficeOnline" } once the workbook is loaded;
 * - `Excel`: run(batch) → the stand-in's run, recalculating and redrawing after every sync; enums
 *   (Excel.ChartType.columnClustered → "ColumnClustered", …) as Office.js spells them.
 *
 * Development only: webpack builds the preview entry in development mode alone, so none of this is in
 * the production bundles (test/build/preview-exclusion.test.ts).
 */
import { ExcelStandIn } from "./excelStandIn";
import { evaluateFormulaText, type ErrorValue, type Evaluated } from "./formulas";

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

const ERROR_CODES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!", "#BUSY!", "#GETTING_DATA", "#FIELD!", "#CONNECT!", "#BLOCKED!", "#UNKNOWN!"];
export const isErrorCode = (v: unknown): v is string => typeof v === "string" && ERROR_CODES.includes(v);

const SPILL_MESSAGE = "The result would spill over cells that are not empty. Clear them (or move the formula) and it spills again.";
const FOREIGN_NOTE = "Saved by Excel with the file: the preview computes only the add-in's COHESION.* functions, so this result is kept as it was.";

const key = (sheet: string, row: number, column: number) => `${sheet.toLowerCase()}\u0000${row},${column}`;

export class PreviewHost {
  /** The functions functions.js registers, by id ("ABG.ALLOCATION"). */
  readonly functions = new Map<string, Fn>();
  /** Parameter shapes from functions.json, by id. */
  readonly dimensions = new Map<string, Dimension[]>();
  standIn: ExcelStandIn;
  info: WorkbookInfo = { name: "", sample: false, widths: new Map(), columnFormats: new Map() };
  /** Messages of error cells and notes, by cell. */
  private notes = new Map<string, CellNote>();
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
    const result = evaluateFormulaText(formula, {
      sheet: at.sheet,
      cell: (s, r, c) => {
        const v = model.sheet(s)?.value(r, c);
        return v === undefined || v === "" ? null : v;
      },
      functions: this.functions,
      namespace: NAMESPACE,
      dimensions: this.dimensions,
    });
    const cell = (v: Evaluated, r: number, c: number): unknown => {
      const k = key(at.sheet, r, c);
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
    const formulas = this.standIn.recalculate();
    this.lastRecalc = { formulas, ms: performance.now() - t0 };
  }

  /** The number format a cell shows: its own, else its column's. */
  numberFormat(sheet: string, row: number, column: number): string {
    const own = this.standIn.model.sheet(sheet)?.numberFormat(row, column) ?? "General";
    return own !== "General" ? own : (this.info.columnFormats.get(sheet.toLowerCase())?.get(column) ?? "General");
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
  /** Browser tests: renames a sheet right after the n-th sync from now, as a user might during a run. */
  renameSheetAfterSyncs(n: number, from: string, to: string) {
    this.syncsSinceHook = 0;
    this.afterSync = (count) => {
      if (count !== n) return;
      const sheet = this.standIn.model.sheets.find((x) => x.name === from);
      if (sheet) (sheet as { name: string }).name = to;
      this.afterSync = null;
    };
  }

  edited() {
    this.recalculate();
    this.changed(true);
  }

  /**
   * `Excel.run` for the pane: the stand-in's run, with every sync followed by a recalculation (when
   * it wrote cells or added sheets) and a redraw, so the grid shows the pane's writes as they land.
   */
  /** Test hook (browser tests only): called after each of the pane's syncs, with the count since it was set. */
  afterSync: ((count: number) => void) | null = null;
  private syncsSinceHook = 0;

  run = async <T>(...args: unknown[]): Promise<T> => {
    const batch = args[args.length - 1] as (context: unknown) => Promise<T>;
    const standIn = this.standIn;
    try {
      return await standIn.run(async (context: never) => {
        const ctx = context as unknown as { sync: () => Promise<void> };
        const sync = ctx.sync.bind(ctx);
        ctx.sync = async () => {
          const sheets = standIn.model.sheets.length;
          try {
            await sync();
          } finally {
            const last = standIn.syncs[standIn.syncs.length - 1];
            if (standIn === this.standIn && ((last && last.valueCells > 0) || standIn.model.sheets.length !== sheets)) this.recalculate();
            if (this.afterSync) this.afterSync(++this.syncsSinceHook);
            this.changed();
          }
        };
        return batch(ctx);
      });
    } finally {
      this.changed();
    }
  };
}

/** Office.js enums spell their values as the key with a capital: ChartType.columnClustered = "ColumnClustered". */
function enumProxy(): unknown {
  return new Proxy({}, { get: (_t, k) => (typeof k === "string" ? k.charAt(0).toUpperCase() + k.slice(1) : undefined) });
}

/**
 * Installs CustomFunctions, Office and Excel on globalThis. `whenReady` resolves when the workbook
 * is loaded; Office.onReady callbacks run then.
 */
export function installGlobals(host: PreviewHost, whenReady: Promise<void>) {
  class CustomFunctionsError extends Error {
    constructor(
      public code: string,
      message?: string,
    ) {
      super(message ?? code);
    }
  }
  const g = globalThis as unknown as Record<string, unknown>;
  g.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate(id: string | Record<string, Fn>, fn?: Fn) {
      if (typeof id === "string" && fn) host.functions.set(id.toUpperCase(), fn);
      else if (typeof id === "object") for (const [k, f] of Object.entries(id)) host.functions.set(k.toUpperCase(), f);
    },
  };
  const info = { host: "Excel", platform: "OfficeOnline" };
  g.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    context: { requirements: { isSetSupported: () => true } },
    onReady(callback?: (i: typeof info) => void) {
      return whenReady.then(() => {
        callback?.(info);
        return info;
      });
    },
  };
  const excel: Record<string, unknown> = { run: host.run };
  g.Excel = new Proxy(excel, { get: (t, k) => (typeof k === "string" && !(k in t) && /^[A-Z]/.test(k) ? enumProxy() : t[k as string]) });
}

/** Reads the parameter shapes from functions.json (emitted by the build beside the bundles). */
export async function loadDimensions(host: PreviewHost, url: string) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const meta = (await res.json()) as { functions: { id: string; parameters?: { dimensionality?: string }[] }[] };
  for (const f of meta.functions) host.dimensions.set(f.id.toUpperCase(), (f.parameters ?? []).map((p) => (p.dimensionality === "matrix" ? "matrix" : "scalar")));
}
