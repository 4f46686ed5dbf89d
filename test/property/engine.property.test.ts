/**
 * Property-based invariants of the engine entry points and the ABG/typology rules (fast-check),
 * RUNS inputs per property (100,000 by default; COHESION_FC_RUNS overrides). Plain checks in the
 * hot loops: fast-check reports the failing input.
 */
import fc from "fast-check";
import { installCustomFunctionsStub } from "../helpers/customFunctions";
installCustomFunctionsStub();
// eslint-disable-next-line import/first
import * as F from "../../src/functions/functions";
// eslint-disable-next-line import/first
import { ABG_BANDS, abgColumn, assessAbg, classifyFamilyType, evaluateColumns, typologyColumn } from "../../src/engine";
// eslint-disable-next-line import/first
import { cell } from "./arbitraries";

const RUNS = Number(process.env.COHESION_FC_RUNS || 100_000);
jest.setTimeout(600_000);

function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

describe("engine entry points, on any input: Results, never exceptions", () => {
  const col = fc.array(cell, { minLength: 1, maxLength: 8 });
  it("typologyColumn and abgColumn", () =>
    fc.assert(
      fc.property(col, col, col, col, col, (a, b, c, d, e) => {
        const n = a.length;
        const fit = (x: unknown[]) => Array.from({ length: n }, (_, i) => x[i % x.length]);
        for (const r of typologyColumn(a, fit(b), fit(c), fit(d), fit(e))) {
          if (r.ok) check(r.value.type >= 1 && r.value.type <= 9, `type ${r.value.type}`);
          else check(r.error.message.length > 5, "error without a message");
        }
        for (const r of abgColumn(a, fit(b))) {
          if (r.ok) check(Number.isFinite(r.value.amountGbp), "amount not finite");
          else check(r.error.message.length > 5, "error without a message");
        }
      }),
      { numRuns: RUNS },
    ));
  it("evaluateColumns", () =>
    fc.assert(
      fc.property(col, col, col, col, (a, b, c, d) => {
        const n = a.length;
        const out = evaluateColumns({ score: a, ci: b, nvq4: c, rural: d, a8: a, jobs1984: b, singleissue: c }, n);
        check(out.length === n, "row count");
        for (const r of out) check(r.familyType !== null || r.abgBand !== null || r.notes.length > 0, "a row with neither result nor note");
      }),
      { numRuns: RUNS },
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
        check(rl.ok && rh.ok, "valid scores refused");
        if (rl.ok && rh.ok) check(rh.value.amountGbp <= rl.value.amountGbp, `${hi} gets more than ${lo}`);
      }),
      { numRuns: RUNS },
    ));
  it("band and amount always agree, for every basis and CI; the range contains the band", () =>
    fc.assert(
      fc.property(score, fc.double({ min: 0, max: 30, noNaN: true }), fc.constantFrom("point", "lower", "upper") as fc.Arbitrary<"point" | "lower" | "upper">, (s, ci, basis) => {
        const r = assessAbg(s, { ci, basis });
        check(r.ok, "valid input refused");
        if (!r.ok) return;
        const v = r.value;
        check(v.amountGbp === amountOf(v.band), "band and amount disagree");
        check(v.amountMinGbp <= v.amountGbp && v.amountMaxGbp >= v.amountGbp, "amount outside its range");
        check(v.uncertain === (v.bandAtLower !== v.bandAtUpper), "uncertain flag wrong");
      }),
      { numRuns: RUNS },
    ));
  it("the custom function agrees with the engine, cell by cell", () =>
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 20 }), (scores) => {
        const bands = F.abgBandFn(scores.map((x) => [x]), undefined, "percent");
        const amounts = F.abgAllocationFn(scores.map((x) => [x]), undefined, "percent");
        scores.forEach((x, i) => {
          check(amounts[i][0] === amountOf(bands[i][0]), "function band and amount disagree");
          const r = assessAbg(x);
          check(r.ok && r.value.band === bands[i][0], "function and engine disagree");
        });
      }),
      { numRuns: RUNS },
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
        check(a.ok && b.ok && a.value.band === b.value.band, `${s} and ${t} differ`);
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
        check(t1.ok && t2.ok && t1.value.type === t2.value.type, "a nudge changed the type");
      }),
      { numRuns: RUNS },
    ));
  it("every valid input gets a type 1–9, and the jobs figure only matters for types 2/3", () =>
    fc.assert(
      fc.property(pct, pct, rate, jobs, (n, r, a, j) => {
        const withJobs = classifyFamilyType({ nvq4: n, rural: r, a8: a, jobs1984: j });
        const without = classifyFamilyType({ nvq4: n, rural: r, a8: a });
        check(withJobs.ok, "valid input refused");
        if (!withJobs.ok) return;
        if (withJobs.value.type === 2 || withJobs.value.type === 3) check(!without.ok && without.error.field === "jobs1984", "types 2/3 without jobs must fail naming jobs1984");
        else check(without.ok && without.value.type === withJobs.value.type, "jobs changed a type other than 2/3");
      }),
      { numRuns: RUNS },
    ));
});
