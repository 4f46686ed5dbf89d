/**
 * The stand-in's worksheet and what hangs off it: `Excel.Worksheet` (ranges by address or index,
 * the used range, activate), its tables (`Excel.TableCollection`, `Excel.Table`) and charts
 * (`Excel.ChartCollection`, `Excel.Chart`).
 */
import { ClientObjectStandIn, parseLoad, type OfficeShape, type StandInContext } from "./context";
import { MAX_COLUMNS, MAX_ROWS, parseAddress, standInError, type ChartModel, type SheetModel, type TableModel } from "./model";
import { RangeProxy, rangeProxy } from "./range";

export class TableProxy extends ClientObjectStandIn implements OfficeShape<Excel.Table> {
  constructor(ctx: StandInContext, private resolveTable: () => TableModel | null, nullable = false) {
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
      else if (p === "style") this.loaded.set(p, t.style ?? "TableStyleMedium2");
      else throw standInError("InvalidArgument", `Stand-in Table has no property "${p}".`);
    }
  }
  load(props?: unknown): this {
    const list = parseLoad(props);
    this.ctx.enqueue(() => this.fill(list));
    return this;
  }
  get name() { return this.read("name") as string; }
  /**
   * Renames the table (ExcelApi 1.1). As Excel: a name starts with a letter, "_" or "\\", holds no spaces or
   * operators, is not a cell reference, and no other table or defined name has it (any case).
   */
  set name(name: string) {
    this.loaded.delete("name");
    this.ctx.enqueue(() => {
      const t = this.resolveTable();
      if (!t) throw standInError("InvalidObjectPath", "The table does not exist (null object).");
      const model = this.ctx.host.model;
      const bad = typeof name !== "string" || name.length > 255 || !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name);
      if (bad) throw standInError("InvalidArgument", `Stand-in: "${String(name)}" is not a valid table name.`);
      const other = model.table(name);
      if ((other && other !== t) || model.names.has(name.toLowerCase())) throw standInError("InvalidArgument", `Stand-in: the name "${name}" is already used by a table or a defined name.`);
      t.name = name;
    });
  }
  /** The table style by name (ExcelApi 1.1), e.g. "TableStyleMedium2"; recorded on the table. */
  set style(name: string) {
    this.ctx.enqueue(() => {
      const t = this.resolveTable();
      if (!t) throw standInError("InvalidObjectPath", "The table does not exist (null object).");
      if (typeof name !== "string" || !/^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/.test(name)) throw standInError("InvalidArgument", `Stand-in: "${name}" is not one of Excel's built-in table styles.`);
      t.style = name;
    });
  }
  get style() { return this.read("style") as string; }
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

