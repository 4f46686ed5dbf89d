/**
 * Property-based tests (fast-check) over every custom function.
 * RUNS inputs per property (100,000 by default; COHESION_FC_RUNS overrides, e.g. for a quick local run).
 *
 * Inputs: 17 runs in 20 draw one shape first and give every range argument that shape (or a single
 * cell, which the functions broadcast), with cells mostly from the argument's own domain and options
 * mostly valid; the other 3 in 20 are "any garbage" (independent ranges and option text), so the
 * shape and option errors stay covered without crowding out the rules.
 *
 * Invariants: never a thrown exception, NaN or undefined; every spill is a non-empty rectangle whose
 * cells are valid values or #VALUE!/#N/A errors with a message; each function's values lie in its
 * domain (FAMILYTYPE 1–9, ABG.BAND 0–5, ABG.ALLOCATION one of the six amounts, …); with shared
 * shapes and valid options the spill has the inputs' shape, and each cell agrees with an oracle (the
 * framework's rules written out again here: type from the CDF cut-offs, band from GR ¶2.3, the
 * Fingertips comparison, Duncan & Duncan's D, the Table 1 rows) wherever the inputs are numbers or
 * blanks; ABG.RANGE's interval holds the score's own band and amount. An invalid option gives one
 * #VALUE! cell.
 *
 * Reach: each function must give a real result (a non-error cell) in at least 30% of its runs, so
 * the suite cannot drift back into testing error paths only. COHESION_FC_REPORT=1 prints each
 * function's reach and the shares of runs stopped by a shape or option error.
 */
import fc from "fast-check";
import { installCustomFunctionsStub, isErr } from "../helpers/customFunctions";
installCustomFunctionsStub();
// eslint-disable-next-line import/first
import * as F from "../../src/functions/functions";
// eslint-disable-next-line import/first
import { BENCHMARKS, BENCHMARK_SERIES, TABLE_1, TABLE_1_TOTAL, listIssues, normaliseYear, parseFamilyGroup, resolveIssue } from "../../src/engine";
// eslint-disable-next-line import/first
import {
  ONE,
  a8Cell,
  argOf,
  cell,
  choice,
  ciCell,
  countCell,
  decimal,
  deffCell,
  flagCell,
  jobsCell,
  matrixOf,
  numCell,
  optArgOf,
  optRange,
  optText,
  pctCell,
  range,
  resolveChoice,
  sampleCell,
  scoreCell,
  shapeArb,
  sharedOrGarbage,
  typeCell,
  type Case,
  type Shape,
} from "../helpers/arbitraries";

const RUNS = Number(process.env.COHESION_FC_RUNS || 100_000);
/** Share of runs that must give at least one real result (checked from 500 runs up). */
const REACH_FLOOR = 0.3;
jest.setTimeout(600_000);

type M = unknown[][];
type OptM = M | undefined;
type Opt = string | undefined;

// ---------------------------------------------------------------------------------------------
// Checks (plain throws, not expect, in the hot loop: fast-check reports the failing input)
// ---------------------------------------------------------------------------------------------

function check(cond: boolean, what: string | (() => string)): void {
  if (!cond) throw new Error(typeof what === "string" ? what : what());
}

/** An error cell: #VALUE! or #N/A, with a message. */
function checkErrorCell(v: unknown): void {
  if (!isErr(v)) throw new Error(`bad cell ${String(v)} (${typeof v})`);
  if (typeof v.message !== "string" || v.message.length <= 5) throw new Error(`error without a message: ${v.code}`);
  if (v.code !== "#VALUE!" && v.code !== "#N/A") throw new Error(`unexpected error code ${v.code}`);
}
/**
 * Well-formed: a non-empty rectangle of finite numbers, text, booleans and #VALUE!/#N/A errors with
 * a message. (Plain indexed loops: the earlier for…of / Array.isArray version measured about 50 ns
 * a cell under Jest, more than some of the functions it checks; this one about 3 ns.)
 */
function assertWellFormed(out: unknown): void {
  const rows = out as unknown[][];
  if (rows === null || typeof rows !== "object" || !(rows.length > 0)) throw new Error(`result is not a non-empty matrix: ${String(out)}`);
  const width = rows[0]?.length;
  if (!(width > 0)) throw new Error("a result row is empty or not an array");
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row === null || typeof row !== "object" || row.length !== width) throw new Error(`ragged spill: rows of ${width} and ${row?.length} cells`);
    for (let k = 0; k < width; k++) {
      const v = row[k];
      const t = typeof v;
      if (t === "number") {
        if (!Number.isFinite(v)) throw new Error(`non-finite number ${v}`);
      } else if (t !== "string" && t !== "boolean") checkErrorCell(v);
    }
  }
}

const STACK_LIMIT = Error.stackTraceLimit;
/**
 * fc.assert with stack traces off: each error cell is an Error object, and capturing its stack was
 * most of the cost of a run. A failure gets its stack back (see `run`), so the report still shows
 * where it came from.
 */
function assertProperty<T>(arb: fc.Arbitrary<T>, predicate: (t: T) => void): void {
  Error.stackTraceLimit = 0;
  try {
    fc.assert(fc.property(arb, predicate), { numRuns: RUNS });
  } catch (e) {
    Error.stackTraceLimit = STACK_LIMIT;
    if (e instanceof Error) Error.captureStackTrace(e, assertProperty);
    throw e;
  } finally {
    Error.stackTraceLimit = STACK_LIMIT;
  }
}

/** Calls a custom function and checks the spill is well-formed; a throw is replayed with stack traces on. */
function run(fn: () => unknown): M {
  let out: unknown;
  try {
    out = fn();
  } catch (e) {
    Error.stackTraceLimit = STACK_LIMIT;
    try {
      fn();
    } finally {
      Error.stackTraceLimit = 0;
    }
    throw e;
  }
  assertWellFormed(out);
  return out as M;
}

/** assertProperty for the functions that return a Promise (ISSUES, ACTIONS, BENCHMARK: their content loads on first use). */
async function assertAsyncProperty<T>(arb: fc.Arbitrary<T>, predicate: (t: T) => Promise<void>): Promise<void> {
  Error.stackTraceLimit = 0;
  try {
    await fc.assert(fc.asyncProperty(arb, predicate), { numRuns: RUNS });
  } catch (e) {
    Error.stackTraceLimit = STACK_LIMIT;
    if (e instanceof Error) Error.captureStackTrace(e, assertAsyncProperty);
    throw e;
  } finally {
    Error.stackTraceLimit = STACK_LIMIT;
  }
}

/** `run` for a function that returns a Promise: it must resolve (never reject) to a well-formed spill. */
async function runAsync(fn: () => Promise<unknown>): Promise<M> {
  const out = await fn();
  assertWellFormed(out);
  return out as M;
}

const isSingleError = (out: M) => out.length === 1 && out[0].length === 1 && isErr(out[0][0]);
const errMessage = (out: M) => (isSingleError(out) ? String((out[0][0] as { message: string }).message) : "");
const show = (v: unknown) => (isErr(v) ? `${v.code} ${v.message}` : typeof v === "string" ? JSON.stringify(v) : String(v));
const showM = (m: M) => `[${m.map((r) => `[${r.map(show).join(", ")}]`).join(", ")}]`;

/** An invalid option must give one #VALUE! cell naming the accepted choices. */
function expectOptionError(out: M, name: string): void {
  check(isSingleError(out) && (out[0][0] as { code: string }).code === "#VALUE!", () => `invalid ${name} did not give one #VALUE! cell: ${showM(out)}`);
}

