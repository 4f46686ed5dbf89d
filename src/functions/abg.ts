/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges of mixed values; the engine reads them */
/**
 * The Area Based Grant's functions: ABG.BAND, ABG.ALLOCATION, ABG.RANGE, ABG.EXPLAIN and ABG.SUMMARY.
 * Each is a declaration for the generic adapter (./adapter.ts); the JSDoc is the Excel contract (functions.json).
 */
import {
  BASES,
  SCALES,
  abgColumn,
  abgColumnValues,
  summarise,
  evaluateColumns,
  uncertaintyLines,
  abgSummaryTable,
  type AbgAssessment,
  type AbgPick,
  type Result,
} from "../engine";
import { excelFunction, explained, option, perCell, reshape, table, toExcelError, type Cell, type Spill } from "./adapter";

/** basis, then scale: the ABG functions' options. */
const abgOptions = (scale: unknown, basis: unknown) => ({ basis: option(basis, BASES, "point", "basis"), scale: option(scale, SCALES, "auto", "scale") });

/** ABG.BAND, ABG.ALLOCATION, ABG.EXPLAIN: the ABG assessment of each score, spilled by `spill`. */
function abg<T>(ranges: { score: unknown; ci: unknown }, scale: unknown, basis: unknown, spill: Spill<Result<AbgAssessment>[], T>): T[][] {
  return excelFunction({
    ranges,
    required: { score: true },
    args: () => abgOptions(scale, basis),
    engine: ({ columns: c }, o) => abgColumn(c.score ?? [null], c.ci, o),
    spill,
  });
}

/** ABG.BAND, ABG.ALLOCATION: one number per score from the engine's whole-column path (abgColumnValues), a row's error in its cell. */
function abgValues(ranges: { score: unknown; ci: unknown }, scale: unknown, basis: unknown, pick: AbgPick): number[][] {
  return excelFunction({
    ranges,
    required: { score: true },
    args: () => abgOptions(scale, basis),
    engine: ({ columns: c }, o) => abgColumnValues(c.score ?? [null], c.ci, pick, o),
    spill: (values, shape) => reshape<Cell<number>>(values.map((v) => (typeof v === "number" ? v : toExcelError(v.error))), shape),
  });
}

/**
 * Area Based Grant cohesion band 1–5 from the "get on well together" score (0 = 75% or more, no band). Bands are [lower, upper): 55 is band 2.
 * @customfunction ABG.BAND
 * @helpurl https://localhost:3000/functions.html#cohesionabgband
 * @param score % who agree people from different backgrounds get on well together (BVPI / NI 1), 0–100 or 0–1. A single cell or a column.
 * @param [ci] 95% confidence-interval half-width (±), same scale as the score. Needed for basis "lower"/"upper".
 * @param [scale] "auto" (default: any score above 1 means all are 0–100, else fractions, flagged in ABG.EXPLAIN), "percent" or "fraction".
 * @param [basis] "point" (default: the score), "lower" (score − ci) or "upper" (score + ci).
 * @returns Band 0–5 for each row.
 */
export function abgBandFn(score: any[][], ci?: any[][], scale?: string, basis?: string): number[][] {
  return abgValues({ score, ci }, scale, basis, "band");
}

/**
 * Area Based Grant cohesion allocation per authority in whole pounds: £660,000 / 540,000 / 410,000 / 280,000 / 150,000, or 0 at 75% or more.
 * @customfunction ABG.ALLOCATION
 * @helpurl https://localhost:3000/functions.html#cohesionabgallocation
 * @param score % who agree people from different backgrounds get on well together, 0–100 or 0–1. A single cell or a column.
 * @param [ci] 95% confidence-interval half-width (±), same scale as the score.
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @param [basis] "point" (default), "lower" (score − ci) or "upper" (score + ci).
 * @returns Allocation in £ for each row (2008-2011 settlement; period split not stated).
 */
