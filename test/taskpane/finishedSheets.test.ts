/**
 * Issue 15: where the results went, and sheets that look finished. Against the stand-in's model: after a run
 * the data's sheet is active with the toolkit's columns selected and the Summary sheet opens at A1; the
 * Action plan, peers and Summary sheets get widths, wrap, a table style, number formats, a frozen header and
 * (ExcelApi 1.9 only) print set-up; goTo selects again. And a downloaded file (the preview's writeWorkbook),
 * read back with ExcelJS, keeps the widths, number formats, wrap, frozen rows and page set-up.
 */
import ExcelJS from "exceljs";
import { buildActionPlan, PLAN_COLUMNS, recommendActions } from "../../src/engine";
import type { PreviewHost } from "../../src/preview/host";
import { sampleIndicatorColumns } from "../../src/preview/sampleIndicators";
import { ExcelStandIn, standInSupports } from "../../src/preview/standIn";
import { readWorkbook, writeWorkbook } from "../../src/preview/workbookFile";
import { columnLayout, createActionPlanTools, createAnalysisTools, createExcelTools, MAX_COLUMN_CHARS, widthPoints, type RunOutcome, type ToolResult } from "../../src/taskpane/excel";

const noYield = async () => undefined;

const plan = () => {
  const r = recommendActions(["I01", "I02"]);
  if (!r.ok) throw new Error(r.error.message);
  return buildActionPlan(r.value, { area: "Ashbury", inputs: [{ label: "Family type", value: "4" }], date: "2026-11-22" });
};

function done(out: RunOutcome): ToolResult {
  if (out.status !== "done") throw new Error(`expected done, got ${JSON.stringify(out)}`);
  return out;
}

/** Runs `fn` with an Office that supports ExcelApi up to `version` (the stand-in's answer by default). */
async function withExcelApi<T>(version: string | null, fn: () => Promise<T>): Promise<T> {
  const g = globalThis as { Office?: unknown };
  const isSetSupported = version === null ? standInSupports : (set: string, v: string) => set === "ExcelApi" && Number(v.split(".")[1]) <= Number(version.split(".")[1]);
  g.Office = { context: { requirements: { isSetSupported } } };
  try {
    return await fn();
  } finally {
    delete g.Office;
  }
}

/** A downloaded workbook, read back with ExcelJS. */
async function download(x: ExcelStandIn): Promise<ExcelJS.Workbook> {
  const bytes = await writeWorkbook({ standIn: x, info: { widths: new Map(), columnFormats: new Map() } } as unknown as PreviewHost);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return wb;
}

const chars = (points: number) => Math.round(((points / 0.75 - 5) / 7) * 100) / 100;

describe("columnLayout: widths from what a column holds", () => {
  it("fits short columns, caps long text at the maximum and wraps it, gives empty columns a fill-in width", () => {
    const layout = columnLayout(["Rank", "Area", "Notes", "Lead"], [[1, "Bramford", "x".repeat(120), ""]], {});
    expect(layout[0]).toEqual({ chars: 10, wrap: false });
    expect(layout[1]).toEqual({ chars: 10, wrap: false });
    expect(layout[2]).toEqual({ chars: MAX_COLUMN_CHARS, wrap: true });
    expect(layout[3]).toEqual({ chars: 18, wrap: true });
  });
  it("counts numbers as shown in their format (£ and thousands separators)", () => {
    expect(columnLayout(["Allocation"], [[12_345_678]], { Allocation: "£#,##0" })[0].chars).toBe(Math.max(10, "£12,345,678".length + 2));
  });
  it("widthPoints: Excel's character width (7 px + 5 px padding) in points", () => {
    expect(widthPoints(10)).toBe(56.25);
    expect(chars(widthPoints(50))).toBe(50);
  });
});