/** The common shape of shared-shape arguments: their shape if any is full size, else one cell. */
function commonOf(shape: Shape, ...args: (OptM | null)[]): Shape {
  return args.some((a) => a && (a.length !== 1 || a[0].length !== 1)) ? shape : ONE;
}
function expectDims(out: M, rows: number, cols: number, name: string): void {
  check(out.length === rows && out.every((r) => r.length === cols), () => `${name}: expected ${rows}×${cols}, got ${out.length}×${out[0].length}: ${showM(out).slice(0, 300)}`);
}
/** Cell i (row-major) of an argument as the function reads it: a single cell is broadcast. */
function at(m: OptM, cols: number, i: number): unknown {
  if (!m) return undefined;
  if (m.length === 1 && m[0].length === 1) return m[0][0];
  return m[Math.floor(i / cols)]?.[i % cols];
}
const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

// ---------------------------------------------------------------------------------------------
// Reach: share of runs with at least one real result, per function
// ---------------------------------------------------------------------------------------------

interface Tally {
  runs: number;
  shared: number;
  sizeError: number;
  optionError: number;
  reached: number;
}
const tallies = new Map<string, Tally>();
function record(name: string, c: { shared: boolean }, out: M, reached: boolean): void {
  let t = tallies.get(name);
  if (!t) tallies.set(name, (t = { runs: 0, shared: 0, sizeError: 0, optionError: 0, reached: 0 }));
  t.runs++;
  if (c.shared) t.shared++;
  const msg = errMessage(out);
  if (/give ranges of the same size|must be a rectangular range|indicators has \d+|names must be a single column|single column/.test(msg)) t.sizeError++;
  else if (/ must be one of /.test(msg)) t.optionError++;
  if (reached) t.reached++;
}
const someValue = (out: M) => out.some((r) => r.some((v) => !isErr(v)));
function expectReach(name: string, floor = REACH_FLOOR): void {
  const t = tallies.get(name);
  if (!t || t.runs < 500) return; // too few runs to judge (COHESION_FC_RUNS set low)
  const share = t.reached / t.runs;
  expect({ name, reach: Math.round(share * 1000) / 1000, atLeast: share >= floor }).toEqual({ name, reach: Math.round(share * 1000) / 1000, atLeast: true });
}
afterAll(() => {
  if (!process.env.COHESION_FC_REPORT) return;
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`.padStart(7);
  const lines = [...tallies].map(
    ([name, t]) =>
      `${name.padEnd(20)} runs ${t.runs}  shared ${pct(t.shared, t.runs)}  size error ${pct(t.sizeError, t.runs)}  option error ${pct(t.optionError, t.runs)}  reach ${pct(t.reached, t.runs)}`,
  );
  process.stdout.write(`\nReach of the custom-function properties:\n${lines.join("\n")}\n`);
});

// ---------------------------------------------------------------------------------------------
// Oracles: the framework's rules written out independently. Each says "error", a value, or null
// (not judged: text that may or may not parse).
// ---------------------------------------------------------------------------------------------

const SCALES = ["auto", "percent", "fraction"] as const;
const BOUNDARY_MODES = ["inclusive", "exclusive"] as const;
const BASES = ["point", "lower", "upper"] as const;
type Read = "percent" | "fraction";
type Judged<T> = T | "error" | null;
/** Decision A7's rounding of binary noise (0.57 × 100 = 56.99999999999999). */
const clean = (x: number) => {
  const r = Math.round(x * 1e9) / 1e9;
  return r === 0 ? 0 : r;
};
/**
 * How a call's percentage arguments are read (decision A7, issue 12): the explicit scale; under
 * "auto" ONE decision for all of them together: per cent when any number in any of them is above 1,
 * else fractions. Null when an argument holds text that might parse as a number (or a % sign).
 */
function columnScale(args: readonly OptM[], scale: string): Read | null {
  if (scale !== "auto") return scale as Read;
  let above = false;
  for (const m of args) {
    if (!m) continue;
    for (const row of m)
      for (const v of row) {
        if (typeof v === "number") {
          if (Number.isFinite(v) && v > 1) above = true;
        } else if (typeof v === "string" && v.trim() !== "") return null;
      }
  }
  return above ? "percent" : "fraction";
}
/** A number cell as the functions read it: blank, a bad value (error) or unknown text are told apart. */
function numberOf(raw: unknown): Judged<number> | "blank" {
  if (blank(raw)) return "blank";
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : "error";
  return typeof raw === "string" ? null : "error"; // booleans, Excel errors, objects never parse
}
/** A percentage cell on its column's scale, as 0–100. */
function pctOf(raw: unknown, read: Read | null, explicitFraction: boolean): Judged<number> {
  const v = numberOf(raw);
  if (v === "blank") return "error";
  if (v === null || v === "error") return v;
  if (read === null) return null;
  if (explicitFraction && (v < 0 || v > 1)) return "error";
  const p = read === "fraction" ? clean(v * 100) : v;
  return p >= 0 && p <= 100 ? p : "error";
}
/** A count or rate ≥ 0 (A8, 1984 jobs); blank → "blank". */
function countOf(raw: unknown): Judged<number> | "blank" {
  const v = numberOf(raw);
  return typeof v === "number" && v < 0 ? "error" : v;
}
/** TRUE/FALSE, yes/no, y/n, 1/0; blank is FALSE; anything else an error. */
function flagOf(raw: unknown): Judged<boolean> {
  if (blank(raw)) return false;
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw === 0 || raw === 1 ? raw === 1 : "error";
  if (typeof raw === "string") {
    const t = raw.trim().toLowerCase();
    return ["true", "yes", "y", "1"].includes(t) ? true : ["false", "no", "n", "0"].includes(t) ? false : "error";
  }
  return "error";
}
/** CDF Table 1 from its names: [rural, affluent, changing] → type (types 2/3 need the 1984 jobs). */
const TYPE_OF: Record<string, number> = { "1,0,1": 1, "0,0,1": 4, "1,0,0": 5, "0,1,0": 6, "0,1,1": 7, "1,1,0": 8, "1,1,1": 9 };
interface TypologyContext {
  nvq4: Read | null;
  rural: Read | null;
  fraction: boolean;
  mode: string;
}
/** Family type and group of one row; any unusable input makes the row an error, whatever the others hold. */
function oracleTypology(nvq4: unknown, rural: unknown, a8: unknown, jobs: unknown, flag: unknown, ctx: TypologyContext): Judged<{ type: number; group: string }> {
  const parts = [pctOf(nvq4, ctx.nvq4, ctx.fraction), pctOf(rural, ctx.rural, ctx.fraction), countOf(a8), countOf(jobs), flagOf(flag)];
  if (parts.includes("error") || parts[2] === "blank") return "error";
  if (parts.includes(null)) return null;
  const [n, r, a] = parts as number[];
  const j = parts[3] === "blank" ? null : (parts[3] as number);
  const affluent = ctx.mode === "inclusive" ? n >= 25 : n > 25;
  const isRural = r >= 50;
  const changing = ctx.mode === "inclusive" ? a >= 7 : a > 7;
  let type: number;
  if (!isRural && !affluent && !changing) {
    if (j === null) return "error";
    type = j >= 1000 ? 2 : 3;
  } else type = TYPE_OF[`${+isRural},${+affluent},${+changing}`];
  return { type, group: type <= 4 ? "abcd"[type - 1] : parts[4] === true ? "e" : "" };
}
/** GR ¶2.3 bands on [lower, upper): 1 below 55 … 5 below 75, 0 at 75 or more. */
const bandOf = (s: number) => (s < 55 ? 1 : s < 60 ? 2 : s < 65 ? 3 : s < 70 ? 4 : s < 75 ? 5 : 0);
const AMOUNT = [0, 660_000, 540_000, 410_000, 280_000, 150_000];
const ALLOCATIONS = new Set(AMOUNT);
/** Band order by score: 1 (lowest scores) … 5, then 0 (75% or more). */
const rankOfBand = (b: number) => (b === 0 ? 6 : b);
/** "band 4, band 5 or no band" → [4, 5, 0]; null when the text is not a list of bands in those words. */
function bandsOfWords(text: string): number[] | null {
  const m = /^(.*?)(?: or (band [1-5]|no band))?$/.exec(text)!;
  const parts = [...(m[1] ? m[1].split(", ") : []), ...(m[2] ? [m[2]] : [])];
  const bands = parts.map((p) => (p === "no band" ? 0 : /^band [1-5]$/.test(p) ? Number(p.slice(5)) : NaN));
  return bands.length > 0 && bands.every((b) => !Number.isNaN(b)) && (bands.length === 1) === !m[2] ? bands : null;
}
/** The band of one score (decision A4: "lower"/"upper" take score ∓ ci, kept within 0–100). */
function oracleBand(score: unknown, ci: unknown, basis: string, read: Read | null, explicitFraction: boolean): Judged<number> {
  const s = pctOf(score, read, explicitFraction);
  const c = numberOf(ci);
  let half: Judged<number> = null;
  if (c === "blank") half = 0;
  else if (c === "error") half = "error";
  else if (c !== null && read !== null) {
    const points = read === "fraction" ? clean(c * 100) : c;
    half = points >= 0 && points <= 100 ? points : "error";
  }
  if (s === "error" || half === "error") return "error";
  if (s === null || half === null) return null;
  if (basis !== "point" && c === "blank") return "error";
  // The ends are cleaned of binary noise but never past the score (a zero-width interval is the score itself).
  const lower = half === 0 ? s : Math.min(s, clean(Math.max(0, s - half)));
  const upper = half === 0 ? s : Math.max(s, clean(Math.min(100, s + half)));
  return bandOf(basis === "lower" ? lower : basis === "upper" ? upper : s);
}

// ---------------------------------------------------------------------------------------------
// Family types and groups
// ---------------------------------------------------------------------------------------------

type TypologyArgs = [M, M, M, OptM, OptM, Opt, Opt]; // nvq4, rural, a8, jobs1984, singleIssue, scale, boundaryMode
const typologyCase: fc.Arbitrary<Case<TypologyArgs>> = sharedOrGarbage(
  shapeArb(),
  (s) => fc.tuple(argOf(s, pctCell), argOf(s, pctCell), argOf(s, a8Cell), optArgOf(s, jobsCell), optArgOf(s, flagCell), choice(SCALES), choice(BOUNDARY_MODES)),
  fc.tuple(range, range, range, optRange, optRange, optText, optText),
);

/**
 * Shared shapes and valid options: the spill has the common shape, and each cell is judged by the
 * oracle (`judge` gets the cell and the oracle's answer). Invalid options: one #VALUE! cell.
 */
function judgeTypology(c: Case<TypologyArgs>, out: M, name: string, withFlag: boolean, judge: (got: unknown, want: Judged<{ type: number; group: string }>, i: number) => void): void {
  const [nvq4, rural, a8, jobs, single, scaleRaw, modeRaw] = c.args;
  const scale = resolveChoice(scaleRaw, SCALES, "auto");
  const mode = resolveChoice(modeRaw, BOUNDARY_MODES, "inclusive");
  if (!c.shared || !c.shape) return;
  if (!scale || !mode) return expectOptionError(out, name);
  const shape = commonOf(c.shape, nvq4, rural, a8, jobs, withFlag ? single : null);
  expectDims(out, shape.rows, shape.cols, name);
  const pooled = columnScale([nvq4, rural], scale); // one decision for the call's two percentage arguments
  const ctx: TypologyContext = { nvq4: pooled, rural: pooled, fraction: scale === "fraction", mode };
  const cols = shape.cols;
  for (let i = 0; i < shape.rows * cols; i++) {
    const want = oracleTypology(at(nvq4, cols, i), at(rural, cols, i), at(a8, cols, i), at(jobs, cols, i), withFlag ? at(single, cols, i) : undefined, ctx);
    judge(out[Math.floor(i / cols)][i % cols], want, i);
  }
}

const FAMILY_GROUPS = new Set(["a", "b", "c", "d", "e", ""]);
const TYPE_NAMES = new Set<unknown>([...TABLE_1.map((r) => r.name), "Total"]);

describe("every custom function, on any input: well-formed, in its domain, never throws", () => {
  it("FAMILYTYPE: 1–9, as the CDF Table 1 rules give", () => {
    assertProperty(typologyCase, (c) => {
      const [nvq4, rural, a8, jobs, , scale, mode] = c.args;
      const out = run(() => F.familyType(nvq4, rural, a8, jobs, scale, mode));
      for (const row of out) for (const v of row) if (!isErr(v)) check(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 9, () => `family type ${show(v)}`);
      judgeTypology(c, out, "FAMILYTYPE", false, (got, want, i) => {
        if (want === "error") check(isErr(got), () => `cell ${i}: expected an error, got ${show(got)}`);
        else if (want !== null) check(got === want.type, () => `cell ${i}: expected type ${want.type}, got ${show(got)}`);
      });
      record("FAMILYTYPE", c, out, someValue(out));
    });
    expectReach("FAMILYTYPE");
  });

  it("FAMILYGROUP: a–e or blank, the Annex C group of the type (e only when asserted, for types 5–9)", () => {
    assertProperty(typologyCase, (c) => {
      const [nvq4, rural, a8, jobs, single, scale, mode] = c.args;
      const out = run(() => F.familyGroup(nvq4, rural, a8, jobs, scale, mode, single));
      for (const row of out) for (const v of row) if (!isErr(v)) check(FAMILY_GROUPS.has(v as string), () => `family group ${show(v)}`);
      judgeTypology(c, out, "FAMILYGROUP", true, (got, want, i) => {
        if (want === "error") check(isErr(got), () => `cell ${i}: expected an error, got ${show(got)}`);
        else if (want !== null) check(got === want.group, () => `cell ${i}: type ${want.type}, expected group ${JSON.stringify(want.group)}, got ${show(got)}`);
      });
      record("FAMILYGROUP", c, out, someValue(out)); // "" (a type 5–9 area without group e) is a result too
    });
    expectReach("FAMILYGROUP");
  });

  it("FAMILYTYPE.EXPLAIN: one line per row, naming the type the rules give", () => {
    assertProperty(typologyCase, (c) => {
      const [nvq4, rural, a8, jobs, single, scale, mode] = c.args;
      const out = run(() => F.familyTypeExplain(nvq4, rural, a8, jobs, scale, mode, single));
      for (const row of out) for (const v of row) if (!isErr(v)) check(typeof v === "string" && /^(Type [1-9] \(.+\): .+|No result: .{6,})$/s.test(v), () => `explanation ${show(v)}`);
      judgeTypology(c, out, "FAMILYTYPE.EXPLAIN", true, (got, want, i) => {
        if (want === "error") check(String(got).startsWith("No result: "), () => `cell ${i}: expected "No result", got ${show(got)}`);
        else if (want !== null) check(String(got).startsWith(`Type ${want.type} (`), () => `cell ${i}: expected type ${want.type}, got ${show(got)}`);
      });
      record(
        "FAMILYTYPE.EXPLAIN",
        c,
        out,
        out.some((r) => r.some((v) => typeof v === "string" && v.startsWith("Type "))),
      );
    });
    expectReach("FAMILYTYPE.EXPLAIN");
  });

  const TYPE_FIELDS = ["name", "average", "areas", "band", "group"] as const;
  const typeInfoCase = sharedOrGarbage(shapeArb(6, 2), (s) => fc.tuple(argOf(s, typeCell), choice(TYPE_FIELDS)), fc.tuple(range, optText));
  /** The Table 1 row a type cell stands for ("total" → the published total), or null for an error. */
  function typeRowOf(raw: unknown): { name: string; average: number; areas: number; band: string; group: string } | null {
    if (typeof raw === "string" && raw.trim().toLowerCase() === "total") return { name: "Total", average: TABLE_1_TOTAL.average, areas: TABLE_1_TOTAL.areas, band: "", group: "" };
    const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw.trim()) : NaN;
    const row = Number.isInteger(n) ? TABLE_1.find((r) => r.type === n) : undefined;
    return row ? { name: row.name, average: row.average, areas: row.areas, band: row.band, group: row.group ?? "" } : null;
  }
  it("TYPEINFO: the Table 1 row of each type, or the published total", () => {
    assertProperty(typeInfoCase, (c) => {
      const [type, fieldRaw] = c.args;
      const out = run(() => F.typeInfoFn(type, fieldRaw));
      const field = blank(fieldRaw) ? "all" : resolveChoice(fieldRaw, TYPE_FIELDS, "name");
      if (field === null) expectOptionError(out, "field");
      else if (c.shared && c.shape) {
        const shape = commonOf(c.shape, type);
        if (field === "all" && shape.cols > 1) check(isSingleError(out), "several columns without a field must be one error");
        else {
          const n = shape.rows * shape.cols;
          if (field === "all") expectDims(out, n, 4, "TYPEINFO");
          else expectDims(out, shape.rows, shape.cols, "TYPEINFO");
          for (let i = 0; i < n; i++) {
            const want = typeRowOf(at(type, shape.cols, i));
            const got = field === "all" ? out[i] : [out[Math.floor(i / shape.cols)][i % shape.cols]];
            if (!want)
              check(
                got.every((v) => isErr(v)),
                () => `type ${show(at(type, shape.cols, i))}: expected an error, got ${showM([got])}`,
              );
            else {
              const expected = field === "all" ? [want.name, want.average, want.areas, want.band] : [want[field]];
              check(got.length === expected.length && got.every((v, k) => v === expected[k]), () => `type ${show(at(type, shape.cols, i))}: expected ${showM([expected])}, got ${showM([got])}`);
            }
          }
        }
      } else {
        // Garbage: each non-error cell is still a Table 1 value of its column.
        for (const row of out)
          row.forEach((v, k) => {
            if (isErr(v)) return;
            const col = field === "all" ? (["name", "average", "areas", "band"] as const)[k] : field;
            const ok =
              col === "name"
                ? TYPE_NAMES.has(v)
                : col === "average"
                  ? v === TABLE_1_TOTAL.average || TABLE_1.some((r) => r.average === v)
                  : col === "areas"
                    ? v === TABLE_1_TOTAL.areas || TABLE_1.some((r) => r.areas === v)
                    : col === "band"
                      ? v === "" || TABLE_1.some((r) => r.band === v)
                      : FAMILY_GROUPS.has(v as string) && v !== "e";
            check(ok, () => `${col} ${show(v)}`);
          });
      }
      record("TYPEINFO", c, out, someValue(out));
    });
    expectReach("TYPEINFO");
  });

  // -------------------------------------------------------------------------------------------
  // Area Based Grant
  // -------------------------------------------------------------------------------------------

  type AbgArgs = [M, OptM, Opt, Opt]; // score, ci, basis, scale
  const abgCase: fc.Arbitrary<Case<AbgArgs>> = sharedOrGarbage(
    shapeArb(),
    (s) => fc.tuple(argOf(s, scoreCell), optArgOf(s, ciCell), choice(BASES), choice(SCALES)),
    fc.tuple(range, optRange, optText, optText),
  );
  /** As judgeTypology, for the ABG functions: the band of each row by the oracle. */
  function judgeAbg(score: M, ci: OptM, basisRaw: Opt, scaleRaw: Opt, c: Case<unknown>, out: M, name: string, judge: (got: unknown, want: Judged<number>, i: number) => void): void {
    const basis = resolveChoice(basisRaw, BASES, "point");
    const scale = resolveChoice(scaleRaw, SCALES, "auto");
    if (!basis || !scale) return expectOptionError(out, name);
    if (!c.shared || !c.shape) return;
    const shape = commonOf(c.shape, score, ci);
    expectDims(out, shape.rows, shape.cols, name);
    const read = columnScale([score], scale);
    const cols = shape.cols;
    for (let i = 0; i < shape.rows * cols; i++) judge(out[Math.floor(i / cols)][i % cols], oracleBand(at(score, cols, i), at(ci, cols, i), basis, read, scale === "fraction"), i);
  }
  const cellOf = (score: M, ci: OptM, cols: number, i: number) => `score ${show(at(score, cols, i))}, ci ${show(at(ci, cols, i))}`;

  it("ABG.BAND: 0–5, the GR ¶2.3 band of the score", () => {
    assertProperty(abgCase, (c) => {
      const [score, ci, basis, scale] = c.args;
      const out = run(() => F.abgBandFn(score, ci, scale, basis));
      for (const row of out) for (const v of row) if (!isErr(v)) check(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 5, () => `band ${show(v)}`);
      judgeAbg(score, ci, basis, scale, c, out, "ABG.BAND", (got, want, i) => {
        if (want === "error") check(isErr(got), () => `${cellOf(score, ci, out[0].length, i)}: expected an error, got ${show(got)}`);
        else if (want !== null) check(got === want, () => `${cellOf(score, ci, out[0].length, i)}: expected band ${want}, got ${show(got)}`);
      });
      record("ABG.BAND", c, out, someValue(out));
    });
    expectReach("ABG.BAND");
  });

  it("ABG.ALLOCATION: one of the GR ¶2.3 amounts, the amount of the score's band", () => {
    assertProperty(abgCase, (c) => {
      const [score, ci, basis, scale] = c.args;
      const out = run(() => F.abgAllocationFn(score, ci, scale, basis));
      for (const row of out) for (const v of row) if (!isErr(v)) check(ALLOCATIONS.has(v as number), () => `allocation ${show(v)}`);
      judgeAbg(score, ci, basis, scale, c, out, "ABG.ALLOCATION", (got, want, i) => {
        if (want === "error") check(isErr(got), () => `${cellOf(score, ci, out[0].length, i)}: expected an error, got ${show(got)}`);
        else if (want !== null) check(got === AMOUNT[want], () => `${cellOf(score, ci, out[0].length, i)}: band ${want}, expected £${AMOUNT[want]}, got ${show(got)}`);
      });
      record("ABG.ALLOCATION", c, out, someValue(out));
    });
    expectReach("ABG.ALLOCATION");
  });

  const RANGE_OUTPUTS = ["bands", "uncertain", "min", "max"] as const;
  type RangeArgs = [M, M, Opt, Opt]; // score, ci, output, scale
  const rangeCase: fc.Arbitrary<Case<RangeArgs>> = sharedOrGarbage(
    shapeArb(),
    (s) => fc.tuple(argOf(s, scoreCell), argOf(s, ciCell), choice(RANGE_OUTPUTS), choice(SCALES)),
    fc.tuple(range, range, optText, optText),
  );
  it('ABG.RANGE: "band 2", "band 2 or band 3", "band 4, band 5 or no band" (the bands spanned, in score order, in words), TRUE/FALSE or an amount; the interval holds the score\'s own band and amount', () => {
    assertProperty(rangeCase, (c) => {
      const [score, ci, outputRaw, scale] = c.args;
      const out = run(() => F.abgRangeFn(score, ci, scale, outputRaw));
      const output = resolveChoice(outputRaw, RANGE_OUTPUTS, "bands");
      for (const row of out)
        for (const v of row) {
          if (isErr(v)) continue;
          if (output === "bands") {
            const bands = typeof v === "string" ? bandsOfWords(v) : null;
            check(bands !== null, () => `band range ${show(v)}`);
            // Every band between the ends, each once, in score order (1 … 5, then no band).
            if (bands) check(bands.every((b, k) => k === 0 || rankOfBand(b) === rankOfBand(bands[k - 1]) + 1), () => `band range ${v} is not the bands from the lower end to the upper end`);
          } else if (output === "uncertain") check(typeof v === "boolean", () => `uncertain ${show(v)}`);
          else check(ALLOCATIONS.has(v as number), () => `${output} allocation ${show(v)}`);
        }
      if (!output) expectOptionError(out, "output");
      // The interval contains the score, so its bands and amounts hold the score's own (point) band and amount.
      else
        judgeAbg(score, ci, "point", scale, c, out, "ABG.RANGE", (got, want, i) => {
          if (want === "error") return check(isErr(got), () => `${cellOf(score, ci, out[0].length, i)}: expected an error, got ${show(got)}`);
          if (want === null || isErr(got)) return check(want === null, () => `${cellOf(score, ci, out[0].length, i)}: expected band ${want}, got ${show(got)}`);
          const where = () => `${cellOf(score, ci, out[0].length, i)}, scale ${show(scale)}`;
          if (output === "bands") {
            const spanned = bandsOfWords(String(got)) ?? [];
            const [lo, hi] = [spanned[0], spanned[spanned.length - 1]];
            check(rankOfBand(lo) <= rankOfBand(want) && rankOfBand(want) <= rankOfBand(hi), () => `${where()}: range "${got}" does not hold the score's band ${want}`);
          } else if (output === "min") check((got as number) <= AMOUNT[want], () => `${where()}: smallest allocation £${got} is above the score's own £${AMOUNT[want]} (band ${want})`);
          else if (output === "max") check((got as number) >= AMOUNT[want], () => `${where()}: largest allocation £${got} is below the score's own £${AMOUNT[want]} (band ${want})`);
        });
      record("ABG.RANGE", c, out, someValue(out));
    });
    expectReach("ABG.RANGE");
  });

  it("ABG.EXPLAIN: one line per row, naming the band the rules give", () => {
    assertProperty(abgCase, (c) => {
      const [score, ci, basis, scale] = c.args;
      const out = run(() => F.abgExplainFn(score, ci, scale, basis));
      for (const row of out) for (const v of row) if (!isErr(v)) check(typeof v === "string" && /^(Score .+ → (band [1-5]|no band) .+|No result: .{6,})$/s.test(v), () => `explanation ${show(v)}`);
      judgeAbg(score, ci, basis, scale, c, out, "ABG.EXPLAIN", (got, want, i) => {
        if (want === "error") check(String(got).startsWith("No result: "), () => `${cellOf(score, ci, out[0].length, i)}: expected "No result", got ${show(got)}`);
        else if (want !== null) check(String(got).includes(`→ ${want === 0 ? "no band" : `band ${want}`} (`), () => `${cellOf(score, ci, out[0].length, i)}: expected band ${want}, got ${show(got)}`);
      });
      record(
        "ABG.EXPLAIN",
        c,
        out,
        out.some((r) => r.some((v) => typeof v === "string" && v.startsWith("Score "))),
      );
    });
    expectReach("ABG.EXPLAIN");
  });

  it("ABG.SUMMARY: areas and £ per band add up, against the £34m programme", () => {
    assertProperty(abgCase, (c) => {
      const [score, ci, basis, scale] = c.args;
      const out = run(() => F.abgSummaryFn(score, ci, scale, basis));
      let reached = false;
      if (isSingleError(out)) {
        check(!(c.shared && resolveChoice(basis, BASES, "point") && resolveChoice(scale, SCALES, "auto")), () => `shared shapes and valid options gave ${showM(out)}`);
      } else {
        expectDims(out, 12, 3, "ABG.SUMMARY");
        const order = [1, 2, 3, 4, 5, 0];
        let areas = 0;
        let total = 0;
        for (let k = 0; k < 6; k++) {
          const r = out[k + 1];
          check(Number.isInteger(r[1]) && (r[1] as number) >= 0, () => `areas ${show(r[1])}`);
          check(r[2] === (r[1] as number) * AMOUNT[order[k]], () => `band ${order[k]}: ${r[1]} areas but £${show(r[2])}`);
          areas += r[1] as number;
          total += r[2] as number;
        }
        check(out[7][1] === areas && out[7][2] === total, () => `total row ${showM([out[7]])} vs ${areas} areas, £${total}`);
        check(out[8][2] === 34_000_000 && out[9][2] === Math.round((total / 34_000_000) * 1000) / 10, () => `programme and share ${showM(out.slice(8, 10))}`);
        const noBand = out[10][1] as number;
        // Without any CI the row says uncertainty was not assessed (no count), never "0 uncertain" (issue 12.4).
        const notAssessed = out[11][0] === "Uncertainty not assessed: no confidence intervals given";
        check(notAssessed ? out[11][1] === "" : out[11][0] === "Rows whose band is uncertain under the CI", () => `uncertainty row ${showM([out[11]])}`);
        const uncertain = notAssessed ? 0 : (out[11][1] as number);
        check(Number.isInteger(noBand) && noBand >= 0 && Number.isInteger(uncertain) && uncertain >= 0 && uncertain <= areas, () => `no band ${noBand}, uncertain ${uncertain}`);
        if (areas > 0 && (ci === undefined || ci === null)) check(notAssessed, () => `no CI given, yet ${showM([out[11]])}`);
        if (c.shared && c.shape) {
          const n = commonOf(c.shape, score, ci);
          check(areas + noBand === n.rows * n.cols, () => `${areas} banded + ${noBand} without a band ≠ ${n.rows * n.cols} rows`);
        }
        reached = areas > 0;
      }
      record("ABG.SUMMARY", c, out, reached);
    });
    expectReach("ABG.SUMMARY");
  });

  // -------------------------------------------------------------------------------------------
  // Analyst statistics
  // -------------------------------------------------------------------------------------------

  const CI_OUTPUTS = ["interval", "all", "halfwidth"] as const;
  const CI_METHODS = ["wilson", "normal"] as const;
  const garbageNumber = fc.oneof(fc.double(), fc.integer({ min: -5, max: 40 }));
  const levelArb = fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constantFrom(0.95, 0.9, 0.99, 0.8, 0.5) },
    { weight: 2, arbitrary: decimal(0, 1, 8) },
    { weight: 1, arbitrary: garbageNumber },
  );
  type CiArgs = [M, M, OptM, number | undefined, Opt, Opt]; // p, n, deff, level, method, output
  const ciCase: fc.Arbitrary<Case<CiArgs>> = sharedOrGarbage(
    shapeArb(5, 1),
    (s) => fc.tuple(argOf(s, pctCell), argOf(s, sampleCell), optArgOf(s, deffCell), levelArb, choice(CI_METHODS), choice(CI_OUTPUTS)),
    fc.tuple(range, range, optRange, fc.option(garbageNumber, { nil: undefined }), optText, optText),
  );
  it("SURVEYCI: 0 ≤ lower ≤ p ≤ upper ≤ 100, half-width ≥ 0, one row per percentage", () => {
    assertProperty(ciCase, (c) => {
      const [p, n, deff, level, methodRaw, outputRaw] = c.args;
      const out = run(() => F.surveyCiFn(p, n, deff, undefined, level, methodRaw, outputRaw));
      const output = resolveChoice(outputRaw, CI_OUTPUTS, "interval");
      const method = resolveChoice(methodRaw, CI_METHODS, "wilson");
      const width = output === "halfwidth" ? 1 : output === "all" ? 3 : 2;
      if (c.shared && c.shape) {
        if (!output || !method) expectOptionError(out, "method/output");
        else expectDims(out, commonOf(c.shape, p, n, deff).rows, width, "SURVEYCI");
      }
      if (output && method && !isSingleError(out)) {
        // p as the function reads it, where the oracle can say (a column of numbers and blanks).
        const read = c.shared ? columnScale([p], "auto") : null;
        for (let i = 0; i < out.length; i++) {
          const row = out[i];
          check(row.length === width, () => `row of ${row.length}, expected ${width}`);
          if (isErr(row[0]) || isErr(row[row.length - 1])) {
            check(
              row.every((v) => isErr(v)),
              () => `a row mixes errors and values: ${showM([row])}`,
            );
            continue;
          }
          const half = output === "halfwidth" ? (row[0] as number) : output === "all" ? (row[2] as number) : null;
          if (half !== null) check(half >= 0, () => `half-width ${half}`);
          if (output === "halfwidth") continue;
          const lower = row[0] as number;
          const upper = row[1] as number;
          check(lower >= 0 && lower <= upper && upper <= 100, () => `interval ${lower}–${upper}`);
          const pv = read ? pctOf(at(p, 1, i), read, false) : null;
          if (typeof pv === "number") check(lower <= pv + 1e-9 && pv <= upper + 1e-9, () => `p ${pv} outside its interval ${lower}–${upper}`);
          if (half !== null && method === "wilson") check(Math.abs(half - (upper - lower) / 2) <= 1e-9 * Math.max(1, half), () => `Wilson half-width ${half} for ${lower}–${upper}`);
        }
      }
      record("SURVEYCI", c, out, someValue(out));
    });
    expectReach("SURVEYCI");
  });

  type CompareTuple = [unknown, unknown, unknown, unknown];
  const compareTuple: fc.Arbitrary<CompareTuple> = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(decimal(0, 100), decimal(0, 10), decimal(0, 10), decimal(0, 100)).map(([v, dl, du, b]): CompareTuple => [v, v - dl, v + du, b]) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: -6, max: 6 }))
        .map(([v, dl, du, d]): CompareTuple => [v, v - dl, v + du, v + d]),
    }, // benchmark on an end
    { weight: 1, arbitrary: fc.tuple(numCell, numCell, numCell, numCell) },
    { weight: 1, arbitrary: fc.tuple(cell, cell, cell, cell) },
  );
  type CompareArgs = [M, M, M, M, Opt];
  const column = (m: CompareTuple[][], k: number): M => m.map((r) => r.map((t) => t[k]));
  const compareCase: fc.Arbitrary<Case<CompareArgs>> = sharedOrGarbage(
    shapeArb(),
    (s) =>
      fc
        .tuple(matrixOf(s, compareTuple), fc.nat(2), choice(["higher", "lower"]))
        .map(([m, one, pol]): CompareArgs => [column(m, 0), column(m, 1), column(m, 2), one === 0 ? [[m[0][0][3]]] : column(m, 3), pol]),
    fc.tuple(range, range, range, range, optText),
  );
  it("COMPARE: better/similar/worse by the Fingertips rule", () => {
    assertProperty(compareCase, (c) => {
      const [value, lower, upper, bench, polRaw] = c.args;
      const out = run(() => F.compareFn(value, lower, upper, bench, polRaw));
      for (const row of out) for (const v of row) if (!isErr(v)) check(v === "better" || v === "similar" || v === "worse", () => `comparison ${show(v)}`);
      const pol = resolveChoice(polRaw, ["higher", "lower"], "higher");
      if (c.shared && c.shape) {
        if (!pol) expectOptionError(out, "polarity");
        else {
          const shape = commonOf(c.shape, value, lower, upper, bench);
          expectDims(out, shape.rows, shape.cols, "COMPARE");
          for (let i = 0; i < shape.rows * shape.cols; i++) {
            const nums = [value, lower, upper, bench].map((m) => numberOf(at(m, shape.cols, i)));
            const got = out[Math.floor(i / shape.cols)][i % shape.cols];
            if (nums.some((x) => x === "error" || x === "blank")) {
              check(isErr(got), () => `${showM([nums])}: expected an error, got ${show(got)}`);
              continue;
            }
            if (nums.includes(null)) continue;
            const [v, lo, hi, b] = nums as number[];
            if (lo > hi || v < lo || v > hi) check(isErr(got), () => `${v} in [${lo}, ${hi}]: expected an error, got ${show(got)}`);
            else {
              const want = b >= lo && b <= hi ? "similar" : lo > b === (pol === "higher") ? "better" : "worse";
              check(got === want, () => `${v} in [${lo}, ${hi}] vs ${b} (${pol}): expected ${want}, got ${show(got)}`);
            }
          }
        }
      }
      record("COMPARE", c, out, someValue(out));
    });
    expectReach("COMPARE");
  });

  const seriesRows = BENCHMARKS.filter((r) => r.series !== null).map((r) => ({ row: r, year: normaliseYear(r.year) }));
  type BenchArgs = { id: string; year: unknown; kind: "row" | "series" | null };
  const benchCase: fc.Arbitrary<BenchArgs> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...BENCHMARKS), fc.constantFrom("", " ", "upper"))
        .map(([r, how]): BenchArgs => ({ id: how === "upper" ? r.id.toUpperCase() : `${how}${r.id}${how}`, year: undefined, kind: "row" })),
    },
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.constantFrom(...seriesRows), fc.boolean())
        .map(([{ row: r }, asNumber]): BenchArgs => ({ id: r.series as string, year: asNumber && /^\d{4}$/.test(r.year) ? Number(r.year) : r.year, kind: "series" })),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...BENCHMARK_SERIES.map((s) => s.id)), fc.option(cell, { nil: undefined })).map(([id, year]): BenchArgs => ({ id, year, kind: null })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.oneof(fc.constantFrom("getonwell", "neighbourhood", "influence", "britain", "Table1_total", "CS_2007_AprSep_getonwell", ""), fc.string()), fc.option(cell, { nil: undefined }))
        .map(([id, year]): BenchArgs => ({ id, year, kind: null })),
    },
  );
  it("BENCHMARK: the shipped figure of the id, or of the series in that year", async () => {
    await assertAsyncProperty(benchCase, async ({ id, year, kind }) => {
      const out = await runAsync(() => F.benchmarkFn(id, year));
      if (!isSingleError(out)) {
        expectDims(out, 1, 4, "BENCHMARK");
        const [value, period, source, note] = out[0];
        check(typeof period === "string" && period.length > 3 && typeof source === "string" && source.length > 3 && typeof note === "string", () => `row ${showM(out)}`);
        const fits = (r: (typeof BENCHMARKS)[number]) => r.period === period && (r.value === null ? isErr(value) : value === r.value);
        const key = kind === "row" ? id.trim().toLowerCase() : kind === "series" ? normaliseYear(year as string | number) : "";
        const ok =
          kind === "row"
            ? BENCHMARKS.some((r) => r.id.toLowerCase() === key && fits(r))
            : kind === "series"
              ? seriesRows.some((r) => r.row.series === id && r.year === key && fits(r.row))
              : BENCHMARKS.some(fits);
        check(ok, () => `${id} ${show(year)}: ${showM(out)} is not a shipped figure for it`);
      } else check(kind === null, () => `${id} ${show(year)}: a shipped figure gave ${showM(out)}`);
      record("BENCHMARK", { shared: kind !== null }, out, !isErr(out[0][0]));
    });
    expectReach("BENCHMARK");
  });

  const NAMES = ["Ashbury", "Bramley", "Carlton", "Dunmore", "Eastfield", "Fairholme", "Glenbrook", "Hartley", "Ivybridge", "Jarrow", "Kelso", "Lindale"];
  const indicatorCell = fc.oneof(
    { weight: 10, arbitrary: decimal(-100, 100) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 50 }) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, "", "12.5", 0, -0) },
    { weight: 1, arbitrary: cell },
  );
  const weightCell = fc.oneof({ weight: 10, arbitrary: decimal(0, 5) }, { weight: 3, arbitrary: fc.constantFrom<unknown>(0, 1, 2, "1") }, { weight: 1, arbitrary: cell });
  type NeighbourArgs = [M, M, string, number | undefined, Opt, OptM];
  const neighbourCase: fc.Arbitrary<Case<NeighbourArgs>> = sharedOrGarbage(
    fc.record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 3 }) }),
    (s) =>
      fc
        .tuple(
          fc.shuffledSubarray(NAMES, { minLength: s.rows, maxLength: s.rows }),
          fc.oneof({ weight: 12, arbitrary: fc.constant<unknown>(null) }, { weight: 1, arbitrary: cell }), // now and then a bad name
          matrixOf(s, indicatorCell),
          fc.oneof({ weight: 8, arbitrary: fc.nat(s.rows - 1) }, { weight: 1, arbitrary: fc.constantFrom<unknown>("", "Nowhere", " ashbury") }),
          fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: garbageNumber }),
          choice(["zscore", "minmax"]),
          fc.oneof(
            { weight: 3, arbitrary: fc.constant(undefined) },
            { weight: 2, arbitrary: matrixOf({ rows: 1, cols: s.cols }, weightCell) },
            { weight: 1, arbitrary: matrixOf({ rows: s.cols, cols: 1 }, weightCell) },
          ),
        )
        .map(([names, badName, ind, area, k, method, weights]): NeighbourArgs => {
          const col: M = names.map((n) => [n]);
          if (badName !== null) col[0] = [badName];
          return [col, ind, typeof area === "number" ? names[area] : String(area), k, method, weights];
        }),
    fc.tuple(range, range, fc.oneof(fc.constantFrom("A", "B", "", "1"), fc.string()), fc.option(garbageNumber, { nil: undefined }), optText, optRange),
  );
  it("NEIGHBOURS: up to k other areas from names, nearest first; z-score distances within 0–1", () => {
    assertProperty(neighbourCase, (c) => {
      const [names, ind, area, k, methodRaw, weights] = c.args;
      const out = run(() => F.neighboursFn(names, ind, area, k, methodRaw, weights));
      check(out[0].length === 2 || isSingleError(out), () => `rows of ${out[0].length} cells`);
      let reached = false;
      if (!isErr(out[0][0])) {
        reached = true;
        const known = new Set(names.map((r) => String(r[0] ?? "").trim()));
        const seen = new Set<unknown>();
        const method = resolveChoice(methodRaw, ["zscore", "minmax"], "zscore");
        check(out.length <= Math.min(typeof k === "number" ? k : 15, names.length - 1), () => `${out.length} neighbours for k ${k} and ${names.length} names`);
        for (let i = 0; i < out.length; i++) {
          const [name, d] = out[i];
          check(typeof name === "string" && known.has(name) && name !== area.trim() && !seen.has(name), () => `neighbour ${show(name)} (area ${area}): not another, unique area of names`);
          seen.add(name);
          check(typeof d === "number" && d >= 0 && (method !== "zscore" || d <= 1), () => `distance ${show(d)} (${method})`);
          if (i > 0) check((d as number) >= (out[i - 1][1] as number) - 1e-9 * Math.max(1, d as number), () => `not nearest first: ${show(out[i - 1][1])} then ${show(d)}`);
        }
      } else if (!isSingleError(out)) check(out.length === 1 && out[0][1] === "", () => `error row ${showM(out)}`);
      record("NEIGHBOURS", c, out, reached);
    });
    expectReach("NEIGHBOURS");
  });

  const pairTuple: fc.Arbitrary<[unknown, unknown]> = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })) },
    { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })).map(([a, d]): [unknown, unknown] => [a, a + d]) }, // group ≤ total
    { weight: 1, arbitrary: fc.tuple(decimal(0, 1e6, 3), decimal(0, 1e6, 3)) },
    { weight: 1, arbitrary: fc.tuple(countCell, countCell) },
  );
  const dissimilarityCase: fc.Arbitrary<Case<[M, M, Opt]>> = sharedOrGarbage(
    shapeArb(6, 2),
    (s) => fc.tuple(matrixOf(s, pairTuple), choice(["twogroup", "vsrest"])).map(([m, form]): [M, M, Opt] => [m.map((r) => r.map((t) => t[0])), m.map((r) => r.map((t) => t[1])), form]),
    fc.tuple(range, range, optText),
  );
  /**
   * Duncan & Duncan's D for plain counts, "error", or null (not judged). Only counts of 0 or
   * 1e-6 to 1e6: sums of wildly different magnitudes round (1 + 5e-324 = 1), which is not the rule.
   */
  function oracleD(a: M, b: M, form: string): Judged<number> {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [m, into] of [
      [a, xs],
      [b, ys],
    ] as const)
      for (const row of m)
        for (const v of row) {
          if (typeof v !== "number" || !(v === 0 || (Math.abs(v) >= 1e-6 && Math.abs(v) <= 1e6))) return null;
          into.push(v);
        }
    if (xs.length !== ys.length || xs.some((v) => v < 0) || ys.some((v) => v < 0)) return "error";
    if (form === "vsrest") {
      if (xs.some((g, i) => g > ys[i])) return "error";
      return oracleD([xs], [ys.map((t, i) => t - xs[i])], "twogroup");
    }
    let A = 0;
    let B = 0;
    for (let i = 0; i < xs.length; i++) {
      A += xs[i];
      B += ys[i];
    }
    if (!(A > 0) || !(B > 0)) return "error";
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += Math.abs(xs[i] / A - ys[i] / B);
    return Math.min(1, s / 2);
  }
  it("DISSIMILARITY: one index within 0–1, Duncan & Duncan's D", () => {
    assertProperty(dissimilarityCase, (c) => {
      const [a, b, formRaw] = c.args;
      const out = run(() => F.dissimilarityFn(a, b, formRaw));
      expectDims(out, 1, 1, "DISSIMILARITY");
      const d = out[0][0];
      if (!isErr(d)) check(typeof d === "number" && d >= 0 && d <= 1, () => `index ${show(d)}`);
      const form = resolveChoice(formRaw, ["twogroup", "vsrest"], "twogroup");
      if (!form) expectOptionError(out, "form");
      else if (c.shared) {
        const want = oracleD(a, b, form);
        if (want === "error") check(isErr(d), () => `expected an error, got ${show(d)}`);
        else if (want !== null) check(typeof d === "number" && Math.abs(d - want) <= 1e-9, () => `${form}: expected ${want}, got ${show(d)}`);
      }
      record("DISSIMILARITY", c, out, !isErr(d));
    });
    expectReach("DISSIMILARITY");
  });

  type MixArgs = [M, M, M, M, M, Opt];
  const mixCase: fc.Arbitrary<Case<MixArgs>> = sharedOrGarbage(
    shapeArb(6, 1), // sub-areas: a column
    (s) => fc.tuple(argOf(s, pctCell), argOf(s, pctCell), argOf(s, a8Cell), argOf(s, jobsCell), argOf(s, countCell), choice(SCALES)),
    fc.tuple(range, range, range, range, range, optText),
  );
  it("TYPEMIX: nine types in order, shares within 0–100 adding to 100, then the count left out", () => {
    assertProperty(mixCase, (c) => {
      const [nvq4, rural, a8, jobs, pop, scale] = c.args;
      const out = run(() => F.typeMixFn(nvq4, rural, a8, jobs, pop, scale));
      let reached = false;
      if (!isErr(out[0][0])) {
        reached = true;
        expectDims(out, 10, 3, "TYPEMIX");
        let sum = 0;
        for (let k = 0; k < 9; k++) {
          const [type, name, share] = out[k];
          check(type === TABLE_1[k].type && name === TABLE_1[k].name && typeof share === "number" && share >= 0 && share <= 100, () => `row ${k + 1}: ${showM([out[k]])}`);
          sum += share as number;
        }
        check(Math.abs(sum - 100) <= 1e-6, () => `shares add up to ${sum}`);
        const left = out[9][2];
        check(Number.isInteger(left) && (left as number) >= 0, () => `left out ${show(left)}`);
        if (c.shared && c.shape) {
          const n = commonOf(c.shape, nvq4, rural, a8, jobs, pop);
          check((left as number) < n.rows * n.cols, () => `${show(left)} of ${n.rows * n.cols} left out, yet shares were given`);
        }
      } else {
        check(out.length === 1, "error with more rows");
        if (c.shared && resolveChoice(scale, SCALES, "auto")) check(!/same size|rectangular/.test(errMessage(out)), () => `shared shapes refused: ${showM(out)}`);
      }
      record("TYPEMIX", c, out, reached);
    });
    expectReach("TYPEMIX");
  });

  // -------------------------------------------------------------------------------------------
  // Action recommender
  // -------------------------------------------------------------------------------------------

  const ISSUES = listIssues();
  const issueCell = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom<unknown>(...ISSUES.map((i) => i.code), "i7", "I 3", "i01") },
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...ISSUES.map((i) => i.id)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...ISSUES.map((i) => i.title)) },
    { weight: 3, arbitrary: fc.constantFrom<unknown>(null, "", " ") },
    { weight: 1, arbitrary: fc.constantFrom<unknown>("I24", "I00", "Too many pigeons") },
    { weight: 1, arbitrary: cell },
  );
  const issueCodes = new Map<string, string>();
  /** The code of an issue given as code, id or text (memoised: the same few hundred strings recur). */
  const issueCode = (text: string): string => {
    let code = issueCodes.get(text);
    if (code === undefined) {
      const r = resolveIssue(text);
      code = r.ok ? r.value.code : "?";
      if (r.ok) issueCodes.set(text, code);
    }
    return code;
  };
  const GROUPS = ["a", "b", "c", "d", "e", "group a", "C)", "family group d"];
  /** "all" (the LGA 2019 guide too) is four times the work of the default: one run in eight is plenty. */
  const sourceArb = fc.oneof(
    { weight: 11, arbitrary: fc.constantFrom(undefined, "", "cdf2009", "CDF2009", " cdf2009 ") },
    { weight: 2, arbitrary: fc.constantFrom("all", "ALL", " all ") },
    { weight: 1, arbitrary: optText },
  );
  type ActionArgs = [M, Opt, Opt];
  const actionCase: fc.Arbitrary<Case<ActionArgs>> = sharedOrGarbage(
    shapeArb(3, 2),
    (s) => fc.tuple(matrixOf(s, issueCell), choice(GROUPS), sourceArb),
    fc.tuple(
      fc.array(fc.array(fc.oneof(cell, fc.constantFrom("I01", "i7", "I23", "low_pride_belonging", "Lack of respect for ethnic difference", "I24", "I00")), { minLength: 1, maxLength: 2 }), {
        minLength: 1,
        maxLength: 6,
      }),
      optText,
      optText,
    ),
  );
  it("ACTIONS: ranked actions (most issues first), then U1–U5, then the group's advice", async () => {
    await assertAsyncProperty(actionCase, async (c) => {
      const [issues, groupRaw, sourceRaw] = c.args;
      const out = await runAsync(() => F.actionsFn(issues, groupRaw, sourceRaw));
      let reached = false;
      if (isErr(out[0][0])) check(out.length === 1 && (out[0].length === 1 || out[0].slice(1).every((v) => v === "")), () => `error rows ${showM(out)}`);
      else {
        reached = true;
        expectDims(out, out.length, 5, "ACTIONS");
        const codes = new Set<string>();
        for (const row of issues) for (const v of row) if (!blank(v)) codes.add(issueCode(String(v)));
        check(!codes.has("?"), "an unknown issue was accepted");
        const group = blank(groupRaw) ? undefined : parseFamilyGroup(String(groupRaw));
        let universal = 0;
        let advice = 0;
        let prev: { origin: string; count: number } | null = null;
        for (const r of out) {
          if (r[2] === "every area") {
            check(advice === 0 && r[0] === `U${++universal}`, () => `universal action ${showM([r])} out of place`);
          } else if (r[2] === "works well" || r[2] === "works less well") {
            advice++;
            check(group !== undefined && r[0] === `${group})`, () => `advice ${showM([r])} for group ${show(groupRaw)}`);
          } else {
            const count = r[2] as number;
            const origin = String(r[4]).startsWith("LGA 2019") ? "lga" : "cdf";
            check(universal === 0 && typeof count === "number" && Number.isInteger(count) && count >= 1 && count <= codes.size, () => `ranked row ${showM([r])} (${codes.size} issues)`);
            check(
              String(r[3])
                .split(", ")
                .every((x) => codes.has(x)),
              () => `issues ${show(r[3])} were not given`,
            );
            if (prev && prev.origin === origin) check(count <= prev.count, () => `not most issues first: ${prev?.count} then ${count}`);
            check(!(prev?.origin === "lga" && origin === "cdf"), "an LGA action before a CDF one");
            prev = { origin, count };
          }
        }
        check(universal === 5 && (group === undefined ? advice === 0 : advice > 0), () => `${universal} universal actions, ${advice} advice rows for group ${show(groupRaw)}`);
      }
      record("ACTIONS", c, out, reached);
    });
    expectReach("ACTIONS");
  });

  const ISSUE_CODES = ISSUES.map((i) => i.code);
  it("ISSUES: the 23 Table D1 issues, I01–I23 in order", async () => {
    await assertAsyncProperty(choice(["table", "text", "code"]), async (o) => {
      const out = await runAsync(() => F.issuesFn(o));
      const what = resolveChoice(o, ["table", "text", "code"], "table");
      if (!what) expectOptionError(out, "output");
      else {
        expectDims(out, 23, what === "table" ? 3 : 1, "ISSUES");
        for (let k = 0; k < 23; k++) {
          const r = out[k];
          check(what === "text" || r[0] === ISSUE_CODES[k], () => `code ${show(r[0])} in row ${k + 1}`);
          check(typeof r[r.length - 1] === "string" && (r[r.length - 1] as string).length > 1, () => `row ${showM([r])}`);
        }
      }
      record("ISSUES", { shared: true }, out, someValue(out));
    });
    expectReach("ISSUES");
  });
});
