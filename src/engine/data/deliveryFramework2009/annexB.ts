/**
 * CDF Annex B, "Local cohesion mapping exercise" (Cohesion Delivery Framework – Overview, CLG, January 2009,
 * pp. 27–32 by its contents page): every data item the annex suggests an area gathers, under the annex's
 * four headings, with the annex's own paragraph for it verbatim (and, for "Local community structures",
 * the five questions it lists). The area profile (src/engine/profile.ts) sets the workbook's evidence
 * beside each item and leaves a column for local knowledge: "Data should also be a mix between "hard"
 * quantitative and "softer" qualitative data, alongside local intelligence" (Annex B, introduction).
 *
 * The codes (B-C1 … B-X4: C community characteristics, P personal characteristics, A attitudes,
 * X actions) are this add-in's, stable and in document order; the annex numbers nothing.
 *
 * `evidence` is this add-in's link from an item to what a council's indicator workbook can hold for it
 * (the detector's indicators, src/engine/data/project/indicators.ts, and the four typology proxies): the
 * annex names the survey measure or the Commission's proxy, the link is ours. An item without one is
 * for local knowledge alone.
 * @see CDF Annex B (pp. 27–32); CDF Part Two, §2.1
 */
import type { Source } from "../../types";
import type { IndicatorId } from "../../recommender/types";

/** The annex's four headings, in its order (its introduction calls them "community characteristics; personal characteristics; personal attitudes; and personal actions"). */
export type AnnexBGroup = "community" | "personal" | "attitudes" | "actions";

export const ANNEX_B_GROUPS: Readonly<Record<AnnexBGroup, { heading: string; source: Source }>> = {
  community: { heading: "Community characteristics", source: { doc: "CDF", ref: "Annex B, \"Community characteristics\" (pp. 27–32)" } },
  personal: { heading: "Personal characteristics", source: { doc: "CDF", ref: "Annex B, \"Personal characteristics\" (pp. 27–32)" } },
  attitudes: { heading: "Individuals' attitudes", source: { doc: "CDF", ref: "Annex B, \"Individuals' attitudes\" (pp. 27–32)" } },
  actions: { heading: "Individuals' actions", source: { doc: "CDF", ref: "Annex B, \"Individuals' actions\" (pp. 27–32)" } },
};

/** A typology proxy column that is evidence for an item (the Commission's proxies, CDF Part Two). */
export type AnnexBProxy = "nvq4" | "rural" | "a8" | "jobs1984";

/** What in the workbook speaks to an item (this add-in's link). */
export interface AnnexBEvidenceLinks {
  indicators?: readonly IndicatorId[];
  proxies?: readonly AnnexBProxy[];
}

export interface AnnexBItem {
  /** This add-in's code: B-C1 … B-C14, B-P1 … B-P7, B-A1 … B-A5, B-X1 … B-X4. */
  code: string;
  group: AnnexBGroup;
  /** The item's heading in the annex, verbatim. */
  heading: string;
  /** The annex's paragraph under the heading, verbatim. */
  text: string;
  /** Questions the annex lists under the item, verbatim (only "Local community structures" has them). */
  questions: readonly string[];
  /** This add-in's link to workbook evidence; empty when the item is for local knowledge alone. */
  evidence: AnnexBEvidenceLinks;
  source: Source;
}

/** The annex's introduction on what to gather, verbatim (its first and fourth paragraphs' key sentences). */
export const ANNEX_B_PRINCIPLES: readonly string[] = [
  "It is important to gather a basket of measures, but we are not suggesting you try to gather all this data – not all of it will be relevant to your area. We also recognise that not all of this data will be available.",
  "Data should also be a mix between \"hard\" quantitative and \"softer\" qualitative data, alongside local intelligence – though each will need to be weighted. Do not feel that you cannot take action without hard data – qualitative data can be just as valuable or valid as quantitative data to help you understand your area.",
];

