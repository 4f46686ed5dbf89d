/**
 * The Government's Response to the Commission on Integration and Cohesion (CLG, February 2008), as
 * data: the Area Based Grant score bands and programme figures. See docs/sources.md.
 */
export * from "./abgBands";
