#!/usr/bin/env node
// Benchmark of `cohesion apply` on England-sized tables (32,844 LSOAs), against ExcelJS reading and
// writing the same file alone. Each command runs as its own child process, so its peak memory is
// its own (from `/usr/bin/time -v` when present, else by polling /proc or ps).
//
// Runs under `npm run bench` (scripts/bench.js calls `run(report)`), or alone: `node bench/cli.bench.js`.
// BENCH_RUNS (default 3) sets the runs per measurement; the median times and the largest peak are reported.
// `ratio` is wall time against the baseline (goal ≤ 1.2); `cpuRatio` is the same on CPU time (user + system),
// steadier when the machine is busy.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "..");
const ROWS = 32844; // LSOAs in England (2011 Census geography)
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 3);
const cli = path.join(root, "lib", "cli", "main.js");
const HEADERS = ["LSOA code", "LSOA name", "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10,000", "Jobs 1984", "Single issue"];

const { prng } = require("../scripts/prng");

function* syntheticRows() {
  const rnd = prng(20090101);
  const r1 = (lo, hi) => Math.round((lo + rnd() * (hi - lo)) * 10) / 10;
  for (let i = 1; i <= ROWS; i++) {
    yield [
      `E0${String(1000000 + i).slice(1)}`,
      `Area ${i}`,
      r1(45, 95),
      r1(1, 4),
      r1(5, 55),
      r1(0, 100),
      r1(0, 40),
      Math.round(rnd() * 5000),
      rnd() < 0.05 ? "TRUE" : "FALSE",
    ];
  }
}

function ensureBuilt() {
  const newest = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  const src = Math.max(newest(path.join(root, "src", "cli")), newest(path.join(root, "src", "engine")));
  if (fs.existsSync(cli) && fs.statSync(cli).mtimeMs >= src) return;
  const r = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("tsc -p tsconfig.cli.json failed");
}

async function makeInputs(dir) {
  const ExcelJS = require(path.join(root, "node_modules", "exceljs"));
  const xlsx = path.join(dir, "lsoa.xlsx");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useStyles: false, useSharedStrings: true });
  const ws = wb.addWorksheet("LSOAs");
  ws.addRow(HEADERS).commit();
  for (const r of syntheticRows()) ws.addRow(r.map((v, i) => (i === 8 ? v === "TRUE" : v))).commit();
  ws.commit();
  await wb.commit();
  // The same table as a council keeps it: a bold, filled header row frozen at the top, column widths,
  // number formats (one decimal, thousands), an Excel table with filter buttons, and a notes sheet.
  const formatted = path.join(dir, "lsoa-formatted.xlsx");
  const fw = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: formatted, useStyles: true, useSharedStrings: true });
  const notes = fw.addWorksheet("Read me");
  notes.addRow(["LSOA indicators, 2011 Census geography"]).commit();
  notes.commit();
  const fs2 = fw.addWorksheet("LSOAs", { views: [{ state: "frozen", ySplit: 1 }] });
  fs2.columns = HEADERS.map((h, i) => ({ header: h, key: `c${i}`, width: i === 1 ? 28 : 14, style: i >= 2 && i <= 6 ? { numFmt: "0.0" } : i === 7 ? { numFmt: "#,##0" } : {} }));
  fs2.getRow(1).font = { bold: true };
  fs2.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  fs2.getRow(1).commit();
  for (const r of syntheticRows()) fs2.addRow(r.map((v, i) => (i === 8 ? v === "TRUE" : v))).commit();
  fs2.autoFilter = `A1:I${ROWS + 1}`;
  fs2.commit();
  await fw.commit();
  const csv = path.join(dir, "lsoa.csv");
  const lines = [HEADERS.join(",")];
  for (const r of syntheticRows()) lines.push(r.join(","));
  fs.writeFileSync(csv, lines.join("\n") + "\n");
  return { xlsx, formatted, csv };
}

const { measureChild, hasTime } = require("../scripts/measure-child");

