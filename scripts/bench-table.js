#!/usr/bin/env node
// `npm run bench:readme`: rewrites the README's Performance table (between the bench-table marker comments)
// from bench/out/results.json, so no figure is typed by hand. One row per figure a bench reported, in file
// order; beside each figure its same-run baseline: the nearest row before it in the same bench file whose name
// says "(baseline)" (cli.bench.js: ExcelJS alone; engine.bench.js: the engine, or a plain loop), or the
// baseline a row carries itself (taskpane.bench.js: the engine alone per 10,000 rows), with the ratio.
//   node scripts/bench-table.js [results.json] [--readme=README.md] [--check]
// --check exits 1 when the README's table differs from what results.json gives (nothing written).
"use strict";
const fs = require("fs");
const path = require("path");

const START = "<!-- bench-table:start (npm run bench:readme writes this table from bench/out/results.json; do not edit by hand) -->";
const END = "<!-- bench-table:end -->";
const HEADER = ["Bench", "What", "Figure", "Baseline (same run)", "Ratio"];

const nf = (n, digits = 0) => Number(n).toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
/** Milliseconds as people read them: "52 ms", "4.6 s". */
const time = (ms) => (ms >= 10_000 ? `${nf(ms / 1000, 0)} s` : ms >= 1000 ? `${nf(ms / 1000, 1)} s` : `${nf(ms, ms < 10 ? 2 : 1)} ms`);
const kib = (bytes) => `${nf(bytes / 1024, 1)} KiB`;
const cell = (s) => String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The figure of one result row, from the fields the benches report (in this order); fields not listed are left out. */
function figure(r) {
  const parts = [];
  if (r.gzipBytes !== undefined) parts.push(`${kib(r.gzipBytes)} gzip${r.rawBytes !== undefined ? ` (${kib(r.rawBytes)} raw)` : ""}`);
  if (r.taskpaneGzipBytes !== undefined) parts.push(`taskpane.js ${kib(r.taskpaneGzipBytes)} gzip`);
  if (r.functionsGzipBytes !== undefined) parts.push(`functions.js ${kib(r.functionsGzipBytes)} gzip`);
  if (r.functionsHasReactOrFluent !== undefined) parts.push(`React/Fluent in functions.js: ${r.functionsHasReactOrFluent}`);
  if (r.interactiveMs !== undefined) parts.push(`interactive in ${time(r.interactiveMs)}`);
  if (r.tabListVisibleMs !== undefined) parts.push(`tabs shown at ${time(r.tabListVisibleMs)}`);
  if (r.ms !== undefined && r.interactiveMs === undefined) parts.push(time(r.ms));
  if (r.cpuMs !== undefined) parts.push(`${time(r.cpuMs)} of CPU`);
  if (r.peakRssMb !== undefined) parts.push(`peak ${nf(r.peakRssMb)} MB`);
  if (r.msPer10k !== undefined) parts.push(`${time(r.msPer10k)} per 10,000 rows`);
  if (r.msPerCall !== undefined) parts.push(`${time(r.msPerCall)} per call`);
  if (r.msPerArea !== undefined) parts.push(`${time(r.msPerArea)} per area`);
  if (r.syncs !== undefined) parts.push(`${nf(r.syncs)} requests`);
  if (r.largestRequestMB !== undefined) parts.push(`largest ${nf(r.largestRequestMB, 2)} MB`);
  if (r.mb !== undefined) parts.push(`${nf(r.mb, 1)} MB file`);
  if (r.rows !== undefined && !/row/i.test(r.name)) parts.push(`${nf(r.rows)} rows`);
  if (r.targetMs !== undefined) parts.push(`target ≤ ${time(r.targetMs)}`);
  if (r.targetGzipBytes !== undefined) parts.push(`target ≤ ${kib(r.targetGzipBytes)}`);
  if (r.error !== undefined) parts.push(`FAILED: ${r.error}`);
  return parts.join(", ") || "—";
}

const isBaseline = (r) => /\(baseline\)/i.test(r.name);

