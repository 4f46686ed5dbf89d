/**
 * CDF Annex E, "Guidance": the current guidance list (E01–E20) and the other key sources listed
 * before it (R1–R8), with titles, owners and URLs as printed.
 *
 * - The links are from January 2009 and many are probably dead: every item is `historical: true`;
 *   show them as historical references and never fetch them (decision A24).
 * - The documents never link guidance to actions. Links marked "stated" are named in the action's
 *   own wording; all others are inferred from the heading or title and carry `inferred: true`.
 * - E08 and E09 are printed as one entry followed by two URLs; they are split here and each URL is
 *   assigned by owner domain.
 * - "pagelId"/"pagelid" in the IDEA URLs looks like an OCR error for "pageId"; kept as printed.
 * @see CDF Annex E
 */
import type { Source } from "../../types";
import type { ActionCode, GuidanceItem, GuidanceLink, GuidanceLinkBasis, NoGuidanceNote, UniversalCode } from "../../recommender/types";

const E: Source = { doc: "CDF", ref: "Annex E, Current guidance" };
const OTHER: Source = { doc: "CDF", ref: "Annex E (sources listed before \"Current guidance\")" };

const link = (code: ActionCode | UniversalCode, basis: GuidanceLinkBasis): GuidanceLink => ({
  code,
  basis,
  inferred: basis !== "stated",
});

type Entry = Pick<GuidanceItem, "code" | "title" | "owner" | "url"> &
  Partial<Pick<GuidanceItem, "titleVerbatim" | "relatesTo" | "notes" | "source">>;

