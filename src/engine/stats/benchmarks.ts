/**
 * Lookups over the national benchmark figures (the figures themselves are data:
 * src/engine/data/surveySeries/benchmarks.ts). Figures are keyed by source and period and are never
 * merged, averaged or interpolated (decision A20).
 */
import { BENCHMARKS, BENCHMARK_SERIES, type BenchmarkRow, type BenchmarkSeries, type BenchmarkSeriesId } from "../data/surveySeries/benchmarks";
import { fail, ok, type Result, type Warning } from "../types";
import { fmt, show } from "./_validate";

export {
  BENCHMARKS,
  BENCHMARK_SERIES,
  BREAK_MODE_2016,
  BREAK_QUESTIONNAIRE_2023,
  BREAK_PLACE_SURVEY,
  NOTE_RELEASES_DIFFER,
} from "../data/surveySeries/benchmarks";
export type { BenchmarkRow, BenchmarkSeries, BenchmarkSeriesId, SurveyMode } from "../data/surveySeries/benchmarks";

/**
 * Normalises a year/period key for matching: case-insensitive, any dash or slash → "-", spaces
 * around dashes dropped, and a four-digit second year of consecutive years shortened
 * ("2007/2008", "2007–08" and "2007-08" all match "2007-08"). Numbers are read as text (2003 → "2003").
 * A calendar year never matches a financial year (2008 is not "2008-09").
 * Survey releases print years both as "2018/19" and "2008-09".
 * @example normaliseYear("2016/2017") //=> "2016-17"
 * @example normaliseYear("Apr–Sep 2007") //=> "apr-sep 2007"
 */
export function normaliseYear(year: string | number): string {
  let s = String(year).trim().toLowerCase().replace(/\s+/g, " ");
  s = s.replace(/[\u2010-\u2015\u2212/]/g, "-").replace(/ ?- ?/g, "-");
  s = s.replace(/\b(\d{4})-(\d{4})\b/g, (m: string, a: string, b: string) => (Number(b) === Number(a) + 1 ? `${a}-${b.slice(2)}` : m));
  return s;
}

const BY_ID = new Map<string, Readonly<BenchmarkRow>>(BENCHMARKS.map((r) => [r.id.toLowerCase(), r]));
const SERIES_BY_ID = new Map<string, BenchmarkSeries>(BENCHMARK_SERIES.map((s) => [s.id, s]));

function seriesRows(series: BenchmarkSeriesId): Readonly<BenchmarkRow>[] {
  return BENCHMARKS.filter((r) => r.series === series);
}

function yearsText(rows: readonly Readonly<BenchmarkRow>[]): string {
  return rows.map((r) => `"${r.year}"`).join(", ");
}

function warningsFor(row: Readonly<BenchmarkRow>): Warning[] {
  const w: Warning[] = [];
  if (row.value === null && row.range) {
    w.push({ code: "range", message: `The source gives a range, ${row.valueText}, not a single figure.` });
  }
  if (row.qualifier === "just over") {
    w.push({ code: "lowerBound", message: `The source says "${row.valueText}": ${row.value} is a lower bound, not the exact figure.` });
  }
  if (row.weakerSource) w.push({ code: "weakerSource", message: `Weaker source: ${row.note ?? "see the row's source"}` });
  if (row.comparabilityNote) w.push({ code: "comparability", message: row.comparabilityNote });
  return w;
}

function describe(row: Readonly<BenchmarkRow>): string {
  return `${row.id}: ${row.valueText} — ${row.measure}; ${row.period}; ${row.population} (${row.source.doc} ${row.source.ref}).`;
}

const SERIES_LIST = BENCHMARK_SERIES.map((s) => s.id).join(", ");

/**
 * Looks up one benchmark figure by row id, or by series and year.
 *
 * - `id` is a row id ("CS_2007_AprSep_getonwell", "Table1_total"; case-insensitive). A `year`
 *   given with a row id must be that row's year.
 * - or `id` is a series ("getonwell", "neighbourhood", "britain", "influence",
 *   "place_neighbourhood", "place_influence") and `year` picks the row ("2008-09", "2016/17",
 *   2003, "Apr-Sep 2007", "Oct 2007 release"); the year is required when the series has more than one row.
 * A year with no figure fails with the available years listed; years with no published figure ("not found")
 * say so. Nothing is interpolated, averaged or carried forward.
 *
 * @see README decision A20; the survey releases named in each row's source
 * @param id - row id or series id
 * @param year - the year/period key for a series lookup (optional with a row id)
 * @returns ok(row) with warnings for comparability breaks, ranges and bounds; fail("notFound") for an unknown id or year; fail("missing") for a blank id, or a series without a year
 * @example benchmark("CS_2007_AprSep_getonwell") //=> ok({value: 82, population: "England and Wales, adults 16+", source: {doc: "GR", ref: "¶3.70; fn 5"}, …})
 * @example benchmark("neighbourhood", "2016/17") //=> ok({id: "CLS_2016_17_neighbourhood", value: 62, …}) with a "comparability" warning
 * @example benchmark("getonwell", "2010-11") //=> fail("notFound", "… 2010-11 is marked \"not found\" in the sources …")
 */
