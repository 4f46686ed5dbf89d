/**
 * This add-in's LGA issue list (ISS-01…ISS-30) and its links from CDF Table D1 issues. The LGA guide
 * (2019) has no issue list: this one was designed for the add-in, each issue pointing to the guide's
 * action lines, checklists and case studies that address it (`recommendations`, `caseStudies`) and to
 * the sections they come from, which are its source. Flagged `origin: "project-design"` (a design of
 * this project, not the guide's words).
 */
import type { Source } from "../../types";
import type { D1ToLgaLink, LgaIssue } from "../../recommender/types";
import { lgaSources } from "../lgaGuide2019/sections";


const ENTRIES: readonly Omit<LgaIssue, "source">[] = [
  {
    id: "ISS-01",
    title: "Low perception that people from different backgrounds get on well",
    signal: "\"get on well together\" survey item; GLA items",
    actionRefs: "A-KT2-04, A-KT1 list, A-KT6-05/06, A-SA5-01..04",
    recommendations: ["A-KT2-04", "CL-KT1-COVER", "A-KT6-05", "A-KT6-06", "A-SA5-01", "A-SA5-02", "A-SA5-03", "A-SA5-04"],
    caseStudies: ["CS07", "CS12", "CS14", "CS46", "CS47"],
    sections: ["KT.2", "KT.6", "SA.5"],
    origin: "project-design",
  },
  {
    id: "ISS-02",
    title: "High residential segregation",
    signal: "Index of dissimilarity",
    actionRefs: "The Challenge housing design list, A-KT6-06, A-SA5-01, A-SA3-01",
    recommendations: ["CL-SA4-INTEGRATION-CITY", "A-KT6-06", "A-SA5-01", "A-SA3-01"],
    caseStudies: ["CS13", "CS21", "CS48"],
    sections: ["KT.2", "SA.4"],
    origin: "project-design",
  },
  {
    id: "ISS-03",
    title: "School segregation; intakes not matching the area",
    signal: "school segregation (pupil mix against the local population)",
    actionRefs: "A-SA1-06..10",
    recommendations: ["A-SA1-06", "A-SA1-07", "A-SA1-08", "A-SA1-09", "A-SA1-10"],
    caseStudies: ["CS24", "CS25", "CS26", "CS27"],
    sections: ["SA.1"],
    origin: "project-design",
  },
  {
    id: "ISS-04",
    title: "Low English language proficiency",
    signal: "LG Inform English proficiency",
    actionRefs: "A-SA7-05..07, A-SA1-11, SA.3 \"key challenge\" list item (ESOL mapping), A-SA5-07",
    recommendations: ["A-SA7-05", "A-SA7-06", "A-SA7-07", "A-SA1-11", "CL-SA3-KEY-CHALLENGE", "A-SA5-07"],
    caseStudies: ["CS57", "CS58", "CS59", "CS28", "CS23", "CS10"],
    sections: ["SA.7", "SA.3"],
    origin: "project-design",
  },
  {
    id: "ISS-05",
    title: "High economic inactivity; employment gaps between groups",
    signal: "LG Inform economic inactivity; GLA employment item; low qualifications and skills gaps",
    actionRefs: "A-SA3-01..07; SA.3 lists",
    recommendations: ["A-SA3-01", "A-SA3-02", "A-SA3-03", "A-SA3-04", "A-SA3-05", "A-SA3-06", "A-SA3-07", "CL-SA3-KEY-ROLES", "CL-SA3-KEY-CHALLENGE"],
    caseStudies: ["CS35"],
    sections: ["SA.3"],
    origin: "project-design",
  },
  {
    id: "ISS-06",
    title: "High or rapid migration; newly arrived communities",
    signal: "LG Inform migration levels",
    actionRefs: "A-KT4-06, A-SA6-01, A-SA7-01..04, A-KT6-03, A-KT7-06",
    recommendations: ["A-KT4-06", "A-SA6-01", "A-SA7-01", "A-SA7-02", "A-SA7-03", "A-SA7-04", "A-KT6-03", "A-KT7-06"],
    caseStudies: ["CS10", "CS21", "CS50", "CS15", "CS48"],
    sections: ["KT.4", "SA.6", "SA.7"],
    origin: "project-design",
  },
  {
    id: "ISS-07",
    title: "Hate crime rising or under-reported",
    signal: "hate crime incidence and reporting, hate crime victim service standards, hate incidents against specific groups",
    actionRefs: "A-TE-09, A-TE-12..15",
    recommendations: ["A-TE-09", "A-TE-12", "A-TE-13", "A-TE-14", "A-TE-15"],
    caseStudies: ["CS60", "CS61", "CS62"],
    sections: ["TE.3"],
    origin: "project-design",
  },
  {
    id: "ISS-08",
    title: "Trigger event (terror attack, referendum-type event, serious crime, far-right march)",
    signal: "user flag; community tension reports spike",
    actionRefs: "A-TE-01..11, A-LL-02",
    recommendations: ["A-TE-01", "A-TE-02", "A-TE-03", "A-TE-04", "A-TE-05", "A-TE-06", "A-TE-07", "A-TE-08", "A-TE-09", "A-TE-10", "A-TE-11", "A-LL-02"],
    caseStudies: ["CS60", "CS03"],
    sections: ["TE"],
    origin: "project-design",
  },
  {
    id: "ISS-09",
    title: "Extremist activity in public spaces, venues or online",
    signal: "user flag",
    actionRefs: "A-SA6-06, A-KT5-03, A-SA1-09, A-LL-08",
    recommendations: ["A-SA6-06", "A-KT5-03", "A-SA1-09", "A-LL-08"],
    caseStudies: ["CS54", "CS55", "CS25", "CS64"],
    sections: ["SA.6", "KT.5", "SA.1"],
    origin: "project-design",
  },
  {
    id: "ISS-10",
    title: "Rumours or myths about resource allocation (for example, social housing going to migrants)",
    signal: "user flag; community tension reports",
    actionRefs: "A-KT6-03, A-KT7-06, A-KT7-01",
    recommendations: ["A-KT6-03", "A-KT7-06", "A-KT7-01"],
    caseStudies: ["CS15"],
    sections: ["KT.6", "KT.7"],
    origin: "project-design",
  },
  {
    id: "ISS-11",
    title: "Poor PRS or HMO conditions; rogue landlords; overcrowding",
    signal: "private rented sector share, hazards and HMOs, overcrowding, temporary accommodation and homelessness",
    actionRefs: "A-SA4-05, A-SA4-06, A-SA6-05",
    recommendations: ["A-SA4-05", "A-SA4-06", "A-SA6-05"],
    caseStudies: ["CS37", "CS38", "CS39", "CS40", "CS41", "CS42", "CS53"],
    sections: ["SA.4", "SA.6"],
    origin: "project-design",
  },
  {
    id: "ISS-12",
    title: "Environmental nuisance (litter, noise, congregating) linked to newcomers",
    signal: "environmental nuisance complaints",
    actionRefs: "A-SA6-01, A-SA6-02, A-SA6-04",
    recommendations: ["A-SA6-01", "A-SA6-02", "A-SA6-04"],
    caseStudies: ["CS53", "CS10"],
    sections: ["SA.6"],
    origin: "project-design",
  },
  {
    id: "ISS-13",
    title: "Modern slavery and labour exploitation",
    signal: "modern slavery signals",
    actionRefs: "A-SA6-07, A-SA7-04",
    recommendations: ["A-SA6-07", "A-SA7-04"],
    caseStudies: ["CS56", "CS10"],
    sections: ["SA.6", "SA.7"],
    origin: "project-design",
  },
  {
    id: "ISS-14",
    title: "Asylum dispersal, NRPF destitution, visible begging",
    signal: "asylum dispersal and NRPF caseload",
    actionRefs: "A-SA7-03, A-SA7-02",
    recommendations: ["A-SA7-03", "A-SA7-02"],
    caseStudies: [],
    sections: ["SA.7"],
    origin: "project-design",
  },
  {
    id: "ISS-15",
    title: "Isolation of women; FGM, forced marriage, honour-based abuse",
    signal: "user flag; GLA employment-gap item by sex",
    actionRefs: "A-LL-12, A-SA7-05, A-TE-15, SA.3 employer list (Return to Work)",
    recommendations: ["A-LL-12", "A-SA7-05", "A-TE-15", "CL-SA3-INCLUSIVE-EMPLOYER"],
    caseStudies: ["CS02", "CS58", "CS62", "CS28"],
    sections: ["LL.3", "SA.7", "TE.3"],
    origin: "project-design",
  },
  {
    id: "ISS-16",
    title: "Loneliness and social isolation",
    signal: "loneliness as an outcome measure; GLA item on having no \"spouse or partner, family member or friend to rely on\"",
    actionRefs: "A-SA2-01..04",
    recommendations: ["A-SA2-01", "A-SA2-02", "A-SA2-03", "A-SA2-04"],
    caseStudies: ["CS32", "CS33", "CS34"],
    sections: ["SA.2"],
    origin: "project-design",
  },
  {
    id: "ISS-17",
    title: "Unrepresentative community voices; gatekeeper elders",
    signal: "engagement coverage by group and ward; user flag",
    actionRefs: "A-KT4-08, A-KT6 \"who\" guidance, A-LL-06",
    recommendations: ["A-KT4-08", "CL-KT6-WHO", "A-LL-06"],
    caseStudies: ["CS12"],
    sections: ["KT.4", "KT.6"],
    origin: "project-design",
  },
  {
    id: "ISS-18",
    title: "Low trust; residents feel unheard (for example, far-right electoral gains)",
    signal: "GLA trust item; proxies",
    actionRefs: "A-KT6-01..04, values modes, A-KT8-03",
    recommendations: ["A-KT6-01", "A-KT6-02", "A-KT6-03", "A-KT6-04", "CL-KT6-VALUES-MODES", "A-KT8-03"],
    caseStudies: ["CS12", "CS14"],
    sections: ["KT.6", "KT.8"],
    origin: "project-design",
  },
  {
    id: "ISS-19",
    title: "Youth disengagement; gaps in youth services",
    signal: "NCS participation, young people entering youth justice",
    actionRefs: "A-SA1-13, A-KT5-05, A-SA1-10",
    recommendations: ["A-SA1-13", "A-KT5-05", "A-SA1-10"],
    caseStudies: ["CS11", "CS29", "CS26"],
    sections: ["SA.1", "KT.5"],
    origin: "project-design",
  },
  {
    id: "ISS-20",
    title: "Out-of-school settings, illegal schools, home education risk",
    signal: "home education and out-of-school settings",
    actionRefs: "A-SA1-12",
    recommendations: ["A-SA1-12"],
    caseStudies: [],
    sections: ["SA.1"],
    origin: "project-design",
  },
  {
    id: "ISS-21",
    title: "Low early years or children's centre take-up among some groups",
    signal: "take-up of services by group, early years take-up by group",
    actionRefs: "A-SA1-01..05, A-SA1-14",
    recommendations: ["A-SA1-01", "A-SA1-02", "A-SA1-03", "A-SA1-04", "A-SA1-05", "A-SA1-14"],
    caseStudies: ["CS22", "CS23", "CS30"],
    sections: ["SA.1"],
    origin: "project-design",
  },
  {
    id: "ISS-22",
    title: "\"Left behind\" areas; poorer White British attainment",
    signal: "attainment and deprivation data",
    actionRefs: "A-KT3-04, A-SA1-07, A-SA3-01..07",
    recommendations: ["A-KT3-04", "A-SA1-07", "A-SA3-01", "A-SA3-02", "A-SA3-03", "A-SA3-04", "A-SA3-05", "A-SA3-06", "A-SA3-07"],
    caseStudies: [],
    sections: ["KT.3", "SA.1", "SA.3"],
    origin: "project-design",
  },
  {
    id: "ISS-23",
    title: "Unaffordable housing or homelessness feeding a sense of unfairness",
    signal: "overcrowding, temporary accommodation and homelessness",
    actionRefs: "A-SA4-01..04, homelessness list",
    recommendations: ["A-SA4-01", "A-SA4-02", "A-SA4-03", "A-SA4-04", "CL-SA4-HOMELESSNESS"],
    caseStudies: ["CS36"],
    sections: ["SA.4"],
    origin: "project-design",
  },
  {
    id: "ISS-24",
    title: "Too little or poor-quality green space in deprived or diverse wards",
    signal: "green space by ward deprivation and ethnicity (≥40% BAME)",
    actionRefs: "A-SA5-08",
    recommendations: ["A-SA5-08"],
    caseStudies: ["CS51", "CS52"],
    sections: ["SA.5"],
    origin: "project-design",
  },
  {
    id: "ISS-25",
    title: "Council workforce or councillors unrepresentative",
    signal: "workforce representativeness",
    actionRefs: "A-SA3-04, A-LL-06, SA.3 employer resources list",
    recommendations: ["A-SA3-04", "A-LL-06", "CL-SA3-INCLUSIVE-EMPLOYER"],
    caseStudies: [],
    sections: ["SA.3", "LL.2"],
    origin: "project-design",
  },
  {
    id: "ISS-26",
    title: "Political polarisation, divisive rhetoric, social media",
    signal: "user flag",
    actionRefs: "A-LL-10, A-LL-11, A-LL-13, A-KT6-04, A-TE-06",
    recommendations: ["A-LL-10", "A-LL-11", "A-LL-13", "A-KT6-04", "A-TE-06"],
    caseStudies: [],
    sections: ["LL.3", "KT.6", "TE.2"],
    origin: "project-design",
  },
  {
    id: "ISS-27",
    title: "No cohesion strategy, or cohesion not mainstreamed or owned",
    signal: "self-assessment",
    actionRefs: "A-KT1 list, A-KT4-01..06, A-KT8-01..03",
    recommendations: ["CL-KT1-COVER", "A-KT4-01", "A-KT4-02", "A-KT4-03", "A-KT4-04", "A-KT4-05", "A-KT4-06", "A-KT8-01", "A-KT8-02", "A-KT8-03"],
    caseStudies: ["CS03", "CS04", "CS09", "CS21", "CS16"],
    sections: ["KT.1", "KT.4", "KT.8"],
    origin: "project-design",
  },
  {
    id: "ISS-28",
    title: "No cohesion data or baseline",
    signal: "self-assessment",
    actionRefs: "A-KT2-01..06",
    recommendations: ["A-KT2-01", "A-KT2-02", "A-KT2-03", "A-KT2-04", "A-KT2-05", "A-KT2-06"],
    caseStudies: ["CS05", "CS06", "CS07", "CS08"],
    sections: ["KT.2"],
    origin: "project-design",
  },
  {
    id: "ISS-29",
    title: "Commissioned services or grants for single groups reinforcing separation",
    signal: "commissioning check",
    actionRefs: "A-KT5-01..05",
    recommendations: ["A-KT5-01", "A-KT5-02", "A-KT5-03", "A-KT5-04", "A-KT5-05"],
    caseStudies: ["CS11"],
    sections: ["KT.5"],
    origin: "project-design",
  },
  {
    id: "ISS-30",
    title: "Service take-up does not reflect the community",
    signal: "take-up of services by group",
    actionRefs: "A-SA1-14, SA.5 programme checklist",
    recommendations: ["A-SA1-14", "CL-SA5-PROGRAMME"],
    caseStudies: ["CS30", "CS43"],
    sections: ["SA.1", "SA.5"],
    origin: "project-design",
  },
];

