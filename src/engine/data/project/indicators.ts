/**
 * Indicators for survey-driven issue detection, with their
 * polarity, the D1 issues they point to and the national figures the sources give.
 *
 * - The four PSA 21 indicators (CDF §1.2; GR ¶2.10; decision A18). NI numbers are external
 *   annotations (none of the source documents gives them).
 * - One indicator per Table 2/4/5 influence that this add-in links to a D1 issue (Annex B names the data).
 * - National figures only where a source gives one. None is invented: an indicator
 *   without one gets no national comparison, only a note.
 *
 * Decisions recorded here (this add-in's, not the documents'):
 * - NI 1 default national comparator: 82% (Citizenship Survey April–September 2007, decision A20).
 * - NI 2 and NI 4 default national comparators: the Place Survey 2008 England figures (59%, 29%),
 *   because local NI 2/NI 4 values come from the Place Survey (CDF §1.2: "The first two will also be
 *   measured locally by the Place Survey"), and the Citizenship Survey (face-to-face, 16+) is not
 *   comparable with the postal Place Survey (Place Survey 2008 release).
 *   The Citizenship Survey figures remain selectable by benchmark id. No Place Survey 2008 national
 *   figure for "get on well" was found, so NI 1 keeps 82%.
 * - NI 1 is the headline outcome, not an influence: no influence link joins it to a D1 issue, so a low NI 1 is
 *   reported as an overall signal (consider U1–U5 and the other indicators), never as an issue.
 * - Meaningful interaction → I07 is this add-in's link (the influence links join only "Having friends
 *   in another ethnic group" to I07); it is marked `linkBasis: "decision"`.
 * @see CDF §1.2, GR ¶2.10, ¶3.70, fn 5, GR Context, SoS
 */
import { BENCHMARKS } from "../surveySeries/benchmarks";
import type { Source } from "../../types";
import type { IndicatorBenchmark, IndicatorDef, IndicatorId } from "../../recommender/types";

/**
 * National comparators by id from the one benchmark table (src/engine/data/surveySeries/benchmarks.ts), so a
 * figure lives in one place. An id without a single published value is left out (a test checks
 * every id resolves).
 */
export function nationalFigures(...ids: string[]): IndicatorBenchmark[] {
  return ids.flatMap((id) => {
    const row = BENCHMARKS.find((b) => b.id === id);
    return row && row.value !== null ? [{ id, value: row.value, label: `${row.period}, ${row.population}`, source: row.source }] : [];
  });
}

const T = (table: 2 | 4 | 5): Source => ({ doc: "CDF", ref: `Part Two, Table ${table}; Annex B` });
const INFLUENCE_LINK = "influence link [inferred]" as const;


