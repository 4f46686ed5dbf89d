/**
 * Nearest-neighbour (statistical peer) areas from a table of indicators.
 *
 * Two methods (this add-in's design choice):
 * - "zscore" (CIPFA / CCG tool): each indicator is standardised, z = (x − mean)/SD, with the
 *   population SD (divide by the number of non-missing values, as scikit-learn's StandardScaler
 *   does); each z is multiplied by the indicator's weight; distance is Euclidean; distances are
 *   then rebased so that the area farthest from the target area is 1. "Farthest" is per target
 *   area (CIPFA does not say whether per authority or global). With no missing
 *   values the SD choice does not change the rebased distances, since every column's z changes by
 *   the same factor √(N/(N−1)). CIPFA's "subjects" are not modelled: all indicators form one subject.
 * - "minmax" (NHS England ASC_LA_Peer_Groups): each indicator is scaled to [0, weight] by
 *   (x − min)/(max − min) · weight; distance is Euclidean and is not rebased. The NHS tool's
 *   choice among transforms (Yeo-Johnson, log1p, …) is not applied: pass transformed values.
 *
 * Missing values (null or undefined): mean imputation, as the CCG tool does ("Missing values are
 * imputed with the group mean (0)"). In z-score terms the value's z is 0; in min-max terms it is
 * the column's scaled mean. An indicator with no spread (all non-missing values equal), or with
 * no values at all, contributes 0 to every distance. An area with no value for any weighted
 * indicator cannot be a target.
 *
 * Ties are ordered by name in UTF-16 code-unit order (locale-independent). Distances count as
 * tied when they agree after rounding to 1e-12 of the farthest area's distance, so that distances
 * that are equal but for floating-point rounding (e.g. areas either side of the target) tie.
 *
 * @see METHOD CIPFA nearest neighbours (as used in the Hartlepool JSNA); CCG Nearest Neighbours tool; NHS Digital ASC_LA_Peer_Groups
 */
import { fail, ok, type Result, type Warning } from "../types";
import { compareCodeUnits, show } from "./_validate";
import { checkIndicators, checkNames, checkWeights, coordinates } from "./neighbourSteps";
import { makeQuery } from "./neighbourQuery";

/** "zscore" (CIPFA / CCG) or "minmax" (NHS England). */
export type NeighbourMethod = "zscore" | "minmax";

/**
 * The accepted neighbour methods, default first.
 * @see METHOD z-score (CIPFA / CCG) and min-max-to-weight (NHS Digital); offering both is this add-in's choice
 * @example NEIGHBOUR_METHODS[0] //=> "zscore"
 */
export const NEIGHBOUR_METHODS: readonly NeighbourMethod[] = ["zscore", "minmax"];

/**
 * Default number of neighbours.
 * @see METHOD "n_peers = 15" (NHS England); "nearest 15 … returned" (CCG tool); 15 is this add-in's default
 * @example nearestNeighbours(names, rows, "Leeds") // up to 15 peers
 */
export const DEFAULT_NEIGHBOURS = 15;

export interface NeighbourModelOptions {
  /** "zscore" (default; CIPFA / CCG) or "minmax" (NHS England). Blank/null = "zscore". */
  method?: NeighbourMethod | null;
  /** One weight per indicator column, each finite and ≥ 0, not all 0 (default: all 1). 0 excludes a column. */
  weights?: readonly number[] | null;
}

export interface NearestNeighboursOptions extends NeighbourModelOptions {
  /** How many neighbours to return, a whole number ≥ 1 (default 15). More than exist → all, with a warning. */
  k?: number | null;
}

export interface Neighbour {
  name: string;
  /** Euclidean distance: rebased so the farthest area is 1 ("zscore"), or on the [0, weight] scale ("minmax"). */
  distance: number;
}

/** A validated, standardised indicator table for repeated queries (e.g. peers for every area). */
export interface NeighbourModel {
  readonly method: NeighbourMethod;
  readonly names: readonly string[];
  /** Number of indicator columns. */
  readonly indicators: number;
  /** Warnings about the table (imputed values, columns with no spread). */
  readonly warnings: readonly Warning[];
  /**
   * Nearest neighbours of one area, nearest first, the area itself excluded.
   * @param area - the target area's name, exactly as in `names`
   * @param k - how many (default 15)
   */
  query(area: string, k?: number | null): Result<Neighbour[]>;
}

const MAX_LISTED = 5;
function listCols(cols: number[]): string {
  const shown = cols.slice(0, MAX_LISTED).map((c) => c + 1).join(", ");
  return cols.length > MAX_LISTED ? `${shown} and ${cols.length - MAX_LISTED} more` : shown;
}

/**
 * Validates and standardises an indicator table once, for any number of {@link NeighbourModel.query} calls.
 * {@link nearestNeighbours} is this plus one query.
 *
 * @see METHOD CIPFA nearest neighbours (z-scores); NHS Digital peer groups (min-max)
 * @param names - one unique, non-blank name per area (row)
 * @param indicators - rows = areas, columns = indicators; each cell a finite number or null (missing)
 * @param options - method ("zscore" default, or "minmax") and weights (one per column, ≥ 0)
 * @returns ok(model) or fail("missing" | "invalid") naming the row/column at fault
 * @example prepareNeighbours(["A", "B", "C"], [[1], [2], [4]]).value.query("A", 1) //=> ok([{name: "B", distance: 1/3}])
 */
