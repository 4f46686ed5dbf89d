/**
 * Type mix of an area from its sub-areas (wards or LSOAs): the population share in each family type.
 * CDF §3.2: "their area might be made up of a number of typologies"; decision A12: sub-area use is the
 * user's analysis — the national proxies were district-level (TYPOLOGY_CAVEATS.districtLevel).
 */
import { typologyColumn, type TypologyColumnOptions } from "./columns";
import { TABLE_1, TYPOLOGY_CAVEATS, type FamilyType } from "./data/deliveryFramework2009/familyTypes";
import { parseNonNegative } from "./input";
import { fail, ok, type Result, type Warning } from "./types";

export interface TypeMixRow {
  type: FamilyType;
  name: string;
  subAreas: number;
  population: number;
  /** Share of the classified population, in percent (0–100). */
  sharePct: number;
}

export interface TypeMix {
  rows: TypeMixRow[];
  classifiedPopulation: number;
  /** Sub-areas left out because an input was blank or bad (0-based indices), with the reason. */
  excluded: { index: number; reason: string }[];
  caveat: string;
}

/**
 * The mix from already-classified rows (e.g. the table tools' results): each row's family type
 * (null = not classified, with the reason) and its population.
 */
export function typeMixOfRows(types: readonly (Result<FamilyType> | FamilyType | null)[], population: readonly unknown[]): Result<TypeMix> {
  const n = types.length;
  if (population.length !== n) return fail("invalid", "The population column must have one value per sub-area.", "population");
  if (n === 0) return fail("missing", "No sub-areas given.");
  const pop = new Array<number>(10).fill(0);
  const count = new Array<number>(10).fill(0);
  const excluded: { index: number; reason: string }[] = [];
  types.forEach((t, i) => {
    const p = parseNonNegative(population[i], "population", "Population");
    const type = t === null ? null : typeof t === "number" ? t : t.ok ? t.value : null;
    if (!p.ok) excluded.push({ index: i, reason: p.error.message });
    else if (type === null) excluded.push({ index: i, reason: t !== null && typeof t !== "number" && !t.ok ? t.error.message : "no family type" });
    else {
      pop[type] += p.value;
      count[type]++;
    }
  });
  const total = pop.reduce((a, b) => a + b, 0);
  // Found by the property tests: populations near Number.MAX_VALUE overflow the total (Infinity → NaN shares).
  if (!Number.isFinite(total)) return fail("invalid", "The populations add up to more than a number can hold; check the population column for wrong values.", "population");
  if (total <= 0) return fail("missing", `No sub-area could be classified with a population above 0 (${excluded.length} excluded${excluded[0] ? `; first: ${excluded[0].reason}` : ""}).`);
  const rows = TABLE_1.map((r) => ({ type: r.type, name: r.name, subAreas: count[r.type], population: pop[r.type], sharePct: (pop[r.type] / total) * 100 }));
  const warnings: Warning[] = excluded.length ? [{ code: "excluded", message: `${excluded.length} of ${n} sub-areas left out (blank or bad inputs).` }] : [];
  const top = [...rows].sort((a, b) => b.sharePct - a.sharePct)[0];
  return ok(
    { rows, classifiedPopulation: total, excluded, caveat: TYPOLOGY_CAVEATS.districtLevel },
    () => `${n - excluded.length} of ${n} sub-areas classified; largest share type ${top.type} (${top.name}) ${top.sharePct.toFixed(1)}%. ${TYPOLOGY_CAVEATS.districtLevel}`,
    warnings,
  );
}

/**
 * @example typeMix([30, 20], [60, 10], [3, 10], [null, null], [1000, 3000]) //=> type 8: 25%, type 4: 75%
 */
export function typeMix(
  nvq4: readonly unknown[],
  rural: readonly unknown[],
  a8: readonly unknown[],
  jobs1984: readonly unknown[] | null,
  population: readonly unknown[],
  options: TypologyColumnOptions = {},
): Result<TypeMix> {
  const n = nvq4.length;
  if ([rural, a8, population].some((c) => c.length !== n) || (jobs1984 && jobs1984.length !== n)) {
    return fail("invalid", "The sub-area columns (NVQ4+, rural, A8, jobs, population) must have the same number of rows.");
  }
  if (n === 0) return fail("missing", "No sub-areas given.");
  const types = typologyColumn(nvq4, rural, a8, jobs1984, null, options ?? {}).map((t): Result<FamilyType> => (t.ok ? ok(t.value.type, "") : t));
  return typeMixOfRows(types, population);
}
