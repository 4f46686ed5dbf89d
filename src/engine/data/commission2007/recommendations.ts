/**
 * 'Our Shared Future' (Commission on Integration and Cohesion, 14 June 2007): its 57 recommendations,
 * worded as the Leicestershire factsheet reproduces them, each with the report reference the
 * factsheet gives ("Relates to the Chapter/Paragraph in actual report").
 *
 * The factsheet does not group the recommendations, so `theme` is this add-in's grouping by subject
 * (COMMISSION_THEME_INFO, doc "DECISION"); `chapter` is read off the report reference. `addressees` are the bodies
 * the text itself names as acting or being asked to act, as the text spells them; `audiences` sorts
 * those names into COMMISSION_AUDIENCE_INFO, and is ["not-stated"] where the text names nobody.
 * @see docs/sources.md (REC)
 */
import type { Source } from "../../types";

export const COMMISSION_THEMES = [
  "framework",
  "representation",
  "citizenship",
  "migrants",
  "communities",
  "communications",
  "data",
  "interaction",
  "schools",
  "employment",
  "housing",
  "funding",
] as const;
export type CommissionTheme = (typeof COMMISSION_THEMES)[number];

/** The add-in's themes: a label and the recommendations' subject each stands for. */
export const COMMISSION_THEME_INFO: Readonly<Record<CommissionTheme, { label: string; covers: string; source: Source }>> = {
  framework: { label: "National framework and local delivery", covers: "The definition, national policy, the PSA target, local indicators, inspection, guidance and support to areas.", source: { doc: "DECISION", ref: "theme of recommendations 1–8, 11–12" } },
  representation: { label: "Equality and representation", covers: "Workforce strategies, candidates and parties, the CEHR's local presence.", source: { doc: "DECISION", ref: "theme of recommendations 9–10, 30" } },
  citizenship: { label: "Citizenship and young people", covers: "Citizenship education and ceremonies, volunteering, work with young people.", source: { doc: "DECISION", ref: "theme of recommendations 13–16, 22–23" } },
  migrants: { label: "New migrants and English", covers: "Integrating new migrants, welcome packs, employers of migrant workers, ESOL.", source: { doc: "DECISION", ref: "theme of recommendations 17–21" } },
  communities: { label: "Faith, community development and policing", covers: "Religious literacy, faith-based providers, community development and capacity-building, tension monitoring, neighbourhood policing.", source: { doc: "DECISION", ref: "theme of recommendations 24–29" } },
  communications: { label: "Communications and myth-busting", covers: "Communication plans, local media, myth-busting and rebuttal.", source: { doc: "DECISION", ref: "theme of recommendations 31–34" } },
  data: { label: "Population data", covers: "Migration statistics and local population estimates.", source: { doc: "DECISION", ref: "theme of recommendations 35–36" } },
  interaction: { label: "Interaction and shared activities", covers: "Cross-cultural and inter-faith engagement, shared activities, a Community Week, research on what works.", source: { doc: "DECISION", ref: "theme of recommendations 37–41" } },
  schools: { label: "Schools", covers: "School twinning, the Ajegbo recommendations for teachers, conflict resolution in schools.", source: { doc: "DECISION", ref: "theme of recommendations 42–44" } },
  employment: { label: "Employment and skills", covers: "Employers' forums, paid leave for community activity, Regional Development Agencies' contracts and courses.", source: { doc: "DECISION", ref: "theme of recommendations 45–46, 49" } },
  housing: { label: "Housing, regeneration and assets", covers: "Regeneration, planning and housing practitioners, asset transfer, affordable housing, lettings, landlords.", source: { doc: "DECISION", ref: "theme of recommendations 47–48, 50–54" } },
  funding: { label: "Funding and translation", covers: "Funding criteria for cultural, sports and arts funding, single community funding, translation.", source: { doc: "DECISION", ref: "theme of recommendations 55–57" } },
};

export const COMMISSION_AUDIENCES = [
  "central-government",
  "local-government",
  "national-bodies",
  "public-agencies",
  "political-parties",
  "employers",
  "schools",
  "community-sector",
  "housing-providers",
  "not-stated",
] as const;
export type CommissionAudience = (typeof COMMISSION_AUDIENCES)[number];

