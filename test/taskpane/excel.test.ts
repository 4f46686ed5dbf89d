/**
 * The task pane's Excel module against the in-memory stand-in (src/preview/standIn):
 * sync counts, request sizes, user cells untouched, idempotent re-runs, the confirmation path,
 * live formulas, the summary sheet and the remembered settings.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { blockFingerprints, evaluateColumns, OUTPUT_HEADERS, parseMarkerName, rowCells, summarise, type Columns } from "../../src/engine";
import { PreviewHost } from "../../src/preview/host";
import { readWorkbook, writeWorkbook } from "../../src/preview/workbookFile";
import { cohesion, ensureBuilt } from "../helpers/cli";
import { EXCEL_WEB_PAYLOAD_LIMIT_BYTES, ExcelStandIn, type CellSnapshot } from "../../src/preview/standIn";
import { SAMPLE_HEADERS, sampleIndicatorColumns } from "../../src/preview/sampleIndicators";
import {
  createExcelTools,
  REQUEST_TARGET_BYTES,
  SUMMARY_SETTING,
  type RunOutcome,
  type SourceInfo,
  type ToolResult,
} from "../../src/taskpane/excel";

const noYield = async () => undefined;

function workbook(rows: number, opts: { table?: boolean; sheet?: string } = {}) {
  const x = new ExcelStandIn();
  const sheet = opts.sheet ?? "Sheet1";
  x.addSheet(sheet);
  x.setColumns(sheet, "A1", sampleIndicatorColumns(rows));
  if (opts.table) x.addTable(sheet, `A1:H${rows + 1}`, "Indicators");
  const tools = createExcelTools(x.run, { yieldToUi: noYield });
  return { x, sheet, tools };
}

async function firstSource(tools: ReturnType<typeof createExcelTools>): Promise<SourceInfo> {
  const [s] = await tools.listSources();
  expect(s).toBeDefined();
  return s;
}

function done(out: RunOutcome): ToolResult {
  if (out.status !== "done") throw new Error(`expected done, got ${JSON.stringify(out)}`);
  return out;
}

/** Every cell outside the toolkit's columns and its summary sheet. */
function userCells(x: ExcelStandIn, sheet: string, firstOwnColumn: number, summarySheets: string[] = []): Map<string, CellSnapshot> {
  return x.snapshot((s, _r, c) => !summarySheets.includes(s) && !(s === sheet && c >= firstOwnColumn));
}

/** A snapshot as one string: quick to compare at 100,000 rows (toEqual on maps that size is slow). */
const fingerprint = (m: Map<string, CellSnapshot>) => JSON.stringify([...m]);

/** What the engine says about the sample table (the expected output cells). */
function expected(rows: number, fields: (keyof Columns)[], options: Parameters<typeof evaluateColumns>[2] = {}) {
  const cols = sampleIndicatorColumns(rows);
  const idx: Record<string, number> = { score: 1, ci: 2, nvq4: 3, rural: 4, a8: 5, jobs1984: 6, singleissue: 7 };
  const columns: Columns = {};
  for (const f of fields) columns[f] = cols[idx[f]].slice(1);
  // The pane reads the percentage columns' headers too (decision A7: "NI 1 %", "NVQ4+ %", "Rural %" say per cent).
  const headers = { score: SAMPLE_HEADERS[1], nvq4: SAMPLE_HEADERS[3], rural: SAMPLE_HEADERS[4] };
  return evaluateColumns(columns, rows, { headers, ...options });
}

describe("listSources", () => {
  it("finds an Excel table and proposes the mapping from the header synonyms", async () => {
    const { tools } = workbook(20, { table: true });
    const sources = await tools.listSources();
    expect(sources).toHaveLength(1);
    const s = sources[0];
    expect(s.ref).toEqual({ sheet: "Sheet1", kind: "table", name: "Indicators" });
    expect(s.address).toBe("Sheet1!A1:H21");
    expect(s.headers).toEqual([...SAMPLE_HEADERS]);
    expect(s.mapping).toMatchObject({ score: 1, ci: 2, nvq4: 3, rural: 4, a8: 5, jobs1984: 6, singleissue: 7 });
    expect(s.remembered).toBe(false);
  });

  it("finds a plain range with a header row, and nothing on an empty sheet", async () => {
    const { x, tools } = workbook(20);
    const [s] = await tools.listSources();
    expect(s.ref).toEqual({ sheet: "Sheet1", kind: "range", name: "A1" });
    expect(s.rowCount).toBe(20);
    x.addSheet("Empty").activate("Empty");
    expect(await tools.listSources()).toEqual([]);
  });

  it("finds the header row below a title and a blank row (the engine's rule, as the command line's), and runs on it", async () => {
    const x = new ExcelStandIn().addSheet("Indicators");
    const cols = sampleIndicatorColumns(30);
    x.setValues("Indicators", "A1", [["Cohesion indicators 2008 — Place Survey"]]);
    x.setColumns("Indicators", "A3", cols);
    const tools = createExcelTools(x.run, { yieldToUi: noYield });
    const [s] = await tools.listSources();
    expect(s.ref).toEqual({ sheet: "Indicators", kind: "range", name: "A3" });
    expect(s.rowCount).toBe(30);
    expect(s.headers.slice(0, 2)).toEqual([cols[0][0], cols[1][0]]);
    expect(s.mapping).toMatchObject({ score: 1, ci: 2, nvq4: 3, rural: 4, a8: 5 });
    const out = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.outputAddress).toBe("Indicators!I3:L33");
    expect(x.getValues("Indicators", "A1")).toEqual([["Cohesion indicators 2008 — Place Survey"]]);
    expect(x.getValues("Indicators", "I3:I4")[0]).toEqual(["ABG band"]);
    expect(typeof x.getValues("Indicators", "I4")[0][0]).toBe("number");
  });

  it("does not offer a block without a header row", async () => {
    const x = new ExcelStandIn().addSheet("Numbers");
    x.setValues("Numbers", "A1", [[1, 2], [3, 4]]);
    expect(await createExcelTools(x.run).listSources()).toEqual([]);
  });
});

