/**
 * The steps of {@link prepareNeighbours} (nearestNeighbours.ts): checking the names, the indicator
 * table and the weights, and the coordinates each area gets (z-scores or min-max, missing values
 * mean-imputed). The method and its sources are described there.
 */
import { fail, ok, type Result } from "../types";
import { checkNumber, show } from "./_validate";
import type { NeighbourMethod, NeighbourModelOptions } from "./nearestNeighbours";

/** The largest min-max distance computed (its square, summed over columns, stays finite). */
const MAX_MINMAX_DISTANCE = 1e150;

/** Each name's row, checking that every name is non-blank text and unique. */
export function checkNames(names: readonly string[]): Result<Map<string, number>> {
  if (names === undefined || names === null) return fail("missing", "Area names are blank; give one name per area.", "names");
  if (!Array.isArray(names)) return fail("invalid", `Area names must be a list of text; got ${show(names)}.`, "names");
  if (names.length === 0) return fail("missing", "Area names are empty; give one name per area.", "names");
  const index = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const nm: unknown = names[i];
    if (nm === undefined || nm === null || (typeof nm === "string" && nm.trim() === "")) {
      return fail("missing", `Area name ${i + 1} is blank; every area needs a unique name.`, "names");
    }
    if (typeof nm !== "string") return fail("invalid", `Area name ${i + 1} must be text; got ${show(nm)}.`, "names");
    const prev = index.get(nm);
    if (prev !== undefined) {
      return fail("invalid", `Area name "${nm}" appears twice (areas ${prev + 1} and ${i + 1}); names must be unique.`, "names");
    }
    index.set(nm, i);
  }
  return ok(index, "");
}

/** The indicator table as flat arrays (row-major): each value, and whether it is present. */
export function checkIndicators(names: readonly string[], indicators: readonly (readonly (number | null)[])[]): Result<{ values: Float64Array; present: Uint8Array; m: number }> {
  if (indicators === undefined || indicators === null) return fail("missing", "Indicators are blank; give one row per area.", "indicators");
  if (!Array.isArray(indicators)) return fail("invalid", `Indicators must be a table (rows = areas); got ${show(indicators)}.`, "indicators");
  const n = names.length;
  if (indicators.length !== n) {
    return fail("invalid", `Indicators have ${indicators.length} rows but there are ${n} area names; give one row per area.`, "indicators");
  }
  const first: unknown = indicators[0];
  if (!Array.isArray(first)) return fail("invalid", `Indicator row 1 must be a list of numbers; got ${show(first)}.`, "indicators");
  const m = first.length;
  if (m === 0) return fail("missing", "Indicator rows are empty; give at least one indicator column.", "indicators");
  const values = new Float64Array(n * m);
  const present = new Uint8Array(n * m);
  for (let i = 0; i < n; i++) {
    const row: unknown = indicators[i];
    if (!Array.isArray(row)) return fail("invalid", `Indicator row ${i + 1} ("${names[i]}") must be a list of numbers; got ${show(row)}.`, "indicators");
    if (row.length !== m) {
      return fail("invalid", `Indicator row ${i + 1} ("${names[i]}") has ${row.length} values but row 1 has ${m}; every row needs the same columns.`, "indicators");
    }
    for (let j = 0; j < m; j++) {
      const v: unknown = row[j];
      if (v === null || v === undefined) continue;
      if (typeof v !== "number" || !Number.isFinite(v)) {
        return fail(
          "invalid",
          `Indicator row ${i + 1} ("${names[i]}"), column ${j + 1} must be a finite number or blank (missing); got ${show(v)}.`,
          "indicators",
        );
      }
      values[i * m + j] = v;
      present[i * m + j] = 1;
    }
  }
  return ok({ values, present, m }, "");
}

