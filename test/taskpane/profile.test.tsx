/**
 * The area profile sheet (issue 16.2, src/taskpane/excel/profile.ts) against the in-memory stand-in: the
 * first write makes a finished sheet "Profile <area>"; a re-run updates the toolkit's own cells in place and
 * keeps the Local knowledge the user typed; a toolkit cell the user changed is replaced only when the user
 * confirms; a profile sheet reshaped by the user (or a sheet of theirs under the name) is left as it is.
 * The Action plan view offers the action (server-side rendering).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { renderToString } from "react-dom/server";
import { ANNEX_B_ITEMS, PROFILE_COLUMNS, annexBProfile, subjectFromTable, type AnnexBProfile } from "../../src/engine";
import { ExcelStandIn } from "../../src/preview/standIn";
import { ActionPlan } from "../../src/taskpane/components/ActionPlan";
import { createActionPlanTools, type ProfileWriteOutcome } from "../../src/taskpane/excel";

const HEADERS = ["Area", "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10,000", "Jobs 1984", "Belonging", "Sample size"];
const ROWS: (string | number)[][] = [
  ["Ashbury", 59, 2, 20, 10, 12, 500, 48, 1100],
  ["Brindle", 70, 2, 22, 12, 10, 400, 60, 900],
  ["Calder", 81, 1.5, 35, 60, 3, 0, 65, 1000],
];
const SHEET = "Profile Ashbury";
const TOP = 6; // the table's header row (1-based): four header rows, one blank row
const LAST = TOP + 4 + ANNEX_B_ITEMS.length;
const col = (c: (typeof PROFILE_COLUMNS)[number]) => String.fromCharCode(65 + PROFILE_COLUMNS.indexOf(c));
const rowOfCode = (code: string) => TOP + 1 + ["F1", "F2", "F3", "F4", ...ANNEX_B_ITEMS.map((i) => i.code)].indexOf(code);

function profile(rows = ROWS): AnnexBProfile {
  const p = annexBProfile(subjectFromTable(HEADERS, rows, 0, { from: "Table Indicators, row 2" }), { date: "2026-12-07" });
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}
function book() {
  const x = new ExcelStandIn();
  x.addSheet("Indicators").setValues("Indicators", "A1", [HEADERS, ...ROWS]);
  return { x, tools: createActionPlanTools(x.run) };
}
const written = (o: ProfileWriteOutcome) => {
  if ("error" in o) throw new Error(o.error);
  if (o.status !== "written") throw new Error(o.message);
  return o;
};

describe("the area profile sheet", () => {
  it("first write: a new finished sheet, header block, the table with every Annex B item and an empty Local knowledge column", async () => {
    const { x, tools } = book();
    const out = written(await tools.writeProfile(profile()));
    expect(out).toMatchObject({ sheet: SHEET, updated: false });
    expect(x.sheetNames()).toEqual(["Indicators", SHEET]);
    expect(String(x.getValues(SHEET, "A1")[0][0])).toMatch(/^Area profile: Ashbury/);
    expect(x.getValues(SHEET, `A${TOP}:H${TOP}`)).toEqual([[...PROFILE_COLUMNS]]);
    const body = x.getValues(SHEET, `A${TOP + 1}:H${LAST}`);
    expect(body.map((r) => r[0])).toEqual(["F1", "F2", "F3", "F4", ...ANNEX_B_ITEMS.map((i) => i.code)]);
    expect(body.every((r) => r[7] === "")).toBe(true);
    expect(String(x.getValues(SHEET, `${col("Workbook evidence")}${rowOfCode("B-A2")}`)[0][0])).toMatch(/^belonging: 48%/);
    const look = x.sheetLook(SHEET);
    expect(look.frozenRows).toBe(TOP);
    expect(look.tables).toHaveLength(1);
    expect(look.tables[0].address).toBe(`A${TOP}:H${LAST}`);
    expect(x.selection()).toEqual({ sheet: SHEET, address: "A1" });
    expect(x.getValues("Indicators", "A2:B2")).toEqual([["Ashbury", 59]]);
  });

  it("a re-run updates the toolkit's cells in place, without asking, and keeps the Local knowledge typed", async () => {
    const { x, tools } = book();
    written(await tools.writeProfile(profile()));
    const lk = `${col("Local knowledge")}${rowOfCode("B-C9")}`;
    x.setValues(SHEET, lk, [["The ring road cuts the east estates off"]]);
    // The data change: belonging is now 62.
    const rows = ROWS.map((r, i) => (i === 0 ? [...r.slice(0, 7), 62, r[8]] : r));
    const out = written(await tools.writeProfile(profile(rows)));
    expect(out).toMatchObject({ sheet: SHEET, updated: true });
    expect(x.sheetNames()).toEqual(["Indicators", SHEET]);
    expect(x.getValues(SHEET, lk)).toEqual([["The ring road cuts the east estates off"]]);
    expect(String(x.getValues(SHEET, `${col("Workbook evidence")}${rowOfCode("B-A2")}`)[0][0])).toMatch(/^belonging: 62%/);
  });

  it("a toolkit cell the user changed is named and replaced only when the user confirms", async () => {
    const { x, tools } = book();
    written(await tools.writeProfile(profile()));
    const cell = `${col("Workbook evidence")}${rowOfCode("B-C4")}`;
    x.setValues(SHEET, cell, [["Tension reports: see the police briefing"]]);
    const ask = await tools.writeProfile(profile());
    expect(ask).toMatchObject({ status: "needsConfirmation", sheet: SHEET, cells: [cell] });
    expect("message" in ask && ask.message).toMatch(/1 cell\(s\) .* changed since it was written \(E\d+\)/);
    expect(x.getValues(SHEET, cell)).toEqual([["Tension reports: see the police briefing"]]);
    written(await tools.writeProfile(profile(), { confirmOverwrite: true }));
    expect(String(x.getValues(SHEET, cell)[0][0])).toMatch(/^Nothing in the workbook/);
  });

  it("a profile sheet reshaped by the user, or a sheet of theirs under the name, is left as it is: the profile goes to a new sheet", async () => {
    const { x, tools } = book();
    x.addSheet(SHEET).setValues(SHEET, "A1", [["my own notes"]]);
    const out = written(await tools.writeProfile(profile()));
    expect(out.sheet).toBe(`${SHEET} 2`);
    expect(out.note).toMatch(/left as it is/);
    expect(x.getValues(SHEET, "A1:B1")).toEqual([["my own notes", ""]]);
    // Sorting the second profile's rows changes its shape: a third sheet, the second untouched.
    const second = `${SHEET} 2`;
    const first = x.getValues(second, `A${TOP + 1}:H${TOP + 1}`);
    x.setValues(second, `A${TOP + 1}`, x.getValues(second, `A${TOP + 2}:H${TOP + 2}`));
    x.setValues(second, `A${TOP + 2}`, first);
    const again = written(await tools.writeProfile(profile()));
    expect(again.sheet).toBe(`${SHEET} 3`);
    expect(x.getValues(second, `A${TOP + 1}`)).toEqual([["F2"]]);
    // Written again: the newest profile of the area is updated in place, no fourth sheet.
    expect(written(await tools.writeProfile(profile()))).toMatchObject({ sheet: `${SHEET} 3`, updated: true });
    expect(x.sheetNames()).toEqual(["Indicators", SHEET, second, `${SHEET} 3`]);
  });

  it("two areas whose sheet names share their first 31 characters get a sheet each, and each re-run finds its own", async () => {
    const long = ["Kings Langley and Abbots Hill Parish", "Kings Langley and Abbots Hill Village"];
    const rows = long.map((n, i) => [n, 70 + i, 2, 20, 10, 12, 500, 48, 1000]);
    const x = new ExcelStandIn();
    const tools = createActionPlanTools(x.run);
    const of = (i: number) => {
      const p = annexBProfile(subjectFromTable(HEADERS, rows, i), { date: "2026-12-07" });
      if (!p.ok) throw new Error(p.error.message);
      return p.value;
    };
    const a = written(await tools.writeProfile(of(0)));
    const b = written(await tools.writeProfile(of(1)));
    expect(a.sheet).toBe("Profile Kings Langley and Abbot");
    expect(b.sheet).toBe("Profile Kings Langley and Abb 2");
    expect(b.note).toMatch(/not this area's profile/);
    x.setValues(a.sheet, `H${rowOfCode("B-C9")}`, [["Parish notes"]]);
    expect(written(await tools.writeProfile(of(1)))).toMatchObject({ sheet: b.sheet, updated: true });
    expect(written(await tools.writeProfile(of(0)))).toMatchObject({ sheet: a.sheet, updated: true });
    expect(x.getValues(a.sheet, `H${rowOfCode("B-C9")}`)).toEqual([["Parish notes"]]);
    expect(x.getValues(b.sheet, `H${rowOfCode("B-C9")}`)).toEqual([[""]]);
  });

  it("the Action plan view offers the area profile, citing Annex B", () => {
    const html = renderToString(
      <FluentProvider theme={webLightTheme}>
        <ActionPlan tools={null} initial={{ typed: { name: "Ashbury", score: "59" } }} today={() => "2026-12-07"} />
      </FluentProvider>,
    );
    expect(html).toContain("Area profile (the Annex B mapping exercise)");
    expect(html).toMatch(/Local cohesion mapping exercise&rdquo; \(pp\. 27–32\)|Local cohesion mapping exercise” \(pp\. 27–32\)/);
    expect(html).toMatch(/<button[^>]*disabled[^>]*>Write area profile<\/button>/);
  });
});
