/**
 * The Government's Response (CLG, February 2008), Section 4 "Summary of our response to each of the
 * Commission's recommendations": the answer printed under each of the 57 recommendations.
 *
 * Section 4 has no paragraph numbers: an answer is cited by the recommendation it follows
 * ("Section 4, recommendation 12"). The Response does not label its answers "accepted" or "rejected";
 * `stance` is this add-in's reading of what the answer says, from RESPONSE_STANCES, and `basis` is the
 * answer's own words that reading rests on (they occur in the document as printed). `summary` is the
 * add-in's summary of the answer. Where one answer is printed after several recommendations (31–33,
 * 35–36) each of them carries it, with `answeredWith` naming the group. What an answer does not
 * address is said in `notes`.
 * @see docs/sources.md (GR)
 */
import type { Source } from "../../types";

export const RESPONSE_STANCES = ["met", "agreed", "other-means", "in-part", "considering", "declined", "mixed"] as const;
export type ResponseStance = (typeof RESPONSE_STANCES)[number];

/** What each stance means: the add-in's reading of an answer, never the Response's own label. */
export const RESPONSE_STANCE_INFO: Readonly<Record<ResponseStance, { label: string; meaning: string }>> = {
  met: { label: "Already met", meaning: "The answer says something published, set up or under way already does what the recommendation asks." },
  agreed: { label: "Agreed, with action", meaning: "The answer agrees, or commits to doing what the recommendation asks." },
  "other-means": { label: "Aim pursued by other means", meaning: "The answer points to other programmes, guidance or bodies that address the recommendation's aim, without doing it as proposed." },
  "in-part": { label: "In part", meaning: "The answer takes up part or the spirit of the recommendation, or leaves the rest to others." },
  considering: { label: "Under consideration", meaning: "The answer says the matter is being reviewed, consulted on or considered, with a decision to come." },
  declined: { label: "Not taken up at present", meaning: "The answer says the Government does not at present see the case for it." },
  mixed: { label: "Parts answered differently", meaning: "The Response answers the recommendation's parts separately, with different readings." },
};

export interface GovResponsePart {
  /** The Response's own label for the part ("a", "b"). */
  label: string;
  stance: Exclude<ResponseStance, "mixed">;
  summary: string;
  basis: string;
}

export interface GovResponse {
  recommendation: number;
  stance: ResponseStance;
  /** The add-in's summary of the answer. */
  summary: string;
  /** The answer's own words the stance rests on, as printed. */
  basis: string;
  /** The recommendations one printed answer covers, when it covers several; empty when answered alone. */
  answeredWith: readonly number[];
  /** A page of the Response the answer itself refers the reader to ("See page 18"). */
  seePage?: number;
  /** Parts the Response answers separately (recommendation 9: a and b). */
  parts: readonly GovResponsePart[];
  /** What the answer does not address, and other remarks. */
  notes: readonly string[];
  source: Source;
}

type Extra = Partial<Pick<GovResponse, "answeredWith" | "seePage" | "parts" | "notes">>;

const sec4 = (n: number | readonly number[]): Source => {
  const list = typeof n === "number" ? [n] : n;
  const ref = list.length === 1 ? `recommendation ${list[0]}` : `recommendations ${list[0]}–${list[list.length - 1]}`;
  return { doc: "GR", ref: `Section 4, ${ref}` };
};

const answer = (recommendation: number, stance: ResponseStance, basis: string, summary: string, extra: Extra = {}): GovResponse => ({
  recommendation,
  stance,
  summary,
  basis,
  answeredWith: extra.answeredWith ?? [],
  ...(extra.seePage !== undefined ? { seePage: extra.seePage } : {}),
  parts: extra.parts ?? [],
  notes: extra.notes ?? [],
  source: sec4(extra.answeredWith?.length ? extra.answeredWith : recommendation),
});

