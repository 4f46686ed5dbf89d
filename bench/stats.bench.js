// NEIGHBOURS over 10,000 areas × 10 indicators (issue: analyst tools).
// Baseline (same run): one pass that standardises the table (prepareNeighbours), the unavoidable
// O(areas × indicators) work; compared: one full query, the custom function, and peers for 100 areas.
require("./_ts");
const { prng, best, runAlone } = require("./_util");

async function run(report) {
  const stats = require("../src/engine/stats/index.ts");
  require("../src/preview/customFunctionsDouble.ts").installCustomFunctionsDouble();
  const F = require("../src/functions/functions.ts");
  const rnd = prng(11);
  const N = 10000;
  const M = 10;
  const names = Array.from({ length: N }, (_, i) => `Area ${String(i).padStart(5, "0")}`);
  const table = names.map(() => Array.from({ length: M }, () => (rnd() < 0.01 ? null : Math.round(rnd() * 1000) / 10)));
  const prep = await best(() => stats.prepareNeighbours(names, table, { method: "zscore" }));
  report("stats: prepareNeighbours 10,000 × 10 (baseline)", { ms: +prep.toFixed(2), ratio: 1 });
  const q = await best(() => stats.nearestNeighbours(names, table, "Area 05000", { k: 15 }));
  report("stats: nearestNeighbours, one area, k=15, zscore", { ms: +q.toFixed(2), ratio: +(q / prep).toFixed(2) });
  const mm = await best(() => stats.nearestNeighbours(names, table, "Area 05000", { k: 15, method: "minmax" }));
  report("stats: nearestNeighbours, one area, k=15, minmax", { ms: +mm.toFixed(2), ratio: +(mm / prep).toFixed(2) });
  const fn = await best(() => F.neighboursFn(names.map((n) => [n]), table, "Area 05000"));
  report("functions: =COHESION.NEIGHBOURS(10,000 names, 10,000 × 10, area)", { ms: +fn.toFixed(2), ratio: +(fn / prep).toFixed(2) });
  const model = stats.prepareNeighbours(names, table, { method: "zscore" });
  const hundred = await best(() => {
    for (let i = 0; i < 100; i++) model.value.query(names[i * 100], 15);
  }, 3);
  report("stats: peers for 100 areas on one prepared model", { ms: +hundred.toFixed(1), msPerArea: +(hundred / 100).toFixed(2) });
}

module.exports = { run };
runAlone(module);
