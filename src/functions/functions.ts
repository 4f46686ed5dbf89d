/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges of mixed values; the engine reads them */
/**
 * Excel custom functions (namespace COHESION, from manifest.xml). Each one is a declaration for the
 * generic adapter (./adapter.ts, excelFunction): its range arguments, its options, the engine call
 * and how the answer spills; the adapter reads the arguments' shape, calls src/engine and maps
 * failures to CustomFunctions.Error, the same way for every function.
 * Every range argument accepts a single cell or a whole column and spills results of the same
 * shape in one call (one spilled formula instead of thousands avoids Excel's #BUSY! trap).
 * JSDoc here is the Excel contract: custom-functions-metadata-plugin turns it into functions.json.
 */
import {
  BASES,
  RECOMMEND_SOURCES,
  listIssues,
  listLgaIssues,
  parseFamilyGroup,
  recommendActions,
  resolveIssue,
  resolveLgaIssue,
  CI_METHODS,
  COMPARISON_POLARITIES,
  DEFAULT_NEIGHBOURS,
  NEIGHBOUR_METHODS,
  benchmark as benchmarkLookup,
  compareColumn,
  dissimilarity,
  dissimilarityVsRest,
  fail,
  isBlank,
  nearestNeighbours,
  surveyCiColumn,
  typeMix,
  BOUNDARY_MODES,
  SCALES,
  abgColumn,
  abgColumnValues,
  summarise,
  evaluateColumns,
  typeInfoCell,
  typologyColumn,
  uncertaintyLines,
  abgSummaryTable,
  type AbgAssessment,
  type AbgPick,
  type BenchmarkComparison,
  type Neighbour,
  type Recommendation,
  type Result,
  type SurveyCi,
  type TypeInfoCell,
  type TypeMix,
  type TypologyCell,
} from "../engine";
import { asMatrix, dropBlankRows, excelFunction, explained, invalidArgument, numbers, option, perCell, perRow, reshape, scalarNumber, table, toExcelError, type Cell, type Shape } from "./adapter";

type Spill<R, T> = (answer: R, shape: Shape, args: any) => Cell<T>[][];

/** basis, then scale: the ABG functions' options. */
const abgOptions = (scale: unknown, basis: unknown) => ({ basis: option(basis, BASES, "point", "basis"), scale: option(scale, SCALES, "auto", "scale") });

/** FAMILYTYPE, FAMILYGROUP, FAMILYTYPE.EXPLAIN: the typology of each row, spilled by `spill`. */
function typology<T>(ranges: { nvq4: unknown; rural: unknown; a8: unknown; jobs1984: unknown; singleIssue?: unknown }, scale: unknown, boundaryMode: unknown, spill: Spill<Result<TypologyCell>[], T>): T[][] {
  return excelFunction({
    ranges,
    required: { nvq4: true, rural: true, a8: true },
    args: () => ({ scale: option(scale, SCALES, "auto", "scale"), boundaryMode: option(boundaryMode, BOUNDARY_MODES, "inclusive", "boundaryMode") }),
    engine: ({ columns: c }, o) => typologyColumn(c.nvq4 ?? [null], c.rural ?? [null], c.a8 ?? [null], c.jobs1984, c.singleIssue ?? null, o),
    spill,
  });
}

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
 * Family type 1–9 of the Commission's typology (CDF Table 1) from the four proxies. Accepts single cells or whole columns and spills the same shape.
 * @customfunction FAMILYTYPE
 * @helpurl https://localhost:3000/functions.html#cohesionfamilytype
 * @param nvq4 NVQ level 4+ share of the working-age population, % (0–100, or 0–1 from a % cell). 25 or more is affluent.
 * @param rural Share of the district's population in rural settlements and larger market towns, % (0–100 or 0–1). 50 or more is rural.
 * @param a8 A8 workers per 10,000 population. 7 or more is changing.
 * @param [jobs1984] Coal + textiles + steel jobs combined in 1984. Needed only for stable less affluent urban areas (1,000 or more: type 2, else type 3).
 * @param [scale] "auto" (default: nvq4 and rural are read together: any value above 1 means all are 0–100, else all are fractions, flagged in EXPLAIN), "percent" (0–100) or "fraction" (0–1).
 * @param [boundaryMode] "inclusive" (default: exactly 25% is affluent, exactly 7 is changing) or "exclusive".
 * @returns Family type 1–9 for each row.
 */
export function familyType(nvq4: any[][], rural: any[][], a8: any[][], jobs1984?: any[][], scale?: string, boundaryMode?: string): number[][] {
  return typology({ nvq4, rural, a8, jobs1984 }, scale, boundaryMode, perCell((v) => v.type));
}

