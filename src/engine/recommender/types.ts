/**
 * Types of the action recommender: the CDF (January 2009) issue → action data, the family-group
 * advice, the Annex E guidance, and the LGA 2019 guide's issues, actions and case studies.
 *
 * Every data item carries a {@link Source}. Wording marked "verbatim" is the document's own text,
 * character for character (including its errors, flagged `sic`).
 */
import type { Source } from "../types";
import type { FamilyGroup, FamilyType } from "../data/deliveryFramework2009/familyTypes";

/** Table D1 issues, in document order (CDF Annex D). */
export type IssueCode =
  | "I01" | "I02" | "I03" | "I04" | "I05" | "I06" | "I07" | "I08" | "I09" | "I10" | "I11" | "I12"
  | "I13" | "I14" | "I15" | "I16" | "I17" | "I18" | "I19" | "I20" | "I21" | "I22" | "I23";

/** The 20 specific actions of CDF §3.2, in document order. */
export type ActionCode =
  | "A01" | "A02" | "A03" | "A04" | "A05" | "A06" | "A07" | "A08" | "A09" | "A10"
  | "A11" | "A12" | "A13" | "A14" | "A15" | "A16" | "A17" | "A18" | "A19" | "A20";

/** The five actions "all local areas consider undertaking" (CDF §3.2 and Annex D). */
export type UniversalCode = "U1" | "U2" | "U3" | "U4" | "U5";

/** The 11 "actions and approaches which experience suggests should be avoided" (CDF §3.2). */
export type AvoidCode = "X01" | "X02" | "X03" | "X04" | "X05" | "X06" | "X07" | "X08" | "X09" | "X10" | "X11";

export interface Issue {
  code: IssueCode;
  /** Stable snake_case id. Never changes. */
  id: string;
  /** "Issue Identified", verbatim as printed in Table D1 (including any error, see `sic`). */
  title: string;
  /** True where the printed title contains an error that is kept as printed. */
  sic?: true;
  /** This add-in's reading of a `sic` title (not the document's words). */
  correctedTitle?: string;
  source: Source;
}

/** A wording of an action that Table D1 uses in some rows instead of the §3.2 list wording. */
export interface WordingVariant {
  /** Verbatim, as printed in Table D1. */
  text: string;
  /** The D1 rows that print this wording. */
  issues: readonly IssueCode[];
  /** True where mapping the wording to the action is an interpretation (decision A13). */
  interpretive?: true;
  note?: string;
  source: Source;
}

/** Another name the documents use for the same idea; informative only. */
export interface AlsoKnownAs {
  text: string;
  source: Source;
}

export interface Action {
  code: ActionCode;
  /** Stable canonical id. */
  id: string;
  /** Canonical wording: the §3.2 list, verbatim. */
  title: string;
  /** Row-specific Table D1 wordings that differ from `title`. */
  variants: readonly WordingVariant[];
  alsoKnownAs: readonly AlsoKnownAs[];
  source: Source;
}

export interface UniversalAction {
  code: UniversalCode;
  id: string;
  /** Verbatim (CDF §3.2 and Annex D print identical bullets). */
  title: string;
  source: Source;
}

/** One issue → action pair of Table D1, in document order. */
export interface IssueActionPair {
  issue: IssueCode;
  action: ActionCode;
  /** 1-based position of the action within its D1 row (document order, not a priority: decision A14). */
  position: number;
  /** The row's own wording, verbatim. */
  wording: string;
  /** True when `wording` differs from the action's canonical §3.2 title. */
  variant: boolean;
  /** True where the pairing itself is an interpretation (I06 "Engage people in the local community" → A13). */
  interpretive?: true;
  source: Source;
}

export interface AnnexCCrossRef {
  group: FamilyGroup;
  /** How the Annex C "less well" bullet relates to the §3.2 wording. */
  relation: "same idea, different wording" | "shortened" | "identical" | "similar";
  /** The Annex C bullet, verbatim. */
  text: string;
}

export interface ApproachToAvoid {
  code: AvoidCode;
  /** Stable id chosen by this add-in (the documents give none). */
  id: string;
  /** Verbatim (CDF §3.2). */
  title: string;
  alsoInAnnexC: readonly AnnexCCrossRef[];
  source: Source;
}

