/**
 * An in-memory stand-in for the part of the Excel JavaScript API the task pane uses: a workbook
 * of worksheets holding a sparse grid (values, formulas, number formats), tables, charts and
 * settings, driven through the same proxy-and-sync model as Office.js. Commands are queued and
 * run at `context.sync()`; properties are readable only after `load` + `sync`; `load()` without
 * property names is refused. Every sync is counted and its payload measured (UTF-8 bytes of the
 * JSON of the values/formulas/formats sent and received), and a request or response over Excel on
 * the web's 5 MB limit fails as Excel's would (`RequestPayloadSizeLimitExceeded`).
 *
 * Used by the tests and the benchmark, and meant for a browser preview that runs the real task
 * pane without Excel: no Node APIs, no test framework. Nothing in src/taskpane imports it, so the
 * production bundle does not contain it.
 *
 * `run` is typed as Office.js's `Excel.run`: its batch gets an `Excel.RequestContext`, and every
 * proxy is checked against @types/office-js member by member (context.ts, `OfficeShape`).
 *
 * Formulas are evaluated by the optional `evaluateFormula` when written, and all of them again
 * by `recalculate()` (the preview calls it after every change; reading order, no dependency graph).
 * Each sheet has a selection (`select`, `workbook.getSelectedRange()`, `range.select()`).
 *
 * Data validation rules (`range.dataValidation.rule`, `clear()`) are recorded per block and can be
 * inspected (`dataValidations`), not enforced.
 *
 * Cell formats other than number formats (`range.format`: column widths, wrap, alignment, font, fill, autofit
 * calls), table styles, frozen rows and print set-up (`pageLayout`) are recorded and can be inspected
 * (`sheetLook`), not drawn: no text is measured, so autofit changes no width.
 *
 * Not modelled: table auto-expansion, events.
 *
 * Files: model.ts (the workbook's data, addresses), context.ts (request context, sync, load),
 * range.ts, worksheet.ts and workbook.ts (the proxies), this file (the host and its public entry).
 */
import { typedEntry } from "./typedEntry";
import { EXCEL_WEB_PAYLOAD_LIMIT_BYTES, StandInContext, asRequestContext, type SyncRecord } from "./context";
import { MAX_COLUMNS, SheetModel, WorkbookModel, a1, clone, columnLetters, parseAddress, quoteSheet, type CellLook, type CellSnapshot, type ChartSnapshot, type DataValidationRuleSnapshot, type FormulaEvaluator, type PageLayoutSnapshot, type TableModel } from "./model";
import type { DataValidationProxy, RangeFormatProxy, RangeProxy } from "./range";
import { WorkbookProxy, type NamedItemCollectionProxy, type NamedItemProxy, type SettingCollectionProxy, type SettingProxy, type WorksheetCollectionProxy } from "./workbook";
import type { ChartCollectionProxy, ChartProxy, FreezePanesProxy, PageLayoutProxy, TableCollectionProxy, TableProxy, WorksheetProxy } from "./worksheet";

export { EXCEL_WEB_PAYLOAD_LIMIT_BYTES, standInContext, type OfficeShape, type StandInContext, type SyncRecord } from "./context";
export { columnIndex, columnLetters, jsonBytes, type CellLook, type PageLayoutSnapshot, type CellSnapshot, type ChartSnapshot, type DataValidationRuleSnapshot, type FormulaEvaluator } from "./model";

/**
 * The requirement sets the preview can honestly claim (its `Office.context.requirements.isSetSupported`):
 * ExcelApi 1.9, the newest set of any member the pane calls, all of which this stand-in implements
 * (data validation, 1.8, and print set-up through pageLayout, 1.9, included: both are recorded); CustomFunctionsRuntime 1.3 (host.ts gives
 * CustomFunctions.Error with a message and every ErrorCode); SharedRuntime 1.1 (the functions and the
 * pane run in one page). Nothing else. test/manifest/requirementSets.test.ts holds these to the code.
 */
export const STAND_IN_REQUIREMENT_SETS: Readonly<Record<string, string>> = { ExcelApi: "1.9", CustomFunctionsRuntime: "1.3", SharedRuntime: "1.1" };