describe("runTool: grant bands and family groups as values", () => {
  it("writes the command line's columns beside a table, the engine's results, £ format after values", async () => {
    const n = 300;
    const { x, tools } = workbook(n, { table: true });
    const s = await firstSource(tools);
    const before = userCells(x, "Sheet1", 8);
    const out = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.headers).toEqual(["ABG band", "ABG allocation", "ABG band range", "Notes"]);
    expect(out.outputAddress).toBe("Sheet1!I1:L301");
    expect(x.getValues("Sheet1", "I1:L1")).toEqual([out.headers]);
    const want = expected(n, ["score", "ci"]).map((r) => [3, 4, 5, 6].map((k) => rowCells(r)[k] ?? ""));
    expect(x.getValues("Sheet1", `I2:L${n + 1}`)).toEqual(want);
    expect(x.cell("Sheet1", "J2").numberFormat).toBe("£#,##0");
    expect(x.cell("Sheet1", `J${n + 1}`).numberFormat).toBe("£#,##0");
    expect(userCells(x, "Sheet1", 8, [out.summarySheet])).toEqual(before);
    // Values before formats: the last format request comes after the last values request.
    expect(out.stats.formatChunks).toBeGreaterThan(0);
  });

  it("names a date or a time in a score cell as such (its date format is read), and TRUE as a logical value (issue 12.6)", async () => {
    const x = new ExcelStandIn().addSheet("Dates");
    x.setValues("Dates", "A1", [["Area", "Score", "CI"], ["A", 59, 2], ["B", 39569, 1], ["C", 0.5625, 1], ["D", true, 1]]);
    x.setCell("Dates", 2, 1, 39569, undefined, "dd/mm/yyyy");
    x.setCell("Dates", 3, 1, 0.5625, undefined, "h:mm");
    const tools = createExcelTools(x.run, { yieldToUi: noYield });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    const notes = x.getValues("Dates", "G3:G5").map((r) => String(r[0]));
    expect(notes[0]).toMatch(/^ABG: Score \(get on well together %\) must be a number; got a date, 2008-05-01\./);
    expect(notes[1]).toMatch(/^ABG: Score \(get on well together %\) must be a number; got a time, 13:30\./);
    expect(notes[2]).toMatch(/^ABG: Score \(get on well together %\) must be a number; got TRUE, a logical value\./);
    expect(x.getValues("Dates", "D3:D5")).toEqual([[""], [""], [""]]);
  });

  it("reads the other input columns' number formats too: a date in the A8 column is named, never read as its serial number (issue 12.6)", async () => {
    const x = new ExcelStandIn().addSheet("Proxies");
    x.setValues("Proxies", "A1", [["Area", "NVQ4+ %", "Rural %", "A8 per 10000"], ["A", 20, 60, 10], ["B", 30, 10, 39569]]);
    x.setCell("Proxies", 2, 3, 39569, undefined, "d-mmm-yy");
    const tools = createExcelTools(x.run, { yieldToUi: noYield });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    expect(x.getValues("Proxies", "E2:E3")).toEqual([[1], [""]]);
    expect(String(x.getValues("Proxies", "H3")[0][0])).toMatch(/^family type: A8 workers per 10,000 must be a number; got a date, 2008-05-01\./);
  });

  it("notes every bad row and counts it in the summary, without stopping", async () => {
    const n = 500;
    const { x, tools } = workbook(n);
    const s = await firstSource(tools);
    const out = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    const want = summarise(expected(n, ["score", "ci"]));
    expect(out.summary).toEqual(want);
    expect(out.summary.rowsWithErrors).toBe(Math.floor(n / 97) + Math.floor(n / 211)); // "n/a" scores and blank rows
    expect(x.getValues("Sheet1", "L98:L98")[0][0]).toMatch(/^ABG: Score .* "n\/a"/);
    expect(x.getValues("Sheet1", "L212:L212")[0][0]).toBe("blank row: no inputs");
    expect(x.getValues("Sheet1", "I98:K98")).toEqual([["", "", ""]]);
  });

  it("adds the family columns in the command line's order when the second tool runs, sharing Notes", async () => {
    const n = 200;
    const { x, tools } = workbook(n, { table: true });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    const out = done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    expect(out.headers).toEqual([...OUTPUT_HEADERS]);
    expect(out.outputAddress).toBe("Sheet1!I1:O201");
    const all = expected(n, ["score", "ci", "nvq4", "rural", "a8", "jobs1984", "singleissue"]);
    expect(x.getValues("Sheet1", `I2:O${n + 1}`)).toEqual(all.map((r) => rowCells(r).map((v) => v ?? "")));
    // The £ format moved with the allocation column (J → M); J holds family type names now.
    expect(x.cell("Sheet1", "M2").numberFormat).toBe("£#,##0");
    expect(x.cell("Sheet1", "J2").numberFormat).toBeUndefined();
    expect(out.parts).toEqual({ abg: true, types: true });
  });

  it("is idempotent: a second run leaves the workbook exactly as the first did", async () => {
    const { x, tools } = workbook(400, { table: true });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    const first = x.snapshot();
    const settings = x.settingKeys().map((k) => [k, x.setting(k)]);
    const s2 = await firstSource(tools);
    expect(s2.ownColumns).toEqual(["Family type", "Family type name", "Family group", "Notes"]);
    expect(s2.remembered).toBe(true);
    const again = await tools.runTool({ source: s2.ref, tool: "familyGroups", mapping: s2.mapping });
    expect(again.status).toBe("done");
    expect(x.snapshot()).toEqual(first);
    expect(x.settingKeys().map((k) => [k, x.setting(k)])).toEqual(settings);
    expect(x.sheetNames()).toEqual(["Sheet1", "Summary"]);
    expect(x.charts("Summary").map((c) => c.name)).toEqual(["Cohesion: areas by family type"]);
  });

  it("remembers the mapping and options in the workbook's settings, keyed by sheet and table", async () => {
    const { x, tools } = workbook(50, { table: true });
    const s = await firstSource(tools);
    const mapping = { ...s.mapping };
    delete mapping.ci; // "(not used)"
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping, options: { basis: "lower" } }));
    const saved = x.setting("cohesion.v1|Sheet1|table:Indicators") as { mapping: Record<string, unknown>; options: { basis: string }; output: unknown };
    expect(saved.mapping.ci).toBeNull();
    expect(saved.mapping.score).toEqual({ column: 1, header: "NI 1 %" });
    expect(saved.options.basis).toBe("lower");
    expect(saved.output).toEqual({ column: 8, headers: ["ABG band", "ABG allocation", "ABG band range", "Notes"], rows: 50 });
    const again = await firstSource(tools);
    expect(again.mapping.ci).toBeUndefined();
    expect(again.mapping.score).toBe(1);
    expect(again.options.basis).toBe("lower");
    expect(x.setting(SUMMARY_SETTING)).toEqual({ sheet: "Summary", address: "Summary!A1:I20", fingerprint: expect.stringMatching(/^20x9:[0-9a-f]{1,8}$/) });
  });

  it("refuses a tool whose required columns are not mapped", async () => {
    const { tools } = workbook(10);
    const s = await firstSource(tools);
    await expect(tools.runTool({ source: s.ref, tool: "familyGroups", mapping: { score: 1 } })).rejects.toThrow(/needs a column for: nvq4, rural, a8/);
  });
});