export function prepareNeighbours(
  names: readonly string[],
  indicators: readonly (readonly (number | null)[])[],
  options: NeighbourModelOptions = {},
): Result<NeighbourModel> {
  const opts: NeighbourModelOptions = options ?? {};
  const named = checkNames(names);
  if (!named.ok) return named;
  const index = named.value;
  // ---- method
  const method = opts.method ?? "zscore";
  if (method !== "zscore" && method !== "minmax") {
    return fail("invalid", `Method must be "zscore" or "minmax"; got ${show(method)}.`, "method");
  }
  const table = checkIndicators(names, indicators);
  if (!table.ok) return table;
  const { values, present, m } = table.value;
  const n = names.length;
  const weighted = checkWeights(opts.weights, m, method);
  if (!weighted.ok) return weighted;
  const { weights, maxWeight } = weighted.value;
  const coordinated = coordinates(values, present, n, m, weights, maxWeight, method);
  if (!coordinated.ok) return coordinated;
  const { coords, flat, empty, imputed } = coordinated.value;

  const warnings: Warning[] = [];
  if (imputed > 0) {
    warnings.push({
      code: "imputed",
      message: `${imputed} missing value${imputed === 1 ? " was" : "s were"} replaced by the column mean (CCG practice: "Missing values are imputed with the group mean (0)").`,
    });
  }
  if (empty.length > 0) {
    warnings.push({ code: "emptyIndicator", message: `Indicator column ${listCols(empty)} has no values and is ignored.` });
  }
  if (flat.length > 0) {
    warnings.push({
      code: "noSpread",
      message: `Indicator column ${listCols(flat)} has the same value for every area and contributes nothing to the distances.`,
    });
  }

  // Rank of each name in code-unit order, for tie-breaks without string compares in the sort.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareCodeUnits(names[a], names[b]));
  const nameRank = new Int32Array(n);
  for (let r = 0; r < n; r++) nameRank[order[r]] = r;
  const nameList: readonly string[] = Object.freeze(names.slice());
  const methodText = method === "zscore" ? "z-scores (population SD), rebased so the farthest area is 1" : "min-max scaled to [0, weight]";

  const query = makeQuery({ method, methodText, index, nameList, nameRank, n, m, present, weights, coords, warnings });

  return ok(
    Object.freeze({ method, names: nameList, indicators: m, warnings: Object.freeze(warnings.slice()), query }),
    `Prepared ${n} areas × ${m} indicators (${methodText}).`,
    warnings,
  );
}

/**
 * The k areas most similar to `area` on a set of indicators (statistical neighbours), nearest
 * first, the area itself excluded.
 *
 * - "zscore" (default): Euclidean distance over weighted z-scores (population SD), rebased so
 *   the area farthest from the target is 1 (CIPFA; "farthest" is per target area).
 * - "minmax": each indicator scaled to [0, weight], Euclidean distance, not rebased (NHS England).
 * - Missing values (null) are mean-imputed (CCG practice): z = 0, or the column's scaled mean.
 * - An indicator with no spread contributes 0. Ties (equal to 1e-12 of the farthest distance) are ordered by name (code-unit order).
 * - k larger than the number of other areas returns them all, with a warning.
 *
 * @see METHOD CIPFA (z_ij = (x_ij − x̄_j)/s_j; "rebase so the farthest = 1"); CCG tool ("Missing values are imputed with the group mean (0)"; "nearest 15"); NHS England ("Min-max scale each to [0, weight]", n_peers = 15)
 * @param names - one unique, non-blank name per area
 * @param indicators - rows = areas, columns = indicators; finite numbers or null for missing
 * @param area - the target area's name, exactly as in `names`
 * @param options - k (default 15), method ("zscore" | "minmax"), weights (one per column, ≥ 0)
 * @returns ok([{name, distance}, …]) or fail: "invalid" (duplicate names, ragged rows, bad cells or weights), "missing", "notFound" (area not in names)
 * @example nearestNeighbours(["A", "B", "C", "D"], [[0], [1], [3], [-1]], "A", { k: 2 }) //=> ok([{name: "B", distance: 1/3}, {name: "D", distance: 1/3}])
 * @example nearestNeighbours(["A", "B", "C"], [[0, 0], [1, 10], [2, 5]], "A", { method: "minmax", k: 1 }) //=> ok([{name: "B", distance: 1.118…}])
 */
export function nearestNeighbours(
  names: readonly string[],
  indicators: readonly (readonly (number | null)[])[],
  area: string,
  options: NearestNeighboursOptions = {},
): Result<Neighbour[]> {
  const opts: NearestNeighboursOptions = options ?? {};
  const model = prepareNeighbours(names, indicators, opts);
  if (!model.ok) return model;
  return model.value.query(area, opts.k);
}
