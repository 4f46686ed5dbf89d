/**
 * The 11 approaches to avoid, verbatim and in document order.
 * CDF §3.2, lead-in: "There are other actions and approaches which experience suggests should be avoided:"
 *
 * X11 keeps the curly quotes the document prints around “for”.
 * @see CDF §3.2
 */
import type { Source } from "../../types";
import type { ApproachToAvoid } from "../../recommender/types";

const SRC: Source = { doc: "CDF", ref: "§3.2 Targeted Actions (approaches to avoid)" };

/** X01–X11. Ids are this add-in's (the documents give none); they never change. */
export const APPROACHES_TO_AVOID: readonly ApproachToAvoid[] = [
  {
    code: "X01",
    id: "equality_policies_only",
    title: "Seeing cohesion as being addressed only by having strong equality and diversity policies in place",
    alsoInAnnexC: [
      {
        group: "b",
        relation: "same idea, different wording",
        text: "Area sees cohesion as being addressed by having strong equality and diversity policies in place",
      },
    ],
    source: SRC,
  },
  {
    code: "X02",
    id: "conflating_faith_ethnicity_culture",
    title: "Not understanding the complexities of communities – ie conflating faith, ethnicity and culture",
    alsoInAnnexC: [],
    source: SRC,
  },
  {
    code: "X03",
    id: "no_consultation_hard_to_reach",
    title:
      "Consultation processes are in place, but there is little or no consultation with hard to reach groups, new arrivals or potential users",
    alsoInAnnexC: [
      {
        group: "d",
        relation: "shortened",
        text: "Consultation processes are in place, indicating a high level of satisfaction with services, but there is little or no consultation with hard to reach groups, new arrivals or potential users",
      },
    ],
    source: SRC,
  },
  {
    code: "X04",
    id: "no_forward_resilience_planning",
    title: "Community strategies do not include forward and resilience planning",
    alsoInAnnexC: [{ group: "e", relation: "identical", text: "Community strategies do not include forward and resilience planning" }],
    source: SRC,
  },
  {
    code: "X05",
    id: "no_strategic_communications",
    title:
      "A lack of strategic communications to challenge myths, and create a sense of belonging, leaves space for extremists to fill the gaps",
    alsoInAnnexC: [
      {
        group: "b",
        relation: "identical",
        text: "A lack of strategic communications to challenge myths, and create a sense of belonging, leaves space for extremists to fill the gaps.",
      },
    ],
    source: SRC,
  },
  {
    code: "X06",
    id: "no_communication_policy",
    title:
      "Lack of communication policy reinforces perceptions of lack of respect for other cultures, and/or the marginalisation of settled white community",
    alsoInAnnexC: [
      {
        group: "c",
        relation: "identical",
        text: "Lack of communication policy reinforces perceptions of lack of respect for other cultures, and/or the marginalisation of settled white community.",
      },
    ],
    source: SRC,
  },
  {
    code: "X07",
    id: "fragile_community_organisations",
    title:
      "Community organisations are fragile and may close, leaving gaps in networks that could have been used for communication and strengthen cohesion",
    alsoInAnnexC: [
      {
        group: "d",
        relation: "identical",
        text: "Community organisations are fragile and may close, leaving gaps in networks that could have been used for communication and strengthen cohesion.",
      },
    ],
    source: SRC,
  },
  {
    code: "X08",
    id: "weak_third_sector_interfaith",
    title: "The third sector or interfaith structure is weak",
    alsoInAnnexC: [{ group: "e", relation: "similar", text: "The VCS is weak." }],
    source: SRC,
  },
  {
    code: "X09",
    id: "interaction_event_without_disputes",
    title: "An interaction event without effort to address the disputes between different communities",
    alsoInAnnexC: [],
    source: SRC,
  },
  {
    code: "X10",
    id: "unprepared_conflict_resolution",
    title: "Conflict resolution without sufficient preparation, skills or understanding of motivations",
    alsoInAnnexC: [],
    source: SRC,
  },
  {
    code: "X11",
    id: "translation_discourages_english_speakers",
    // The document's wording, with its curly quotes.
    title:
      "Encouraging use of facilities by translating leaflets and posters, but by doing so discouraging English speaking residents from using the service as it is then \u201cfor\u201d minorities.",
    alsoInAnnexC: [],
    source: SRC,
  },
];
