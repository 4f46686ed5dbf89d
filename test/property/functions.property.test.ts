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
import { ABG_BANDS, abgColumn, assessAbg, classifyFamilyType, evaluateColumns, typologyColumn } from "../../src/engine";

const RUNS = Number(process.env.COHESION_FC_RUNS || 100_000);
jest.setTimeout(600_000);

/** Every kind of value a cell can hand a custom function. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0, huge and tiny
  fc.double({ min: -5, max: 110, noNaN: true }),
  fc.integer({ min: -10, max: 5000 }),
  fc.constantFrom(0, -0, 1, 0.5, 25, 50, 7, 1000, 55, 60, 65, 70, 75, 100, Number.MIN_VALUE, Number.MAX_VALUE, 1e-300, 1e300),
  fc.double({ min: 0, max: 100, noNaN: true }).map((n) => String(n)), // numeric text
  fc.constantFrom(" 72 ", "72%", "72,5", "1,000", "0.72", "1e2", "-3", "abc", "TRUE", "", "   ", "#N/A", "٣", "Infinity", "NaN", "0x10", "1,00"),
  fc.string(),
  fc.boolean(),
  fc.constantFrom(null, undefined, ""),
  fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }, new (CustomFunctions.Error as unknown as new (c: string, m: string) => object)("#VALUE!", "upstream")),
);

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
      { numRuns: Math.min(RUNS, 50_000) },
    ));
  it("DISSIMILARITY", () => fc.assert(fc.property(range, range, optText, (a, b, f) => void noThrow(() => F.dissimilarityFn(a, b, f))), params));
  it("TYPEMIX", () => fc.assert(fc.property(range, range, range, range, range, optText, (a, b, c, d, e, s2) => void noThrow(() => F.typeMixFn(a, b, c, d, e, s2))), params));
  const issueCell = fc.oneof(cell, fc.constantFrom("I01", "i7", "I23", "low_pride_belonging", "Lack of respect for ethnic difference", "I24", "I00"));
  const issueRange = fc.array(fc.array(issueCell, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 6 });
  it("ACTIONS", () => fc.assert(fc.property(issueRange, optText, optText, (i, g, s2) => void noThrow(() => F.actionsFn(i, g, s2))), { numRuns: Math.min(RUNS, 50_000) }));
  it("ISSUES", () => fc.assert(fc.property(optText, (o) => void noThrow(() => F.issuesFn(o))), { numRuns: Math.min(RUNS, 10_000) }));
  it("ABG.SUMMARY", () => fc.assert(fc.property(range, optRange, optText, (s, c, b) => void noThrow(() => F.abgSummaryFn(s, c, b))), { numRuns: Math.min(RUNS, 20_000) }));
});

describe("engine entry points, on any input: Results, never exceptions", () => {
  const col = fc.array(cell, { minLength: 1, maxLength: 8 });
  it("typologyColumn and abgColumn", () =>
    fc.assert(
      fc.property(col, col, col, col, col, (a, b, c, d, e) => {
        const n = a.length;
        const fit = (x: unknown[]) => Array.from({ length: n }, (_, i) => x[i % x.length]);
        for (const r of typologyColumn(a, fit(b), fit(c), fit(d), fit(e))) {
          if (r.ok) expect(r.value.type).toBeGreaterThanOrEqual(1);
          else expect(r.error.message.length).toBeGreaterThan(5);
        }
        for (const r of abgColumn(a, fit(b))) {
          if (r.ok) expect(Number.isFinite(r.value.amountGbp)).toBe(true);
          else expect(r.error.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: RUNS },
    ));
  it("evaluateColumns", () =>
    fc.assert(
      fc.property(col, col, col, col, (a, b, c, d) => {
        const n = a.length;
        const out = evaluateColumns({ score: a, ci: b, nvq4: c, rural: d, a8: a, jobs1984: b, singleissue: c }, n);
        expect(out).toHaveLength(n);
        for (const r of out) expect(r.familyType !== null || r.abgBand !== null || r.notes.length > 0).toBe(true);
      }),
      { numRuns: Math.min(RUNS, 30_000) },
    ));
});

describe("ABG invariants (GR ¶2.3)", () => {
  const score = fc.double({ min: 0, max: 100, noNaN: true });
  const amountOf = (band: number) => (band === 0 ? 0 : ABG_BANDS.rows[band - 1].amountGbp);
  it("a higher score never gets a larger allocation", () =>
    fc.assert(
      fc.property(score, score, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const rl = assessAbg(lo);
        const rh = assessAbg(hi);
        expect(rl.ok && rh.ok).toBe(true);
        if (rl.ok && rh.ok) expect(rh.value.amountGbp).toBeLessThanOrEqual(rl.value.amountGbp);
      }),
      { numRuns: RUNS },
    ));
  it("band and amount always agree, for every basis and CI; the range contains the band", () =>
    fc.assert(
      fc.property(score, fc.double({ min: 0, max: 30, noNaN: true }), fc.constantFrom("point", "lower", "upper") as fc.Arbitrary<"point" | "lower" | "upper">, (s, ci, basis) => {
        const r = assessAbg(s, { ci, basis });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const v = r.value;
        expect(v.amountGbp).toBe(amountOf(v.band));
        expect(v.amountMinGbp).toBeLessThanOrEqual(v.amountGbp);
        expect(v.amountMaxGbp).toBeGreaterThanOrEqual(v.amountGbp);
        expect(v.uncertain).toBe(v.bandAtLower !== v.bandAtUpper);
      }),
      { numRuns: RUNS },
    ));
  it("the custom function agrees with the engine, cell by cell", () =>
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 20 }), (scores) => {
        const bands = F.abgBandFn(scores.map((x) => [x]), undefined, undefined, "percent");
        const amounts = F.abgAllocationFn(scores.map((x) => [x]), undefined, undefined, "percent");
        scores.forEach((x, i) => {
          expect(amounts[i][0]).toBe(amountOf(bands[i][0]));
          const r = assessAbg(x);
          expect(r.ok && r.value.band).toBe(bands[i][0]);
        });
      }),
      { numRuns: Math.min(RUNS, 20_000) },
    ));
  it("a tiny nudge that does not cross a cut-off never changes the band", () => {
    const cuts = [55, 60, 65, 70, 75];
    fc.assert(
      fc.property(score, fc.double({ min: -1e-6, max: 1e-6, noNaN: true }), (s, eps) => {
        const t = s + eps;
        if (t < 0 || t > 100) return;
        const crosses = cuts.some((c) => (s < c) !== (t < c));
        if (crosses) return;
        const a = assessAbg(s);
        const b = assessAbg(t);
        expect(a.ok && b.ok && a.value.band === b.value.band).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("typology invariants (CDF Part Two)", () => {
  const pct = fc.double({ min: 0, max: 100, noNaN: true });
  const rate = fc.double({ min: 0, max: 1000, noNaN: true });
  const jobs = fc.double({ min: 0, max: 100000, noNaN: true });
  it("a tiny nudge that does not cross a cut-off never changes the type", () =>
    fc.assert(
      fc.property(pct, pct, rate, jobs, fc.double({ min: -1e-6, max: 1e-6, noNaN: true }), (n, r, a, j, eps) => {
        const nudged = { nvq4: n + eps, rural: r + eps, a8: a + eps, jobs1984: j + eps };
        if ([nudged.nvq4, nudged.rural].some((x) => x < 0 || x > 100) || nudged.a8 < 0 || nudged.jobs1984 < 0) return;
        const crosses = (x: number, y: number, c: number) => (x < c) !== (y < c);
        if (crosses(n, nudged.nvq4, 25) || crosses(r, nudged.rural, 50) || crosses(a, nudged.a8, 7) || crosses(j, nudged.jobs1984, 1000)) return;
        const t1 = classifyFamilyType({ nvq4: n, rural: r, a8: a, jobs1984: j });
        const t2 = classifyFamilyType(nudged);
        expect(t1.ok && t2.ok && t1.value.type === t2.value.type).toBe(true);
      }),
      { numRuns: RUNS },
    ));
  it("every valid input gets a type 1–9, and the jobs figure only matters for types 2/3", () =>
    fc.assert(
      fc.property(pct, pct, rate, jobs, (n, r, a, j) => {
        const withJobs = classifyFamilyType({ nvq4: n, rural: r, a8: a, jobs1984: j });
        const without = classifyFamilyType({ nvq4: n, rural: r, a8: a });
        expect(withJobs.ok).toBe(true);
        if (!withJobs.ok) return;
        if (withJobs.value.type === 2 || withJobs.value.type === 3) expect(!without.ok && without.error.field).toBe("jobs1984");
        else expect(without.ok && without.value.type).toBe(withJobs.value.type);
      }),
      { numRuns: RUNS },
    ));
});
