/**
 * The edge between Excel and the engine: shapes of range arguments and Excel errors.
 * No framework rules live here; every rule is in src/engine.
 *
 * Every custom function is one `excelFunction({...})` declaration: its range arguments, its options,
 * the engine call and how the answer spills. The adapter does the rest the same way for all of them:
 * ranges to columns of one shape, arguments checked in a fixed order, engine failures to Excel errors,
 * and nothing thrown (an argument error is a one-cell #VALUE!).
 */
import { isBlank, parseChoice, parseNumber, type EngineError, type Result, type Warning } from "../engine";

export type Matrix = unknown[][];
export interface Shape {
  rows: number;
  cols: number;
}

/** An engine error as an Excel error: "missing"/"notFound" → #N/A, "invalid" → #VALUE!, with the engine's message. */
export function toExcelError(e: EngineError): CustomFunctions.Error {
  const code = e.code === "invalid" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, e.message);
}

export function invalidArgument(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** A single value passed where a range is accepted arrives as a 1×1 matrix; absent optionals as null. */
export function asMatrix(m: unknown): Matrix | null {
  if (m === null || m === undefined) return null;
  if (Array.isArray(m)) {
    if (m.length === 0) return null;
    let i = 0;
    while (i < m.length && Array.isArray(m[i])) i++;
    return i === m.length ? (m as unknown[][]) : m.map((row) => (Array.isArray(row) ? row : [row]));
  }
  return [[m]];
}

/**
 * The common shape of several range arguments: they must have the same rows × columns, or be a
 * single cell (which then applies to every row). Throws #VALUE! naming the mismatched argument.
 */
export function commonShape(args: Record<string, Matrix | null>): Shape {
  let shape: Shape | null = null;
  let from = "";
  for (const [name, m] of Object.entries(args)) {
    if (!m) continue;
    // A loop, not Math.max(...rows): a whole column (1,048,576 rows) is more arguments than a call takes.
    let cols = 0;
    let ragged = false;
    for (const r of m) {
      if (r.length !== m[0].length) ragged = true;
      if (r.length > cols) cols = r.length;
    }
    const s = { rows: m.length, cols };
    if (ragged) throw invalidArgument(`${name} must be a rectangular range.`);
    if (s.rows === 1 && s.cols === 1) continue;
    if (!shape) {
      shape = s;
      from = name;
    } else if (shape.rows !== s.rows || shape.cols !== s.cols) {
      throw invalidArgument(`${name} is ${s.rows}×${s.cols} but ${from} is ${shape.rows}×${shape.cols}; give ranges of the same size, or a single cell.`);
    }
  }
  return shape ?? { rows: 1, cols: 1 };
}

/** A range flattened row by row to the common shape (a single cell is repeated); null stays null. */
export function flatten(m: Matrix | null, shape: Shape): unknown[] | null {
  if (!m) return null;
  const n = shape.rows * shape.cols;
  if (m.length === 1 && m[0].length === 1) return new Array(n).fill(m[0][0]);
  const out: unknown[] = new Array(n);
  for (let r = 0; r < shape.rows; r++) for (let c = 0; c < shape.cols; c++) out[r * shape.cols + c] = m[r][c];
  return out;
}

export function reshape<T>(values: readonly T[], shape: Shape): T[][] {
  const out: T[][] = new Array(shape.rows);
  if (shape.cols === 1 && values.length >= shape.rows) for (let r = 0; r < shape.rows; r++) out[r] = [values[r]];
  else for (let r = 0; r < shape.rows; r++) out[r] = values.slice(r * shape.cols, (r + 1) * shape.cols);
  return out;
}

/** Each Result as its value (via `pick`) or as an Excel error in that cell only. */
export function cells<T, V>(results: readonly Result<T>[], pick: (v: T) => V): (V | CustomFunctions.Error)[] {
  return results.map((r) => (r.ok ? pick(r.value) : toExcelError(r.error)));
}

/** An option argument (text), case-insensitive; blank → default; anything else → #VALUE! listing the choices. */
export function option<T extends string>(raw: unknown, allowed: readonly T[], fallback: T, name: string): T {
  const r = parseChoice(raw, allowed, fallback, name);
  if (!r.ok) throw invalidArgument(r.error.message);
  return r.value;
}

/**
 * Excel accepts a CustomFunctions.Error in any cell of a typed matrix result (custom-functions-errors:
 * "An array result may contain error objects per cell"). The declared return type is the type of the
 * good cells, which is what the metadata generator needs.
 */
export function spill<T>(m: (T | CustomFunctions.Error)[][]): T[][] {
  return m as T[][];
}

/**
 * Runs a function body so that nothing escapes as an exception: an argument error (shape, option)
 * becomes a one-cell error result with its message; anything unexpected becomes #VALUE! saying so.
 */
export function guard<T>(body: () => T[][]): T[][] {
  try {
    return body();
  } catch (e) {
    const err =
      e instanceof CustomFunctions.Error
        ? e
        : new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    return [[err as unknown as T]];
  }
}

/**
 * A numeric matrix from a range: blanks become null when `blanksAllowed` (missing values the engine
 * handles by a stated rule), otherwise #VALUE!; any other non-number is #VALUE! naming the cell.
 */
export function numbers(m: Matrix, name: string, blanksAllowed: boolean): (number | null)[][] {
  return m.map((row, r) =>
    row.map((v, c) => {
      if (typeof v === "number" && Number.isFinite(v)) return v === 0 ? 0 : v; // the common case, without allocation
      if (blanksAllowed && isBlank(v)) return null;
      const p = parseNumber(v, name, `${name} (row ${r + 1}, column ${c + 1})`);
      if (!p.ok) throw invalidArgument(p.error.message);
      return p.value.value;
    }),
  );
}

/**
 * Drops the rows that are blank in every one of `matrices` (row-aligned ranges of one function
 * call), so a range drawn past the end of the data (A2:A400 for 352 areas) reads as the data. Only
 * for functions whose result is not row-by-row (NEIGHBOURS, DISSIMILARITY); a row blank in one
 * range but not another is kept, and its blank is reported as usual.
 */
export function dropBlankRows(...matrices: Matrix[]): Matrix[] {
  const rows = Math.max(0, ...matrices.map((m) => m.length));
  const keep = Array.from({ length: rows }, (_, r) => matrices.some((m) => (m[r] ?? []).some((v) => !isBlank(v))));
  return matrices.map((m) => m.filter((_, r) => keep[r]));
}

/** One number argument (k, level…); #VALUE! naming it otherwise. */
export function scalarNumber(v: unknown, name: string): number {
  const p = parseNumber(Array.isArray(v) ? (v as unknown[][])[0]?.[0] : v, name, name);
  if (!p.ok) throw invalidArgument(p.error.message);
  return p.value.value;
}

// ---------------------------------------------------------------------------------------------
// The generic adapter
// ---------------------------------------------------------------------------------------------

/** Range arguments as Excel passes them (a matrix, a single value, or null/undefined when omitted), by the names Excel shows. */
export type RangeArgs = Record<string, unknown>;

/** What the engine call is given. */
export interface Input<A extends RangeArgs> {
  /** Each range flattened row by row to the common shape (a single cell repeated); null when omitted. */
  columns: { [K in keyof A]: unknown[] | null };
  /** Each range as a matrix (a single value as 1×1); null when omitted. */
  matrices: { [K in keyof A]: Matrix | null };
  /** The common shape (1×1 when every range is a single cell, or with `shared: false`). */
  shape: Shape;
  /** Cells in the common shape: rows × columns. */
  n: number;
}

/** A cell of a spill: a value, or an Excel error in that cell only. */
export type Cell<T> = T | CustomFunctions.Error;

/** How a function turns the engine's answer into the spilled cells (shape: the arguments' common shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each function's own options
export type Spill<R, T> = (answer: R, shape: Shape, args: any) => Cell<T>[][];

export interface Declaration<A extends RangeArgs, O, R, T> {
  /** The range arguments. Absent optional ones are null; `required` ones are handled as it says. */
  ranges?: A;
  /**
   * Required ranges: `true` reads an absent one as a single blank cell (so the engine says it is
   * blank, in the row); a message makes an absent one a #VALUE! with that message, before anything else.
   */
  required?: { [K in keyof A]?: true | string };
  /** false: the ranges have shapes of their own (a table, a list); no common shape or columns. Default true. */
  shared?: boolean;
  /**
   * The other arguments (options, single values) and any check of the ranges beyond their common
   * shape, read once the shape is known: throw (option(), invalidArgument()) for a #VALUE! in one cell.
   */
  args?: (input: Input<A>) => O;
  /** The engine call, given the ranges and what `args` returned. */
  engine: (input: Input<A>, args: O) => R;
  /** How the engine's answer spills (perCell, perRow, explained, table, or a function of its own). */
  spill: (answer: R, shape: Shape, options: O) => Cell<T>[][];
}

