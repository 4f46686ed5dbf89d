/** Moved to src/preview/standIn/ (issue 14); this re-export goes once its last importers have moved. */
export * from "./standIn";
