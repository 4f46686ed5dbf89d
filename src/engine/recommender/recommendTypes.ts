/**
 * What the action recommender (recommend.ts) takes and returns: its options, the ranked actions
 * of the 2009 framework and of the LGA 2019 guide, guidance, case studies and the whole recommendation.
 */
import type { Source } from "../types";
import type { FamilyGroup } from "../data/deliveryFramework2009/familyTypes";
import type { IssueSummary, LgaIssueSummary } from "./lookup";
import type { ActionCode, AvoidCode, FamilyGroupAdvice, GuidanceLink, IssueCode, LgaRecommendation, UniversalCode } from "./types";

/** Which documents to recommend from. */
export type RecommendSource = "cdf2009" | "all";
export const RECOMMEND_SOURCES: readonly RecommendSource[] = ["cdf2009", "all"];

export interface RecommendOptions {
  /** Annex C family group whose advice to include. */
  group?: FamilyGroup;
  /** "cdf2009" (default): the framework alone. "all": also the LGA 2019 guide. */
  source?: RecommendSource;
}

/** A 2009 action in the ranking. */
export interface RankedCdfAction {
  origin: "cdf2009";
  /** 1-based position in `actions`. */
  rank: number;
  code: ActionCode;
  id: string;
  /** Canonical §3.2 wording. */
  title: string;
  /** Selected issues whose D1 row lists the action, in document order. */
  issues: IssueCode[];
  /** Number of selected issues listing it (the score). */
  count: number;
  /** The wording each of those rows uses. */
  rowWordings: { issue: IssueCode; wording: string }[];
  source: Source;
}

/** An LGA 2019 action line or checklist in the ranking (source "all" only). */
/** How the selected issues reach an item of the LGA 2019 guide (an action line, a checklist or a case study). */
export interface LgaReach {
  /** Selected D1 issues that reach the item through the inferred D1 → LGA map. */
  issues: IssueCode[];
  /** Selected LGA issues (ISS-…, chosen directly) whose row in the LGA issue list names the item. */
  directIssues: string[];
  /** LGA issues (ISS-…) it is reached through, from the D1 map or chosen directly. */
  via: string[];
  /** Number of selected issues reaching it: `issues.length + directIssues.length`. */
  count: number;
  /**
   * True when only the inferred D1 → LGA map brings it in; false when a directly chosen LGA issue
   * lists it (the LGA issue list, no D1 → LGA inference).
   */
  inferred: boolean;
}

export interface RankedLgaAction extends LgaReach {
  origin: "lga2019";
  rank: number;
  code: string;
  id: string;
  kind: LgaRecommendation["kind"];
  title: string;
  wording: LgaRecommendation["wording"];
  section: string;
  items: LgaRecommendation["items"];
  source: Source;
}

export type RankedAction = RankedCdfAction | RankedLgaAction;

export interface ListedAction<C extends string> {
  code: C;
  id: string;
  title: string;
  source: Source;
}

/** Annex E guidance relating to a returned action or universal action. */
export interface GuidanceSuggestion {
  code: string;
  heading?: string;
  title: string;
  owner: string | null;
  url: string;
  historical: true;
  /** Links to the returned actions only. */
  relatesTo: GuidanceLink[];
  /** True when every link shown is inferred (none "stated"). */
  inferred: boolean;
  source: Source;
}

export interface RankedCaseStudy extends LgaReach {
  rank: number;
  code: string;
  id: string;
  title: string;
  place: string | null;
  section: string;
  themes: readonly string[];
  summary: string;
  source: Source;
}

export interface LgaIssueReached {
  id: string;
  title: string;
  /** Selected D1 issues that reach it through the inferred D1 → LGA map. */
  fromIssues: IssueCode[];
  /** True when the user chose this LGA issue directly. */
  selected: boolean;
  /** True when it is reached only through the inferred D1 → LGA map (not chosen directly). */
  inferred: boolean;
  source: Source;
}

export interface Recommendation {
  /** The selected Table D1 issues after resolution and de-duplication, in document order. */
  issues: IssueSummary[];
  /** Source "all" only: the LGA 2019 issues chosen directly (ISS-…), de-duplicated, in list order. */
  selectedLgaIssues?: LgaIssueSummary[];
  /** U1–U5, always, in document order; never ranked. */
  universal: ListedAction<UniversalCode>[];
  /** 2009 actions ranked; with source "all", LGA items after them. */
  actions: RankedAction[];
  /** X01–X11, always, in document order. */
  avoid: ListedAction<AvoidCode>[];
  /** Annex C advice, when a group was given. */
  group?: FamilyGroupAdvice;
  /** Annex E items relating to the returned CDF actions or U1–U5 (historical links). */
  guidance: GuidanceSuggestion[];
  /** Returned CDF actions with no (or only weak) Annex E guidance (inferred). */
  noGuidanceListed: { code: ActionCode; note: string; inferred: true }[];
  /** Source "all" only. */
  caseStudies?: RankedCaseStudy[];
  /** Source "all" only: LGA issues reached from the selection (through the D1 map or chosen directly). */
  lgaIssues?: LgaIssueReached[];
  /** Source "all" only: selected issues with no LGA counterpart. */
  unmappedToLga?: IssueCode[];
  source: RecommendSource;
  /** The ranking rule in one sentence, for display. */
  rankingRule: string;
}