/**
 * Runs a custom function's declaration: ranges → one shape → args (options) → engine → spill. Never throws:
 * an argument error (shape, option, required) is a one-cell error, anything unexpected a #VALUE! saying so.
 * The declared cell type T is that of the good cells (see spill()).
 */
export function excelFunction<A extends RangeArgs, O, R, T>(d: Declaration<A, O, R, T>): T[][] {
  return guard(() => {
    const matrices = {} as { [K in keyof A]: Matrix | null };
    const ranges = (d.ranges ?? {}) as A;
    for (const name of Object.keys(ranges) as (keyof A & string)[]) {
      const m = asMatrix(ranges[name]);
      const req = d.required?.[name];
      if (!m && typeof req === "string") throw invalidArgument(req);
      matrices[name] = m;
    }
    const shared = d.shared !== false;
    const shape = shared ? commonShape(matrices) : { rows: 1, cols: 1 };
    const columns = {} as { [K in keyof A]: unknown[] | null };
    if (shared) for (const name of Object.keys(matrices) as (keyof A & string)[]) columns[name] = flatten(matrices[name], shape) ?? (d.required?.[name] === true ? [null] : null);
    const input: Input<A> = { columns, matrices, shape, n: shape.rows * shape.cols };
    const args = d.args ? d.args(input) : (undefined as O);
    return spill(d.spill(d.engine(input, args), shape, args));
  });
}

