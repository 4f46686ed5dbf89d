/**
 * Property-based tests (fast-check) of the engine entry points the custom functions do not reach
 * directly, called with hostile values: NaN, ±Infinity, huge and tiny numbers, -0, negatives,
 * null/undefined, text, booleans and objects, mixed with valid values so both paths run.
 *
 * Contract (src/engine/types.ts: "every entry point returns a Result and never throws on bad
 * input"): no throw; a Result is either ok with finite numbers throughout its value (and a readable
 * explanation), or a fail with a code and a message of more than 5 characters. Each property also
 * checks its function's own invariants, and that valid input is accepted often enough (reach).
 * mapHeaders and buildActionPlan return plain values, not Results: never a throw, and their shape.
 *
 * The failing "any magnitude" and "null" properties record bugs found in src/ (see their titles);
 * the ordinary-magnitude properties beside them keep guarding everything else meanwhile.
 *
 * RUNS inputs per property: 10,000 by default (the suite's time budget goes mostly to the 100,000
 * runs per custom function); COHESION_FC_RUNS overrides.
 */
import fc from "fast-check";
import { installCustomFunctionsStub } from "../helpers/customFunctions";
installCustomFunctionsStub(); // ./arbitraries builds Excel error cells
// eslint-disable-next-line import/first
import {
  FIELD_SYNONYMS,
  INDICATORS,
  OUTPUT_HEADERS,
  PLAN_COLUMNS,
  buildActionPlan,
  compareToBenchmark,
  designEffectFromWeights,
  detectIssues,
  dissimilarity,
  dissimilarityVsRest,
  listIssues,
  mapHeaders,
  nearestNeighbours,
  normaliseHeader,
  recommendActions,
  surveyCi,
  typeMix,
  type Field,
  type Recommendation,
} from "../../src/engine";
// eslint-disable-next-line import/first
import { decimal } from "../helpers/arbitraries";

const RUNS = Number(process.env.COHESION_FC_RUNS || 10_000);
/** Share of runs in which valid input must give ok (checked from 500 runs up). */
const OK_FLOOR = 0.2;
jest.setTimeout(600_000);

// Loose signatures: the properties pass values the TypeScript types forbid, as JavaScript callers can.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Loose = any;

function check(cond: boolean, what: string | (() => string)): void {
  if (!cond) throw new Error(typeof what === "string" ? what : what());
}
const show = (v: unknown): string => {
  try {
    return typeof v === "number" ? String(v) : (JSON.stringify(v, (_k, x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x === undefined ? "undefined" : x)) ?? String(v));
  } catch {
    return String(v);
  }
};

/** Every number reachable in a value is finite (depth-limited; frozen shared data is walked too). */
function assertFinite(v: unknown, path = "value", depth = 0): void {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`${path} is ${v}`);
    return;
  }
  if (v === null || typeof v !== "object" || depth > 6) return;
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (typeof x === "number" ? !Number.isFinite(x) : x !== null && typeof x === "object") assertFinite(x, `${path}.${k}`, depth + 1);
  }
}

const ERROR_CODES = new Set(["missing", "invalid", "notFound"]);
/** The Result contract; returns the value when ok, else undefined. */
function assertResult<T>(r: unknown): T | undefined {
  check(r !== null && typeof r === "object" && typeof (r as { ok?: unknown }).ok === "boolean", () => `not a Result: ${show(r)}`);
  const res = r as { ok: boolean; value?: T; error?: { code: string; message: string }; warnings?: { code: string; message: string }[]; explanation?: string };
  if (!res.ok) {
    const e = res.error;
    check(!!e && ERROR_CODES.has(e.code) && typeof e.message === "string" && e.message.length > 5, () => `fail without a code and message: ${show(e)}`);
    return undefined;
  }
  assertFinite(res.value);
  check(typeof res.explanation === "string", "explanation is not text"); // reads a lazy explanation too
  check(Array.isArray(res.warnings) && res.warnings.every((w) => typeof w.message === "string" && w.message.length > 5), () => `warnings ${show(res.warnings)}`);
  return res.value as T;
}