/** One weight per column (all 1 when none are given), and the largest. */
export function checkWeights(given: NeighbourModelOptions["weights"], m: number, method: NeighbourMethod): Result<{ weights: Float64Array; maxWeight: number }> {
  const weights = new Float64Array(m).fill(1);
  if (given !== undefined && given !== null) {
    const w: unknown = given;
    if (!Array.isArray(w)) return fail("invalid", `Weights must be a list of ${m} numbers ≥ 0; got ${show(w)}.`, "weights");
    if (w.length !== m) return fail("invalid", `Weights have ${w.length} values but there are ${m} indicator columns; give one weight per column.`, "weights");
    let total = 0;
    for (let j = 0; j < m; j++) {
      const bad = checkNumber(w[j], "weights", `Weight ${j + 1}`, { min: 0, text: "of at least 0 (0 excludes the indicator)" });
      if (bad) return bad;
      weights[j] = w[j] as number;
      total += weights[j];
    }
    if (!(total > 0)) return fail("invalid", "Weights are all 0; at least one indicator needs a weight above 0.", "weights");
  }
  let maxWeight = 0;
  for (let j = 0; j < m; j++) maxWeight = Math.max(maxWeight, weights[j]);
  // Min-max distances are on the [0, weight] scale itself, so their squares must stay finite.
  if (method === "minmax" && maxWeight * Math.sqrt(m) > MAX_MINMAX_DISTANCE) {
    return fail("invalid", `Weights up to ${maxWeight} are too large for min-max distances (their squares overflow); weights are relative, so divide them all by the same number.`, "weights");
  }

  return ok({ weights, maxWeight }, "");
}

/**
 * Each area's coordinates (row-major), per column: in units of the column's span, then z-scored or
 * min-max scaled and weighted; `values` is rescaled in place. Columns with no values (`empty`) or no
 * spread (`flat`) stay 0; `imputed` counts the missing values filled with the column mean.
 */
export function coordinates(
  values: Float64Array,
  present: Uint8Array,
  n: number,
  m: number,
  weights: Float64Array,
  maxWeight: number,
  method: NeighbourMethod,
): Result<{ coords: Float64Array; flat: number[]; empty: number[]; imputed: number }> {
  // Column statistics, once: count, min, max, mean (shifted by min), population SD (two-pass).
  const coords = new Float64Array(n * m);
  const flat: number[] = [];
  const empty: number[] = [];
  let imputed = 0;
  for (let j = 0; j < m; j++) {
    let count = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      if (present[i * m + j] === 0) continue;
      const v = values[i * m + j];
      count++;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    imputed += n - count;
    if (count > 0 && !Number.isFinite(max - min)) {
      return fail("invalid", `Indicator column ${j + 1} spans more than the largest representable number (${min} to ${max}); rescale it.`, "indicators");
    }
    if (count === 0) {
      empty.push(j);
      continue; // coords stay 0
    }
    if (min === max || weights[j] === 0) {
      if (min === max) flat.push(j);
      continue; // contributes 0 to every distance
    }
    // In units of the column's span, u = (x − min)/(max − min) ∈ [0, 1]: z-scores and min-max scaling
    // are the same in these units, and no sum can overflow (found by fast-check: a column holding
    // −1e308, 0, 0 summed to Infinity and gave NaN distances).
    const span = max - min;
    let uSum = 0;
    for (let i = 0; i < n; i++) {
      const k = i * m + j;
      if (present[k] === 0) continue;
      values[k] = (values[k] - min) / span; // this column's values are read in these units from here on
      uSum += values[k];
    }
    const uMean = uSum / count;
    if (method === "zscore") {
      let ss = 0;
      for (let i = 0; i < n; i++) {
        if (present[i * m + j] === 0) continue;
        const d = values[i * m + j] - uMean;
        ss += d * d;
      }
      const sd = Math.sqrt(ss / count);
      if (!(sd > 0)) {
        flat.push(j);
        continue;
      }
      // Weights relative to the largest: z-score distances are rebased, so only their ratios count, and
      // a weight of 1e300 cannot overflow a distance.
      const scale = weights[j] / maxWeight / sd;
      for (let i = 0; i < n; i++) {
        const k = i * m + j;
        coords[k] = present[k] === 1 ? (values[k] - uMean) * scale : 0; // missing → z = 0 (mean imputation)
      }
    } else {
      const w = weights[j];
      for (let i = 0; i < n; i++) {
        const k = i * m + j;
        coords[k] = (present[k] === 1 ? values[k] : uMean) * w; // missing → scaled column mean
      }
    }
  }

  return ok({ coords, flat, empty, imputed }, "");
}
