/**
 * The 23 issues of CDF Annex D, Table D1 ("Issue Identified"), verbatim and in document order.
 * Ids are this add-in's stable snake_case ids; they never change.
 * @see CDF Annex D, Table D1
 */
import type { Source } from "../../types";
import type { Issue, IssueCode } from "../../recommender/types";

const D1: Source = { doc: "CDF", ref: "Annex D, Table D1" };

/**
 * Table D1's own header row, verbatim: "Action which a local areas could take" [sic]
 * ("a local areas" is the document's error, kept as printed).
 */
export const TABLE_D1_HEADER = {
  issue: "Issue Identified",
  action: "Action which a local areas could take",
  sic: true,
  source: D1,
} as const;

/** All 23 issues, in Table D1 order. */
export const ISSUES: readonly Issue[] = [
  { code: "I01", id: "lack_respect_ethnic_difference", title: "Lack of respect for ethnic difference", source: D1 },
  { code: "I02", id: "negative_views_migrants", title: "Existing population have negative views about migrants", source: D1 },
  { code: "I03", id: "low_pride_belonging", title: "Low level of pride in local area or some groups not feeling they belong", source: D1 },
  { code: "I04", id: "low_trust_others", title: "Low level of trust of others, or of or by some particular groups", source: D1 },
  { code: "I05", id: "low_trust_institutions", title: "Low level of trust of local institutions", source: D1 },
  { code: "I06", id: "fear_of_crime", title: "Fear of crime, feeling unsafe after dark or fear of racist crime", source: D1 },
  { code: "I07", id: "few_interethnic_friends", title: "Low levels of people having friends in another ethnic group", source: D1 },
  { code: "I08", id: "not_pulling_together", title: "People not pulling together or helping each other", source: D1 },
  { code: "I09", id: "low_volunteering", title: "Low levels of volunteering", source: D1 },
  { code: "I10", id: "low_empowerment", title: "Low levels of empowerment", source: D1 },
  { code: "I11", id: "ethnic_faith_cultural_divides", title: "Divides on basis of ethnic, faith or cultural differences", source: D1 },
  { code: "I12", id: "migrant_vs_existing_divides", title: "Divides based on new migrants vs existing residents", source: D1 },
  { code: "I13", id: "gangs_youth_violence", title: "Gangs and youth violence", source: D1 },
  { code: "I14", id: "intergenerational_conflict", title: "Inter-generational conflict", source: D1 },
  { code: "I15", id: "not_speaking_english", title: "Not speaking English", source: D1 },
  { code: "I16", id: "large_new_migrant_numbers", title: "Large number of new migrants", source: D1 },
  { code: "I17", id: "poor_area_quality", title: "Poor quality of area as a place to live", source: D1 },
  { code: "I18", id: "lack_places_to_meet", title: "Low level of facilities – a lack of places to meet", source: D1 },
  { code: "I19", id: "physical_segregation", title: "Physical segregation in public sector housing or at schools", source: D1 },
  { code: "I20", id: "high_crime_asb", title: "High crime and ASB", source: D1 },
  { code: "I21", id: "lack_social_structures", title: "Lack of community social structures", source: D1 },
  {
    code: "I22",
    id: "isolation_rural_urban_barriers",
    // Decision A15: printed "rurality of urban barriers"; almost certainly means "rurality or urban barriers". Shown verbatim with [sic].
    title: "Isolation caused by rurality of urban barriers such as large roads",
    sic: true,
    correctedTitle: "Isolation caused by rurality or urban barriers such as large roads",
    source: D1,
  },
  { code: "I23", id: "violence_high_tension", title: "Violence or high level of tension", source: D1 },
];

/** Issue codes in document order. */
export const ISSUE_CODES: readonly IssueCode[] = ISSUES.map((issue) => issue.code);