/** Runs a property and checks that ok results were not a rarity: the valid paths were reached. */
function assertProperty<T>(name: string, arb: fc.Arbitrary<T>, predicate: (t: T) => boolean, okFloor = OK_FLOOR): void {
  let runs = 0;
  let oks = 0;
  fc.assert(
    fc.property(arb, (t) => {
      runs++;
      if (predicate(t)) oks++;
    }),
    { numRuns: RUNS },
  );
  if (runs >= 500) expect({ name, okShare: Math.round((oks / runs) * 1000) / 1000, reached: oks / runs >= okFloor }).toEqual({ name, okShare: Math.round((oks / runs) * 1000) / 1000, reached: true });
  if (process.env.COHESION_FC_REPORT) process.stdout.write(`${name.padEnd(28)} runs ${runs}  ok ${((100 * oks) / runs).toFixed(1)}%\n`);
}

// ---- hostile values

/** Numbers that break arithmetic: NaN, ±Infinity, the extremes of doubles, -0, negatives. */
const extreme = fc.constantFrom(NaN, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 0, -0, 1e-300, 1e300, -1, 1e308, Number.EPSILON, 2 ** 53 + 1);
const anyNumber: fc.Arbitrary<number> = fc.oneof(fc.double(), extreme, fc.integer({ min: -1000, max: 1000 }));
/** Anything a JavaScript caller might pass. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyNumber },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, "", " ", "12", "abc", "NaN", "Infinity", true, false, {}, [], [1]) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
/** Hostile values of ordinary magnitude: wrong types, NaN, ±Infinity, negatives; nothing huge or tiny. */
const hostileOrdinary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -1, -0, 0, -1000.5, 2.5) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, "", " ", "12", "abc", "NaN", true, false, {}, [], [1]) },
);
/** `valid`, else `bad` (hostile values) one time in `validWeight + 1`. */
const mostly = <T>(valid: fc.Arbitrary<T>, validWeight = 4, bad = hostile): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: validWeight, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: bad });