describe("cells that are not the toolkit's", () => {
  it("refuses to write until the user confirms, and the message names the range", async () => {
    const n = 300;
    const { x, tools } = workbook(n, { table: true });
    // The table is A:H, so the toolkit's columns would go in I:L; the user has cells in J.
    x.setValues("Sheet1", "J5", [["mine"]]);
    x.setValues("Sheet1", "J40", [[12]]);
    const s = await firstSource(tools);
    const before = x.snapshot();
    x.resetStats();
    const out = await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping });
    expect(out).toEqual({ status: "needsConfirmation", range: "Sheet1!J5:J40", cells: 2, message: "Sheet1!J5:J40 has 2 non-empty cells that are not the toolkit's; overwrite?" });
    expect(x.snapshot()).toEqual(before); // nothing written
    expect(x.settingKeys()).toEqual([]);
    expect(x.syncs.every((r) => r.valueCells === 0 && r.formatCells === 0 && r.requestBytes < 5000)).toBe(true); // reads only
    // Confirming some other range does not count.
    expect((await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping, confirmOverwrite: "Sheet1!J5" })).status).toBe("needsConfirmation");
    const ok = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping, confirmOverwrite: out.status === "needsConfirmation" ? out.range : "" }));
    expect(ok.outputAddress).toBe("Sheet1!I1:L301");
    expect(x.getValues("Sheet1", "J5:J5")[0][0]).not.toBe("mine");
  });

  it("treats a column headed like the toolkit's as the user's unless the workbook remembers writing it", async () => {
    const { x, tools } = workbook(30, { table: true });
    x.setValues("Sheet1", "I1", [["Notes"]]);
    x.setValues("Sheet1", "I3", [["call the chief executive"]]);
    const s = await firstSource(tools);
    expect(s.ownColumns).toEqual([]);
    const out = await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping });
    expect(out.status).toBe("needsConfirmation");
    expect(out.status === "needsConfirmation" && out.range).toBe("Sheet1!I1:I3");
  });

  it("stops treating its columns as its own when the user renames a header", async () => {
    const { x, tools } = workbook(30, { table: true });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    x.setValues("Sheet1", "L1", [["My notes"]]);
    const s2 = await firstSource(tools);
    expect(s2.ownColumns).toEqual([]);
    const out = await tools.runTool({ source: s2.ref, tool: "grantBands", mapping: s2.mapping });
    expect(out.status).toBe("needsConfirmation");
  });
});

describe("plain ranges and changing tables", () => {
  it("re-runs on a plain range: its own columns are recognised inside the used range", async () => {
    const { x, tools } = workbook(120);
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    const first = x.snapshot();
    const s2 = await firstSource(tools);
    expect(s2.headers).toEqual([...SAMPLE_HEADERS]); // the toolkit's columns are not offered as inputs
    expect(s2.ownAddress).toBe("Sheet1!I1:L121");
    done(await tools.runTool({ source: s2.ref, tool: "grantBands", mapping: s2.mapping }));
    expect(x.snapshot()).toEqual(first);
  });

  it("treats cells below what it wrote as the user's when the data grows", async () => {
    const { x, tools } = workbook(100);
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    const more = sampleIndicatorColumns(110).map((c) => c.slice(101)); // rows 101–110 appended
    x.setColumns("Sheet1", "A102", more);
    x.setValues("Sheet1", "L105", [["checked by JB"]]);
    const s2 = await firstSource(tools);
    expect(s2.rowCount).toBe(110);
    const out = await tools.runTool({ source: s2.ref, tool: "grantBands", mapping: s2.mapping });
    expect(out).toMatchObject({ status: "needsConfirmation", range: "Sheet1!L105", cells: 1 });
  });

  it("clears its own cells below a table that lost rows", async () => {
    const { x, tools } = workbook(100, { table: true });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(x.getValues("Sheet1", "I101:I101")[0][0]).not.toBe("");
    x.model.table("Indicators")!.rect.rows = 81; // header + 80 rows
    const s2 = await firstSource(tools);
    const out = done(await tools.runTool({ source: s2.ref, tool: "grantBands", mapping: s2.mapping }));
    expect(out.outputAddress).toBe("Sheet1!I1:L81");
    expect(x.getValues("Sheet1", "I82:L101").flat().every((v) => v === "")).toBe(true);
  });

  it("quotes sheet names in the ranges it names", async () => {
    const { x, tools } = workbook(20, { table: true, sheet: "LA data 2008" });
    x.setValues("LA data 2008", "K3", [["x"]]);
    const s = await firstSource(tools);
    const out = await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping });
    expect(out).toMatchObject({ status: "needsConfirmation", message: "'LA data 2008'!K3 has 1 non-empty cell that is not the toolkit's; overwrite?" });
    const ok = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping, confirmOverwrite: "'LA data 2008'!K3" }));
    expect(ok.outputAddress).toBe("'LA data 2008'!I1:L21");
    expect(x.setting("cohesion.v1|LA data 2008|table:Indicators")).toBeDefined();
  });
});

