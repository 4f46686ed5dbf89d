/**
 * `cohesion profile FILE --area NAME --out FILE` (issue 16.2): the Annex B profile of one area as .csv and
 * .xlsx, the Local knowledge typed into an earlier profile kept on a re-run, and one line with exit 2 for
 * every bad input (never a crash, nothing written).
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { ANNEX_B_ITEMS } from "../../src/engine";
import { cohesion, readCsv, records, sha256, useScratchDir } from "../helpers/cli";

const dir = useScratchDir("cohesion-profile-");
const CSV = [
  "Area,NI 1 %,CI,NVQ4+ %,Rural %,A8 per 10000,Jobs 1984,Belonging,Sample size",
  "Ashbury,59,2,20,10,12,500,48,1100",
  "Brindle,70,2,22,12,10,400,60,900",
  "Calder,81,1.5,35,60,3,0,65,1000",
  "Dunmore,75,2,24,15,9,1500,58,800",
  "Eskdale,84,1,38,70,2,0,70,700",
].join("\n");
const input = path.join(dir, "areas.csv");
fs.writeFileSync(input, `${CSV}\n`);
const before = sha256(input);
const run = (...args: string[]) => cohesion(["profile", input, ...args, "--date", "2026-12-07"]);

describe("cohesion profile", () => {
  it("writes the profile as CSV: F1–F4 then the 30 Annex B items, evidence filled, Local knowledge empty", () => {
    const out = path.join(dir, "ashbury.csv");
    const r = run("--area", "ashbury", "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Area profile of Ashbury \(CDF Annex B: 30 items\) written to/);
    expect(r.stdout).toMatch(/I03 .* belonging 48\.0% vs national 59%/);
    const rows = records(readCsv(out));
    expect(rows.map((x) => x.Code)).toEqual(["F1", "F2", "F3", "F4", ...ANNEX_B_ITEMS.map((i) => i.code)]);
    const by = new Map(rows.map((x) => [x.Code, x]));
    expect(by.get("F1")!["Workbook evidence"]).toContain("Type 4: Changing less affluent urban areas");
    expect(by.get("F2")!["Workbook evidence"]).toContain("ABG: band 2, £540,000; across the CI: band 2 or band 3");
    expect(by.get("F4")!["Workbook evidence"]).toMatch(/1\. (Brindle|Dunmore) \(0\.\d{3}\)/);
    expect(by.get("B-A2")!["Workbook evidence"]).toMatch(/vs national 59%: worse \(its interval lies entirely below\)/);
    expect(by.get("B-A2")!.Source).toBe('CDF Annex B, "Individuals\' attitudes": "Sense of belonging" (pp. 27–32)');
    expect(rows.every((x) => x["Local knowledge"] === "")).toBe(true);
    expect(sha256(input)).toBe(before);
  });

  it("--compare chooses the comparators", () => {
    const out = path.join(dir, "national.csv");
    expect(run("--area", "Ashbury", "--out", out, "--compare", "national").code).toBe(0);
    const f2 = records(readCsv(out)).find((x) => x.Code === "F2")!["Workbook evidence"];
    expect(f2).toContain("vs national 82%");
    expect(f2).not.toContain("median");
  });

  it("writes a finished .xlsx, and a re-run keeps the Local knowledge typed into it", async () => {
    const out = path.join(dir, "calder.xlsx");
    expect(run("--area", "Calder", "--out", out).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("Profile Calder");
    expect(String(ws.getCell("A1").value)).toMatch(/^Area profile: Calder/);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    const headerRow = ws.getRow(6).values as unknown[];
    expect(headerRow.slice(1)).toEqual(["Code", "Section", "Item", "What the framework says", "Workbook evidence", "Issues suggested (CDF Annex D)", "Source", "Local knowledge"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    expect(ws.getCell("E7").alignment?.wrapText).toBe(true);
    // The user types local knowledge against B-C9 (physical barriers) and saves.
    const c9 = ws.getColumn(1).values.findIndex((v) => v === "B-C9");
    ws.getCell(c9, 8).value = "The ring road cuts the east estates off";
    await wb.xlsx.writeFile(out);
    const again = run("--area", "Calder", "--out", out);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("the Local knowledge of 1 row(s) kept");
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(out);
    expect(wb2.worksheets[0].getCell(c9, 8).value).toBe("The ring road cuts the east estates off");
    expect(String(wb2.worksheets[0].getCell(c9, 5).value)).toMatch(/^Nothing in the workbook/);
    // Another area's profile to the same file: refused, the file as it was.
    const other = run("--area", "Brindle", "--out", out);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/holds another profile \("Area profile: Calder/);
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.readFile(out);
    expect(wb3.worksheets[0].getCell(c9, 8).value).toBe("The ring road cuts the east estates off");
  });

  it("a cell of the area's row that cannot be read: written, a warning naming it, exit 1", () => {
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, "Area,NI 1 %,NVQ4+ %,Rural %,A8\nX,n/a,20,10,3\nY,70,30,20,2\n");
    const out = path.join(dir, "bad-out.csv");
    const r = cohesion(["profile", bad, "--area", "X", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cohesion: warning: row 2: Score \(get on well together %\) .*"n\/a"/);
    expect(fs.existsSync(out)).toBe(true);
    expect(records(readCsv(out)).find((x) => x.Code === "F2")!["Workbook evidence"]).toContain("no ABG band");
    expect(records(readCsv(out)).find((x) => x.Code === "F1")!["Workbook evidence"]).toMatch(/Not read: Score \(get on well together %\) .*"n\/a"/);
  });

  it.each([
    ["an unknown area", ["--area", "Cald", "--out", "x.csv"], /The area "Cald" is not in the table's "Area" column\. Did you mean "Calder"\?/],
    ["no --area", ["--out", "x.csv"], /missing --area NAME/],
    ["no --out", ["--area", "Calder"], /missing --out/],
    ["a bad comparator", ["--area", "Calder", "--out", "x.csv", "--compare", "regional"], /--compare takes a comma-separated list of national, familyType, median; got "regional"/],
    ["a bad date", ["--area", "Calder", "--out", "x.csv", "--date", "7/12/2026"], /--date must be YYYY-MM-DD/],
    ["an output type", ["--area", "Calder", "--out", "x.pdf"], /use an \.xlsx or \.csv file/],
  ])("%s: one line, exit 2, nothing written", (_what, args, msg) => {
    const r = cohesion(["profile", input, ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(msg);
    expect(fs.existsSync(path.join(dir, "x.csv"))).toBe(false);
  });

  it("missing columns: no name column, or none of the columns the profile reads", () => {
    const noName = path.join(dir, "noname.csv");
    fs.writeFileSync(noName, "Score,NVQ4\n70,20\n");
    expect(cohesion(["profile", noName, "--area", "A", "--out", path.join(dir, "y.csv")])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no column of area names/) });
    const nothing = path.join(dir, "nothing.csv");
    fs.writeFileSync(nothing, "Area,Foo\nA,1\n");
    expect(cohesion(["profile", nothing, "--area", "A", "--out", path.join(dir, "y.csv")])).toMatchObject({ code: 2, stderr: expect.stringMatching(/none of the columns the profile reads/) });
  });

  it("never overwrites an existing file that is not a profile", () => {
    const other = path.join(dir, "notes.csv");
    fs.writeFileSync(other, "my,own\nnotes,here\n");
    const r = run("--area", "Calder", "--out", other);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a profile written by cohesion profile/);
    expect(fs.readFileSync(other, "utf8")).toBe("my,own\nnotes,here\n");
  });

  it("--help describes it; the main help lists it", () => {
    expect(cohesion(["profile", "--help"]).stdout).toMatch(/CDF Annex B, pp\. 27–32/);
    expect(cohesion(["--help"]).stdout).toMatch(/cohesion profile <file> --area NAME --out/);
  });
});
