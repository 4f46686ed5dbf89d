/**
 * 'Our Shared Future' (Commission on Integration and Cohesion, June 2007): its 57 recommendations, as
 * data. See docs/sources.md (REC).
 */
export * from "./recommendations";
