/**
 * The stand-in's `Excel.Workbook`: its worksheets collection, settings, defined names, application
 * (calculation suspended until the next sync) and the selection.
 */
import { ClientObjectStandIn, parseLoad, type OfficeShape, type StandInContext } from "./context";
import { parseAddress, standInError, SheetModel } from "./model";
import { RangeProxy, rangeProxy } from "./range";
import { TableCollectionProxy, WorksheetProxy } from "./worksheet";

export class WorksheetCollectionProxy extends ClientObjectStandIn implements OfficeShape<Excel.WorksheetCollection> {
  private itemProxies: WorksheetProxy[] | null = null;
  constructor(ctx: StandInContext) {
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
  /** add(name?): without a name, Excel names the sheet ("Sheet4"); here the first free "Sheet<n>" from the sheet count + 1. */
  add(name?: string) {
    let made: SheetModel | null = null;
    this.ctx.enqueue(() => {
      const model = this.ctx.host.model;
      let n = model.sheets.length + 1;
      while (name === undefined && model.sheet(`Sheet${n}`)) n++;
      const sheetName = name ?? `Sheet${n}`;
      if (model.sheet(sheetName)) throw standInError("ItemAlreadyExists", `A worksheet named "${sheetName}" already exists.`);
      made = new SheetModel(sheetName);
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

export class SettingProxy extends ClientObjectStandIn implements OfficeShape<Excel.Setting> {
  constructor(ctx: StandInContext, private settingKey: string) {
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

export class SettingCollectionProxy implements OfficeShape<Excel.SettingCollection> {
  constructor(private ctx: StandInContext) {}
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
export class NamedItemProxy extends ClientObjectStandIn implements OfficeShape<Excel.NamedItem> {
  constructor(ctx: StandInContext, private itemName: string, nullable = false) {
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

export class NamedItemCollectionProxy extends ClientObjectStandIn implements OfficeShape<Excel.NamedItemCollection> {
  private itemProxies: NamedItemProxy[] | null = null;
  constructor(ctx: StandInContext) {
    super(ctx);
    this.nullState = false;
  }
  load(props?: unknown): this {
    const list = parseLoad(props).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue(() => {
      this.itemProxies = [...this.ctx.host.model.names.values()].map((e) => {
        const p = new NamedItemProxy(this.ctx, e.name);
        p.loaded.set("name", e.name);
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
  add(name: string, reference: Excel.Range | string, _comment?: string) {
    this.ctx.enqueue(() => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || name.length > 255) throw standInError("InvalidArgument", `"${name}" is not a valid name.`);
      if (this.ctx.host.model.names.has(name.toLowerCase())) throw standInError("ItemAlreadyExists", `The name "${name}" already exists.`);
      const address = typeof reference === "string" ? reference.replace(/^=/, "") : rangeProxy(reference).describe();
      const { sheet, rect } = parseAddress(address.replace(/\$/g, ""));
      const model = sheet ? this.ctx.host.model.sheet(sheet) : undefined;
      if (!model) throw standInError("InvalidArgument", `The reference "${address}" names no sheet of this workbook.`);
      this.ctx.host.model.names.set(name.toLowerCase(), { name, sheet: model, rect });
    }, name.length);
    return new NamedItemProxy(this.ctx, name);
  }
}

export class WorkbookProxy implements OfficeShape<Excel.Workbook> {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  /** Every table of the workbook (ExcelApi 1.1; getItemOrNullObject 1.4); `add` takes an address with its sheet. */
  readonly tables: TableCollectionProxy;
  readonly application: { suspendApiCalculationUntilNextSync: () => void; suspendScreenUpdatingUntilNextSync: () => void };
  constructor(private ctx: StandInContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, () => null);
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