describe("live formulas", () => {
  it("writes one spilled formula per column at the top data cell, over the whole input column", async () => {
    const n = 300;
    const { x, tools } = workbook(n, { table: true });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    const out = done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping, formulas: true, options: { basis: "lower" } }));
    expect(out.written).toBe("formulas");
    const row2 = "IJKLMNO".split("").map((c) => x.cell("Sheet1", `${c}2`).formula);
    expect(row2).toEqual([
      "=COHESION.FAMILYTYPE(D2:D301,E2:E301,F2:F301,G2:G301)",
      '=COHESION.TYPEINFO(COHESION.FAMILYTYPE(D2:D301,E2:E301,F2:F301,G2:G301),"name")',
      "=COHESION.FAMILYGROUP(D2:D301,E2:E301,F2:F301,G2:G301,,,H2:H301)",
      '=COHESION.ABG.BAND(B2:B301,C2:C301,,"lower")',
      '=COHESION.ABG.ALLOCATION(B2:B301,C2:C301,,"lower")',
      "=COHESION.ABG.RANGE(B2:B301,C2:C301)",
      '=COHESION.FAMILYTYPE.EXPLAIN(D2:D301,E2:E301,F2:F301,G2:G301,,,H2:H301)&"; "&COHESION.ABG.EXPLAIN(B2:B301,C2:C301,,"lower")',
    ]);
    // The spill area below is empty (old values cleared), so nothing blocks the spill.
    const below = x.snapshot((sh, r, c) => sh === "Sheet1" && r >= 2 && c >= 8);
    expect([...below.values()].every((cell) => cell.value === "" && !cell.formula)).toBe(true);
    // The summary is still the engine's, computed from the values read.
    expect(out.summary).toEqual(summarise(expected(n, ["score", "ci", "nvq4", "rural", "a8", "jobs1984", "singleissue"], { basis: "lower" })));
  });
  it("puts each option where the functions take it: scale after the ranges, then boundaryMode, then basis/output or singleIssue", async () => {
    const { x, tools } = workbook(20, { table: true });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    const options = { scale: "percent", basis: "upper", boundaryMode: "exclusive" } as const;
    done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping, formulas: true, options }));
    const typology = 'D2:D21,E2:E21,F2:F21,G2:G21,"percent","exclusive"';
    expect("IJKLMNO".split("").map((c) => x.cell("Sheet1", `${c}2`).formula)).toEqual([
      `=COHESION.FAMILYTYPE(${typology})`,
      `=COHESION.TYPEINFO(COHESION.FAMILYTYPE(${typology}),"name")`,
      `=COHESION.FAMILYGROUP(${typology},H2:H21)`,
      '=COHESION.ABG.BAND(B2:B21,C2:C21,"percent","upper")',
      '=COHESION.ABG.ALLOCATION(B2:B21,C2:C21,"percent","upper")',
      '=COHESION.ABG.RANGE(B2:B21,C2:C21,"percent")',
      `=COHESION.FAMILYTYPE.EXPLAIN(${typology},H2:H21)&"; "&COHESION.ABG.EXPLAIN(B2:B21,C2:C21,"percent","upper")`,
    ]);
  });
});

