import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cohesion, readCsv, records, sha256, useScratchDir } from "../helpers/cli";

const OUT = ["Family type", "Family type name", "Family group", "ABG band", "ABG allocation", "ABG band range", "Notes"];
/** A table with a score and no proxies gets these alone (issue 12.5). */
const ABG_OUT = ["ABG band", "ABG allocation", "ABG band range", "Notes"];
const dir = useScratchDir();

const write = (name: string, text: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

const AREAS = [
  "Authority,NI 1 %,CI,NVQ4+ %,Rural %,A8 per 10000,Jobs 1984,Single issue",
  "Alpha,59,2,20,60,10,,FALSE", // type 1 (a), band 2, CI spans band 2 or band 3
  "Beta,72,1,30,10,3,,", // type 6 (no group), band 5
  "Gamma,abc,2,20,10,3,1500,", // text score; type 2 (b)
  ",,,,,,,", // blank row
  "Epsilon,101,2,20,10,-3,500,TRUE", // score > 100; negative A8
  "Zeta,#N/A,2,20,10,3,500,", // error text; type 3 (c)
  "Eta,75,,20,10,10,,", // 75 → no band, £0; type 4 (d)
  "Theta,50,,40,70,2,,yes", // band 1; type 8 with single-issue → e
].join("\n");

describe("cohesion apply: CSV", () => {
  let out: string;
  let run: ReturnType<typeof cohesion>;
  let input: string;
  let before: string;

  beforeAll(() => {
    input = write("areas.csv", AREAS + "\n");
    before = sha256(input);
    out = path.join(dir, "areas.out.csv");
    run = cohesion(["apply", input, "--out", out]);
  });

  it("exits 0 with row notes and leaves the input byte-identical", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(sha256(input)).toBe(before);
  });

  it("keeps every input row and column in order and appends the output columns", () => {
    const rows = readCsv(out);
    expect(rows[0]).toEqual([...AREAS.split("\n")[0].split(","), ...OUT]);
    expect(rows).toHaveLength(9);
    AREAS.split("\n").forEach((line, i) => expect(rows[i].slice(0, 8)).toEqual(line.split(",")));
  });

  it("computes family type, group, ABG band, allocation and the CI band range", () => {
    const r = records(readCsv(out));
    expect(r[0]).toMatchObject({
      "Family type": "1",
      "Family type name": "Changing less affluent rural areas",
      "Family group": "a",
      "ABG band": "2",
      "ABG allocation": "540000",
      "ABG band range": "band 2 or band 3",
    });
    expect(r[0].Notes).toMatch(/band uncertain/);
    expect(r[1]).toMatchObject({ "Family type": "6", "Family group": "", "ABG band": "5", "ABG allocation": "150000", "ABG band range": "band 5", Notes: "" });
    expect(r[6]).toMatchObject({ "Family type": "4", "Family group": "d", "ABG band": "0", "ABG allocation": "0", "ABG band range": "no band" });
    expect(r[7]).toMatchObject({ "Family type": "8", "Family group": "e", "ABG band": "1", "ABG allocation": "660000", "ABG band range": "band 1" });
  });

  it("gives bad rows empty results and a note, and still computes the rest of the row", () => {
    const r = records(readCsv(out));
    expect(r[2]).toMatchObject({ "Family type": "2", "Family group": "b", "ABG band": "", "ABG allocation": "", "ABG band range": "" });
    expect(r[2].Notes).toMatch(/must be a number; got the text "abc"/);
    expect(r[3]).toMatchObject({ "Family type": "", "ABG band": "", Notes: "blank row: no inputs" });
    expect(r[4]).toMatchObject({ "Family type": "", "ABG band": "" });
    expect(r[4].Notes).toMatch(/cannot be negative; got -3/);
    expect(r[4].Notes).toMatch(/between 0 and 100.*got 101/);
    expect(r[5]).toMatchObject({ "Family type": "3", "Family group": "c", "ABG band": "" });
    expect(r[5].Notes).toMatch(/holds the error #N\/A/);
  });

  it("prints the field → column mapping, the counts and the summary", () => {
    expect(run.stdout).toMatch(/score\s+← "NI 1 %" \(column B\)/);
    expect(run.stdout).toMatch(/ci\s+← "CI" \(column C\)/);
    expect(run.stdout).toMatch(/singleissue ← "Single issue" \(column H\)/);
    expect(run.stdout).toMatch(/8 data rows \(rows 2–9\)/);
    expect(run.stdout).toMatch(/Results in columns I–O/);
    expect(run.stdout).toMatch(/Total allocation \(£\)\s+4\s+1,350,000/); // 4 areas with a band or none: 540,000 + 150,000 + 0 + 660,000
    expect(run.stdout).toMatch(/Uncertain rows\s+2\b/);
  });
});

describe("cohesion apply: CSV dialects", () => {
  it("reads a semicolon CSV with a BOM, CRLF and a quoted newline, and writes the same dialect", () => {
    const text = '\ufeffArea;Score;CI\r\n"North\r\nward";59;2\r\nSouth;"59,5";1\r\n';
    const input = write("semi.csv", text);
    const out = path.join(dir, "semi.out.csv");
    const r = cohesion(["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    const raw = fs.readFileSync(out, "utf8");
    expect(raw.startsWith("\ufeffArea;Score;CI;ABG band;ABG allocation;ABG band range;Notes\r\n")).toBe(true);
    expect(raw).toContain("\r\n");
    const rows = readCsv(out, ";");
    expect(rows[1].slice(0, 3)).toEqual(["North\r\nward", "59", "2"]);
    expect(records(rows)[0]).toMatchObject({ "ABG band": "2", "ABG allocation": "540000", "ABG band range": "band 2 or band 3" });
    expect(records(rows)[1].Notes).toMatch(/comma as the decimal point/);
    expect(r.stdout).toMatch(/semicolon-separated/);
  });

  it("never reads a continental thousands figure (1984 jobs \"1.500\") as 1.5: the row gets a note saying how to write it", () => {
    const input = write("dots.csv", "Area;NVQ4+ %;Rural %;A8 per 10000;Jobs 1984\nMill Town;20;10;3;1.500\nPit Village;20;10;3;1500\n");
    const out = path.join(dir, "dots.out.csv");
    expect(cohesion(["apply", input, "--out", out]).code).toBe(0);
    const rec = records(readCsv(out, ";"));
    expect(rec[0]["Family type"]).toBe("");
    expect(rec[0].Notes).toMatch(/1984 coal, textiles and steel jobs "1\.500" is a whole count written with a dot: if the dot separates thousands, write 1500\./);
    expect(rec[1]).toMatchObject({ "Family type": "2", "Family group": "b" });
  });

  it("reads a tab-separated file", () => {
    const input = write("tab.csv", "Area\tNI1\tMOE\nX\t64\t1\n");
    const out = path.join(dir, "tab.out.csv");
    expect(cohesion(["apply", input, "--out", out]).code).toBe(0);
    const r = records(readCsv(out, "\t"));
    expect(r[0]).toMatchObject({ "ABG band": "3", "ABG allocation": "410000", "ABG band range": "band 3 or band 4" });
  });
});

describe("cohesion apply: scale, basis and --col", () => {
  // Issue 12: the old rule read each column on its own scale (Score 0.59 as 59 % beside NVQ4 20); now one
  // decision covers the table's percentages, so 0.59 beside 0–100 columns is 0.59 %. A score saved from
  // Excel % cells ("59%") keeps its own scale.
  it("reads all the table's percentages on one scale: NVQ4 20 makes Score 0.59 0.59 %; a % sign keeps 59 %", () => {
    const input = write("scales.csv", "Area,Score,CI,NVQ4,Rural,A8\nA,0.59,0.02,20,60,10\nB,0.72,0.01,30,10,3\n");
    const out = path.join(dir, "scales.out.csv");
    const run = cohesion(["apply", input, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("  Score: read as per cent: a value above 1 in the table (NVQ4+ share 20).");
    const r = records(readCsv(out));
    expect(r[0]).toMatchObject({ "Family type": "1", "ABG band": "1", "ABG allocation": "660000", "ABG band range": "band 1" });
    expect(r[1]).toMatchObject({ "Family type": "6", "ABG band": "1", "ABG allocation": "660000" });
    const signed = write("scales-pct.csv", "Area,Score,CI,NVQ4,Rural,A8\nA,59%,2%,20,60,10\nB,72%,1%,30,10,3\n");
    const out2 = path.join(dir, "scales-pct.out.csv");
    expect(cohesion(["apply", signed, "--out", out2]).code).toBe(0);
    const r2 = records(readCsv(out2));
    expect(r2[0]).toMatchObject({ "Family type": "1", "ABG band": "2", "ABG allocation": "540000", "ABG band range": "band 2 or band 3" });
    expect(r2[1]).toMatchObject({ "Family type": "6", "ABG band": "5", "ABG allocation": "150000" });
  });

  it("--scale percent reads 0.59 as 0.59%", () => {
    const input = write("scale-p.csv", "Area,Score\nA,0.59\n");
    const out = path.join(dir, "scale-p.out.csv");
    expect(cohesion(["apply", input, "--out", out, "--scale", "percent"]).code).toBe(0);
    expect(records(readCsv(out))[0]).toMatchObject({ "ABG band": "1", "ABG allocation": "660000" });
  });

  it("warns about an ambiguous value in a 0–100 column", () => {
    const input = write("scale-amb.csv", "Area,Score\nA,59\nB,0.5\n");
    const out = path.join(dir, "scale-amb.out.csv");
    expect(cohesion(["apply", input, "--out", out]).code).toBe(0);
    expect(records(readCsv(out))[1].Notes).toMatch(/warning: .*0\.5 was read as 0\.5%/);
  });

  it.each([
    ["point", "2", "540000"],
    ["upper", "3", "410000"],
    ["lower", "2", "540000"],
  ])("--basis %s: score 59 ± 2 → band %s, £%s, range band 2 or band 3", (basis, band, amount) => {
    const input = write(`basis-${basis}.csv`, "Area,Score,CI\nA,59,2\nB,56,2\n");
    const out = path.join(dir, `basis-${basis}.out.csv`);
    expect(cohesion(["apply", input, "--out", out, "--basis", basis]).code).toBe(0);
    const r = records(readCsv(out));
    expect(r[0]).toMatchObject({ "ABG band": band, "ABG allocation": amount, "ABG band range": "band 2 or band 3" });
    if (basis === "lower") expect(r[1]).toMatchObject({ "ABG band": "1", "ABG allocation": "660000", "ABG band range": "band 1 or band 2" });
  });

  it("--col maps fields to headers case-insensitively after trimming; other fields still use synonyms", () => {
    const input = write("cols.csv", "Area,Q1 result,Margin,NVQ4+,Rural,A8\nA,59,2,20,60,10\n");
    const out = path.join(dir, "cols.out.csv");
    const r = cohesion(["apply", input, "--out", out, "--col", "score= q1 RESULT ", "--col", "ci=margin"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/score\s+← "Q1 result" \(column B\) \[--col\]/);
    expect(r.stdout).toMatch(/nvq4\s+← "NVQ4\+" \(column D\)$/m);
    expect(records(readCsv(out))[0]).toMatchObject({ "Family type": "1", "ABG band": "2", "ABG band range": "band 2 or band 3" });
  });

  it("an unmatched field is simply not computed: a score alone adds the ABG columns only, and no family-type table", () => {
    const input = write("only-score.csv", "Area,BVPI score\nA,66\n");
    const out = path.join(dir, "only-score.out.csv");
    const r = cohesion(["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nvq4\s+not found/);
    const rows = readCsv(out);
    expect(rows[0]).toEqual(["Area", "BVPI score", ...ABG_OUT]);
    expect(records(rows)[0]).toMatchObject({ "ABG band": "4", "ABG allocation": "280000", Notes: "" });
    expect(r.stdout).toMatch(/^ABG band\s+Areas/m);
    expect(r.stdout).not.toMatch(/^Family type\s+Name/m);
  });

  it("proxies alone add the family columns only, and no ABG section in the summary (issue 12.5)", async () => {
    const input = write("only-proxies.csv", "Area,NVQ4 %,Rural %,A8 per 10000\nA,20,60,10\n");
    const out = path.join(dir, "only-proxies.out.csv");
    const r = cohesion(["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    const rows = readCsv(out);
    expect(rows[0]).toEqual(["Area", "NVQ4 %", "Rural %", "A8 per 10000", "Family type", "Family type name", "Family group", "Notes"]);
    expect(records(rows)[0]).toMatchObject({ "Family type": "1", "Family group": "a" });
    expect(r.stdout).toMatch(/^Family type\s+Name/m);
    expect(r.stdout).not.toMatch(/ABG band|£34m/);
    const xlsx = path.join(dir, "only-proxies.out.xlsx");
    expect(cohesion(["apply", input, "--out", xlsx]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const labels = wb.getWorksheet("Summary")!.getColumn(1).values.map(String);
    expect(labels).toContain("Family type");
    expect(labels.some((l) => /ABG|uncertain|Uncertainty/.test(l))).toBe(false);
  });
});

describe("cohesion apply: re-runs and conversions", () => {
  it("re-running on its own output reuses the output columns", () => {
    const input = write("rerun.csv", "Area,Score,CI\nA,59,2\n");
    const out1 = path.join(dir, "rerun.1.csv");
    const out2 = path.join(dir, "rerun.2.csv");
    expect(cohesion(["apply", input, "--out", out1]).code).toBe(0);
    const r = cohesion(["apply", out1, "--out", out2, "--basis", "upper"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/4 reused from an earlier run/);
    const rows = readCsv(out2);
    expect(rows[0]).toEqual(["Area", "Score", "CI", ...ABG_OUT]);
    expect(records(rows)[0]).toMatchObject({ "ABG band": "3", "ABG allocation": "410000" });
  });

  it("keeps a user's own Notes column and adds the tool's after it", () => {
    const input = write("notes.csv", "Area,Score,Notes\nA,59,check with Bob\n");
    const out = path.join(dir, "notes.out.csv");
    expect(cohesion(["apply", input, "--out", out]).code).toBe(0);
    const rows = readCsv(out);
    expect(rows[0]).toEqual(["Area", "Score", "Notes", ...ABG_OUT]);
    expect(rows[1][2]).toBe("check with Bob");
  });

  it("never takes over a user's columns that share a result header; adds its own block, says so, and reuses that block next time", () => {
    const input = write("lookalike.csv", "Area,Score,Family type,Notes\nA,59,Type 4 per 2009 list,check with Bob\n");
    const out1 = path.join(dir, "lookalike.1.csv");
    const r1 = cohesion(["apply", input, "--out", out1]);
    expect(r1.code).toBe(0);
    expect(r1.stderr).toMatch(/columns C \("Family type"\), D \("Notes"\) are headed like a result column but are not part of an earlier run's block; left as they are, and the results were added in columns E–H/);
    const rows = readCsv(out1);
    expect(rows[0]).toEqual(["Area", "Score", "Family type", "Notes", ...ABG_OUT]);
    expect(rows[1].slice(0, 4)).toEqual(["A", "59", "Type 4 per 2009 list", "check with Bob"]);
    expect(rows[1][4 + ABG_OUT.indexOf("ABG band")]).toBe("2");
    // Re-run: the block E–H is recognised; the user's C and D are still left alone.
    const out2 = path.join(dir, "lookalike.2.csv");
    const r2 = cohesion(["apply", out1, "--out", out2]);
    expect(r2.code).toBe(0);
    expect(r2.stdout).toMatch(/Results in columns E–H \(4 reused from an earlier run\)/);
    const rows2 = readCsv(out2);
    expect(rows2[0]).toEqual(rows[0]);
    expect(rows2[1]).toEqual(rows[1]);
  });

  it("--scale fraction reads every percentage column as 0–1", () => {
    const input = write("fraction.csv", "Area,Score,NVQ4 %,Rural %,A8 per 10000\nA,0.59,0.2,0.6,10\nB,0.72,0.3,0.1,3\n");
    const out = path.join(dir, "fraction.out.csv");
    const r = cohesion(["apply", input, "--out", out, "--scale", "fraction"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Scale fraction, basis point\./);
    const rec = records(readCsv(out));
    expect(rec[0]).toMatchObject({ "Family type": "1", "ABG band": "2", "ABG allocation": "540000" });
    expect(rec[1]).toMatchObject({ "Family type": "6", "ABG band": "5", "ABG allocation": "150000" });
    // The same file with --scale percent reads 0.59 as 0.59%: band 1.
    const out2 = path.join(dir, "fraction.pct.csv");
    expect(cohesion(["apply", input, "--out", out2, "--scale", "percent"]).code).toBe(0);
    expect(records(readCsv(out2))[0]).toMatchObject({ "ABG band": "1" });
  });

  it("converts CSV to .xlsx: numbers as numbers, codes as text, and a Summary sheet", async () => {
    const input = write("conv.csv", "Code,Area,Score,CI\n00123,A,59,2\n");
    const out = path.join(dir, "conv.out.xlsx");
    const r = cohesion(["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["conv", "Summary"]);
    const ws = wb.getWorksheet("conv")!;
    expect(ws.getRow(1).values).toEqual([, "Code", "Area", "Score", "CI", ...ABG_OUT]);
    expect(ws.getCell("A2").value).toBe("00123");
    expect(ws.getCell("C2").value).toBe(59);
    expect(ws.getCell("E2").value).toBe(2); // ABG band
    expect(ws.getCell("F2").value).toBe(540000);
    expect(ws.getCell("G2").value).toBe("band 2 or band 3");
    expect(wb.getWorksheet("Summary")!.getCell("A1").value).toBe("Cohesion Toolkit summary");
  });
});
