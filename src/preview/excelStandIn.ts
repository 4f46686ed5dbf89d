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
 * Formulas are evaluated by the optional `evaluateFormula` when written, and all of them again
 * by `recalculate()` (the preview calls it after every change; reading order, no dependency graph).
 * Each sheet has a selection (`select`, `workbook.getSelectedRange()`, `range.select()`).
 *
 * Data validation rules (`range.dataValidation.rule`, `clear()`) are recorded per block and can be
 * inspected (`dataValidations`), not enforced.
 *
 * Not modelled: table auto-expansion, formats other than number formats, events.
 */

export const EXCEL_WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * The requirement sets the preview can honestly claim (its `Office.context.requirements.isSetSupported`):
 * ExcelApi 1.8, the newest set of any member the pane calls, all of which this stand-in implements
 * (data validation, 1.8, included: rules are recorded); CustomFunctionsRuntime 1.3 (host.ts gives
 * CustomFunctions.Error with a message and every ErrorCode); SharedRuntime 1.1 (the functions and the
 * pane run in one page). Nothing else. test/manifest/requirementSets.test.ts holds these to the code.
 */
export const STAND_IN_REQUIREMENT_SETS: Readonly<Record<string, string>> = { ExcelApi: "1.8", CustomFunctionsRuntime: "1.3", SharedRuntime: "1.1" };

