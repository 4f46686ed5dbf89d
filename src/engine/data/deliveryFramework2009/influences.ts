/**
 * Influences on cohesion: CDF Part Two Tables 2–5 (Influence | Positive | Negative) and Annex A
 * Tables A1–A4 (Positive | Negative | No effect), verbatim, plus the link from each Table 2–5 row
 * to Table D1 issues that this add-in uses for survey-driven issue detection.
 *
 * The links are inferred: the CDF itself says "The issues list does not
 * precisely map to the influences list" (Annex D). Rows with no D1 issue (deprivation, public
 * services, past industrial decline, all of Table 3) are "not issues where we would target cohesion
 * policies" (Annex D): use U5, the cohesion impact assessment, for them.
 *
 * Tables 2–5 (CDF summary) and A1–A4 (research detail) are kept apart because they disagree
 * (fear of crime, belonging: decision A22). Table A4's split follows the flattened source row and
 * its "No effect" column is empty (decision A23).
 * @see CDF Part Two, Tables 2–5; CDF Annex A, Tables A1–A4
 */
import type { Source } from "../../types";
import type { AnnexAEntry, AnnexATable, Influence, IssueCode } from "../../recommender/types";

const t = (table: 2 | 3 | 4 | 5): Source => ({ doc: "CDF", ref: `Part Two, Table ${table}` });

const row = (
  code: string,
  influence: string,
  positive: string,
  negative: string,
  issues: readonly IssueCode[] = [],
  alsoConsider: readonly IssueCode[] = [],
  issuesNote?: string,
): Influence => {
  const table = code.slice(0, 2) as Influence["table"];
  const base: Influence = {
    code,
    table,
    influence,
    positive,
    negative,
    issues,
    alsoConsider,
    linkInferred: true,
    source: t(Number(table.slice(1)) as 2 | 3 | 4 | 5),
  };
  return issuesNote === undefined ? base : { ...base, issuesNote };
};

const NO_D1 =
  "No direct D1 issue: Annex D says these are not issues where cohesion policies are targeted but work on them should \"bear cohesion in mind\" (use U5, the cohesion impact assessment).";

/** Tables 2–5, every row, in document order. */
export const INFLUENCES: readonly Influence[] = [
  // Table 2: Community characteristics
  row("T2.1", "Where the area sits on deprivation to affluence spectrum", "Affluence", "Deprivation", [], [], NO_D1),
  row("T2.2", "Level of crime (burglary, robbery, violence)", "Low crime", "High crime", ["I20"], ["I06"]),
  row("T2.3", "Level of Anti Social Behaviour (ASB)", "Low ASB", "High ASB", ["I20"], ["I06"]),
  row(
    "T2.4",
    "Urban or rural",
    "Rural",
    "Urban",
    ["I22"],
    [],
    "Rural is the positive pole for cohesion, yet I22 concerns isolation caused by rurality or urban barriers: no direction can be read off, so detection makes no automatic suggestion.",
  ),
  row("T2.5", "Level of new migrants", "Low", "High", ["I16"], ["I12"]),
  row("T2.6", "Quality of area as a place to live", "High perception", "Low perception", ["I17"]),
  row("T2.7", "Level of facilities", "Has facilities", "Lacks facilities", ["I18"]),
  row("T2.8", "Quality of public services", "High perception", "Low perception", [], [], NO_D1),
  row("T2.9", "Past industrial decline", "Lack of industrial decline", "Past industrial decline", [], [], NO_D1),
  // Table 3: Individuals' characteristics (none has a D1 issue)
  row("T3.1", "Social class", "Upper occupations", "Lower occupations", [], [], NO_D1),
  row("T3.2", "Gender", "Male", "Female", [], [], NO_D1),
  row("T3.3", "Age", "Young or old", "Middle aged", [], [], NO_D1),
  row("T3.4", "Place of birth", "Born abroad", "Born in UK", [], [], NO_D1),
  row("T3.5", "Tenure", "Not council tenant", "Council tenant", [], [], NO_D1),
  // [sic] "or /long term illness": the stray slash is the document's.
  row(
    "T3.6",
    "Disability/long term illness",
    "Without disability or /long term illness",
    "With disability or long term illness",
    [],
    [],
    NO_D1,
  ),
  row("T3.7", "Qualifications", "With qualifications", "Without qualifications", [], [], NO_D1),
  // Table 4: Individuals' attitudes
  row("T4.1", "Feel there is respect for ethnic difference", "Feel this", "Do not feel this", ["I01"]),
  row(
    "T4.2",
    "Views on migration",
    "In favour",
    "Against",
    ["I02"],
    ["I12", "I16"],
    "I02, and I12 and I16 if migrant numbers are high.",
  ),
  row("T4.3", "Sense of belonging", "Feel this", "Do not feel this", ["I03"]),
  row("T4.4", "Trust of others", "Do trust", "Do not trust", ["I04"]),
  row("T4.5", "Trust of local institutions", "Do trust", "Do not trust", ["I05"]),
  row("T4.6", "Fear of crime, feeling unsafe after dark or racist crime", "Do not fear", "Do fear", ["I06"]),
  // Table 5: Individuals' actions
  row("T5.1", "Having friends in another ethnic group", "Have friends", "Do not have friends", ["I07"]),
  row(
    "T5.2",
    "People pulling together – people helping each other",
    "People help one another",
    "People do not help one another",
    ["I08"],
  ),
  row("T5.3", "Formal Volunteering", "High", "Low", ["I09"]),
  // Table 5 pairs empowerment (positive) with civic participation (negative): decision A22 / §4 note.
  row("T5.4", "Empowerment or Participation", "Feel can influence decisions", "Getting involved to change things", ["I10"]),
];

