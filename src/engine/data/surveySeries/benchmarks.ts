/**
 * National benchmark figures: every figure quoted in the 2007–09 framework documents and the
 * Citizenship Survey, Place Survey and Community Life Survey national releases, each with its source,
 * period, population and any break in comparability as the source states it.
 *
 * Rules (decision A20): figures are keyed by source and period and are never merged, averaged or
 * interpolated. A year with no published figure is "notFound", never estimated.
 *
 * Not included: the ABG band thresholds 55/60/65/70/75% (§3.3 last row). They are cut-offs, not
 * comparators, and live only in `data/abgBands.ts` (one rule in one place). The CDF Table 1
 * averages are included, read from `data/familyTypes.ts`, not copied.
 *
 * @see GR ¶3.70, fn 5, Context; SoS (October 2007); CDF Foreword, Table 1; Citizenship Survey, Place Survey and Community Life Survey releases (each row's source)
 */
import type { Source } from "../../types";
import { TABLE_1, TABLE_1_TOTAL } from "../deliveryFramework2009/familyTypes";

/** A series: one measure from one survey family, keyed by year/period. */
export type BenchmarkSeriesId =
  | "getonwell"
  | "neighbourhood"
  | "britain"
  | "influence"
  | "place_neighbourhood"
  | "place_influence";

export type SurveyMode = "face-to-face" | "online/paper" | "online" | "postal" | "not stated";

export interface BenchmarkRow {
  /** Stable id, e.g. "CS_2007_AprSep_getonwell". Never changes. */
  id: string;
  /** The series the row belongs to, or null for CDF Table 1 rows (looked up by id only). */
  series: BenchmarkSeriesId | null;
  /** What is measured, in the source's words. */
  measure: string;
  /**
   * The figure (percent, or Table 1's unit). null only when the source gives a range rather than
   * one figure (see `range`); {@link benchmarkValue} then fails rather than pick a number.
   */
  value: number | null;
  /** The figure exactly as printed ("82%", "just over 80%", "58–60% (…)"). */
  valueText: string;
  /** Low and high ends when the source gives a range. */
  range?: readonly [number, number];
  /** Set when the source gives a bound, not the figure: "just over 80%" → value 80, qualifier "just over". */
  qualifier?: "just over";
  /** Lookup key for the `year` argument of {@link benchmark}: "2007-08", "2003", "Oct 2007 release", … */
  year: string;
  /** The survey period or publication the figure belongs to, in words. */
  period: string;
  /** Geography and respondents. */
  population: string;
  /** Survey mode where the source states it. */
  mode: SurveyMode;
  source: Source;
  /** Public addresses given for the figure (historical; may be offline). */
  urls?: readonly string[];
  /** Verbatim words of the source, where they are quoted. */
  quote?: string;
  /** Break(s) in comparability, in the source's words. Returned as a warning by {@link benchmark}. */
  comparabilityNote?: string;
  /** Other remarks (not warnings), e.g. "final year; then discontinued". */
  note?: string;
  /** The source is weaker ("a wiki, weaker source"). Returned as a warning. */
  weakerSource?: boolean;
}

export interface BenchmarkSeries {
  id: BenchmarkSeriesId;
  measure: string;
  /** Years with no published figure in the sources seen ("not found"). */
  notFoundYears: readonly string[];
  note?: string;
}

// ---- Breaks in comparability, as the survey releases describe them.

/**
 * Break in comparability: the mode change in 2016-17.
 * @see Community Life Survey 2016-17 report, chapter 1
 * @example benchmark("neighbourhood", "2016-17") // warning {code: "comparability", message: BREAK_MODE_2016}
 */
export const BREAK_MODE_2016 =
  "Face-to-face → online/paper in 2016-17 (CLS 2016-17 report). Compare belonging at 79% in 2012-13 with 62% in 2016-17.";
/**
 * Break in comparability: questionnaire changes in 2023/24 and 2024/25.
 * @see Community Life Survey 2023/24 and 2024/25 releases
 * @example benchmark("neighbourhood", "2024-25") // warnings include BREAK_QUESTIONNAIRE_2023
 */
export const BREAK_QUESTIONNAIRE_2023 =
  'Questionnaire changes in 2023/24 and 2024/25 ("Where there has been a change, we have highlighted where a comparison … can or cannot be made").';
/**
 * Break in comparability: the Place Survey is a different survey.
 * @see Place Survey 2008, England (CLG statistical release)
 * @example benchmark("PlaceSurvey_2008_belonging") // warning {code: "comparability", message: BREAK_PLACE_SURVEY}
 */
