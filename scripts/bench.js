#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.js in turn. Each reports rows {name, fields};
// every row's ratio is against a baseline measured in the same run (see each file).
// Results are printed and saved to bench/out/results.json.
const fs = require("fs");
const path = require("path");

(async () => {
  const dir = path.resolve(__dirname, "..", "bench");
  const only = process.argv.slice(2);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".bench.js") && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
  const results = [];
  const started = new Date().toISOString();
  for (const f of files) {
    console.log(`\n== ${f}`);
    const t0 = Date.now();
    try {
      await require(path.join(dir, f)).run((name, fields) => {
        results.push({ file: f, name, ...fields, date: started });
        const parts = Object.entries(fields).map(([k, v]) => `${k}=${v}`);
        console.log(`  ${name}: ${parts.join("  ")}`);
      });
    } catch (e) {
      console.log(`  FAILED: ${e && e.message}`);
      results.push({ file: f, name: "error", error: String(e && e.message), date: started });
    }
    console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  }
  fs.mkdirSync(path.join(dir, "out"), { recursive: true });
  // `npm run bench -- engine` replaces the engine's rows only: the rows of bench files not run this time are kept
  // (each row has the date of its run), so the README's table (npm run bench:readme) can show every bench.
  const out = path.join(dir, "out", "results.json");
  let kept = [];
  try {
    const prior = JSON.parse(fs.readFileSync(out, "utf8"));
    kept = (prior.results || []).filter((r) => !files.includes(r.file)).map((r) => ({ ...r, date: r.date || prior.date }));
  } catch {
    // no earlier results
  }
  const order = (f) => fs.readdirSync(dir).filter((x) => x.endsWith(".bench.js")).sort().indexOf(f);
  const all = [...kept, ...results].sort((a, b) => order(a.file) - order(b.file));
  fs.writeFileSync(out, JSON.stringify({ date: started, node: process.version, results: all }, null, 2));
  console.log(`\nSaved bench/out/results.json`);
})();
