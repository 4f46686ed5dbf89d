import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { functionSourcePaths } = require("../../scripts/function-sources") as { functionSourcePaths: () => string[] };

// The generator's CLI exits 0 even when it reports errors, so use its API and assert on errors.
describe("custom functions metadata (functions.json from JSDoc)", () => {
  let result: { metadataJson: string; associate: { id: string; functionName: string }[]; errors: string[] };
  beforeAll(async () => {
    result = (await generateCustomFunctionsMetadata(functionSourcePaths(), true)) as typeof result;
  }, 30000);

  it("generates without errors", () => expect(result.errors).toEqual([]));

  it("has the expected ids under the COHESION namespace, each once", () => {
    const ids = JSON.parse(result.metadataJson).functions.map((f: { id: string }) => f.id);
    expect(ids).toEqual(expect.arrayContaining(["FAMILYTYPE", "FAMILYGROUP", "FAMILYTYPE.EXPLAIN", "TYPEINFO", "ABG.BAND", "ABG.ALLOCATION", "ABG.RANGE", "ABG.EXPLAIN", "ABG.SUMMARY", "SURVEYCI", "COMPARE", "BENCHMARK", "NEIGHBOURS", "DISSIMILARITY", "TYPEMIX", "ISSUES", "ACTIONS"]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9._]{2,127}$/);
  });

  it("describes every function and parameter, with a help URL", () => {
    for (const f of JSON.parse(result.metadataJson).functions) {
      expect(f.description?.length).toBeGreaterThan(20);
      expect(f.helpUrl).toMatch(/^https:\/\/localhost:3000\/functions\.html#cohesion/);
      for (const p of f.parameters) expect(p.description?.length).toBeGreaterThan(5);
    }
  });

  it("matches the golden snapshot (review any change to the Excel contract)", () => {
    expect(JSON.parse(result.metadataJson)).toMatchSnapshot();
  });
});
