// Engine and custom-function throughput on a 32,844-row table (England's LSOA count).
// Baseline (same run): evaluateColumns, the engine's whole-table path. Compared: the custom
// functions' spilled column calls (adapter + engine), which is what Excel runs for one formula.
require("./_ts");
const { prng, best, runAlone } = require("./_util");

const ROWS = 32844;

async function run(report) {
  const engine = require("../src/engine/index.ts");
  globalThis.CustomFunctions = { Error: class extends Error { constructor(code, m) { super(m); this.code = code; } }, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" }, associate() {} };
  const F = require("../src/functions/functions.ts");
  const rnd = prng(7);
  const cols = { score: [], ci: [], nvq4: [], rural: [], a8: [], jobs1984: [], singleissue: [] };
  for (let i = 0; i < ROWS; i++) {
    cols.score.push(Math.round((50 + rnd() * 40) * 10) / 10);
    cols.ci.push(Math.round(rnd() * 40) / 10);
    cols.nvq4.push(Math.round(rnd() * 600) / 10);
    cols.rural.push(Math.round(rnd() * 1000) / 10);
    cols.a8.push(Math.round(rnd() * 200) / 10);
    cols.jobs1984.push(Math.round(rnd() * 5000));
    cols.singleissue.push(rnd() < 0.1);
  }
  const asCol = (a) => a.map((v) => [v]);
  const baseline = await best(() => engine.evaluateColumns(cols, ROWS));
  report("engine: evaluateColumns, 32,844 rows (baseline)", { ms: +baseline.toFixed(1), msPer10k: +((baseline * 10000) / ROWS).toFixed(1), ratio: 1 });
  const m = { score: asCol(cols.score), ci: asCol(cols.ci), nvq4: asCol(cols.nvq4), rural: asCol(cols.rural), a8: asCol(cols.a8), jobs: asCol(cols.jobs1984) };
  const alloc = await best(() => F.abgAllocationFn(m.score, m.ci));
  report("functions: =COHESION.ABG.ALLOCATION(column, column), 32,844 rows", { ms: +alloc.toFixed(1), ratio: +(alloc / baseline).toFixed(2) });
  const fam = await best(() => F.familyType(m.nvq4, m.rural, m.a8, m.jobs));
  report("functions: =COHESION.FAMILYTYPE(4 columns), 32,844 rows", { ms: +fam.toFixed(1), ratio: +(fam / baseline).toFixed(2) });
  const one = await best(() => {
    for (let i = 0; i < 1000; i++) F.abgAllocationFn([[cols.score[i]]]);
  });
  report("functions: 1,000 single-cell =COHESION.ABG.ALLOCATION calls", { ms: +one.toFixed(1), msPerCall: +(one / 1000).toFixed(4) });
}

module.exports = { run };
runAlone(module);