/** "Current guidance" by Annex E heading, in document order: each heading is written once. */
const CURRENT: readonly (readonly [string, readonly Entry[]])[] = [
  ["Belonging", [
    { code: "E01", title: "Citizens' day Framework", owner: "Citizenship Foundation", url: "www.citizenshipfoundation.org.uk/main/resource.php?s367", relatesTo: [link("A03", "inferred"), link("A12", "inferred"), link("A02", "inferred")], notes: ["SoS says the Citizens Day pilots \"encouraged them to volunteer\" (hence A02)."] },
    { code: "E02", title: "Guidance on Building a Local Sense of Belonging", owner: null, url: "www.communities.gov.uk/communities/racecohesionfaith/communitycohesion/cohesionpublications/", relatesTo: [link("A12", "inferred"), link("U2", "inferred")], notes: ["No owner in brackets (CLG URL). Shares its URL with E13."] },
  ]],
  ["Cohesion Impact Assessment", [
    { code: "E03", title: "Cohesion Impact Assessment Tool", owner: "Communities and Local Government", url: "www.communities.gov.uk/documents/communities/pdf/communitycohesiontool.pdf", relatesTo: [link("U5", "stated"), link("A10", "inferred"), link("A11", "inferred")], notes: ["U5 names \"a cohesion impact assessment\"."] },
  ]],
  ["Conflict Resolution", [
    { code: "E04", title: "Community Conflict: A Resource Pack", owner: "Home Office and ODPM", url: "www.communities.gov.uk/publications/communities/communityconflict", relatesTo: [link("A01", "inferred")] },
  ]],
  ["Communications and media", [
    { code: "E05", title: "'A sense of belonging' – the Cohesion Communications Toolkit", owner: "ICOCO", url: "www.coventry.ac.uk/researchnet/icoco/d/323", relatesTo: [link("A15", "inferred"), link("U3", "inferred"), link("A12", "inferred-title")] },
    { code: "E06", title: "Reporting on Diversity", owner: "Society of Editors", url: "www.communities.gov.uk/publications/communities/cohesionreportingdiversity", relatesTo: [link("A15", "inferred")] },
  ]],
  ["English language", [
    { code: "E07", title: "Guidance for Local Authorities on Translation of Publications", owner: "Communities and Local Government", url: "www.communities.gov.uk/publications/communities/translationguidance", relatesTo: [link("A20", "stated"), link("A08", "inferred-heading")], notes: ["A20 reads \"Use translation guidance\". A08 is linked only through the heading \"English language\"."] },
  ]],
  ["Integration", [
    { code: "E08", title: "Guidance on producing a Migrants' information pack", owner: "IDEA", url: "www.idea.gov.uk/idk/core/page.do?pagelid=7917246", relatesTo: [link("A04", "inferred")], notes: ["Printed together with E09 as one entry followed by two URLs; split here, URL assigned by owner domain.", "\"pagelid\" looks like an OCR error for \"pageid\"; kept as printed."] },
    { code: "E09", title: "How to communicate important information to new migrants", owner: "Communities and Local Government", url: "www.communities.gov.uk/publications/communities/newmigrantsinformation", relatesTo: [link("A04", "inferred")], notes: ["Printed together with E08 as one entry (title in italics); split here, URL assigned by owner domain."] },
    { code: "E10", title: "New European migration: good practice guide for local authorities", owner: "IDEA", url: "www.idea.gov.uk/idk/core/page.do?pagelid=6949778", relatesTo: [link("A04", "inferred"), link("A07", "inferred")], notes: ["GR fn 27 prints this URL as \"pageld=6949778\"; kept as printed in the CDF."] },
  ]],
  ["Interfaith", [
    { code: "E11", title: "Face-to-Face and Side-by-Side: A framework for dialogue and social action in a multi faith society", owner: "Communities and Local Government", url: "www.communities.gov.uk/communities/racecohesionfaith/faith/faithpublications/", relatesTo: [link("A09", "inferred")] },
  ]],
  ["Leadership", [
    { code: "E12", title: "Leading Cohesive Communities", owner: "LGA", url: "www.lga.gov.uk/lga/publications/publication-display.do?id=21989", relatesTo: [link("U1", "inferred"), link("U2", "inferred")] },
  ]],
  ["Meaningful interaction", [
    { code: "E13", title: "Guidance on Meaningful Interaction. How encouraging positive relationships between people can help build community cohesion", owner: null, url: "www.communities.gov.uk/communities/racecohesionfaith/communitycohesion/cohesionpublications/", relatesTo: [link("U4", "inferred"), link("A17", "inferred-weak"), link("A18", "inferred-weak")], notes: ["No owner in brackets (CLG URL). Shares its URL with E02."] },
  ]],
  ["Schools and colleges", [
    { code: "E14", title: "Guidance on the duty to promote community cohesion [in schools]", owner: "DCSF/ Communities and Local Government", url: "www.teachernet.gov.uk/wholeschool/communitycohesion/", relatesTo: [link("A06", "inferred")] },
    { code: "E15", title: "Community Cohesion Resource Pack [for schools]", owner: "DCSF", url: "www.teachernet.gov.uk/wholeschool/communitycohesion/communitycohesionresourcepack", relatesTo: [link("A06", "inferred")] },
  ]],
  ["Sport and culture", [
    { code: "E16", title: "Bringing communities together through sport and culture", owner: "DCMS", url: "www.culture.gov.uk/reference_library/publications/4563.aspx", relatesTo: [link("U4", "inferred"), link("A12", "inferred"), link("A17", "inferred-weak")] },
  ]],
  ["Sustainable communities", [
    { code: "E17", title: "Community Cohesion and Housing: a good practice guide", owner: "CIH", url: "www.cih.org/publications/pub655.htm", relatesTo: [link("A10", "inferred")], notes: ["Printed with a price: \"(CIH £28)\"."] },
    { code: "E18", title: "Promoting Sustainable Communities and Community Cohesion", owner: "ASC", url: "www.hcaacademy.co.uk/sites/default/files/Promoting_sc_cohesion_full_apr07.pdf", relatesTo: [link("A10", "inferred")] },
  ]],
  ["Tension monitoring", [
    { code: "E19", title: "Guidance for local authorities on community cohesion contingency planning and tension monitoring", owner: "Communities and Local Government", url: "www.communities.gov.uk/publications/communities/cohesionplanning", relatesTo: [link("A19", "stated")], notes: ["A19 reads \"Use tension monitoring and contingency planning guidance\"."] },
    { code: "E20", title: "Understanding and Monitoring Tension and Conflict in Local Communities", owner: "ICOCO", url: "www.coventry.ac.uk/researchnet/icoco/toolkits/tension", relatesTo: [link("A19", "inferred"), link("A01", "inferred")] },
  ]],
];