export function benchmark(id: string, year?: string | number | null): Result<Readonly<BenchmarkRow>> {
  if (id === undefined || id === null || (typeof id === "string" && id.trim() === "")) {
    return fail("missing", `Benchmark id is blank; give a row id such as "CS_2007_AprSep_getonwell" or a series (${SERIES_LIST}) with a year.`, "id");
  }
  if (typeof id !== "string") return fail("invalid", `Benchmark id must be text; got ${show(id)}.`, "id");
  const hasYear = year !== undefined && year !== null && String(year).trim() !== "";
  if (hasYear && typeof year !== "string" && (typeof year !== "number" || !Number.isFinite(year))) {
    return fail("invalid", `Year must be text such as "2008-09" or a whole year such as 2005; got ${show(year)}.`, "year");
  }
  const key = id.trim().toLowerCase();
  const row = BY_ID.get(key);
  if (row) {
    if (hasYear && normaliseYear(year as string | number) !== normaliseYear(row.year)) {
      const others = row.series ? seriesRows(row.series) : [row];
      return fail(
        "notFound",
        `Benchmark ${row.id} is for "${row.year}", not "${String(year)}". Omit the year, or look up ${row.series ? `series "${row.series}"` : "another row"}: available years ${yearsText(others)}.`,
        "year",
      );
    }
    return ok(row, describe(row), warningsFor(row));
  }
  const series = SERIES_BY_ID.get(key);
  if (!series) {
    return fail(
      "notFound",
      `Unknown benchmark id "${id}". Use a row id (e.g. "CS_2007_AprSep_getonwell", "Table1_total") or a series: ${SERIES_LIST}.`,
      "id",
    );
  }
  const rows = seriesRows(series.id);
  if (!hasYear) {
    if (rows.length === 1) return ok(rows[0], describe(rows[0]), warningsFor(rows[0]));
    return fail("missing", `Series "${series.id}" has ${rows.length} figures; give a year: ${yearsText(rows)}.`, "year");
  }
  const wanted = normaliseYear(year as string | number);
  const match = rows.find((r) => normaliseYear(r.year) === wanted);
  if (match) return ok(match, describe(match), warningsFor(match));
  const markedNotFound = series.notFoundYears.some((y) => normaliseYear(y) === wanted);
  return fail(
    "notFound",
    `No "${series.id}" figure for "${String(year)}"${markedNotFound ? ` (${String(year)} is marked "not found" in the sources)` : ""}; ` +
      `available years: ${yearsText(rows)}. Figures are never interpolated.`,
    "year",
  );
}

/**
 * The benchmark figure as a number, for arithmetic such as a gap (score − benchmark).
 * Same lookup as {@link benchmark}. Fails with "notFound" when the source gives a range and no
 * single figure (rather than choosing one).
 *
 * @see README decision A20
 * @param id - row id or series id
 * @param year - year/period key for a series
 * @returns ok(number) with the row's warnings, or the lookup's failure
 * @example benchmarkValue("Table1_total") //=> ok(78.9)
 * @example benchmarkValue("influence", "2009-10") //=> ok(37)
 * @example benchmarkValue("neighbourhood", "2013-14 to 2015-16") //=> fail("notFound", "… a range, 58–60% …")
 */
export function benchmarkValue(id: string, year?: string | number | null): Result<number> {
  const r = benchmark(id, year);
  if (!r.ok) return r;
  const row = r.value;
  if (row.value === null) {
    return fail("notFound", `Benchmark ${row.id} has no single figure: the source gives a range, ${row.valueText}.`, "id");
  }
  return ok(row.value, `${describe(row)}${row.qualifier ? ` Value ${fmt(row.value)} is a lower bound ("${row.valueText}").` : ""}`, r.warnings);
}

/**
 * All benchmark rows, or those of one series, in table order.
 *
 * @see the survey releases named in each row's source
 * @param series - optional series id ("getonwell", "neighbourhood", "britain", "influence", "place_neighbourhood", "place_influence"; case-insensitive)
 * @returns ok(rows), or fail("notFound") for an unknown series
 * @example listBenchmarks("britain") //=> ok([SoS_Oct2007_Britain (85), GR_Jan2008_Britain (84)])
 * @example listBenchmarks() //=> ok(BENCHMARKS), 48 rows
 */
export function listBenchmarks(series?: string | null): Result<readonly Readonly<BenchmarkRow>[]> {
  if (series === undefined || series === null || (typeof series === "string" && series.trim() === "")) {
    return ok(BENCHMARKS, `${BENCHMARKS.length} benchmark figures.`);
  }
  if (typeof series !== "string") return fail("invalid", `Series must be text; got ${show(series)}.`, "series");
  const s = SERIES_BY_ID.get(series.trim().toLowerCase());
  if (!s) return fail("notFound", `Unknown benchmark series "${series}"; available: ${SERIES_LIST}.`, "series");
  const rows = seriesRows(s.id);
  return ok(rows, `${rows.length} figures in series "${s.id}" (${s.measure}).`);
}
