/**
 * The recommendations tracker sheet (issue 16.3, src/taskpane/excel/tracker.ts) against the in-memory
 * stand-in: the first run writes a new sheet with an Excel table named for the tracker, a row per
 * recommendation, the Status list and the Date check; a re-run matches rows by No. (the user re-sorted
 * them), updates only the engine's columns and keeps everything the user typed, their own column and row;
 * a changed cell of the engine's columns is overwritten only when the user confirms it.
 */
import { RECOMMENDATION_RECORDS, RECOMMENDATION_TRACKER_HEADER, recommendationRow } from "../../src/engine/commission";
import { TRACKER_COLUMNS, TRACKER_DATE_FROM, TRACKER_STATUSES, TRACKER_TABLE_NAME, TRACKER_TITLE, planTrackerUpdate, trackerRows } from "../../src/engine/recommendationTracker";
import { ExcelStandIn } from "../../src/preview/standIn";
import { createTrackerTools, type TrackerOutcome } from "../../src/taskpane/excel";

const SHEET = "Recommendations tracker";
const TOP = TRACKER_TITLE.length + 2; // the table's header row, 1-based (one blank row after the title rows)
const LAST = TOP + RECOMMENDATION_RECORDS.length; // its last body row
const col = (name: string) => String.fromCharCode(65 + TRACKER_COLUMNS.indexOf(name));
const END = col("Notes");

function book() {
  const x = new ExcelStandIn();
  x.addSheet("Indicators").setValues("Indicators", "A1", [["Area", "Score"], ["Ashbury", 59]]);
  return { x, tools: createTrackerTools(x.run) };
}

const written = (o: TrackerOutcome) => {
  if (o.status !== "written") throw new Error(`${o.status}: ${o.message}`);
  return o;
};

/** The tracker's body rows as the sheet holds them, keyed by No. */
function rowsByNumber(x: ExcelStandIn, end = END): Map<number, unknown[]> {
  return new Map(x.getValues(SHEET, `A${TOP + 1}:${end}${LAST}`).map((r) => [Number(r[0]), r]));
}

describe("the recommendations tracker: first write", () => {
  it("writes a new sheet: title rows, an Excel table named for the tracker, a row per recommendation, the user's columns empty", async () => {
    const { x, tools } = book();
    const out = written(await tools.writeTracker());
    expect(out).toMatchObject({ created: true, sheet: SHEET, address: `'${SHEET}'!A${TOP}:${END}${LAST}` });
    expect(out.warning).toBeUndefined();
    expect(x.sheetNames()).toEqual(["Indicators", SHEET]);
    expect(x.getValues(SHEET, "A1:A3").map((r) => r[0])).toEqual(TRACKER_TITLE.map((r) => r[0]));
    expect(x.getValues(SHEET, `A${TOP}:${END}${TOP}`)).toEqual([[...RECOMMENDATION_TRACKER_HEADER, "Status", "Owner", "Date", "Notes"]]);
    const table = x.model.sheet(SHEET)!.tables[0];
    expect(table.name).toBe(TRACKER_TABLE_NAME);
    expect(table.rect).toEqual({ row: TOP - 1, column: 0, rows: 58, columns: TRACKER_COLUMNS.length });
    // Every row: the engine's recommendationRow (No. as a number), then four empty cells.
    const body = x.getValues(SHEET, `A${TOP + 1}:${END}${LAST}`);
    expect(body).toHaveLength(57);
    RECOMMENDATION_RECORDS.forEach((r, i) => expect(body[i]).toEqual([r.number, ...recommendationRow(r).slice(1), "", "", "", ""]));
    // A report reference stays text ("4.10" is not the number 4.1).
    expect(body.every((r) => typeof r[1] === "string")).toBe(true);
    // The sheet is finished: the frozen header, the table style, the Date format; opened at A1.
    expect(x.sheetLook(SHEET).frozenRows).toBe(TOP);
    expect(x.cell(SHEET, `${col("Date")}${TOP + 1}`).numberFormat).toBe("yyyy-mm-dd");
    expect(x.selection()).toEqual({ sheet: SHEET, address: "A1" });
    // No cell of the other sheet changed.
    expect(x.getValues("Indicators", "A1:B2")).toEqual([["Area", "Score"], ["Ashbury", 59]]);
  });

  it("gives Status an in-cell list of the statuses and Date a date check, on every body row", async () => {
    const { x, tools } = book();
    written(await tools.writeTracker());
    for (const row of [TOP + 1, 30, LAST]) {
      expect(x.dataValidationAt(SHEET, `${col("Status")}${row}`)).toEqual({ list: { inCellDropDown: true, source: TRACKER_STATUSES.join(",") } });
      expect(x.dataValidationAt(SHEET, `${col("Date")}${row}`)).toEqual({ date: { formula1: TRACKER_DATE_FROM, operator: "GreaterThanOrEqualTo" } });
    }
    expect(x.dataValidationAt(SHEET, `${col("Owner")}${TOP + 1}`)).toBeNull();
    expect(x.dataValidationAt(SHEET, `${col("Status")}${LAST + 1}`)).toBeNull();
  });

  it("takes a free name when a sheet of the user's is called 'Recommendations tracker', and leaves that sheet alone", async () => {
    const { x, tools } = book();
    x.addSheet(SHEET).setValues(SHEET, "A1", [["my own list"]]);
    const out = written(await tools.writeTracker());
    expect(out.sheet).toBe(`${SHEET} 2`);
    expect(x.getValues(SHEET, "A1:B2")).toEqual([["my own list", ""], ["", ""]]);
  });
});