describe("the Action plan sheet looks finished", () => {
  it("widths, wrap, table style, £ on Resources, the title row frozen (the block above the table is long), opened at A1", async () => {
    const x = new ExcelStandIn().addSheet("Indicators");
    x.select("Indicators", "C7");
    const p = plan();
    const out = await withExcelApi(null, () => createActionPlanTools(x.run).insertActionPlan(p, "Action plan"));
    expect(out).toEqual({ sheet: "Action plan" });
    const top = p.header.length + 1; // 0-based row of the table header
    const look = x.sheetLook("Action plan", ["A1", `A${top + 2}`, `B${top + 2}`, `D${top + 2}`, `I${top + 1}`]);
    // Every Annex F column has an explicit width; the long Action and Issues columns at the maximum, wrapped.
    expect(Object.keys(look.columnWidths)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I"]);
    expect(chars(look.columnWidths.A)).toBe(MAX_COLUMN_CHARS);
    expect(look.cells[`A${top + 2}`]).toMatchObject({ wrapText: true, verticalAlignment: "Top" });
    // Lead, Partners, …: empty, for the user to fill in: a fill-in width, wrapped.
    expect(chars(look.columnWidths.D)).toBe(18);
    expect(look.cells[`D${top + 2}`]).toMatchObject({ wrapText: true });
    expect(look.cells.A1).toMatchObject({ bold: true, fontSize: 14 });
    expect(look.tables).toEqual([{ name: expect.any(String), address: `A${top + 1}:I${top + 1 + p.rows.length}`, style: "TableStyleMedium2" }]);
    expect(look.autofits).toEqual([{ kind: "rows", address: `A${top + 1}:I${top + 1 + p.rows.length}` }]);
    const resources = PLAN_COLUMNS.indexOf("Resources");
    expect(x.sheetLook("Action plan").frozenRows).toBe(1);
    expect(x.cell("Action plan", `${String.fromCharCode(65 + resources)}${top + 2}`).numberFormat).toBe("£#,##0");
    expect(look.pageLayout).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$1:$1" });
    // The new sheet is the active one, at A1.
    expect(x.selection()).toEqual({ sheet: "Action plan", address: "A1" });
  });

  it("without ExcelApi 1.9 the sheet is written and formatted all the same, with no print set-up (nothing breaks)", async () => {
    const x = new ExcelStandIn().addSheet("Indicators");
    const p = plan();
    const out = await withExcelApi("1.8", () => createActionPlanTools(x.run).insertActionPlan(p, "Action plan"));
    expect(out).toEqual({ sheet: "Action plan" });
    const look = x.sheetLook("Action plan");
    expect(look.pageLayout).toEqual({});
    expect(look.frozenRows).toBe(1);
    expect(Object.keys(look.columnWidths)).toHaveLength(9);
    expect(x.dataValidations("Action plan").length).toBeGreaterThan(0); // 1.8: the in-cell lists are still added
  });
});

describe("the peers and type-mix sheets", () => {
  it("freeze the rows through the table header (a short block above it) and repeat them when printed; formats by column", async () => {
    const x = new ExcelStandIn().addSheet("Indicators");
    const tools = createAnalysisTools(x.run);
    const out = await tools.insertTableSheet("Peers Ashbury", [["Nearest areas to Ashbury"], ["Indicators", "NVQ4+ %"], ["Method", "z-score"]], ["Rank", "Area", "Distance"], [[1, "Bramford", 0.25], [2, "Calder", 0.5]], { Distance: "0.000" });
    expect(out).toEqual({ sheet: "Peers Ashbury" });
    const look = x.sheetLook("Peers Ashbury");
    expect(look.frozenRows).toBe(5); // three header rows, a blank, the table header
    expect(look.pageLayout.printTitleRows).toBe("$1:$5");
    expect(x.cell("Peers Ashbury", "C6").numberFormat).toBe("0.000");
    expect(x.cell("Peers Ashbury", "A6").numberFormat).toBeUndefined();
    const mix = await tools.insertTableSheet("Type mix", [["Family-type mix"]], ["Type", "Name", "Population", "Share"], [[1, "Affluent", 12345, 0.123]], { Population: "#,##0", Share: "0.0%" });
    expect(mix).toEqual({ sheet: "Type mix" });
    expect(x.cell("Type mix", "D4").numberFormat).toBe("0.0%");
    expect(x.cell("Type mix", "C4").numberFormat).toBe("#,##0");
  });
});

describe("after a run of a table tool: where the results went", () => {
  function book() {
    const x = new ExcelStandIn().addSheet("Sheet1");
    x.setColumns("Sheet1", "A1", sampleIndicatorColumns(40));
    x.select("Sheet1", "B7");
    return { x, tools: createExcelTools(x.run, { yieldToUi: noYield }) };
  }

  it("the data's sheet is active with the toolkit's columns selected; the Summary sheet opens at A1, finished", async () => {
    const { x, tools } = book();
    const [s] = await tools.listSources();
    const out = done(await withExcelApi(null, () => tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping })));
    expect(out.outputAddress).toBe("Sheet1!I1:L41");
    expect(x.selection()).toEqual({ sheet: "Sheet1", address: "I1:L41" });
    // The new columns are wide enough for their values (band ranges); the data's own columns are untouched.
    expect(Object.fromEntries(Object.entries(x.sheetLook("Sheet1").columnWidths).map(([c, w]) => [c, chars(w)]))).toEqual({ I: 10, J: 15, K: 26, L: 60 });
    const look = x.sheetLook("Summary", ["A1", "A8"]);
    expect(look.selection).toBe("A1");
    expect(look.frozenRows).toBe(1);
    expect(look.pageLayout).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$1:$1" });
    expect(look.cells.A1).toMatchObject({ bold: true, fontSize: 14 });
    // The band table's header row: bold on a fill.
    const grid = x.getValues("Summary", "A1:C30");
    const bandHead = grid.findIndex((r) => r[0] === "ABG band");
    expect(x.sheetLook("Summary", [`A${bandHead + 1}`, `C${bandHead + 1}`]).cells[`C${bandHead + 1}`]).toMatchObject({ bold: true, fill: "#DDEBF7" });
    // Widths for the summary's columns A–C at least (from its table rows, not its one-cell notes), the chart data autofitted.
    expect(Object.keys(look.columnWidths)).toEqual(expect.arrayContaining(["A", "B", "C"]));
    expect(chars(look.columnWidths.A)).toBeLessThanOrEqual(MAX_COLUMN_CHARS);
    expect(chars(look.columnWidths.A)).toBeGreaterThanOrEqual("Rows with notes about bad or missing inputs".length);
    expect(look.autofits).toEqual([{ kind: "columns", address: expect.stringMatching(/^H1:I\d+$/) }]);
    // £ on the amounts, counts with separators.
    expect(x.cell("Summary", `C${bandHead + 2}`).numberFormat).toBe("£#,##0");
    expect(x.cell("Summary", `B${bandHead + 2}`).numberFormat).toBe("#,##0");
    expect(x.cell("Summary", `B${grid.findIndex((r) => r[0] === "Rows") + 1}`).numberFormat).toBe("#,##0");
  });

  it("a second run puts the Summary sheet back at A1 (the user had moved on it) and selects the results again; no extra request", async () => {
    const { x, tools } = book();
    const [s] = await tools.listSources();
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    x.select("Summary", "H30");
    x.select("Sheet1", "A3");
    // The user widens the band column; the same columns written again keep it.
    x.model.sheet("Sheet1")!.columnWidths.set(8, 120);
    done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(x.sheetLook("Sheet1").columnWidths.I).toBe(120);
    x.select("Summary", "H30");
    x.select("Sheet1", "A3");
    x.resetStats();
    const out = done(await tools.runTool({ source: s.ref, tool: "familyGroups", mapping: s.mapping }));
    expect(out.stats.syncs).toBe(x.syncs.length);
    // Laid out afresh (family columns before the band columns): each column gets its width again.
    expect(out.headers).toEqual(["Family type", "Family type name", "Family group", "ABG band", "ABG allocation", "ABG band range", "Notes"]);
    expect(chars(x.sheetLook("Sheet1").columnWidths.I)).toBe(12);
    expect(x.sheetLook("Summary").selection).toBe("A1");
    expect(x.selection()).toEqual({ sheet: "Sheet1", address: out.outputAddress.slice("Sheet1!".length) });
  });

  it("goTo selects the results again, or the Summary sheet at A1; a sheet that is gone is said in words", async () => {
    const { x, tools } = book();
    const [s] = await tools.listSources();
    const out = done(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    x.select("Sheet1", "A1");
    expect(await tools.goTo("'Summary'!A1")).toBeNull();
    expect(x.selection()).toEqual({ sheet: "Summary", address: "A1" });
    expect(await tools.goTo(out.outputAddress)).toBeNull();
    expect(x.selection()).toEqual({ sheet: "Sheet1", address: "I1:L41" });
    x.deleteSheet("Summary");
    expect(await tools.goTo("Summary!A1")).toEqual({ error: 'The sheet "Summary" is no longer in the workbook (renamed or deleted).' });
    expect(x.selection()).toEqual({ sheet: "Sheet1", address: "I1:L41" });
  });
});

