import { installCustomFunctionsStub } from "../helpers/customFunctions";
installCustomFunctionsStub();
// eslint-disable-next-line import/first
import * as F from "../../src/functions/functions";
// eslint-disable-next-line import/first
import { evaluateFormulaText, parseFormula, type FormulaContext } from "../../src/preview/formulas";

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
  it("passes a single cell to a scalar parameter as a value", () => {
    const out = evaluateFormulaText('=COHESION.BENCHMARK("getonwell", "2008-09")', ctx) as unknown[][];
    expect(out[0][0]).toBe(84);
  });
  it("other functions and bad syntax are #NAME? with a reason", () => {
    expect(evaluateFormulaText("=SUM(A1:A3)", ctx)).toMatchObject({ error: "#NAME?", message: expect.stringMatching(/only the add-in's COHESION/) });
    expect(evaluateFormulaText("=COHESION.NOPE(1)", ctx)).toMatchObject({ error: "#NAME?" });
    expect(evaluateFormulaText("=COHESION.ABG.ALLOCATION(A2", ctx)).toMatchObject({ error: "#NAME?", message: expect.stringMatching(/expected/) });
    expect(() => parseFormula('"unterminated')).toThrow(/closing quote/);
  });
});
