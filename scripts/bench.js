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
  for (const f of files) {
    console.log(`\n== ${f}`);
    const t0 = Date.now();
    try {
      await require(path.join(dir, f)).run((name, fields) => {
        results.push({ file: f, name, ...fields });
        const parts = Object.entries(fields).map(([k, v]) => `${k}=${v}`);
        console.log(`  ${name}: ${parts.join("  ")}`);
      });
    } catch (e) {
      console.log(`  FAILED: ${e && e.message}`);
      results.push({ file: f, name: "error", error: String(e && e.message) });
    }
    console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  }
  fs.mkdirSync(path.join(dir, "out"), { recursive: true });
  fs.writeFileSync(path.join(dir, "out", "results.json"), JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
  console.log(`\nSaved bench/out/results.json`);
})();
