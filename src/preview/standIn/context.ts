/**
 * The stand-in's request context and the load/queue semantics every proxy shares, as in Office.js:
 * commands are queued and run at `context.sync()`; a property is readable only after `load` + `sync`;
 * `load()` without property names is refused. Every sync is counted and its payload measured
 * (UTF-8 bytes of the JSON of the values/formulas/formats sent and received), and a request or
 * response over Excel on the web's 5 MB limit fails as Excel's would (`RequestPayloadSizeLimitExceeded`).
 *
 * Typing: each proxy class `implements OfficeShape<Excel.X>`, so TypeScript checks every member the
 * stand-in has against @types/office-js (the parameters Office.js accepts, the type it returns).
 * `asRequestContext` is the one place the stand-in is handed out as an `Excel.RequestContext`.
 */
import { standInError } from "./model";
import type { ExcelStandIn } from "./index";
import type { WorkbookProxy } from "./workbook";

export const EXCEL_WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

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

/**
 * The part of an Office.js type that a stand-in class may implement, member by member: every member
 * optional; a method takes at least the parameters Office.js's takes (its last overload, the widest)
 * and returns the shape of what Office.js's returns; a property has Office.js's type, or the shape
 * of it for an object (a collection's `items`: an array of shapes). `class P implements
 * OfficeShape<Excel.Range>` makes TypeScript check each member P has against @types/office-js;
 * what P adds of its own (internal helpers) is not checked.
 */
export type OfficeShape<T> = 0 extends 1 & T
  ? T
  : T extends (...args: infer A) => infer R
    ? (...args: A) => OfficeShape<R>
    : T extends readonly (infer E)[]
      ? readonly OfficeShape<E>[]
      : T extends string | number | boolean | bigint | symbol | null | undefined | void | PromiseLike<unknown>
        ? T
        : { [K in keyof T]?: OfficeShape<T[K]> };

type Op = () => void;

/** The stand-in's `Excel.RequestContext`: the queue of commands of one request and what it measures. */
export class StandInContext implements OfficeShape<Excel.RequestContext> {
  readonly queue: Op[] = [];
  requestBytes = 0;
  responseBytes = 0;
  valueCells = 0;
  formatCells = 0;
  calcSuspended = false;
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  readonly runtime = { enableEvents: true };
  constructor(
    readonly host: ExcelStandIn,
    workbook: (ctx: StandInContext) => WorkbookProxy,
  ) {
    this.workbook = workbook(this);
  }
  enqueue(op: Op, bytes = 0) {
    this.queue.push(op);
    this.requestBytes += OP_OVERHEAD_BYTES + bytes;
  }
  /** Runs the queued commands; resolves to `passThroughValue`, as Office.js's `sync` does. */
  async sync(passThroughValue?: unknown): Promise<unknown> {
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
    return passThroughValue;
  }
}

/**
 * The stand-in's context as the `Excel.RequestContext` the pane's code is typed against. The members
 * the stand-in implements are checked against Office.js's by `implements OfficeShape<…>`; those it does
 * not implement are absent at run time (undefined), which a test of the pane would show at once.
 */
export function asRequestContext(ctx: StandInContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}

/** The stand-in's own context behind an `Excel.RequestContext` it handed out (for wrappers that count or delay requests). */
export function standInContext(context: Excel.RequestContext): StandInContext {
  if (!(context instanceof StandInContext)) throw new Error("Stand-in: this request context is not the stand-in's.");
  return context;
}

export function parseLoad(props: unknown): string[] {
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

/**
 * Base of every proxy (Office.js's `OfficeExtension.ClientObject`): loaded properties are readable
 * after sync, others throw as in Office.js; `isNullObject` is known once the request has run.
 */
export class ClientObjectStandIn {
  /** @internal Properties loaded by the last request that loaded them. */
  readonly loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;
  constructor(protected ctx: StandInContext) {}
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
