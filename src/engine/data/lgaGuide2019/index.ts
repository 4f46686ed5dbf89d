/** Building cohesive communities – an LGA guide (LGA, 2019), as data. See docs/sources.md. */
export * from "./lga2019";