export class TableCollectionProxy extends ClientObjectStandIn implements OfficeShape<Excel.TableCollection> {
  private itemProxies: TableProxy[] | null = null;
  constructor(ctx: StandInContext, private sheetOf: () => SheetModel | null) {
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
  /** add(address, hasHeaders): an address ("A1:C9", "Sheet1!A1:C9") or a Range, as in Office.js. */
  add(address: Excel.Range | string, hasHeaders: boolean) {
    let model: TableModel | null = null;
    this.ctx.enqueue(() => {
      const text = typeof address === "string" ? address : rangeProxy(address).describe();
      const p = parseAddress(text);
      const sheet = (p.sheet ? this.ctx.host.model.sheet(p.sheet) : this.sheetOf()) ?? null;
      if (!sheet) throw standInError("ItemNotFound", `No sheet for table at ${text}.`);
      model = { name: `Table${++this.ctx.host.model.tableCount}`, sheet, rect: p.rect, showHeaders: hasHeaders, showTotals: false, style: "TableStyleMedium2" };
      sheet.tables.push(model);
    });
    return new TableProxy(this.ctx, () => model);
  }
}

export class ChartProxy extends ClientObjectStandIn implements OfficeShape<Excel.Chart> {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  constructor(ctx: StandInContext, private resolveChart: () => { sheet: SheetModel; chart: ChartModel } | null, nullable = false) {
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
  /** setPosition(startCell, endCell?): each an address or a Range, as in Office.js (a Range is kept as its address). */
  setPosition(start: Excel.Range | string, end?: Excel.Range | string) {
    const text = (cell: Excel.Range | string) => (typeof cell === "string" ? cell : rangeProxy(cell).describe());
    this.ctx.enqueue(() => (this.target().chart.position = [text(start), end === undefined ? undefined : text(end)]));
  }
  delete() {
    this.ctx.enqueue(() => {
      const { sheet, chart } = this.target();
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
    });
  }
}

export class ChartCollectionProxy extends ClientObjectStandIn implements OfficeShape<Excel.ChartCollection> {
  private itemProxies: ChartProxy[] | null = null;
  constructor(ctx: StandInContext, private sheetOf: () => SheetModel) {
    super(ctx);
    this.nullState = false;
  }
  add(type: string, source: Excel.Range, seriesBy: string = "Auto") {
    let made: { sheet: SheetModel; chart: ChartModel } | null = null;
    this.ctx.enqueue(() => {
      const sheet = this.sheetOf();
      const chart: ChartModel = { name: `Chart ${++this.ctx.host.model.chartCount}`, type, source: rangeProxy(source).describe(), seriesBy, title: "" };
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

/** `worksheet.freezePanes` (ExcelApi 1.7): rows frozen at the top, recorded on the sheet. */
export class FreezePanesProxy extends ClientObjectStandIn implements OfficeShape<Excel.WorksheetFreezePanes> {
  constructor(ctx: StandInContext, private sheetOf: () => SheetModel) {
    super(ctx);
    this.nullState = false;
  }
  /** freezeRows(count?): the top `count` rows (1 when omitted; 0 unfreezes them). */
  freezeRows(count?: number): void {
    this.ctx.enqueue(() => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_ROWS) throw standInError("InvalidArgument", `freezeRows(${count}): not a row count.`);
      this.sheetOf().frozenRows = n;
    });
  }
  unfreeze(): void {
    this.ctx.enqueue(() => (this.sheetOf().frozenRows = 0));
  }
}

/**
 * `worksheet.pageLayout` (ExcelApi 1.9): orientation, zoom (fit to pages or a scale) and the print title rows
 * (which must span whole rows, as Office.js requires), recorded on the sheet. Set-only.
 */
export class PageLayoutProxy extends ClientObjectStandIn implements OfficeShape<Excel.PageLayout> {
  constructor(ctx: StandInContext, private sheetOf: () => SheetModel) {
    super(ctx);
    this.nullState = false;
  }
  set orientation(v: Excel.PageOrientation | "Portrait" | "Landscape") {
    this.ctx.enqueue(() => {
      if (v !== "Portrait" && v !== "Landscape") throw standInError("InvalidArgument", `Stand-in: orientation "${v}" is not Portrait or Landscape.`);
      this.sheetOf().pageLayout.orientation = v;
    });
  }
  get orientation() { return this.read("orientation") as Excel.PageOrientation; }
  set zoom(z: Excel.PageLayoutZoomOptions) {
    const copy = { ...z };
    this.ctx.enqueue(() => {
      if (copy.scale !== undefined && (copy.scale < 10 || copy.scale > 400)) throw standInError("InvalidArgument", `Stand-in: a print scale of ${copy.scale} is outside 10–400.`);
      this.sheetOf().pageLayout.zoom = copy;
    });
  }
  get zoom() { return this.read("zoom") as Excel.PageLayoutZoomOptions; }
  setPrintTitleRows(rows: Excel.Range | string): void {
    this.ctx.enqueue(() => {
      const text = typeof rows === "string" ? rows : rangeProxy(rows).describe();
      const bare = text.slice(text.lastIndexOf("!") + 1).replace(/\$/g, "");
      if (!/^\d+:\d+$/.test(bare)) throw standInError("InvalidArgument", `Stand-in: print title rows "${text}" must span entire rows (e.g. "$1:$3").`);
      this.sheetOf().pageLayout.printTitleRows = text;
    });
  }
}

export class WorksheetProxy extends ClientObjectStandIn implements OfficeShape<Excel.Worksheet> {
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly pageLayout: PageLayoutProxy;
  constructor(ctx: StandInContext, private resolveSheet: () => SheetModel | null, nullable = false) {
    super(ctx);
    if (!nullable) this.nullState = false;
    else ctx.enqueue(() => (this.nullState = this.resolveSheet() === null));
    this.tables = new TableCollectionProxy(ctx, () => this.target());
    this.charts = new ChartCollectionProxy(ctx, () => this.target());
    this.freezePanes = new FreezePanesProxy(ctx, () => this.target());
    this.pageLayout = new PageLayoutProxy(ctx, () => this.target());
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
