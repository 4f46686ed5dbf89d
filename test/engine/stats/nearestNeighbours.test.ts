import { nearestNeighbours, prepareNeighbours, type NearestNeighboursOptions, type Neighbour } from "../../../src/engine/stats";
import { err, val, warningCodes } from "../../helpers/results";

// Hand-worked table. Column 1: 1, 2, 3, 6 (mean 3, population SD √3.5).
// Column 2: 10, 20, —, 30 (mean 20, population SD √(200/3)); C's missing value is imputed (z = 0).
// z-scores: A (−2/√3.5, −√1.5), B (−1/√3.5, 0), C (0, 0), D (3/√3.5, √1.5).
const NAMES = ["A", "B", "C", "D"];
const TABLE: (number | null)[][] = [
  [1, 10],
  [2, 20],
  [3, null],
  [6, 30],
];

const byName = (xs: Neighbour[]) => Object.fromEntries(xs.map((x) => [x.name, x.distance]));

describe("nearestNeighbours, z-score (CIPFA / CCG)", () => {
  it("from A: squared distances 25/14, 37/14, 184/14, rebased so the farthest (D) is 1", () => {
    const r = nearestNeighbours(NAMES, TABLE, "A");
    const out = val(r);
    expect(out.map((x) => x.name)).toEqual(["B", "C", "D"]);
    expect(out[0].distance).toBeCloseTo(Math.sqrt(25 / 184), 14); // 0.368605
    expect(out[1].distance).toBeCloseTo(Math.sqrt(37 / 184), 14); // 0.448428
    expect(out[2].distance).toBe(1);
    expect(warningCodes(r)).toEqual(["imputed", "fewerThanK"]);
  });

  it('"farthest" is per target area: from C (itself imputed on column 2) the farthest is D', () => {
    // C = (0, 0): A² = 4/3.5 + 1.5 = 37/14, B² = 1/3.5 = 4/14, D² = 9/3.5 + 1.5 = 57/14
    const r = nearestNeighbours(NAMES, TABLE, "C");
    const d = byName(val(r));
    expect(d.B).toBeCloseTo(Math.sqrt(4 / 57), 14);
    expect(d.A).toBeCloseTo(Math.sqrt(37 / 57), 14);
    expect(d.D).toBe(1);
    expect(warningCodes(r)).toContain("targetImputed");
  });

  it("weights multiply the z-scores: weights [2, 1] from A give squared distances 37/14, 85/14, 484/14 → rebased √(37/484), √(85/484), 1", () => {
    const out = val(nearestNeighbours(NAMES, TABLE, "A", { weights: [2, 1] }));
    expect(out.map((x) => x.name)).toEqual(["B", "C", "D"]);
    expect(out[0].distance).toBeCloseTo(Math.sqrt(37 / 484), 14);
    expect(out[1].distance).toBeCloseTo(Math.sqrt(85 / 484), 14);
  });

  it("a weight of 0 drops an indicator", () => {
    const one = val(nearestNeighbours(NAMES, TABLE.map((r) => [r[0]]), "A"));
    const zeroed = val(nearestNeighbours(NAMES, TABLE, "A", { weights: [1, 0] }));
    expect(zeroed).toEqual(one);
  });

  it("a column with no spread, or with no values, contributes nothing (with a warning)", () => {
    const base = val(nearestNeighbours(NAMES, TABLE, "A"));
    const withFlat = nearestNeighbours(NAMES, TABLE.map((r) => [...r, 0.1]), "A");
    expect(val(withFlat)).toEqual(base);
    expect(warningCodes(withFlat)).toContain("noSpread");
    const withEmpty = nearestNeighbours(NAMES, TABLE.map((r) => [null, ...r]), "A");
    expect(val(withEmpty)).toEqual(base);
    expect(warningCodes(withEmpty)).toContain("emptyIndicator");
  });

  it("a column of 0.1 + 0.2 style near-duplicates still counts as no spread only when the values are equal", () => {
    // Exactly equal values (whose floating-point mean is not exactly the value) give no spurious z.
    const out = val(nearestNeighbours(["P", "Q", "R"], [[0.1, 1], [0.1, 2], [0.1, 4]], "P"));
    expect(out.map((x) => x.name)).toEqual(["Q", "R"]);
    expect(out[0].distance).toBeCloseTo(1 / 3, 14);
  });

  it("default k is 15, nearest first, the target excluded", () => {
    const names = Array.from({ length: 30 }, (_, i) => `LA${String(i).padStart(2, "0")}`);
    const rows = names.map((_, i) => [i * i]);
    const out = val(nearestNeighbours(names, rows, "LA00"));
    expect(out).toHaveLength(15);
    expect(out.map((x) => x.name)).toEqual(names.slice(1, 16));
    expect(out.some((x) => x.name === "LA00")).toBe(false);
    expect(out[0].distance).toBeCloseTo(1 / (29 * 29), 14);
  });

  it("k larger than the other areas returns them all with a warning", () => {
    const r = nearestNeighbours(NAMES, TABLE, "B", { k: 10 });
    expect(val(r)).toHaveLength(3);
    expect(r.ok && r.warnings.find((w) => w.code === "fewerThanK")?.message).toBe(
      "Asked for 10 neighbours but only 3 other areas exist; all are returned.",
    );
  });

  it("ties are ordered by name in code-unit order, not by locale (\"Alpha\" < \"alpha\" < \"beta\")", () => {
    const out = val(nearestNeighbours(["t", "beta", "alpha", "Alpha", "far"], [[0], [1], [-1], [1], [10]], "t"));
    expect(out.map((x) => x.name)).toEqual(["Alpha", "alpha", "beta", "far"]);
    // −1 and +1 are equally far from 0, though their floating-point distances differ in the last bits
    expect(out[0].distance).toBeCloseTo(out[1].distance, 14);
    expect(out[0].distance).toBeCloseTo(out[2].distance, 14);
  });

  it("distances that differ by more than the tie grid are not ties", () => {
    const out = val(nearestNeighbours(["t", "a", "b", "far"], [[0], [1 + 1e-9], [1], [10]], "t", { method: "minmax" }));
    expect(out.map((x) => x.name)).toEqual(["b", "a", "far"]);
  });

  it("one other area: distance 1; all areas identical: distance 0 with a warning", () => {
    expect(val(nearestNeighbours(["X", "Y"], [[1], [5]], "X"))).toEqual([{ name: "Y", distance: 1 }]);
    const same = nearestNeighbours(["X", "Y", "Z"], [[1, 2], [1, 2], [1, 2]], "X");
    expect(val(same)).toEqual([
      { name: "Y", distance: 0 },
      { name: "Z", distance: 0 },
    ]);
    expect(warningCodes(same)).toContain("allEqual");
  });

  it("a single area has no neighbours", () => {
    const r = nearestNeighbours(["X"], [[1]], "X");
    expect(val(r)).toEqual([]);
    expect(warningCodes(r)).toContain("fewerThanK");
  });

  it("does not mutate its inputs", () => {
    const names = [...NAMES];
    const table = TABLE.map((r) => [...r]);
    nearestNeighbours(names, table, "A", { weights: [2, 1] });
    expect(names).toEqual(NAMES);
    expect(table).toEqual(TABLE);
  });
});

