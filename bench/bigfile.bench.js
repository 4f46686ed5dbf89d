#!/usr/bin/env node
// A million rows (Excel's sheet holds 1,048,576): `cohesion apply` on a 1,000,000-row CSV and on a
// 1,000,000-row plain .xlsx, each as its own child process, with wall time, CPU time and peak
// resident memory (as in cli.bench.js). The CSV case is also a test (test/cli/bigfile.test.ts);
// the .xlsx cases are here because building and reading such a workbook takes about a minute.
//
// Runs under `npm run bench` (or `node scripts/bench.js bigfile`), or alone: `node bench/bigfile.bench.js`.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { measureOnce, ensureBuilt } = require("./cli.bench.js");

const root = path.resolve(__dirname, "..");
const cli = path.join(root, "lib", "cli", "main.js");
const ROWS = 1_000_000;
const HEADERS = ["Authority", "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10,000", "Jobs 1984", "Single issue"];

/** Row i of the synthetic table (the same rule as test/helpers/hostileFiles.ts writeBigCsv). */
function row(i) {
  return [`E${String(i).padStart(8, "0")}`, +(50 + ((i * 7919) % 3000) / 100).toFixed(1), (i % 5) / 2, 10 + ((i * 31) % 30), (i * 17) % 100, (i * 13) % 20, i % 3 ? 1500 : null, i % 7 === 0];
}

function writeCsv(file) {
  const fd = fs.openSync(file, "w");
  let block = [HEADERS.map((h) => (h.includes(",") ? `"${h}"` : h)).join(",")];
  for (let i = 1; i <= ROWS; i++) {
    block.push(row(i).map((v) => (v === null ? "" : v === true ? "TRUE" : v === false ? "FALSE" : String(v))).join(","));
    if (block.length >= 20000) {
      fs.writeSync(fd, block.join("\n") + "\n");
      block = [];
    }
  }
  if (block.length) fs.writeSync(fd, block.join("\n") + "\n");
  fs.closeSync(fd);
}

async function writeXlsx(file) {
  const ExcelJS = require(path.join(root, "node_modules", "exceljs"));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet("Areas");
  ws.addRow(HEADERS).commit();
  for (let i = 1; i <= ROWS; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
}

async function run(report) {
  ensureBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohesion-bigbench-"));
  try {
    const csv = path.join(dir, "million.csv");
    const xlsx = path.join(dir, "million.xlsx");
    let t0 = Date.now();
    writeCsv(csv);
    report("build: 1,000,000-row CSV", { ms: Date.now() - t0, mb: +(fs.statSync(csv).size / 1e6).toFixed(1) });
    t0 = Date.now();
    await writeXlsx(xlsx);
    report("build: 1,000,000-row .xlsx (ExcelJS streaming writer)", { ms: Date.now() - t0, mb: +(fs.statSync(xlsx).size / 1e6).toFixed(1) });
    const out = (name) => path.join(dir, name);
    const cases = [
      { name: "csv → csv (streamed, two passes)", args: [cli, "apply", csv, "--out", out("a.csv")] },
      { name: "csv → xlsx (streamed; a new workbook written as it streams)", args: [cli, "apply", csv, "--out", out("a.xlsx")] },
      { name: "xlsx → csv (read part by part, two passes)", args: [cli, "apply", xlsx, "--out", out("b.csv")] },
      { name: "xlsx → xlsx (read part by part, two passes; the data sheet rewritten as it streams)", args: [cli, "apply", xlsx, "--out", out("b.xlsx")] },
    ];
    for (const c of cases) {
      const r = await measureOnce(c.args, c.env || {});
      report(c.name, { rows: ROWS, ms: Math.round(r.ms), ...(r.cpuMs === null ? {} : { cpuMs: r.cpuMs }), peakRssMb: r.peakRssMb });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };

if (require.main === module) {
  run((name, fields) => console.log(`${name.padEnd(58)} ${Object.entries(fields).map(([k, v]) => `${k}=${v}`).join("  ")}`)).catch((e) => {
    console.error(`bigfile.bench failed: ${e.message}`);
    process.exitCode = 1;
  });
}