export const BREAK_PLACE_SURVEY = "Place Survey (postal, 18+) is not the Citizenship Survey (face-to-face, 16+).";
/**
 * This add-in's note on the October 2007 (SoS) and January 2008 (GR Context) releases.
 * @see SoS letter (October 2007); GR Context (January 2008); README decision A20
 * @example benchmark("SoS_Oct2007_Britain") // warning {code: "comparability", message: NOTE_RELEASES_DIFFER}
 */
export const NOTE_RELEASES_DIFFER =
  '85%→84% and 77%→75% are lower in the later (Jan 2008) release, yet GR calls the neighbourhood figure "increasing". The two releases probably cover different periods. Label every benchmark with its source and period; do not merge them.';

const MEASURE_GETONWELL =
  "% who agree (definitely or tend to agree) that their local area is a place where people from different backgrounds get on well together";
const MEASURE_NEIGHBOURHOOD = "% who feel they belong strongly to their neighbourhood";
const MEASURE_BRITAIN = "% who feel they belong strongly to Britain";
const MEASURE_INFLUENCE = "% who feel they can influence decisions affecting their local area";
const MEASURE_TABLE1 = "Average perception of cohesion";

const ENGLAND = "England, adults 16+";
const ENGLAND_WALES = "England and Wales, adults 16+";
const NOT_STATED = "not stated";
const PLACE_POP = "England, residents 18+ (local postal surveys run by 329 councils, >500,000 respondents)";


const URL = {
  publicnet2009: "http://www.publicnet.co.uk/abstracts/2009/08/17/citizenship-survey-3/",
  publicnet2006: "http://www.publicnet.co.uk/abstracts/2006/07/05/citizenship-survey/",
  wiki2005: "http://sca21.wikia.com/wiki/2005_Citizenship_Survey",
  release200910: "https://1library.net/document/yn4owjpz-statistical-release-july.html",
  cs201011: "https://webarchive.nationalarchives.gov.uk/20120919165040/http:/www.communities.gov.uk/publications/corporate/statistics/citizenshipsurveyq4201011",
  brin: "https://www.brin.ac.uk/farewell-to-the-citizenship-survey/",
  place2008: "https://webarchive.nationalarchives.gov.uk/20120919152034/http:/www.communities.gov.uk/publications/corporate/statistics/placesurvey2008",
  cls201213: "http://communitylife.cabinetoffice.gov.uk/",
  heritage: "https://theheritagealliance.org.uk/blog/community-life-survey-2016-17",
  cls201617: "https://vdocuments.mx/community-life-survey-2016-2017-chapter-1-introduction-the-community-life-survey.html",
  cls201819: "https://www.ethnicity-facts-figures.service.gov.uk/culture-and-community/community/feeling-of-community-integration/latest",
  cls202021: "https://gov.uk/government/statistics/community-life-survey-202021-neighbourhood-and-community",
  cls202324:
    "https://fly1.wordsworth.site/government/statistics/community-life-survey-202324-annual-publication/community-life-survey-202324-neighbourhood-and-community",
  cls202425:
    "https://gov.uk/government/statistics/community-life-survey-202425-annual-publication/community-life-survey-202425-neighbourhood-and-community",
} as const;

/**
 * The benchmark series, with the years no published figure was found for (other years are simply not listed).
 * @see the survey releases named in each row's source
 * @example BENCHMARK_SERIES.find((s) => s.id === "getonwell")?.notFoundYears //=> ["2010-11", "2021-22", "2023-24", "2024-25"]
 */
export const BENCHMARK_SERIES: readonly BenchmarkSeries[] = Object.freeze([
  { id: "getonwell", measure: MEASURE_GETONWELL, notFoundYears: ["2010-11", "2021-22", "2023-24", "2024-25"] },
  { id: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, notFoundYears: ["2010-11"] },
  { id: "britain", measure: MEASURE_BRITAIN, notFoundYears: [], note: "Quoted only in SoS (October 2007) and GR Context (January 2008)." },
  { id: "influence", measure: MEASURE_INFLUENCE, notFoundYears: ["2020-21", "2021-22", "2023-24", "2024-25"] },
  {
    id: "place_neighbourhood",
    measure: MEASURE_NEIGHBOURHOOD,
    notFoundYears: [],
    note: `${BREAK_PLACE_SURVEY} The Place Survey 2008 "get on well together" figure: not found.`,
  },
  { id: "place_influence", measure: MEASURE_INFLUENCE, notFoundYears: [], note: BREAK_PLACE_SURVEY },
] as BenchmarkSeries[]);

