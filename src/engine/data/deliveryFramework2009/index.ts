/**
 * Cohesion Delivery Framework – Overview (CLG, January 2009), as data: Table 1 and the family groups,
 * the §3.2 actions, Annex C advice, Annex D Table D1, Annex E guidance, Annex F lessons, Tables 2–5
 * and Annex A. See docs/sources.md.
 */
export * from "./familyTypes";
export * from "./issues";
export * from "./actions";
export * from "./universal";
export * from "./issueActions";
export * from "./avoid";
export * from "./familyGroupAdvice";
export * from "./guidance";
export * from "./planLessons";
export * from "./influences";
export * from "./annexB";
