/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges of mixed values; the engine reads them */
/**
 * The analyst's functions: SURVEYCI, COMPARE, BENCHMARK, NEIGHBOURS, DISSIMILARITY and TYPEMIX (sub-areas).
 * Each is a declaration for the generic adapter (./adapter.ts); the JSDoc is the Excel contract (functions.json).
 * BENCHMARK's survey series load on first use (./content.ts): it returns a Promise (adapter.ts, lazily).
 */
import {
  CI_METHODS,
  COMPARISON_POLARITIES,
  DEFAULT_NEIGHBOURS,
  NEIGHBOUR_METHODS,
  compareColumn,
  dissimilarity,
  dissimilarityVsRest,
  isBlank,
  nearestNeighbours,
  surveyCiColumn,
  typeMix,
  SCALES,
  type BenchmarkComparison,
  type Neighbour,
  type SurveyCi,
  type TypeMix,
} from "../engine";
import { asMatrix, dropBlankRows, excelFunction, invalidArgument, lazily, numbers, option, perCell, perRow, scalarNumber, table, toExcelError } from "./adapter";
import { loadBenchmarks } from "./content";

/**
 * Confidence interval for a survey percentage: the Wilson score interval (default) or the normal approximation, widened by the design effect. Spills lower and upper (and the half-width, which plugs into the ABG functions' ci argument).
 * @customfunction SURVEYCI
 * @helpurl https://localhost:3000/functions.html#cohesionsurveyci
 * @param p Survey percentage, 0–100 (or 0–1 from a % cell). A single cell or a column.
 * @param n Sample size (respondents), more than 0. A single cell or a column.
 * @param [deff] Design effect, 1 or more (default 1). The interval widens by about √deff.
 * @param [scale] How to read p: "auto" (default: any p above 1 means all are 0–100, else fractions), "percent" (0.5 means 0.5%) or "fraction".
 * @param [level] Confidence level between 0 and 1 (default 0.95).
 * @param [method] "wilson" (default) or "normal".
 * @param [output] "interval" (default: lower and upper), "all" (lower, upper, half-width) or "halfwidth".
 * @returns One row per percentage.
 */
export function surveyCiFn(p: any[][], n: any[][], deff?: any[][], scale?: string, level?: number, method?: string, output?: string): number[][] {
  return excelFunction({
    ranges: { p, n, deff },
    args: ({ shape }) => {
      if (shape.cols > 1) throw invalidArgument("p must be a single cell or a single column.");
      return { output: option(output, ["interval", "all", "halfwidth"] as const, "interval", "output"), method: option(method, CI_METHODS, "wilson", "method"), scale: option(scale, SCALES, "auto", "scale") };
    },
    engine: ({ columns: c }, o) => surveyCiColumn(c.p ?? [], c.n ?? [], c.deff, { scale: o.scale, level, method: o.method }),
    spill: perRow(
      (o) => (o.output === "halfwidth" ? 1 : o.output === "all" ? 3 : 2),
      (v: SurveyCi, o) => (o.output === "halfwidth" ? [v.halfWidth] : o.output === "all" ? [v.lower, v.upper, v.halfWidth] : [v.lower, v.upper]),
    ),
  });
}

/**
 * Compares a value with a benchmark using its confidence interval (the Fingertips convention): "similar" when the interval contains the benchmark, else "better" or "worse".
 * @customfunction COMPARE
 * @helpurl https://localhost:3000/functions.html#cohesioncompare
 * @param value The area's value. A single cell or a column.
 * @param lower Lower end of its confidence interval.
 * @param upper Upper end of its confidence interval.
 * @param benchmark The comparator, a number (e.g. 84, or =COHESION.BENCHMARK("getonwell", "2008-09", "value")).
 * @param [polarity] "higher" (default: higher is better) or "lower".
 * @returns "better", "similar" or "worse" for each row.
 */
