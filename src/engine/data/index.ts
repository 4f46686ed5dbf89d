/**
 * The framework's content, one folder per source document (docs/sources.md lists them), and the
 * project's own data (data/project). Pure data: the rules over it live in the engine's other modules
 * (familyType.ts, abg.ts, stats/, recommender/).
 */
export * from "./commission2007";
export * from "./govResponse2008";
export * from "./deliveryFramework2009";
export * from "./lgaGuide2019";
export * from "./surveySeries";
export * from "./project";
