/**
 * The 20 specific actions of CDF §3.2, verbatim and in document order, with the wording variants
 * Table D1 uses in some rows. Canonical ids are this add-in's (decision A13).
 *
 * CDF §3.2, lead-in: "Most actions are relevant to specific issues, but may be able to address more
 * than one cohesion issue at once. Annex D goes into more detail on when to use the following actions:"
 * @see CDF §3.2 "Targeted Actions"; CDF Annex D, Table D1
 */
import type { Source } from "../../types";
import type { Action, ActionCode } from "../../recommender/types";

const S32: Source = { doc: "CDF", ref: "§3.2 Targeted Actions" };
const D1: Source = { doc: "CDF", ref: "Annex D, Table D1" };

/** All 20 actions, in the §3.2 list order (A01–A20). */
export const ACTIONS: readonly Action[] = [
  { code: "A01", id: "conflict_resolution", title: "Bring in conflict resolution and mediators", variants: [], alsoKnownAs: [], source: S32 },
  {
    code: "A02",
    id: "volunteering",
    title: "Encourage volunteering",
    variants: [],
    alsoKnownAs: [],
    source: S32,
  },
  {
    code: "A03",
    id: "citizens_day",
    title: "Hold a citizens' day",
    variants: [],
    // The Annex E guidance item for this action. It also matches
    // the Commission's "Community Week"/"Community Day" (REC 40), not listed here because REC is not quoted.
    alsoKnownAs: [{ text: "Citizens' day Framework", source: { doc: "CDF", ref: "Annex E, Belonging" } }],
    source: S32,
  },
  {
    code: "A04",
    id: "migrant_info_packs",
    title: "Information packs for new migrants",
    variants: [],
    // Welcome packs (Annex C a/d; REC 18) = A04 = "Migrants' information pack" (Annex E).
    alsoKnownAs: [
      { text: "welcome packs for new migrants", source: { doc: "CDF", ref: "Annex C d)" } },
      { text: "Migrants' information pack", source: { doc: "CDF", ref: "Annex E, Integration" } },
    ],
    source: S32,
  },
  { code: "A05", id: "citizenship_ceremonies", title: "Promote citizenship ceremonies", variants: [], alsoKnownAs: [], source: S32 },
  {
    code: "A06",
    id: "schools_colleges",
    title: "Promote cohesion duty in schools and work with local colleges",
    variants: [],
    alsoKnownAs: [],
    source: S32,
  },
  {
    code: "A07",
    id: "specific_group_support",
    title: "Provide support for specific groups, eg gypsies and travellers or asylum seekers",
    variants: [
      {
        // The D1 wording differs only by the missing comma.
        text: "Provide support for specific groups eg gypsies and travellers or asylum seekers",
        issues: ["I01", "I02", "I03", "I11", "I12", "I19"],
        note: "Differs from the §3.2 wording only by the missing comma after \"groups\".",
        source: D1,
      },
    ],
    alsoKnownAs: [],
    source: S32,
  },
  {
    code: "A08",
    id: "esol",
    title: "Promote ESOL classes",
    variants: [
      { text: "Promote ESOL", issues: ["I15"], source: D1 },
      { text: "Promote ESOL lessons", issues: ["I16"], source: D1 },
    ],
    alsoKnownAs: [],
    source: S32,
  },
  { code: "A09", id: "interfaith", title: "Promote interfaith work", variants: [], alsoKnownAs: [], source: S32 },
  {
    code: "A10",
    id: "housing_regen_review",
    title: "Review how taking account of cohesion in housing and regeneration policies might help",
    variants: [],
    alsoKnownAs: [],
    source: S32,
  },
  {
    code: "A11",
    id: "funding_review",
    title: "Review how taking account of cohesion in funding policies might help",
    variants: [],
    alsoKnownAs: [],
    source: S32,
  },
  {
    code: "A12",
    id: "belonging",
    title: "Run activities to promote local sense of belonging",
    variants: [],
    alsoKnownAs: [],
    source: S32,
  },
  {
    code: "A13",
    id: "empowerment",
    title: "Run activities to empower people in the local community",
    variants: [
      {
        text: "Engage people in the local community",
        issues: ["I06"],
        // Decision A13: the loosest match; mapped to A13 as an interpretation and flagged.
        interpretive: true,
        note: "Decision A13: the only D1 wording not otherwise in the 20-action list; mapped to A13 because it shares the object \"people in the local community\". It could be read as a separate community-engagement action.",
        source: D1,
      },
      {
        text: "Undertake activities to encourage empowerment of people in the local community",
        issues: ["I10", "I17", "I21"],
        source: D1,
      },
    ],
    alsoKnownAs: [],
    source: S32,
  },
  {
    code: "A14",
    id: "vcs",
    title: "Strengthen the local VCS",
    variants: [{ text: "Strengthen VCS", issues: ["I21"], source: D1 }],
    alsoKnownAs: [],
    source: S32,
  },
  { code: "A15", id: "media", title: "Work with local media", variants: [], alsoKnownAs: [], source: S32 },
  {
    code: "A16",
    id: "neighbourhood_policing",
    title: "Work with local neighbourhood policing teams",
    variants: [],
    alsoKnownAs: [],
    source: S32,
  },
  {
    code: "A17",
    id: "neutral_spaces",
    title: "Work with local partners to identify ways of creating more safe neutral spaces",
    variants: [],
    alsoKnownAs: [],
    source: S32,
  },
  { code: "A18", id: "mentoring", title: "Use mentoring and buddying techniques", variants: [], alsoKnownAs: [], source: S32 },
  {
    code: "A19",
    id: "tension_monitoring",
    title: "Use tension monitoring and contingency planning guidance",
    variants: [],
    alsoKnownAs: [],
    source: S32,
  },
  { code: "A20", id: "translation_guidance", title: "Use translation guidance", variants: [], alsoKnownAs: [], source: S32 },
];

/** Action codes in document order (A01–A20). */
export const ACTION_CODES: readonly ActionCode[] = ACTIONS.map((action) => action.code);
