/**
 * This project's own data, from no document: the header synonyms the table readers accept and the
 * indicators the issue detector reads (with their links to Table D1 issues, documented as decisions).
 */
export * from "./headers";
export * from "./indicators";
