/**
 * Excel custom functions (namespace COHESION, from manifest.xml): the functions' entry point.
 * The functions live by job, one file each, every one listed in scripts/function-sources.js (the
 * metadata plugin reads their JSDoc, the Excel contract, into functions.json and registers each):
 *   typology.ts  FAMILYTYPE, FAMILYGROUP, FAMILYTYPE.EXPLAIN, TYPEINFO
 *   abg.ts       ABG.BAND, ABG.ALLOCATION, ABG.RANGE, ABG.EXPLAIN, ABG.SUMMARY
 *   stats.ts     SURVEYCI, COMPARE, BENCHMARK, NEIGHBOURS, DISSIMILARITY, TYPEMIX
 *   actions.ts   ISSUES, ACTIONS
 *   area.ts      AREA (an area's card, an entity value; the type number without data types)
 * Each function is a declaration for the generic adapter (./adapter.ts, excelFunction): its range
 * arguments, its options, the engine call and how the answer spills; the adapter reads the arguments'
 * shape, calls src/engine and maps failures to CustomFunctions.Error, the same way for every function.
 * Every range argument accepts a single cell or a whole column and spills results of the same
 * shape in one call (one spilled formula instead of thousands avoids Excel's #BUSY! trap).
 */
export * from "./typology";
export * from "./abg";
export * from "./stats";
export * from "./actions";
export * from "./area";
