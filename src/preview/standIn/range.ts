/**
 * The stand-in's `Excel.Range` and its `dataValidation`: cells read through `load` (values, formulas,
 * number formats, address and size) and written by setting `values`, `formulas` or `numberFormat`,
 * each write queued and measured for the request's payload.
 */
import { ClientObjectStandIn, parseLoad, type OfficeShape, type StandInContext } from "./context";
import { a1, clone, jsonBytes, quoteSheet, standInError, type CellLook, type DataValidationRuleSnapshot, type Rect, type SheetModel } from "./model";

export type RectResolver = () => { sheet: SheetModel; rect: Rect } | null;

/** A range passed back into the API (a chart's source, a table's or a name's reference), while a request runs: one of this stand-in's. */
export function rangeProxy(range: Excel.Range): RangeProxy {
  if (!(range instanceof RangeProxy)) throw standInError("InvalidArgument", "Stand-in: the range given is not one of this stand-in's ranges.");
  return range;
}

/** `range.dataValidation`: setting `rule` or calling `clear()` records a block on the sheet; `type` can be loaded. */
export class DataValidationProxy extends ClientObjectStandIn implements OfficeShape<Excel.DataValidation> {
  constructor(ctx: StandInContext, private resolve: () => { sheet: SheetModel; rect: Rect }) {
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
  get type() { return this.read("type") as Excel.DataValidation["type"]; }
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

/** Excel's widest column: 255 characters of the default font (about 1,790 points). */
const MAX_COLUMN_WIDTH_POINTS = 255 * 7 * 0.75 + 5;

/**
 * `range.format` (ExcelApi 1.1–1.2): column width (points; every column of the range), wrap, vertical
 * alignment, font (bold, size, colour) and fill colour are recorded on the sheet, block by block;
 * autofitColumns/autofitRows are recorded as calls (no text is measured). Set-only: reading them back is
 * not modelled (a read throws PropertyNotLoaded, as an unloaded property does).
 */
export class RangeFormatProxy extends ClientObjectStandIn implements OfficeShape<Excel.RangeFormat> {
  readonly font: OfficeShape<Excel.RangeFont>;
  readonly fill: OfficeShape<Excel.RangeFill>;
  constructor(ctx: StandInContext, private resolve: () => { sheet: SheetModel; rect: Rect }) {
    super(ctx);
    this.nullState = false;
    const look = (l: CellLook) => this.look(l);
    const read = (n: string) => this.read(n);
    this.font = {
      set bold(v: boolean) { look({ bold: v }); },
      get bold(): boolean { return read("font/bold") as boolean; },
      set size(v: number) { look({ fontSize: v }); },
      get size(): number { return read("font/size") as number; },
      set color(v: string) { look({ fontColor: v }); },
      get color(): string { return read("font/color") as string; },
    };
    this.fill = {
      set color(v: string) { look({ fill: v }); },
      get color(): string { return read("fill/color") as string; },
    };
  }
  private look(l: CellLook) {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.resolve();
      sheet.looks.push({ rect: { ...rect }, look: { ...l } });
    });
  }
  set columnWidth(points: number) {
    this.ctx.enqueue(() => {
      if (typeof points !== "number" || !Number.isFinite(points) || points < 0 || points > MAX_COLUMN_WIDTH_POINTS) throw standInError("InvalidArgument", `Stand-in: a column width of ${points} points is outside 0–${MAX_COLUMN_WIDTH_POINTS}.`);
      const { sheet, rect } = this.resolve();
      for (let c = rect.column; c < rect.column + rect.columns; c++) sheet.columnWidths.set(c, points);
    });
  }
  get columnWidth(): number { return this.read("columnWidth") as number; }
  set wrapText(v: boolean) { this.look({ wrapText: v }); }
  get wrapText(): boolean { return this.read("wrapText") as boolean; }
  set verticalAlignment(v: Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed") { this.look({ verticalAlignment: v }); }
  get verticalAlignment(): Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed" { return this.read("verticalAlignment") as Excel.VerticalAlignment; }
  autofitColumns(): void {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.resolve();
      sheet.autofits.push({ kind: "columns", rect: { ...rect } });
    });
  }
  autofitRows(): void {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.resolve();
      sheet.autofits.push({ kind: "rows", rect: { ...rect } });
    });
  }
}

export class RangeProxy extends ClientObjectStandIn implements OfficeShape<Excel.Range> {
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  constructor(ctx: StandInContext, private resolve: RectResolver, nullable = false) {
    super(ctx);
    if (!nullable) this.nullState = false;
    else ctx.enqueue(() => (this.nullState = this.resolve() === null));
    this.format = new RangeFormatProxy(ctx, () => this.target());
    this.dataValidation = new DataValidationProxy(ctx, () => this.target());
  }
  private target(): { sheet: SheetModel; rect: Rect } {
    const t = this.resolve();
    if (!t) throw standInError("InvalidObjectPath", "The range does not exist (null object).");
    return t;
  }
  /** @internal The address, resolved while a request runs (for a chart's source, a table's or a name's reference). */
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
          if (typeof v !== "string") sheet.setRaw(r, c, v);
          else this.ctx.host.enterText(sheet, r, c, v); // read as if typed (typedEntry.ts cites Microsoft's docs)
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
      if (formats) sheet.looks.push({ rect: { ...rect }, look: null });
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