/** What the mapping exercise is for (CDF Part Two, §2.1, "Detailed mapping"), verbatim. */
export const ANNEX_B_PURPOSE =
  "Drawing together this information in a single accessible document will give the sort of understanding that will allow effective cohesion planning for both cross cutting and targeted activities. It should identify a number of key issues and groups which the area's cohesion strategy will focus on.";
export const ANNEX_B_PURPOSE_SOURCE: Source = { doc: "CDF", ref: "Part Two, §2.1, \"Detailed mapping\" (pp. 15–18)" };

const GROUP_OF: Record<string, AnnexBGroup> = { C: "community", P: "personal", A: "attitudes", X: "actions" };

function item(code: string, heading: string, text: string, a?: readonly string[] | AnnexBEvidenceLinks, b?: AnnexBEvidenceLinks): AnnexBItem {
  const questions = Array.isArray(a) ? (a as readonly string[]) : [];
  const evidence = (Array.isArray(a) ? b : (a as AnnexBEvidenceLinks | undefined)) ?? {};
  const group = GROUP_OF[code.charAt(2)];
  return { code, group, heading, text, questions, evidence, source: { doc: "CDF", ref: `Annex B, "${ANNEX_B_GROUPS[group].heading}": "${heading}" (pp. 27–32)` } };
}

