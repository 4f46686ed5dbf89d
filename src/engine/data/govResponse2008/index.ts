/**
 * The Government's Response to the Commission on Integration and Cohesion (CLG, February 2008), as
 * data: the Area Based Grant score bands and programme figures, the answer to each of the
 * Commission's 57 recommendations (Section 4), and the Secretary of State's five priority actions
 * (letter of October 2007, the response's first element). See docs/sources.md.
 */
export * from "./abgBands";
export * from "./responses";
export * from "./sosPriorities";
