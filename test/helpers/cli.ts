/**
 * Helpers for the command-line tests: run the built CLI as a child process, make temp dirs. The CLI
 * is built once per jest run, before the tests, by jest's globalSetup (test/globalSetup.ts, ./cliBuild.ts).
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BUILD_ERROR, CLI, ROOT } from "./cliBuild";

export { CLI, ROOT };

/**
 * Fails with the reason when the built CLI (lib/cli/main.js) is missing or failed to build. It never
 * builds: jest's globalSetup did, once, at the start of the run.
 */
export function ensureBuilt(): void {
  if (fs.existsSync(BUILD_ERROR)) throw new Error(fs.readFileSync(BUILD_ERROR, "utf8"));
  if (!fs.existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: jest's globalSetup (test/globalSetup.ts) builds it at the start of a run; or npm run build:cli.`);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cohesion(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = "cohesion-cli-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A test file's scratch folder, removed after its tests, checking first that the command line is
 * built (the set-up every CLI test file shares). Call once at the top level of a test file.
 */
export function useScratchDir(prefix?: string): string {
  const dir = tempDir(prefix);
  beforeAll(() => ensureBuilt());
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