describe("the recommendations tracker: a re-run", () => {
  /** Written, then worked in: statuses, owners, dates and notes typed; rows re-sorted; a column and a row of the user's own. */
  async function workedIn() {
    const { x, tools } = book();
    written(await tools.writeTracker());
    const S = TRACKER_COLUMNS.indexOf("Status");
    const typed = new Map<number, [string, string, number, string]>([
      [1, ["Done", "Policy team", 45000, "Cohesion definition adopted in the SCS"]],
      [27, ["In progress", "Community safety", 45100, "Tension monitoring with the police"]],
      [57, ["Not taken forward", "", 45200, ""]],
    ]);
    // Reverse the rows (as a sort on No., descending, would), with the user's values in them.
    const body = x.getValues(SHEET, `A${TOP + 1}:${END}${LAST}`).map((r) => {
      const t = typed.get(Number(r[0]));
      return t ? [...r.slice(0, S), ...t] : r;
    });
    x.setValues(SHEET, `A${TOP + 1}`, body.reverse());
    // A column of the user's inside the table (the table widened), and one beside it.
    const table = x.model.sheet(SHEET)!.tables[0];
    table.rect = { ...table.rect, columns: table.rect.columns + 1 };
    const mine = String.fromCharCode(65 + TRACKER_COLUMNS.length);
    x.setValues(SHEET, `${mine}${TOP}`, [["Budget"], [1200], [300]]);
    x.setValues(SHEET, `${String.fromCharCode(66 + TRACKER_COLUMNS.length)}${TOP + 1}`, [["outside the table"]]);
    return { x, tools, typed, mine };
  }

  it("keeps what the user typed in Status, Owner, Date and Notes, matched by No. after a re-sort, and their own column", async () => {
    const { x, tools, typed, mine } = await workedIn();
    const before = x.getValues(SHEET, `A1:${mine}${LAST + 2}`);
    const out = written(await tools.writeTracker());
    expect(out.created).toBe(false);
    expect(out.sheet).toBe(SHEET);
    expect(out.message).toMatch(/^Updated the tracker on "Recommendations tracker": 57 recommendations matched by No\., its text already up to date; your Status, Owner, Date and Notes, your column "Budget" kept\.$/);
    // Nothing changed: every cell as the user left it (their order, values, column).
    expect(x.getValues(SHEET, `A1:${mine}${LAST + 2}`)).toEqual(before);
    const rows = rowsByNumber(x);
    for (const [n, t] of typed) expect(rows.get(n)!.slice(TRACKER_COLUMNS.indexOf("Status"))).toEqual(t);
    expect(x.getValues(SHEET, `A${TOP + 1}`)[0][0]).toBe(57); // still in the user's order
    expect(x.getValues(SHEET, `${mine}${TOP}:${mine}${TOP + 2}`)).toEqual([["Budget"], [1200], [300]]);
  });

  it("fills the engine's cells the user emptied, in the row with that No. wherever it was sorted, and keeps the validation lists", async () => {
    const { x, tools, typed } = await workedIn();
    // Recommendation 27's Theme and response cells emptied; it sits at row LAST - 26 after the reverse.
    const row = LAST - 26;
    expect(x.getValues(SHEET, `A${row}`)[0][0]).toBe(27);
    x.setValues(SHEET, `${col("Theme")}${row}`, [[""]]);
    x.setValues(SHEET, `${col("Response summary")}${row}`, [[""]]);
    const out = written(await tools.writeTracker());
    expect(out.message).toContain("2 cells of the documents' text written");
    const want = recommendationRow(RECOMMENDATION_RECORDS[26]);
    expect(x.getValues(SHEET, `A${row}:${END}${row}`)[0]).toEqual([27, ...want.slice(1), ...typed.get(27)!]);
    expect(x.dataValidationAt(SHEET, `${col("Status")}${row}`)).toMatchObject({ list: { source: TRACKER_STATUSES.join(",") } });
    expect(x.dataValidationAt(SHEET, `${col("Date")}${row}`)).toMatchObject({ date: { formula1: TRACKER_DATE_FROM } });
  });

  it("keeps a Status list the user changed, and gives the Date column its check again where the user removed it", async () => {
    const { x, tools } = await workedIn();
    const statusColumn = `${col("Status")}${TOP + 1}:${col("Status")}${LAST}`;
    const dateColumn = `${col("Date")}${TOP + 1}:${col("Date")}${LAST}`;
    await x.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.getRange(statusColumn).dataValidation.clear();
      sheet.getRange(statusColumn).dataValidation.rule = { list: { inCellDropDown: true, source: "Red,Amber,Green" } };
      sheet.getRange(dateColumn).dataValidation.clear();
      await context.sync();
    });
    expect(x.dataValidationAt(SHEET, `${col("Date")}${TOP + 1}`)).toBeNull();
    written(await tools.writeTracker());
    for (const row of [TOP + 1, LAST]) {
      expect(x.dataValidationAt(SHEET, `${col("Status")}${row}`)).toEqual({ list: { inCellDropDown: true, source: "Red,Amber,Green" } });
      expect(x.dataValidationAt(SHEET, `${col("Date")}${row}`)).toEqual({ date: { formula1: TRACKER_DATE_FROM, operator: "GreaterThanOrEqualTo" } });
    }
  });

  it("asks before overwriting a cell of the engine's columns the user typed into; writes it only once confirmed, and nothing of the user's", async () => {
    const { x, tools, typed } = await workedIn();
    const row = LAST; // recommendation 1 after the reverse
    expect(x.getValues(SHEET, `A${row}`)[0][0]).toBe(1);
    const cell = `${col("Response summary")}${row}`;
    x.setValues(SHEET, cell, [["our own summary"]]);
    const ask = await tools.writeTracker();
    expect(ask).toMatchObject({ status: "needsConfirmation", cells: [cell] });
    if (ask.status !== "needsConfirmation") throw new Error("asks");
    expect(ask.message).toContain(`1 cell of the tracker's own columns on "${SHEET}" differs from the documents' text (typed since the tracker was written?): ${cell}.`);
    expect(x.getValues(SHEET, cell)).toEqual([["our own summary"]]); // nothing written while asking
    // Another cell typed since the question: asked again, not overwritten on the first answer.
    const other = `${col("Theme")}${row}`;
    x.setValues(SHEET, other, [["our theme"]]);
    expect(await tools.writeTracker({ overwrite: ask.cells })).toMatchObject({ status: "needsConfirmation", cells: [other, cell].sort() });
    x.setValues(SHEET, other, [[RECOMMENDATION_RECORDS[0].themeLabel]]);
    written(await tools.writeTracker({ overwrite: ask.cells }));
    expect(x.getValues(SHEET, cell)).toEqual([[recommendationRow(RECOMMENDATION_RECORDS[0])[6]]]);
    expect(x.getValues(SHEET, `${col("Status")}${row}:${END}${row}`)[0]).toEqual(typed.get(1));
  });

  it("finds the table by its name when the sheet was renamed, says which recommendations have no row, and leaves the user's own rows alone", async () => {
    const { x, tools } = book();
    written(await tools.writeTracker());
    x.model.sheet(SHEET)!.name = "Our progress";
    // A row deleted (recommendation 12's, shifted up), and the last row made the user's own.
    const body = x.getValues("Our progress", `A${TOP + 1}:${END}${LAST}`);
    const kept = body.filter((r) => r[0] !== 12);
    kept.push(["", "", "", "", "our extra action", "", "", "", "", "Planned", "", "", ""]);
    x.setValues("Our progress", `A${TOP + 1}`, kept);
    const out = written(await tools.writeTracker());
    expect(out.sheet).toBe("Our progress");
    expect(out.message).toContain("56 recommendations matched by No.");
    expect(out.message).toContain("your 1 row without a No. kept");
    expect(out.message).toContain("No row for recommendation 12 (deleted?): not added back");
    expect(x.getValues("Our progress", `A${LAST}:${END}${LAST}`)[0]).toEqual(kept[kept.length - 1]);
    expect(x.sheetNames()).toEqual(["Indicators", "Our progress"]);
  });
});

