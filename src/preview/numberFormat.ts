/**
 * Cell text in the preview: a value under its Excel number format, by numfmt (Excel's format grammar in
 * full: sections for negatives and zero, [$£-809] currency, dates, text "@"), with the UK locale.
 * The preview only (dev); the production bundles never import it (test/build/preview-exclusion.test.ts).
 */
import { format as excelFormat } from "numfmt";

/** The text a cell shows for a value under a number format (General when it has none or numfmt cannot read it). */
export function formatValue(v: unknown, format?: string): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v !== "number" && typeof v !== "boolean") return String(v);
  try {
    return excelFormat(format || "General", v, { locale: "en-GB" });
  } catch {
    return excelFormat("General", v, { locale: "en-GB" }); // a format Excel would refuse: show the value
  }
}