/** The table rows (arrays of cells) for a results.json object. */
function tableRows(results) {
  const rows = [];
  const list = results.results || [];
  list.forEach((r, i) => {
    const bench = r.file.replace(/\.bench\.js$/, "");
    const what = r.name.replace(/\s*\(baseline\)\s*$/i, "");
    let baseline = "—";
    let ratio = "—";
    if (isBaseline(r)) {
      baseline = "this row is the baseline";
    } else if (r.ratio !== undefined || r.cpuRatio !== undefined) {
      // A baseline the row carries itself comes first; else the nearest "(baseline)" row before it in its file.
      let b = null;
      if (r.computeMsPer10k !== undefined) baseline = `the engine alone: ${time(r.computeMsPer10k)} per 10,000 rows`;
      else if (r.blankPageMs !== undefined) baseline = `a blank page: ${time(r.blankPageMs)}`;
      else {
        for (let k = i - 1; k >= 0 && list[k].file === r.file; k--) {
          if (isBaseline(list[k])) {
            b = list[k];
            break;
          }
        }
        if (b) baseline = `${b.name.replace(/\s*\(baseline\)\s*$/i, "")}: ${figure(b)}`;
      }
      const ratios = [];
      if (r.ratio !== undefined && (b || r.computeMsPer10k !== undefined || r.blankPageMs !== undefined)) ratios.push(`${nf(r.ratio, 2)} ×`);
      if (r.cpuRatio !== undefined) ratios.push(`${nf(r.cpuRatio, 2)} × on CPU`);
      if (r.vsColumnPath !== undefined) ratios.push(`${nf(r.vsColumnPath, 1)} × the column path`);
      if (ratios.length) ratio = ratios.join("; ");
    }
    rows.push([bench, what, figure(r), baseline, ratio]);
  });
  return rows;
}

/** The Markdown block between the markers (without them): a line saying when and where, then the table. */
function renderTable(results) {
  // Each bench file's rows carry the date of the run that measured them (scripts/bench.js keeps the files not re-run).
  const byDate = new Map();
  for (const r of results.results || []) {
    const d = String(r.date || results.date || "unknown date").slice(0, 10);
    const bench = r.file.replace(/\.bench\.js$/, "");
    if (!byDate.has(d)) byDate.set(d, new Set());
    byDate.get(d).add(bench);
  }
  const when = [...byDate].map(([d, b]) => (byDate.size > 1 ? `${d} (${[...b].join(", ")})` : d)).join(", ");
  const lines = [`Figures of ${when || "no run"} (node ${results.node || "?"}), from \`bench/out/results.json\`:`, "", `| ${HEADER.join(" | ")} |`, `|${HEADER.map(() => "---").join("|")}|`];
  for (const row of tableRows(results)) lines.push(`| ${row.map(cell).join(" | ")} |`);
  return lines.join("\n");
}

/** The README with the block between the markers replaced; throws when the markers are missing. */
function replaceTable(readme, block) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no bench table markers: add\n${START}\n${END}\nwhere the table goes.`);
  return `${readme.slice(0, a + START.length)}\n${block}\n${readme.slice(b)}`;
}

/** The block between the markers as it is now (null without markers). */
function currentTable(readme) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  return a < 0 || b < a ? null : readme.slice(a + START.length, b).trim();
}

module.exports = { START, END, HEADER, renderTable, replaceTable, currentTable, tableRows, figure };

if (require.main === module) {
  const root = path.resolve(__dirname, "..");
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--")) || path.join(root, "bench", "out", "results.json");
  const readmeArg = args.find((a) => a.startsWith("--readme="));
  const readmePath = readmeArg ? path.resolve(readmeArg.slice(9)) : path.join(root, "README.md");
  if (!fs.existsSync(file)) {
    console.error(`${file} is missing: run \`npm run bench\` first.`);
    process.exit(2);
  }
  const results = JSON.parse(fs.readFileSync(file, "utf8"));
  const readme = fs.readFileSync(readmePath, "utf8");
  const next = replaceTable(readme, renderTable(results));
  if (args.includes("--check")) {
    if (next !== readme) {
      console.error(`${path.relative(root, readmePath)}: the Performance table differs from ${path.relative(root, file)}; run npm run bench:readme.`);
      process.exit(1);
    }
    console.log("The Performance table matches results.json.");
  } else {
    fs.writeFileSync(readmePath, next);
    console.log(`Wrote ${tableRows(results).length} rows to ${path.relative(root, readmePath)} from ${path.relative(root, file)}.`);
  }
}
