#!/usr/bin/env node
/**
 * `npm run fuzz [-- <rounds>]`: runs the property tests (test/property) with fresh random seeds,
 * printing each seed first, so new inputs are explored without making `npm test` non-reproducible.
 * A failure prints the seed to replay with: COHESION_FC_SEED=<seed> npx jest test/property
 * COHESION_FC_RUNS sets the inputs per property (default 100,000, as in `npm test`).
 */
"use strict";
const { spawnSync } = require("node:child_process");
const { randomInt } = require("node:crypto");

const rounds = Math.max(1, Number(process.argv[2]) || 1);
let failed = 0;
for (let i = 0; i < rounds; i++) {
  const seed = randomInt(0, 2 ** 31 - 1);
  console.log(`fuzz round ${i + 1}/${rounds}: COHESION_FC_SEED=${seed}`);
  const r = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), "test/property", "--silent"], {
    stdio: "inherit",
    env: { ...process.env, COHESION_FC_SEED: String(seed) },
  });
  if (r.status !== 0) {
    failed++;
    console.log(`fuzz: seed ${seed} FAILED; replay with COHESION_FC_SEED=${seed} npx jest test/property`);
  }
}
console.log(`fuzz: ${rounds - failed} of ${rounds} rounds passed`);
process.exit(failed ? 1 : 0);
