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
import { checkNumber, compareCodeUnits, fmt, show } from "./_validate";

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
/** The largest min-max distance computed (its square, summed over columns, stays finite). */
const MAX_MINMAX_DISTANCE = 1e150;

/** Distances are compared on a grid of 1e-12 of the farthest distance: closer than that is a tie. */
const TIE_GRID = 1e12;

function listCols(cols: number[]): string {
  const shown = cols.slice(0, MAX_LISTED).map((c) => c + 1).join(", ");
  return cols.length > MAX_LISTED ? `${shown} and ${cols.length - MAX_LISTED} more` : shown;
}

/**
 * The `take` areas other than `target` with the smallest (key, nameRank), in ascending order.
 * A bounded max-heap: O(n log take) with no allocation per area, so a query for 15 peers among
 * 10,000 areas does not sort all 10,000.
 */
function selectNearest(n: number, target: number, take: number, key: Float64Array, nameRank: Int32Array): Int32Array {
  const heap = new Int32Array(take);
  if (take === 0) return heap;
  // "a after b" in the output order
  const after = (a: number, b: number): boolean => key[a] > key[b] || (key[a] === key[b] && nameRank[a] > nameRank[b]);
  const siftDown = (size: number): void => {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const r = l + 1;
      const c = r < size && after(heap[r], heap[l]) ? r : l;
      if (!after(heap[c], heap[i])) return;
      const tmp = heap[i];
      heap[i] = heap[c];
      heap[c] = tmp;
      i = c;
    }
  };
  let size = 0;
  for (let i = 0; i < n; i++) {
    if (i === target) continue;
    if (size < take) {
      // sift up
      let j = size++;
      heap[j] = i;
      while (j > 0) {
        const parent = (j - 1) >> 1;
        if (!after(heap[j], heap[parent])) break;
        const tmp = heap[j];
        heap[j] = heap[parent];
        heap[parent] = tmp;
        j = parent;
      }
    } else if (after(heap[0], i)) {
      heap[0] = i;
      siftDown(size);
    }
  }
  // Pop the largest to the end: ascending order in place.
  for (let end = size - 1; end > 0; end--) {
    const tmp = heap[0];
    heap[0] = heap[end];
    heap[end] = tmp;
    siftDown(end);
  }
  return heap;
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
  // ---- names
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
  // ---- method
  const method = opts.method ?? "zscore";
  if (method !== "zscore" && method !== "minmax") {
    return fail("invalid", `Method must be "zscore" or "minmax"; got ${show(method)}.`, "method");
  }
  // ---- indicators: shape and cells
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
  // ---- weights
  const weights = new Float64Array(m).fill(1);
  if (opts.weights !== undefined && opts.weights !== null) {
    const w: unknown = opts.weights;
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

  // ---- column statistics, once: count, min, max, mean (shifted by min), population SD (two-pass)
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

  const query = (area: string, k?: number | null): Result<Neighbour[]> => {
    if (area === undefined || area === null || (typeof area === "string" && area.trim() === "")) {
      return fail("missing", "Area is blank; give the name of the area to find neighbours for.", "area");
    }
    if (typeof area !== "string") return fail("invalid", `Area must be a name (text); got ${show(area)}.`, "area");
    const kk = k ?? DEFAULT_NEIGHBOURS;
    const badK = checkNumber(kk, "k", "Number of neighbours k", { min: 1, integer: true, text: "that is a whole number of at least 1" });
    if (badK) return badK;
    const t = index.get(area);
    if (t === undefined) {
      const folded = area.trim().toLowerCase();
      const near = nameList.find((x) => x.trim().toLowerCase() === folded);
      return fail(
        "notFound",
        `Area "${area}" is not among the ${n} area names${near === undefined ? "" : ` (names match exactly; did you mean "${near}"?)`}.`,
        "area",
      );
    }

    const qWarnings: Warning[] = warnings.slice();
    let targetKnown = 0;
    let targetMissing = 0;
    for (let j = 0; j < m; j++) {
      if (present[t * m + j] === 1) {
        if (weights[j] > 0) targetKnown++;
      } else targetMissing++;
    }
    if (targetKnown === 0) {
      return fail("missing", `Area "${area}" has no value for any weighted indicator, so it has no position to measure from.`, "area");
    }
    if (targetMissing > 0) {
      qWarnings.push({
        code: "targetImputed",
        message: `"${area}" is missing ${targetMissing} of ${m} indicator${m === 1 ? "" : "s"}; the column mean was used for ${targetMissing === 1 ? "it" : "them"}.`,
      });
    }

    // Distances from the target: one pass, no allocation in the inner loop.
    const dist = new Float64Array(n);
    const base = t * m;
    let maxD = 0;
    for (let i = 0; i < n; i++) {
      if (i === t) continue;
      const off = i * m;
      let s = 0;
      for (let j = 0; j < m; j++) {
        const d = coords[off + j] - coords[base + j];
        s += d * d;
      }
      const di = Math.sqrt(s);
      dist[i] = di;
      if (di > maxD) maxD = di;
    }
    if (method === "zscore") {
      if (maxD > 0) {
        for (let i = 0; i < n; i++) dist[i] = i === t ? 0 : dist[i] / maxD;
      } else if (n > 1) {
        qWarnings.push({ code: "allEqual", message: `Every area is at distance 0 from "${area}", so distances cannot be rebased; all are 0.` });
      }
    }

    // Order by distance rounded to 1e-12 of the farthest distance (so that distances equal but for
    // floating-point noise count as ties), then by name.
    const key = new Float64Array(n);
    const farthest = method === "zscore" ? (maxD > 0 ? 1 : 0) : maxD;
    if (farthest > 0) for (let i = 0; i < n; i++) key[i] = Math.round((dist[i] / farthest) * TIE_GRID);
    const take = Math.min(kk, n - 1);
    const chosen = selectNearest(n, t, take, key, nameRank);
    if (kk > n - 1) {
      qWarnings.push({
        code: "fewerThanK",
        message: `Asked for ${kk} neighbours but only ${n - 1} other area${n - 1 === 1 ? "" : "s"} exist${n - 1 === 1 ? "s" : ""}; all are returned.`,
      });
    }
    const out: Neighbour[] = new Array<Neighbour>(take);
    for (let r = 0; r < take; r++) out[r] = { name: nameList[chosen[r]], distance: dist[chosen[r]] };
    return ok(
      out,
      `${take} nearest of ${n - 1} areas to "${area}" by Euclidean distance over ${m} indicator${m === 1 ? "" : "s"} (${methodText}); ` +
        `missing values mean-imputed; ties ordered by name.` +
        (take > 0 ? ` Nearest: "${out[0].name}" at ${fmt(out[0].distance, 4)}.` : ""),
      qWarnings,
    );
  };

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
