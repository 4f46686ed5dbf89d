/**
 * The action recommender: the pure functions over the framework's content (resolveIssue,
 * recommendActions, detectIssues, lookups, the action plan and the area profile). The content
 * itself is in src/engine/data; this module re-exports the parts the recommender serves.
 */
export * from "./types";
export * from "../data/deliveryFramework2009/issues";
export * from "../data/deliveryFramework2009/actions";
export * from "../data/deliveryFramework2009/universal";
export * from "../data/deliveryFramework2009/issueActions";
export * from "../data/deliveryFramework2009/avoid";
export * from "../data/deliveryFramework2009/familyGroupAdvice";
export * from "../data/deliveryFramework2009/guidance";
export * from "../data/deliveryFramework2009/planLessons";
export * from "../data/deliveryFramework2009/influences";
export * from "../data/project/indicators";
export { LGA_SECTIONS } from "../data/lgaGuide2019/sections";
export * from "../data/lgaGuide2019/recommendations";
export * from "../data/lgaGuide2019/caseStudies";
export * from "../data/project/lgaIssues";
export * from "./lookup";
export * from "./recommend";
export * from "./detect";
export * from "./plan";
export * from "./area";
