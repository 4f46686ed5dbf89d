import { normalQuantile, zForLevel } from "../../../src/engine/stats";
import { err, val } from "../../helpers/results";

// Reference quantiles from an independent implementation (scipy.stats.norm.ppf), to full double precision.
const REFERENCE: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798409],
  [1e-10, -6.361340902404056],
  [0.001, -3.090232306167813],
  [0.01, -2.3263478740408408],
  [0.025, -1.9599639845400545],
  [0.3, -0.5244005127080409],
  [0.5, 0],
  [0.7, 0.5244005127080407],
  [0.975, 1.959963984540054],
  [0.999, 3.090232306167813],
];

describe("normalQuantile (Wichura AS 241)", () => {
  it.each(REFERENCE)("Φ⁻¹(%p) = %p to 1e-14 relative", (p, z) => {
    const got = val(normalQuantile(p));
    expect(Math.abs(got - z)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(z)));
  });

  it("is odd about 0.5: Φ⁻¹(p) = −Φ⁻¹(1 − p)", () => {
    for (const p of [0.01, 0.1, 0.2, 0.4, 0.45]) {
      expect(val(normalQuantile(p))).toBeCloseTo(-val(normalQuantile(1 - p)), 12);
    }
  });

  describe("bad input", () => {
    it.each([0, 1, -0.1, 1.5, NaN, Infinity, -Infinity])("rejects %p as invalid, naming the range", (p) => {
      expect(err(normalQuantile(p), "invalid").message).toMatch(/strictly between 0 and 1/);
    });
    it("blank is missing", () => {
      err(normalQuantile(null as unknown as number), "missing");
    });
  });
});

describe("zForLevel", () => {
  it("z(0.95) = 1.959964", () => {
    const z = val(zForLevel(0.95));
    expect(z).toBeCloseTo(1.959964, 6);
    expect(Math.abs(z - 1.959963984540054)).toBeLessThan(1e-15);
  });
  it("z(0.99) = 2.575829 and z(0.90) = 1.644854", () => {
    expect(val(zForLevel(0.99))).toBeCloseTo(2.5758293035489004, 13);
    expect(val(zForLevel(0.9))).toBeCloseTo(1.6448536269514722, 13);
  });
  it("keeps precision for levels close to 1", () => {
    // two-sided 1 − 2e-10 → Φ⁻¹(1 − 1e-10) = 6.361340902404056 (scipy: isf(1e-10))
    expect(val(zForLevel(1 - 2e-10))).toBeCloseTo(6.3613409, 5);
  });
  it.each([0, 1, 95, -0.5, NaN, Infinity])("rejects level %p", (level) => {
    expect(err(zForLevel(level), "invalid").field).toBe("level");
  });
});
