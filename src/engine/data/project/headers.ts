/**
 * How each input field's column is recognised by its header: the spellings the toolkit lists, each
 * with where it comes from, and the words that may accompany them or rule them out. The matching
 * rule itself is in `../headers.ts` (README, Decisions, "Header rule"); `FIELD_SYNONYMS` (table.ts)
 * is `spellings` without their sources, in this order.
 *
 * - `spellings`: a header equal to one of these (letters and digits only, case ignored) is an exact
 *   match (score 100). Each spelling also matches by its words, in any order, with units, years and
 *   small words ignored (`get on well together (NI 1) %` has the words of `ni 1` and `get on well
 *   together`). A spelling with a year (`jobs 1984`) needs that year in the header.
 * - `context`: words that may stand beside a matched spelling without lowering the score (the
 *   "adult overseas nationals" of a NINo table, the "Level 4 … and above" of a census table). They
 *   never match on their own.
 * - `exclude`: words that say the column is something else (a CI's "lower" end, a classification,
 *   NI 2's "belong"): the field is never taken from such a header.
 * - `unit`: what the field's numbers are. A header whose unit says otherwise (a count for a share)
 *   scores lower, so "Level 4 qualifications and above (percent)" beats its "(number)" column.
 * - `year`: the only year the data may be from (the 1984 Census of Employment).
 */
import type { Field } from "../../table";

export interface HeaderSpelling {
  text: string;
  /** Where this spelling comes from. */
  source: string;
}

export type HeaderUnit = "share" | "rate" | "count" | "halfwidth" | "text" | "flag";

export interface FieldHeaderRule {
  spellings: readonly HeaderSpelling[];
  context: readonly string[];
  exclude: readonly string[];
  unit: HeaderUnit;
  year?: number;
}

/** The toolkit's own earlier list (docs/cli.md before issue 12): kept first, in the same order. */
const TOOLKIT = "Cohesion Toolkit's own synonym list (docs/cli.md, before issue 12)";
const PANE = "the toolkit's own label for the field (LABELS in src/engine/columns.ts)";
const own = (...texts: string[]): HeaderSpelling[] => texts.map((text) => ({ text, source: TOOLKIT }));

/** Words of the "get on well together" question: they may qualify a CI column ("NI 1 CI"). */
const SCORE_WORDS = ["ni1", "get", "well", "together", "people", "different", "background", "cohesion", "score", "bvpi", "agree", "believe", "local", "area", "place", "community", "perception"];

