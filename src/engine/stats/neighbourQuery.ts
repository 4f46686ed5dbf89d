/**
 * One query of a prepared neighbour model (nearestNeighbours.ts): the target's distances to every
 * other area, rebased (z-scores), and the nearest `k`, ties by name.
 */
import { fail, ok, type Result, type Warning } from "../types";
import { checkNumber, fmt, show } from "./_validate";
import { DEFAULT_NEIGHBOURS, type Neighbour, type NeighbourMethod } from "./nearestNeighbours";

/** Distances are compared on a grid of 1e-12 of the farthest distance: closer than that is a tie. */
const TIE_GRID = 1e12;

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

/** What a query reads of the prepared model. */
export interface PreparedTable {
  method: NeighbourMethod;
  methodText: string;
  index: ReadonlyMap<string, number>;
  nameList: readonly string[];
  nameRank: Int32Array;
  n: number;
  m: number;
  present: Uint8Array;
  weights: Float64Array;
  coords: Float64Array;
  warnings: readonly Warning[];
}

export function makeQuery(p: PreparedTable): (area: string, k?: number | null) => Result<Neighbour[]> {
  const { method, methodText, index, nameList, nameRank, n, m, present, weights, coords, warnings } = p;
  return (area: string, k?: number | null): Result<Neighbour[]> => {
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

}