describe("summary sheet", () => {
  it("never replaces a sheet the user made: Summary taken → Cohesion summary, reused on the next run", async () => {
    const { x, tools } = workbook(100, { table: true });
    x.addSheet("Summary").setValues("Summary", "A1", [["The user's own summary"]]);
    const mine = x.snapshot((sh) => sh === "Summary");
    const s = await firstSource(tools);
    const out = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.summarySheet).toBe("Cohesion summary");
    done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    expect(x.sheetNames()).toEqual(["Sheet1", "Summary", "Cohesion summary"]);
    expect(x.snapshot((sh) => sh === "Summary")).toEqual(mine);
    x.addSheet("Cohesion summary 2");
    x.model.settings.delete(SUMMARY_SETTING); // forget ours (the settings and the Summary marker): the next free name is used
    for (const m of x.names()) if (m.name.startsWith("CohesionToolkit.Summary.")) x.model.names.delete(m.name.toLowerCase());
    x.addSheet("Other");
    const again = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(again.summarySheet).toBe("Cohesion summary 3");
  });

  it("never clears a summary sheet the user has typed into since the toolkit wrote it: a new one is made, and the pane says why", async () => {
    const { x, tools } = workbook(100, { table: true });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    x.setValues("Summary", "B2", [["checked by finance, 3 March"]]); // a note inside the toolkit's block
    const edited = x.snapshot((sh) => sh === "Summary");
    const out = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.summarySheet).toBe("Cohesion summary");
    expect(out.summaryKept).toBe('The sheet "Summary" has changes of yours since the toolkit last wrote it, so it was left as it is.');
    expect(x.snapshot((sh) => sh === "Summary")).toEqual(edited);
    expect(x.setting(SUMMARY_SETTING)).toMatchObject({ sheet: "Cohesion summary" });
    // The new one is the toolkit's: the next run reuses it in place, with nothing kept aside.
    const again = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(again.summarySheet).toBe("Cohesion summary");
    expect(again.summaryKept).toBeNull();
    expect(x.sheetNames()).toEqual(["Sheet1", "Summary", "Cohesion summary"]);
  });

  it("never clears a sheet the user made under the remembered name after deleting the toolkit's", async () => {
    const { x, tools } = workbook(60, { table: true });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    x.deleteSheet("Summary");
    x.addSheet("Summary").setValues("Summary", "A1", [["Our own summary"], ["Notes for the cabinet paper"]]);
    const mine = x.snapshot((sh) => sh === "Summary");
    const out = done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    expect(out.summarySheet).toBe("Cohesion summary");
    expect(out.summaryKept).toMatch(/^The sheet "Summary" has changes of yours/);
    expect(x.snapshot((sh) => sh === "Summary")).toEqual(mine);
  });

  it("reuses a remembered summary sheet the user emptied (nothing of theirs on it)", async () => {
    const { x, tools } = workbook(40, { table: true });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    x.clearSheet("Summary");
    const out = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.summarySheet).toBe("Summary");
    expect(out.summaryKept).toBeNull();
    expect(x.getValues("Summary", "A1")).toEqual([["Cohesion Toolkit summary"]]);
  });

  it("holds the engine's summary rows and native column charts of allocation by band and areas by family type", async () => {
    const { x, tools } = workbook(250, { table: true });
    const s = await firstSource(tools);
    const out = done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    expect(out.parts).toEqual({ abg: false, types: true });
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    const charts = x.charts("Summary");
    expect(charts).toEqual([
      { name: "Cohesion: allocation by band", type: "ColumnClustered", source: "Summary!H1:I7", seriesBy: "Columns", title: "ABG allocation by band (£)" },
      { name: "Cohesion: areas by family type", type: "ColumnClustered", source: "Summary!H9:I18", seriesBy: "Columns", title: "Areas by family type" },
    ]);
    const a = x.getValues("Summary", "A1:A40").map((r) => r[0]);
    expect(a).toEqual(expect.arrayContaining(["Cohesion Toolkit summary", "ABG band", "Total allocation (£)", "£34m ABG cohesion programme (£)", "Rows whose band is uncertain under the CI", "Family type"]));
    const total = a.indexOf("Total allocation (£)") + 1;
    expect(x.cell("Summary", `C${total}`).numberFormat).toBe("£#,##0");
  });
});

describe("scale: syncs grow with chunks, not rows; every request under the limit", () => {
  const cases: [number, number][] = [
    [1_000, 12],
    [100_000, 80],
  ];
  it.each(cases)("%i rows", async (n, maxSyncs) => {
    const { x, tools } = workbook(n, { table: true });
    const s = await firstSource(tools);
    const before = fingerprint(userCells(x, "Sheet1", 8));
    for (const tool of ["grantBands", "familyGroups"] as const) {
      x.resetStats();
      const out = done(await tools.runTool({ source: s.ref, tool, mapping: s.mapping }));
      expect(x.runs).toBe(1); // one Excel.run per action
      expect(out.stats.syncs).toBe(x.syncs.length);
      expect(x.syncs.length).toBeLessThanOrEqual(maxSyncs);
      // Syncs are a fixed handful (3 to locate the table; 2 for the summary: write with its read-back,
      // then remember it; 2 more when an old summary is checked as unchanged and replaced) plus one per chunk.
      const chunks = out.stats.readChunks + out.stats.writeChunks + out.stats.formatChunks;
      expect(x.syncs.length).toBeGreaterThanOrEqual(3 + chunks + 2);
      expect(x.syncs.length).toBeLessThanOrEqual(3 + chunks + 4);
      expect(out.stats.readChunks).toBe(Math.ceil(n / out.stats.readChunkRows));
      for (const r of x.syncs) {
        expect(r.requestBytes).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
        expect(r.responseBytes).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
        expect(r.requestBytes).toBeLessThanOrEqual(REQUEST_TARGET_BYTES * 1.01);
        expect(r.responseBytes).toBeLessThanOrEqual(REQUEST_TARGET_BYTES);
      }
      // Calculation is suspended in every request that writes cells; number formats come after all the values.
      const bulk = x.syncs.filter((r) => r.valueCells > 0);
      expect(bulk.length).toBe(out.stats.writeChunks + 1); // + the summary sheet
      expect(bulk.every((r) => r.calculationSuspended)).toBe(true);
      const writes = x.syncs.flatMap((r, i) => (r.valueCells > 0 ? [i] : []));
      const lastValues = writes[writes.length - 2]; // the last is the summary sheet's request
      const firstFormats = x.syncs.findIndex((r) => r.formatCells > 0);
      if (firstFormats >= 0) expect(firstFormats).toBeGreaterThan(lastValues);
    }
    const after = fingerprint(userCells(x, "Sheet1", 8, ["Summary"]));
    expect(after.length).toBe(before.length);
    expect(after === before).toBe(true);
  }, 120_000);
});