describe("planTrackerUpdate (engine)", () => {
  const header = [...TRACKER_COLUMNS];
  it("fails without a No. column to match rows by", () => {
    const r = planTrackerUpdate(header.slice(1), []);
    expect(r.ok).toBe(false);
  });
  it("matches by No. whatever the order, names renamed engine columns, duplicates and the user's columns", () => {
    const rows = trackerRows().reverse();
    rows.push([...rows[0]]); // a duplicate of 57
    const renamed = header.map((h) => (h === "Theme" ? "Our theme" : h));
    const r = planTrackerUpdate([...renamed, "Budget"], rows.map((x) => [...x, 5]));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ matched: 57, writes: [], changed: [], missingColumns: ["Theme"], missingNumbers: [], duplicateRows: [57], otherRows: [], userColumns: ["Our theme", "Budget"] });
  });
});

describe("the stand-in's tables, as the tracker uses them (Office.js: Table.name, workbook.tables)", () => {
  it("renames a table, finds it by name in the workbook's tables, and refuses a name another table has or that is not a name", async () => {
    const x = new ExcelStandIn();
    x.addSheet("A").addSheet("B");
    x.addTable("A", "A1:B3");
    x.addTable("B", "A1:B3");
    const outcome = (name: string) =>
      x.run(async (context) => {
        const t = context.workbook.worksheets.getItem("B").tables.getItem("Table2");
        t.name = name;
        await context.sync();
        return "ok";
      }).catch((e: Error) => e.message);
    expect(await outcome("Table1")).toMatch(/already used/);
    expect(await outcome("A1")).toMatch(/not a valid table name/);
    expect(await outcome("my tracker")).toMatch(/not a valid table name/);
    expect(await outcome("Tracker_2")).toBe("ok");
    const found = await x.run(async (context) => {
      const t = context.workbook.tables.getItemOrNullObject("tracker_2");
      const none = context.workbook.tables.getItemOrNullObject("Nothing");
      t.load("name");
      await context.sync();
      return [t.isNullObject, t.name, none.isNullObject];
    });
    expect(found).toEqual([false, "Tracker_2", true]);
  });
});
