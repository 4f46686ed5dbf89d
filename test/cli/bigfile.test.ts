/**
 * A million-row CSV (a file of its own, so jest runs it beside the others): `cohesion apply` streams
 * it (two passes, 1,000 rows evaluated at a time), so its peak memory does not grow with the file.
 * Peak resident memory of the child process comes from `/usr/bin/time -v` when present, else from
 * polling /proc/<pid>/status (VmHWM). The figures are written to test-artifacts/bigfile.json.
 *
 * The bound, 512 MB: the streaming run peaks at about 160 MB (Node ~50 MB, one 64 KB read chunk,
 * a chunk of 1,000 rows and their results, the output writer's buffer); the earlier in-memory path
 * peaked at 3.2 GB on this file. 512 MB leaves room for a different V8 heap sizing, and fails well
 * before anything that holds the file whole (the file is 36 MB as text, ~600 MB parsed in memory).
 *
 * A second test: 1,048,577 rows (one more than an .xlsx sheet holds) are refused for .xlsx output.
 *
 * An .xlsx of this size is measured in the benchmark (bench/bigfile.bench.js), not here: building it
 * takes ~10 s and reading it ~35 s, which would not fit this test's minute.
 */
import * as fs from "fs";
import * as path from "path";
import { ensureBuilt, CLI, ROOT, sha256, tempDir } from "../helpers/cli";
import { writeBigCsv } from "../helpers/hostileFiles";

const ROWS = 1_000_000;
const PEAK_LIMIT_MB = 512;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir("cohesion-bigfile-");
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measureChild } = require("../../scripts/measure-child.js");

interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  cpuSeconds: number | null;
  peakMb: number;
  method: string;
}

/** Runs the CLI as a child process and measures its peak resident memory (scripts/measure-child.js, as the benchmarks do). */
async function measure(args: string[]): Promise<Measured> {
  const r = await measureChild([CLI, ...args], {});
  return { code: r.code, stdout: r.stdout, stderr: r.stderr, seconds: r.ms / 1000, cpuSeconds: r.cpuMs === null ? null : r.cpuMs / 1000, peakMb: r.peakRssMb, method: r.method };
}

it(
  `streams a ${ROWS.toLocaleString("en-GB")}-row CSV in bounded memory, every row computed, the input untouched`,
  async () => {
    const input = path.join(dir, "lsoa-million.csv");
    const tBuild = Date.now();
    writeBigCsv(input, ROWS);
    const buildSeconds = (Date.now() - tBuild) / 1000;
    const before = sha256(input);
    const out = path.join(dir, "lsoa-million.out.csv");
    const m = await measure(["apply", input, "--out", out]);
    expect(m.stderr).toBe("");
    expect(m.code).toBe(0);
    expect(m.stdout).toMatch(/CSV, comma-separated, utf-8/);
    expect(m.stdout).toMatch(/Header row 1; 1,000,000 data rows \(rows 2–1000001\)\./);
    expect(m.stdout).toMatch(/\nRows +1,000,000\n/);
    expect(m.stdout).toMatch(/\nRows with results +1,000,000\n/); // every row has its ABG band (some lack a family type: no 1984 jobs figure)
    expect(sha256(input)).toBe(before);

    // The output: every row, in order, with its results (spot checks against the input's own rule of construction).
    const fd = fs.openSync(out, "r");
    const size = fs.fstatSync(fd).size;
    const read = (at: number, n: number) => {
      const buf = Buffer.alloc(n);
      return buf.subarray(0, fs.readSync(fd, buf, 0, n, at));
    };
    const first = read(0, 4096).toString("utf8").split("\n");
    expect(first[0]).toBe('\ufeffAuthority,NI 1 %,CI,NVQ4+ %,Rural %,"A8 per 10,000",Jobs 1984,Single issue,Family type,Family type name,Family group,ABG band,ABG allocation,ABG band range,Notes');
    expect(first[1]).toBe("E00000001,69.2,0.5,11,17,13,1500,FALSE,4,Changing less affluent urban areas,d,4,280000,band 4,");
    expect(read(size - 4096, 4096).toString("utf8").trimEnd().split("\n").pop()).toMatch(/^E01000000,/);
    let lines = 0;
    for (let at = 0; at < size; at += 1 << 22) {
      const buf = read(at, 1 << 22);
      for (let k = 0; k < buf.length; k++) if (buf[k] === 10) lines++;
    }
    fs.closeSync(fd);
    expect(lines).toBe(ROWS + 1);

    const figures = { rows: ROWS, inputMb: +(fs.statSync(input).size / 1e6).toFixed(1), buildSeconds, seconds: +m.seconds.toFixed(1), cpuSeconds: m.cpuSeconds === null ? null : +m.cpuSeconds.toFixed(1), peakMb: Math.round(m.peakMb), limitMb: PEAK_LIMIT_MB, method: m.method };
    fs.mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "test-artifacts", "bigfile.json"), JSON.stringify(figures, null, 2) + "\n");
    expect(m.peakMb).toBeGreaterThan(0);
    expect(m.peakMb).toBeLessThan(PEAK_LIMIT_MB);
  },
  180_000,
);

it(
  "refuses .xlsx output for a table longer than an .xlsx sheet (1,048,576 rows), in one line, writing nothing",
  async () => {
    const input = path.join(dir, "too-long.csv");
    writeBigCsv(input, 1_048_576); // + the header row = 1,048,577 rows
    const out = path.join(dir, "too-long.xlsx");
    const m = await measure(["apply", input, "--out", out]);
    expect(m.code).toBe(2);
    expect(m.stdout).toBe("");
    expect(m.stderr).toMatch(/^cohesion: [^\n]*too-long\.csv has 1,048,577 rows; an \.xlsx sheet holds at most 1,048,576: write a \.csv output instead\n$/);
    expect(fs.readdirSync(dir).filter((f) => (f.startsWith("too-long") && f !== "too-long.csv") || f.endsWith(".tmp"))).toEqual([]);
  },
  180_000,
);