export function compareFn(value: any[][], lower: any[][], upper: any[][], benchmark: any[][], polarity?: string): string[][] {
  return excelFunction({
    ranges: { value, lower, upper, benchmark },
    required: { value: true, lower: true, upper: true, benchmark: true },
    args: () => option(polarity, COMPARISON_POLARITIES, "higher", "polarity"),
    engine: ({ columns: c }, polarity) => compareColumn(c.value ?? [null], c.lower ?? [null], c.upper ?? [null], c.benchmark ?? [null], polarity),
    spill: perCell((v: BenchmarkComparison) => v),
  });
}

/**
 * A national figure with its year and source, from the shipped Citizenship Survey / Community Life Survey series and the framework documents. Never invented: a year with no figure is #N/A listing the years that have one.
 * @customfunction BENCHMARK
 * @helpurl https://localhost:3000/functions.html#cohesionbenchmark
 * @param id A series ("getonwell", "neighbourhood", "britain", "influence", "place_neighbourhood", "place_influence") or a figure's id (e.g. "CS_2007_AprSep_getonwell", "Table1_total").
 * @param [year] The survey year or period as the series lists it, e.g. "2008-09" or "2016-17"; needed for a series with more than one figure (the #N/A lists its years). Never the "latest" by default: the series has comparability breaks.
 * @param [output] "row" (default): value, period, source, note. "value": the number alone, e.g. inside COHESION.COMPARE or arithmetic.
 * @returns One row: value, period, source (and any comparability note); or the value alone.
 */
export function benchmarkFn(id: string, year?: any, output?: string): Promise<any[][]> {
  return lazily(loadBenchmarks, ({ benchmark }) => excelFunction({
    args: () => option(output, ["row", "value"] as const, "row", "output"),
    engine: () => benchmark(String(id ?? ""), isBlank(year) ? null : (year as string | number)),
    spill: (r, _shape, out) => {
      if (!r.ok) return [[toExcelError(r.error)]];
      const b = r.value;
      const value = b.value === null ? toExcelError({ code: "notFound", message: `${b.id} is a range (${b.valueText}), not one figure.` }) : b.value;
      if (out === "value") return [[value]];
      return [[value, b.period, `${b.source.doc} ${b.source.ref}`, r.warnings.map((w) => w.message).join(" ")]];
    },
  }));
}

/**
 * The k nearest areas to an area on chosen indicators (peers for learning): z-score distance rebased so the farthest is 1 (CIPFA's description), or min-max scaled to each weight (NHS England's open method). Blanks are filled with the indicator's mean; ties go by name.
 * @customfunction NEIGHBOURS
 * @helpurl https://localhost:3000/functions.html#cohesionneighbours
 * @param names The area names (one column).
 * @param indicators The indicator values: one row per area, one column per indicator.
 * @param area The area whose peers you want (a name from names).
 * @param [k] How many neighbours (default 15).
 * @param [method] "zscore" (default) or "minmax".
 * @param [weights] One weight per indicator (default 1 each).
 * @returns k rows: name, distance.
 */
export function neighboursFn(names: any[][], indicators: any[][], area: string, k?: number, method?: string, weights?: any[][]): any[][] {
  return excelFunction({
    ranges: { names, indicators },
    required: { names: "names and indicators are required.", indicators: "names and indicators are required." },
    shared: false,
    args: ({ matrices: { names: nm0, indicators: ind0 } }) => {
      if (nm0!.some((r) => r.length !== 1)) throw invalidArgument("names must be a single column.");
      if (nm0!.length !== ind0!.length) throw invalidArgument(`names has ${nm0!.length} rows but indicators has ${ind0!.length}; give one row of indicators per name.`);
      const [nm, ind] = dropBlankRows(nm0!, ind0!); // ranges drawn past the data
      if (nm.length === 0) throw invalidArgument("names and indicators are blank.");
      const table = numbers(ind, "indicators", true);
      const w = weights === null || weights === undefined ? undefined : (numbers(asMatrix(weights) ?? [], "weights", false).flat() as number[]);
      const kk = k === null || k === undefined ? DEFAULT_NEIGHBOURS : scalarNumber(k, "k");
      return { names: nm.map((x) => String(x[0] ?? "").trim()), table, options: { k: kk, method: option(method, NEIGHBOUR_METHODS, "zscore", "method"), weights: w } };
    },
    engine: (_, a) => nearestNeighbours(a.names, a.table, String(area ?? "").trim(), a.options),
    spill: table(2, (found: Neighbour[]) =>
      // Found by the property tests: a table of one area has no neighbours, and Excel cannot show an empty spill.
      found.length === 0 ? [[toExcelError({ code: "notFound", message: `No other areas to compare ${String(area)} with: names holds only that area.` }), ""]] : found.map((x) => [x.name, x.distance]),
    ),
  });
}

