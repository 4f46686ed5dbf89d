import { installCustomFunctionsStub } from "../helpers/customFunctions";
installCustomFunctionsStub();
// eslint-disable-next-line import/first
import * as F from "../../src/functions/functions";
// eslint-disable-next-line import/first
import { evaluateFormulaText, parseFormula, type FormulaContext } from "../../src/preview/formulas";
// eslint-disable-next-line import/first
import { AsyncResults } from "../../src/preview/asyncResults";

const grid: Record<string, unknown[][]> = {
  Sheet1: [
    ["Score", "CI", "Name"],
    [59, 2, "A"],
    [72, 1, "B"],
    ["n/a", 1, "C"],
  ],
};
const functions = new Map<string, (...a: unknown[]) => unknown>([
  ["ABG.ALLOCATION", F.abgAllocationFn as (...a: unknown[]) => unknown],
  ["ABG.RANGE", F.abgRangeFn as (...a: unknown[]) => unknown],
  ["SURVEYCI", F.surveyCiFn as (...a: unknown[]) => unknown],
  ["BENCHMARK", F.benchmarkFn as (...a: unknown[]) => unknown],
]);
const ctx: FormulaContext = {
  sheet: "Sheet1",
  cell: (s, r, c) => grid[s]?.[r]?.[c] ?? null,
  functions,
  namespace: "COHESION",
  asyncResults: new AsyncResults(),
  dimensions: new Map([
    ["ABG.ALLOCATION", ["matrix", "matrix", "scalar", "scalar"]],
    ["BENCHMARK", ["scalar", "scalar"]],
    ["SURVEYCI", ["matrix", "matrix", "matrix", "scalar", "scalar", "scalar", "scalar"]],
    ["ABG.RANGE", ["matrix", "matrix", "scalar", "scalar"]],
  ]),
};

describe("preview formula evaluator", () => {
  it("evaluates a COHESION function over ranges and spills a column, errors per cell", () => {
    const out = evaluateFormulaText("=COHESION.ABG.ALLOCATION(A2:A4,B2:B4)", ctx) as unknown[][];
    expect(out.slice(0, 2)).toEqual([[540000], [150000]]);
    expect(out[2][0]).toMatchObject({ error: "#VALUE!" });
    expect((out[2][0] as { message: string }).message).toMatch(/must be a number; got the text "n\/a"/);
  });
  it("handles literals, $ references, case, omitted arguments and nesting", () => {
    expect(evaluateFormulaText('=cohesion.abg.allocation($A$2, , , "point")', ctx)).toEqual([[540000]]);
    expect(evaluateFormulaText("=COHESION.ABG.RANGE(A2, 2)", ctx)).toEqual([["band 2 or band 3"]]);
    expect(evaluateFormulaText('=COHESION.ABG.RANGE(58.5, COHESION.SURVEYCI(58.5, 400, , , , , "halfwidth"))', ctx)).toEqual([["band 1, band 2 or band 3"]]);
    expect(evaluateFormulaText("=COHESION.ABG.ALLOCATION(72%)", ctx)).toEqual([[150000]]);
  });
  it("passes a single cell to a scalar parameter as a value", async () => {
    // BENCHMARK returns a Promise (its survey series load on first use): #BUSY! until it settles, as in Excel.
    expect(evaluateFormulaText('=COHESION.BENCHMARK("getonwell", "2008-09")', ctx)).toMatchObject({ error: "#BUSY!" });
    await ctx.asyncResults!.settled();
    const out = evaluateFormulaText('=COHESION.BENCHMARK("getonwell", "2008-09")', ctx) as unknown[][];
    expect(out[0][0]).toBe(84);
  });
  it("a function that returns a Promise: #BUSY! until it settles, then its result, nested too; once per call", async () => {
    let calls = 0;
    let fail = false;
    const later = (v: unknown) => {
      calls++;
      return fail ? Promise.reject(new Error("Loading chunk content failed.")) : Promise.resolve([[Number(v) * 2]]);
    };
    const settledTimes: number[] = [];
    const results = new AsyncResults(() => settledTimes.push(calls));
    const c: FormulaContext = { ...ctx, asyncResults: results, functions: new Map([...functions, ["LATER", later]]) };
    const nested = '=COHESION.ABG.ALLOCATION(COHESION.LATER(36))'; // 72% → band 3
    expect(evaluateFormulaText(nested, c)).toMatchObject({ error: "#BUSY!" }); // an argument's #BUSY! is the formula's
    expect(evaluateFormulaText(nested, c)).toMatchObject({ error: "#BUSY!" });
    expect(calls).toBe(1); // a pending call is not made again
    await results.settled();
    await new Promise((r) => setTimeout(r, 0));
    expect(settledTimes).toEqual([1]); // the host recalculates once the result is there
    expect(evaluateFormulaText(nested, c)).toEqual([[150000]]);
    expect(evaluateFormulaText("=COHESION.LATER(36)", c)).toEqual([[72]]);
    expect(calls).toBe(1); // the settled result is read, not computed again
    fail = true;
    expect(evaluateFormulaText("=COHESION.LATER(1)", c)).toMatchObject({ error: "#BUSY!" });
    await results.settled();
    expect(evaluateFormulaText("=COHESION.LATER(1)", c)).toEqual({ error: "#VALUE!", message: "Loading chunk content failed." });
  });
  it("the functions' own Promises: ISSUES and ACTIONS spill once loaded, errors as cell errors", async () => {
    const c: FormulaContext = {
      ...ctx,
      asyncResults: new AsyncResults(),
      functions: new Map([...functions, ["ISSUES", F.issuesFn as (...a: unknown[]) => unknown], ["ACTIONS", F.actionsFn as (...a: unknown[]) => unknown]]),
      dimensions: new Map([...ctx.dimensions!, ["ISSUES", ["scalar", "scalar"]], ["ACTIONS", ["matrix", "scalar", "scalar"]]]),
    };
    const formulas = ['=COHESION.ISSUES("code")', '=COHESION.ACTIONS("I01")', '=COHESION.ACTIONS("Too many pigeons")'];
    for (const f of formulas) expect(evaluateFormulaText(f, c)).toMatchObject({ error: "#BUSY!" });
    await c.asyncResults!.settled();
    const [issues, actions, unknown] = formulas.map((f) => evaluateFormulaText(f, c) as unknown[][]);
    expect(issues).toHaveLength(23);
    expect(issues[0]).toEqual(["I01"]);
    expect(actions.slice(0, 3).map((r) => r[0])).toEqual(["A06", "A07", "A15"]);
    expect(unknown[0][0]).toMatchObject({ error: "#N/A", message: expect.stringMatching(/^Unknown issue: "Too many pigeons"/) });
  });
  it("other functions and bad syntax are #NAME? with a reason", () => {
    expect(evaluateFormulaText("=SUM(A1:A3)", ctx)).toMatchObject({ error: "#NAME?", message: expect.stringMatching(/only the add-in's COHESION/) });
    expect(evaluateFormulaText("=COHESION.NOPE(1)", ctx)).toMatchObject({ error: "#NAME?" });
    expect(evaluateFormulaText("=COHESION.ABG.ALLOCATION(A2", ctx)).toMatchObject({ error: "#NAME?", message: expect.stringMatching(/expected/) });
    expect(() => parseFormula('"unterminated')).toThrow(/closing quote/);
  });
});
