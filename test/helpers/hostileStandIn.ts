/**
 * The Excel stand-in (src/preview/standIn) with a user at the keyboard: callbacks that run
 * after the N-th `context.sync()` of a run (or the N-th request that writes cells), and the changes a
 * user makes meanwhile — rename, delete or protect the sheet, edit a cell, insert a column.
 *
 * The stand-in has no notion of protection, so it is modelled here: a request that writes cells
 * (values, formulas, number formats, clear) on a protected sheet fails whole, before anything in it
 * runs, with a RichApi-like error whose code is "AccessDenied" (reads still work, as in Excel).
 * The stand-in itself is not changed: this subclass wraps the context's `sync` and the worksheet
 * and range proxies of each run.
 */
import { ExcelStandIn, standInContext, type StandInOptions } from "../../src/preview/standIn";

type Act = (x: HostileStandIn) => void;

const RANGE_FACTORIES = new Set(["getRange", "getRangeByIndexes", "getUsedRangeOrNullObject"]);
const CELL_WRITES = new Set(["values", "formulas", "numberFormat"]);

export function richApiError(code: string, message: string): Error {
  const e = new Error(message) as Error & { code: string };
  e.name = "RichApi.Error";
  e.code = code;
  return e;
}

export class HostileStandIn extends ExcelStandIn {
  /** Sheets (by name, any case) on which writes fail with "AccessDenied". */
  readonly protectedSheets = new Set<string>();
  private readonly afterSyncs: { n: number; act: Act }[] = [];
  private readonly afterWrites: { n: number; act: Act }[] = [];
  /**
   * Whether a worksheet object got by name keeps pointing at its sheet after a rename, as Office.js
   * may do for an object already used in the run (the plain stand-in looks the name up at every
   * request, so a renamed sheet is "not found").
   */
  sheetsFollowRenames = false;
  /** Requests of the current run: all of them, and those that wrote cells. */
  syncsInRun = 0;
  writeSyncsInRun = 0;

  constructor(options: StandInOptions = {}) {
    super(options);
  }

  /** Runs `act` after the n-th `context.sync()` of the next run (counted from 1, per run). */
  afterSync(n: number, act: Act): this {
    this.afterSyncs.push({ n, act });
    return this;
  }

  /** Runs `act` after the n-th request of the next run that wrote cells (values or formulas). */
  afterWriteSync(n: number, act: Act): this {
    this.afterWrites.push({ n, act });
    return this;
  }

  // --- what the user does

  renameSheet(from: string, to: string): this {
    this.sheetOrThrow(from).name = to;
    return this;
  }

  protect(name: string): this {
    this.protectedSheets.add(name.toLowerCase());
    return this;
  }

  /** Inserts `count` empty columns before column index `at` (0-based), shifting cells and tables right, as Excel does. */
  insertColumns(sheet: string, at: number, count = 1): this {
    const s = this.sheetOrThrow(sheet);
    for (const c of [...s.columns.keys()].sort((a, b) => b - a)) {
      if (c < at) continue;
      s.columns.set(c + count, s.columns.get(c)!);
      s.columns.delete(c);
    }
    for (const t of s.tables) {
      if (t.rect.column >= at) t.rect.column += count;
      else if (t.rect.column + t.rect.columns > at) t.rect.columns += count;
    }
    return this;
  }

  private sheetOrThrow(name: string) {
    const s = this.model.sheet(name);
    if (!s) throw new Error(`No sheet ${name}`);
    return s;
  }

  // --- the run, wrapped

  override async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    this.syncsInRun = 0;
    this.writeSyncsInRun = 0;
    return super.run(async (context) => {
      const ctx = standInContext(context);
      /** The sheets the queued requests write cells on (resolved when the request is sent). */
      let writes: (() => string | null)[] = [];
      const note = (sheetName: () => string | null) => writes.push(sheetName);

      const wrapRange = <R extends object>(range: R, sheetName: () => string | null): R =>
        new Proxy(range, {
          get: (t, prop) => {
            const v = Reflect.get(t, prop, t);
            if (prop === "clear") return (...args: unknown[]) => (note(sheetName), (v as (...a: unknown[]) => unknown).apply(t, args));
            return typeof v === "function" ? v.bind(t) : v;
          },
          set: (t, prop, value) => {
            if (typeof prop === "string" && CELL_WRITES.has(prop)) note(sheetName);
            return Reflect.set(t, prop, value, t);
          },
        });
      const sheets = ctx.workbook.worksheets;
      const proto: typeof sheets = Object.getPrototypeOf(sheets);
      type Sheet = ReturnType<typeof sheets.getItem>;
      const wrapSheet = <S extends object>(sheet: S, sheetName: () => string | null): S =>
        new Proxy(sheet, {
          get: (t, prop) => {
            const v = Reflect.get(t, prop, t);
            if (typeof prop === "string" && RANGE_FACTORIES.has(prop)) return (...args: unknown[]) => wrapRange((v as (...a: unknown[]) => object).apply(t, args), sheetName);
            return typeof v === "function" ? v.bind(t) : v;
          },
        });
      /** A worksheet got by name: with `sheetsFollowRenames`, bound to the sheet it named when got. */
      const byName = (name: string): Sheet => {
        const model = this.model.sheet(name);
        if (!this.sheetsFollowRenames || !model) return wrapSheet(proto.getItem.call(sheets, name), () => name);
        const current = () => (this.model.sheets.includes(model) ? model.name : name);
        let bound = { name, sheet: wrapSheet(proto.getItem.call(sheets, name), current) };
        return new Proxy<Sheet>(
          Object.create(Object.prototype), // a plain {}: every read goes to the sheet the name now points at
          {
            get: (_t, prop) => {
              if (bound.name !== current()) bound = { name: current(), sheet: wrapSheet(proto.getItem.call(sheets, current()), current) };
              return Reflect.get(bound.sheet, prop);
            },
          },
        );
      };
      sheets.getItem = (name: string) => byName(name);
      sheets.getItemOrNullObject = (name: string) => wrapSheet(proto.getItemOrNullObject.call(sheets, name), () => name);
      sheets.add = (name?: string) => wrapSheet(proto.add.call(sheets, name), () => name ?? null);
      sheets.getActiveWorksheet = () => wrapSheet(proto.getActiveWorksheet.call(sheets), () => this.model.sheets[this.model.active]?.name ?? null);

      const sync = ctx.sync.bind(ctx);
      ctx.sync = async () => {
        const targets = writes.map((w) => w());
        writes = [];
        if (targets.some((name) => name !== null && this.protectedSheets.has(name.toLowerCase()))) {
          // Excel refuses the whole request: nothing in it runs.
          ctx.queue.length = 0;
          ctx.requestBytes = ctx.valueCells = ctx.formatCells = 0;
          ctx.calcSuspended = false;
          throw richApiError("AccessDenied", "The cell or chart that you're trying to change is on a protected sheet.");
        }
        await sync();
        this.syncsInRun++;
        const wrote = (this.syncs[this.syncs.length - 1]?.valueCells ?? 0) > 0;
        if (wrote) this.writeSyncsInRun++;
        this.fire(this.afterSyncs, this.syncsInRun);
        if (wrote) this.fire(this.afterWrites, this.writeSyncsInRun);
      };
      return batch(context);
    });
  }

  private fire(list: { n: number; act: Act }[], count: number): void {
    for (let i = 0; i < list.length; ) {
      if (list[i].n === count) list.splice(i, 1)[0].act(this);
      else i++;
    }
  }
}
