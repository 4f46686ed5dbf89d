/**
 * National survey figures (Citizenship Survey, Place Survey, Community Life Survey, and those quoted
 * in the 2007–09 documents), as data. The lookups over them are in src/engine/stats/benchmarks.ts.
 */
export * from "./benchmarks";
