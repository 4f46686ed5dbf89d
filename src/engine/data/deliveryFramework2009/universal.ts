/**
 * The five actions every area should consider. They appear in CDF §3.2 and again, with identical
 * bullets, at the start of Annex D. None of them appears in Table D1, so the recommender always
 * returns them apart from the issue-driven actions and never ranks them.
 *
 * CDF §3.2: "There are some actions which are relevant to the majority of cohesion issues and so we
 * would suggest that all local areas consider undertaking them". Annex D: "…relevant to the majority
 * of problems…".
 * @see CDF §3.2; CDF Annex D
 */
import type { Source } from "../../types";
import type { UniversalAction } from "../../recommender/types";

const SRC: Source = { doc: "CDF", ref: "§3.2 Targeted Actions; Annex D" };

/** U1–U5, verbatim, in document order. Ids are this add-in's (stable). */
export const UNIVERSAL_ACTIONS: readonly UniversalAction[] = [
  { code: "U1", id: "leadership", title: "Local authority and other local leaders to provide leadership", source: SRC },
  { code: "U2", id: "local_vision", title: "Develop and market a local vision", source: SRC },
  { code: "U3", id: "myth_busting_comms", title: "Communication with local communities to address myths", source: SRC },
  { code: "U4", id: "interaction_schemes", title: "Schemes to promote interaction", source: SRC },
  { code: "U5", id: "cohesion_impact_assessment", title: "Using a cohesion impact assessment for any proposed change", source: SRC },
];
