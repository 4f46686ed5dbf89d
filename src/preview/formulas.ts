/**
 * A small formula evaluator for the preview: enough of Excel's grammar to compute the add-in's own
 * `=COHESION.…` custom functions (registered through CustomFunctions.associate by the real, built
 * functions.js) over cell references, ranges and literals, with nested calls and spilled results.
 * Not a spreadsheet engine: other Excel functions give #NAME? saying the preview only runs COHESION.*.
 * The one operator is `&` (text concatenation, element by element over spilled arrays), which the
 * task pane's live Notes formula uses. A reference may read a field of the data type in its cell, as in
 * Excel: `A2.Band`, `A2.[Type name]` (entities.ts; COHESION.AREA's area cards).
 */
import { columnLetter, columnNumber } from "../engine/a1";
import { AsyncResults, BUSY } from "./asyncResults";
import { fieldOf, type EntityValue } from "./entities";

export type Value = string | number | boolean | null;
export interface ErrorValue {
  error: string; // "#VALUE!", "#N/A", "#NAME?", "#REF!", "#SPILL!"
  message: string;
}
export type Evaluated = Value | ErrorValue | Evaluated[][];

export interface FormulaContext {
  /** Current sheet name. */
  sheet: string;
  /** Raw value of a cell (row/column 0-based) on a sheet; null when empty. */
  cell(sheet: string, row: number, column: number): unknown;
  /** The registered custom functions, by id without the namespace ("ABG.ALLOCATION"). */
  functions: ReadonlyMap<string, (...args: unknown[]) => unknown>;
  namespace: string;
  /** Parameter shapes from functions.json: a range passed to a scalar parameter arrives as its first cell, as in Excel. */
  dimensions?: ReadonlyMap<string, readonly ("scalar" | "matrix")[]>;
  /** Results of functions that return a Promise (asyncResults.ts): #BUSY! until settled, then the result. Without it, #BUSY!. */
  asyncResults?: AsyncResults;
  /** The data type (entity value) a cell holds, if any: for `A2.Field`. */
  entity?(sheet: string, row: number, column: number): EntityValue | undefined;
}

type Node =
  | { kind: "num"; value: number }
  | { kind: "str"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "empty" }
  | { kind: "ref"; sheet: string | null; row: number; column: number; rows: number; columns: number; single: boolean }
  | { kind: "field"; target: Extract<Node, { kind: "ref" }>; name: string }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "concat"; parts: Node[] };

export class FormulaError extends Error {}

const colIndex = (letters: string) => columnNumber(letters) - 1;