describe("nearestNeighbours, min-max to [0, weight] (NHS England)", () => {
  // Column 1 scaled: A 0, B 0.2, C 0.4, D 1. Column 2: A 0, B 0.5, C (missing) → scaled mean 0.5, D 1.
  it("from A: √0.29, √0.41, √2, not rebased", () => {
    const out = val(nearestNeighbours(NAMES, TABLE, "A", { method: "minmax" }));
    expect(out.map((x) => x.name)).toEqual(["B", "C", "D"]);
    expect(out[0].distance).toBeCloseTo(Math.sqrt(0.29), 14);
    expect(out[1].distance).toBeCloseTo(Math.sqrt(0.41), 14);
    expect(out[2].distance).toBeCloseTo(Math.SQRT2, 14);
  });

  it("weights [2, 1] scale column 1 to [0, 2]: √0.41, √0.89, √5", () => {
    const d = byName(val(nearestNeighbours(NAMES, TABLE, "A", { method: "minmax", weights: [2, 1] })));
    expect(d.B).toBeCloseTo(Math.sqrt(0.41), 14);
    expect(d.C).toBeCloseTo(Math.sqrt(0.89), 14);
    expect(d.D).toBeCloseTo(Math.sqrt(5), 14);
  });

  it("the TSDoc example: a tie between B and C at √1.25 goes to B", () => {
    const out = val(nearestNeighbours(["A", "B", "C"], [[0, 0], [1, 10], [2, 5]], "A", { method: "minmax", k: 1 }));
    expect(out).toEqual([{ name: "B", distance: Math.sqrt(1.25) }]);
  });
});

