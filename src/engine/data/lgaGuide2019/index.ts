/** Building cohesive communities – an LGA guide (LGA, March 2019), as data. See docs/sources.md. */
export * from "./sections";
export * from "./recommendations";
export * from "./caseStudies";