export interface FamilyGroupAdvice {
  group: FamilyGroup;
  /** "Family group" for a)–d), "Thematic group" for e). */
  kind: "Family group" | "Thematic group";
  /** Heading, verbatim: kind + letter + name. */
  heading: string;
  /** The group's name after the letter, verbatim. */
  name: string;
  /** Table 1 types the group is drawn from. */
  types: readonly FamilyType[];
  /** "What works well", verbatim, in document order. */
  worksWell: readonly string[];
  /** "Where things work less well", verbatim, in document order. */
  worksLessWell: readonly string[];
  /** Editorial notes (joins, cross-references); not document wording. */
  notes: readonly string[];
  source: Source;
}

/**
 * How a guidance item is linked to an action. The documents never link Annex E items to actions,
 * except where the action's own wording names the guidance ("stated"); every other link is
 * inferred.
 */
export type GuidanceLinkBasis =
  | "stated"
  | "inferred" // from the heading or title
  | "inferred-heading" // from the Annex E heading only
  | "inferred-title" // from the item's title only
  | "inferred-weak"; // a weak inference

export interface GuidanceLink {
  code: ActionCode | UniversalCode;
  basis: GuidanceLinkBasis;
  /** False only for `basis: "stated"`. */
  inferred: boolean;
}

export interface GuidanceItem {
  /** E01–E20 for "Current guidance"; R1–R8 for the other key sources listed before it. */
  code: string;
  kind: "current-guidance" | "other-source";
  /** Annex E heading (category), verbatim; absent for the other sources. */
  heading?: string;
  title: string;
  /** False where the document gives no title and `title` is a description. */
  titleVerbatim: boolean;
  /** Owner/publisher as printed in brackets; null where the document names none. */
  owner: string | null;
  /** URL as printed (2009-era; may carry OCR errors such as "pagelId"; decision A24). */
  url: string;
  /** Always true: the links date from January 2009 and may be offline. Do not auto-fetch. */
  historical: true;
  relatesTo: readonly GuidanceLink[];
  notes: readonly string[];
  source: Source;
}

/** An action with no (or only weak) guidance in Annex E. */
export interface NoGuidanceNote {
  code: ActionCode;
  note: string;
  inferred: true;
  source: Source;
}

export type PlanLessonList = "keyQuestions" | "implementationPlan" | "projectManagement" | "other";

export interface PlanLesson {
  code: string;
  list: PlanLessonList;
  /** Verbatim. */
  text: string;
  source: Source;
}

// ---------------------------------------------------------------------------------------------
// Influences (CDF Part Two Tables 2–5; Annex A Tables A1–A4)

export type InfluenceTable = "T2" | "T3" | "T4" | "T5";

export interface Influence {
  /** e.g. "T4.3" = Table 4, third row. */
  code: string;
  table: InfluenceTable;
  /** Verbatim row label. */
  influence: string;
  /** Verbatim "Positive" cell. */
  positive: string;
  /** Verbatim "Negative" cell. */
  negative: string;
  /** D1 issues this influence points to. */
  issues: readonly IssueCode[];
  /** Issues given in brackets (secondary, or conditional; see `issuesNote`). */
  alsoConsider: readonly IssueCode[];
  issuesNote?: string;
  /** Always true: the CDF itself links no influence to a Table D1 issue. */
  linkInferred: true;
  source: Source;
}

export type AnnexATable = "A1" | "A2" | "A3" | "A4";

export interface AnnexAEntry {
  table: AnnexATable;
  effect: "positive" | "negative" | "noEffect";
  /** Verbatim cell text. */
  text: string;
  source: Source;
}

// ---------------------------------------------------------------------------------------------
// Indicators for survey-driven issue detection

export type IndicatorId =
  | "ni1_getonwell"
  | "ni2_belonging"
  | "ni4_influence"
  | "meaningful_interaction"
  | "respect_ethnic_difference"
  | "views_on_migration"
  | "trust_others"
  | "trust_institutions"
  | "fear_of_crime"
  | "feel_safe"
  | "friends_other_ethnic"
  | "pulling_together"
  | "formal_volunteering"
  | "new_migrants_a8"
  | "area_quality"
  | "facilities"
  | "crime_rate"
  | "asb_problem"
  | "rural_population";

export type IndicatorPolarity = "higherIsBetter" | "lowerIsBetter" | "none";

export type IndicatorUnit = "%" | "per 10,000" | "per 1,000";

export interface IndicatorBenchmark {
  id: string;
  value: number;
  /** Population and period, as the source states them. */
  label: string;
  source: Source;
}