/** `isSetSupported(name, minVersion)` for the preview: true when the stand-in implements that set at that version ("1.10" is above "1.9"). */
export function standInSupports(name: string, minVersion = "1.1"): boolean {
  const have = STAND_IN_REQUIREMENT_SETS[name];
  if (have === undefined) return false;
  const a = have.split(".").map(Number);
  const b = String(minVersion).split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/**
 * Compile-time check, the other half of `OfficeShape`: a proxy's public members are Office.js's, but for
 * these internals. A member Office.js does not have (a misspelt method, an invented one) fails here.
 */
type Extra<Mine, Office> = Exclude<keyof Mine, keyof Office>;
type ProxyExtras =
  | Extra<RangeProxy, Excel.Range>
  | Extra<RangeFormatProxy, Excel.RangeFormat>
  | Extra<FreezePanesProxy, Excel.WorksheetFreezePanes>
  | Extra<PageLayoutProxy, Excel.PageLayout>
  | Extra<DataValidationProxy, Excel.DataValidation>
  | Extra<TableProxy, Excel.Table>
  | Extra<TableCollectionProxy, Excel.TableCollection>
  | Extra<ChartProxy, Excel.Chart>
  | Extra<ChartCollectionProxy, Excel.ChartCollection>
  | Extra<WorksheetProxy, Excel.Worksheet>
  | Extra<WorksheetCollectionProxy, Excel.WorksheetCollection>
  | Extra<SettingProxy, Excel.Setting>
  | Extra<SettingCollectionProxy, Excel.SettingCollection>
  | Extra<NamedItemProxy, Excel.NamedItem>
  | Extra<NamedItemCollectionProxy, Excel.NamedItemCollection>
  | Extra<WorkbookProxy, Excel.Workbook>;
type Assert<T extends true> = T;
export type ProxiesAddOnlyInternals = Assert<[ProxyExtras] extends ["loaded" | "fill" | "describe"] ? true : false>;

export interface StandInOptions {
  payloadLimitBytes?: number;
  evaluateFormula?: FormulaEvaluator;
}

export class ExcelStandIn {
  readonly model = new WorkbookModel();
  readonly syncs: SyncRecord[] = [];
  calculationSuspensions = 0;
  runs = 0;
  readonly payloadLimitBytes: number;
  private readonly evaluateFormula?: FormulaEvaluator;

  constructor(options: StandInOptions = {}) {
    this.payloadLimitBytes = options.payloadLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT_BYTES;
    this.evaluateFormula = options.evaluateFormula;
    this.run = this.run.bind(this);
  }

  /** `Excel.run`: one request context per call; queued commands left at the end are synced, as Excel.run does. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    this.runs++;
    const ctx = new StandInContext(this, (c) => new WorkbookProxy(c));
    const result = await batch(asRequestContext(ctx));
    if (ctx.queue.length) await ctx.sync();
    return result;
  }

  // --- setting up and inspecting the workbook directly (not through the API) ---

  addSheet(name: string): this {
    if (this.model.sheet(name)) throw new Error(`Sheet ${name} exists`);
    this.model.sheets.push(new SheetModel(name));
    return this;
  }
  /** Deletes a sheet (what the user does from the sheet tab's menu). */
  deleteSheet(name: string): this {
    const s = this.sheetModel(name);
    this.model.sheets.splice(this.model.sheets.indexOf(s), 1);
    this.model.active = Math.min(this.model.active, Math.max(0, this.model.sheets.length - 1));
    return this;
  }
  /** Empties every cell of a sheet, values, formulas and formats (select all, Clear All). */
  clearSheet(name: string): this {
    const s = this.sheetModel(name);
    for (const c of [...s.columns.keys()]) {
      const d = s.columns.get(c)!;
      for (let r = 0; r < Math.max(d.v.length, d.f.length, d.nf.length); r++) {
        s.clearContents(r, c);
        s.clearFormats(r, c);
      }
    }
    return this;
  }
  activate(name: string): this {
    const s = this.sheetModel(name);
    this.model.active = this.model.sheets.indexOf(s);
    return this;
  }
  /** Selects a block on a sheet and makes that sheet active (what clicking in Excel does). */
  select(sheet: string, address: string): this {
    const s = this.sheetModel(sheet);
    s.selection = parseAddress(address).rect;
    this.model.active = this.model.sheets.indexOf(s);
    return this;
  }
  /** The active sheet and its selection, e.g. { sheet: "Indicators", address: "B5" }. */
  selection(): { sheet: string; address: string } | null {
    const s = this.model.sheets[this.model.active];
    return s ? { sheet: s.name, address: a1(s.selection) } : null;
  }
  private sheetModel(name: string): SheetModel {
    const s = this.model.sheet(name);
    if (!s) throw new Error(`No sheet ${name}`);
    return s;
  }
  /** Writes a block of raw values (strings starting with "=" become formulas) with its top-left cell at `topLeft` ("A1"). */
  setValues(sheet: string, topLeft: string, rows: readonly (readonly unknown[])[]): this {
    const s = this.sheetModel(sheet);
    const { rect } = parseAddress(topLeft);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v === "string" && v.startsWith("=")) this.writeFormula(s, rect.row + i, rect.column + j, v);
        else if (v !== undefined) s.setRaw(rect.row + i, rect.column + j, v);
      }),
    );
    return this;
  }
  /** Writes whole columns of values quickly: `columns[j]` goes down from row `topLeft.row`. */
  setColumns(sheet: string, topLeft: string, columns: readonly (readonly unknown[])[]): this {
    const s = this.sheetModel(sheet);
    const { rect } = parseAddress(topLeft);
    columns.forEach((col, j) => col.forEach((v, i) => s.setRaw(rect.row + i, rect.column + j, v)));
    return this;
  }
  /** Sets one cell as read from a file: a value (the cached result, for a formula) without evaluating anything. */
  setCell(sheet: string, row: number, column: number, value: unknown, formula?: string, numberFormat?: string): this {
    const s = this.sheetModel(sheet);
    s.setRaw(row, column, value, formula === undefined ? undefined : formula.startsWith("=") ? formula : `=${formula}`);
    if (numberFormat !== undefined && numberFormat !== "General") s.setNumberFormat(row, column, numberFormat);
    return this;
  }
  /** Spilled areas of a sheet: the anchor cell ("M2") and the area's size, anchor included. */
  spills(sheet: string): { anchor: string; rows: number; columns: number }[] {
    const s = this.sheetModel(sheet);
    return [...s.spills].map(([key, area]) => ({ anchor: a1({ row: Math.floor(key / MAX_COLUMNS), column: key % MAX_COLUMNS, rows: 1, columns: 1 }), ...area }));
  }
  /**
   * Evaluates every formula of every sheet again (needs `evaluateFormula`): spilled areas are
   * cleared first, then each formula is evaluated and spilled in reading order, sheet by sheet;
   * a spill that meets a non-empty cell gives #SPILL!. There is no dependency graph: a formula
   * that reads another formula's spilled cells sees them only if that formula comes first.
   * Returns the number of formulas evaluated.
   */
  recalculate(): number {
    if (!this.evaluateFormula) return 0;
    let count = 0;
    for (const s of this.model.sheets) {
      for (const key of [...s.spills.keys()]) s.breakSpill(Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS);
      const cells: [number, number, string][] = [];
      for (const [c, d] of s.columns) for (let r = 0; r < d.f.length; r++) if (d.f[r] !== undefined) cells.push([r, c, d.f[r] as string]);
      cells.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      for (const [r, c, f] of cells) if (s.formula(r, c) === f) this.writeFormula(s, r, c, f);
      count += cells.length;
    }
    return count;
  }
  addTable(sheet: string, address: string, name?: string): string {
    const s = this.sheetModel(sheet);
    const t: TableModel = { name: name ?? `Table${++this.model.tableCount}`, sheet: s, rect: parseAddress(address).rect, showHeaders: true, showTotals: false };
    s.tables.push(t);
    return t.name;
  }
  /** Cell values of a block (address without sheet, e.g. "A1:C3"). */
  getValues(sheet: string, address: string): unknown[][] {
    const s = this.sheetModel(sheet);
    const { rect } = parseAddress(address);
    return Array.from({ length: rect.rows }, (_, i) => Array.from({ length: rect.columns }, (_, j) => s.value(rect.row + i, rect.column + j)));
  }
  cell(sheet: string, address: string): CellSnapshot {
    const s = this.sheetModel(sheet);
    const { rect } = parseAddress(address);
    const f = s.formula(rect.row, rect.column);
    const nf = s.numberFormat(rect.row, rect.column);
    return { value: s.value(rect.row, rect.column), ...(f ? { formula: f } : {}), ...(nf !== "General" ? { numberFormat: nf } : {}) };
  }
  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }
  /** Data validation rules set on a sheet, in the order set, e.g. [{ address: "H12:H20", rule: { list: { … } } }] (clears included, as null). */
  dataValidations(sheet: string): { address: string; rule: DataValidationRuleSnapshot | null }[] {
    return this.sheetModel(sheet).validations.map((v) => ({ address: a1(v.rect), rule: clone(v.rule) }));
  }
  /** The data validation rule of one cell (null when none). */
  dataValidationAt(sheet: string, address: string): DataValidationRuleSnapshot | null {
    const { rect } = parseAddress(address);
    return clone(this.sheetModel(sheet).validationAt(rect.row, rect.column));
  }
  /**
   * How a sheet looks, as set through the API: column widths in points by column letter, rows frozen at the top,
   * print set-up, each table's address and style, the selection, autofit calls, and the formats of `cells` (addresses).
   */
  sheetLook(sheet: string, cells: readonly string[] = []): {
    columnWidths: Record<string, number>;
    frozenRows: number;
    pageLayout: PageLayoutSnapshot;
    tables: { name: string; address: string; style: string | null }[];
    selection: string;
    autofits: { kind: "columns" | "rows"; address: string }[];
    cells: Record<string, CellLook>;
  } {
    const s = this.sheetModel(sheet);
    const columnWidths: Record<string, number> = {};
    for (const c of [...s.columnWidths.keys()].sort((a, b) => a - b)) columnWidths[columnLetters(c)] = s.columnWidths.get(c)!;
    const cellLooks: Record<string, CellLook> = {};
    for (const address of cells) {
      const { rect } = parseAddress(address);
      cellLooks[address] = s.lookAt(rect.row, rect.column);
    }
    return {
      columnWidths,
      frozenRows: s.frozenRows,
      pageLayout: clone(s.pageLayout),
      tables: s.tables.map((t) => ({ name: t.name, address: a1(t.rect), style: t.style ?? null })),
      selection: a1(s.selection),
      autofits: s.autofits.map((a) => ({ kind: a.kind, address: a1(a.rect) })),
      cells: cellLooks,
    };
  }
  charts(sheet: string): ChartSnapshot[] {
    return this.sheetModel(sheet).charts.map((c) => ({ name: c.name, type: c.type, source: c.source, seriesBy: c.seriesBy, title: c.title }));
  }
  setting(key: string): unknown {
    const raw = this.model.settings.get(key);
    return raw === undefined ? undefined : JSON.parse(raw);
  }
  settingKeys(): string[] {
    return [...this.model.settings.keys()];
  }
  /** The workbook-level defined names and what they refer to, e.g. [{ name: "…", address: "Sheet1!H1:K1" }]. */
  names(): { name: string; address: string }[] {
    return [...this.model.names.values()].filter((e) => this.model.sheets.includes(e.sheet)).map((e) => ({ name: e.name, address: `${quoteSheet(e.sheet.name)}!${a1(e.rect)}` }));
  }
  /** Adds a workbook-level defined name for a range ("Sheet1!$H$1:$K$1"), as a workbook file holds it. */
  addName(name: string, address: string): this {
    const { sheet, rect } = parseAddress(address.replace(/\$/g, ""));
    const model = sheet ? this.model.sheet(sheet) : undefined;
    if (!model) throw new Error(`Stand-in: the name ${name} refers to ${address}, which names no sheet here.`);
    this.model.names.set(name.toLowerCase(), { name, sheet: model, rect });
    return this;
  }
  /** Every non-empty cell (value, formula or number format) of every sheet, keyed "Sheet!A1". */
  snapshot(filter?: (sheet: string, row: number, column: number) => boolean): Map<string, CellSnapshot> {
    const out = new Map<string, CellSnapshot>();
    for (const s of this.model.sheets) {
      const prefix = `${quoteSheet(s.name)}!`;
      for (const c of [...s.columns.keys()].sort((a, b) => a - b)) {
        const d = s.columns.get(c)!;
        const letters = prefix + columnLetters(c);
        const n = Math.max(d.v.length, d.f.length, d.nf.length);
        for (let r = 0; r < n; r++) {
          if (s.isEmpty(r, c) && d.nf[r] === undefined) continue;
          if (filter && !filter(s.name, r, c)) continue;
          const v = s.value(r, c);
          const cell: CellSnapshot = { value: v !== null && typeof v === "object" ? clone(v) : v };
          if (d.f[r] !== undefined) cell.formula = d.f[r];
          if (d.nf[r] !== undefined) cell.numberFormat = d.nf[r];
          out.set(letters + (r + 1), cell);
        }
      }
    }
    return out;
  }
  resetStats(): this {
    this.syncs.length = 0;
    this.calculationSuspensions = 0;
    this.runs = 0;
    return this;
  }

  /** @internal Writes a formula; evaluates and spills it when an evaluator is given. */
  /**
   * Text put into a cell as Excel reads typed text — by Range.values/formulas and by typing into the preview's grid:
   * an apostrophe or a Text ("@") cell keeps it text; a number, percentage, date, time or TRUE/FALSE becomes that
   * value (with the number format Excel gives a General cell: typedEntry.ts); "=…", "+…" or "-…" a formula.
   */
  enterText(sheet: SheetModel, r: number, c: number, text: string): void {
    if (text.startsWith("'")) return sheet.setRaw(r, c, text.slice(1));
    if (sheet.numberFormat(r, c) === "@") return sheet.setRaw(r, c, text);
    const typed = typedEntry(text);
    if (typed) {
      sheet.setRaw(r, c, typed.value);
      if (typed.numberFormat && sheet.numberFormat(r, c) === "General") sheet.setNumberFormat(r, c, typed.numberFormat);
    } else if (/^[=+-]/.test(text) && text.length > 1) this.writeFormula(sheet, r, c, text.startsWith("=") ? text : `=${text}`);
    else sheet.setRaw(r, c, text);
  }
  /** Text typed into a cell of the preview's grid (enterText), by sheet name. */
  enter(sheet: string, row: number, column: number, text: string): this {
    this.enterText(this.sheetModel(sheet), row, column, text);
    return this;
  }
  writeFormula(sheet: SheetModel, r: number, c: number, formula: string) {
    if (!this.evaluateFormula) {
      sheet.setRaw(r, c, "", formula);
      return;
    }
    const result = this.evaluateFormula(formula, { sheet: sheet.name, row: r, column: c });
    if (!Array.isArray(result)) {
      sheet.setRaw(r, c, result, formula);
      return;
    }
    const rows = result as unknown[][];
    const cols = Math.max(...rows.map((x) => (Array.isArray(x) ? x.length : 1)));
    for (let i = 0; i < rows.length; i++)
      for (let j = 0; j < cols; j++) {
        if ((i || j) && !sheet.isEmpty(r + i, c + j)) {
          sheet.setRaw(r, c, "#SPILL!", formula);
          return;
        }
      }
    sheet.setRaw(r, c, (rows[0] as unknown[])[0], formula);
    for (let i = 0; i < rows.length; i++)
      for (let j = 0; j < cols; j++) if (i || j) sheet.setRaw(r + i, c + j, (rows[i] as unknown[])[j]);
    sheet.spills.set(r * MAX_COLUMNS + c, { rows: rows.length, columns: cols });
  }
}
