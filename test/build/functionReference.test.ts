import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { functionSourcePaths } = require("../../scripts/function-sources") as { functionSourcePaths: () => string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const reference = require("../../scripts/function-reference.js") as { generate: () => Promise<string>; helpUrlFor: (id: string) => string; OUT: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slug } = require("../../scripts/help-page.js") as { slug: (text: string) => string };

// docs/functions.md is generated from the functions' JSDoc and their real results (scripts/function-reference.js).
// These tests regenerate it in memory and never write docs/.
describe("the function reference (docs/functions.md)", () => {
  let onDisk: string;
  let functions: { id: string; helpUrl: string }[];
  beforeAll(async () => {
    onDisk = fs.readFileSync(reference.OUT, "utf8");
    const meta = (await generateCustomFunctionsMetadata(functionSourcePaths(), true)) as { metadataJson: string };
    functions = JSON.parse(meta.metadataJson).functions;
  }, 60_000);

  it("is up to date with the functions' metadata and results (else run `npm run docs:functions`)", async () => {
    const fresh = await reference.generate();
    if (fresh !== onDisk) {
      const a = fresh.split("\n");
      const b = onDisk.split("\n");
      const i = a.findIndex((line, n) => line !== b[n]);
      throw new Error(`docs/functions.md is out of date at line ${i + 1}:\n  generated: ${a[i]}\n  on disk:   ${b[i]}\nRun \`npm run docs:functions\`.`);
    }
  }, 60_000);

  // The built page (functions.html, rendered by scripts/help-page.js with the same slug rule) is checked in build.test.ts.
  it("has a section for every function, and each helpUrl points at its own section", () => {
    const headings = [...onDisk.matchAll(/^## (.+)$/gm)].map((m) => slug(m[1]));
    expect(functions.length).toBeGreaterThanOrEqual(17);
    for (const f of functions) {
      expect(f.helpUrl).toBe(reference.helpUrlFor(f.id));
      const anchor = f.helpUrl.split("#")[1];
      expect(anchor).toBe(slug(`COHESION.${f.id}`));
      expect(headings).toContain(anchor);
    }
    // Every anchor is unique: no two functions open the same section.
    expect(new Set(functions.map((f) => f.helpUrl)).size).toBe(functions.length);
  });

  it("gives every function its syntax, arguments, examples with results, errors and a cited source", () => {
    for (const f of functions) {
      const start = onDisk.indexOf(`\n## COHESION.${f.id}\n`);
      const end = onDisk.indexOf("\n## ", start + 1);
      const section = onDisk.slice(start, end < 0 ? undefined : end);
      expect(section).toContain(`=COHESION.${f.id}(`);
      expect(section).toMatch(/### Examples\n\n`=COHESION\.[^`]+`[^\n]*\n\n→ /);
      expect(section).toMatch(/### Errors and what to do\n\n- .+ → .+\*\*What to do:\*\*/);
      expect(section).toMatch(/### Rule and source\n\n.+\n\nSource: .+/);
    }
  });
});