/** Parses the text after "=". Throws FormulaError with a readable message. */
export function parseFormula(text: string): Node {
  let i = 0;
  const s = text;
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const expect = (ch: string) => {
    ws();
    if (s[i] !== ch) throw new FormulaError(`expected "${ch}" at position ${i + 1}`);
    i++;
  };
  const cellRef = /^(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?/;
  const parseRef = (sheet: string | null): Node | null => {
    const m = cellRef.exec(s.slice(i));
    if (!m) return null;
    const one = (t: string) => {
      const mm = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(t)!;
      return { column: colIndex(mm[1]), row: Number(mm[2]) - 1 };
    };
    const a = one(m[1]);
    const b = m[2] ? one(m[2]) : a;
    i += m[0].length;
    const ref = {
      kind: "ref" as const,
      sheet,
      row: Math.min(a.row, b.row),
      column: Math.min(a.column, b.column),
      rows: Math.abs(b.row - a.row) + 1,
      columns: Math.abs(b.column - a.column) + 1,
      single: !m[2],
    };
    // A field of the data type in the cell: A2.Band, A2.[Type name].
    const field = /^\.(?:\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_]*))/.exec(s.slice(i));
    if (!field) return ref;
    i += field[0].length;
    return { kind: "field", target: ref, name: (field[1] ?? field[2]).trim() };
  };
  /** Operands joined by `&`. */
  const expr = (): Node => {
    const first = operand();
    ws();
    if (s[i] !== "&") return first;
    const parts = [first];
    while (s[i] === "&") {
      i++;
      parts.push(operand());
      ws();
    }
    return { kind: "concat", parts };
  };
  const operand = (): Node => {
    ws();
    const ch = s[i];
    if (ch === undefined || ch === "," || ch === ")") return { kind: "empty" };
    if (ch === '"') {
      let out = "";
      i++;
      for (;;) {
        if (i >= s.length) throw new FormulaError("a text value is missing its closing quote");
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            out += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += s[i++];
      }
      return { kind: "str", value: out };
    }
    if (ch === "'") {
      const end = s.indexOf("'!", i + 1);
      if (end < 0) throw new FormulaError("bad sheet reference");
      const sheet = s.slice(i + 1, end).replace(/''/g, "'");
      i = end + 2;
      const r = parseRef(sheet);
      if (!r) throw new FormulaError(`bad reference after '${sheet}'!`);
      return r;
    }
    const num = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?/i.exec(s.slice(i));
    if (num && !/^[A-Za-z]/.test(s.slice(i))) {
      i += num[0].length;
      const pct = num[0].endsWith("%");
      return { kind: "num", value: Number(pct ? num[0].slice(0, -1) : num[0]) / (pct ? 100 : 1) };
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(s.slice(i));
    if (name) {
      const after = s.slice(i + name[0].length).trimStart();
      if (after.startsWith("(")) {
        i += name[0].length;
        expect("(");
        const args: Node[] = [];
        ws();
        if (s[i] === ")") i++;
        else {
          for (;;) {
            args.push(expr());
            ws();
            if (s[i] === ",") {
              i++;
              continue;
            }
            expect(")");
            break;
          }
        }
        return { kind: "call", name: name[0].toUpperCase(), args };
      }
      if (s[i + name[0].length] === "!") {
        const sheet = name[0];
        i += name[0].length + 1;
        const r = parseRef(sheet);
        if (!r) throw new FormulaError(`bad reference after ${sheet}!`);
        return r;
      }
      const up = name[0].toUpperCase();
      if (up === "TRUE" || up === "FALSE") {
        i += name[0].length;
        return { kind: "bool", value: up === "TRUE" };
      }
      const r = parseRef(null);
      if (r) return r;
      throw new FormulaError(`"${name[0]}" is not a value, reference or function`);
    }
    const r = parseRef(null);
    if (r) return r;
    throw new FormulaError(`unexpected "${ch}" at position ${i + 1}`);
  };
  const node = expr();
  ws();
  if (i < s.length) throw new FormulaError(`unexpected "${s.slice(i, i + 10)}" at position ${i + 1}`);
  return node;
}

const isError = (v: unknown): v is ErrorValue => typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as ErrorValue).error === "string";

/** A CustomFunctions.Error (or any thrown error) as a cell error. */
function toErrorValue(e: unknown): ErrorValue {
  const o = e as { code?: string; message?: string };
  const code = typeof o?.code === "string" && o.code.startsWith("#") ? o.code : "#VALUE!";
  return { error: code, message: String(o?.message ?? e) };
}

/** Normalises what a custom function returned into cell values (errors as ErrorValue). */
function normalise(v: unknown): Evaluated {
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? row.map((x) => normalise(x) as Value | ErrorValue) : [normalise(row) as Value | ErrorValue]));
  if (v instanceof Error || (typeof v === "object" && v !== null && "code" in (v as object) && "message" in (v as object))) return toErrorValue(v);
  if (v === undefined) return null;
  if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!", message: "not a finite number" };
  return v as Value;
}

/** Excel's text for a value in `&`: numbers in general form, TRUE/FALSE, blank as "". */
function asText(v: Value): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return v;
}

/** `a & b & …`: scalars and arrays (a 1×1 array is a scalar); arrays are joined cell by cell, the result as large as the largest. */
function concat(values: Evaluated[]): Evaluated {
  const shaped = values.map((v) => (Array.isArray(v) && v.length === 1 && (v[0] as Evaluated[]).length === 1 ? (v[0] as Evaluated[])[0] : v));
  const arrays = shaped.filter(Array.isArray) as Evaluated[][][];
  const join = (cells: Evaluated[]): Value | ErrorValue => {
    for (const c of cells) if (isError(c)) return c;
    return cells.map((c) => asText(c as Value)).join("");
  };
  if (!arrays.length) return join(shaped);
  const rows = Math.max(...arrays.map((a) => a.length));
  const cols = Math.max(...arrays.map((a) => Math.max(...a.map((r) => r.length))));
  const na: ErrorValue = { error: "#N/A", message: "the arrays joined with & have different sizes" };
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) =>
      join(shaped.map((v) => (Array.isArray(v) ? ((v[r] as Evaluated[] | undefined)?.[c] ?? na) : v))),
    ),
  );
}