/**
 * A function whose engine code loads on first use (./content.ts: the LGA 2019 guide, the recommender, the
 * survey series, one chunk fetched from the add-in's own origin): it returns a Promise, which Excel custom
 * functions may (Excel shows #BUSY! until it settles). Once loaded, `run` gets the module and is an
 * excelFunction declaration as any other, so its errors are the same Excel errors; a failed load is a
 * #VALUE! saying so, never a rejection.
 */
export function lazily<M, T>(load: () => Promise<M>, run: (module: M) => T[][]): Promise<T[][]> {
  const failed = (e: unknown) =>
    guard<T>(() => {
      throw e;
    });
  return load().then(run, failed);
}

/** One value per input cell, in the input's shape: `pick` on each success, the engine's error otherwise. */
export function perCell<T, V, O = unknown>(pick: (value: T, options: O) => V) {
  return (results: readonly Result<T>[], shape: Shape, options: O): Cell<V>[][] => reshape(cells(results, (v) => pick(v, options)), shape);
}

/** One row of `width(options)` values per input cell (row by row); a failed cell's error fills its row. */
export function perRow<T, V, O = unknown>(width: (options: O) => number, pick: (value: T, options: O) => V[]) {
  return (results: readonly Result<T>[], _shape: Shape, options: O): Cell<V>[][] =>
    results.map((r) => (r.ok ? pick(r.value, options) : new Array<Cell<V>>(width(options)).fill(toExcelError(r.error))));
}

/**
 * The EXPLAIN functions: each cell's explanation with its warnings (those `keep` accepts), or
 * "No result: " and why; always text, never an error cell.
 */
export function explained<T>(keep: (w: Warning) => boolean = () => true) {
  return (results: readonly Result<T>[], shape: Shape): string[][] =>
    reshape(
      results.map((r) => (r.ok ? [r.explanation, ...r.warnings.filter(keep).map((w) => `Warning: ${w.message}`)].join(" ") : `No result: ${r.error.message}`)),
      shape,
    );
}

/** A table from one engine answer; a failure is one row: the error, then `errorWidth − 1` blanks (the spill keeps its columns). */
export function table<T, V, O = unknown>(errorWidth: number, rows: (value: T, options: O) => Cell<V>[][]) {
  return (result: Result<T>, _shape: Shape, options: O): Cell<V>[][] =>
    result.ok ? rows(result.value, options) : [[toExcelError(result.error), ...(new Array(errorWidth - 1).fill("") as V[])]];
}
