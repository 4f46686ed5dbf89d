/**
 * Decision A7 end to end (issue 12, point 1): one scale decision for all the percentage columns of
 * a table, a % number format per cell in an .xlsx, a % header per column, and a guessed scale said
 * on stderr, on stdout and in the rows' notes. Runs the built command line (lib/).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cohesion, readCsv, records, useScratchDir } from "../helpers/cli";

const dir = useScratchDir();

const RURAL_TYPES = ["1", "5", "8", "9"];

/** An urban table as London boroughs and big cities have it: NVQ4+ 15–60 %, rural 0–0.95 % (0.53 means 0.53 %), A8, 1984 jobs. */
function urbanRows(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [["Borough", "NVQ4+", "Rural", "A8", "Jobs 1984"]];
  for (let i = 0; i < n; i++) rows.push([`Borough ${i + 1}`, 15 + ((i * 37) % 46), Math.round((i * 53) % 96) / 100, (i * 7) % 40, (i * 311) % 3000]);
  return rows;
}

function expectUrban(rec: Record<string, string>[], rural: string[]): void {
  expect(rec.length).toBeGreaterThan(100);
  expect(rec.filter((r) => r["Family type"] === "")).toEqual([]);
  expect(rural.filter((v) => Number(v) >= 0.5).length).toBeGreaterThan(40); // rows the per-column rule typed as rural
  expect(rec.filter((r) => RURAL_TYPES.includes(r["Family type"]))).toEqual([]);
  const i = rural.indexOf("0.53");
  expect(i).toBeGreaterThanOrEqual(0);
  expect(rec[i]["Family type"]).not.toBe("");
  expect(rec.flatMap((r) => (r.Notes ? [r.Notes] : [])).filter((n) => /scale|fraction/.test(n))).toEqual([]);
}

describe("cohesion apply: the urban table (issue 12)", () => {
  it("CSV: rural 0.53 is 0.53 % (urban), never 53 %; stdout says why; no warning", () => {
    const rows = urbanRows(150);
    const input = path.join(dir, "urban.csv");
    fs.writeFileSync(input, rows.map((r) => r.join(",")).join("\n") + "\n");
    const out = path.join(dir, "urban.out.csv");
    const r = cohesion(["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Percentages:\n  NVQ4+ share: read as per cent: a value above 1 in the table (NVQ4+ share 15).\n  Rural share: read as per cent: a value above 1 in the table (NVQ4+ share 15).\n");
    expectUrban(records(readCsv(out)), rows.slice(1).map((x) => String(x[2])));
  });

  it(".xlsx (a plain sheet, streamed): the same", async () => {
    const rows = urbanRows(150);
    const input = path.join(dir, "urban.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Boroughs");
    for (const row of rows) ws.addRow(row);
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "urban.xlsx.out.csv");
    const r = cohesion(["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/part by part/);
    expect(r.stderr).toBe("");
    expectUrban(records(readCsv(out)), rows.slice(1).map((x) => String(x[2])));
  });
});

describe("cohesion apply: number formats in an .xlsx (whole-workbook path)", () => {
  it("a % formatted cell is a fraction, beside plain per-cent cells in the same column (a mixed table)", async () => {
    const input = path.join(dir, "mixed.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addRow(["Area", "NVQ4+", "Rural", "A8", "Jobs 1984"]);
    ws.addRow(["A", 30, 0.6, 10, 0]); // rural 0.6 shown as 60% → rural, affluent, changing: 9
    ws.addRow(["B", 30, 0.53, 10, 0]); // rural 0.53 plain → 0.53 % → urban, affluent, changing: 7
    ws.addRow(["C", 0.2, 0.1, 3, 2000]); // NVQ4+ 0.2 shown as 20.0% → less affluent; rural 0.1 % → urban, stable, 2,000 jobs: 2
    ws.getCell("C2").numFmt = "0%";
    ws.getCell("B4").numFmt = "0.0%";
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "mixed.out.csv");
    const r = cohesion(["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/part by part/);
    expect(records(readCsv(out)).map((x) => x["Family type"])).toEqual(["9", "7", "2"]);
    expect(r.stdout).toContain("  Rural share: 2 read as per cent: a value above 1 in the table (NVQ4+ share 30); 1 with a % number format read as fractions.");
    expect(r.stderr).toBe("");
  });

  it("numFmt 0% on every percentage cell: fractions, not flagged", async () => {
    const input = path.join(dir, "allpct.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addRow(["Area", "Score", "NVQ4+", "Rural", "A8"]);
    ws.addRow(["A", 0.59, 0.3, 0.6, 10]);
    ws.addRow(["B", 0.72, 0.1, 0.2, 9]);
    for (const c of ["B", "C", "D"]) for (const n of [2, 3]) ws.getCell(`${c}${n}`).numFmt = "0%";
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "allpct.out.csv");
    const r = cohesion(["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    const rec = records(readCsv(out));
    expect(rec.map((x) => [x["Family type"], x["ABG band"]])).toEqual([["9", "2"], ["4", "5"]]);
    expect(rec.map((x) => x.Notes)).toEqual(["", ""]);
    expect(r.stderr).toBe("");
  });
});

describe("cohesion apply: headers and the ambiguous table", () => {
  it("a header that says % means per cent: Rural % 0.53 is 0.53 % even with every value within 0–1", () => {
    const input = path.join(dir, "hdr.csv");
    fs.writeFileSync(input, "Area,NVQ4+ %,Rural %,A8,Jobs 1984\nA,0.3,0.53,10,0\nB,0.9,0.6,2,2000\n");
    const out = path.join(dir, "hdr.out.csv");
    const r = cohesion(["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(records(readCsv(out)).map((x) => x["Family type"])).toEqual(["4", "2"]); // 0.3 % and 0.9 % NVQ4+: less affluent urban
    expect(r.stdout).toContain('  Rural share: read as per cent: the header "Rural %" says per cent.');
    expect(r.stderr).toBe("");
  });

  it("every percentage within 0–1, no % sign or header: fractions, said on stderr, stdout and in every row's note", () => {
    const input = path.join(dir, "amb.csv");
    fs.writeFileSync(input, "Area,Score,NVQ4+,Rural,A8\nA,0.59,0.3,0.6,10\nB,0.72,0.1,0.2,9\n");
    const out = path.join(dir, "amb.out.csv");
    const r = cohesion(["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^cohesion: warning: Percentages read as fractions \(0\.5 = 50%\): every percentage in the table is within 0–1 and none has a % number format or a % header; run with --scale percent if 0\.5 means 0\.5%\.$/m);
    expect(r.stdout).toContain("  Score: read as fractions: every percentage in the table is within 0–1 (ambiguous).");
    const rec = records(readCsv(out));
    expect(rec.map((x) => [x["Family type"], x["ABG band"]])).toEqual([["9", "2"], ["4", "5"]]);
    for (const x of rec) expect(x.Notes).toMatch(/^warning: Percentages read as fractions \(0\.5 = 50%\)/);
    // --scale percent: said, and no guess.
    const out2 = path.join(dir, "amb.pct.csv");
    const p = cohesion(["apply", input, "--out", out2, "--scale", "percent"]);
    expect(p.stderr).toBe("");
    expect(p.stdout).toContain('  Score: read as per cent: scale "percent" given.');
    expect(records(readCsv(out2)).map((x) => x["ABG band"])).toEqual(["1", "1"]);
  });
});