/** The LGA issues in list order, each sourced to the guide sections it draws on. */
export const LGA_ISSUES: readonly LgaIssue[] = ENTRIES.map((issue) => ({ ...issue, source: lgaSources(issue.sections) }));

const SECTIONS_OF = new Map(LGA_ISSUES.map((i) => [i.id, i.sections]));

/** A link's source: the guide sections of the LGA issues it leads to (the link itself is this add-in's inference). */
const linkSource = (lgaIssues: readonly string[]): Source => lgaSources([...new Set(lgaIssues.flatMap((id) => SECTIONS_OF.get(id) ?? []))]);

/**
 * CDF Table D1 issue → LGA 2019 issues. Always inferred: the guide never mentions the CDF. The basis
 * says what in the guide motivates each link. An empty list means no LGA issue corresponds; the
 * 2009 actions still apply, and the LGA issues can still be chosen directly (source "all").
 *
 * Links added in review (each [inferred], justified in its comment by the guide content cited):
 * I07 → ISS-21, I11 → ISS-29, I12 → ISS-13, I14 → ISS-17, I16 → ISS-13, I17 → ISS-23,
 * I19 → ISS-20, I21 → ISS-16. No link is justified for I08 or I09 (see their basis). No D1 issue
 * reaches ISS-05, ISS-15, ISS-25, ISS-27, ISS-28 or ISS-30: ISS-15 (women and girls) was not a distinct
 * strand in 2009; ISS-27/28 are the council's own self-assessment gaps, not area issues;
 * for ISS-05 (economic inactivity), ISS-25 (workforce representativeness) and ISS-30 (service take-up)
 * there is no Table D1 counterpart (CDF Annex D treats deprivation and inequalities as
 * influences, not issues to target). Choose those LGA issues directly.
 */
