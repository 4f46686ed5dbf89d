// Shared helpers for benchmarks: the deterministic PRNG (scripts/prng.js) and a timer that takes the best of several runs.
const { prng } = require("../scripts/prng");

/** Best wall time (ms) of `repeat` runs of fn, after one warm-up. */
async function best(fn, repeat = 5) {
  await fn();
  let min = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return min;
}

/** Runs a bench file on its own: `node bench/x.bench.js`. */
function runAlone(mod) {
  if (require.main !== mod) return;
  const rows = [];
  mod.exports
    .run((name, fields) => {
      rows.push({ name, ...fields });
      console.log(name, JSON.stringify(fields));
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}

module.exports = { prng, best, runAlone };