describe("cancel", () => {
  it("cancelled while writing: the message names exactly the rows written, and they hold results; the rest are empty", async () => {
    const x = new ExcelStandIn().addSheet("Sheet1");
    x.setColumns("Sheet1", "A1", sampleIndicatorColumns(30_000));
    const controller = new AbortController();
    const tools = createExcelTools(x.run, { yieldToUi: noYield });
    const s = await firstSource(tools);
    const out = await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }, (p) => p.phase === "writing" && p.done > 0 && controller.abort(), controller.signal);
    expect(out.status).toBe("cancelled");
    const m = /^Stopped while writing\. Rows 2–([\d,]+) of Sheet1!I:L were written; rows ([\d,]+)–30,001 were not \(those cells are empty\)\. Your cells are untouched\. Run the tool again to finish\.$/.exec(out.status === "cancelled" ? out.message : "");
    expect(m).not.toBeNull();
    const last = Number(m![1].replace(/,/g, ""));
    expect(Number(m![2].replace(/,/g, ""))).toBe(last + 1);
    expect(typeof x.getValues("Sheet1", `I${last}`)[0][0]).toBe("number");
    expect(x.getValues("Sheet1", `I${last + 1}:L${last + 1}`)[0].every((v) => v === "" || v === null || v === undefined)).toBe(true);
  });

  it("stops between chunks and writes nothing when cancelled while reading", async () => {
    const x = new ExcelStandIn().addSheet("Sheet1");
    x.setColumns("Sheet1", "A1", sampleIndicatorColumns(30_000));
    const controller = new AbortController();
    const tools = createExcelTools(x.run, { yieldToUi: noYield });
    const s = await firstSource(tools);
    const before = fingerprint(x.snapshot());
    const out = await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }, (p) => p.phase === "reading" && p.done > 0 && controller.abort(), controller.signal);
    expect(out).toEqual({ status: "cancelled", partial: false, message: "Cancelled before anything was written." });
    expect(fingerprint(x.snapshot()) === before).toBe(true);
    expect(x.settingKeys()).toEqual([]);
  });

  it("reports progress from 0 to 1 through reading, computing, writing and the summary", async () => {
    const { tools } = workbook(12_000);
    const s = await firstSource(tools);
    const seen: string[] = [];
    let last = 0;
    done(
      await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }, (p) => {
        expect(p.fraction).toBeGreaterThanOrEqual(last);
        last = p.fraction;
        if (!seen.includes(p.phase)) seen.push(p.phase);
      }),
    );
    expect(seen).toEqual(["reading", "computing", "writing", "summary"]);
    expect(last).toBe(1);
  });
});

