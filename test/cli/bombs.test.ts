/**
 * Zip bombs (issue 13.1): each .xlsx of the corpus in test/helpers/hostileFiles.ts (BOMBS) is run through
 * the command line as a child process, with its wall time and peak resident memory measured
 * (scripts/measure-child.js, as for the million-row file). Each must be refused with its own one-line
 * message naming the part, exit 2, no output, within PEAK_LIMIT_MB and TIME_LIMIT_S. Before the
 * limits (src/cli/zipLimits.ts), a 23 MB file of this kind took 5.3 GB and three minutes.
 *
 * Also: a good workbook with a small part that nothing names is still read (only large unnamed parts
 * are refused). The figures are written to test-artifacts/bombs.json.
 */
import * as fs from "fs";
import * as path from "path";
import { CLI, ROOT, cohesion, ensureBuilt, sha256, tempDir } from "../helpers/cli";
import { BOMBS, deflatedPart, unzip, workbook, writeZip } from "../helpers/hostileFiles";

const PEAK_LIMIT_MB = 500;
const TIME_LIMIT_S = 20;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measureChild } = require("../../scripts/measure-child.js");

let dir: string;
let good: Map<string, Buffer>;
const figures: Record<string, unknown>[] = [];

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir("cohesion-bombs-");
  const p = await workbook(dir, "good.xlsx", (wb) => {
    const ws = wb.addWorksheet("Data");
    ws.addRow(["Authority", "NI 1 %", "CI"]);
    for (let i = 0; i < 50; i++) ws.addRow([`Area ${i}`, 50 + (i % 30), 1]);
  });
  good = unzip(fs.readFileSync(p));
  fs.rmSync(p);
}, 180_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "test-artifacts", "bombs.json"), JSON.stringify({ limitMb: PEAK_LIMIT_MB, bombs: figures }, null, 2) + "\n");
});

it.each(BOMBS.map((b) => [b.name, b] as const))("%s is refused in bounded memory and time, naming the part", async (name, bomb) => {
  const t0 = Date.now();
  const input = writeZip(path.join(dir, name), bomb.build(good));
  const buildSeconds = (Date.now() - t0) / 1000;
  const hash = sha256(input);
  for (const outName of ["refused.csv", "refused.xlsx"]) {
    const out = path.join(dir, outName);
    const r = await measureChild([CLI, "apply", input, "--out", out], {});
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^cohesion: cannot read [^\n]+\n$/);
    expect(r.stderr.trimEnd()).toMatch(new RegExp(`${name.replace(/\./g, "\\.")}: ${bomb.message.source}`));
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    figures.push({ name, outName, fileMb: +(fs.statSync(input).size / 1e6).toFixed(1), buildSeconds, seconds: +(r.ms / 1000).toFixed(2), peakMb: r.peakRssMb, method: r.method });
    expect(r.peakRssMb).toBeGreaterThan(0);
    expect(r.peakRssMb).toBeLessThan(PEAK_LIMIT_MB);
    expect(r.ms / 1000).toBeLessThan(TIME_LIMIT_S);
  }
  expect(sha256(input)).toBe(hash);
  fs.rmSync(input);
}, 120_000);

it("a small part that nothing names does not stop a good workbook (only large ones are refused)", () => {
  const parts = [...good].map(([n, d]) => deflatedPart(n, d));
  const input = writeZip(path.join(dir, "small-unnamed.xlsx"), [...parts, deflatedPart("customXml/stray.xml", Buffer.from("<x/>".repeat(1000)))]);
  const r = cohesion(["apply", input, "--out", path.join(dir, "small-unnamed.out.csv")]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/\nRows with results +50\n/);
});

it("an .xlsx larger than the packed-file limit is refused before it is read, so memory stays flat whatever its size", async () => {
  // A sparse file: 301 MB on paper, no disk used. Without the check the whole file would be read into memory first.
  const input = path.join(dir, "huge.xlsx");
  fs.closeSync(fs.openSync(input, "w"));
  fs.truncateSync(input, 301_000_000);
  const out = path.join(dir, "huge.out.csv");
  const r = await measureChild([CLI, "apply", input, "--out", out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/huge\.xlsx is 301\.0 MB, more than the 300\.0 MB an \.xlsx may be here .*; the file is refused\. Save the data sheet alone as CSV/);
  expect(fs.existsSync(out)).toBe(false);
  figures.push({ name: "huge.xlsx (sparse, 301 MB)", seconds: +(r.ms / 1000).toFixed(2), peakMb: r.peakRssMb, method: r.method });
  expect(r.peakRssMb).toBeLessThan(150);
  fs.rmSync(input);
}, 60_000);
