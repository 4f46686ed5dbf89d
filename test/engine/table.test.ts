import fc from "fast-check";
import {
  decideScales,
  evaluateColumns,
  INPUT_FIELDS,
  OUTPUT_GROUPS,
  OUTPUT_HEADERS,
  parsePercentColumn,
  scanColumnScales,
  scanScales,
  summarise,
  startSummary,
  addToSummary,
  finishSummary,
  summaryRows,
  type Columns,
} from "../../src/engine";

// A cell as it may arrive from a sheet: fractions, 0–100 numbers, text numbers, "%" text, blanks, junk.
const cell = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.integer({ min: 0, max: 3000 }),
  fc.constantFrom(null, "", " 72 ", "55%", "0.6", "abc", "#N/A", true, -3, 1, 0, 150, "72,5"),
);
const column = (n: number) => fc.array(cell, { minLength: n, maxLength: n });

/** Evaluates `columns` in slices of `size` rows, settling the scales over the whole table first (as the task pane does). */
function evaluateInSlices(columns: Columns, n: number, size: number) {
  let scales;
  for (let start = 0; start < n; start += size) scales = scanColumnScales(slice(columns, start, start + size), {}, scales);
  const out = [];
  for (let start = 0; start < n; start += size) out.push(...evaluateColumns(slice(columns, start, start + size), Math.min(size, n - start), { tableScales: scales }));
  return out;
}
function slice(columns: Columns, a: number, b: number): Columns {
  const out: Columns = {};
  for (const [f, v] of Object.entries(columns)) out[f as keyof Columns] = (v as unknown[]).slice(a, b);
  return out;
}

describe("evaluating a table in slices (the task pane's chunks)", () => {
  it("scanScales over slices in turn gathers the same evidence as over the whole column", () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (values, size) => {
        let acc;
        const input = (raws: unknown[]) => [{ field: "score", label: "Score", raws }];
        for (let i = 0; i < values.length; i += size) acc = scanScales(input(values.slice(i, i + size)), {}, acc);
        const whole = scanScales(input(values));
        if (values.length) expect(acc).toEqual(whole);
        expect(parsePercentColumn(values, "score", "Score").resolved).toBe(decideScales(whole).score.resolved);
      }),
    );
  });

  it("gives exactly the whole-table results, notes included, whatever the slice size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.record(Object.fromEntries(INPUT_FIELDS.map((f) => [f, column(n)]))), fc.integer({ min: 1, max: n }))),
        ([n, columns, size]) => {
          expect(evaluateInSlices(columns as Columns, n, size)).toEqual(evaluateColumns(columns as Columns, n));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps a fraction column's scale when one slice alone would look like 0–100 (and the reverse)", () => {
    const score = [0.6, 0.72, 1]; // fractions: 60%, 72%, 100%
    const whole = evaluateColumns({ score }, 3);
    expect(whole.map((r) => r.score)).toEqual([60, 72, 100]);
    expect(evaluateInSlices({ score }, 3, 1)).toEqual(whole);
    const pct = [50, 0.5]; // 0–100 column: 0.5 is 0.5% with a warning
    expect(evaluateInSlices({ score: pct }, 2, 1)).toEqual(evaluateColumns({ score: pct }, 2));
    expect(evaluateColumns({ score: pct }, 2)[1].notes).toEqual([expect.stringMatching(/0\.5 was read as 0\.5% because other values in its column are on a 0–100 scale/)]);
    // Issue 12: the decision is over all the percentage columns together, in slices as whole.
    const cols = { score: [0.6, 0.7], nvq4: [0.3, 40], rural: [0.5, 0.2], a8: [1, 1] };
    expect(evaluateInSlices(cols, 2, 1)).toEqual(evaluateColumns(cols, 2));
    expect(evaluateColumns(cols, 2).map((r) => r.score)).toEqual([0.6, 0.7]);
  });
});

describe("OUTPUT_GROUPS (the table tools)", () => {
  it("write output columns the command line writes, the shared Notes aside, without overlap", () => {
    const all = [...OUTPUT_GROUPS.familyGroups.headers, ...OUTPUT_GROUPS.grantBands.headers, "Notes"];
    expect([...all].sort()).toEqual([...OUTPUT_HEADERS].sort());
    for (const g of Object.values(OUTPUT_GROUPS)) for (const f of g.required) expect(g.fields).toContain(f);
  });
});

describe("summaryRows parts", () => {
  const s = summarise(evaluateColumns({ score: [50, 80], nvq4: [30, 10], rural: [10, 60], a8: [1, 9] }, 2));
  const labels = (rows: unknown[][]) => rows.map((r) => r[0]);
  it("shows both sections by default", () => {
    expect(labels(summaryRows(s))).toEqual(expect.arrayContaining(["ABG band", "Family type"]));
  });
  it("leaves out the section of a tool that was not run", () => {
    expect(labels(summaryRows(s, undefined, { types: false }))).not.toContain("Family type");
    expect(labels(summaryRows(s, undefined, { types: false }))).toContain("ABG band");
    expect(labels(summaryRows(s, undefined, { abg: false }))).not.toContain("ABG band");
    expect(labels(summaryRows(s, undefined, { abg: false }))).toContain("Family type");
  });
});

describe("uncertainty in the summary (issue 12.4)", () => {
  const labels = (rows: unknown[][]) => rows.map((r) => r[0]);
  it("without any CI says uncertainty was not assessed, never \"0 rows uncertain\"", () => {
    const s = summarise(evaluateColumns({ score: [50, 59, 80] }, 3));
    expect(s.rowsWithCi).toBe(0);
    const rows = summaryRows(s);
    expect(labels(rows)).toContain("Uncertainty not assessed: no confidence intervals given");
    expect(labels(rows)).not.toContain("Rows whose band is uncertain under the CI");
    expect(rows.find((r) => r[0] === "Uncertainty not assessed: no confidence intervals given")).toHaveLength(1);
  });
  it("with CIs counts the uncertain rows, and the rows that had none", () => {
    const s = summarise(evaluateColumns({ score: [50, 59, 80], ci: [1, 2, null] }, 3));
    expect(s.rowsWithCi).toBe(2);
    const rows = summaryRows(s);
    expect(rows.find((r) => r[0] === "Rows whose band is uncertain under the CI")).toEqual(["Rows whose band is uncertain under the CI", 1]);
    expect(rows.find((r) => r[0] === "Rows with a band but no CI (uncertainty not assessed)")).toEqual(["Rows with a band but no CI (uncertainty not assessed)", 1]);
    expect(labels(rows)).not.toContain("Uncertainty not assessed: no confidence intervals given");
  });
  it("the ABG band range column names the bands in words", () => {
    const [a, b, c] = evaluateColumns({ score: [59, 74, 80], ci: [2, 2, null] }, 3);
    expect([a.abgBandRange, b.abgBandRange, c.abgBandRange]).toEqual(["band 2 or band 3", "band 5 or no band", "no band"]);
  });
});

describe("a summary built chunk by chunk (the command line's streaming path)", () => {
  it("equals summarise over the whole table, whatever the chunk size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.record(Object.fromEntries(INPUT_FIELDS.map((f) => [f, column(n)]))), fc.integer({ min: 1, max: Math.max(1, n) }))),
        ([n, columns, size]) => {
          const results = evaluateColumns(columns as Columns, n);
          const t = startSummary();
          for (let i = 0; i < n; i += size) addToSummary(t, results.slice(i, i + size), i);
          expect(finishSummary(t)).toEqual(summarise(results));
        },
      ),
      { numRuns: 200 },
    );
  });
});