describe("percentage scale (decision A7, issue 12): number formats, headers, one decision for the table", () => {
  /** An urban table (London boroughs, big cities): NVQ4+ 15–60 %, rural 0–0.95 % (0.53 means 0.53 %), A8, 1984 jobs. */
  function urban(n: number, headers = ["Area", "NVQ4+", "Rural", "A8", "Jobs 1984"]) {
    const x = new ExcelStandIn();
    x.addSheet("Sheet1");
    const cols: unknown[][] = headers.map((h) => [h]);
    for (let i = 0; i < n; i++) {
      cols[0].push(`Borough ${i + 1}`);
      cols[1].push(15 + ((i * 37) % 46));
      cols[2].push(Math.round((i * 53) % 96) / 100);
      cols[3].push((i * 7) % 40);
      cols[4].push((i * 311) % 3000);
    }
    x.setColumns("Sheet1", "A1", cols);
    return { x, tools: createExcelTools(x.run, { yieldToUi: noYield }) };
  }

  it("an urban table: rural 0.53 is 0.53 % (urban), never 53 %, across read chunks", async () => {
    const n = 400;
    const { x, tools } = urban(n);
    const s = await firstSource(tools);
    // Small requests, so the table is read (and its scale settled) over many chunks.
    const small = createExcelTools(x.run, { yieldToUi: noYield, targetBytes: 4_000 });
    const out = done(await small.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    expect(out.stats.readChunks).toBeGreaterThan(3);
    const types = x.getValues("Sheet1", `F2:F${n + 1}`).map((r) => r[0]);
    expect(types.filter((t) => [1, 5, 8, 9].includes(t as number))).toEqual([]); // no rural type
    const i = x.getValues("Sheet1", `C2:C${n + 1}`).findIndex((r) => r[0] === 0.53);
    expect(i).toBeGreaterThanOrEqual(0);
    expect([2, 3, 4, 6, 7]).toContain(types[i]);
    expect(out.scaleWarning).toBeNull();
    expect(out.scales).toEqual([expect.stringMatching(/^NVQ4\+ share: read as per cent: a value above 1 in the table/), expect.stringMatching(/^Rural share: read as per cent: a value above 1 in the table/)]);
  });

  it("reads each cell's number format: % formatted cells are fractions beside plain 0–100 cells (a mixed column)", async () => {
    const { x, tools } = urban(4);
    // Rural: row 2 holds 0.6 shown as 60% (rural); row 3 holds 60 (per cent, rural); rows 4–5 plain 0.2 and 0.3 (0.2 %, 0.3 %).
    x.setCell("Sheet1", 1, 2, 0.6, undefined, "0%");
    x.setCell("Sheet1", 2, 2, 60);
    x.setCell("Sheet1", 3, 2, 0.2);
    x.setCell("Sheet1", 4, 2, 0.3);
    // NVQ4+ in row 5: 0.4 shown as 40.0% (affluent).
    x.setCell("Sheet1", 4, 1, 0.4, undefined, "0.0%");
    const s = await firstSource(tools);
    const out = done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    const nvq = x.getValues("Sheet1", "B2:B5").map((r) => r[0] as number);
    const a8 = x.getValues("Sheet1", "D2:D5").map((r) => r[0] as number);
    const rural = [true, true, false, false];
    const affluent = [nvq[0] >= 25, nvq[1] >= 25, nvq[2] >= 25, true];
    const types = x.getValues("Sheet1", "F2:F5").map((r) => r[0]);
    types.forEach((t, k) => {
      const changing = a8[k] >= 7;
      if (rural[k]) expect([1, 5, 8, 9]).toContain(t);
      else expect([2, 3, 4, 6, 7]).toContain(t);
      if (affluent[k]) expect([6, 7, 8, 9]).toContain(t);
      expect([1, 4, 7, 9].includes(t as number)).toBe(changing);
    });
    expect(out.scales[1]).toBe("Rural share: 3 read as per cent: a value above 1 in the table (NVQ4+ share 15); 1 with a % number format read as fractions.");
    expect(out.scaleWarning).toBeNull();
  });

  it("a header that says % means per cent: NVQ4+ % and Rural % all within 0–1 are read as per cent", async () => {
    const { x, tools } = urban(3, ["Area", "NVQ4+ %", "Rural %", "A8", "Jobs 1984"]);
    x.setColumns("Sheet1", "B2", [[0.3, 0.2, 0.9], [0.6, 0.7, 0.1]]);
    const s = await firstSource(tools);
    const out = done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    // 0.3 % NVQ4+ (less affluent), 0.6 % rural (urban): types 2, 3 or 4.
    for (const [t] of x.getValues("Sheet1", "F2:F4")) expect([2, 3, 4]).toContain(t);
    expect(out.scales[0]).toBe('NVQ4+ share: read as per cent: the header "NVQ4+ %" says per cent.');
    expect(out.scaleWarning).toBeNull();
  });

  it("the ambiguous table: fractions, flagged in each row's note and in the run's result (the pane's message)", async () => {
    const { x, tools } = urban(3);
    x.setColumns("Sheet1", "B2", [[0.3, 0.2, 0.9], [0.6, 0.7, 0.1]]);
    const s = await firstSource(tools);
    const out = done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    expect(x.getValues("Sheet1", "F2:F4").map((r) => [1, 5, 8, 9].includes(r[0] as number))).toEqual([true, true, false]); // 60 %, 70 % rural; 10 %
    for (const [note] of x.getValues("Sheet1", "I2:I4")) expect(note).toMatch(/warning: Percentages read as fractions \(0\.5 = 50%\): every percentage in the table is within 0–1 and none has a % number format or a % header/);
    expect(out.scaleWarning).toMatch(/^Percentages read as fractions/);
  });
});

describe("only what was asked, uncertainty in words (issues 12.4, 12.5)", () => {
  it("Grant bands on a table of scores alone: the ABG columns and Notes, an ABG summary without a family-type table, and no CI means uncertainty not assessed", async () => {
    const x = new ExcelStandIn().addSheet("Scores");
    x.setValues("Scores", "A1", [["Area", "NI 1 %"], ["A", 59], ["B", 74], ["C", 80]]);
    const tools = createExcelTools(x.run, { yieldToUi: noYield });
    const s = await firstSource(tools);
    const out = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.headers).toEqual(["ABG band", "ABG allocation", "ABG band range", "Notes"]);
    expect(out.parts).toEqual({ abg: true, types: false });
    expect(x.getValues("Scores", "C1:F4")).toEqual([["ABG band", "ABG allocation", "ABG band range", "Notes"], [2, 540000, "band 2", ""], [5, 150000, "band 5", ""], [0, 0, "no band", ""]]);
    const a = x.getValues(out.summarySheet, "A1:A40").map((r) => r[0]);
    expect(a).toContain("Uncertainty not assessed: no confidence intervals given");
    expect(a).not.toContain("Rows whose band is uncertain under the CI");
    expect(a).not.toContain("Family type");
    expect(out.summary.rowsWithCi).toBe(0);
  });

  it("Family groups on proxies alone: no ABG columns, no ABG section", async () => {
    const x = new ExcelStandIn().addSheet("Proxies");
    x.setValues("Proxies", "A1", [["Area", "NVQ4+ %", "Rural %", "A8 per 10000"], ["A", 20, 60, 10], ["B", 30, 10, 3]]);
    const tools = createExcelTools(x.run, { yieldToUi: noYield });
    const s = await firstSource(tools);
    const out = done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    expect(out.headers).toEqual(["Family type", "Family type name", "Family group", "Notes"]);
    const a = x.getValues(out.summarySheet, "A1:A40").map((r) => r[0]);
    expect(a).toContain("Family type");
    expect(a.some((v) => /ABG|uncertain|Uncertainty|£34m/.test(String(v)))).toBe(false);
  });
});

