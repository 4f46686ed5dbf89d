/**
 * ABG.BAND and ABG.ALLOCATION over a whole column go through abgColumnValues, the engine's fast
 * path (issue 17.1). It must give exactly what the general path gives, row by row: the band or
 * amount of abgColumn's assessment, or the same error (code and message). Checked here on 100,000
 * rows of plain scores and on mixed columns (text, % signs, blanks, error values, out-of-range
 * values, CIs that push past 0 or 100), for every scale and basis. Correctness only: the timing is
 * measured by `npm run bench -- engine`, not asserted here.
 */
import { installCustomFunctionsStub, isErr } from "../helpers/customFunctions";
installCustomFunctionsStub();
// eslint-disable-next-line import/first
import * as F from "../../src/functions/functions";
// eslint-disable-next-line import/first
import { abgColumn, abgColumnValues, BASES, SCALES, type AbgColumnOptions, type AbgPick, type Result, type AbgAssessment } from "../../src/engine";
// eslint-disable-next-line @typescript-eslint/no-require-imports, import/first
const { prng } = require("../../scripts/prng") as { prng: (seed: number) => () => number };

const ROWS = 100_000;
// The general path builds 100,000 assessments per check (about 1 s each on a busy 2-core machine).
jest.setTimeout(180_000);

/** The general path: abgColumn, then the picked field of each row (or its failure). */
function reference(scores: unknown[], ci: unknown[] | null, pick: AbgPick, options: AbgColumnOptions) {
  return pickFrom(abgColumn(scores, ci, options), pick);
}
function pickFrom(results: Result<AbgAssessment>[], pick: AbgPick) {
  return results.map((r) => (r.ok ? r.value[pick] : r));
}

type Row = number | { ok: false; error: { code: string; message: string; field?: string } };
/** The rows where two columns differ (the first 5), so a failure names them; [] when equal. Faster than toEqual on 100,000 rows. */
function differences(got: readonly Row[], want: readonly Row[]): string[] {
  const out: string[] = [];
  if (got.length !== want.length) return [`${got.length} rows, want ${want.length}`];
  for (let i = 0; i < got.length && out.length < 5; i++) {
    const g = got[i];
    const w = want[i];
    const same = typeof g === "number" || typeof w === "number" ? Object.is(g, w) : g.error.code === w.error.code && g.error.message === w.error.message && g.error.field === w.error.field;
    if (!same) out.push(`row ${i}: ${JSON.stringify(g)}, want ${JSON.stringify(w)}`);
  }
  return out;
}

function plainColumn(seed: number, fraction = false) {
  const rnd = prng(seed);
  const scores: unknown[] = [];
  const ci: unknown[] = [];
  for (let i = 0; i < ROWS; i++) {
    // One decimal place, as published, so many scores sit exactly on a cut-off (55.0, 60.0 …).
    const s = Math.round((45 + rnd() * 40) * 10) / 10;
    const h = Math.round(rnd() * 40) / 10;
    scores.push(fraction ? s / 100 : s);
    ci.push(fraction ? h / 100 : h);
  }
  return { scores, ci };
}

const ODD: unknown[] = [null, undefined, "", "  ", "72", "72%", "0.5%", "abc", "55,5", "#N/A", true, false, new Date(Date.UTC(2008, 4, 1)), -1, 101, 1.5, 0.55, 0, -0, 100, 74.9999999999, 75, 55, Infinity, NaN, { error: "#DIV/0!" }, { formula: "A1*2" }];
const ODD_CI: unknown[] = [null, undefined, "", "2", "2%", "x", -1, 0, 0.5, 3, 30, 101, NaN, true, "#VALUE!"];

function mixedColumn(seed: number, rows: number, fraction: boolean) {
  const rnd = prng(seed);
  const scores: unknown[] = [];
  const ci: unknown[] = [];
  for (let i = 0; i < rows; i++) {
    const s = Math.round((45 + rnd() * 40) * 10) / 10;
    scores.push(rnd() < 0.3 ? ODD[Math.floor(rnd() * ODD.length)] : fraction ? s / 100 : s);
    ci.push(rnd() < 0.3 ? ODD_CI[Math.floor(rnd() * ODD_CI.length)] : Math.round(rnd() * 40) / (fraction ? 1000 : 10));
  }
  return { scores, ci };
}

describe("abgColumnValues: the whole-column path of ABG.BAND and ABG.ALLOCATION", () => {
  it("100,000 plain scores with CIs: the same bands and amounts as abgColumn, for every basis", () => {
    const { scores, ci } = plainColumn(17);
    for (const basis of BASES) {
      const general = abgColumn(scores, ci, { basis });
      for (const pick of ["band", "amountGbp"] as const) {
        const got = abgColumnValues(scores, ci, pick, { basis });
        expect(got).toHaveLength(ROWS);
        expect(differences(got, pickFrom(general, pick))).toEqual([]);
      }
    }
  });

  it("100,000 fractions (the ambiguous scale) without CIs: the same amounts as abgColumn", () => {
    const { scores } = plainColumn(18, true);
    expect(differences(abgColumnValues(scores, null, "amountGbp"), reference(scores, null, "amountGbp", {}))).toEqual([]);
  });

  it("mixed columns (text, blanks, errors, out of range): the same values and the same errors, for every scale and basis", () => {
    for (const fraction of [false, true]) {
      const { scores, ci } = mixedColumn(fraction ? 19 : 20, 5_000, fraction);
      for (const scale of SCALES)
        for (const basis of BASES)
          for (const withCi of [true, false]) {
            const c = withCi ? ci : null;
            const general = abgColumn(scores, c, { scale, basis });
            for (const pick of ["band", "amountGbp"] as const) expect(differences(abgColumnValues(scores, c, pick, { scale, basis }), pickFrom(general, pick))).toEqual([]);
          }
    }
  });

  it("a column of fractions read as part of a table (tableScales) or with number formats: as abgColumn", () => {
    const { scores, ci } = mixedColumn(21, 2_000, true);
    const formats = scores.map((_, i) => (i % 3 === 0 ? "0.0%" : i % 7 === 0 ? "dd/mm/yyyy" : "General"));
    const options: AbgColumnOptions = { formats: { score: formats }, where: "table" };
    expect(differences(abgColumnValues(scores, ci, "band", options), reference(scores, ci, "band", options))).toEqual([]);
  });

  it("=COHESION.ABG.ALLOCATION and =COHESION.ABG.BAND over 100,000 rows spill what the general path gives, errors in their cells", () => {
    const { scores, ci } = mixedColumn(22, ROWS, false);
    const col = (a: unknown[]) => a.map((v) => [v]);
    for (const [fn, pick] of [
      [F.abgAllocationFn, "amountGbp"],
      [F.abgBandFn, "band"],
    ] as const) {
      const out = fn(col(scores), col(ci), undefined, "lower");
      const want = reference(scores, ci, pick, { basis: "lower" });
      expect(out).toHaveLength(ROWS);
      const wrong: number[] = [];
      out.forEach((row, i) => {
        const w = want[i];
        const v = row[0] as unknown;
        const e = v as { code: string; message: string };
        const same =
          row.length === 1 &&
          (typeof w === "number" ? v === w : isErr(v) && e.code === (w.error.code === "invalid" ? "#VALUE!" : "#N/A") && e.message === w.error.message);
        if (!same && wrong.length < 5) wrong.push(i);
      });
      expect(wrong).toEqual([]);
      expect(want.some((w) => typeof w !== "number")).toBe(true);
    }
  });
});
