/**
 * The command line's build for the tests: lib/ from `tsc -p tsconfig.cli.json`, rebuilt only when
 * lib/cli/main.js is missing or older than its sources. Run once per jest run, before any test file,
 * by jest's globalSetup (test/globalSetup.ts), so no test builds it and none waits for another.
 * A failed build does not stop the run: its output is kept in lib/ (git-ignored) and each test that
 * needs the CLI fails with it (ensureBuilt in ./helpers).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CLI = path.join(ROOT, "lib", "cli", "main.js");
/** Where a failed build's output is kept for the tests to report. */
export const BUILD_ERROR = path.join(ROOT, "lib", ".cli-build-error.txt");

/** What lib/ is built from: the CLI's and the engine's sources, and the compiler settings. */
const SOURCES = ["src/cli", "src/engine", "tsconfig.cli.json", "tsconfig.json"].map((p) => path.join(ROOT, p));

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs; // a file removed or renamed changes its folder
  for (const e of fs.readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}

/** lib/cli/main.js is missing or older than a source. */
export function cliStale(): boolean {
  const built = fs.statSync(CLI, { throwIfNoEntry: false });
  return !built || built.mtimeMs < Math.max(...SOURCES.map(newestMtime));
}

/** Moves every file under `from` to the same place under `to`, one rename each (never a half-written file). */
function moveInto(from: string, to: string): void {
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      moveInto(src, dst);
    } else fs.renameSync(src, dst);
  }
}

/**
 * Builds lib/ when stale. The compiler writes to a folder of its own, then each file is renamed into
 * lib/, so a CLI started meanwhile (another jest run in the same tree) never reads a half-written file.
 * Returns the build's error output, or null when lib/ is up to date.
 */
export function buildCliIfStale(): string | null {
  if (!cliStale()) {
    fs.rmSync(BUILD_ERROR, { force: true });
    return null;
  }
  const lib = path.join(ROOT, "lib");
  const out = path.join(lib, `.build-${process.pid}`);
  fs.mkdirSync(lib, { recursive: true });
  try {
    const r = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json", "--outDir", out], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) {
      const why = `CLI build failed (tsc -p tsconfig.cli.json, exit ${r.status}):\n${r.stdout}${r.stderr}`;
      fs.writeFileSync(BUILD_ERROR, why);
      return why;
    }
    fs.chmodSync(path.join(out, "cli", "main.js"), 0o755);
    moveInto(out, lib);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  // The build is as new as now, even where an output was unchanged.
  fs.utimesSync(CLI, new Date(), new Date());
  fs.rmSync(BUILD_ERROR, { force: true });
  return null;
}
