/**
 * Jest globalSetup (jest.config.js): runs once per jest run, before any test file, in jest's own
 * process. Builds the command line (lib/, git-ignored) when its sources are newer, so the CLI tests
 * run the current code; `npx jest test/cli/<one file>` builds it too, and a run given paths that
 * select no test using the CLI (`npx jest test/engine`) skips it. A failed build is reported by the
 * tests that need the CLI, and the rest of the run goes on.
 */
import type { GlobalConfig } from "jest";
import * as fs from "fs";
import * as path from "path";
import { buildCliIfStale } from "./helpers/cliBuild";

/** Test files that run the built CLI: test/cli/*, and any that imports the CLI test helpers. */
function cliTestFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...cliTestFiles(p));
    else if (/\.test\.tsx?$/.test(e.name) && (path.basename(dir) === "cli" || fs.readFileSync(p, "utf8").includes('helpers/cli"'))) out.push(p);
  }
  return out;
}

export default function globalSetup(globalConfig: GlobalConfig): void {
  const patterns = globalConfig.testPathPatterns;
  if (patterns?.isSet() && !globalConfig.findRelatedTests && !globalConfig.onlyChanged) {
    const selected = patterns.toExecutor({ rootDir: globalConfig.rootDir });
    if (!cliTestFiles(__dirname).some((f) => selected.isMatch(f))) return;
  }
  const t0 = Date.now();
  const error = buildCliIfStale();
  if (error) process.stderr.write(`\n${error.split("\n").slice(0, 20).join("\n")}\n(the tests that run the CLI will fail; the others run)\n`);
  else if (Date.now() - t0 > 1000) process.stderr.write(`\nCommand line built for the tests (lib/, ${((Date.now() - t0) / 1000).toFixed(1)} s).\n`);
}