const a = (table: AnnexATable, effect: AnnexAEntry["effect"], text: string): AnnexAEntry => ({
  table,
  effect,
  text,
  source: { doc: "CDF", ref: `Annex A, Table ${table}` },
});

/** Annex A Tables A1–A4, cell by cell, in document order within each column. */
export const ANNEX_A_INFLUENCES: readonly AnnexAEntry[] = [
  // A1: Individual socio-demographic predictors
  a("A1", "positive", "Age"),
  a("A1", "positive", "Qualifications"),
  a("A1", "positive", "Not born in the UK"),
  a("A1", "positive", "Upper occupations"),
  a("A1", "negative", "Long-term illness"),
  a("A1", "negative", "Local authority tenancy"),
  a("A1", "negative", "Female"),
  a("A1", "noEffect", "Years lived in neighbourhood"),
  a("A1", "noEffect", "Ethnicity (although there are differences between ethnic groups)"),
  a("A1", "noEffect", "Religious affiliation"),
  a("A1", "noEffect", "Income"),
  a("A1", "noEffect", "Employment status"),
  // A2: Individual actions which influence cohesion
  a("A2", "positive", "Formal volunteering"),
  a("A2", "positive", "Having friends from different ethnic groups"),
  a("A2", "positive", "People pulling together to improve neighbourhood"),
  a("A2", "positive", "People willing to help neighbours"),
  a("A2", "negative", "Civic participation"),
  a("A2", "noEffect", "Informal volunteering in the past 12 months"),
  a("A2", "noEffect", "Employer supported volunteering in the past 12 months"),
  // A3: Attitudes which influence cohesion ("(F)": a factor built from similar questions)
  a("A3", "positive", "Trust in institutions"),
  a("A3", "positive", "Satisfaction with local services"),
  a("A3", "positive", "Collective efficacy"),
  a("A3", "positive", "Belong to Britain"),
  a("A3", "positive", "Perceived ability to influence local decisions"),
  a("A3", "positive", "Trust local people"),
  a("A3", "positive", "Improved local services"),
  a("A3", "negative", "Fear of racist attack"),
  a("A3", "negative", "More racial prejudice than five yrs ago"),
  a("A3", "negative", "Feel unsafe after dark"),
  a("A3", "negative", "Feel council housing discriminatory"),
  a("A3", "noEffect", "Fear of crime (F)"),
  a("A3", "noEffect", "Perceived ability to influence decisions affecting Great Britain"),
  a("A3", "noEffect", "Perceived racial discrimination by CJS agencies and immigration services (F)"),
  a("A3", "noEffect", "Perceived racial discrimination by health services (F)"),
  a("A3", "noEffect", "Perceived racial discrimination in local schools"),
  a("A3", "noEffect", "Perceived racial discrimination in the education system generally"),
  a("A3", "noEffect", "Perceived racial discrimination by local council"),
  a("A3", "noEffect", "Perceived racial discrimination by private landlords"),
  a("A3", "noEffect", "Perceived change in religious prejudice in the past five years"),
  a("A3", "noEffect", "Belong to neighbourhood"),
  a("A3", "noEffect", "Belong to Local Authority/London Borough"),
  a("A3", "noEffect", "Have friend with similar incomes"),
  a("A3", "noEffect", "Perceived minority ethnic population in the local area"),
  // A4: Community and area level characteristics (flattened in the source; no "No effect" entries)
  a("A4", "positive", "Ethnic diversity"),
  a("A4", "positive", "Rural population"),
  a("A4", "negative", "Socio-economic disadvantage"),
  a("A4", "negative", "Crime"),
  a("A4", "negative", "Increasing non-white in-migration"),
  a("A4", "negative", "Increased A8 in-migration (measured by worker registrations)"),
  a("A4", "negative", "Past industrial decline"),
];
