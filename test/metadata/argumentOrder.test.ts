import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { functionSourcePaths } = require("../../scripts/function-sources") as { functionSourcePaths: () => string[] };

// The argument-order rule (README, Decisions, "Argument order"): ranges (the values looked up) first,
// required then optional, in the same order in every sibling; then `scale` (how to read them); then
// `boundaryMode` where it applies; then the function's own options last. Checked on functions.json as
// generated from the JSDoc, which is what Excel shows.

interface Param {
  name: string;
  optional?: boolean;
  dimensionality?: string;
}
interface Fn {
  id: string;
  parameters: Param[];
}

/** Range-shaped arguments that are options, not values looked up: group e is asserted, never read from the data. */
const RANGE_OPTIONS = new Set(["singleIssue"]);

const FAMILIES: Record<string, string[]> = {
  typology: ["FAMILYTYPE", "FAMILYGROUP", "FAMILYTYPE.EXPLAIN"],
  abg: ["ABG.BAND", "ABG.ALLOCATION", "ABG.RANGE", "ABG.EXPLAIN", "ABG.SUMMARY"],
};

/** Every function's signature as Excel shows it ([x] = optional). A change here changes every user's formulas. */
const SIGNATURES: Record<string, string> = {
  FAMILYTYPE: "nvq4, rural, a8, [jobs1984], [scale], [boundaryMode]",
  FAMILYGROUP: "nvq4, rural, a8, [jobs1984], [scale], [boundaryMode], [singleIssue]",
  "FAMILYTYPE.EXPLAIN": "nvq4, rural, a8, [jobs1984], [scale], [boundaryMode], [singleIssue]",
  TYPEINFO: "type, [field]",
  "ABG.BAND": "score, [ci], [scale], [basis]",
  "ABG.ALLOCATION": "score, [ci], [scale], [basis]",
  "ABG.RANGE": "score, ci, [scale], [output]",
  "ABG.EXPLAIN": "score, [ci], [scale], [basis]",
  "ABG.SUMMARY": "scores, [ci], [scale], [basis]",
  SURVEYCI: "p, n, [deff], [scale], [level], [method], [output]",
  COMPARE: "value, lower, upper, benchmark, [polarity]",
  BENCHMARK: "id, [year], [output]",
  NEIGHBOURS: "names, indicators, area, [k], [method], [weights]",
  DISSIMILARITY: "groupA, groupB, [form]",
  TYPEMIX: "nvq4, rural, a8, jobs1984, population, [scale]",
  ISSUES: "[output], [source]",
  ACTIONS: "issues, [group], [source]",
  AREA: "nvq4, rural, a8, [jobs1984], [score], [ci], [area], [scale], [boundaryMode], [singleIssue]",
};

const signature = (f: Fn) => f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
/** score and scores are the same argument (one cell or a column vs. the column ABG.SUMMARY totals). */
const canonical = (name: string) => (name === "scores" ? "score" : name);

describe("argument order: one rule for every custom function", () => {
  let fns: Fn[];
  const byId = (id: string) => {
    const f = fns.find((x) => x.id === id);
    if (!f) throw new Error(`${id} is not in functions.json`);
    return f;
  };
  beforeAll(async () => {
    const result = (await generateCustomFunctionsMetadata(functionSourcePaths(), true)) as { metadataJson: string; errors: string[] };
    expect(result.errors).toEqual([]);
    fns = JSON.parse(result.metadataJson).functions;
  }, 30000);

  it.each(Object.entries(FAMILIES))("%s siblings put every shared argument at the same position", (_family, ids) => {
    const at = new Map<string, { id: string; index: number }>();
    const clashes: string[] = [];
    for (const id of ids)
      byId(id).parameters.forEach((p, index) => {
        const name = canonical(p.name);
        const seen = at.get(name);
        if (!seen) at.set(name, { id, index });
        else if (seen.index !== index) clashes.push(`${name}: argument ${seen.index + 1} in ${seen.id} but ${index + 1} in ${id}`);
      });
    expect(clashes).toEqual([]);
  });

  it("scale comes after every range looked up and before every option; boundaryMode right after it; range-shaped options last", () => {
    const problems: string[] = [];
    for (const f of fns) {
      const names = f.parameters.map((p) => p.name);
      const s = names.indexOf("scale");
      if (s < 0) continue;
      f.parameters.forEach((p, i) => {
        if (i === s) return;
        const lookedUp = p.dimensionality === "matrix" && !RANGE_OPTIONS.has(p.name);
        if (lookedUp && i > s) problems.push(`${f.id}: the range ${p.name} (argument ${i + 1}) comes after scale (argument ${s + 1})`);
        if (!lookedUp && i < s) problems.push(`${f.id}: the option ${p.name} (argument ${i + 1}) comes before scale (argument ${s + 1})`);
      });
      const b = names.indexOf("boundaryMode");
      if (b >= 0 && b !== s + 1) problems.push(`${f.id}: boundaryMode is argument ${b + 1}, not right after scale (argument ${s + 1})`);
      f.parameters.forEach((p, i) => {
        if (RANGE_OPTIONS.has(p.name) && f.parameters.slice(i + 1).some((q) => !RANGE_OPTIONS.has(q.name)))
          problems.push(`${f.id}: the option ${p.name} (argument ${i + 1}) is not among the last arguments`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("required arguments come before optional ones in every function", () => {
    for (const f of fns) {
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect([f.id, f.parameters.slice(firstOptional).filter((p) => !p.optional).map((p) => p.name)]).toEqual([f.id, []]);
    }
  });

  it("every function has exactly the settled signature", () => {
    expect(Object.fromEntries(fns.map((f) => [f.id, signature(f)]))).toEqual(SIGNATURES);
  });

  it("the README's function reference shows each signature as Excel does", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const documented = (id: string) => readme.includes(`\`=COHESION.${id}(${SIGNATURES[id]})\``);
    // FAMILYTYPE.EXPLAIN is documented as "Same arguments as FAMILYGROUP".
    const missing = Object.keys(SIGNATURES).filter((id) => id !== "FAMILYTYPE.EXPLAIN" && !documented(id));
    expect(missing).toEqual([]);
    expect(readme).toMatch(/### COHESION\.FAMILYTYPE\.EXPLAIN\s+Same arguments as FAMILYGROUP/);
    expect(SIGNATURES["FAMILYTYPE.EXPLAIN"]).toBe(SIGNATURES.FAMILYGROUP);
  });
});