export function abgAllocationFn(score: any[][], ci?: any[][], scale?: string, basis?: string): number[][] {
  return abgValues({ score, ci }, scale, basis, "amountGbp");
}

const RANGE_OUTPUTS = ["bands", "uncertain", "min", "max"] as const;

/**
 * The ABG bands a score's confidence interval spans, in words: "band 2 or band 3" when it straddles a threshold ("band 4, band 5 or no band" across several), else the band ("band 2", "no band").
 * @customfunction ABG.RANGE
 * @helpurl https://localhost:3000/functions.html#cohesionabgrange
 * @param score % who agree people from different backgrounds get on well together, 0–100 or 0–1. A single cell or a column.
 * @param ci 95% confidence-interval half-width (±), same scale as the score.
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @param [output] "bands" (default: text such as "band 2 or band 3"), "uncertain" (TRUE/FALSE), "min" or "max" (the smallest or largest allocation in £ across the interval).
 * @returns One value per row.
 */
export function abgRangeFn(score: any[][], ci: any[][], scale?: string, output?: string): any[][] {
  return excelFunction({
    ranges: { score, ci },
    required: { score: true },
    args: () => ({ what: option(output, RANGE_OUTPUTS, "bands", "output"), abg: abgOptions(scale, null) }),
    engine: ({ columns }, o) => abgColumn(columns.score ?? [null], columns.ci, o.abg),
    spill: perCell((v: AbgAssessment, { what }: { what: (typeof RANGE_OUTPUTS)[number] }) =>
      what === "bands" ? v.rangeText : what === "uncertain" ? v.uncertain : what === "min" ? v.amountMinGbp : v.amountMaxGbp,
    ),
  });
}

/**
 * One line saying which ABG band rule fired with which inputs, and what the confidence interval does, or why there is no result.
 * @customfunction ABG.EXPLAIN
 * @helpurl https://localhost:3000/functions.html#cohesionabgexplain
 * @param score % who agree people from different backgrounds get on well together, 0–100 or 0–1.
 * @param [ci] 95% confidence-interval half-width (±).
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @param [basis] "point" (default), "lower" or "upper".
 * @returns The explanation for each row.
 */
export function abgExplainFn(score: any[][], ci?: any[][], scale?: string, basis?: string): string[][] {
  return abg({ score, ci }, scale, basis, explained((w) => w.code !== "bandUncertain"));
}

/**
 * Summary of a column of scores: areas and £ per band, the total against the £34m ABG cohesion programme, and rows whose band is uncertain under the CI.
 * @customfunction ABG.SUMMARY
 * @helpurl https://localhost:3000/functions.html#cohesionabgsummary
 * @param scores The column of "get on well together" scores.
 * @param [ci] The column of 95% CI half-widths (±), or one value for all.
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @param [basis] "point" (default), "lower" or "upper".
 * @returns A table: band, areas, £; then total, programme, share and uncertain rows (or "Uncertainty not assessed" when no CI is given).
 */
export function abgSummaryFn(scores: any[][], ci?: any[][], scale?: string, basis?: string): any[][] {
  return excelFunction({
    ranges: { scores, ci },
    args: () => abgOptions(scale, basis),
    engine: ({ columns, n }, o) => summarise(evaluateColumns({ score: columns.scores ?? [], ci: columns.ci ?? undefined }, n, o)),
    spill: (s) => {
      // The engine's ABG table (the Summary sheet's), then this function's own rows.
      const abg = abgSummaryTable(s);
      const rows: (string | number)[][] = [[...abg.header], ...abg.rows.map((r) => [r.label, r.areas ?? "", r.value])];
      rows.push(["Rows with no band (bad or blank input)", s.rowsWithErrors, ""]);
      // One row, so the spill keeps its shape: the uncertain rows, or that uncertainty was not assessed (no CI given).
      const u = uncertaintyLines(s)[0];
      rows.push([u.label, u.count ?? "", ""]);
      return rows;
    },
  });
}