/** Every indicator the detector understands, in display order. */
export const INDICATORS: readonly IndicatorDef[] = [
  {
    id: "ni1_getonwell",
    label: "get on well",
    measure:
      "The percentage of people who believe people from different backgrounds get on well together in their local area (NI 1)",
    unit: "%",
    polarity: "higherIsBetter",
    issues: [],
    alsoConsider: [],
    linkBasis: "decision",
    linkNote:
      "The headline cohesion outcome; no influence links it to a D1 issue. A low value is an overall signal: consider the universal actions U1–U5 and use the other indicators to choose issues.",
    nationalBenchmarks: nationalFigures("CS_2007_AprSep_getonwell", "CS_2003_2005_getonwell"),
    familyTypeComparator: true,
    source: { doc: "CDF", ref: "§1.2 (PSA 21 indicator 1)" },
  },
  {
    id: "ni2_belonging",
    label: "belonging",
    measure: "The percentage of people who feel that they belong to their neighbourhood (NI 2)",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I03"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    influence: "T4.3",
    nationalBenchmarks: nationalFigures("PlaceSurvey_2008_belonging", "GR_Jan2008_neighbourhood", "SoS_Oct2007_neighbourhood"),
    familyTypeComparator: false,
    source: { doc: "CDF", ref: "§1.2 (PSA 21 indicator 2)" },
  },
  {
    id: "ni4_influence",
    label: "influence decisions",
    measure: "The percentage of people who feel they can influence decisions in their locality (NI 4)",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I10"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    influence: "T5.4",
    nationalBenchmarks: nationalFigures("PlaceSurvey_2008_influence", "CS_2007_08_influence"),
    familyTypeComparator: false,
    source: { doc: "GR", ref: "¶2.10 (PSA 21, empowerment element)" },
  },
  {
    id: "meaningful_interaction",
    label: "meaningful interaction",
    measure: "The percentage of people who have meaningful interactions with people from different backgrounds",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I07"],
    alsoConsider: [],
    linkBasis: "decision",
    linkNote:
      "This add-in's link: the influence links join only \"Having friends in another ethnic group\" to I07. No national figure is given in the sources (measured nationally by the Citizenship Survey only).",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: { doc: "CDF", ref: "§1.2 (PSA 21 indicator 3)" },
  },
  {
    id: "respect_ethnic_difference",
    label: "respect for ethnic difference",
    measure: "% who feel there is respect for ethnic difference (Annex B: BVPI/Place Survey race relations items)",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I01"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    influence: "T4.1",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(4),
  },
  {
    id: "views_on_migration",
    label: "positive views on migration",
    measure: "% in favour of / positive about migration",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I02"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    linkNote: "Influence link: \"I02 (and I12, I16 if migrant numbers are high)\": I12 and I16 are added when new_migrants_a8 is also worse than its comparator.",
    influence: "T4.2",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(4),
  },
  {
    id: "trust_others",
    label: "trust of others",
    measure: "% who trust other people (Annex B: \"whether people treat other people with respect and consideration\")",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I04"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    influence: "T4.4",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(4),
  },
  {
    id: "trust_institutions",
    label: "trust of local institutions",
    measure: "% who trust local institutions (Annex B: whether residents think their council is trustworthy, treats all types of people fairly …)",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I05"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    influence: "T4.5",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(4),
  },
  {
    id: "fear_of_crime",
    label: "fear of crime",
    measure: "% who fear crime, feel unsafe after dark or fear racist crime",
    unit: "%",
    polarity: "lowerIsBetter",
    issues: ["I06"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    linkNote: "Table A3 lists \"Fear of crime (F)\" under No effect while Table 4 and GR ¶3.73 treat it as an influence (decision A22).",
    influence: "T4.6",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(4),
  },
  {
    // The same concern measured the other way round: the BVPI survey (the Place Survey after it)
    // asks "whether people feel safe", so a low share feeling safe points to I06, as high fear does.
    id: "feel_safe",
    label: "feel safe",
    measure: "% who feel safe (e.g. outside after dark): the other side of fear of crime",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I06"],
    alsoConsider: [],
    linkBasis: "decision",
    linkNote: "Annex B names the BVPI/Place Survey measure \"whether people feel safe\" for fear of crime; read with higher = better, so it is not mistaken for a fear-of-crime share (decision A22 applies as for fear of crime).",
    influence: "T4.6",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: { doc: "CDF", ref: "Annex B, \"Fear of crime, feeling unsafe after dark or fear of racist crime\"" },
  },
  {
    id: "friends_other_ethnic",
    label: "friends in another ethnic group",
    measure: "% who have friends in another ethnic group",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I07"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    influence: "T5.1",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(5),
  },
  {
    id: "pulling_together",
    label: "people pulling together",
    measure: "% who agree people pull together / help each other",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I08"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    influence: "T5.2",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(5),
  },
  {
    id: "formal_volunteering",
    label: "formal volunteering",
    measure: "% who volunteer formally",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I09"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    influence: "T5.3",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(5),
  },
  {
    id: "new_migrants_a8",
    label: "new migrants",
    measure: "A8 workers per 10,000 population (the Commission's F3 proxy; CDF Table A4: \"measured by worker registrations\")",
    unit: "per 10,000",
    polarity: "lowerIsBetter",
    issues: ["I16"],
    alsoConsider: ["I12"],
    linkBasis: INFLUENCE_LINK,
    linkNote: "Table 2: \"Level of new migrants\" Low = positive, High = negative. A high level suggests I16 (and I12).",
    influence: "T2.5",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(2),
  },
  {
    id: "area_quality",
    label: "satisfaction with area",
    measure: "% satisfied with the area as a place to live",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I17"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    influence: "T2.6",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(2),
  },
  {
    id: "facilities",
    label: "satisfaction with facilities",
    measure: "% satisfied with local facilities (parks, community centres, places to meet …)",
    unit: "%",
    polarity: "higherIsBetter",
    issues: ["I18"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    influence: "T2.7",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(2),
  },
  {
    id: "crime_rate",
    label: "crime",
    measure: "Recorded crime (burglary, robbery, violence) per 1,000 population",
    unit: "per 1,000",
    polarity: "lowerIsBetter",
    issues: ["I20"],
    alsoConsider: ["I06"],
    linkBasis: INFLUENCE_LINK,
    influence: "T2.2",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(2),
  },
  {
    id: "asb_problem",
    label: "anti-social behaviour a problem",
    measure: "% who say anti-social behaviour is a problem in their area (Annex B: the BVPI ASB items)",
    unit: "%",
    polarity: "lowerIsBetter",
    issues: ["I20"],
    alsoConsider: ["I06"],
    linkBasis: INFLUENCE_LINK,
    influence: "T2.3",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(2),
  },
  {
    id: "rural_population",
    label: "rural population",
    measure: "% of the population in rural settlements and larger market towns (the Commission's F2 proxy)",
    unit: "%",
    polarity: "none",
    issues: ["I22"],
    alsoConsider: [],
    linkBasis: INFLUENCE_LINK,
    linkNote:
      "No automatic suggestion: Table 2 makes rural the positive pole, yet I22 concerns isolation caused by rurality or urban barriers. The user decides.",
    influence: "T2.4",
    nationalBenchmarks: nationalFigures(),
    familyTypeComparator: false,
    source: T(2),
  },
];

/** Indicator ids in display order. */
export const INDICATOR_IDS: readonly IndicatorId[] = INDICATORS.map((indicator) => indicator.id);

/** All national benchmarks, flattened (id → figure), for lookups and tests. */
export const NATIONAL_BENCHMARKS: readonly (IndicatorBenchmark & { indicator: IndicatorId })[] = INDICATORS.flatMap((indicator) =>
  indicator.nationalBenchmarks.map((benchmark) => ({ ...benchmark, indicator: indicator.id })),
);