export const HEADER_RULES: Readonly<Record<Field, FieldHeaderRule>> = {
  name: {
    spellings: own("name", "area", "area name", "authority", "local authority", "la", "la name", "district", "council", "ward", "lsoa", "lsoa name", "ward name"),
    context: ["local", "authority", "district", "council", "borough", "unitary", "name", "area", "geography"],
    exclude: ["code", "cd", "id", "type", "class", "classification", "category", "rural", "urban", "population", "region"],
    unit: "text",
  },
  score: {
    spellings: [
      ...own(
        "score", "cohesion score", "get on well", "get on well together", "get on well together %", "% get on well together",
        "people from different backgrounds get on well together", "ni 1", "ni1", "ni 1 %", "ni 1 score", "bvpi", "bvpi score",
        "bvpi cohesion", "bvpi cohesion score", "cohesion bvpi", "community cohesion", "perception of cohesion",
      ),
      { text: "Score (get on well together %)", source: PANE },
      {
        text: "% of people who believe people from different backgrounds get on well together in their local area",
        source: "NI 1 as defined in the National Indicator Set (CLG, 2008) and reported by the Place Survey 2008 and LG Inform",
      },
      {
        text: "NI 001 - Percentage of people who believe people from different backgrounds get on well together in their local area",
        source: "data.gov.uk record title of CLG's Local Data Exchange indicator (datagovuk/ckanext-dgu, ckanext/dgu/tests/cospread/test_cospread.py)",
      },
    ],
    context: ["ni1", "agree", "believe", "local", "area", "locality", "place", "people", "resident", "respondent", "think", "different", "background", "together"],
    exclude: [
      "ci", "confidence", "interval", "margin", "error", "lower", "upper", "lcl", "ucl", "lci", "uci", "se", "standard", "base", "sample", "unweighted", "weighted", "n",
      "rank", "target", "change", "belong", "belonging", "influence", "decision", "safe", "unsafe", "trust", "satisfied", "satisfaction", "volunteering", "volunteer", "respect",
      "crime", "fear", "asb", "drug", "treated", "ni2", "ni3", "ni4", "ni5", "ni6",
    ],
    unit: "share",
  },
  ci: {
    spellings: [
      ...own(
        "ci", "ci ±", "ci half width", "ci halfwidth", "95% ci", "ci 95", "ci 95%", "confidence interval", "confidence interval ±",
        "confidence interval half width", "margin of error", "moe", "score ci", "half width", "± ci", "plus or minus",
      ),
      { text: "Confidence interval (±)", source: PANE },
    ],
    context: [...SCORE_WORDS, "95", "90", "99", "plus", "minus", "pm", "half", "width", "halfwidth", "point", "points", "percentage"],
    exclude: ["lower", "upper", "lcl", "ucl", "lci", "uci", "low", "high", "min", "max", "bound", "limit", "belong", "influence", "safe", "ni2", "ni4"],
    unit: "halfwidth",
  },
  nvq4: {
    spellings: [
      ...own("nvq4", "nvq4+", "nvq 4", "nvq4 %", "nvq4+ %", "% nvq4", "% nvq4+", "nvq level 4", "nvq level 4+", "nvq4 share", "nvq4+ share", "nvq4 or above", "qualified to nvq4"),
      { text: "% with NVQ4+ - aged 16-64", source: "Nomis, Annual Population Survey (NM_17_5), variable name to 2021" },
      { text: "% with RQF4+ - aged 16-64", source: "Nomis, Annual Population Survey (NM_17_5), variable name from 2022 (RQF replaced NVQ)" },
      { text: "Level 4 qualifications and above", source: "ONS Census 2011 QS501EW and Census 2021 TS067, category name" },
      { text: "Qualification: Level 4 qualifications and above; measures: Value", source: "Nomis bulk download of Census 2011 QS501EW, column name" },
      { text: "Highest level of qualification: Level 4 qualifications and above", source: "Nomis bulk download of Census 2021 TS067 (and Census 2011 KS501EW), column name" },
    ],
    context: ["with", "highest", "level", "qualification", "above", "plus", "resident", "usual", "people", "population", "adult", "working", "holding", "equivalent", "share"],
    exclude: ["no", "none", "other", "apprenticeship", "level1", "level2", "level3", "nvq1", "nvq2", "nvq3", "rqf1", "rqf2", "rqf3", "change"],
    unit: "share",
  },
  rural: {
    spellings: [
      ...own("rural", "rural %", "% rural", "rural share", "rural population", "rural population %", "rural settlements", "rural settlements %", "share rural"),
      {
        text: "Rural including hub towns as % of total population",
        source: "ONS/Defra 2011 Rural-Urban Classification of Local Authority Districts (RUC2011 LAD), lookup column as given in issue 12",
      },
    ],
    context: ["population", "including", "include", "hub", "town", "settlement", "living", "live", "people", "resident", "usual", "related", "share"],
    exclude: ["classification", "class", "category", "code", "cd", "urban", "type", "broad", "ruc", "ruc11", "ruc11cd", "ruc2011", "name", "description", "change"],
    unit: "share",
  },
  a8: {
    spellings: [
      ...own("a8", "a8 workers", "a8 per 10000", "a8 per 10,000", "a8 per 10k", "a8 workers per 10000", "a8 workers per 10,000", "a8 rate", "a8 registrations per 10,000"),
      { text: "EU8", source: "DWP, National Insurance number allocations to adult overseas nationals: the nationality group of the 2004 accession countries (later tables)" },
      { text: "A8 accession countries", source: "DWP, NINo registrations to adult overseas nationals: the nationality group as first published (issue 12)" },
    ],
    context: ["nino", "registration", "allocation", "adult", "overseas", "national", "nationality", "accession", "country", "worker", "migrant", "migration", "new", "entering", "uk", "people", "resident", "population"],
    exclude: ["eu2", "eu14", "eu15", "a2", "non", "change"],
    unit: "rate",
  },
  jobs1984: {
    spellings: [
      ...own(
        "jobs1984", "jobs 1984", "1984 jobs", "coal textiles steel", "coal textiles steel jobs", "coal textiles steel jobs 1984",
        "coal, textiles and steel jobs 1984", "1984 coal textiles steel jobs", "heavy industry jobs 1984", "manufacturing jobs 1984", "industrial jobs 1984",
      ),
      { text: "1984 coal, textiles and steel jobs", source: PANE },
    ],
    context: ["mining", "iron", "industry", "combined", "sic"],
    exclude: ["change", "loss", "lost", "share"],
    unit: "count",
    year: 1984,
  },
  singleissue: {
    spellings: own("singleissue", "single issue", "single-issue", "single issue tension", "single-issue tension", "tension single issue", "group e"),
    context: ["tension", "asserted", "flag", "group"],
    exclude: [],
    unit: "flag",
  },
  population: {
    spellings: own("population", "pop", "population total", "usual residents", "residents", "total population"),
    context: ["all", "usual", "resident", "people", "mid", "year", "estimate", "persons", "total"],
    exclude: ["rural", "urban", "qualification", "level4", "nvq4", "aged", "density", "change"],
    unit: "count",
  },
};