/** Evaluates a parsed formula. Custom functions receive ranges as 2-D arrays, as Excel passes them. */
export function evaluate(node: Node, ctx: FormulaContext): Evaluated {
  switch (node.kind) {
    case "num":
      return node.value;
    case "str":
      return node.value;
    case "bool":
      return node.value;
    case "empty":
      return null;
    case "concat":
      return concat(node.parts.map((p) => evaluate(p, ctx)));
    case "ref": {
      const sheet = node.sheet ?? ctx.sheet;
      const rows: Evaluated[][] = [];
      for (let r = 0; r < node.rows; r++) {
        const row: Evaluated[] = [];
        for (let c = 0; c < node.columns; c++) {
          const v = ctx.cell(sheet, node.row + r, node.column + c);
          row.push(v === undefined || v === "" ? null : (v as Value));
        }
        rows.push(row);
      }
      return rows;
    }
    case "field": {
      const t = node.target;
      const sheet = t.sheet ?? ctx.sheet;
      const at = (r: number, c: number) => ctx.entity?.(sheet, t.row + r, t.column + c);
      const where = (r: number, c: number) => `${columnLetter(t.column + c + 1)}${t.row + r + 1}`;
      if (t.rows === 1 && t.columns === 1) return fieldOf(at(0, 0), node.name, where(0, 0));
      // A range: one value per cell (an array field in a range would be an array of arrays: #CALC!, as in Excel).
      return Array.from({ length: t.rows }, (_, r) =>
        Array.from({ length: t.columns }, (_, c): Value | ErrorValue => {
          const v = fieldOf(at(r, c), node.name, where(r, c));
          return Array.isArray(v) ? { error: "#CALC!", message: `${where(r, c)}.${node.name} is a list; read it from one cell at a time.` } : (v as Value | ErrorValue);
        }),
      );
    }
    case "call": {
      const prefix = `${ctx.namespace.toUpperCase()}.`;
      const fn = node.name.startsWith(prefix) ? ctx.functions.get(node.name.slice(prefix.length)) : undefined;
      if (!fn) {
        return {
          error: "#NAME?",
          message: node.name.startsWith(prefix) ? `${node.name} is not one of the add-in's functions.` : `The preview computes only the add-in's ${ctx.namespace}.* functions, not ${node.name}.`,
        };
      }
      const id = node.name.slice(prefix.length);
      const dims = ctx.dimensions?.get(id);
      const args: unknown[] = [];
      for (const [k, a] of node.args.entries()) {
        let v = evaluate(a, ctx);
        if (isError(v)) return v; // like Excel: an error argument gives that error
        const matrix = dims ? dims[k] === "matrix" : true;
        if (matrix && !Array.isArray(v) && a.kind !== "empty") v = [[v as Value]]; // Excel wraps a single value for a range parameter
        if (!matrix && Array.isArray(v)) {
          const first = v[0]?.[0];
          if (v.length !== 1 || v[0].length !== 1) return { error: "#VALUE!", message: `argument ${k + 1} of ${node.name} takes a single value, not a range.` };
          if (isError(first)) return first;
          v = first as Value;
        }
        args.push(a.kind === "empty" ? null : v);
      }
      try {
        // A Promise (a function whose data loads on first use) is #BUSY! until it settles, as in Excel.
        const r = (ctx.asyncResults ?? new AsyncResults()).call(id, fn, args);
        return "busy" in r ? { ...BUSY } : "failure" in r ? toErrorValue(r.failure) : normalise(r.value);
      } catch (e) {
        return toErrorValue(e);
      }
    }
  }
}

/** Parses and evaluates "=…" text; parse errors become #NAME? with the reason. */
export function evaluateFormulaText(formula: string, ctx: FormulaContext): Evaluated {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  try {
    return evaluate(parseFormula(text), ctx);
  } catch (e) {
    return { error: "#NAME?", message: e instanceof Error ? e.message : String(e) };
  }
}