describe("one result block, whichever tool wrote it (issue 12.3)", () => {
  it("marks its block and its summary with workbook names: the header row's range, with a fingerprint of each column as written", async () => {
    const { x, tools } = workbook(100, { table: true });
    const s = await firstSource(tools);
    const out = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    const names = x.names();
    expect(names.filter((m) => m.name.startsWith("CohesionToolkit."))).toHaveLength(2);
    const block = names.find((m) => m.name.startsWith("CohesionToolkit.Block"))!;
    expect(block.address).toBe("Sheet1!I1:L1");
    const marker = parseMarkerName(block.name);
    expect(marker).toMatchObject({ kind: "block", id: 1, rows: 100 });
    // The fingerprints are of the cells as they stand: the engine's rule reads them back unchanged.
    const cells = x.getValues("Sheet1", "I1:L101");
    expect(marker?.kind === "block" && marker.columns).toEqual(blockFingerprints(cells[0] as string[], cells.slice(1)));
    const summary = names.find((m) => m.name.startsWith("CohesionToolkit.Summary"))!;
    expect(summary.address.startsWith(`${out.summarySheet}!A1:`)).toBe(true);
    // A re-run replaces the markers: still one of each.
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(x.names().filter((m) => m.name.startsWith("CohesionToolkit."))).toHaveLength(2);
  });

  it("a block whose headers were typed over is not the toolkit's any more: its marker is replaced, never doubled", async () => {
    const { x, tools } = workbook(30, { table: true });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    x.setValues("Sheet1", "L1", [["My notes"]]);
    const [again] = await tools.listSources();
    expect(again.ownColumns).toEqual([]);
    // Beside a table the block's place is fixed (right of the table): its cells are now the user's, so the pane asks first.
    const ask = await tools.runTool({ source: again.ref, tool: "grantBands", mapping: again.mapping });
    expect(ask.status === "needsConfirmation" && ask.range).toBe("Sheet1!I1:L31");
    const out = done(await tools.runTool({ source: again.ref, tool: "grantBands", mapping: again.mapping, confirmOverwrite: "Sheet1!I1:L31" }));
    expect(out.outputAddress).toBe("Sheet1!I1:L31");
    const blocks = x.names().filter((m) => m.name.startsWith("CohesionToolkit.Block"));
    expect(blocks.map((m) => m.address)).toEqual(["Sheet1!I1:L1"]);
  });

  it("names the cells typed inside its own columns and asks before overwriting them; untouched columns are rewritten without asking", async () => {
    const { x, tools } = workbook(100, { table: true });
    const s = await firstSource(tools);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    x.setValues("Sheet1", "L5", [["checked with Bob"]]);
    x.setValues("Sheet1", "J9", [[999]]);
    const ask = await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping });
    expect(ask.status).toBe("needsConfirmation");
    if (ask.status !== "needsConfirmation") return;
    expect(ask.range).toBe("Sheet1!J5:L9");
    expect(ask.cells).toBe(2);
    expect(ask.message).toBe("Sheet1!J5:L9 has 2 non-empty cells that are not the toolkit's (typed since the toolkit wrote them: J9 and L5); overwrite?");
    expect(x.getValues("Sheet1", "L5")).toEqual([["checked with Bob"]]); // nothing written yet
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping, confirmOverwrite: ask.range }));
    expect(x.getValues("Sheet1", "L5")[0][0]).not.toBe("checked with Bob");
    expect(x.getValues("Sheet1", "J9")[0][0]).not.toBe(999);
    // Written again: nothing is the user's now, so the next run asks nothing.
    expect((await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping })).status).toBe("done");
  });

  it("the command line's .xlsx, opened in the pane: Grant bands updates the one block and the one summary sheet", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohesion-marker-"));
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Areas");
      ws.addRow(["Area", "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10000"]);
      [["Alpha", 59, 2, 20, 60, 10], ["Beta", 72, 1, 30, 10, 3], ["Gamma", 50, 1, 18, 12, 3], ["Delta", 66, 3, 26, 55, 8]].forEach((r) => ws.addRow(r));
      ws.getCell("A1").font = { bold: true }; // a styled workbook: the whole-workbook path
      const input = path.join(dir, "in.xlsx");
      const output = path.join(dir, "out.xlsx");
      await wb.xlsx.writeFile(input);
      ensureBuilt();
      const run = cohesion(["apply", input, "--out", output]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const bytes = fs.readFileSync(output);
      const { standIn: x } = await readWorkbook(new PreviewHost(), bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, "out.xlsx", false);
      expect(x.sheetNames()).toEqual(["Areas", "Summary"]);
      x.activate("Areas");
      x.setValues("Areas", "H3", [["checked by Bob"]]); // typed into the command line's Family type name column
      const tools = createExcelTools(x.run, { yieldToUi: noYield });
      const [s] = await tools.listSources();
      // The pane sees the command line's block (G:M) as its own, by the marker: not as input columns.
      expect(s.ownColumns).toEqual([...OUTPUT_HEADERS]);
      expect(s.ownAddress).toBe("Areas!G1:M5");
      expect(s.headers).toEqual(["Area", "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10000"]);
      const ask = await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping });
      expect(ask.status === "needsConfirmation" && ask.message).toBe("Areas!H3 has 1 non-empty cell that is not the toolkit's (typed since the toolkit wrote it: H3); overwrite?");
      const out = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping, confirmOverwrite: "Areas!H3" }));
      // One block: the same seven columns, rewritten in place; one summary sheet, the command line's, reused.
      expect(out.outputAddress).toBe("Areas!G1:M5");
      expect(x.getValues("Areas", "G1:N1")).toEqual([[...OUTPUT_HEADERS, ""]]);
      expect(x.sheetNames()).toEqual(["Areas", "Summary"]);
      expect(out.summarySheet).toBe("Summary");
      expect(x.names().filter((m) => m.name.startsWith("CohesionToolkit.")).map((m) => m.address).sort()).toEqual(["Areas!G1:M1", expect.stringMatching(/^Summary!A1:/)]);
      // And back: the pane's workbook through the command line again — still one block, one summary.
      const back = path.join(dir, "back.xlsx");
      fs.writeFileSync(back, Buffer.from(await writeWorkbook({ standIn: x, info: { widths: new Map(), columnFormats: new Map() } } as unknown as PreviewHost)));
      const again = path.join(dir, "again.xlsx");
      const r2 = cohesion(["apply", back, "--out", again]);
      expect(r2.code).toBe(0);
      expect(r2.stdout).toMatch(/Results in columns G–M \(7 reused from an earlier run\); summary in sheet "Summary"/);
      const wb2 = new ExcelJS.Workbook();
      await wb2.xlsx.readFile(again);
      expect(wb2.worksheets.map((w) => w.name)).toEqual(["Areas", "Summary"]);
      expect(wb2.getWorksheet("Areas")!.getRow(1).values).toEqual([, "Area", "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10000", ...OUTPUT_HEADERS]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