/** What each audience covers: the names in the recommendations' texts that fall under it. */
export const COMMISSION_AUDIENCE_INFO: Readonly<Record<CommissionAudience, { label: string; covers: string }>> = {
  "central-government": { label: "Central government", covers: "Central Government, Government, Communities and Local Government, DfES, a Government review or strategy (and DIUS in the four ways of recommendation 21)." },
  "local-government": { label: "Local authorities and local areas", covers: "Local Authorities, local areas, Local Government, LSPs, a local area's sustainable community strategy and Local Area Agreement, local agencies." },
  "national-bodies": { label: "National bodies", covers: "The Audit Commission, the Electoral Commission, the CEHR, ONS, the LGA, IDeA, LGiU, a national body for new migrants, Communities England, the Academy for Sustainable Communities, Regional Development Agencies, the Arts Council and the Heritage Lottery Fund, the Review of Policing." },
  "public-agencies": { label: "Public agencies generally", covers: "All public agencies funding affordable housing and regeneration; local public agencies funding sports and arts." },
  "political-parties": { label: "Political parties", covers: "Political parties and their candidates." },
  employers: { label: "Employers", covers: "Employers of migrant workers, large employers, the CBI." },
  schools: { label: "Schools", covers: "Schools." },
  "community-sector": { label: "Voluntary, community and faith sector", covers: "The voluntary and community sector, faith communities, community groups." },
  "housing-providers": { label: "Housing providers and funders", covers: "Affordable housing providers, funders of new social housing." },
  "not-stated": { label: "Not stated", covers: "The text names no one to act (\"We recommend the adoption of …\")." },
};

export interface CommissionRecommendation {
  /** 1–57, as numbered in the report and the factsheet. */
  number: number;
  /** The recommendation as the factsheet words it (a list's items joined into one statement). */
  text: string;
  /** A recommendation printed as a list: its items, as printed; empty otherwise. */
  parts: readonly string[];
  /** Where `parts` come from when not the factsheet (recommendation 21: the four ways, from GR Section 4). */
  partsSource?: Source;
  /** The report reference as the factsheet prints it: a paragraph ("4.27") or an annex ("Annex C"). */
  reportRef: string;
  /** The report's chapter, read off reportRef ("4"), or the annex ("Annex C"). */
  chapter: string;
  theme: CommissionTheme;
  /** Who the text names, as it spells them; empty when it names nobody. */
  addressees: readonly string[];
  audiences: readonly CommissionAudience[];
  notes: readonly string[];
  source: Source;
}

type Extra = Partial<Pick<CommissionRecommendation, "parts" | "partsSource" | "notes">>;

const rec = (
  number: number,
  reportRef: string,
  theme: CommissionTheme,
  audiences: readonly CommissionAudience[],
  addressees: readonly string[],
  text: string,
  extra: Extra = {},
): CommissionRecommendation => ({
  number,
  text,
  parts: extra.parts ?? [],
  ...(extra.partsSource ? { partsSource: extra.partsSource } : {}),
  reportRef,
  chapter: reportRef.startsWith("Annex") ? reportRef : reportRef.split(".")[0],
  theme,
  addressees,
  audiences,
  notes: extra.notes ?? [],
  source: { doc: "REC", ref: `Recommendation ${number}; report ${/^\d/.test(reportRef) ? "¶" : ""}${reportRef}` },
});

/** A recommendation printed as a list: the lead-in and the items joined into one statement. */
const listed = (lead: string, parts: readonly string[], sep = " "): { text: string; parts: readonly string[] } => ({
  text: `${lead} ${parts.join(sep)}`,
  parts,
});

