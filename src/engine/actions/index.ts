/**
 * The action recommender: the CDF (2009) issue → action data, family-group advice, Annex E guidance,
 * Annex F planning lessons, the LGA 2019 guide's actions and case studies, and the pure functions
 * over them (resolveIssue, recommendActions, detectIssues, lookups).
 */
export * from "./types";
export * from "./issues";
export * from "./actions";
export * from "./universal";
export * from "./issueActions";
export * from "./avoid";
export * from "./familyGroupAdvice";
export * from "./guidance";
export * from "./planLessons";
export * from "./influences";
export * from "./indicators";
export * from "./lga2019";
export * from "./lookup";
export * from "./recommend";
export * from "./detect";
export * from "./plan";
export * from "./area";