describe("engine entry points, on hostile input: a Result (ok with finite numbers, or a fail with a message), never a throw", () => {
  it("surveyCi: 0 ≤ lower ≤ p ≤ upper ≤ 100, half-width ≥ 0", () => {
    const options = fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null) },
      {
        weight: 6,
        arbitrary: fc.record(
          {
            deff: mostly(fc.oneof(fc.constantFrom<unknown>(undefined, null, 1, 1.5), decimal(1, 4)), 8),
            level: mostly(fc.oneof(fc.constantFrom<unknown>(undefined, null, 0.95, 0.9, 0.99), decimal(0, 1, 9)), 8),
            method: mostly(fc.constantFrom<unknown>(undefined, null, "wilson", "normal"), 8),
          },
          { requiredKeys: [] },
        ),
      },
    );
    const p = mostly(fc.oneof(decimal(0, 100), fc.constantFrom(0, 100, 50)));
    const n = mostly(fc.oneof(fc.integer({ min: 1, max: 5000 }), decimal(0.001, 1e6, 3), fc.constantFrom(1e300, Number.MAX_VALUE, Number.MIN_VALUE, 1e-300)));
    assertProperty("surveyCi", fc.tuple(p, n, options), ([pv, nv, o]) => {
      const v = assertResult<{ lower: number; upper: number; halfWidth: number; nEffective: number; z: number }>(surveyCi(pv as Loose, nv as Loose, o as Loose));
      if (!v) return false;
      check(v.lower >= 0 && v.lower <= v.upper && v.upper <= 100, () => `interval ${v.lower}–${v.upper}`);
      check(v.lower <= (pv as number) + 1e-9 && (pv as number) <= v.upper + 1e-9, () => `p ${pv} outside ${v.lower}–${v.upper}`);
      check(v.halfWidth >= 0 && v.nEffective >= 0 && v.z > 0, () => `half-width ${v.halfWidth}, n_eff ${v.nEffective}, z ${v.z}`);
      return true;
    });
  });

  it("designEffectFromWeights: deff ≥ 1, 1 ≤ n_eff ≤ n, deff × n_eff = n", () => {
    const weight = mostly(fc.oneof(decimal(0.01, 10), fc.constantFrom(1, 2, 1e300, 1e-300, Number.MAX_VALUE, Number.MIN_VALUE)), 12);
    const weights = fc.oneof({ weight: 8, arbitrary: fc.array(weight, { minLength: 0, maxLength: 8 }) }, { weight: 1, arbitrary: hostile });
    assertProperty("designEffectFromWeights", weights, (w) => {
      const v = assertResult<{ deff: number; nEffective: number; n: number }>(designEffectFromWeights(w as Loose));
      if (!v) return false;
      const n = (w as unknown[]).length;
      check(v.n === n && v.deff >= 1 && v.nEffective >= 1 - 1e-9 && v.nEffective <= n, () => `deff ${v.deff}, n_eff ${v.nEffective}, n ${v.n} for ${n} weights`);
      check(Math.abs(v.deff * v.nEffective - n) <= 1e-9 * n, () => `deff ${v.deff} × n_eff ${v.nEffective} ≠ n ${n}`);
      return true;
    });
  });

  const pct = mostly(fc.oneof(decimal(0, 100), fc.integer({ min: 0, max: 100 }), decimal(0, 1, 8)), 6);
  const rate = mostly(fc.oneof(decimal(0, 40), fc.integer({ min: 0, max: 30 })), 6);
  const jobs = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constantFrom<unknown>(null, 1000), hostile);
  const population = mostly(fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(1e308, Number.MAX_VALUE, 1e-300)), 6);
  const typeMixArgs = fc.integer({ min: 0, max: 6 }).chain((n) => {
    const col = <T>(c: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: fc.array(c, { minLength: n, maxLength: n }) }, { weight: 1, arbitrary: fc.array(c, { maxLength: 6 }) });
    return fc.tuple(
      col(pct),
      col(pct),
      col(rate),
      fc.oneof(col(jobs), fc.constant(null)),
      col(population),
      fc.oneof(fc.constantFrom<unknown>(undefined, {}, { scale: "percent" }, { scale: "fraction" }, { scale: "auto" }), fc.record({ scale: hostile, boundaryMode: hostile }, { requiredKeys: [] })),
    );
  });
  /** The mix's invariants: nine types 1–9, shares within 0–100 adding up to 100, excluded rows named once. */
  function checkMix(
    v: { rows: { type: number; sharePct: number; population: number; subAreas: number }[]; classifiedPopulation: number; excluded: { index: number; reason: string }[] },
    n: number,
  ): void {
    check(v.rows.length === 9 && v.rows.every((r, k) => r.type === k + 1 && r.sharePct >= 0 && r.sharePct <= 100 && r.population >= 0), () => `rows ${show(v.rows)}`);
    const sum = v.rows.reduce((s, r) => s + r.sharePct, 0);
    check(Math.abs(sum - 100) <= 1e-6, () => `shares add up to ${sum}`);
    check(v.classifiedPopulation > 0, () => `classified population ${v.classifiedPopulation}`);
    const idx = v.excluded.map((e) => e.index);
    check(new Set(idx).size === idx.length && idx.every((i) => Number.isInteger(i) && i >= 0 && i < n) && v.excluded.every((e) => e.reason.length > 5), () => `excluded ${show(v.excluded)}`);
    check(v.rows.reduce((s, r) => s + r.subAreas, 0) + idx.length === n, () => `${idx.length} excluded + classified ≠ ${n} sub-areas`);
  }
  it("typeMix: nine shares within 0–100 adding to 100; every sub-area classified or left out with a reason", () => {
    assertProperty("typeMix", typeMixArgs, ([a, b, c, d, e, o]) => {
      const v = assertResult<Parameters<typeof checkMix>[0]>(typeMix(a, b, c, d, e, o as Loose));
      if (!v) return false;
      checkMix(v, a.length);
      return true;
    });
  });

  const INDICATOR_IDS = INDICATORS.map((d) => d.id);
  const indicatorValue = mostly(fc.oneof(decimal(0, 100), fc.integer({ min: 0, max: 100 }), fc.constantFrom(0, 100, 59, 82)), 16);
  const indicatorKey = fc.oneof({ weight: 12, arbitrary: fc.constantFrom<string>(...INDICATOR_IDS) }, { weight: 1, arbitrary: fc.constantFrom("ni_99", "", "NI2_BELONGING", "__proto__x") });
  const indicators = fc.oneof({ weight: 10, arbitrary: fc.dictionary(indicatorKey, indicatorValue, { maxKeys: 6 }) }, { weight: 1, arbitrary: hostile });
  const benchmarkChoice = fc.constantFrom<string>(...INDICATORS.flatMap((d) => d.nationalBenchmarks.map((b) => b.id)), "CS_1999_nothing");
  /** A comparator within its declared type: optional fields absent or of their type, values hostile. */
  const comparator = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record(
        { kind: fc.constant("national"), benchmarks: fc.option(fc.dictionary(fc.constantFrom<string>(...INDICATOR_IDS), benchmarkChoice, { maxKeys: 3 }), { nil: undefined }) },
        { requiredKeys: ["kind"] },
      ),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("familyType"), familyType: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constant<unknown>("total"), hostile) }, { requiredKeys: ["kind"] }) },
    {
      weight: 3,
      arbitrary: fc.record(
        {
          kind: fc.constantFrom("median", "custom"),
          values: fc.option(fc.dictionary(indicatorKey, indicatorValue, { maxKeys: 6 }), { nil: undefined }),
          label: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
        },
        { requiredKeys: ["kind"] },
      ),
    },
    { weight: 1, arbitrary: fc.oneof(hostile, fc.record({ kind: hostile })) },
  );
  function checkDetection(v: { suggestions: { issue: string; indicator: string; confirmed: boolean; reason: string }[]; comparisons: { indicator: string; worse: boolean }[] }): void {
    const worse = new Set(v.comparisons.filter((c) => c.worse).map((c) => c.indicator));
    let last = 0;
    for (const s of v.suggestions) {
      const n = Number(s.issue.slice(1));
      check(/^I\d\d$/.test(s.issue) && n >= 1 && n <= 23 && n >= last, () => `suggestion ${show(s)} (after I${last})`);
      check(s.confirmed === false && worse.has(s.indicator) && s.reason.length > 5, () => `suggestion ${show(s)}: confirmed, or its indicator is not worse`);
      last = n;
    }
  }
  it("detectIssues: suggestions I01–I23 in order, never confirmed, each from a worse-than-comparator indicator", () => {
    assertProperty("detectIssues", fc.tuple(indicators, comparator), ([i, c]) => {
      const v = assertResult<Parameters<typeof checkDetection>[0]>(detectIssues(i as Loose, c as Loose));
      if (!v) return false;
      checkDetection(v);
      return true;
    });
  });

  // Recommendations to plan from: computed once (recommendActions is not the function under test here).
  const ISSUE_CODES = listIssues().map((i) => i.code);
  const recs: Recommendation[] = fc
    .sample(fc.tuple(fc.subarray(ISSUE_CODES, { minLength: 1, maxLength: 5 }), fc.constantFrom(undefined, "a", "c", "e"), fc.constantFrom("cdf2009", "all") as fc.Arbitrary<"cdf2009" | "all">), {
      numRuns: 40,
      seed: 7,
    })
    .map(([codes, group, source]) => {
      const r = recommendActions(codes, { group: group as "a" | undefined, source });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
  it("buildActionPlan: one row of nine text cells per kept action, then U1–U5; never a throw", () => {
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", " ", "Ashbury", "2026-11-22", "=1+1", "\u0000"));
    const planArgs = fc.constantFrom(...recs).chain((rec) => {
      const codes = [...rec.actions.map((a) => a.code), ...rec.universal.map((u) => u.code)];
      return fc.tuple(
        fc.constant(rec),
        fc.record(
          {
            area: fc.oneof(text, hostile),
            inputs: fc.array(fc.record({ label: text, value: text }), { maxLength: 4 }),
            date: text,
            chosen: fc.option(fc.array(fc.oneof(fc.constantFrom(...codes), fc.constantFrom("A99", "", "U9")), { maxLength: 6 }), { nil: undefined }),
            includeUniversal: fc.option(fc.boolean(), { nil: undefined }),
          },
          { requiredKeys: ["area", "inputs", "date"] },
        ),
      );
    });
    assertProperty(
      "buildActionPlan",
      planArgs,
      ([rec, input]) => {
        const plan = buildActionPlan(rec, input as Loose);
        check(plan.columns.length === 9 && plan.columns.every((c, k) => c === PLAN_COLUMNS[k]), "plan columns");
        const keep = input.chosen ? new Set(input.chosen) : null;
        const kept = rec.actions.filter((a) => !keep || keep.has(a.code)).length + (input.includeUniversal === false ? 0 : rec.universal.filter((u) => !keep || keep.has(u.code)).length);
        check(plan.rows.length === kept, () => `${plan.rows.length} plan rows, ${kept} actions kept`);
        check(
          plan.rows.every((r) => r.length === 9 && r.every((x) => typeof x === "string") && r[0].length > 0),
          () => `rows ${show(plan.rows)}`,
        );
        check(plan.header.length >= 5 && String(plan.header[0][0]).startsWith("Cohesion action plan: "), () => `header ${show(plan.header)}`);
        return true;
      },
      0.99,
    );
  });

  it("mapHeaders: each field to the first column whose header is one of its synonyms; output columns never", () => {
    const SYN = new Map<string, Field>();
    for (const [f, list] of Object.entries(FIELD_SYNONYMS) as [Field, readonly string[]][]) for (const s of list) SYN.set(normaliseHeader(s), f);
    const OUT = new Set(OUTPUT_HEADERS.map(normaliseHeader));
    const noisy = fc
      .tuple(fc.constantFrom(...Object.values(FIELD_SYNONYMS).flat(), ...OUTPUT_HEADERS), fc.constantFrom("", " ", "%", "_", "-", "(", " *"))
      .map(([s, extra]) => `${extra}${s.toUpperCase()}${extra}`);
    const header = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom<unknown>(...Object.values(FIELD_SYNONYMS).flat(), ...OUTPUT_HEADERS) },
      { weight: 3, arbitrary: noisy },
      { weight: 2, arbitrary: hostile },
    );
    assertProperty("mapHeaders", fc.array(header, { maxLength: 10 }), (headers) => {
      const m = mapHeaders(headers);
      const want = new Map<Field, number>();
      headers.forEach((h, i) => {
        const n = normaliseHeader(h);
        const f = SYN.get(n);
        if (n && !OUT.has(n) && f !== undefined && !want.has(f)) want.set(f, i);
      });
      const got = Object.entries(m) as [Field, number][];
      check(got.length === want.size && got.every(([f, i]) => want.get(f) === i), () => `mapping ${show(m)}, expected ${show(Object.fromEntries(want))} for ${show(headers)}`);
      return got.length > 0;
    });
  });

  it("compareToBenchmark: better/similar/worse by the Fingertips rule", () => {
    const consistent = fc.tuple(decimal(0, 100), decimal(0, 10), decimal(0, 10), decimal(0, 100)).map(([v, dl, du, b]) => [v, v - dl, v + du, b] as unknown[]);
    const args = fc.tuple(
      fc.oneof(
        { weight: 4, arbitrary: consistent },
        { weight: 1, arbitrary: fc.tuple(hostile, hostile, hostile, hostile) },
        { weight: 1, arbitrary: fc.tuple(anyNumber, anyNumber, anyNumber, anyNumber) },
      ),
      fc.oneof(fc.constantFrom<unknown>(undefined, "higher", "lower"), hostile),
    );
    assertProperty("compareToBenchmark", args, ([[v, lo, hi, b], pol]) => {
      const r = assertResult<string>(compareToBenchmark(v as Loose, lo as Loose, hi as Loose, b as Loose, pol as Loose));
      if (r === undefined) return false;
      const [vn, lon, hin, bn] = [v, lo, hi, b] as number[];
      const want = bn >= lon && bn <= hin ? "similar" : lon > bn === (pol !== "lower") ? "better" : "worse";
      check(lon <= vn && vn <= hin && r === want, () => `${vn} in [${lon}, ${hin}] vs ${bn} (${String(pol)}): ${r}, expected ${want}`);
      return true;
    });
  });

  const NAMES = ["Ashbury", "Bramley", "Carlton", "Dunmore", "Eastfield", "Fairholme", "Glenbrook", "Hartley"];
  /** Names, a table, an area and options; `value` draws the indicator cells and weights. */
  const neighbourArgs = (value: fc.Arbitrary<unknown>, weight: fc.Arbitrary<unknown>) =>
    fc.record({ n: fc.integer({ min: 1, max: 8 }), m: fc.integer({ min: 1, max: 3 }) }).chain(({ n, m }) =>
      fc.tuple(
        fc.oneof(
          { weight: 10, arbitrary: fc.shuffledSubarray(NAMES, { minLength: n, maxLength: n }) as fc.Arbitrary<unknown[]> },
          { weight: 1, arbitrary: fc.array(hostile, { minLength: n, maxLength: n }) },
        ),
        fc.array(fc.oneof({ weight: 12, arbitrary: fc.array(value, { minLength: m, maxLength: m }) }, { weight: 1, arbitrary: fc.array(value, { maxLength: 3 }) }), { minLength: n, maxLength: n }),
        fc.oneof({ weight: 8, arbitrary: fc.nat(n - 1) }, { weight: 1, arbitrary: hostile }),
        fc.oneof(
          fc.constantFrom<unknown>(undefined, null, {}),
          fc.record(
            {
              k: fc.oneof(fc.integer({ min: 1, max: 10 }), hostile),
              method: fc.constantFrom<unknown>(undefined, "zscore", "minmax", "ZSCORE"),
              weights: fc.oneof(fc.constant(undefined), fc.array(weight, { minLength: m, maxLength: m }), hostile),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
    );
  /** Neighbours: other areas of names, unique, finite distances ≥ 0 (≤ 1 for z-scores), nearest first. */
  function checkNeighbours(names: unknown[], area: unknown, opts: unknown, got: { name: string; distance: number }[]): void {
    const method = (opts as { method?: unknown } | null)?.method ?? "zscore";
    const seen = new Set<string>();
    got.forEach((x, i) => {
      check(names.includes(x.name) && x.name !== area && !seen.has(x.name), () => `neighbour ${show(x)} of ${show(area)}`);
      seen.add(x.name);
      check(Number.isFinite(x.distance) && x.distance >= 0 && (method !== "zscore" || x.distance <= 1), () => `distance ${x.distance} (${String(method)})`);
      if (i > 0) check(x.distance >= got[i - 1].distance - 1e-9 * Math.max(1, x.distance), () => `not nearest first: ${got[i - 1].distance} then ${x.distance}`);
    });
  }
  const run = ([names, table, area, opts]: [unknown[], unknown[][], unknown, unknown]) => {
    const a = typeof area === "number" ? names[area] : area;
    const v = assertResult<{ name: string; distance: number }[]>(nearestNeighbours(names as Loose, table as Loose, a as Loose, opts as Loose));
    if (!v) return false;
    checkNeighbours(names, a, opts, v);
    return true;
  };
  it("nearestNeighbours, ordinary magnitudes (|x| ≤ 1e6) with NaN, ±Infinity, blanks and text: finite distances, nearest first", () => {
    const ordinary = fc.oneof(
      { weight: 8, arbitrary: decimal(-1e6, 1e6, 3) },
      { weight: 2, arbitrary: fc.integer({ min: -5, max: 50 }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -Infinity, "3", true, 1e-300, -0) },
    );
    assertProperty("nearestNeighbours", neighbourArgs(ordinary, fc.oneof(decimal(0, 5), fc.constantFrom<unknown>(0, -1, NaN, null, "1"))), run);
  });
  it("nearestNeighbours, any magnitude (up to ±1.8e308, weights up to 1e300): distances stay finite", () => {
    const huge = fc.oneof(
      { weight: 4, arbitrary: decimal(-100, 100) },
      { weight: 3, arbitrary: fc.constantFrom<unknown>(1e308, -1e308, Number.MAX_VALUE, 1e300, -1e300, 1e154, 5e-324, null) },
      { weight: 1, arbitrary: anyNumber },
    );
    assertProperty("nearestNeighbours (extremes)", neighbourArgs(huge, fc.oneof(decimal(0, 5), fc.constantFrom<unknown>(1e300, 1e154, Number.MAX_VALUE, 5e-324))), run);
  });

  /** D by the definition, overflow-safe: each group rescaled by its largest count before summing. */
  function definitionD(a: number[], b: number[]): number {
    const ma = Math.max(...a);
    const mb = Math.max(...b);
    const A = a.reduce((s, x) => s + x / ma, 0);
    const B = b.reduce((s, x) => s + x / mb, 0);
    return a.reduce((s, x, i) => s + Math.abs(x / ma / A - b[i] / mb / B), 0) / 2;
  }
  const count = mostly(fc.oneof(fc.integer({ min: 0, max: 1000 }), decimal(0, 1e6, 2)), 8, hostileOrdinary);
  const bigCount = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(1e308, Number.MAX_VALUE, 1e300, 5e-324, 1e-300, 0));
  const pairs = <T>(c: fc.Arbitrary<T>) =>
    fc
      .integer({ min: 1, max: 6 })
      .chain((n) =>
        fc.tuple(
          fc.array(c, { minLength: n, maxLength: n }),
          fc.oneof({ weight: 10, arbitrary: fc.array(c, { minLength: n, maxLength: n }) }, { weight: 1, arbitrary: fc.array(c, { maxLength: 6 }) }),
        ),
      );
  const checkD = (d: number | undefined, want: () => number) => {
    if (d === undefined) return false;
    check(d >= 0 && d <= 1, () => `D = ${d}`);
    const w = want();
    check(Math.abs(d - w) <= 1e-9, () => `D = ${d}, by the definition ${w}`);
    return true;
  };
  it("dissimilarity: D within 0–1, as the definition gives (counts of ordinary size, with hostile values)", () => {
    assertProperty("dissimilarity", fc.oneof({ weight: 8, arbitrary: pairs(count) }, { weight: 1, arbitrary: fc.tuple(hostile, hostile) }), ([a, b]) =>
      checkD(assertResult<number>(dissimilarity(a as Loose, b as Loose)), () => definitionD(a as number[], b as number[])),
    );
  });
  it("dissimilarityVsRest: D within 0–1, equal to the two-group D of the group and the rest", () => {
    const nested = pairs(fc.integer({ min: 0, max: 1000 })).map(([g, d]) => [g, g.map((x, i) => x + ((d[i] as number) ?? 0))] as unknown[][]);
    assertProperty("dissimilarityVsRest", fc.oneof({ weight: 4, arbitrary: nested }, { weight: 2, arbitrary: pairs(count) }, { weight: 1, arbitrary: fc.tuple(hostile, hostile) }), ([g, t]) =>
      checkD(assertResult<number>(dissimilarityVsRest(g as Loose, t as Loose)), () =>
        definitionD(
          g as number[],
          (t as number[]).map((x, i) => x - (g as number[])[i]),
        ),
      ),
    );
  });
  it("dissimilarity and dissimilarityVsRest, any magnitude (up to 1.8e308 and down to 5e-324): finite, and the definition's value", () => {
    assertProperty("dissimilarity (extremes)", pairs(bigCount), ([a, b]) => {
      const two = checkD(assertResult<number>(dissimilarity(a as Loose, b as Loose)), () => definitionD(a as number[], b as number[]));
      const g = a as number[];
      const t = g.map((x, i) => x + ((b as number[])[i] ?? 0));
      const rest = t.map((x, i) => x - g[i]);
      const exact = t.every((x, i) => Number.isFinite(x) && rest[i] === (b as number[])[i]); // the rest is b exactly: the definition applies
      const vs = assertResult<number>(dissimilarityVsRest(g, t));
      if (vs !== undefined) check(vs >= 0 && vs <= 1, () => `vs-rest D = ${vs}`);
      if (vs !== undefined && exact) checkD(vs, () => definitionD(g, rest));
      return two;
    });
  });

  describe("on null where an option or optional field may be absent", () => {
    // JavaScript callers (and JSON) pass null for "not given"; surveyCi and nearestNeighbours accept
    // null options (options ?? {}), detectIssues accepts null values for the median comparator.
    it("typeMix with options null", () => {
      assertProperty("typeMix (options null)", typeMixArgs, ([a, b, c, d, e]) => {
        const m = assertResult<Parameters<typeof checkMix>[0]>(typeMix(a, b, c, d, e, null as Loose));
        if (m) checkMix(m, a.length);
        return m !== undefined;
      });
    });
    it("detectIssues with a comparator's benchmarks, values, familyType or label null", () => {
      const args = fc.tuple(indicators, fc.constantFrom("national", "median", "custom", "familyType"), fc.constantFrom("benchmarks", "values", "familyType", "label"));
      assertProperty("detectIssues (null fields)", args, ([i, kind, field]) => {
        const r = assertResult<Parameters<typeof checkDetection>[0]>(detectIssues(i as Loose, { kind, [field]: null } as Loose));
        if (r) checkDetection(r);
        return r !== undefined;
      }, 0.1); // most null fields leave a comparator without what it needs: a clear fail, correctly
    });
  });
});
