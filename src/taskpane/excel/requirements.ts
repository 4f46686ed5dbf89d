/* global Office */

/**
 * Whether this Excel supports ExcelApi `version`. manifest.xml requires ExcelApi 1.7, so nothing newer
 * may be called unconditionally: such a call goes under `if (excelApiSupported("1.N")) …`, or after
 * `if (!excelApiSupported("1.N")) return …;`, with a message for the user on the other path (today:
 * data validation, ExcelApi 1.8, in insertTableSheet). test/manifest/requirementSets.test.ts finds every
 * Excel API member the pane uses and recognises these two shapes (with a literal version) as the guard.
 * Without Office.context (tests, a page outside Office) it answers true; the preview's stand-in answers
 * for what it implements (standInSupports).
 */
export function excelApiSupported(version: string): boolean {
  const requirements = typeof Office === "undefined" ? undefined : (Office.context?.requirements as Office.RequirementSetSupport | undefined);
  return typeof requirements?.isSetSupported === "function" ? requirements.isSetSupported("ExcelApi", version) : true;
}