const R4 = listed(
  "We recommend that every local area should:",
  [
    "Map their communities",
    "Use that map as one important way to identify tensions and opportunities",
    "Monitor their BVPI performance on cohesion",
    "Mainstream integration and cohesion into their Sustainable Community Strategies, LSP management and wider service delivery, particularly for youth provision.",
  ],
  "; ",
);
const R20 = listed("We recommend that:", [
  "Employers should recognise that they have a responsibility – jointly with other parties – to deal with the integration and cohesion issues arising from the growing number of migrant workers they employ (whether employed directly or through an agency).",
  "In particular, they should offer English classes for new migrants (focused at first on the vocabulary they will need on the job), and should promote understanding of different cultures and groups by providing cultural training in the workplace.",
]);
const R33 = listed("We recommend that:", [
  "Local Authorities should develop myth busting strategies aimed specifically at established communities.",
  "That Local Authorities should work with the media to actively rebut myths and misinformation, in between and during election periods.",
]);
const R53 = listed("We recommend that in drafting their community lettings plans, Local Authorities should explicitly consider the dynamics of cohesion and integration locally. And in particular:", [
  "Local Authorities and funders of new social housing should make clear the criteria used and judgements between need and choice that inform allocations policies in both new homes and older properties that become available, and how this relates to the considerations of integration and cohesion.",
  "All agencies, including Local Authorities and affordable housing providers, should operate inclusive allocations and lettings policies. Unless there is a clear business and equalities case, single group funding should not be promoted. In exceptional cases, where such funding is awarded, the provider should demonstrate clearly how its policies will promote community cohesion and integration.",
]);
const R55 = listed("We recommend:", [
  "That nationally, cultural development agencies, including the Arts Council and the Heritage Lottery Fund, should require applicants for funding to demonstrate their commitment to integration and cohesion outcomes and [sic] part of its funding criteria.",
  "That this same principle should apply to local public agencies when considering the potential for “bridging” activities across communities when funding sports and arts projects.",
]);

const SPLIT_AS_GR = "The factsheet prints the items as one paragraph; they are split where the Government's Response (Section 4) prints them as separate bullets.";