/** Straightforward reference implementation, for cross-checking on random tables. */
function reference(names: string[], rows: (number | null)[][], area: string, method: "zscore" | "minmax", w: number[]): Neighbour[] {
  const m = rows[0].length;
  const coords = rows.map((r) => r.map(() => 0));
  for (let j = 0; j < m; j++) {
    const xs = rows.map((r) => r[j]).filter((x): x is number => x !== null);
    if (xs.length === 0) continue;
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const min = Math.min(...xs);
    const max = Math.max(...xs);
    if (min === max) continue;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    rows.forEach((r, i) => {
      const x = r[j] ?? mean;
      coords[i][j] = method === "zscore" ? (w[j] * (x - mean)) / sd : (w[j] * (x - min)) / (max - min);
    });
  }
  const t = names.indexOf(area);
  let out = names
    .map((name, i) => ({ name, distance: Math.hypot(...coords[i].map((c, j) => c - coords[t][j])) }))
    .filter((x) => x.name !== area);
  if (method === "zscore") {
    const max = Math.max(...out.map((x) => x.distance));
    out = out.map((x) => ({ name: x.name, distance: x.distance / max }));
  }
  return out.sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1));
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomTable(n: number, m: number, seed: number, missingShare: number) {
  const rnd = lcg(seed);
  const names = Array.from({ length: n }, (_, i) => `Area ${i}`);
  const rows = names.map(() => Array.from({ length: m }, () => (rnd() < missingShare ? null : Math.round(rnd() * 1000) / 10)));
  return { names, rows, rnd };
}

describe("nearestNeighbours agrees with a straightforward implementation", () => {
  it.each([
    ["zscore", 1],
    ["zscore", 2],
    ["minmax", 3],
    ["minmax", 4],
  ] as ["zscore" | "minmax", number][])("%s, random table seed %d", (method, seed) => {
    const { names, rows, rnd } = randomTable(60, 5, seed, 0.1);
    const weights = [1, 0.5, 2, 1, 0];
    const area = names[Math.floor(rnd() * names.length)];
    const got = val(nearestNeighbours(names, rows, area, { method, weights, k: 59 }));
    const want = reference(names, rows, area, method, weights);
    expect(got.map((x) => x.name)).toEqual(want.map((x) => x.name));
    got.forEach((g, i) => expect(g.distance).toBeCloseTo(want[i].distance, 12));
  });
});

describe("prepareNeighbours: one model, many queries", () => {
  it("gives the same answers as nearestNeighbours", () => {
    const model = val(prepareNeighbours(NAMES, TABLE));
    for (const a of NAMES) expect(model.query(a, 2)).toEqual(nearestNeighbours(NAMES, TABLE, a, { k: 2 }));
    expect(model.indicators).toBe(2);
    expect(model.method).toBe("zscore");
  });
  it("validates the query", () => {
    const model = val(prepareNeighbours(NAMES, TABLE));
    err(model.query("Z"), "notFound");
    err(model.query("A", 0), "invalid");
  });
});

describe("performance", () => {
  it("10,000 areas × 10 indicators in well under a second", () => {
    const { names, rows } = randomTable(10_000, 10, 42, 0.02);
    for (const method of ["zscore", "minmax"] as const) {
      // Best of three runs, so one pause on a busy CI machine does not fail the test.
      let ms = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const out = val(nearestNeighbours(names, rows, "Area 5000", { method }));
        ms = Math.min(ms, performance.now() - t0);
        expect(out).toHaveLength(15);
      }
      expect(ms).toBeLessThan(500);
    }
  });
});