/**
 * Annex C family group a)–d) for types 1–4; e) only when you assert a single-issue tension for a type 5–9 area; empty otherwise.
 * @customfunction FAMILYGROUP
 * @helpurl https://localhost:3000/functions.html#cohesionfamilygroup
 * @param nvq4 NVQ level 4+ share of the working-age population, % (0–100 or 0–1).
 * @param rural Share of the population in rural settlements and larger market towns, % (0–100 or 0–1).
 * @param a8 A8 workers per 10,000 population.
 * @param [jobs1984] Coal + textiles + steel jobs combined in 1984 (needed only for stable less affluent urban areas).
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @param [boundaryMode] "inclusive" (default) or "exclusive".
 * @param [singleIssue] TRUE if the area (type 5–9) has tensions arising from a single issue (thematic group e). Never inferred.
 * @returns "a" to "e", or "" when the type has no family group.
 */
export function familyGroup(nvq4: any[][], rural: any[][], a8: any[][], jobs1984?: any[][], scale?: string, boundaryMode?: string, singleIssue?: any[][]): string[][] {
  return typology({ nvq4, rural, a8, jobs1984, singleIssue }, scale, boundaryMode, perCell((v) => v.group ?? ""));
}

/**
 * One line saying which typology rule fired with which inputs (and any warning), or why there is no result.
 * @customfunction FAMILYTYPE.EXPLAIN
 * @helpurl https://localhost:3000/functions.html#cohesionfamilytypeexplain
 * @param nvq4 NVQ level 4+ share, % (0–100 or 0–1).
 * @param rural Rural share, % (0–100 or 0–1).
 * @param a8 A8 workers per 10,000 population.
 * @param [jobs1984] Coal + textiles + steel jobs combined in 1984.
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @param [boundaryMode] "inclusive" (default) or "exclusive".
 * @param [singleIssue] TRUE if a type 5–9 area has a single-issue tension.
 * @returns The explanation for each row.
 */
export function familyTypeExplain(nvq4: any[][], rural: any[][], a8: any[][], jobs1984?: any[][], scale?: string, boundaryMode?: string, singleIssue?: any[][]): string[][] {
  return typology({ nvq4, rural, a8, jobs1984, singleIssue }, scale, boundaryMode, explained());
}

const TYPE_FIELDS = ["name", "average", "areas", "band", "group"] as const;
type TypeField = (typeof TYPE_FIELDS)[number];

/**
 * Table 1 context for a family type: name, average perception of cohesion, number of areas, band (or one of them). "total" gives the published total row (78.9, 353).
 * @customfunction TYPEINFO
 * @helpurl https://localhost:3000/functions.html#cohesiontypeinfo
 * @param type Family type 1–9, or "total". A single cell or a column.
 * @param [field] "name", "average", "areas", "band" or "group". Without it, each type spills name, average, areas and band across four columns.
 * @returns Table 1 figures as published (CDF Table 1).
 */
