/**
 * Editing a preview cell: the text a cell shows for editing, and the edit in progress. What typed text
 * becomes is the stand-in's rule, the one Range.values follows (ExcelStandIn.enterText, typedEntry.ts).
 */
import { typedEntry } from "./standIn/typedEntry";

/** The text a cell holds for editing: its formula, else its value as typed. */
export function editText(value: unknown, formula: string | undefined): string {
  if (formula) return formula;
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // Text that typing would turn into something else ("4.10", "2008-09", "=x") shows with its apostrophe, as Excel's formula bar does.
  if (typeof value === "string" && (/^[=+\-@']/.test(value) || typedEntry(value) !== null)) return `'${value}`;
  return String(value);
}

export interface Editing {
  text: string;
  /** The cell's text when the edit began: committing it unchanged writes nothing. */
  original: string;
  /** Where the user types: in the cell, or in the formula bar. */
  where: "cell" | "bar";
}
