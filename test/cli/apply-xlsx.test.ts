import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cohesion, sha256, useScratchDir } from "../helpers/cli";

const OUT = ["Family type", "Family type name", "Family group", "ABG band", "ABG allocation", "ABG band range", "Notes"];
const dir = useScratchDir();

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The Summary sheet's rows, keyed by the label in column A. */
function summaryByLabel(ws: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue[]> {
  const m = new Map<string, ExcelJS.CellValue[]>();
  ws.eachRow((row) => {
    const v = row.values as ExcelJS.CellValue[];
    if (v[1] !== undefined && v[1] !== null) m.set(String(v[1]), v.slice(1));
  });
  return m;
}

/** A council's workbook: a notes sheet, the data sheet (header in row 2), and the user's own "Summary". */
async function councilWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("Read me");
  notes.getCell("A1").value = "Notes for the team";
  notes.getCell("A1").font = { bold: true };
  notes.getCell("A2").value = { formula: "1+1", result: 2 } as ExcelJS.CellValue;
  notes.mergeCells("A4:C4");
  notes.getCell("A4").value = "Merged title";

  const ws = wb.addWorksheet("Areas");
  ws.getRow(2).values = ["Authority", "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10,000", "Jobs 1984", "Double score"];
  ws.getRow(2).font = { bold: true };
  ws.getRow(3).values = ["Alpha", 59, 2, 20, 60, 10, null, { formula: "B3*2", result: 118 } as ExcelJS.CellValue];
  ws.getRow(4).values = ["Beta", { formula: "70+2", result: 72 } as ExcelJS.CellValue, 1, 30, 10, 3, null, { formula: "B4*2", result: 144 } as ExcelJS.CellValue];
  ws.getRow(5).values = ["Gamma", { formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellValue, 2, 20, 10, 3, 1500];
  ws.getRow(6).values = ["Delta", new Date(Date.UTC(2009, 0, 1)), 2, { richText: [{ text: "2" }, { text: "0" }] }, 10, 3, 1500];
  ws.getRow(7).values = ["Epsilon", { text: "64", hyperlink: "https://example.org/" }, 1, 20, 10, 10];
  ws.getColumn(1).width = 30;
  ws.getCell("B3").numFmt = "0.0";
  ws.getCell("B3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("C3").dataValidation = { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 100] };

  wb.addWorksheet("Summary").getCell("A1").value = "My summary";
  await wb.xlsx.writeFile(file);
}

describe("cohesion apply: a council workbook (whole-workbook path)", () => {
  let input: string;
  let out: string;
  let before: string;
  let run: ReturnType<typeof cohesion>;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    input = path.join(dir, "council.xlsx");
    out = path.join(dir, "council.out.xlsx");
    await councilWorkbook(input);
    before = sha256(input);
    run = cohesion(["apply", input, "--out", out]);
    wb = await read(out);
  });

  it("finds the data sheet, exits 0 and leaves the input byte-identical", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Read sheet "Areas" of .*council\.xlsx: read and written part by part/);
    expect(run.stdout).toMatch(/Header row 2; 5 data rows \(rows 3–7\)/);
    expect(sha256(input)).toBe(before);
  });

  it("keeps the other sheets, their formats, formulas and merged cells", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Read me", "Areas", "Summary", "Summary (2)"]);
    const notes = wb.getWorksheet("Read me")!;
    expect(notes.getCell("A1").value).toBe("Notes for the team");
    expect(notes.getCell("A1").font).toMatchObject({ bold: true });
    expect(notes.getCell("A2").value).toMatchObject({ formula: "1+1", result: 2 });
    expect(notes.getCell("B4").isMerged).toBe(true);
    expect(wb.getWorksheet("Summary")!.getCell("A1").value).toBe("My summary");
  });

  it("keeps the data sheet's formats, formulas, widths and validation, and adds the results beside them", () => {
    const ws = wb.getWorksheet("Areas")!;
    expect(ws.getCell("B3").numFmt).toBe("0.0");
    expect(ws.getCell("B3").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(ws.getCell("C3").dataValidation).toMatchObject({ type: "decimal", formulae: [0, 100] });
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getCell("H3").value).toMatchObject({ formula: "B3*2", result: 118 });
    expect(ws.getCell("B4").value).toMatchObject({ formula: "70+2", result: 72 });
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(["Authority", "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10,000", "Jobs 1984", "Double score", ...OUT]);
    expect(ws.getCell("I2").font).toMatchObject({ bold: true });
    expect(ws.getRow(1).cellCount).toBe(0);

    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(9, 16);
    expect(row(3)).toEqual([1, "Changing less affluent rural areas", "a", 2, 540000, "band 2 or band 3", expect.stringMatching(/band uncertain/)]);
    expect(row(4).slice(0, 6)).toEqual([6, "Stable affluent urban areas", undefined, 5, 150000, "band 5"]); // formula result read
    expect(row(5).slice(0, 4)).toEqual([2, "Stable less affluent urban areas with manufacturing decline", "b", undefined]);
    expect(row(5)[6]).toMatch(/holds the error #N\/A/);
    expect(row(6)[0]).toBe(2); // rich text "20" read as 20
    expect(row(6)[6]).toMatch(/must be a number; got a date, 2009-01-01\./); // named as a date (issue 12.6), not "the text"
    expect(row(7).slice(0, 6)).toEqual([4, "Changing less affluent urban areas", "d", 3, 410000, "band 3 or band 4"]); // hyperlink text "64"
  });

  it("adds a Summary sheet of its own beside the user's, with the totals", () => {
    const s = summaryByLabel(wb.getWorksheet("Summary (2)")!);
    expect(s.get("Cohesion Toolkit summary")).toBeDefined();
    expect(s.get("Rows")![1]).toBe(5);
    expect(s.get("Band 2 (below 60% but at least 55%)")!.slice(1, 3)).toEqual([1, 540000]);
    expect(s.get("Band 3 (below 65% but at least 60%)")!.slice(1, 3)).toEqual([1, 410000]);
    expect(s.get("Total allocation (£)")![2]).toBe(540000 + 150000 + 410000);
    expect(s.get("£34m ABG cohesion programme (£)")![2]).toBe(34_000_000);
    expect(s.get("Uncertain rows")![1]).toBe("3, 7"); // sheet row numbers
    const types = new Map<number, ExcelJS.CellValue[]>();
    wb.getWorksheet("Summary (2)")!.eachRow((r) => {
      const v = r.values as ExcelJS.CellValue[];
      if (typeof v[1] === "number") types.set(v[1], v.slice(1));
    });
    expect(types.get(1)).toEqual([1, "Changing less affluent rural areas", 1, 72.2, 59, 27]);
    expect(types.get(6)!.slice(2, 5)).toEqual([1, 80.5, 72]);
    expect(s.get("score")!.slice(0, 3)).toEqual(["score", "B", "NI 1 %"]);
  });

  it("re-run on its own output: same columns and sheets, its own Summary replaced", async () => {
    const out2 = path.join(dir, "council.out2.xlsx");
    const r = cohesion(["apply", out, "--out", out2, "--basis", "upper"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/7 reused from an earlier run/);
    const wb2 = await read(out2);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(["Read me", "Areas", "Summary", "Summary (2)"]);
    const ws = wb2.getWorksheet("Areas")!;
    expect((ws.getRow(2).values as unknown[]).slice(9)).toEqual(OUT);
    expect((ws.getRow(3).values as unknown[]).slice(12, 15)).toEqual([3, 410000, "band 2 or band 3"]);
    expect(summaryByLabel(wb2.getWorksheet("Summary (2)")!).get("Basis")![1]).toBe("upper");
    expect(wb2.getWorksheet("Summary")!.getCell("A1").value).toBe("My summary");
  });

  it("--sheet picks a sheet; an unknown one is exit 2 naming the sheets", () => {
    const r = cohesion(["apply", input, "--out", path.join(dir, "x.xlsx"), "--sheet", "Nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sheet "Nope" not found in .*council\.xlsx; its sheets are "Read me", "Areas", "Summary"/);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    const ok = cohesion(["apply", input, "--out", path.join(dir, "y.csv"), "--sheet", "areas"]);
    expect(ok.code).toBe(0);
    const csv = fs.readFileSync(path.join(dir, "y.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("\ufeff"); // row 1 of the sheet is empty (after the UTF-8 BOM every CSV output starts with)
    expect(csv[1]).toBe(`Authority,NI 1 %,CI,NVQ4+ %,Rural %,A8 per 10,000,Jobs 1984,Double score,${OUT.join(",")}`.replace("A8 per 10,000", '"A8 per 10,000"'));
    expect(csv[2]).toMatch(/^Alpha,59,2,20,60,10,,118,1,Changing less affluent rural areas,a,2,540000,band 2 or band 3,/);
    expect(csv[4]).toMatch(/^Gamma,#N\/A,2,/);
  });
});

describe("cohesion apply: a plain single-sheet workbook", () => {
  let input: string;

  beforeAll(async () => {
    input = path.join(dir, "plain.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("LSOAs");
    ws.addRow(["LSOA", "Get on well together", "95% CI", "NVQ4", "Rural", "A8", "Single-issue tension"]);
    ws.addRow(["E01000001", 0.59, 0.02, 0.2, 0.6, 10, false]);
    ws.addRow(["E01000002", 0.72, 0.01, 0.4, 0.7, 2, true]);
    ws.addRow(["E01000003", "n/a", null, 0.2, 0.1, 3, null]);
    await wb.xlsx.writeFile(input);
  });

  it("reads and writes it part by part, with the same results as a CSV output", async () => {
    const before = sha256(input);
    const out = path.join(dir, "plain.out.xlsx");
    const r = cohesion(["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/read and written part by part/);
    const wb = await read(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["LSOAs", "Summary"]);
    const rows: unknown[][] = [];
    wb.getWorksheet("LSOAs")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const csvOut = path.join(dir, "plain.out.csv");
    expect(cohesion(["apply", input, "--out", csvOut]).code).toBe(0);
    const csvRows = fs.readFileSync(csvOut, "utf8").replace(/^\ufeff/, "").trim().split("\n").map((l) => l.split(",").slice(7, 13));
    expect(rows.map((row) => Array.from({ length: 6 }, (_, k) => (row[7 + k] === undefined ? "" : String(row[7 + k]))))).toEqual(csvRows);
    const [header, a, b, c] = rows;
    expect(header.slice(7)).toEqual(OUT);
    expect(a).toEqual(["E01000001", 0.59, 0.02, 0.2, 0.6, 10, false, 1, "Changing less affluent rural areas", "a", 2, 540000, "band 2 or band 3", expect.stringMatching(/band uncertain/)]);
    expect(b.slice(7, 13)).toEqual([8, "Stable affluent rural areas", "e", 5, 150000, "band 5"]);
    expect(c.slice(7, 13)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(c[13]).toMatch(/1984 coal, textiles and steel jobs are needed/);
    expect(c[13]).toMatch(/must be a number; got the text "n\/a"/);
    expect(sha256(input)).toBe(before);
  });
});

describe("cohesion apply: percent-formatted cells", () => {
  it("reads Excel percent cells (0–1) as fractions", async () => {
    const input = path.join(dir, "pct.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addRow(["Area", "NI 1 %", "CI"]);
    ws.addRow(["A", 0.59, 0.02]);
    ws.addRow(["B", 0.76, 0.01]);
    ws.getColumn(2).numFmt = "0%";
    ws.getCell("B2").numFmt = "0%";
    ws.getCell("B3").numFmt = "0%";
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "pct.out.csv");
    expect(cohesion(["apply", input, "--out", out]).code).toBe(0);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n");
    // A score-only table gets the ABG columns and Notes alone (issue 12.5): no empty family-type columns.
    expect(lines[0]).toBe("Area,NI 1 %,CI,ABG band,ABG allocation,ABG band range,Notes");
    expect(lines[1]).toMatch(/^A,0\.59,0\.02,2,540000,band 2 or band 3,/);
    expect(lines[2]).toMatch(/^B,0\.76,0\.01,0,0,no band,$/);
  });
});

describe("cohesion apply: what a value is, and uncertainty (issues 12.4, 12.6)", () => {
  it("names a date, a time and TRUE in a number column as such; without a CI the summary says uncertainty was not assessed", async () => {
    const input = path.join(dir, "kinds.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addRow(["Area", "NI 1 %"]);
    ws.addRow(["A", new Date(Date.UTC(2008, 4, 1))]);
    ws.addRow(["B", new Date(Date.UTC(1899, 11, 30, 13, 30))]);
    ws.addRow(["C", true]);
    ws.addRow(["D", 59]);
    ws.getCell("B2").numFmt = "dd/mm/yyyy";
    ws.getCell("B3").numFmt = "h:mm";
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "kinds.out.csv");
    const r = cohesion(["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n");
    expect(lines[1]).toMatch(/^A,2008-05-01,,,,"ABG: Score \(get on well together %\) must be a number; got a date, 2008-05-01\./);
    expect(lines[2]).toMatch(/got a time, 13:30\./);
    expect(lines[3]).toMatch(/^C,TRUE,,,,"ABG: .* must be a number; got TRUE, a logical value\./);
    expect(lines[4]).toBe("D,59,2,540000,band 2,");
    expect(r.stdout).toMatch(/^Uncertainty not assessed: no confidence intervals given$/m);
    expect(r.stdout).not.toMatch(/Rows whose band is uncertain/);
  });
});

describe("cohesion apply: one result block, whichever tool wrote it (issue 12.3)", () => {
  async function source(name: string): Promise<string> {
    const input = path.join(dir, name);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Areas");
    ws.addRow(["Area", "NI 1 %", "CI"]);
    [["A", 59, 2], ["B", 72, 1], ["C", 50, 1]].forEach((r) => ws.addRow(r));
    ws.getCell("A1").font = { bold: true };
    await wb.xlsx.writeFile(input);
    return input;
  }
  const read = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb;
  };

  it("marks the block and the Summary sheet with workbook names, and keeps values typed in its columns unless --force", async () => {
    const out1 = path.join(dir, "marked.1.xlsx");
    expect(cohesion(["apply", await source("marked.xlsx"), "--out", out1]).code).toBe(0);
    const wb1 = await read(out1);
    const names = (wb1.definedNames.model as { name: string; ranges: string[] }[]).map((n) => [n.name.replace(/\.[0-9a-z_x]+$/, ""), n.ranges[0]]);
    expect(names).toEqual([
      [expect.stringMatching(/^CohesionToolkit\.Block1\.r3$/), "Areas!$D$1:$G$1"],
      ["CohesionToolkit.Summary", expect.stringMatching(/^Summary!\$A\$1:\$[A-Z]+\$\d+$/)],
    ]);
    // The user types a note in the Notes column and a band of their own; and edits an input (its results are the toolkit's to update).
    const ws1 = wb1.getWorksheet("Areas")!;
    ws1.getCell("G3").value = "checked by Bob";
    ws1.getCell("D4").value = 9;
    ws1.getCell("B3").value = 73; // still band 5: its row's results do not change
    ws1.getCell("B4").value = 51; // still band 1
    const edited = path.join(dir, "marked.edited.xlsx");
    await wb1.xlsx.writeFile(edited);
    const out2 = path.join(dir, "marked.2.xlsx");
    const r2 = cohesion(["apply", edited, "--out", out2]);
    expect(r2.code).toBe(0);
    expect(r2.stderr).toBe("cohesion: warning: 2 cells G3 and D4 in the toolkit's columns hold values typed since the last run; kept as they are (run with --force to replace them)\n");
    expect(r2.stdout).toMatch(/Results in columns D–G \(4 reused from an earlier run\); summary in sheet "Summary"/);
    const ws2 = (await read(out2)).getWorksheet("Areas")!;
    expect(ws2.getCell("G3").value).toBe("checked by Bob");
    expect(ws2.getCell("D4").value).toBe(9);
    expect(ws2.getCell("B3").value).toBe(73);
    // Kept, they are still the user's on the next run; --force replaces them.
    const out3 = path.join(dir, "marked.3.xlsx");
    const r3 = cohesion(["apply", out2, "--out", out3, "--force"]);
    expect(r3.stderr).toBe("cohesion: warning: 2 cells G3 and D4 in the toolkit's columns hold values typed since the last run; replaced (--force)\n");
    const wb3 = await read(out3);
    expect(wb3.getWorksheet("Areas")!.getCell("G3").value).toBe(null);
    expect(wb3.getWorksheet("Areas")!.getCell("D4").value).toBe(1);
    expect(wb3.worksheets.map((w) => w.name)).toEqual(["Areas", "Summary"]);
    // A CSV output keeps them too.
    const csv = path.join(dir, "marked.csv");
    const r4 = cohesion(["apply", out2, "--out", csv]);
    expect(r4.stderr).toMatch(/2 cells G3 and D4 .* kept as they are/);
    expect(fs.readFileSync(csv, "utf8").split("\n")[2]).toBe("B,73,1,5,150000,band 5,checked by Bob");
  });

  it("reuses the summary sheet its marker names, whatever it is called (the task pane's \"Cohesion summary\")", async () => {
    const out1 = path.join(dir, "renamed.1.xlsx");
    expect(cohesion(["apply", await source("renamed.xlsx"), "--out", out1]).code).toBe(0);
    const wb = await read(out1);
    const summary = wb.getWorksheet("Summary")!;
    summary.name = "Cohesion summary";
    wb.addWorksheet("Summary").getCell("A1").value = "The user's own summary";
    wb.definedNames.model = (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => ({ ...n, ranges: n.ranges.map((r) => r.replace(/^Summary!/, "'Cohesion summary'!")) }));
    const renamed = path.join(dir, "renamed.edited.xlsx");
    await wb.xlsx.writeFile(renamed);
    const out2 = path.join(dir, "renamed.2.xlsx");
    const r = cohesion(["apply", renamed, "--out", out2]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/summary in sheet "Cohesion summary"/);
    const wb2 = await read(out2);
    expect(wb2.worksheets.map((w) => w.name).sort()).toEqual(["Areas", "Cohesion summary", "Summary"]);
    expect(wb2.getWorksheet("Summary")!.getCell("A1").value).toBe("The user's own summary");
  });
});
