/**
 * Helpers for the command-line tests: build lib/ when it is older than src/ (once, under a lock,
 * since jest runs test files in parallel), run the built CLI as a child process, make temp dirs.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CLI = path.join(ROOT, "lib", "cli", "main.js");

function newestMtime(dir: string): number {
  let m = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    m = Math.max(m, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return m;
}

function stale(): boolean {
  if (!fs.existsSync(CLI)) return true;
  const src = Math.max(newestMtime(path.join(ROOT, "src", "cli")), newestMtime(path.join(ROOT, "src", "engine")));
  return fs.statSync(CLI).mtimeMs < src;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds the CLI (tsc -p tsconfig.cli.json) if lib/cli/main.js is missing or older than the sources. */
export function ensureBuilt(): void {
  if (!stale()) return;
  const lock = path.join(ROOT, "lib", ".cli-build.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (const t0 = Date.now(); ; ) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // another test file is building: wait for it, then re-check
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // lock gone meanwhile
      }
      if (Date.now() - t0 > 180_000) throw new Error("timed out waiting for the CLI build lock");
      sleep(200);
      if (!stale()) return;
    }
  }
  try {
    if (!stale()) return;
    const r = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`CLI build failed:\n${r.stdout}${r.stderr}`);
    fs.utimesSync(CLI, new Date(), new Date());
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cohesion(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, COHESION_XLSX_MODE: "", ...options.env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = "cohesion-cli-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A test file's scratch folder, removed after its tests, with the command line built before them (the
 * set-up every CLI test file shares). Call once at the top level of a test file.
 */
export function useScratchDir(prefix?: string): string {
  const dir = tempDir(prefix);
  beforeAll(() => ensureBuilt(), 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Parses CSV text simply (the tests' own files: no embedded delimiters unless quoted). */
export function readCsv(file: string, delimiter = ","): string[][] {
  // Use the same library as the CLI, to test our output, not our reader.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { parse } = require("csv-parse/sync") as typeof import("csv-parse/sync");
  return parse(fs.readFileSync(file, "utf8"), { delimiter, bom: true, relax_column_count: true }) as string[][];
}

/** Rows as objects keyed by header (first row). */
export function records(rows: string[][]): Record<string, string>[] {
  const [h, ...rest] = rows;
  return rest.map((r) => Object.fromEntries(h.map((k, i) => [k, r[i] ?? ""])));
}