/** One answer printed after several recommendations: the same record for each of them. */
const shared = (numbers: readonly number[], stance: ResponseStance, basis: string, summary: string, extra: Omit<Extra, "answeredWith"> & { notesFor?: Record<number, readonly string[]> } = {}): GovResponse[] =>
  numbers.map((n) =>
    answer(n, stance, basis, summary, {
      ...extra,
      answeredWith: numbers,
      notes: [`One answer is printed after recommendation ${numbers[numbers.length - 1]} for recommendations ${numbers.join(", ")}.`, ...(extra.notes ?? []), ...(extra.notesFor?.[n] ?? [])],
    }),
  );

/** The Government's answer to each recommendation, in order: one record for each of 1–57. */
export const GOV_RESPONSES: readonly GovResponse[] = [
  answer(1, "met", "We outline our new definition on page 10.", "The Response sets out the Government's new definition of community cohesion.", { seePage: 10 }),
  answer(2, "met", "This document sets out the Government's sustained strategy to build cohesion and its relationship with other policy objectives.", "The Response itself is the statement of the Government's cohesion strategy and how it relates to other policy objectives."),
  answer(3, "other-means", "there are a range of programmes being developed that will promote this", "The Government agrees that a shared sense of belonging drives cohesion and points to the 2008 European Year of Intercultural Dialogue, the Cultural Olympiad and the Goldsmith Review of Citizenship, and locally to the Citizens' Day Framework and guidance on belonging in the Cohesion Delivery Framework.", { notes: ["The answer does not commit to a national shared futures programme for 2008-2012 as such."] }),
  answer(4, "agreed", "We agree that, to best serve its community, local government needs to understand the communities it serves.", "Local Area Agreements are to be the focus for understanding communities and mainstreaming cohesion; two cohesion indicators in the National Indicator Set will help authorities monitor performance, and guidance on tension monitoring is to follow shortly."),
  answer(5, "met", "Our new Cohesion PSA 21 is set out on page 14.", "The new cross-government PSA 21 includes cohesion.", { seePage: 14 }),
  answer(6, "met", "We have enabled local areas to do this through the LAA process.", "Local areas can set their own indicators through Local Area Agreements, whose guidance lets targets focus on particular places or groups."),
  answer(7, "agreed", "The new CAA arrangements will focus on cohesion where it is identified as a local priority", "The Comprehensive Area Assessment will focus on cohesion where an area makes it a priority, and cohesion will form an important part of the annual joint risk assessment."),
  answer(8, "met", "Sustainable Community Strategies must address difficult and cross cutting issues such as cohesion.", "The draft statutory guidance Creating Strong, Safe and Prosperous Communities, out for consultation, says that Sustainable Community Strategies must address cross-cutting issues such as cohesion."),
  answer(9, "mixed", "The Government is currently examining the recommendations before publishing a response in the Spring.", "The Response answers the two sentences separately: the EHRC would encourage targeted-recruitment action plans in local authorities; on candidates, the Government is examining the Councillors Commission's recommendations before responding in the Spring.", {
    parts: [
      { label: "a", stance: "agreed", basis: "The Equalities and Human Rights Commission (EHRC) would encourage local authorities to produce clear action plans for targeted recruitment", summary: "The EHRC would encourage local authorities to produce targeted-recruitment action plans, using the public equality duties, and will develop an integrated equality duty." },
      { label: "b", stance: "considering", basis: "The Government is currently examining the recommendations before publishing a response in the Spring.", summary: "The Councillors Commission's final report (December 2007) recommended how parties might make candidates reflect their communities; the Government is examining it and will consult stakeholders before responding in the Spring." },
    ],
    notes: ["The answer to part a) does not mention flexible working for women."],
  }),
  answer(10, "in-part", "We will therefore work with EHRC to see how the spirit of this recommendation can be taken forward", "The Electoral Commission cannot compel compliance, so an agreement going beyond the law is doubtful to be enforceable; the Government will work with the EHRC on the spirit of the recommendation and keep the Electoral Commission informed."),
  answer(11, "agreed", "We will use the family groups so that engagement with local areas is based on local circumstances", "The family groups will shape engagement with local areas, inform the new Cohesion Delivery Framework and serve as a basis for learning, good practice and peer support."),
  answer(12, "agreed", "We will work with partners to ensure that the support offered is as innovative and flexible as the Commission recommends.", "Support for local partners facing cohesion challenges will be developed under the National Improvement and Efficiency Strategy, as innovative and flexible as the Commission recommends."),
  answer(13, "agreed", "The Government has accepted the recommendations in Sir Keith Ajegbo's report and is working with its partners to implement them.", "The Government has accepted the Ajegbo report's recommendations and is implementing them with partners.", { seePage: 18 }),
  answer(14, "considering", "The Goldsmith Citizenship Review is looking at the role and format of citizenship ceremonies.", "Lord Goldsmith's Citizenship Review is looking at the role and format of citizenship ceremonies; his pamphlet The Future of Citizenship Ceremonies was published in October 2007."),
  answer(15, "considering", "This is being considered further as part of Lord Goldsmith's Citizenship Review.", "Lord Goldsmith's Citizenship Review is considering it further."),
  answer(16, "other-means", "We will work with V to explore how their plans support our cohesion objectives.", "The charity V's National Youth Volunteering Programme (November 2007) aims at 500,000 new volunteering opportunities and young volunteers; the Government will explore with V how it supports cohesion, and link cohesion and volunteering under PSA 21.", { notes: ["The answer does not create a new programme linked to local citizenship."] }),
  answer(17, "considering", "The new directorate will consider the business case for setting up a national body to manage the integration of new migrants", "CLG's new migration directorate will consider the business case for a national body, in the light of decisions on the future of the Advisory Board on Naturalisation and Integration."),
  answer(18, "agreed", "LDa are developing a model for a new migrants information pack.", "A model new migrants information pack is being developed (the Response names \"LDa\"), drawing together local authorities' existing welcome packs.", { notes: ["The answer does not mention working with the areas in family group a)."] }),
  answer(19, "other-means", "suggests ways in which local authorities should think about involving the third sector", "The third sector and faith groups should be key partners: the draft statutory guidance on the new duty to involve (from April 2009) and a discussion paper on third sector participation in LSPs, both out to consultation, address this.", { notes: ["The answer does not take up service level agreements or contracts."] }),
  answer(20, "other-means", "DIUS are engaging with employers to promote this qualification.", "DIUS launched shorter, work-focused ESOL for work qualifications in October 2007, government-funded with an employer contribution of about £330, and is promoting them to employers.", { notes: ["The answer does not address cultural training in the workplace."] }),
  answer(21, "considering", "The Government will publish a \"next steps\" document once the results of the consultation have been analysed.", "DIUS issued a consultation paper on ESOL in January (closing 4 April), and CLG and DIUS held two Citizens' Juries on ESOL in December 2007; a next-steps document will follow the consultation."),
  answer(22, "met", "The Government's ten year youth strategy, Aiming High was published in July 2007", "Aiming High, the ten-year youth strategy (July 2007), set out how better relations between generations and between ethnic and faith groups could be built.", { seePage: 19 }),
  answer(23, "other-means", "The review included an undertaking by the Office of the Third Sector to create a programme that will include funding to build capacity in inter generational volunteering.", "The final report of the review of the third sector in social and economic regeneration (July 2007) included an undertaking by the Office of the Third Sector to create a programme, to launch in 2009-10, that will include funding to build capacity in intergenerational volunteering."),
  answer(24, "in-part", "We think such a programme could be valuable but believe that it will be best achieved if faith communities themselves take the lead on this", "Faith communities should lead such a programme themselves, building on their own resources; the Government is working with faith stakeholders on a project that may deliver one."),
  answer(25, "agreed", "We will convene a panel of experts to consider this question", "A panel including faith communities, the LGA and the Charity Commission will consider the question, hoping for a Charter for excellence in public service delivery by faith communities in 2009, building on the Faithworks model."),
  answer(26, "agreed", "We agree that local authorities and their partners should have the flexibility to draw up a much more comprehensive engagement strategy.", "The statutory duty to involve (from April 2009) and the Community Empowerment Action Plan will spur comprehensive engagement strategies; funding community development is for local authorities and partners to prioritise."),
  answer(27, "other-means", "do not take place in isolation, but as part of an integrated approach across the area", "The draft statutory guidance Creating Strong, Safe and Prosperous Communities says engagement activities should be part of an integrated approach across the area.", { notes: ["The answer does not mention the Firm Foundations framework or funding for capacity-building."] }),
  answer(28, "other-means", "We are publishing a Community Cohesion Impact Assessment toolkit in parallel with this document.", "A Community Cohesion Impact Assessment toolkit is published alongside the Response, and guidance on local tension monitoring and cohesion contingency plans will follow shortly."),
  answer(29, "met", "It made explicit reference to the potential that Neighbourhood Policing can play in building community cohesion.", "The interim report of Sir Ronnie Flanagan's review (September 2007) referred explicitly to Neighbourhood Policing's part in building cohesion; the Government hopes the final report builds on it."),
  answer(30, "other-means", "EHRC is already represented at a local level through a number of regional hubs.", "The EHRC is represented locally through regional hubs and will keep considering how best to support stakeholders locally."),
  ...shared([31, 32, 33], "other-means", "We hope to incorporate this into our Cohesion Delivery Framework.", "The Institute for Community Cohesion already publishes guidance on these issues and will update it; the Government hopes to include it in the Cohesion Delivery Framework.", { seePage: 29 }),
  answer(34, "declined", "We don't at present see the case for a single rapid rebuttal unit", "The Government does not at present see the case for a single rapid rebuttal unit, but will look again in the light of research and the Cohesion Delivery Framework."),
  ...shared([35, 36], "agreed", "ONS is working with central and local government on implementing ways to improve survey data and make greater use of administrative data.", "ONS is working with central and local government to improve survey data and use administrative data, and CLG is working with the LGA so that local authorities can use migration data locally.", {
    notesFor: { 35: ["The answer does not mention reporting to the Migration Impacts Forum."] },
  }),
  answer(37, "other-means", "as a first step towards developing an inter faith strategy; we published a consultation document in December 2007", "The Government consulted on an inter faith strategy in December 2007; LGA research with the Interfaith Network for the United Kingdom on local authorities' role in inter faith activity will inform the strategy.", { notes: ["The answer does not ask local authorities and LSPs to audit opportunities."] }),
  answer(38, "agreed", "will provide a basis for considering how we fund the development of inter faith and intercultural dialogue", "The final Inter Faith Strategy will include a Framework for Inter Faith Dialogue and Social Action, the basis for deciding how to fund inter faith and intercultural dialogue."),
  answer(39, "agreed", "We will include guidance on this in the Cohesion Delivery Framework.", "Guidance will be included in the Cohesion Delivery Framework, based on the research under recommendation 41."),
  answer(40, "other-means", "In November 2007, we launched a Citizens' Day Framework jointly with the Citizenship Foundation.", "The Citizens' Day Framework (November 2007, with the Citizenship Foundation) helps local authorities celebrate local achievements and build cohesion; the Cohesion Delivery Framework will build on it.", { notes: ["The answer does not commit to a nationally sponsored Community Week."] }),
  answer(41, "other-means", "National Community Forum is producing a research report on what works to promote interaction.", "The National Community Forum's research report on what works to promote interaction (Summer 2008) will inform the Cohesion Delivery Framework."),
  answer(42, "met", "In October 2007, DCSF launched a new Schools Linking Network", "DCSF launched the Schools Linking Network in October 2007: a website for linking schools nationally, local authority pilots based on Bradford's model, and £3m over three years."),
  answer(43, "met", "200 new specialist citizenship teachers every year through initial teacher training", "DCSF is implementing the Ajegbo report: 200 new specialist citizenship teachers a year, a free CPD programme on teaching citizenship, and a CPD handbook and self-evaluation tools."),
  answer(44, "met", "Many schools already use conflict resolution as part of their citizenship provision", "Many schools already teach conflict resolution within citizenship and can buy in support; DCSF is supporting a Ministry of Justice schools programme on the justice system, including conflict resolution and mediation."),
  answer(45, "agreed", "EHRC will convene a regular forum from Summer 2008", "From Summer 2008 the EHRC will convene a regular forum of employer networks, the CBI and employee representatives such as the TUC to draw up action plans for cohesion."),
  answer(46, "in-part", "Whether to allow time off more generally is a matter for individual employers", "The Government encourages employers to enable voluntary work and to treat requests for time off sympathetically, but leaves it to them; the statutory right is to reasonable unpaid time off for specified public duties.", { notes: ["The answer does not take up three days' paid leave."] }),
  answer(47, "other-means", "it will seek to promote community cohesion", "Once established (April 2009, subject to Parliament), the Homes and Communities Agency will seek to promote cohesion through physical connections, housing choice, community facilities and economic opportunities."),
  answer(48, "agreed", "We will work with the ASC to ensure that they continue to build on existing programmes around cohesion", "The Academy for Sustainable Communities has a valuable role; the Government will work with it to build on its cohesion programmes."),
  answer(49, "in-part", "we will consider how this recommendation can be taken forward", "Regional Development Agencies must already promote equality in all their functions, procurement included; they do not produce lifelong learning strategies, but the Government will consider how to take the recommendation forward in their work on barriers to economic participation."),
  answer(50, "other-means", "Practical guidance on how this can best be achieved will be included in the Risk Management Toolkit for asset transfer", "Criteria are for the bodies transferring assets; the Quirk review's recommendation of a commitment to the whole community will be reflected in a Risk Management Toolkit for asset transfer, due in the Spring."),
  answer(51, "other-means", "requires all Investment Partners to provide a 'Method Statement' that details how they intend to meet the needs of diverse communities", "Bodies such as the Housing Corporation already carry out equality impact assessments, and its National Affordable Housing Programme 2008-11 asks investment partners how they will meet diverse communities' needs.", { notes: ["The answer does not say that equality impact assessments will be extended to cohesion."] }),
  answer(52, "agreed", "The Corporation intends to produce an assessment methodology for determining the impact of affordable housing investment decisions on community cohesion", "The Housing Corporation's cohesion strategy, Shared Places, covers providers' investment; it will produce a method for assessing the cohesion impact of investment decisions, and local people should help set priorities."),
  answer(53, "other-means", "Local authorities should provide common housing registers and Choice Based Lettings schemes", "Allocation follows housing need and published schemes; common housing registers and Choice Based Lettings make allocation more transparent; the EHRC and LGA are reviewing allocation; single-issue funding can be appropriate where there is a clear business and equality case; the evidence on migrants and housing will be developed."),
  answer(54, "other-means", "we plan to revise guidance to local authorities about the importance of the strategic housing role and the preparation of housing strategies", "Guidance on the strategic housing role will be revised so that housing contributes to cohesion, and CLG has announced a policy review of the private rented sector.", { notes: ["The answer does not mention unscrupulous landlords or local authorities' powers."] }),
  answer(55, "agreed", "In parallel with this document we are publishing, for consultation, cohesion guidance for funders.", "Cohesion guidance for funders is published for consultation alongside the Response."),
  answer(56, "agreed", "The draft guidance mentioned at recommendation 55 builds substantially on the draft proposed by the Commission.", "The draft cohesion guidance for funders builds substantially on the Commission's draft."),
  answer(57, "met", "We published guidance for local authorities on translation in December 2007.", "Guidance on translation for local authorities was published in December 2007, building substantially on the Commission's draft."),
];