describe("a downloaded workbook keeps the finish (read back with ExcelJS)", () => {
  it("column widths, number formats, wrap, frozen rows, the selection and the page set-up", async () => {
    const x = new ExcelStandIn().addSheet("Sheet1");
    x.setColumns("Sheet1", "A1", sampleIndicatorColumns(40));
    const tools = createExcelTools(x.run, { yieldToUi: noYield });
    const [s] = await tools.listSources();
    done(await withExcelApi(null, () => tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping })));
    const p = plan();
    await withExcelApi(null, () => createActionPlanTools(x.run).insertActionPlan(p, "Action plan"));
    const wb = await download(x);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sheet1", "Summary", "Action plan"]);

    const ap = wb.getWorksheet("Action plan")!;
    const top = p.header.length + 2; // 1-based row of the table header
    expect(ap.getColumn(1).width).toBeCloseTo(MAX_COLUMN_CHARS, 1);
    expect(ap.getColumn(4).width).toBeCloseTo(18, 1);
    expect(ap.getCell(top + 1, 1).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(ap.getCell(top + 1, PLAN_COLUMNS.indexOf("Resources") + 1).numFmt).toBe("£#,##0");
    expect(ap.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ap.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ap.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });

    const sum = wb.getWorksheet("Summary")!;
    expect(sum.views[0]).toMatchObject({ state: "frozen", ySplit: 1, activeCell: "A1" });
    expect(sum.getColumn(1).width).toBeGreaterThan(20);
    expect(sum.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitlesRow: "1:1" });
    const bandRow = sum.getColumn(1).values.findIndex((v) => v === "ABG band");
    expect(sum.getCell(bandRow + 1, 3).numFmt).toBe("£#,##0");

    const data = wb.getWorksheet("Sheet1")!;
    expect(data.getCell("J2").numFmt).toBe("£#,##0");
    expect(data.views[0]).toMatchObject({ activeCell: "I1" });

    // And back into the preview: frozen rows and page set-up are read again.
    const { standIn } = await readWorkbook({ newStandIn: () => new ExcelStandIn() } as unknown as PreviewHost, (await wb.xlsx.writeBuffer()) as ArrayBuffer, "back.xlsx", false);
    expect(standIn.sheetLook("Action plan").frozenRows).toBe(1);
    expect(standIn.sheetLook("Action plan").pageLayout).toMatchObject({ orientation: "Landscape", printTitleRows: "1:1" });
    expect(standIn.sheetLook("Sheet1").selection).toBe("I1"); // the active cell (the file keeps the selection's top-left)
    expect(standIn.selection()).toEqual({ sheet: "Action plan", address: "A1" }); // the active sheet, as saved
  });
});

