// Shared helpers for benchmarks: a deterministic PRNG and a timer that takes the best of several runs.
function prng(seed = 42) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
