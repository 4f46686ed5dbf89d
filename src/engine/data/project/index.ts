/**
 * This project's own data, from no document: the header synonyms the table readers accept, the
 * indicators the issue detector reads, and the LGA issue list with its links from Table D1 issues
 * (each link documented as this add-in's inference).
 */
export * from "./headers";
export * from "./indicators";
export * from "./lgaIssues";