/**
 * Index of dissimilarity (Duncan & Duncan): ½ Σ |aᵢ/A − bᵢ/B| over sub-areas; 0 = same distribution, 1 = complete separation. With form "vsrest", groupB is each sub-area's total population and the index compares the group with everyone else.
 * @customfunction DISSIMILARITY
 * @helpurl https://localhost:3000/functions.html#cohesiondissimilarity
 * @param groupA Counts of group A in each sub-area (one column).
 * @param groupB Counts of group B in each sub-area, or the totals with form "vsrest".
 * @param [form] "twogroup" (default) or "vsrest".
 * @returns The index, 0–1.
 */
export function dissimilarityFn(groupA: any[][], groupB: any[][], form?: string): number[][] {
  return excelFunction({
    ranges: { groupA, groupB },
    shared: false,
    args: ({ matrices }) => {
      const ma = matrices.groupA ?? [];
      const mb = matrices.groupB ?? [];
      // Rows blank in both (a range drawn past the data) are dropped when the two are the same length.
      const [ra, rb] = ma.length === mb.length ? dropBlankRows(ma, mb) : [ma, mb];
      const a = numbers(ra, "groupA", false).flat() as number[];
      const b = numbers(rb, "groupB", false).flat() as number[];
      return { a, b, form: option(form, ["twogroup", "vsrest"] as const, "twogroup", "form") };
    },
    engine: (_, { a, b, form: f }) => (f === "vsrest" ? dissimilarityVsRest(a, b) : dissimilarity(a, b)),
    spill: table(1, (d: number) => [[d]]),
  });
}

/**
 * Family-type mix of an area from its sub-areas (wards or LSOAs): the share of the population in each of the nine types. The national proxies were district-level: sub-area inputs are your own analysis.
 * @customfunction TYPEMIX
 * @helpurl https://localhost:3000/functions.html#cohesiontypemix
 * @param nvq4 NVQ4+ share per sub-area, % (one column).
 * @param rural Rural share per sub-area, %.
 * @param a8 A8 workers per 10,000 per sub-area.
 * @param jobs1984 1984 coal + textiles + steel jobs per sub-area (may be blank where not needed).
 * @param population Population of each sub-area.
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @returns Nine rows: type, name, population share (%); then the number of sub-areas left out.
 */
export function typeMixFn(nvq4: any[][], rural: any[][], a8: any[][], jobs1984: any[][], population: any[][], scale?: string): any[][] {
  return excelFunction({
    ranges: { nvq4, rural, a8, jobs1984, population },
    args: () => ({ scale: option(scale, SCALES, "auto", "scale") }),
    engine: ({ columns: c }, o) => typeMix(c.nvq4 ?? [], c.rural ?? [], c.a8 ?? [], c.jobs1984, c.population ?? [], o),
    spill: table(3, (mix: TypeMix) => [...mix.rows.map((x) => [x.type, x.name, x.sharePct]), ["Sub-areas left out (blank or bad inputs)", "", mix.excluded.length]]),
  });
}