/** `isSetSupported(name, minVersion)` for the preview: true when the stand-in implements that set at that version ("1.10" is above "1.8"). */
export function standInSupports(name: string, minVersion = "1.1"): boolean {
  const have = STAND_IN_REQUIREMENT_SETS[name];
  if (have === undefined) return false;
  const a = have.split(".").map(Number);
  const b = String(minVersion).split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;
/** A rough allowance for each queued command's own JSON in a request. */
const OP_OVERHEAD_BYTES = 64;

export interface SyncRecord {
  /** Bytes of cell data sent (values, formulas, number formats written) plus a small allowance per command. */
  requestBytes: number;
  /** Bytes of cell data received (values, formulas, number formats loaded). */
  responseBytes: number;
  commands: number;
  /** Cells written through `values` or `formulas` in this request. */
  valueCells: number;
  /** Cells given a number format in this request. */
  formatCells: number;
  /** `application.suspendApiCalculationUntilNextSync()` was called in this request. */
  calculationSuspended: boolean;
}

export interface CellSnapshot {
  value: unknown;
  formula?: string;
  numberFormat?: string;
}

/** A data validation rule as set through `range.dataValidation.rule` (e.g. `{ list: { inCellDropDown: true, source: "a,b" } }`). */
export type DataValidationRuleSnapshot = Record<string, unknown>;

export interface ChartSnapshot {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
}

/** Evaluates a formula written into a cell: a scalar, or a 2-D array that spills down and right. */
export type FormulaEvaluator = (formula: string, at: { sheet: string; row: number; column: number }) => unknown;

export interface StandInOptions {
  payloadLimitBytes?: number;
  evaluateFormula?: FormulaEvaluator;
}

// ---------------------------------------------------------------------------------------------
// Addresses

export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

function a1(rect: Rect): string {
  const tl = `${columnLetters(rect.column)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.columns === 1) return tl;
  return `${tl}:${columnLetters(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
}

/** "A1", "B2:D10", "C:C", "3:5", optionally "Sheet!…" (the sheet part is returned separately). */
function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  let sheet: string | null = null;
  let ref = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    sheet = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
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

function standInError(code: string, message: string): Error {
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

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

// ---------------------------------------------------------------------------------------------
// The model: a workbook of sheets, each a sparse column-major grid.

interface ColumnData {
  v: unknown[];
  f: (string | undefined)[];
  nf: (string | undefined)[];
}

class SheetModel {
  readonly columns = new Map<number, ColumnData>();
  readonly tables: TableModel[] = [];
  readonly charts: ChartModel[] = [];
  /** Spill anchors: key → the spilled area (rows × columns, anchor included). */
  readonly spills = new Map<number, { rows: number; columns: number }>();
  /** The selected block (Excel keeps one per sheet); A1 at first. */
  selection: Rect = { row: 0, column: 0, rows: 1, columns: 1 };
  /** Data validation, in the order set: the last block covering a cell gives its rule (null: cleared). */
  readonly validations: { rect: Rect; rule: DataValidationRuleSnapshot | null }[] = [];
  constructor(public name: string) {}

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

interface TableModel {
  name: string;
  sheet: SheetModel;
  rect: Rect; // header row included
  showHeaders: boolean;
  showTotals: boolean;
}

interface ChartModel {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: [string, string | undefined];
}

class WorkbookModel {
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

// ---------------------------------------------------------------------------------------------
// The request context and its proxies

type Op = () => void;

class Ctx {
  readonly queue: Op[] = [];
  requestBytes = 0;
  responseBytes = 0;
  valueCells = 0;
  formatCells = 0;
  calcSuspended = false;
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  readonly runtime = { enableEvents: true };
  constructor(readonly host: ExcelStandIn) {
    this.workbook = new WorkbookProxy(this);
  }
  enqueue(op: Op, bytes = 0) {
    this.queue.push(op);
    this.requestBytes += OP_OVERHEAD_BYTES + bytes;
  }
  async sync(): Promise<void> {
    const ops = this.queue.splice(0);
    const record: SyncRecord = {
      requestBytes: this.requestBytes,
      responseBytes: 0,
      commands: ops.length,
      valueCells: this.valueCells,
      formatCells: this.formatCells,
      calculationSuspended: this.calcSuspended,
    };
    this.requestBytes = 0;
    this.valueCells = 0;
    this.formatCells = 0;
    this.responseBytes = 0;
    this.calcSuspended = false;
    const limit = this.host.payloadLimitBytes;
    this.host.syncs.push(record);
    if (record.requestBytes > limit) throw standInError("RequestPayloadSizeLimitExceeded", `The request payload (${record.requestBytes} bytes) exceeds the limit of ${limit} bytes.`);
    for (const op of ops) op();
    record.responseBytes = this.responseBytes;
    this.responseBytes = 0;
    if (record.responseBytes > limit) throw standInError("ResponsePayloadSizeLimitExceeded", `The response payload (${record.responseBytes} bytes) exceeds the limit of ${limit} bytes.`);
    await Promise.resolve();
  }
}

function parseLoad(props: unknown): string[] {
  if (props === undefined || props === null) throw new Error("Stand-in: load() without property names loads everything; name the properties you need.");
  let list: string[];
  if (typeof props === "string") list = props.split(",");
  else if (Array.isArray(props)) list = props.flatMap((p) => String(p).split(","));
  else if (typeof props === "object" && Array.isArray((props as { select?: unknown }).select)) list = (props as { select: string[] }).select;
  else if (typeof props === "object" && typeof (props as { select?: unknown }).select === "string") list = (props as { select: string }).select.split(",");
  else throw new Error("Stand-in: unsupported load argument.");
  list = list.map((p) => p.trim()).filter(Boolean);
  if (list.length === 0) throw new Error("Stand-in: load() without property names loads everything; name the properties you need.");
  return list;
}

/** Base of every proxy: loaded properties are readable after sync, others throw as in Office.js. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;
  constructor(protected ctx: Ctx) {}
  protected read(name: string): unknown {
    if (this.nullState === true) throw standInError("InvalidObjectPath", `The object is a null object; test isNullObject before reading ${name}.`);
    if (!this.loaded.has(name)) throw standInError("PropertyNotLoaded", `The property '${name}' is not available. Call load("${name}") and context.sync() before reading it.`);
    return this.loaded.get(name);
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw standInError("PropertyNotLoaded", "isNullObject is not available before context.sync().");
    return this.nullState;
  }
}

type RectResolver = () => { sheet: SheetModel; rect: Rect } | null;

/** `range.dataValidation`: setting `rule` or calling `clear()` records a block on the sheet; `type` can be loaded. */
class DataValidationProxy extends Proxy {
  constructor(ctx: Ctx, private resolve: () => { sheet: SheetModel; rect: Rect }) {
    super(ctx);
    this.nullState = false;
  }
  set rule(rule: DataValidationRuleSnapshot) {
    const copy = rule && typeof rule === "object" ? clone(rule) : rule;
    this.loaded.delete("rule");
    this.ctx.enqueue(() => {
      // Checked when the request runs, as Excel does.
      const kinds = copy && typeof copy === "object" ? Object.keys(copy).filter((k) => copy[k] !== undefined && copy[k] !== null) : [];
      if (kinds.length !== 1) throw standInError("InvalidArgument", "A data validation rule sets exactly one criterion (list, wholeNumber, …).");
      const list = copy.list as { source?: unknown } | undefined;
      if (kinds[0] === "list" && (typeof list?.source !== "string" || list.source === "")) throw standInError("InvalidArgument", "Stand-in: a list rule needs a source (only comma-separated text is modelled).");
      const { sheet, rect } = this.resolve();
      sheet.validations.push({ rect: { ...rect }, rule: copy });
    }, jsonBytes(copy));
  }
  get rule() { return this.read("rule") as DataValidationRuleSnapshot; }
  get type() { return this.read("type") as string; }
  clear(): void {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.resolve();
      sheet.validations.push({ rect: { ...rect }, rule: null });
    });
  }
  load(props?: unknown): this {
    const list = parseLoad(props);
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.resolve();
      const keys = new Set<string>();
      let first: DataValidationRuleSnapshot | null | undefined;
      const touches = sheet.validations.some((v) => v.rect.row < rect.row + rect.rows && rect.row < v.rect.row + v.rect.rows && v.rect.column < rect.column + rect.columns && rect.column < v.rect.column + v.rect.columns);
      if (!touches) first = null;
      else if (rect.rows * rect.columns > 1_000_000) throw standInError("InvalidArgument", "Stand-in: data validation of more than 1,000,000 cells is not modelled.");
      for (let i = 0; touches && i < rect.rows && keys.size < 2; i++)
        for (let j = 0; j < rect.columns && keys.size < 2; j++) {
          const rule = sheet.validationAt(rect.row + i, rect.column + j);
          if (first === undefined) first = rule;
          keys.add(JSON.stringify(rule));
        }
      const kind = (rule: DataValidationRuleSnapshot | null | undefined) => {
        const k = rule ? Object.keys(rule)[0] : undefined;
        return k === undefined ? "None" : k === "textLength" ? "TextLength" : k[0].toUpperCase() + k.slice(1);
      };
      for (const p of list) {
        if (p === "type") this.loaded.set(p, keys.size > 1 ? "Inconsistent" : kind(first));
        else if (p === "rule") this.loaded.set(p, keys.size > 1 ? {} : clone(first ?? {}));
        else throw standInError("InvalidArgument", `Stand-in DataValidation has no property "${p}".`);
      }
    });
    return this;
  }
}

class RangeProxy extends Proxy {
  readonly format: { autofitColumns: () => void; columnWidth?: number };
  readonly dataValidation: DataValidationProxy;
  constructor(ctx: Ctx, private resolve: RectResolver, nullable = false) {
    super(ctx);
    if (!nullable) this.nullState = false;
    else ctx.enqueue(() => (this.nullState = this.resolve() === null));
    this.format = { autofitColumns: () => ctx.enqueue(() => void this.target()) };
    this.dataValidation = new DataValidationProxy(ctx, () => this.target());
  }
  private target(): { sheet: SheetModel; rect: Rect } {
    const t = this.resolve();
    if (!t) throw standInError("InvalidObjectPath", "The range does not exist (null object).");
    return t;
  }
  /** @internal The address, resolved while a request runs (for a chart's source). */
  describe(): string {
    const { sheet, rect } = this.target();
    return `${quoteSheet(sheet.name)}!${a1(rect)}`;
  }
  load(props?: unknown): this {
    const list = parseLoad(props);
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (!t) return;
      const { sheet, rect } = t;
      for (const p of list) {
        let v: unknown;
        switch (p) {
          case "address":
            v = `${quoteSheet(sheet.name)}!${a1(rect)}`;
            break;
          case "rowIndex":
            v = rect.row;
            break;
          case "columnIndex":
            v = rect.column;
            break;
          case "rowCount":
            v = rect.rows;
            break;
          case "columnCount":
            v = rect.columns;
            break;
          case "values":
          case "formulas":
          case "numberFormat": {
            if (rect.rows * rect.columns > 5_000_000) {
              v = null; // Excel returns null rather than throwing past the cell limit
              break;
            }
            const out: unknown[][] = new Array(rect.rows);
            for (let i = 0; i < rect.rows; i++) {
              const row: unknown[] = new Array(rect.columns);
              for (let j = 0; j < rect.columns; j++) {
                const r = rect.row + i, c = rect.column + j;
                row[j] = p === "values" ? sheet.value(r, c) : p === "formulas" ? (sheet.formula(r, c) ?? sheet.value(r, c)) : sheet.numberFormat(r, c);
              }
              out[i] = row;
            }
            this.ctx.responseBytes += jsonBytes(out);
            v = out;
            break;
          }
          default:
            throw standInError("InvalidArgument", `Stand-in Range has no property "${p}".`);
        }
        this.loaded.set(p, v);
      }
    });
    return this;
  }
  get address() { return this.read("address") as string; }
  get rowIndex() { return this.read("rowIndex") as number; }
  get columnIndex() { return this.read("columnIndex") as number; }
  get rowCount() { return this.read("rowCount") as number; }
  get columnCount() { return this.read("columnCount") as number; }
  get values() { return this.read("values") as unknown[][]; }
  get formulas() { return this.read("formulas") as unknown[][]; }
  get numberFormat() { return this.read("numberFormat") as unknown[][]; }
  set values(data: unknown[][]) { this.write("values", data); }
  set formulas(data: unknown[][]) { this.write("formulas", data); }
  set numberFormat(data: unknown[][]) { this.write("numberFormat", data); }

  private write(kind: "values" | "formulas" | "numberFormat", data: unknown[][]) {
    if (!Array.isArray(data) || !data.every(Array.isArray)) throw standInError("InvalidArgument", `Stand-in: ${kind} must be a 2-D array.`);
    this.loaded.delete(kind);
    const cells = data.reduce((n, r) => n + r.length, 0);
    if (kind === "numberFormat") this.ctx.formatCells += cells;
    else this.ctx.valueCells += cells;
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.target();
      if (data.length !== rect.rows || data.some((r) => r.length !== rect.columns)) {
        throw standInError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${data.length}×${data[0]?.length ?? 0} for ${a1(rect)}).`);
      }
      for (let i = 0; i < rect.rows; i++)
        for (let j = 0; j < rect.columns; j++) {
          const v = data[i][j];
          const r = rect.row + i, c = rect.column + j;
          if (kind === "numberFormat") {
            if (v !== null && v !== undefined) sheet.setNumberFormat(r, c, String(v));
            continue;
          }
          if (v === null || v === undefined) continue; // null leaves the cell unchanged, as in Excel
          if (typeof v === "string" && v.startsWith("'")) sheet.setRaw(r, c, v.slice(1));
          else if (typeof v === "string" && /^[=+-]/.test(v) && !/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(v)) this.ctx.host.writeFormula(sheet, r, c, v.startsWith("=") ? v : `=${v}`);
          else sheet.setRaw(r, c, v);
        }
    }, jsonBytes(data));
  }
  /** Selects the range (and activates its sheet), as `Range.select()` does. */
  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.target();
      sheet.selection = { ...rect };
      this.ctx.host.model.active = this.ctx.host.model.sheets.indexOf(sheet);
    });
  }
  clear(applyTo: string = "All"): void {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.target();
      const contents = applyTo === "All" || applyTo === "Contents";
      const formats = applyTo === "All" || applyTo === "Formats";
      // Only columns that hold something need visiting (a whole-sheet clear stays cheap).
      for (const c of [...sheet.columns.keys()]) {
        if (c < rect.column || c >= rect.column + rect.columns) continue;
        const d = sheet.columns.get(c)!;
        const end = Math.min(rect.row + rect.rows, Math.max(d.v.length, d.f.length, d.nf.length));
        for (let r = rect.row; r < end; r++) {
          if (contents) sheet.clearContents(r, c);
          if (formats) sheet.clearFormats(r, c);
        }
      }
    });
  }
}

class TableProxy extends Proxy {
  constructor(ctx: Ctx, private resolveTable: () => TableModel | null, nullable = false) {
    super(ctx);
    if (!nullable) this.nullState = false;
    else ctx.enqueue(() => (this.nullState = this.resolveTable() === null));
  }
  /** Fills loaded properties at sync (used by the collection's items load too). */
  fill(list: string[]) {
    const t = this.resolveTable();
    if (!t) return;
    for (const p of list) {
      if (p === "name") this.loaded.set(p, t.name);
      else if (p === "showHeaders") this.loaded.set(p, t.showHeaders);
      else if (p === "showTotals") this.loaded.set(p, t.showTotals);
      else throw standInError("InvalidArgument", `Stand-in Table has no property "${p}".`);
    }
  }
  load(props?: unknown): this {
    const list = parseLoad(props);
    this.ctx.enqueue(() => this.fill(list));
    return this;
  }
  get name() { return this.read("name") as string; }
  get showHeaders() { return this.read("showHeaders") as boolean; }
  get showTotals() { return this.read("showTotals") as boolean; }
  private rangeOf(part: "all" | "header" | "body"): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolveTable();
      if (!t) return null;
      const { rect } = t;
      const h = t.showHeaders ? 1 : 0;
      const tot = t.showTotals ? 1 : 0;
      if (part === "all") return { sheet: t.sheet, rect };
      if (part === "header") return { sheet: t.sheet, rect: { ...rect, rows: 1 } };
      return { sheet: t.sheet, rect: { ...rect, row: rect.row + h, rows: rect.rows - h - tot } };
    });
  }
  getRange() { return this.rangeOf("all"); }
  getHeaderRowRange() { return this.rangeOf("header"); }
  getDataBodyRange() { return this.rangeOf("body"); }
}

class TableCollectionProxy extends Proxy {
  private itemProxies: TableProxy[] | null = null;
  constructor(ctx: Ctx, private sheetOf: () => SheetModel | null) {
    super(ctx);
    this.nullState = false;
  }
  load(props?: unknown): this {
    const list = parseLoad(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      const tables = sheet ? sheet.tables : this.ctx.host.model.sheets.flatMap((s) => s.tables);
      this.itemProxies = tables.map((t) => {
        const p = new TableProxy(this.ctx, () => t);
        p.fill(list);
        return p;
      });
    });
    return this;
  }
  get items(): TableProxy[] {
    if (!this.itemProxies) throw standInError("PropertyNotLoaded", "Load items before reading them.");
    return this.itemProxies;
  }
  getItem(name: string) {
    return new TableProxy(this.ctx, () => {
      const t = this.ctx.host.model.table(name);
      if (!t) throw standInError("ItemNotFound", `No table "${name}".`);
      return t;
    });
  }
  getItemOrNullObject(name: string) {
    return new TableProxy(this.ctx, () => this.ctx.host.model.table(name) ?? null, true);
  }
  add(address: string, hasHeaders: boolean) {
    let model: TableModel | null = null;
    this.ctx.enqueue(() => {
      const p = parseAddress(address);
      const sheet = (p.sheet ? this.ctx.host.model.sheet(p.sheet) : this.sheetOf()) ?? null;
      if (!sheet) throw standInError("ItemNotFound", `No sheet for table at ${address}.`);
      model = { name: `Table${++this.ctx.host.model.tableCount}`, sheet, rect: p.rect, showHeaders: hasHeaders, showTotals: false };
      sheet.tables.push(model);
    });
    return new TableProxy(this.ctx, () => model);
  }
}

class ChartProxy extends Proxy {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  constructor(ctx: Ctx, private resolveChart: () => { sheet: SheetModel; chart: ChartModel } | null, nullable = false) {
    super(ctx);
    if (!nullable) this.nullState = false;
    else ctx.enqueue(() => (this.nullState = this.resolveChart() === null));
    const self = this;
    this.title = {
      set text(t: string) { ctx.enqueue(() => (self.target().chart.title = t)); },
      get text(): string { return self.read("title") as string; },
    };
    this.legend = {
      set visible(_v: boolean) { ctx.enqueue(() => void self.target()); },
      get visible(): boolean { return true; },
    };
  }
  private target() {
    const t = this.resolveChart();
    if (!t) throw standInError("InvalidObjectPath", "The chart does not exist (null object).");
    return t;
  }
  fill(list: string[]) {
    const t = this.resolveChart();
    if (!t) return;
    for (const p of list) {
      if (p === "name") this.loaded.set(p, t.chart.name);
      else throw standInError("InvalidArgument", `Stand-in Chart has no property "${p}".`);
    }
  }
  load(props?: unknown): this {
    const list = parseLoad(props);
    this.ctx.enqueue(() => this.fill(list));
    return this;
  }
  get name() { return this.read("name") as string; }
  set name(n: string) { this.ctx.enqueue(() => (this.target().chart.name = n)); }
  setPosition(start: string, end?: string) {
    this.ctx.enqueue(() => (this.target().chart.position = [start, end]));
  }
  delete() {
    this.ctx.enqueue(() => {
      const { sheet, chart } = this.target();
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
    });
  }
}

class ChartCollectionProxy extends Proxy {
  private itemProxies: ChartProxy[] | null = null;
  constructor(ctx: Ctx, private sheetOf: () => SheetModel) {
    super(ctx);
    this.nullState = false;
  }
  add(type: string, source: RangeProxy, seriesBy: string = "Auto") {
    let made: { sheet: SheetModel; chart: ChartModel } | null = null;
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      const chart: ChartModel = { name: `Chart ${++this.ctx.host.model.chartCount}`, type, source: source.describe(), seriesBy, title: "" };
      sheet.charts.push(chart);
      made = { sheet, chart };
    });
    return new ChartProxy(this.ctx, () => made);
  }
  load(props?: unknown): this {
    const list = parseLoad(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      this.itemProxies = sheet.charts.map((c) => {
        const p = new ChartProxy(this.ctx, () => (sheet.charts.includes(c) ? { sheet, chart: c } : null));
        p.fill(list);
        return p;
      });
    });
    return this;
  }
  get items(): ChartProxy[] {
    if (!this.itemProxies) throw standInError("PropertyNotLoaded", "Load items before reading them.");
    return this.itemProxies;
  }
  getItemOrNullObject(name: string) {
    return new ChartProxy(
      this.ctx,
      () => {
        const sheet = this.sheetOf();
        const chart = sheet.charts.find((c) => c.name === name);
        return chart ? { sheet, chart } : null;
      },
      true,
    );
  }
}

class WorksheetProxy extends Proxy {
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  constructor(ctx: Ctx, private resolveSheet: () => SheetModel | null, nullable = false) {
    super(ctx);
    if (!nullable) this.nullState = false;
    else ctx.enqueue(() => (this.nullState = this.resolveSheet() === null));
    this.tables = new TableCollectionProxy(ctx, () => this.target());
    this.charts = new ChartCollectionProxy(ctx, () => this.target());
  }
  private target(): SheetModel {
    const s = this.resolveSheet();
    if (!s) throw standInError("ItemNotFound", "The worksheet does not exist.");
    return s;
  }
  fill(list: string[]) {
    const s = this.resolveSheet();
    if (!s) return;
    for (const p of list) {
      if (p === "name") this.loaded.set(p, s.name);
      else if (p === "position") this.loaded.set(p, this.ctx.host.model.sheets.indexOf(s));
      else throw standInError("InvalidArgument", `Stand-in Worksheet has no property "${p}".`);
    }
  }
  load(props?: unknown): this {
    const list = parseLoad(props);
    this.ctx.enqueue(() => this.fill(list));
    return this;
  }
  get name() { return this.read("name") as string; }
  getRange(address?: string) {
    return new RangeProxy(this.ctx, () => ({ sheet: this.target(), rect: address ? parseAddress(address).rect : { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } }));
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number) {
    if (rows < 1 || columns < 1 || row < 0 || column < 0 || row + rows > MAX_ROWS || column + columns > MAX_COLUMNS) {
      throw standInError("InvalidArgument", `getRangeByIndexes(${row}, ${column}, ${rows}, ${columns}) is outside the sheet.`);
    }
    return new RangeProxy(this.ctx, () => ({ sheet: this.target(), rect: { row, column, rows, columns } }));
  }
  getUsedRangeOrNullObject(valuesOnly = false) {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.target();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
  activate() {
    this.ctx.enqueue(() => (this.ctx.host.model.active = this.ctx.host.model.sheets.indexOf(this.target())));
  }
}

class WorksheetCollectionProxy extends Proxy {
  private itemProxies: WorksheetProxy[] | null = null;
  constructor(ctx: Ctx) {
    super(ctx);
    this.nullState = false;
  }
  getActiveWorksheet() {
    return new WorksheetProxy(this.ctx, () => this.ctx.host.model.sheets[this.ctx.host.model.active] ?? null);
  }
  getItem(name: string) {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.host.model.sheet(name);
      if (!s) throw standInError("ItemNotFound", `No worksheet "${name}".`);
      return s;
    });
  }
  getItemOrNullObject(name: string) {
    return new WorksheetProxy(this.ctx, () => this.ctx.host.model.sheet(name) ?? null, true);
  }
  add(name: string) {
    let made: SheetModel | null = null;
    this.ctx.enqueue(() => {
      if (this.ctx.host.model.sheet(name)) throw standInError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
      made = new SheetModel(name);
      this.ctx.host.model.sheets.push(made);
    });
    return new WorksheetProxy(this.ctx, () => made);
  }
  load(props?: unknown): this {
    const list = parseLoad(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(() => {
      this.itemProxies = this.ctx.host.model.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => s);
        p.fill(list);
        return p;
      });
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    if (!this.itemProxies) throw standInError("PropertyNotLoaded", "Load items before reading them.");
    return this.itemProxies;
  }
}

class SettingProxy extends Proxy {
  constructor(ctx: Ctx, private settingKey: string) {
    super(ctx);
    ctx.enqueue(() => (this.nullState = !ctx.host.model.settings.has(settingKey)));
  }
  load(props?: unknown): this {
    const list = parseLoad(props);
    this.ctx.enqueue(() => {
      const raw = this.ctx.host.model.settings.get(this.settingKey);
      if (raw === undefined) return;
      for (const p of list) {
        if (p === "value") this.loaded.set(p, JSON.parse(raw));
        else if (p === "key") this.loaded.set(p, this.settingKey);
        else throw standInError("InvalidArgument", `Stand-in Setting has no property "${p}".`);
      }
    });
    return this;
  }
  get value() { return this.read("value"); }
  get key() { return this.read("key") as string; }
  delete() {
    this.ctx.enqueue(() => this.ctx.host.model.settings.delete(this.settingKey));
  }
}

class SettingCollectionProxy {
  constructor(private ctx: Ctx) {}
  add(key: string, value: unknown) {
    const json = JSON.stringify(value);
    this.ctx.enqueue(() => this.ctx.host.model.settings.set(key, json), json.length);
    return new SettingProxy(this.ctx, key);
  }
  getItemOrNullObject(key: string) {
    return new SettingProxy(this.ctx, key);
  }
}

/** A workbook-level defined name (ExcelApi 1.1/1.4): its name, the range it refers to, delete. */
class NamedItemProxy extends Proxy {
  constructor(ctx: Ctx, private itemName: string, nullable = false) {
    super(ctx);
    if (!nullable) this.nullState = false;
    else ctx.enqueue(() => (this.nullState = !ctx.host.model.names.has(itemName.toLowerCase())));
  }
  private entry() {
    const e = this.ctx.host.model.names.get(this.itemName.toLowerCase());
    if (!e) throw standInError("ItemNotFound", `The name "${this.itemName}" does not exist.`);
    return e;
  }
  load(props?: unknown): this {
    const list = parseLoad(props);
    this.ctx.enqueue(() => {
      const e = this.ctx.host.model.names.get(this.itemName.toLowerCase());
      if (!e) return;
      for (const p of list) {
        if (p === "name") this.loaded.set(p, e.name);
        else if (p === "type") this.loaded.set(p, "Range");
        else throw standInError("InvalidArgument", `Stand-in NamedItem has no property "${p}".`);
      }
    });
    return this;
  }
  get name() { return this.read("name") as string; }
  /** The range, or a null object when its sheet was deleted. */
  getRangeOrNullObject() {
    return new RangeProxy(this.ctx, () => {
      const e = this.ctx.host.model.names.get(this.itemName.toLowerCase());
      return e && this.ctx.host.model.sheets.includes(e.sheet) ? { sheet: e.sheet, rect: { ...e.rect } } : null;
    }, true);
  }
  delete() {
    this.ctx.enqueue(() => {
      this.entry();
      this.ctx.host.model.names.delete(this.itemName.toLowerCase());
    });
  }
}

class NamedItemCollectionProxy extends Proxy {
  private itemProxies: NamedItemProxy[] | null = null;
  constructor(ctx: Ctx) {
    super(ctx);
    this.nullState = false;
  }
  load(props?: unknown): this {
    const list = parseLoad(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(() => {
      this.itemProxies = [...this.ctx.host.model.names.values()].map((e) => {
        const p = new NamedItemProxy(this.ctx, e.name);
        (p as unknown as { loaded: Map<string, unknown> }).loaded.set("name", e.name);
        if (list.some((x) => x !== "name")) throw standInError("InvalidArgument", `Stand-in NamedItemCollection loads items/name only.`);
        return p;
      });
    });
    return this;
  }
  get items(): NamedItemProxy[] {
    if (!this.itemProxies) throw standInError("PropertyNotLoaded", 'Call load("items/name") and context.sync() before reading items.');
    return this.itemProxies;
  }
  getItem(name: string) {
    return new NamedItemProxy(this.ctx, name);
  }
  getItemOrNullObject(name: string) {
    return new NamedItemProxy(this.ctx, name, true);
  }
  /** add(name, reference): a Range (or an address "Sheet1!A1:B1"), workbook-level. */
  add(name: string, reference: RangeProxy | string, _comment?: string) {
    this.ctx.enqueue(() => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || name.length > 255) throw standInError("InvalidArgument", `"${name}" is not a valid name.`);
      if (this.ctx.host.model.names.has(name.toLowerCase())) throw standInError("ItemAlreadyExists", `The name "${name}" already exists.`);
      const address = typeof reference === "string" ? reference.replace(/^=/, "") : reference.describe();
      const { sheet, rect } = parseAddress(address.replace(/\$/g, ""));
      const model = sheet ? this.ctx.host.model.sheet(sheet) : undefined;
      if (!model) throw standInError("InvalidArgument", `The reference "${address}" names no sheet of this workbook.`);
      this.ctx.host.model.names.set(name.toLowerCase(), { name, sheet: model, rect });
    }, name.length);
    return new NamedItemProxy(this.ctx, name);
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly application: { suspendApiCalculationUntilNextSync: () => void; suspendScreenUpdatingUntilNextSync: () => void };
  constructor(private ctx: Ctx) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        ctx.calcSuspended = true;
        ctx.host.calculationSuspensions++;
      },
      suspendScreenUpdatingUntilNextSync: () => undefined,
    };
  }
  private activeSheet(): SheetModel {
    const s = this.ctx.host.model.sheets[this.ctx.host.model.active];
    if (!s) throw standInError("ItemNotFound", "The workbook has no worksheet.");
    return s;
  }
  /** The selection on the active sheet (one block; Excel's multi-area selections are not modelled). */
  getSelectedRange() {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.activeSheet();
      return { sheet, rect: { ...sheet.selection } };
    });
  }
  /** The active cell: the selection's top-left cell. */
  getActiveCell() {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.activeSheet();
      return { sheet, rect: { row: sheet.selection.row, column: sheet.selection.column, rows: 1, columns: 1 } };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The stand-in host

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
  async run<T>(batch: (context: never) => Promise<T>): Promise<T> {
    this.runs++;
    const ctx = new Ctx(this);
    const result = await batch(ctx as never);
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