export interface IndicatorDef {
  id: IndicatorId;
  /** Short name used in reasons ("belonging 48.0% vs national 59%"). */
  label: string;
  /** What the number measures. */
  measure: string;
  unit: IndicatorUnit;
  polarity: IndicatorPolarity;
  /** Issues suggested when the indicator is worse than the comparator. */
  issues: readonly IssueCode[];
  /** Issues named in brackets by the influence link: added to the suggestion as "also consider". */
  alsoConsider: readonly IssueCode[];
  /** Where the issue link comes from: the influence links (inferred), or this add-in's own decision (documented). */
  linkBasis: "influence link [inferred]" | "decision";
  linkNote?: string;
  /** Influence row (Tables 2–5) the indicator measures, if any. */
  influence?: string;
  /** National figures, default first. Empty when the sources give none (then no national comparison). */
  nationalBenchmarks: readonly IndicatorBenchmark[];
  /** True only for NI 1: CDF Table 1 gives type averages for perception of cohesion only. */
  familyTypeComparator: boolean;
  source: Source;
}

// ---------------------------------------------------------------------------------------------
// LGA 2019 guide

export interface LgaSection {
  /** This add-in's stable key for the section (BG, LL.2, KT.5, SA.3, TE.1 …). */
  key: string;
  /** Heading, verbatim (contents page). */
  heading: string;
  /** First page, as the contents page prints it. */
  page: number;
  /** "pp. 29–30": from the first page to the page the next contents entry starts on. */
  pages: string;
  source: Source;
}

export interface LgaRecommendation {
  /** This add-in's key: "A-KT2-04" for action lines, "CL-…" for checklists. */
  code: string;
  /** "LGA-" + code. */
  id: string;
  kind: "action" | "checklist";
  /** Guide section key (LL.1, KT.2 …). */
  section: string;
  /** For actions: leadership role label in LL ("place", "community", "political"). */
  label?: string;
  /**
   * A complete statement a user can act on: the action line (a close paraphrase, quoting the guide's
   * words in double quotes), or what the checklist's items are for. Never a fragment, a lead-in ending
   * in ":", or a citation: where it comes from is in `source`.
   */
  title: string;
  /** "paraphrase" for action lines; "verbatim" for checklists (their items). */
  wording: "paraphrase" | "verbatim";
  /** Checklist items or the action line's verbatim sub-list. */
  items: readonly LgaChecklistItem[];
  /** Order in the guide (section order, then order within the section): ties in rankings use this. */
  order: number;
  source: Source;
}

export interface LgaChecklistItem {
  /** Verbatim. */
  text: string;
  /** Sub-heading inside the list, e.g. the commissioning stage "Analyse". */
  group?: string;
}

/** An issue of this add-in's LGA issue list (data/project/lgaIssues.ts): this project's design over the guide. */
export interface LgaIssue {
  id: string; // ISS-01 …
  /** Issue wording (this project's, not the guide's words). */
  title: string;
  /** What signals the issue: a data indicator (described in words) or a user flag. */
  signal: string;
  /** The actions it lists, as written when the list was designed (ranges such as "A-SA3-01..07"). */
  actionRefs: string;
  /** `actionRefs` expanded to recommendation codes (ranges like "A-SA3-01..07" expanded). */
  recommendations: readonly string[];
  /** Case studies (CS01…). */
  caseStudies: readonly string[];
  sections: readonly string[];
  origin: "project-design";
  source: Source;
}

/** The link from a CDF D1 issue to LGA 2019 issues: always inferred (the guide never mentions the CDF). */
export interface D1ToLgaLink {
  issue: IssueCode;
  lgaIssues: readonly string[];
  basis: string;
  inferred: true;
  source: Source;
}

export interface LgaCaseStudy {
  /** CS01 … CS64, in document order. */
  code: string;
  /** "LGA-CS01" … */
  id: string;
  /** Organisation / place and title (this add-in's summary of the case study). */
  title: string;
  /** The part before the colon, or the whole title. */
  organisation: string;
  /** Council or place (this add-in's short form of `organisation`); null where it names none. */
  place: string | null;
  /** Box heading in the guide, verbatim, where the case study is a titled box. */
  boxHeading?: string;
  format: "box" | "inline" | "inline list" | "inline quote";
  section: string;
  themes: readonly string[];
  summary: string;
  figures: string | null;
  /** Pages of its (first) section, as {@link LgaSection.pages}. */
  pages: string;
  /** LGA issues (ISS-…) of this add-in's list that list this case study. */
  lgaIssues: readonly string[];
  /** LGA action lines whose text cites this case study. */
  actions: readonly string[];
  source: Source;
}

