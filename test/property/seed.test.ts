/** The property tests are reproducible: every fc.assert in a run draws from one fixed seed. */
import fc from "fast-check";

it("fast-check runs from a fixed seed (COHESION_FC_SEED, or the suite default), so CI sees the same inputs every run", () => {
  const seed = fc.readConfigureGlobal().seed;
  expect(Number.isInteger(seed)).toBe(true);
  const expected = process.env.COHESION_FC_SEED ? Number(process.env.COHESION_FC_SEED) : 20_070_601;
  expect(seed).toBe(expected);
  const arb = fc.array(fc.double(), { minLength: 5, maxLength: 5 });
  expect(fc.sample(arb, 3)).toEqual(fc.sample(arb, 3));
});