export function typeInfoFn(type: any[][], field?: string): any[][] {
  return excelFunction({
    ranges: { type },
    required: { type: 'type is required: a family type 1–9 or "total".' },
    args: ({ shape }): TypeField | null => {
      const f = isBlank(field) ? null : option(field, TYPE_FIELDS, "name", "field");
      if (!f && shape.cols > 1) throw invalidArgument('With several columns of types, give a field: "name", "average", "areas", "band" or "group".');
      return f;
    },
    engine: ({ columns }) => (columns.type ?? []).map(typeInfoCell),
    // A field: one value per type, in the types' shape. None: one row of four per type (errors fill the row).
    spill: (results, shape, f) => (f ? perCell((v: TypeInfoCell) => v[f])(results, shape, f) : perRow(() => 4, (v: TypeInfoCell) => [v.name, v.average, v.areas, v.band])(results, shape, f)),
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
export function benchmarkFn(id: string, year?: any, output?: string): any[][] {
  return excelFunction({
    args: () => option(output, ["row", "value"] as const, "row", "output"),
    engine: () => benchmarkLookup(String(id ?? ""), isBlank(year) ? null : (year as string | number)),
    spill: (r, _shape, out) => {
      if (!r.ok) return [[toExcelError(r.error)]];
      const b = r.value;
      const value = b.value === null ? toExcelError({ code: "notFound", message: `${b.id} is a range (${b.valueText}), not one figure.` }) : b.value;
      if (out === "value") return [[value]];
      return [[value, b.period, `${b.source.doc} ${b.source.ref}`, r.warnings.map((w) => w.message).join(" ")]];
    },
  });
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

/**
 * The framework's issues (CDF Annex D, Table D1): code, id and the document's wording, one per row. With source "all", the LGA 2019 guide's issues ISS-01…ISS-30 follow. Use it as the source of a data-validation list.
 * @customfunction ISSUES
 * @helpurl https://localhost:3000/functions.html#cohesionissues
 * @param [output] "table" (default: code, id, text), "text" (the wording only) or "code".
 * @param [source] "cdf2009" (default: the 23 Table D1 issues) or "all" (then the 30 LGA 2019 issues, for ACTIONS with source "all"; their id is their code).
 * @returns 23 rows (53 with source "all").
 */
export function issuesFn(output?: string, source?: string): string[][] {
  return excelFunction({
    args: () => ({ what: option(output, ["table", "text", "code"] as const, "table", "output"), from: option(source, RECOMMEND_SOURCES, "cdf2009", "source") }),
    engine: (_, { from }) => {
      const rows = listIssues().map((i) => ({ code: i.code as string, id: i.id, title: i.title }));
      if (from === "all") rows.push(...listLgaIssues().map((i) => ({ code: i.id, id: i.id, title: i.title })));
      return rows;
    },
    spill: (rows, _shape, { what }) => rows.map((i) => (what === "text" ? [i.title] : what === "code" ? [i.code] : [i.code, i.id, i.title])),
  });
}

/**
 * Ranked actions for an area's issues (CDF Annex D, Table D1): each action with how many of the issues it addresses, most first (ties in A01–A20 order). The five actions every area should take are listed after them.
 * @customfunction ACTIONS
 * @helpurl https://localhost:3000/functions.html#cohesionactions
 * @param issues A range of issue codes (I01–I23), ids or the issues' text; with source "all" also LGA 2019 issues (ISS-01–ISS-30). Blank cells are ignored.
 * @param [group] Family group a–e: adds the Annex C advice ("works well" / "works less well").
 * @param [source] "cdf2009" (default: the framework alone) or "all" (adds the LGA 2019 guide's actions, labelled; needed for LGA issues).
 * @returns Rows of: code, action, issues addressed (count), the issues' codes, source.
 */
export function actionsFn(issues: any[][], group?: string, source?: string): any[][] {
  return excelFunction({
    ranges: { issues },
    shared: false,
    // The order of the checks is the order of the messages: no issues (a row), the source, unknown issues (a row), the group.
    engine: ({ matrices }) => {
      const given = (matrices.issues ?? []).flat().filter((v) => !isBlank(v)).map((v) => String(v));
      if (given.length === 0) return fail("missing", "No issues given: pass a range of issue codes (I01–I23), ids or texts; =COHESION.ISSUES() lists them.");
      const from = option(source, RECOMMEND_SOURCES, "cdf2009", "source");
      const unknown = given.filter((g) => !resolveIssue(g).ok && !resolveLgaIssue(g).ok);
      if (unknown.length) {
        const lists = from === "all" ? '=COHESION.ISSUES("table", "all") lists the 23 issues and the 30 LGA 2019 issues.' : "=COHESION.ISSUES() lists the 23 issues.";
        return fail("notFound", `Unknown issue${unknown.length > 1 ? "s" : ""}: ${unknown.map((u) => `"${u.length > 40 ? u.slice(0, 37) + "…" : u}"`).join(", ")}. ${lists}`);
      }
      const g = isBlank(group) ? undefined : parseFamilyGroup(String(group));
      if (!isBlank(group) && !g) throw invalidArgument(`group must be a family group a, b, c, d or e; got "${String(group)}".`);
      // LGA issues with source "cdf2009" fail in the engine (#VALUE!, saying they need source "all").
      return recommendActions(given, { group: g, source: from });
    },
    spill: table(5, (rec: Recommendation) => {
      const rows: (string | number)[][] = rec.actions.map((a) =>
        a.origin === "lga2019"
          ? [a.code, a.title, a.count, [...a.issues, ...a.directIssues].join(", "), `LGA 2019 ${a.source.ref} (${a.inferred ? "linked by this add-in" : "listed for a chosen LGA issue"})`]
          : [a.code, a.title, a.count, a.issues.join(", "), `CDF ${a.source.ref}`],
      );
      rows.push(...rec.universal.map((u) => [u.code, u.title, "every area", "", `CDF ${u.source.ref}`]));
      if (rec.group) {
        for (const w of rec.group.worksWell) rows.push([`${rec.group.group})`, w, "works well", "", `CDF ${rec.group.source.ref}`]);
        for (const w of rec.group.worksLessWell) rows.push([`${rec.group.group})`, w, "works less well", "", `CDF ${rec.group.source.ref}`]);
      }
      return rows;
    }),
  });
}