/** The 57 recommendations, in order. */
export const COMMISSION_RECOMMENDATIONS: readonly CommissionRecommendation[] = [
  rec(1, "3.15", "framework", ["not-stated"], [], "We recommend the adoption of a new definition of integration and cohesion."),
  rec(2, "4.11", "framework", ["central-government"], ["central Government"], "We recommend that central Government sets out a clear statement of integration and cohesion policy."),
  rec(3, "4.14", "framework", ["central-government"], ["Government"], "We recommend Government invest in a national shared futures programme from 2008-2012, leading from the European Year of Intercultural Education up to the Olympics and using the themes of both to underpin key messages."),
  rec(4, "4.24", "framework", ["local-government"], ["every local area"], R4.text, { parts: R4.parts }),
  rec(5, "4.27", "framework", ["not-stated"], [], "We recommend that there should be a single national PSA target for community cohesion."),
  rec(6, "4.27", "framework", ["local-government"], ["local areas"], "We recommend that local areas should be encouraged to develop their own local indicators of integration and cohesion."),
  rec(7, "4.27", "framework", ["national-bodies"], ["The Audit Commission"], "We recommend that The Audit Commission should ensure that locally determined integration and cohesion measures are clearly incorporated into the Comprehensive Area Assessment regime."),
  rec(8, "4.27", "framework", ["central-government"], ["Communities and Local Government"], "We recommend that Communities and Local Government's forthcoming guidance on LSPs and Sustainable Community Strategies should make explicit reference to the need to address the cross-cutting issues of integration and cohesion."),
  rec(9, "4.33", "representation", ["local-government", "political-parties"], ["Local Authorities", "political parties"], "We reaffirm the proposal that Local Authorities should have workforce strategies in place that have clear action plans for targeted recruitment – and recognise the need for flexible working for women in particular. And that political parties consider again how they can ensure their candidates better reflect the communities they serve – whether through positive measures, or more targeted recruitment.", { notes: ["The Government's Response answers the two sentences separately, as 9 a) and 9 b)."] }),
  rec(10, "4.33", "representation", ["national-bodies", "political-parties"], ["the Electoral Commission", "the new CEHR", "political parties"], "We recommend that the Electoral Commission, working with the new CEHR, should seek a voluntary agreement on the part of political parties to behave as if they are bound by the positive duty in the Race Relations Amendment Act, and the forthcoming duty to promote good relations enforceable by the CEHR."),
  rec(11, "4.42", "framework", ["national-bodies", "central-government"], ["LGA", "IDeA", "central Government"], "We recommend that LGA, IDeA and central Government should consider these family groups when providing guidance to areas on integration and cohesion."),
  rec(12, "4.42", "framework", ["national-bodies", "central-government"], ["LGA", "IDeA", "central Government"], "We recommend that LGA, IDeA and central Government support should move away from static guidance to particular areas towards workshops, ongoing training groups, and partnerships between those local areas who would not normally meet each other as part of existing local and regional structures."),
  rec(13, "5.8", "citizenship", ["not-stated"], [], "We recommend an ambitious response to the Ajebo report on Citizenship Education.", { notes: ["The factsheet prints \"Ajebo\"; the report meant is Sir Keith Ajegbo's, as recommendation 43 and the Government's Response spell it."] }),
  rec(14, "5.8", "citizenship", ["not-stated"], [], "We recommend consideration of how existing citizenship ceremonies for people from abroad becoming new citizens can be strengthened."),
  rec(15, "5.8", "citizenship", ["not-stated"], [], "We recommend consideration of an expansion of citizenship ceremonies to include all young people."),
  rec(16, "5.8", "citizenship", ["not-stated"], [], "We recommend a new programme of voluntary service for young people expressly linked to local citizenship."),
  rec(17, "5.22", "migrants", ["central-government"], ["Communities and Local Government"], "We recommend a national body to manage the integration of new migrants, sponsored by Communities and Local Government, but independent of Government."),
  rec(18, "5.29", "migrants", ["central-government", "local-government"], ["Communities and Local Government", "the local areas in family group a)"], "We recommend that Communities and Local Government develops a sample welcome pack based on current good practice, and works with the local areas in family group a) in particular to ensure that it is implemented."),
  rec(19, "5.32", "migrants", ["local-government", "community-sector"], ["Local Government", "the voluntary and community sector", "faith communities"], "We recommend that along with joint development of welcome packs, these partnerships between Local Government, the voluntary and community sector and faith communities are formalised in a way that suits existing LSP structures – potentially through local service level agreements or contracts."),
  rec(20, "5.33", "migrants", ["employers"], ["Employers"], R20.text, { parts: R20.parts, notes: [SPLIT_AS_GR] }),
  rec(21, "5.42", "migrants", ["central-government", "local-government"], ["DIUS", "Local areas"], "We recognise that finite resources means that we need to be creative in how we deliver ESOL support, but we recommend that it is reviewed in four ways (see text for these).", {
    parts: [
      "DIUS to continue to review its allocation of resource for ESOL",
      "Local areas should be encouraged to use their money for English language provision more flexibly. (eg partnership with third sector orgs)",
      "Areas should use the money they save on translating written materials to add to the pot available for English lessons.",
      "increasing recognition that learning English is not just about formal ESOL classes, it's about how community groups, places of worship, schools and family learning can be part of a set of pathways that lead to a standard exam.",
    ],
    partsSource: { doc: "GR", ref: "Section 4, recommendation 21" },
    notes: ["The factsheet does not list the four ways; they are as the Government's Response reprints the recommendation (Section 4), and the addressees are those it names."],
  }),
  rec(22, "6.10", "citizenship", ["central-government"], ["the DfES/HM Treasury Children and Young People's Review"], "We recommend that the outcomes of the youth strand of the DfES/HM Treasury Children and Young People's Review take integration and cohesion into account, and consider ways of spreading good practice about how to work with young people on integration and cohesion."),
  rec(23, "6.11", "citizenship", ["central-government"], ["the current review of Government strategy"], "We recommend that in the current review of Government strategy, incentives to encourage adult participation with young people should also be considered."),
  rec(24, "6.24", "communities", ["community-sector", "central-government", "national-bodies"], ["Faith communities", "Government", "the LGA", "other relevant agencies"], "We recommend that Faith communities should be encouraged to work with Government, the LGA, and other relevant agencies to develop a programme to help increase 'religious literacy' on the part of public agencies."),
  rec(25, "6.24", "communities", ["local-government"], ["Local Authorities and others"], "We recommend that a set of clear guidelines should be developed to enable Local Authorities and others to be able to award public service contracts to faith based bodies without fear that there will be issues over whether this will lead to proselytising or pressure on users of services to accept the religious beliefs of the providers.", { notes: ["The text does not say who should develop the guidelines; it names those they are for."] }),
  rec(26, "6.31", "communities", ["local-government"], ["a local level"], "We recommend that community development values, methods and outcomes should be promoted at a local level, with explicit recognition of its importance in enabling integration and cohesion and an integral component in the delivery of good public services and local governance.", { notes: ["The text names the level (local), not who should promote."] }),
  rec(27, "6.31", "communities", ["local-government"], ["the sustainable community strategy and Local Area Agreement in each local area"], "We recommend that the sustainable community strategy and Local Area Agreement in each local area should include a strategic approach to community capacity-building, based on the Firm Foundations framework, and funded adequately through co-ordinated channels."),
  rec(28, "6.31", "communities", ["local-government", "community-sector"], ["local agencies such as neighbourhood management teams", "community groups"], "We recommend that a community-based 'community cohesion audit resource' should be developed for use by local agencies such as neighbourhood management teams and community groups which allows tension monitoring and offers suggestions and ideas for conflict resolution and meaningful interaction.", { notes: ["The text names the resource's users; it does not say who should develop it."] }),
  rec(29, "6.40", "communities", ["national-bodies"], ["the current Review of Policing in England and Wales by Sir Ronnie Flanagan"], "We recommend that the current Review of Policing in England and Wales by Sir Ronnie Flanagan underlines the importance of Neighbourhood Policing to integration and cohesion, and links back to the key principles outlined in our report."),
  rec(30, "7.7", "representation", ["national-bodies"], ["the CEHR"], "We recommend that the CEHR is represented locally, through a network of teams similar to the existing Race Equality Councils – and that this local network is designed as a delivery arm that is sensitive to the different challenges being experienced by the integration and cohesion family groups outlined in this report."),
  rec(31, "7.17", "communications", ["local-government"], ["every Local Authority"], "We recommend that every Local Authority maintains a communication plan to ensure that all communities are kept abreast of changes and the reasons for them, not just those minority communities that have typically been seen as \"hard to reach\"."),
  rec(32, "7.22", "communications", ["local-government"], ["local areas"], "We recommend that local areas consider how best to engage their local media in local structures."),
  rec(33, "7.29", "communications", ["local-government"], ["Local Authorities"], R33.text, { parts: R33.parts, notes: [SPLIT_AS_GR] }),
  rec(34, "7.29", "communications", ["national-bodies", "central-government"], ["the CEHR", "Communities and Local Government", "LGA", "LGiU"], "We recommend that a rapid rebuttal unit should be established jointly with partners including the CEHR, Communities and Local Government, LGA, LGiU."),
  rec(35, "7.34", "data", ["national-bodies"], ["ONS"], "We recommend that ONS urgently reinvigorate their work on co-ordinating migration statistics at a national level, and begin to report directly to the new Migration Impacts Forum."),
  rec(36, "7.37", "data", ["central-government", "national-bodies"], ["Communities and Local Government", "ONS"], "We recommend that Communities and Local Government and ONS urgently provide support to Local Authorities in developing tailored systems for calculating population change between censuses, using data most appropriate for meeting their local needs."),
  rec(37, "8.8", "interaction", ["local-government"], ["Local Authorities", "LSPs"], "We recommend that Local Authorities and LSPs conduct a brief 'audit' of opportunities for cross- cultural and inter-faith engagement in their areas."),
  rec(38, "8.8", "interaction", ["central-government"], ["Communities and Local Government"], "We recommend that Communities and Local Government should clearly set out what their strategy is in funding intercultural dialogue."),
  rec(39, "8.9", "interaction", ["local-government"], ["local areas"], "We recommend that local areas consider how shared activities can be used as the driving force for the interaction projects that they fund."),
  rec(40, "8.10", "interaction", ["not-stated"], [], "We recommend that a nationally sponsored 'Community Week' with a focus on celebrating all communities and inter-community engagement should start early in 2008. Preparations for this week should also be seen in the context of recent calls for a national Community Day.", { notes: ["The text says the week should be nationally sponsored; it does not name a sponsor."] }),
  rec(41, "8.10", "interaction", ["central-government"], ["Communities and Local Government"], "We recommend that Communities and Local Government should commission a programme of research to explore more closely what works in different neighbourhoods and why, building on contact theory and the initial evidence from our work."),
  rec(42, "8.10", "schools", ["central-government"], ["DfES"], "We recommend that there should be a national school twinning programme, with support from the centre delivered by a new website of good practice run by DfES."),
  rec(43, "8.12", "schools", ["central-government"], ["DfES"], "We recommend that the recommendations outlined in Sir Keith Ajegbo's report on Citizenship Education should be taken forward as a matter of urgency by DfES – with a particular focus on Continuous Professional Development for teachers."),
  rec(44, "8.12", "schools", ["schools"], ["schools"], "We recommend that schools should consider buying in support or training on conflict resolution and mediation to ensure they are able to manage the consequences of increased dialogue."),
  rec(45, "8.24", "employment", ["national-bodies", "employers"], ["the CEHR", "the CBI"], "We recommend that the CEHR, in partnership with the CBI, be tasked with convening regular forums where representatives of employers and employees (from both the public and private sectors) meet to set out clear action plans for how employment issues can contribute integration and cohesion."),
  rec(46, "8.25", "employment", ["employers"], ["large employers"], "We recommend that large employers consider allowing employees 3 days paid leave a year for participation in defined activities."),
  rec(47, "8.28", "housing", ["national-bodies"], ["Communities England", "funding partnerships developed to deliver regeneration programmes"], "We recommend that Communities England, and funding partnerships developed to deliver regeneration programmes, should demonstrate that they have mainstreamed integration and cohesion how their funding is being directed, and that local communities have been engaged in regeneration plans from the start."),
  rec(48, "8.28", "housing", ["national-bodies"], ["the Academy for Sustainable Communities"], "We recommend that the Academy for Sustainable Communities is better linked into mainstream integration and cohesion policies, and builds on its recent work with the Institute for Community Cohesion by upskilling planning and housing practitioners in key integration and cohesion themes."),
  rec(49, "8.28", "employment", ["national-bodies"], ["Regional Development Agencies"], "We recommend that Regional Development Agencies should be encouraged to award contracts to businesses that have a clear corporate commitment to employment diversity and equality policies. And that in the development of their lifelong learning strategies, they should commit to delivering tailored courses that upskill particular parts of the local workforce – responding to the needs of settled communities, for example, who may be unable to compete in the face of cheaper labour – while making the most of the new skills brought by new communities."),
  rec(50, "8.28", "housing", ["not-stated"], [], "Aligned with our guidelines on single community funding, we recommend that when buildings and assets are transferred to communities, it is with the express intention that they will normally be resources for all groups and individuals within the local community.", { notes: ["The text does not name the bodies transferring the assets."] }),
  rec(51, "8.33", "housing", ["public-agencies"], ["all public agencies involved in the funding of affordable housing and area based regeneration, including major Regional Development Agency programmes"], "We recommend all public agencies involved in the funding of affordable housing and area based regeneration, including major Regional Development Agency programmes, should ensure that equality impact assessments on policy are extended to include assessment of the impact of the policy upon cohesion and integration."),
  rec(52, "8.33", "housing", ["housing-providers"], ["all affordable housing providers receiving investment funding"], "We recommend all affordable housing providers receiving investment funding should demonstrate how this funding will assist in promoting cohesion and delivering mixed communities."),
  rec(53, "8.33", "housing", ["local-government", "housing-providers"], ["Local Authorities", "funders of new social housing", "affordable housing providers"], R53.text, { parts: R53.parts, notes: [SPLIT_AS_GR] }),
  rec(54, "8.33", "housing", ["local-government"], ["Local Authorities"], "We recommend that Local Authorities should be encouraged to identify areas that are experiencing particular issues with unscrupulous landlords that relate to integration and cohesion, and use fully the powers available to them to address these issues."),
  rec(55, "8.48", "funding", ["national-bodies", "public-agencies"], ["cultural development agencies, including the Arts Council and the Heritage Lottery Fund", "local public agencies"], R55.text, { parts: R55.parts, notes: [SPLIT_AS_GR, "\"[sic]\" is the factsheet's."] }),
  rec(56, "Annex C", "funding", ["not-stated"], [], "We recommend the adoption of our guidance on single community funding."),
  rec(57, "Annex D", "funding", ["not-stated"], [], "We recommend the adoption of our guidance on translation."),
];
