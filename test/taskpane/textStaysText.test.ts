// Text the pane writes stays text in Excel: Range.values reads a string as typed (the stand-in models it,
// src/preview/standIn/typedEntry.ts), so the pane writes such text with a leading apostrophe (cells.ts asCellValue),
// which Excel does not keep in the value: reading the cell back gives the text as written.
import { ExcelStandIn } from "../../src/preview/standIn";
import { createAnalysisTools } from "../../src/taskpane/excel";
import { asCellValue, asCellValues } from "../../src/taskpane/excel/cells";

/** Periods, codes, references, notes and labels Excel would otherwise turn into numbers, dates, booleans or formulas. */
const RETYPED = ["2008-09", "01", "4.10", "12%", "1,000", "TRUE", "false", "1/2", "Sep 2008", "1 Sep 2008", "10:30", "-note", "+44 20", "=A1", "@x", "'quoted", "#N/A", " 7", "£120", "(5)", ".5"];
const PLAIN = ["Ashbury", "Band 1", "Recommendation", "May", "One in five", "Notes: see 4.10"];

describe("asCellValue", () => {
  it("puts an apostrophe before text Excel would read as something else, and nowhere else", () => {
    for (const t of RETYPED) expect(asCellValue(t)).toBe(`'${t}`);
    for (const t of PLAIN) expect(asCellValue(t)).toBe(t);
    expect(asCellValue(4.1)).toBe(4.1);
    expect(asCellValue(null)).toBe("");
    expect(asCellValues([["01", 1, null]])).toEqual([["'01", 1, ""]]);
  });
});

describe("a sheet the pane writes", () => {
  it("keeps every such text as text, read back exactly as given, with no number format of Excel's", async () => {
    const x = new ExcelStandIn().addSheet("Indicators");
    const tools = createAnalysisTools(x.run);
    const rows = RETYPED.map((t, i) => [i + 1, t]);
    const out = await tools.insertTableSheet("Texts", [["Period", "2008-09"], ["Code", "01"]], ["No.", "Text"], rows);
    expect(out).toEqual({ sheet: "Texts" });
    expect(x.getValues("Texts", "A1:B2")).toEqual([["Period", "2008-09"], ["Code", "01"]]);
    const body = x.getValues("Texts", `A5:B${4 + RETYPED.length}`);
    expect(body).toEqual(rows);
    RETYPED.forEach((_, i) => expect(x.cell("Texts", `B${5 + i}`).formula).toBeUndefined());
    expect(x.cell("Texts", "B2").numberFormat).toBeUndefined();
  });
});
