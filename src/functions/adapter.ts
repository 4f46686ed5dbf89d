/**
 * The edge between Excel and the engine: shapes of range arguments and Excel errors.
 * No framework rules live here; every rule is in src/engine.
 */
import { isBlank, parseChoice, parseNumber, type EngineError, type Result } from "../engine";

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
    return m.map((row) => (Array.isArray(row) ? row : [row]));
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
    const s = { rows: m.length, cols: Math.max(...m.map((r) => r.length)) };
    if (m.some((r) => r.length !== s.cols)) throw invalidArgument(`${name} must be a rectangular range.`);
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
  for (let r = 0; r < shape.rows; r++) out[r] = values.slice(r * shape.cols, (r + 1) * shape.cols);
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