/** One measured run of `node <args>`; a failing run is an error (its last stderr lines say why). */
async function measureOnce(args, env) {
  const r = await measureChild(args, { cwd: root, env });
  if (r.code !== 0) throw new Error(`node ${args.join(" ")} exited ${r.code}: ${r.stderr.trim().split("\n").slice(-3).join(" ")}`);
  return { ms: r.ms, cpuMs: r.cpuMs, peakRssMb: r.peakRssMb };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/**
 * Runs every case RUNS times, interleaved (baseline, then the others, round after round), so that a
 * busy machine slows them alike; reports median wall time, median CPU time and the largest peak.
 */
async function measureAll(cases) {
  const runs = cases.map(() => []);
  for (let i = 0; i < RUNS; i++) for (const [k, c] of cases.entries()) runs[k].push(await measureOnce(c.args, c.env || {}));
  return runs.map((rs) => ({
    ms: Math.round(median(rs.map((r) => r.ms))),
    cpuMs: rs[0].cpuMs === null ? null : median(rs.map((r) => r.cpuMs)),
    peakRssMb: Math.max(...rs.map((r) => r.peakRssMb)),
  }));
}

// The baselines: ExcelJS alone reading and writing the file (whole-workbook API, as an add-in or script would).
const BASELINE_XLSX = `const E=require(process.argv[1]);(async()=>{const w=new E.Workbook();await w.xlsx.readFile(process.argv[2]);await w.xlsx.writeFile(process.argv[3]);})().catch(e=>{console.error(e);process.exit(1)})`;
const BASELINE_CSV = `const E=require(process.argv[1]);(async()=>{const w=new E.Workbook();await w.csv.readFile(process.argv[2]);await w.csv.writeFile(process.argv[3]);})().catch(e=>{console.error(e);process.exit(1)})`;

// The libraries the command line itself uses for CSV, for comparison (ratios are still against ExcelJS).
const BASELINE_CSV_PARSE = `const r=(m)=>require(require.resolve(m,{paths:[process.argv[1]]}));const fs=require("fs");const rows=r("csv-parse/sync").parse(fs.readFileSync(process.argv[2],"utf8"),{relax_column_count:true});fs.writeFileSync(process.argv[3],r("csv-stringify/sync").stringify(rows));`;

async function run(report) {
  ensureBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohesion-bench-"));
  try {
    const { xlsx, formatted, csv } = await makeInputs(dir);
    const exceljs = path.join(root, "node_modules", "exceljs");
    const out = (name) => path.join(dir, name);

    const groups = [
      [
        { name: "xlsx: ExcelJS read+write alone (baseline)", args: ["-e", BASELINE_XLSX, exceljs, xlsx, out("baseline.xlsx")] },
        { name: "xlsx: cohesion apply (plain sheet)", args: [cli, "apply", xlsx, "--out", out("apply.xlsx")] },
      ],
      [
        { name: "formatted xlsx: ExcelJS read+write alone (baseline)", args: ["-e", BASELINE_XLSX, exceljs, formatted, out("baseline-formatted.xlsx")] },
        { name: "formatted xlsx: cohesion apply (formats, frozen header, filter, two sheets)", args: [cli, "apply", formatted, "--out", out("apply-formatted.xlsx")] },
      ],
      [
        { name: "csv: ExcelJS read+write alone (baseline)", args: ["-e", BASELINE_CSV, exceljs, csv, out("baseline.csv")] },
        { name: "csv: csv-parse + csv-stringify read+write alone", args: ["-e", BASELINE_CSV_PARSE, root, csv, out("baseline-parse.csv")] },
        { name: "csv: cohesion apply (csv → csv)", args: [cli, "apply", csv, "--out", out("apply.csv")] },
        { name: "csv: cohesion apply (csv → xlsx)", args: [cli, "apply", csv, "--out", out("apply-from-csv.xlsx")] },
      ],
    ];
    for (const cases of groups) {
      const results = await measureAll(cases);
      const base = results[0];
      cases.forEach((c, k) => {
        const r = results[k];
        const fields = { ms: r.ms, ratio: +(r.ms / base.ms).toFixed(2), peakRssMb: r.peakRssMb, rows: ROWS };
        if (r.cpuMs !== null) Object.assign(fields, { cpuMs: r.cpuMs, cpuRatio: +(r.cpuMs / base.cpuMs).toFixed(2) });
        report(c.name, fields);
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run, measureOnce, ensureBuilt };

if (require.main === module) {
  console.log(`cli.bench: ${ROWS} rows, ${RUNS} run(s) each, peak memory from ${hasTime ? "/usr/bin/time -v" : "polling"}`);
  run((name, fields) => console.log(`${name.padEnd(52)} ${Object.entries(fields).map(([k, v]) => `${k}=${v}`).join("  ")}`)).catch((e) => {
    console.error(`cli.bench failed: ${e.message}`);
    process.exitCode = 1;
  });
}