// Other key sources, listed before "Current guidance". The document gives most of them no title;
// `title` is then a description (titleVerbatim: false).
const OTHER_SOURCES: readonly Entry[] = [
  { code: "R1", title: "CLG community cohesion pages (remodelled; older guidance archived)", owner: "CLG", url: "www.communities.gov.uk/communities/racecohesionfaith/communitycohesion/" },
  { code: "R2", title: "'What works' in Community Cohesion (research summary, six local areas)", owner: "CLG", url: "www.communities.gov.uk/publications/communities/whatworks", notes: ["Annex E: \"The list below does not include the summary of the research 'What works' in Community Cohesion, based on work in six local areas\"."] },
  { code: "R3", title: "IDEA advice pages", owner: "IDEA", url: "www.idea.gov.uk/idk/core/page.do?pagelId=8799335", notes: ["Annex E: \"IDEA have a series of pages offering advice, which we have not listed below.\"", "\"pagelId\" kept as printed (OCR error for \"pageId\")."] },
  { code: "R4", title: "ICOCO (Institute of Community Cohesion)", owner: "ICOCO", url: "www.cohesioninstitute.org.uk" },
  { code: "R5", title: "COHDMAP – Developing a toolkit for estimating population change", titleVerbatim: true, owner: "ICOCO", url: "www.coventry.ac.uk/researchnet/icoco/toolkits/population", notes: ["Annex E: \"The latter includes further advice on mapping\"."] },
  { code: "R6", title: "Commission on Integration and Cohesion website", owner: "Commission on Integration and Cohesion", url: "www.integrationandcohesion.org.uk/" },
  { code: "R7", title: "Government's response to the Commission", owner: "CLG", url: "www.communities.gov.uk/communities/commissionintegration/" },
  { code: "R8", title: "ICOCO good-practice website", owner: "ICOCO", url: "www.cohesioninstitute.org.uk/search/Pages/GoodPractice.aspx", notes: ["Cited in the CDF Introduction, not in Annex E itself."], source: { doc: "CDF", ref: "Introduction" } },
];

/** E01–E20 then R1–R8. Kind, heading, `historical` and the source are derived from where an item is listed. */
export const GUIDANCE: readonly GuidanceItem[] = [
  ...CURRENT.flatMap(([heading, entries]) =>
    entries.map(
      (e): GuidanceItem => ({
        kind: "current-guidance",
        heading,
        titleVerbatim: true,
        historical: true,
        relatesTo: [],
        notes: [],
        source: { doc: "CDF", ref: `Annex E, Current guidance: ${heading}` },
        ...e,
      }),
    ),
  ),
  ...OTHER_SOURCES.map(
    (e): GuidanceItem => ({ kind: "other-source", titleVerbatim: false, historical: true, relatesTo: [], notes: [], source: OTHER, ...e }),
  ),
];

/**
 * Actions with no (or only weak) Annex E guidance: this add-in's inference from Annex E; show "no specific guidance listed" (decision A25).
 */
export const NO_GUIDANCE: readonly NoGuidanceNote[] = [
  { code: "A02", note: "Annex E lists no guidance for it; E01 relates only weakly.", inferred: true, source: E },
  { code: "A05", note: "Annex E lists no guidance for it. GR and the Secretary of State's letter point to the Goldsmith Citizenship Review.", inferred: true, source: E },
  {
    code: "A08",
    note: "Annex E lists no ESOL-specific guidance. GR mentions the DIUS consultation 'Focusing English for Speakers of Other Languages (ESOL) on Community Cohesion', www.esolconsultation.org.uk.",
    inferred: true,
    source: E,
  },
  {
    code: "A11",
    note: "Annex E lists no guidance for it. GR ¶3.62 refers to the \"Consultation on Cohesion Guidance for Funders\" (www.communities.gov.uk/corporate/publications/consultations); E03 applies indirectly.",
    inferred: true,
    source: E,
  },
  {
    code: "A13",
    note: "Annex E lists no guidance for it. GR cites \"An Action Plan for Community Empowerment: Building on success\" (www.communities.gov.uk/documents/communities/pdf/actionplan).",
    inferred: true,
    source: E,
  },
  { code: "A14", note: "Annex E lists no guidance for it.", inferred: true, source: E },
  { code: "A16", note: "Annex E lists no guidance for it. GR refers to the Flanagan Review.", inferred: true, source: E },
  { code: "A17", note: "Annex E lists no guidance for it; E13 and E16 relate only weakly.", inferred: true, source: E },
  { code: "A18", note: "Annex E lists no guidance for it.", inferred: true, source: E },
];