const LINKS: readonly Omit<D1ToLgaLink, "source">[] = [
  { issue: "I01", lgaIssues: ["ISS-01", "ISS-07"], basis: "The guide calls hate crime \"perhaps the most obvious indicator of cohesion issues\": ISS-01 (low perception that people from different backgrounds get on well) and ISS-07 (hate crime rising or under-reported).", inferred: true },
  { issue: "I02", lgaIssues: ["ISS-06", "ISS-10"], basis: "The guide reports \"significant fear of migration in areas that are generally mono-cultural\": ISS-06 (high or rapid migration) and ISS-10 (rumours or myths about resource allocation).", inferred: true },
  { issue: "I03", lgaIssues: ["ISS-01", "ISS-22"], basis: "The 2009 framework stressed shared values and a sense of belonging; the guide's nearest issues are ISS-01 (low perception that people get on well) and ISS-22 (\"left behind\" areas).", inferred: true },
  { issue: "I04", lgaIssues: ["ISS-18"], basis: "ISS-18 (low trust; residents feel unheard).", inferred: true },
  { issue: "I05", lgaIssues: ["ISS-18"], basis: "ISS-18 (low trust; residents feel unheard).", inferred: true },
  { issue: "I06", lgaIssues: ["ISS-07"], basis: "Fear of racist crime: ISS-07 (hate crime rising or under-reported).", inferred: true },
  {
    issue: "I07",
    lgaIssues: [
      "ISS-02",
      "ISS-03",
      // [inferred] ISS-21: 2009's "meaningful interaction" read as contact at life transitions ("starting a family");
      // A-SA1-01 (health visiting at transition points), A-SA1-04 (children's centres).
      "ISS-21",
    ],
    basis: "The 2009 framework's aim of meaningful interaction corresponds to the guide's work on segregation and on contact at life transitions: ISS-02 and ISS-03 (residential and school segregation), and ISS-21 (early years and children's centres: A-SA1-01, health visiting at transition points, and A-SA1-04, children's centres that bring communities together).",
    inferred: true,
  },
  // No link justified: the guide's nearest content is in no issue's row (KT.4 VCS first steps and A-KT4-07..12) or too indirect
  // (SA.2 "friendship, neighbourliness and cohesion" as a community asset; SA.4 churn giving fewer chances to know neighbours).
  { issue: "I08", lgaIssues: [], basis: "No LGA issue in this add-in's list corresponds. The guide's nearest content (working with the voluntary and community sector, in Key tools: Partnership working) is in no issue's row; the \"neighbourliness\" of Public health and the population churn of Housing, planning and local areas are too indirect to link.", inferred: true },
  // No link justified: volunteering appears only as a case-study outcome (CS46 Hull, CS62 REMA) and the VCS (KT.4) is in no issue's row.
  { issue: "I09", lgaIssues: [], basis: "No LGA issue in this add-in's list corresponds. The guide mentions volunteering only as an outcome of case studies (CS46, CS62); its voluntary and community sector content (Key tools: Partnership working) is in no issue's row.", inferred: true },
  { issue: "I10", lgaIssues: ["ISS-17", "ISS-18"], basis: "The guide's approach to engagement: ISS-17 (unrepresentative community voices) and ISS-18 (residents feel unheard).", inferred: true },
  {
    issue: "I11",
    lgaIssues: [
      "ISS-02",
      "ISS-03",
      "ISS-26",
      // [inferred] ISS-29: KT.5 A-KT5-02 (ICS: single-group grants and contracts "may have exacerbated segregation").
      "ISS-29",
    ],
    basis: "Segregation and polarisation in the guide: ISS-02, ISS-03 (segregation) and ISS-26 (political polarisation); ISS-29 (single-group grants): A-KT5-02, grants and contracts for \"the particular needs of specific groups without requiring that the services or groups are linked with the wider community … may have exacerbated segregation\".",
    inferred: true,
  },
  {
    issue: "I12",
    lgaIssues: [
      "ISS-06",
      "ISS-10",
      "ISS-12",
      // [inferred] ISS-13: migration-specific funds; SA.7 A-SA7-04 (communities resent
      // the neighbourhood effects of exploitation, "beds in sheds"); CS10 (Shirebrook tensions over migrant workers).
      "ISS-13",
    ],
    basis: "The guide's migration funding and support: ISS-06 (newly arrived communities), ISS-10 (myths about resource allocation), ISS-12 (nuisance linked to newcomers) and ISS-13 (modern slavery: A-SA7-04, explain exploitation and \"beds in sheds\" to communities who resent its neighbourhood effects).",
    inferred: true,
  },
  { issue: "I13", lgaIssues: ["ISS-19"], basis: "ISS-19 (youth disengagement; gaps in youth services): youth services can divert young people from crime (Early years, schools, young people and family services).", inferred: true },
  {
    issue: "I14",
    lgaIssues: [
      // [inferred] ISS-17: KT.4 A-KT4-08 ("community elders in areas where the population they apparently
      // represent is much younger"; representative "in terms of age"); KT.6 (hear "generational, gender or other perspectives").
      "ISS-17",
    ],
    basis: "ISS-17 (unrepresentative community voices; gatekeeper elders), where the guide addresses generational difference: A-KT4-08 (spokespeople must be representative \"in terms of age, gender and background\"; \"community elders in areas where the population they apparently represent is much younger\") and Effective community engagement (go beyond \"perceived leaders or elders\" to hear \"generational, gender or other perspectives\").",
    inferred: true,
  },
  { issue: "I15", lgaIssues: ["ISS-04"], basis: "The guide's work on English language: ISS-04 (low English language proficiency).", inferred: true },
  {
    issue: "I16",
    lgaIssues: [
      "ISS-06",
      // [inferred] ISS-13: the guide's migration content lists modern slavery (SA.7).
      "ISS-13",
      "ISS-14",
    ],
    basis: "The guide's migration funding and support (Controlling Migration Fund, resettlement schemes, asylum dispersal, no recourse to public funds, modern slavery): ISS-06 (high or rapid migration), ISS-13 (modern slavery and labour exploitation) and ISS-14 (asylum dispersal).",
    inferred: true,
  },
  {
    issue: "I17",
    lgaIssues: [
      "ISS-11",
      "ISS-12",
      // [inferred] ISS-23: SA.4 (temporary housing, homelessness, churn "can impact on community tensions").
      "ISS-23",
      "ISS-24",
    ],
    basis: "The guide's housing content: ISS-11 (poor PRS or HMO conditions), ISS-12 (environmental nuisance), ISS-23 (unaffordable housing or homelessness: in Housing, planning and local areas, temporary housing, homelessness and churn \"can impact on community tensions\") and ISS-24 (green space).",
    inferred: true,
  },
  { issue: "I18", lgaIssues: ["ISS-02", "ISS-24"], basis: "The guide's shared spaces (\"bumping places\", community hubs): ISS-24 (green space) and ISS-02 (shared spaces in housing design).", inferred: true },
  {
    issue: "I19",
    lgaIssues: [
      "ISS-02",
      "ISS-03",
      // [inferred] ISS-20: SA.1 A-SA1-12 (Casey, quoted: "segregated, supplementary and unregistered, illegal faith schools –
      // where pupils are not getting opportunities to mix with children from different backgrounds").
      "ISS-20",
    ],
    basis: "Segregation in the guide: ISS-02 (residential), ISS-03 (school segregation) and ISS-20 (out-of-school settings: A-SA1-12 quotes Casey on \"segregated, supplementary and unregistered, illegal faith schools – where pupils are not getting opportunities to mix with children from different backgrounds\").",
    inferred: true,
  },
  { issue: "I20", lgaIssues: ["ISS-11", "ISS-12"], basis: "ISS-11 (landlord licensing reduced anti-social behaviour, CS37) and ISS-12 (environmental nuisance).", inferred: true },
  {
    issue: "I21",
    lgaIssues: [
      // [inferred] ISS-16: SA.2 (initiatives against isolation are community social structures: "man sheds, choirs,
      // communal lunches … networks of community connectors"; community-centred approaches: "social networks, social capital").
      "ISS-16",
    ],
    basis: "ISS-16 (loneliness and social isolation): in Public health, the initiatives councils use against isolation are community social structures (\"line dancing classes, man sheds, choirs, communal lunches, pop-up social events in pubs and networks of community connectors\"), and community-centred approaches address \"community level factors such as social networks, social capital and empowerment\".",
    inferred: true,
  },
  { issue: "I22", lgaIssues: ["ISS-16"], basis: "ISS-16 (loneliness and social isolation): a risk factor is living \"in isolated rural areas or deprived urban communities\" (Public health).", inferred: true },
  { issue: "I23", lgaIssues: ["ISS-07", "ISS-08", "ISS-09"], basis: "The guide's trigger events, hate crime, and extremism and radicalisation: ISS-07, ISS-08 and ISS-09.", inferred: true },
];

/**
 * CDF Table D1 issue → LGA issues, always inferred (the guide never mentions the CDF), each with the
 * basis for the link and, as its source, the guide sections of the LGA issues it leads to.
 */
export const D1_TO_LGA: readonly D1ToLgaLink[] = LINKS.map((link) => ({ ...link, source: linkSource(link.lgaIssues) }));