describe("the stand-in records formats as Office.js documents them, and refuses what Excel refuses", () => {
  it("column widths per column, wrap and fonts per block (clear('Formats') resets them), freezeRows, table style, page layout", async () => {
    const x = new ExcelStandIn().addSheet("S");
    await x.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("B:C").format.columnWidth = 100;
      ws.getRange("A1:B2").format.wrapText = true;
      ws.getRange("A1").format.font.bold = true;
      ws.getRange("B2").format.fill.color = "#FFFF00";
      const t = ws.tables.add("S!A4:B6", true);
      t.style = "TableStyleLight9";
      ws.freezePanes.freezeRows(4);
      ws.pageLayout.orientation = "Landscape";
      ws.pageLayout.zoom = { scale: 80 };
      ws.pageLayout.setPrintTitleRows("$1:$4");
      await context.sync();
    });
    const look = x.sheetLook("S", ["A1", "B2", "C3"]);
    expect(look.columnWidths).toEqual({ B: 100, C: 100 });
    expect(look.cells).toEqual({ A1: { wrapText: true, bold: true }, B2: { wrapText: true, fill: "#FFFF00" }, C3: {} });
    expect(look.tables).toEqual([{ name: "Table1", address: "A4:B6", style: "TableStyleLight9" }]);
    expect(look.frozenRows).toBe(4);
    expect(look.pageLayout).toEqual({ orientation: "Landscape", zoom: { scale: 80 }, printTitleRows: "$1:$4" });
    await x.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:A1").clear("Formats");
      await context.sync();
    });
    expect(x.sheetLook("S", ["A1", "B2"]).cells).toEqual({ A1: {}, B2: { wrapText: true, fill: "#FFFF00" } });
  });

  it.each([
    ["print title rows that are not whole rows", (ws: Excel.Worksheet) => ws.pageLayout.setPrintTitleRows("A1:C3")],
    ["a print scale outside 10–400", (ws: Excel.Worksheet) => (ws.pageLayout.zoom = { scale: 5 })],
    ["a width beyond Excel's widest column (255 characters)", (ws: Excel.Worksheet) => (ws.getRange("A:A").format.columnWidth = 5000)],
    ["a table style Excel does not have", (ws: Excel.Worksheet) => (ws.tables.add("S!A1:B2", true).style = "TableStyleMedium99")],
    ["a negative row count to freeze", (ws: Excel.Worksheet) => ws.freezePanes.freezeRows(-1)],
  ])("refuses %s (InvalidArgument, at sync)", async (_what, act) => {
    const x = new ExcelStandIn().addSheet("S");
    await expect(
      x.run(async (context) => {
        act(context.workbook.worksheets.getItem("S"));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