/** Every item of Annex B, in document order. */
export const ANNEX_B_ITEMS: readonly AnnexBItem[] = [
  // Community characteristics
  item("B-C1", "Which areas are deprived, affluent or suffer from exclusion",
    "In deprived areas, competition for public services, welfare, investment, jobs and housing can become expressed on the lines of the identity of different groups. Measures could include the Index of Multiple Deprivation, unemployment rates (particularly if long term) and measures of social or financial exclusion. This could also cover which areas have receiving neighbourhood renewal funding or other additional support. Data on excluded groups such as lone parents or NEETs could also be included.",
    { proxies: ["nvq4"] }),
  item("B-C2", "The strength of the local economy and employment opportunities",
    "Local economy issues will affect employment, whether young people stay in the area or new people arrive and whether wealthier or more mobile people will leave. Economic development or regeneration department or officers should have access to a whole range of economic statistics for the locality. Also local branches of Jobcentre Plus, local colleges, youth workers and schools will keep information on employment, further and higher education."),
  item("B-C3", "Level of crime and ASB",
    "High crime or fear of crime may mean that communal space no longer feels safe, that many groups of people feel vulnerable and stay indoors more. The crime and disorder partnership will be able to pinpoint crime issues in the locality such as drugs and gangs. Or the Police will have data on hate crime. There is BVPI data on that noisy neighbours or loud parties, teenagers hanging around on the streets, rubbish and litter lying around, people being drunk or rowdy in public spaces, abandoned or burnt out cars and vandalism, graffiti and other deliberate damage to property or vehicles. This data will also be available from the Place Survey.",
    { indicators: ["crime_rate", "asb_problem"] }),
  item("B-C4", "Community tensions information",
    "The Police will also be source of intelligence about community tensions, based on incidents reported to them or which they have become involved, but no offence has been recorded or no criminal charges brought. Local knowledge will inform whether data on far right or other extremist activity should be included."),
  item("B-C5", "Level of population churn or mobility, whether new migrants or new residents",
    "High community transience will make it difficult to develop community links as people move for work, for cheap housing or other reasons. While housing needs to be flexible, large areas of bedsit accommodation and cheap private rented apartments have often been linked with transient communities. This is not just about new migrants, it may also be about students; and in some areas there is the issue of holiday homes or second home owners. Information can come from a range of sources such as electoral registration, council tax and social housing providers as well as the private rented sector. Community groups and service providers will have a good idea of new groups settling in the locality, either as economic migrants, refugee and asylum seekers or those choosing to move for other reasons.",
    { indicators: ["new_migrants_a8"], proxies: ["a8"] }),
  item("B-C6", "Housing",
    "Linked to churn and mobility will be the quality, type and supply will determine the type of people living in the area and whether they stay. Large social housing estates or swathes of expensive properties will shape the local population. An emerging issue is the growth of houses of multiple occupancy in some areas. Housing strategy officers, together with social housing providers locally, will have a range of information sources. These will probably already be included in the Housing Strategy."),
  item("B-C7", "Quality of area as a place to live",
    "The proxy used by the Commission was whether an area was rural or urban – a divide of this nature – or a more complex one (eg marking deep rural areas, suburban areas compared to inner city areas) – could be mapped. And data used from the BVPI survey (and the Place Survey in future).",
    { indicators: ["area_quality", "rural_population"], proxies: ["rural"] }),
  item("B-C8", "Quality of facilities",
    "The BVPI survey (and the Place Survey in future) is the best source for this, as it asks about local parks, shops, sports and leisure facilities, facilities for young people, cultural facilities, libraries, museums and galleries, theatres and concert halls and open spaces. Another option is mapping which communities have best and worst access to public facilities such as parks, shops, libraries, community centres and sports centres.",
    { indicators: ["facilities"] }),
  item("B-C9", "Physical barriers",
    "Also worth identifying on map are the physical barriers such as railway lines roads, natural features or in very rural areas, issues of distance, which can create divides."),
  item("B-C10", "Quality of public services",
    "The BVPI Survey (and the Place Survey in future) is the best source for this and should allow the mapping of any variations across the local area in user satisfaction with council, with key services and community engagement and decision making facilities."),
  item("B-C11", "Education",
    "Education officers will have information about areas with worse than average results or where schools have become segregated or are mono-ethnic."),
  item("B-C12", "Health",
    "Local NHS will have information about any health inequalities."),
  item("B-C13", "Past industrial decline or disturbances",
    "DTZ research has found that major disturbances to the local social and economic system can take a long time to recover from and these need to continue to borne in mind, even 20 or 30 years later. Information on this will come from local knowledge.",
    { proxies: ["jobs1984"] }),
  item("B-C14", "Local community structures",
    "Community structures can be key to bringing people together and also in calming tensions. Questions which can be asked are:",
    [
      "What youth provision is there?",
      "What are the range of organisations involved in community cohesion and the operational links between them?",
      "What voluntary groups are active in what area? What services do they provide? What is their density?",
      "What community groups are active in what area? What services do they provide? What is their density?",
      "Are faith groups undertaking service or support provision? Where are they and what do they do? Are there interfaith groups?",
    ]),
  // Personal characteristics
  item("B-P1", "Race, ethnicity or nationality",
    "There is a risk that cohesion can become over focussed on ethnic minorities – when it is about everyone in society. However, data about ethnic groups is an important starting point, including White European groups. So having a clear idea of the ethnicity of the population, where different groups are concentrated, whether they are not concentrated and where they are moving to will be useful. Information sources will include the census and population projections. Also ethnicity is a common monitoring category for service provision, job application, education results etc. Also bear in mind that in some areas the other white category will cover many European migrant workers. In some areas, it will be important to gather data about gypsies and travellers."),
  item("B-P2", "Faith and culture",
    "These are often closely related to ethnicity, but simple ethnicity categories can miss issues, for example the wide variety of cultures captured under the ethnic category \"Black African\" or the religious diversity of the Indian population. Community or faith groups may have surveyed their members and so may provide a useful source of qualitative information too."),
  item("B-P3", "Language",
    "Not being able to speak English prevents people from mixing – a source of data on this is the school language census or take up of ESOL courses."),
  item("B-P4", "Immigration Status",
    "This will show how many people have arrived recently and where they are living. One source for this will be migrants' groups. Data on asylum seekers or estimates on illegal immigrants may also be needed.",
    { proxies: ["a8"] }),
  item("B-P5", "Class/Income",
    "The economic (and sometimes cultural) group you are brought up in will shape a whole range of factors including schooling and employment. Social class information is rarely collected in service provision, but there will be information from the census cut by employment group and employment type. Income statistics on an area basis, as well as benefits information and information such as free school meals take up will help pinpoint the low paid, unemployed and manual professions. Other sources of wealth such as home ownership and the size of homes are also available. While increasingly out of date, the rateable value information for council tax will provide some useful information. Car ownership is another useful indicator. Educational qualifications may be another proxy for income.",
    { proxies: ["nvq4"] }),
  item("B-P6", "Young people",
    "In many areas a key issue is territorialism among young people. You may wish to engage with them or youth workers to identify where they feel unsafe or where they feel the borders or flashpoints are."),
  item("B-P7", "Other identity markers",
    "Other ways in which people may be divided are age, gender, sexuality and disability (including long term illness). The question for local areas to consider is whether they need to collect data on these issues, or whether they can assume a distribution of these markers in the local area in line with national averages. Knowledge of the local area or concerns from local people will help make this decision. Local representative groups may have useful qualitative and quantitative information to share."),
  // Individuals' attitudes
  item("B-A1", "Feeling that there is respect for ethnic difference and views on migration",
    "The BVPI Survey (and the Place Survey in future) provides information on race relations.",
    { indicators: ["respect_ethnic_difference", "views_on_migration"] }),
  item("B-A2", "Sense of belonging",
    "The Place Survey in future will provide information on this. There may be local surveys which can provide information on this in the meantime.",
    { indicators: ["ni2_belonging"] }),
  item("B-A3", "Trust of others",
    "The BVPI Survey (and the Place Survey in future) provides information on whether people treat other people with respect and consideration.",
    { indicators: ["trust_others"] }),
  item("B-A4", "Trust of local institutions",
    "The BVPI Survey (and the Place Survey in future) provides information on whether residents think their council is trustworthy, it treats all types of people fairly, keeps them well informed about what the council spends its money on and well informed about whether the council is delivering on its promises.",
    { indicators: ["trust_institutions"] }),
  item("B-A5", "Fear of crime, feeling unsafe after dark or fear of racist crime",
    "See above under crime and ASB. The BVPI Survey (and the Place Survey in future) provides information on whether people feel safe.",
    { indicators: ["fear_of_crime", "feel_safe"] }),
  // Individuals' actions
  item("B-X1", "Having friends in another ethnic group",
    "Information on this might come from local surveys.",
    { indicators: ["friends_other_ethnic", "meaningful_interaction"] }),
  item("B-X2", "People pulling together – people helping each other",
    "The BVPI Survey (and the Place Survey in future) provides information on whether people treat other people with respect and consideration.",
    { indicators: ["pulling_together"] }),
  item("B-X3", "Volunteering",
    "Local volunteer bureau or Community Volunteer Service may have information on levels of volunteering.",
    { indicators: ["formal_volunteering"] }),
  item("B-X4", "Participation/empowerment",
    "Information from local political parties on membership, and from electoral department on turnout will give some idea of levels of political engagement. There may also be information on the level of community empowerment or civic activism – the former has a positive link to cohesion; and the latter a negative link.",
    { indicators: ["ni4_influence"] }),
];