describe("nearestNeighbours bad input", () => {
  it("duplicate names", () => {
    const e = err(nearestNeighbours(["A", "B", "A"], [[1], [2], [3]], "B"), "invalid");
    expect(e.message).toBe('Area name "A" appears twice (areas 1 and 3); names must be unique.');
  });
  it("area not found", () => {
    const e = err(nearestNeighbours(NAMES, TABLE, "E"), "notFound");
    expect(e.field).toBe("area");
    expect(e.message).toBe('Area "E" is not among the 4 area names.');
  });
  it("names match exactly, with a hint when only case or spaces differ", () => {
    expect(err(nearestNeighbours(["Leeds", "York"], [[1], [2]], "leeds "), "notFound").message).toMatch(/did you mean "Leeds"\?/);
  });
  it("a column whose range overflows is invalid", () => {
    expect(err(nearestNeighbours(["A", "B"], [[-1e308], [1e308]], "A"), "invalid").message).toMatch(/column 1 spans more than/);
  });
  it.each([
    [{ k: 0 }, "k"],
    [{ k: 2.5 }, "k"],
    [{ k: -1 }, "k"],
    [{ k: NaN }, "k"],
    [{ method: "cosine" }, "method"],
    [{ weights: [1] }, "weights"],
    [{ weights: [1, -1] }, "weights"],
    [{ weights: [0, 0] }, "weights"],
    [{ weights: [1, Infinity] }, "weights"],
  ] as [NearestNeighboursOptions, string][])("options %j → invalid %s", (options, field) => {
    expect(err(nearestNeighbours(NAMES, TABLE, "A", options), "invalid").field).toBe(field);
  });
  it.each([
    [[[1, 2], [3, 4], [5, NaN], [7, 8]], /row 3 \("C"\), column 2 must be a finite number or blank/],
    [[[1, 2], [3, 4], [5, Infinity], [7, 8]], /finite number/],
    [[[1, 2], [3, 4], [5], [7, 8]], /row 3 \("C"\) has 1 values but row 1 has 2/],
    [[[1, 2], [3, 4], [5, 6]], /3 rows but there are 4 area names/],
    [[[1, 2], [3, "x"], [5, 6], [7, 8]], /got "x"/],
  ] as unknown as [(number | null)[][], RegExp][])("indicators %j → invalid", (rows, msg) => {
    expect(err(nearestNeighbours(NAMES, rows, "A"), "invalid").message).toMatch(msg);
  });
  it("empty or blank inputs are missing", () => {
    err(nearestNeighbours([], [], "A"), "missing");
    err(nearestNeighbours(["A", ""], [[1], [2]], "A"), "missing");
    err(nearestNeighbours(["A"], [[]], "A"), "missing");
    err(nearestNeighbours(NAMES, TABLE, ""), "missing");
  });
  it("a target with no value for any weighted indicator is missing", () => {
    const e = err(nearestNeighbours(["A", "B", "C"], [[null, 1], [2, 2], [3, 4]], "A", { weights: [1, 0] }), "missing");
    expect(e.message).toMatch(/"A" has no value for any weighted indicator/);
  });
});

describe("extreme magnitudes (found by fast-check)", () => {
  it("a column holding −1e308 and 0 gives finite distances, as the same column scaled down does", () => {
    const big = val(nearestNeighbours(["A", "B", "C"], [[-1e308], [0], [0]], "A"));
    const small = val(nearestNeighbours(["A", "B", "C"], [[-1], [0], [0]], "A"));
    expect(big).toEqual(small);
    for (const p of big) expect(Number.isFinite(p.distance)).toBe(true);
  });
  it("z-score weights are relative (1e300 each gives the same as 1 each); min-max refuses weights whose squares overflow", () => {
    const rows = [[1, 5], [2, 3], [4, 4], [8, 1]];
    const names = ["A", "B", "C", "D"];
    expect(val(nearestNeighbours(names, rows, "A", { weights: [1e300, 1e300] }))).toEqual(val(nearestNeighbours(names, rows, "A", { weights: [1, 1] })));
    err(nearestNeighbours(names, rows, "A", { method: "minmax", weights: [1e300, 1] }), "invalid");
  });
});
