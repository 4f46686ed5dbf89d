/** The engine's public API: the framework as typed data and pure functions. */
export * from "./types";
export * from "./a1";
export * from "./excelText";
export * from "./input";
export * from "./familyType";
export * from "./abg";
export * from "./columns";
export * from "./table";
export * from "./resultBlock";
export * from "./typeMix";
export * from "./data/deliveryFramework2009/familyTypes";
export * from "./data/govResponse2008/abgBands";
export { DATA_VERSION } from "./version";
export { fmtGbpMillions } from "./format";
export * from "./stats";
export * from "./recommender";
export * from "./commission";