/** The framework's words for the four rows an area profile puts before the Annex B items (its place in the framework), verbatim. */
export const PROFILE_CONTEXT: Readonly<Record<"typology" | "grant" | "issues" | "peers", { text: string; source: Source }>> = {
  typology: {
    text: "There are a number of ways to approach this. A starting point might be to use the set of typologies suggested by the Commission on Integration and Cohesion.",
    source: { doc: "CDF", ref: "Part Two, §2.1, \"Typologies: cohesion family groups\" and Table 1 (pp. 15–18); Annex C (p. 33)" },
  },
  grant: {
    text: "We propose to allocate £34m through Area Based Grant using the community cohesion best value performance indicator findings from the 2006-07 General Best Value User Survey.",
    source: { doc: "GR", ref: "¶2.3" },
  },
  issues: {
    text: "The mapping exercise should have resulted in a list of key local issues and groups to address.",
    source: { doc: "CDF", ref: "Annex D (p. 37), and Table D1" },
  },
  peers: {
    text: "a starting point for decisions about which cohesion actions are needed in the local area, who they should be targeted at and how existing examples of good practice might be adapted to fit the local area.",
    source: { doc: "CDF", ref: "Part Two, §2.1 (pp. 15–18); peers: nearest neighbours (METHOD, CIPFA's z-score description)" },
  },
};