const CS = (ref: string): Source => ({ doc: "CLS", ref });

const ROWS: BenchmarkRow[] = [
  // ---------------------------------------------------------------- get on well together
  {
    id: "CS_2003_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 80, valueText: "80% (2003–05)",
    year: "2003", period: "Citizenship Survey 2003", population: ENGLAND, mode: "face-to-face",
    source: CS("Citizenship Survey 2003 (PublicNet abstract, 17 August 2009)"), urls: [URL.publicnet2009],
    note: "Printed as 80% (2003–05). GR ¶3.70 gives 80% for 2003 and 2005, England and Wales (row CS_2003_2005_getonwell).",
  },
  {
    id: "CS_2005_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 80, valueText: "80% (E&W)",
    year: "2005", period: "Citizenship Survey 2005", population: ENGLAND_WALES, mode: "face-to-face",
    source: CS("Citizenship Survey 2005 (PublicNet abstract, 5 July 2006)"), urls: [URL.publicnet2006],
  },
  {
    id: "CS_2003_2005_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 80, valueText: "80%",
    year: "2003 and 2005", period: "2003 and 2005 Citizenship Surveys", population: ENGLAND_WALES, mode: "face-to-face",
    source: { doc: "GR", ref: "¶3.70" },
  },
  {
    id: "CS_2007_AprSep_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 82, valueText: "82 per cent",
    year: "Apr-Sep 2007", period: "Citizenship Survey April–September 2007", population: ENGLAND_WALES, mode: "face-to-face",
    source: { doc: "GR", ref: "¶3.70; fn 5" },
    quote:
      "For April - September 2007, the Citizenship Survey found that 82 per cent of people in England and Wales agreed that their local area is a place where people from different backgrounds get on well together.",
    note: "Default comparator for the ABG score (decision A20).",
  },
  {
    id: "GR_Jan2008_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 82, valueText: "82 per cent",
    year: "Jan 2008 release", period: "2007 Citizenship Survey published in January 2008", population: NOT_STATED, mode: "face-to-face",
    source: { doc: "GR", ref: "Context" }, quote: "from 80 per cent in 2005 to 82 per cent now",
  },
  {
    id: "CDF_latest_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 82, valueText: "82%",
    year: "CDF Jan 2009 latest", period: '"latest data from the Citizenship Survey" (period not stated; CDF published January 2009)',
    population: NOT_STATED, mode: "face-to-face", source: { doc: "CDF", ref: "Foreword" },
  },
  {
    id: "SoS_Oct2007_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 80, valueText: "just over 80%",
    qualifier: "just over", year: "Oct 2007 release", period: '"New data published this week from our Citizenship Survey" (October 2007)',
    population: NOT_STATED, mode: "face-to-face", source: { doc: "SoS", ref: "letter, October 2007" },
  },
  {
    id: "CS_2007_08_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 82, valueText: "82%",
    year: "2007-08", period: "Citizenship Survey 2007-08", population: ENGLAND, mode: "face-to-face",
    source: CS("Citizenship Survey 2007-08 (PublicNet abstract, 17 August 2009)"), urls: [URL.publicnet2009],
  },
  {
    id: "CS_2008_09_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 84, valueText: "84%",
    year: "2008-09", period: "Citizenship Survey 2008-09", population: ENGLAND, mode: "face-to-face",
    source: CS("Citizenship Survey 2008-09 (PublicNet abstract, 17 August 2009)"), urls: [URL.publicnet2009],
  },
  {
    id: "CLS_2012_13_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 87, valueText: "87%",
    year: "2012-13", period: "Community Life Survey 2012-13", population: ENGLAND, mode: "face-to-face",
    source: CS("Community Life Survey 2012-13"), urls: [URL.cls201213], comparabilityNote: BREAK_MODE_2016,
  },
  {
    id: "CLS_2016_17_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 81, valueText: "81%",
    year: "2016-17", period: "Community Life Survey 2016-17 (first online/paper year)", population: ENGLAND, mode: "online/paper",
    source: CS("Community Life Survey 2016-17, chapter 1"), urls: [URL.cls201617, URL.heritage], comparabilityNote: BREAK_MODE_2016,
  },
  {
    id: "CLS_2018_19_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 81, valueText: "81%",
    year: "2018-19", period: "Community Life Survey 2018/19", population: ENGLAND, mode: "online/paper",
    source: CS("Community Life Survey 2018/19 (Ethnicity facts and figures: feeling of community integration)"), urls: [URL.cls201819],
    comparabilityNote: BREAK_MODE_2016,
  },
  {
    id: "CLS_2020_21_getonwell", series: "getonwell", measure: MEASURE_GETONWELL, value: 83, valueText: "83%",
    year: "2020-21", period: "Community Life Survey 2020/21", population: ENGLAND, mode: "online/paper",
    source: CS("Community Life Survey 2020/21, Neighbourhood and community"), urls: [URL.cls202021],
    comparabilityNote: BREAK_MODE_2016,
  },

  // ---------------------------------------------------------------- belonging to the neighbourhood
  {
    id: "CS_2003_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 70, valueText: "70%",
    year: "2003", period: "Citizenship Survey 2003", population: ENGLAND, mode: "face-to-face",
    source: CS("Citizenship Survey 2003 (PublicNet abstract, 17 August 2009)"), urls: [URL.publicnet2009],
  },
  {
    id: "CS_2005_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 74, valueText: "74%",
    year: "2005", period: "Citizenship Survey 2005", population: ENGLAND, mode: "face-to-face",
    source: CS("Citizenship Survey 2005 (PublicNet abstract, 17 August 2009)"), urls: [URL.publicnet2009],
  },
  {
    id: "SoS_Oct2007_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 77, valueText: "77%",
    year: "Oct 2007 release", period: '"New data published this week from our Citizenship Survey" (October 2007)',
    population: NOT_STATED, mode: "face-to-face", source: { doc: "SoS", ref: "letter, October 2007" },
    quote: "felt they strongly belonged to their neighbourhood", comparabilityNote: NOTE_RELEASES_DIFFER,
  },
  {
    id: "GR_Jan2008_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 75, valueText: "75 per cent",
    year: "Jan 2008 release", period: "2007 Citizenship Survey published in January 2008", population: NOT_STATED, mode: "face-to-face",
    source: { doc: "GR", ref: "Context" }, quote: "strong sense of belonging to their neighbourhood is increasing – now reaching 75 per cent",
    comparabilityNote: NOTE_RELEASES_DIFFER,
  },
  {
    id: "CS_2007_08_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 75, valueText: "75%",
    year: "2007-08", period: "Citizenship Survey 2007-08", population: ENGLAND, mode: "face-to-face",
    source: CS("Citizenship Survey 2007-08 (PublicNet abstract, 17 August 2009)"), urls: [URL.publicnet2009],
  },
  {
    id: "CS_2008_09_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 77, valueText: "77%",
    year: "2008-09", period: "Citizenship Survey 2008-09", population: ENGLAND, mode: "face-to-face",
    source: CS("Citizenship Survey 2008-09 (PublicNet abstract, 17 August 2009)"), urls: [URL.publicnet2009],
  },
  {
    id: "CLS_2012_13_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 79, valueText: "79%",
    year: "2012-13", period: "Community Life Survey 2012-13", population: ENGLAND, mode: "face-to-face",
    source: CS("Community Life Survey 2012-13"), urls: [URL.cls201213], comparabilityNote: BREAK_MODE_2016,
  },
  {
    id: "CLS_2013_14_to_2015_16_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: null,
    valueText: "58–60% (2013/14–2015/16, online series)", range: [58, 60],
    year: "2013-14 to 2015-16", period: "Community Life Survey online series, 2013/14–2015/16", population: ENGLAND, mode: "online",
    source: CS("Community Life Survey 2024/25, Neighbourhood and community chapter"), urls: [URL.cls202425, URL.heritage],
    comparabilityNote: BREAK_MODE_2016, note: "A range over three years, not one figure.",
  },
  {
    id: "CLS_2016_17_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 62, valueText: "62%",
    year: "2016-17", period: "Community Life Survey 2016-17 (first online/paper year)", population: ENGLAND, mode: "online/paper",
    source: CS("Community Life Survey 2016-17, chapter 1"), urls: [URL.cls201617, URL.heritage], comparabilityNote: BREAK_MODE_2016,
  },
  {
    id: "CLS_2020_21_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 65, valueText: "65%",
    year: "2020-21", period: "Community Life Survey 2020/21", population: ENGLAND, mode: "online/paper",
    source: CS("Community Life Survey 2020/21, Neighbourhood and community"), urls: [URL.cls202021],
    comparabilityNote: BREAK_MODE_2016,
  },
  {
    id: "CLS_2021_22_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 63, valueText: "63%",
    year: "2021-22", period: "Community Life Survey 2021/22", population: ENGLAND, mode: "online/paper",
    source: CS("Community Life Survey 2021/22, as cited in the CLS 2023/24 Neighbourhood and community chapter"), urls: [URL.cls202324],
    comparabilityNote: BREAK_MODE_2016, note: "CLS 2021/22 total sample: 10,126 (the CLS 2021/22 technical report).",
  },
  {
    id: "CLS_2023_24_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 61, valueText: "61%",
    year: "2023-24", period: "Community Life Survey 2023/24 (boosted, n≈175k; questionnaire changes)", population: ENGLAND, mode: "online/paper",
    source: CS("Community Life Survey 2023/24, Neighbourhood and community"), urls: [URL.cls202324],
    comparabilityNote: `${BREAK_MODE_2016} ${BREAK_QUESTIONNAIRE_2023}`,
  },
  {
    id: "CLS_2024_25_neighbourhood", series: "neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 62, valueText: "62%",
    year: "2024-25", period: "Community Life Survey 2024/25 (published 10 Dec 2025)", population: ENGLAND, mode: "online/paper",
    source: CS("Community Life Survey 2024/25, Neighbourhood and community"), urls: [URL.cls202425],
    comparabilityNote: `${BREAK_MODE_2016} ${BREAK_QUESTIONNAIRE_2023}`,
  },

  // ---------------------------------------------------------------- belonging to Britain
  {
    id: "SoS_Oct2007_Britain", series: "britain", measure: MEASURE_BRITAIN, value: 85, valueText: "85%",
    year: "Oct 2007 release", period: '"New data published this week from our Citizenship Survey" (October 2007)',
    population: NOT_STATED, mode: "face-to-face", source: { doc: "SoS", ref: "letter, October 2007" },
    quote: "felt they belonged strongly to Britain", comparabilityNote: NOTE_RELEASES_DIFFER,
  },
  {
    id: "GR_Jan2008_Britain", series: "britain", measure: MEASURE_BRITAIN, value: 84, valueText: "84%",
    year: "Jan 2008 release", period: "2007 Citizenship Survey published in January 2008", population: NOT_STATED, mode: "face-to-face",
    source: { doc: "GR", ref: "Context" }, quote: "strong sense of belonging to Britain", comparabilityNote: NOTE_RELEASES_DIFFER,
  },

  // ---------------------------------------------------------------- can influence local decisions
  {
    id: "CS_2001_influence", series: "influence", measure: MEASURE_INFLUENCE, value: 44, valueText: "44%",
    year: "2001", period: "Citizenship Survey 2001", population: ENGLAND, mode: "face-to-face",
    source: CS("Citizenship Survey 2009-10 statistical release (July)"), urls: [URL.release200910],
  },
  {
    id: "CS_2005_influence", series: "influence", measure: MEASURE_INFLUENCE, value: 39, valueText: "39%",
    year: "2005", period: "Citizenship Survey 2005", population: ENGLAND, mode: "face-to-face",
    source: CS("2005 Citizenship Survey (wiki summary)"), urls: [URL.wiki2005], weakerSource: true,
    note: "The only source found for this figure is a wiki summary, a weaker source.",
  },
  {
    id: "CS_2007_08_influence", series: "influence", measure: MEASURE_INFLUENCE, value: 38, valueText: "38%",
    year: "2007-08", period: "Citizenship Survey 2007-08", population: ENGLAND, mode: "face-to-face",
    source: CS("Citizenship Survey 2009-10 statistical release (July)"), urls: [URL.release200910],
  },
  {
    id: "CS_2008_09_influence", series: "influence", measure: MEASURE_INFLUENCE, value: 39, valueText: "39%",
    year: "2008-09", period: "Citizenship Survey 2008-09", population: ENGLAND, mode: "face-to-face",
    source: CS("Citizenship Survey 2008-09 (PublicNet abstract, 17 August 2009)"), urls: [URL.publicnet2009],
  },
  {
    id: "CS_2009_10_influence", series: "influence", measure: MEASURE_INFLUENCE, value: 37, valueText: "37%",
    year: "2009-10", period: "Citizenship Survey 2009-10", population: ENGLAND, mode: "face-to-face",
    source: CS("Citizenship Survey 2009-10 statistical release (July)"), urls: [URL.release200910],
  },
  {
    id: "CS_2010_11_influence", series: "influence", measure: MEASURE_INFLUENCE, value: 38, valueText: "38%",
    year: "2010-11", period: "Citizenship Survey 2010-11 (final year; then discontinued)", population: ENGLAND, mode: "face-to-face",
    source: CS("Citizenship Survey 2010-11, Q4 statistical release"), urls: [URL.cs201011, URL.brin],
    note: "Final year of the Citizenship Survey; then discontinued.",
  },
  {
    id: "CLS_2013_14_influence", series: "influence", measure: MEASURE_INFLUENCE, value: 26, valueText: "26%",
    year: "2013-14", period: "Community Life Survey 2013-14", population: ENGLAND, mode: "not stated",
    source: CS("Community Life Survey 2013-14 (CLS 2024/25 Neighbourhood and community chapter; Heritage Alliance summary)"),
    urls: [URL.cls202425, URL.heritage], comparabilityNote: BREAK_MODE_2016,
  },
  {
    id: "CLS_2016_17_influence", series: "influence", measure: MEASURE_INFLUENCE, value: 27, valueText: "27%",
    year: "2016-17", period: "Community Life Survey 2016-17 (first online/paper year)", population: ENGLAND, mode: "online/paper",
    source: CS("Community Life Survey 2016-17, chapter 1"), urls: [URL.cls201617, URL.heritage], comparabilityNote: BREAK_MODE_2016,
  },

  // ---------------------------------------------------------------- Place Survey 2008 (local postal; not comparable)
  {
    id: "PlaceSurvey_2008_belonging", series: "place_neighbourhood", measure: MEASURE_NEIGHBOURHOOD, value: 59, valueText: "59%",
    year: "2008", period: "Place Survey 2008 (local postal; not comparable)", population: PLACE_POP, mode: "postal",
    source: CS("Place Survey 2008, England (CLG statistical release)"), urls: [URL.place2008],
    comparabilityNote: BREAK_PLACE_SURVEY,
  },
  {
    id: "PlaceSurvey_2008_influence", series: "place_influence", measure: MEASURE_INFLUENCE, value: 29, valueText: "29%",
    year: "2008", period: "Place Survey 2008 (local postal; not comparable)", population: PLACE_POP, mode: "postal",
    source: CS("Place Survey 2008, England (CLG statistical release)"), urls: [URL.place2008],
    comparabilityNote: BREAK_PLACE_SURVEY,
  },

  // ---------------------------------------------------------------- CDF Table 1 (read from data/familyTypes.ts)
  ...TABLE_1.map(
    (t): BenchmarkRow => ({
      id: `Table1_type${t.type}`,
      series: null,
      measure: MEASURE_TABLE1,
      value: t.average,
      valueText: t.average.toFixed(1),
      year: "not stated",
      period: "not stated (Table 1 gives no period or survey)",
      population: `Type ${t.type} areas, "${t.name}" (${t.areas} areas; County Councils excluded)`,
      mode: "not stated",
      source: { doc: "CDF", ref: "Table 1" },
      note: "Unit presumably % agreeing people from different backgrounds get on well together; the survey/year behind Table 1 is not stated.",
    }),
  ),
  {
    id: "Table1_total",
    series: null,
    measure: MEASURE_TABLE1,
    value: TABLE_1_TOTAL.average,
    valueText: TABLE_1_TOTAL.average.toFixed(1),
    year: "not stated",
    period: "not stated (Table 1 gives no period or survey)",
    population: `all ${TABLE_1_TOTAL.areas} areas, types 1–9 (County Councils excluded)`,
    mode: "not stated",
    source: TABLE_1_TOTAL.source,
    note: `${TABLE_1_TOTAL.note} The "LA average" comparator (decision A20).`,
  },
];

function deepFreeze<T extends object>(rows: T[]): readonly Readonly<T>[] {
  for (const r of rows) {
    for (const v of Object.values(r)) if (v !== null && typeof v === "object") Object.freeze(v);
    Object.freeze(r);
  }
  return Object.freeze(rows);
}

/**
 * Every national benchmark figure, in series order (get on well, neighbourhood, Britain,
 * influence, Place Survey, CDF Table 1). Frozen; ids are stable.
 *
 * @see GR ¶3.70, fn 5, Context; SoS; CDF Foreword, Table 1; Citizenship Survey, Place Survey and Community Life Survey releases (each row's source)
 * @example BENCHMARKS.find((r) => r.id === "CS_2007_AprSep_getonwell")?.value //=> 82
 */
export const BENCHMARKS: readonly Readonly<BenchmarkRow>[] = deepFreeze(ROWS);
