/**
 * Editing a preview cell: what the user typed as a cell value, and the text a cell shows for editing
 * (Excel's rules: numbers with separators and %, TRUE/FALSE, a leading apostrophe keeps text).
 */
import { numberText } from "../engine/excelText";

/** What the user typed, as a cell value: numbers (1,234.5, 12%), TRUE/FALSE, text ('= keeps it text). */
export function parseInput(text: string): unknown {
  if (text.startsWith("'")) return text.slice(1);
  const t = text.trim();
  const n = numberText(t);
  if (n) return n.percentSign ? n.value / 100 : n.value;
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === "TRUE";
  return text;
}

/** The text a cell holds for editing: its formula, else its value as typed. */
export function editText(value: unknown, formula: string | undefined): string {
  if (formula) return formula;
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string" && /^[=+\-@']/.test(value)) return `'${value}`;
  return String(value);
}

export interface Editing {
  text: string;
  /** The cell's text when the edit began: committing it unchanged writes nothing. */
  original: string;
  /** Where the user types: in the cell, or in the formula bar. */
  where: "cell" | "bar";
}
