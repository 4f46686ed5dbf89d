/**
 * Every fast-check property in the suite runs from one fixed seed, so `npm test` (and CI) is
 * reproducible: the same inputs every run, and a failure can be replayed exactly.
 * `npm run fuzz` explores new inputs with a fresh random seed and prints it; to replay a failure,
 * run `COHESION_FC_SEED=<seed> npx jest test/property`.
 */
import fc from "fast-check";

const DEFAULT_SEED = 20_070_601; // any fixed number; chosen once
const fromEnv = Number(process.env.COHESION_FC_SEED);
fc.configureGlobal({ seed: Number.isInteger(fromEnv) && process.env.COHESION_FC_SEED !== "" ? fromEnv : DEFAULT_SEED });
