/**
 * Hostile inputs, as councils' files really come: numbers typed as text, merged and duplicate
 * headers, blank, hidden and filtered rows, formulas and error values, corrupt and encrypted
 * workbooks, odd CSV dialects, tables and charts as Excel, openpyxl and LibreOffice write them. The
 * corpus is built here, in a temporary folder, but for the openpyxl and LibreOffice workbooks, which
 * are committed under test/fixtures/ (made once by test/fixtures/make-fixtures.sh) and copied in.
 *
 * For each file the command either gives every row a result or a note (exit 0; the expected note is
 * asserted for at least one row of each kind), or refuses it cleanly (exit 2, one line on stderr,
 * no stack trace, no output and no temporary file). No input file is ever modified (hashed before
 * and after). The million-row file is in bigfile.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { cohesion, ensureBuilt, readCsv, records, sha256, tempDir, type CliRun } from "../helpers/cli";
import { compoundFile, editPart, HEADERS, unzip, workbook, zip } from "../helpers/hostileFiles";
import { excelChartWorkbook, excelTableWorkbook, FIXTURES, pictureAndChartWorkbook, tableWithNeighbourWorkbook, validationWorkbook } from "../helpers/hostileTables";

let dir: string;
/** Every corpus file and its hash when written. */
const corpus = new Map<string, string>();

function add(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  corpus.set(p, sha256(p));
  return p;
}
function added(p: string): string {
  corpus.set(p, sha256(p));
  return p;
}

beforeAll(() => {
  ensureBuilt();
  dir = tempDir("cohesion-hostile-");
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A refused run's output, or any temporary file, left in the folder. */
const strays = () => fs.readdirSync(dir).filter((f) => f.startsWith("refused") || f.endsWith(".tmp"));

/** Exit 2, exactly one line on stderr, no stack trace, nothing on stdout, no output or temporary file. */
function expectRefused(input: string, message: RegExp, outName = "refused.csv"): CliRun {
  const r = cohesion(["apply", input, "--out", path.join(dir, outName)]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.split("\n")).toHaveLength(2); // one line and its newline
  expect(r.stderr).toMatch(/^cohesion: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/ {4}at /);
  expect(r.stderr).toMatch(message);
  expect(strays()).toEqual([]);
  expect(sha256(input)).toBe(corpus.get(input));
  return r;
}

/** Exit 0; the output's rows as objects (CSV output); the input unchanged. */
function applyOk(input: string, outName: string, extra: string[] = []): { run: CliRun; rows: Record<string, string>[]; out: string } {
  const out = path.join(dir, outName);
  const run = cohesion(["apply", input, "--out", out, ...extra]);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  expect(run.stderr).not.toMatch(/ {4}at /);
  expect(sha256(input)).toBe(corpus.get(input));
  const rows = out.endsWith(".csv") ? records(readCsv(out, path.basename(input).includes("semicolon") ? ";" : ",")) : [];
  return { run, rows, out };
}

const byArea = (rows: Record<string, string>[], col = "Authority") => new Map(rows.map((r) => [r[col], r]));
const lines = (...l: string[]) => l.join("\n") + "\n";

describe("hostile CSVs", () => {
  it("numbers typed as text: '72%', ' 72 ', NBSP padding and '1,500' are read; '72,5' gets a note asking for 72.5", () => {
    const input = add(
      "text-numbers.csv",
      lines(
        "Authority,NI 1 %,CI,NVQ4+ %,Rural %,A8 per 10000,Jobs 1984",
        "Pct,72%,1,20,60,10,",
        "Spaces, 72 , 1 ,20,60,10,",
        'Comma,"72,5",1,20,60,10,',
        'Thousands,59,2,20,10,3,"1,500"',
        "Nbsp,\u00a062\u00a0,1,20,60,10,",
      ),
    );
    const { rows } = applyOk(input, "text-numbers.out.csv");
    const r = byArea(rows);
    expect(r.get("Pct")).toMatchObject({ "ABG band": "5", "ABG allocation": "150000", "Family type": "1" });
    expect(r.get("Spaces")).toMatchObject({ "ABG band": "5", "ABG allocation": "150000" });
    expect(r.get("Comma")).toMatchObject({ "ABG band": "", "ABG allocation": "", "Family type": "1" });
    expect(r.get("Comma")!.Notes).toBe('ABG: Score (get on well together %) "72,5" uses a comma as the decimal point; write 72.5.');
    expect(r.get("Thousands")).toMatchObject({ "Family type": "2", "Family group": "b", "ABG band": "2" });
    expect(r.get("Nbsp")).toMatchObject({ "ABG band": "3", "ABG allocation": "410000" });
  });

  it("BOM, semicolons, CRLF and a quoted newline: read, and kept in the output", () => {
    const input = add("semicolon-bom-crlf.csv", "\ufeffAuthority;NI 1 %;CI\r\n\"North\r\nside\";59;2\r\nSouth;\"72,5\";1\r\n");
    const { run, rows, out } = applyOk(input, "semicolon-bom-crlf.out.csv");
    expect(run.stdout).toMatch(/CSV, semicolon-separated, utf-8 with a BOM/);
    expect(run.stdout).toMatch(/Header row 1; 2 data rows \(rows 2–3\)/); // the quoted newline is inside row 2
    const text = fs.readFileSync(out, "utf8");
    expect(text.startsWith("\ufeffAuthority;NI 1 %;CI;ABG band;")).toBe(true);
    expect(text.split("\r\n")).toHaveLength(5); // header, two rows (one holding CRLF inside quotes), final CRLF
    expect(rows[0]).toMatchObject({ Authority: "North\r\nside", "ABG band": "2", "ABG band range": "band 2 or band 3" });
    expect(rows[0].Notes).toBe("warning: band uncertain: the CI spans band 2 or band 3");
    expect(rows[1].Notes).toMatch(/"72,5" uses a comma as the decimal point; write 72\.5/);
  });

  it("duplicate headers: the first matching column wins, and stdout, stderr and the Summary say which", () => {
    const input = add("duplicate-headers.csv", lines("Authority,Score,NI 1 %,CI,Score", "A,59,70,2,80"));
    const { run, rows } = applyOk(input, "duplicate-headers.out.csv");
    expect(run.stdout).toMatch(/score +← "Score" \(column B\); columns C, E are headed alike and not used/);
    expect(run.stderr).toBe("cohesion: warning: column B and column C and column E are all headed like score; the first, column B, is used\n");
    expect(rows[0]).toMatchObject({ "ABG band": "2", "ABG allocation": "540000" }); // 59, not 70 or 80
    const x = applyOk(input, "duplicate-headers.out.xlsx");
    return new ExcelJS.Workbook().xlsx.readFile(x.out).then((wb) => {
      const found: unknown[][] = [];
      wb.getWorksheet("Summary")!.eachRow((row) => found.push((row.values as unknown[]).slice(1)));
      expect(found).toContainEqual(["score", "B", "Score", "header synonym; also headed alike, not used: columns C, E"]);
    });
  });

  it("blank rows in the middle of the table: each gets 'blank row: no inputs', the rows after them are computed", () => {
    const input = add("blank-rows.csv", lines("Authority,NI 1 %,CI", "A,59,2", ",,", "", "B,72,1", " , , ", "C,50,1"));
    const { run, rows } = applyOk(input, "blank-rows.out.csv");
    expect(run.stdout).toMatch(/6 data rows \(rows 2–7\)/);
    expect(rows.map((r) => [r.Authority, r["ABG band"], r.Notes])).toEqual([
      ["A", "2", "warning: band uncertain: the CI spans band 2 or band 3"],
      ["", "", "blank row: no inputs"],
      ["", "", "blank row: no inputs"],
      ["B", "5", ""],
      [" ", "", "blank row: no inputs"],
      ["C", "1", ""],
    ]);
    expect(run.stdout).toMatch(/Rows with notes about bad or missing inputs +3/);
  });

  it("a title row above the header is skipped: the header is the first row that names an input field", () => {
    const input = add("title-row.csv", lines("Cohesion indicators 2008,,", "Source: Place Survey,,", "Authority,NI 1 %,CI", "A,59,2"));
    const { run, out } = applyOk(input, "title-row.out.csv");
    expect(run.stdout).toMatch(/Header row 3; 1 data row \(rows 4–4\)/);
    const text = fs.readFileSync(out, "utf8").split("\n");
    expect(text.slice(0, 2)).toEqual(["\ufeffCohesion indicators 2008,,", "Source: Place Survey,,"]); // kept as they were (after the UTF-8 BOM every CSV output starts with)
    expect(text[3]).toMatch(/^A,59,2,2,540000,band 2 or band 3,/);
  });

  it("a quote inside a field (O\"Brien) is text, as Excel reads it; a number with a stray quote gets a note", () => {
    const input = add("lone-quote.csv", lines("Authority,NI 1 %,CI", 'O"Brien,60,1', 'Smith,59",2'));
    const { rows } = applyOk(input, "lone-quote.out.csv");
    expect(rows[0]).toMatchObject({ Authority: 'O"Brien', "ABG band": "3" });
    expect(rows[1].Notes).toBe('ABG: Score (get on well together %) must be a number; got the text "59"". Give a percentage, 0–100 (or 0–1 from an Excel % cell).');
  });

  it("a quoted field that is never closed → exit 2 naming its row (Excel would swallow the rest of the file)", () => {
    const input = add("unclosed-quote.csv", lines("Authority,NI 1 %,CI", "A,59,2", '"Brien,60,1', "C,61,1"));
    expectRefused(input, /unclosed-quote\.csv: a quoted field in row 3 is never closed \(a lone " character\?\)/);
  });

  it("error values typed into cells (#N/A, #DIV/0!, lower case) are reported as errors", () => {
    const input = add("error-values.csv", lines("Authority,NI 1 %,CI", "A,#N/A,2", "B,#DIV/0!,1", "C, #n/a ,1", "D,59,#VALUE!"));
    const { rows } = applyOk(input, "error-values.out.csv");
    expect(rows.map((r) => r.Notes)).toEqual([
      "ABG: Score (get on well together %) holds the error #N/A, not a number. Give a percentage, 0–100 (or 0–1 from an Excel % cell).",
      "ABG: Score (get on well together %) holds the error #DIV/0!, not a number. Give a percentage, 0–100 (or 0–1 from an Excel % cell).",
      "ABG: Score (get on well together %) holds the error #N/A, not a number. Give a percentage, 0–100 (or 0–1 from an Excel % cell).",
      "ABG: Confidence interval (±) holds the error #VALUE!, not a number. Give the ± half-width in percentage points, 0–100.",
    ]);
    expect(rows.every((r) => r["ABG band"] === "")).toBe(true);
  });

  it("very long cells: kept whole in a CSV output, quoted briefly in notes, and a warning when an .xlsx could not hold them", () => {
    const longName = "x".repeat(100_000);
    const hugeNumber = "9".repeat(400); // a finite-looking number that is not (1e400)
    const input = add("long-cells.csv", lines("Authority,NI 1 %,CI", `"${longName}",59,2`, `B,${hugeNumber},1`, `C,${"7".repeat(50_000)}x,1`));
    const { rows } = applyOk(input, "long-cells.out.csv");
    expect(rows[0].Authority).toBe(longName);
    expect(rows[0]["ABG band"]).toBe("2");
    expect(rows[1].Notes).toMatch(/^ABG: Score \(get on well together %\) must be a finite number; got "9{37}…"\.$/);
    expect(rows[2].Notes).toMatch(/^ABG: Score \(get on well together %\) must be a number; got the text "7{37}…"\. Give a percentage, 0–100 \(or 0–1 from an Excel % cell\)\.$/);
    const x = applyOk(input, "long-cells.out.xlsx");
    expect(x.run.stderr).toBe(
      "cohesion: warning: 2 cells (the first is A2) hold more than 32,767 characters, Excel's limit for a cell: Excel will cut them short when it opens the output (write a .csv output to keep them whole)\n",
    );
  });

  it("a header row and nothing else → exit 0, no data rows, the output columns added", () => {
    const input = add("header-only.csv", "Authority,NI 1 %,CI\r\n");
    const { run, out } = applyOk(input, "header-only.out.csv");
    expect(run.stdout).toMatch(/Header row 1; no data rows\./);
    expect(run.stdout).toMatch(/Rows +0/);
    expect(fs.readFileSync(out, "utf8")).toBe("\ufeffAuthority,NI 1 %,CI,ABG band,ABG allocation,ABG band range,Notes\r\n");
  });

  it.each([
    ["empty.csv", "", /empty\.csv is empty: no header row/],
    ["blank-lines.csv", "\r\n\r\n  \r\n", /blank-lines\.csv is empty: no header row/],
    ["binary.csv", Buffer.from([0x41, 0x2c, 0x00, 0x01, 0x0a]), /binary\.csv: not a CSV text file \(it holds binary data\)/],
    ["encrypted-named.csv", compoundFile(["EncryptionInfo", "EncryptedPackage"]), /encrypted-named\.csv: it is an Excel workbook file \(encrypted, or an old \.xls\), not CSV text/],
    ["no-fields.csv", "Colour,Size\nred,3\n", /no input columns recognised in header row 1 .*"Colour" \(A\), "Size" \(B\)/],
  ])("%s → exit 2 with one line", (name, content, message) => {
    expectRefused(add(name, content), message);
  });
});

describe("hostile workbooks", () => {
  it("merged two-row header: the header is the row that names the fields; a merged cell's value is in its first cell only", async () => {
    const input = added(
      await workbook(dir, "merged-headers.xlsx", (wb) => {
        const ws = wb.addWorksheet("Data");
        ws.addRow(["Authority", "Place Survey 2008", null, "Census 2001", null, null, null]);
        ws.addRow([null, "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10,000", "Jobs 1984"]);
        ws.addRow(["Alpha", 59, 2, 20, 60, 10, null]);
        ws.addRow(["Beta", 61, 1, 20, 60, 10, null]);
        ws.addRow(["Gamma", null, 1, 30, 10, 3, null]);
        ws.mergeCells("A1:A2");
        ws.mergeCells("B1:C1");
        ws.mergeCells("D1:G1");
        ws.mergeCells("B4:B5"); // one score typed across two areas' rows
      }),
    );
    const { run, out } = applyOk(input, "merged-headers.out.csv");
    expect(run.stdout).toMatch(/Header row 2; 3 data rows \(rows 3–5\)/);
    expect(run.stdout).toMatch(/score +← "NI 1 %" \(column B\)/);
    const csv = readCsv(out);
    expect(csv[0]).toEqual(["Authority", "Place Survey 2008", "", "Census 2001", "", "", ""]); // as Excel saves it: a merged value in its first cell
    expect(csv[1]).toEqual(["", "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10,000", "Jobs 1984", "Family type", "Family type name", "Family group", "ABG band", "ABG allocation", "ABG band range", "Notes"]);
    const [alpha, beta, gamma] = csv.slice(2);
    expect(alpha.slice(7, 12)).toEqual(["1", "Changing less affluent rural areas", "a", "2", "540000"]);
    expect(beta.slice(0, 2)).toEqual(["Beta", "61"]);
    expect(beta[10]).toBe("3"); // ABG band
    expect(gamma.slice(0, 2)).toEqual(["Gamma", ""]); // B5 is inside B4:B5: empty, as in Excel
    expect(gamma[7]).toBe("6"); // family type still computed
    expect(gamma[13]).toBe("ABG: Score (get on well together %) is blank. Give a percentage, 0–100 (or 0–1 from an Excel % cell).");
    // The .xlsx output keeps the merges and the title row.
    const x = applyOk(input, "merged-headers.out.xlsx");
    const wb = await new ExcelJS.Workbook().xlsx.readFile(x.out);
    const ws = wb.getWorksheet("Data")!;
    expect(["A2", "C1", "E1", "B5"].map((a) => ws.getCell(a).isMerged)).toEqual([true, true, true, true]);
    expect((ws.getRow(2).values as unknown[]).slice(8, 10)).toEqual(["Family type", "Family type name"]);
    expect(ws.getCell("H1").value).toBeNull();
  });

  it("a header merged across two columns names its first column only", async () => {
    const input = added(
      await workbook(dir, "merged-header-cell.xlsx", (wb) => {
        const ws = wb.addWorksheet("Data");
        ws.addRow(["Authority", "NI 1 %", null]);
        ws.addRow(["A", 59, 2]);
        ws.mergeCells("B1:C1");
      }),
    );
    const { run, rows } = applyOk(input, "merged-header-cell.out.csv");
    expect(run.stdout).toMatch(/score +← "NI 1 %" \(column B\)/);
    expect(run.stdout).toMatch(/ci +not found \(not computed\)/);
    expect(rows[0]).toMatchObject({ "ABG band": "2", "ABG band range": "band 2" }); // C is not read as the CI
  });

  it("hidden rows, a filter and a hidden sheet: every row of the first visible sheet is computed; hidden rows stay hidden", async () => {
    const input = added(
      await workbook(dir, "hidden-filtered.xlsx", (wb) => {
        const old = wb.addWorksheet("Old data", { state: "hidden" });
        old.addRow(["Authority", "NI 1 %"]);
        old.addRow(["Stale", 10]);
        const ws = wb.addWorksheet("Areas");
        ws.addRow(["Authority", "NI 1 %", "CI"]);
        [["A", 59, 2], ["B", 50, 1], ["C", 72, 1], ["D", 61, 1], ["E", 66, 1]].forEach((r) => ws.addRow(r));
        ws.getRow(3).hidden = true;
        ws.getRow(5).hidden = true;
        ws.autoFilter = "A1:C6";
      }),
    );
    // Filter criteria: show B only where the score is 59, 72 or 66.
    const parts = unzip(fs.readFileSync(input));
    const sheet = [...parts.keys()].find((n) => /worksheets\/sheet2\.xml$/.test(n))!;
    editPart(input, sheet, (xml) => xml.replace(/<autoFilter ref="A1:C6"\/>/, '<autoFilter ref="A1:C6"><filterColumn colId="1"><filters><filter val="59"/><filter val="72"/><filter val="66"/></filters></filterColumn></autoFilter>'));
    added(input);
    const { run, rows } = applyOk(input, "hidden-filtered.out.csv");
    expect(run.stdout).toMatch(/Read sheet "Areas"/);
    expect(run.stderr).toBe(""); // nothing is lost, so nothing to warn about
    expect(rows.map((r) => [r.Authority, r["ABG band"]])).toEqual([["A", "2"], ["B", "1"], ["C", "5"], ["D", "3"], ["E", "4"]]);
    expect(run.stdout).toMatch(/Rows +5/);
    const x = applyOk(input, "hidden-filtered.out.xlsx");
    const wb = await new ExcelJS.Workbook().xlsx.readFile(x.out);
    const ws = wb.getWorksheet("Areas")!;
    expect([2, 3, 4, 5, 6].map((n) => ws.getRow(n).hidden)).toEqual([false, true, false, true, false]);
    expect(ws.getCell("D3").value).toBe(1); // the hidden row has its band (scores only: the ABG columns start at D)
    expect(wb.getWorksheet("Old data")!.state).toBe("hidden");
    // The filter criteria are kept as they were.
    expect(unzip(fs.readFileSync(x.out)).get(sheet)!.toString("utf8")).toMatch(/<autoFilter ref="A1:C6"><filterColumn colId="1"><filters><filter val="59"\/><filter val="72"\/><filter val="66"\/><\/filters><\/filterColumn><\/autoFilter>/);
  });

  it("formulas and error values in input cells: saved results are used; errors and never-calculated formulas get notes", async () => {
    const input = added(
      await workbook(dir, "formulas-errors.xlsx", (wb) => {
        const ws = wb.addWorksheet("Data");
        ws.addRow(HEADERS);
        ws.addRow(["Result", { formula: "50+9", result: 59 }, 2, 20, 60, 10, null, false]);
        ws.addRow(["DivZero", { formula: "1/0", result: { error: "#DIV/0!" } }, 2, 20, 60, 10, null, false]);
        ws.addRow(["NA", { error: "#N/A" }, 2, 20, 60, 10, null, false]);
        ws.addRow(["NoResultCI", 59, { formula: "C2" }, 20, 60, 10, null, false]);
        ws.addRow(["NoResultFlag", 72, 1, 40, 70, 2, null, { formula: "H2" }]);
        ws.addRow(["Shared", { formula: "B2+2", result: 61, shareType: "shared", ref: "B7:B8" }, 1, 20, 60, 10, null, false]);
        ws.addRow(["Shared2", { sharedFormula: "B7", result: 66 }, 1, 20, 60, 10, null, false]);
        ws.addRow(["TextPct", "72%", 1, "20%", "60%", 10, null, "yes"]);
      }),
    );
    const { rows } = applyOk(input, "formulas-errors.out.csv");
    const r = byArea(rows);
    expect(r.get("Result")).toMatchObject({ "NI 1 %": "59", "ABG band": "2", "Family type": "1" });
    expect(r.get("DivZero")!.Notes).toBe("ABG: Score (get on well together %) holds the error #DIV/0!, not a number. Give a percentage, 0–100 (or 0–1 from an Excel % cell).");
    expect(r.get("NA")!.Notes).toBe("ABG: Score (get on well together %) holds the error #N/A, not a number. Give a percentage, 0–100 (or 0–1 from an Excel % cell).");
    expect(r.get("NoResultCI")).toMatchObject({ "ABG band": "", "Family type": "1" }); // not read as "no CI"
    expect(r.get("NoResultCI")!.Notes).toBe(
      "ABG: Confidence interval (±) is the formula =C2 with no saved result (the file was never calculated in Excel); open it in Excel, save it, and run again.",
    );
    expect(r.get("NoResultFlag")).toMatchObject({ "Family type": "", "ABG band": "5" }); // not read as FALSE
    expect(r.get("NoResultFlag")!.Notes).toMatch(/^family type: Single-issue tension is the formula =H2 with no saved result/);
    expect(r.get("Shared")).toMatchObject({ "ABG band": "3" });
    expect(r.get("Shared2")).toMatchObject({ "ABG band": "4" });
    expect(r.get("TextPct")).toMatchObject({ "ABG band": "5", "Family type": "1", "Family group": "a" });
  });

  it("an empty sheet → exit 2", async () => {
    const input = added(await workbook(dir, "empty-sheet.xlsx", (wb) => void wb.addWorksheet("Data")));
    expectRefused(input, /sheet "Data" of .*empty-sheet\.xlsx is empty: no header row/);
  });

  describe("corrupt, encrypted and impostor files named .xlsx → exit 2 saying which", () => {
    let good: Buffer;
    beforeAll(async () => {
      const p = await workbook(dir, "good.xlsx", (wb) => {
        const ws = wb.addWorksheet("Data");
        ws.addRow(["Authority", "NI 1 %", "CI"]);
        for (let i = 0; i < 200; i++) ws.addRow([`Area ${i}`, 50 + (i % 30), 1]);
      });
      good = fs.readFileSync(p);
      fs.rmSync(p);
    });
    const cases: [string, () => Buffer, RegExp][] = [
      ["empty.xlsx", () => Buffer.alloc(0), /the file is empty \(0 bytes\), not an \.xlsx workbook/],
      ["random.xlsx", () => Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 251)), /not an \.xlsx workbook \(the file is not a zip archive\)/],
      ["truncated.xlsx", () => good.subarray(0, Math.floor(good.length / 2)), /the \.xlsx file is damaged: its zip directory is missing or cut short/],
      [
        "no-workbook.xlsx",
        () => {
          const parts = unzip(good);
          parts.delete("xl/workbook.xml");
          return zip(parts);
        },
        /not an Excel workbook: it is a zip archive without xl\/workbook\.xml/,
      ],
      ["word.xlsx", () => zip(new Map([["word/document.xml", Buffer.from("<w:document/>")], ["[Content_Types].xml", Buffer.from("<Types/>")]])), /not an Excel workbook: it is a Word document without xl\/workbook\.xml/],
      [
        "sheet-cut-short.xlsx",
        () => {
          const parts = unzip(good);
          const xml = parts.get("xl/worksheets/sheet1.xml")!;
          parts.set("xl/worksheets/sheet1.xml", xml.subarray(0, Math.floor(xml.length / 2))); // well zipped, but half a sheet
          return zip(parts);
        },
        /the \.xlsx file is damaged: xl\/worksheets\/sheet1\.xml is cut short/,
      ],
      [
        "corrupt-sheet.xlsx",
        () => {
          // Flip bytes in the middle of the zip (inside the sheet's data): the CRC no longer matches.
          const b = Buffer.from(good);
          const at = b.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + 200; // the local header's name, then the data
          for (let i = 0; i < 16; i++) b[at + i] ^= 0x55;
          return b;
        },
        /the \.xlsx file is damaged: xl\/worksheets\/sheet1\.xml cannot be unpacked \(its data is corrupt\)/,
      ],
      [
        "shared-strings-cut.xlsx",
        () => {
          const parts = unzip(good);
          const sst = parts.get("xl/sharedStrings.xml");
          if (sst) parts.set("xl/sharedStrings.xml", sst.subarray(0, Math.floor(sst.length / 2)));
          else throw new Error("ExcelJS wrote no shared strings");
          return zip(parts);
        },
        /the \.xlsx file is damaged: xl\/sharedStrings\.xml is cut short/,
      ],
      ["encrypted.xlsx", () => compoundFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]), /the workbook is encrypted \(password-protected\); open it in Excel, remove the password/],
      ["legacy.xlsx", () => compoundFile(["Workbook", "\u0005SummaryInformation"]), /it is an Excel 97-2003 workbook \(\.xls\), not an \.xlsx; open it in Excel and save it as an Excel Workbook \(\.xlsx\)/],
    ];
    it.each(cases)("%s", (name, bytes, message) => {
      const input = add(name, bytes());
      expectRefused(input, new RegExp(`${name.replace(".", "\\.")}: ${message.source}`), "refused.xlsx");
      expectRefused(input, message, "refused.csv");
    });
  });
});

describe("tables, charts and data validation as Excel, openpyxl and LibreOffice write them (issue 13.3, 13.6, 13.7)", () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { measureChild } = require("../../scripts/measure-child.js") as {
    measureChild: (args: string[], o?: { env?: Record<string, string> }) => Promise<{ code: number | null; stdout: string; stderr: string; ms: number; peakRssMb: number }>;
  };
  const measured: string[] = [];
  afterAll(() => console.log(`time and peak memory of cohesion apply (scripts/measure-child.js):\n${measured.join("\n")}`));

  /** Copies a committed fixture into the corpus folder (the fixture itself is never written to). */
  const fixture = (name: string) => {
    const p = path.join(dir, name);
    fs.copyFileSync(path.join(FIXTURES, name), p);
    return added(p);
  };
  /** Runs apply as a measured child process; exit 0, no stack trace, the input unchanged. */
  async function measuredApply(input: string, outName: string): Promise<{ run: CliRun; out: string }> {
    const out = path.join(dir, outName);
    const r = await measureChild([path.join(__dirname, "..", "..", "lib", "cli", "main.js"), "apply", input, "--out", out], {});
    measured.push(`  ${path.basename(input).padEnd(28)} ${String(Math.round(r.ms)).padStart(6)} ms ${String(r.peakRssMb).padStart(5)} MB`);
    if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
    expect(r.stderr).not.toMatch(/ {4}at /);
    expect(sha256(input)).toBe(corpus.get(input));
    return { run: r, out };
  }
  const partText = (file: string, part: string) => unzip(fs.readFileSync(file)).get(part)?.toString("utf8");
  const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/\s([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  /** A table part's attributes: the <table> element's, its autoFilter's, its filterColumns, style, and column names. */
  const tableXml = (xml: string) => ({
    table: attrs(/<table\b[^>]*>/.exec(xml)![0]),
    autoFilter: /<autoFilter\b[^>]*>/.exec(xml)?.[0] ? attrs(/<autoFilter\b[^>]*>/.exec(xml)![0]) : null,
    filterColumns: [...xml.matchAll(/<filterColumn\b[^>]*>/g)].map((m) => attrs(m[0])),
    style: /<tableStyleInfo\b[^>]*>/.exec(xml)?.[0] ?? null,
    columns: [...xml.matchAll(/<tableColumn\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1]),
  });
  /** Every relationship in the package names a part that is there, and every content-type override too. */
  function expectNoDanglingParts(file: string): void {
    const parts = unzip(fs.readFileSync(file));
    for (const [name, data] of parts) {
      if (!name.endsWith(".rels")) continue;
      const base = path.posix.dirname(path.posix.dirname(name));
      for (const m of data.toString("utf8").matchAll(/<Relationship\b[^>]*>/g)) {
        if (/TargetMode="External"/.test(m[0])) continue;
        const target = /\sTarget="([^"]*)"/.exec(m[0])![1];
        const part = target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(base, target));
        expect([name, part, parts.has(part)]).toEqual([name, part, true]);
      }
      const source = name === "_rels/.rels" ? null : path.posix.join(base, path.posix.basename(name, ".rels"));
      if (source) for (const m of parts.get(source)?.toString("utf8").matchAll(/\sr:id="([^"]*)"/g) ?? []) expect([source, m[1], data.includes(`Id="${m[1]}"`)]).toEqual([source, m[1], true]);
    }
    for (const m of parts.get("[Content_Types].xml")!.toString("utf8").matchAll(/PartName="\/([^"]*)"/g)) expect([m[1], parts.has(m[1])]).toEqual([m[1], true]);
  }
  const BANDS = [["Alpha", 2], ["Beta", 5], ["Gamma", 1], ["Delta", 3], ["Epsilon", 4]];
  const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => fs.existsSync(p));
  /** LibreOffice (when installed here; CI has none) converts the output to CSV without complaint. */
  function expectLibreOfficeOpens(file: string): void {
    if (!soffice) return;
    const outDir = fs.mkdtempSync(path.join(dir, "lo-"));
    // Every sheet to its own CSV (the last filter option, -1), named <file>-<sheet>.csv.
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${outDir}/profile`, "--headless", "--convert-to", filter, "--outdir", outDir, file], { encoding: "utf8", timeout: 120_000 });
    const csv = path.join(outDir, path.basename(file).replace(/\.xlsx$/, "-Areas.csv"));
    expect([r.status, fs.existsSync(csv)]).toEqual([0, true]);
    expect(fs.readFileSync(csv, "utf8")).toMatch(/Family type/);
  }

  describe.each([
    ["openpyxl-table.xlsx", "openpyxl"],
    ["libreoffice-table.xlsx", "LibreOffice"],
    ["exceljs-table.xlsx", "ExcelJS (Excel-like)"],
  ])("a table: %s (written by %s)", (name) => {
    let input: string;
    let out: string;
    let run: CliRun;
    beforeAll(async () => {
      input = name.startsWith("exceljs") ? added(await excelTableWorkbook(dir, name)) : fixture(name);
      ({ run, out } = await measuredApply(input, name.replace(".xlsx", ".out.xlsx")));
    }, 120_000);

    it("is read (not called damaged), and the results are right", async () => {
      expect(run.stdout).toMatch(/Read sheet "Areas" of .*: read and written part by part/);
      expect(run.stdout).toMatch(/Table "Indicators" extended over the results \(columns I–O\)/);
      const wb = await new ExcelJS.Workbook().xlsx.readFile(out);
      const ws = wb.getWorksheet("Areas")!;
      expect((ws.getRow(1).values as unknown[]).slice(9)).toEqual(["Family type", "Family type name", "Family group", "ABG band", "ABG allocation", "ABG band range", "Notes"]);
      expect(BANDS.map(([, ], i) => [ws.getCell(i + 2, 1).value, ws.getCell(i + 2, 12).value])).toEqual(BANDS);
      expect([ws.getCell("I2").value, ws.getCell("K2").value, ws.getCell("I3").value]).toEqual([1, "a", 6]); // family types (single issue FALSE read, LibreOffice's =FALSE() included)
      expect(ws.getCell("O2").value).toBe("warning: band uncertain: the CI spans band 2 or band 3");
      expect(wb.getWorksheet("Read me")).toBeDefined();
    });

    it("keeps the table as it was — name, style, filter buttons, no totals row — over the result columns too", async () => {
      const before = tableXml(partText(input, "xl/tables/table1.xml")!);
      const tables = [...unzip(fs.readFileSync(out)).keys()].filter((n) => n.startsWith("xl/tables/"));
      expect(tables).toHaveLength(1);
      const after = tableXml(partText(out, tables[0])!);
      expect(after.table).toEqual({ ...before.table, ref: "A1:O6" });
      expect(after.table.totalsRowCount ?? "0").toBe("0");
      expect(after.table.totalsRowShown).toBe(before.table.totalsRowShown); // never added
      expect(after.autoFilter).toEqual({ ...before.autoFilter, ref: "A1:O6" });
      expect(after.filterColumns).toEqual(before.filterColumns); // hiddenButton (ExcelJS's table: the CI's button hidden)
      expect(after.style).toBe(before.style);
      expect(after.columns).toEqual([...HEADERS, "Family type", "Family type name", "Family group", "ABG band", "ABG allocation", "ABG band range", "Notes"]);
      expectNoDanglingParts(out);
      // ExcelJS reads the table back: its name, and the header row.
      const wb = await new ExcelJS.Workbook().xlsx.readFile(out);
      const t = wb.getWorksheet("Areas")!.getTable("Indicators") as unknown as { table: { name: string; tableRef: string; headerRow: boolean; totalsRow: boolean } };
      expect([t.table.name, t.table.tableRef, t.table.headerRow, t.table.totalsRow]).toEqual(["Indicators", "A1:O6", true, false]);
    });

    it("a second run updates the results inside the table: one table, the same range", () => {
      const again = cohesion(["apply", out, "--out", path.join(dir, name.replace(".xlsx", ".rerun.xlsx"))]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/7 reused from an earlier run/);
      expect(again.stdout).toMatch(/Table "Indicators" holds the results \(columns I–O\)/);
      const xml = partText(path.join(dir, name.replace(".xlsx", ".rerun.xlsx")), "xl/tables/table1.xml")!;
      expect(tableXml(xml).table.ref).toBe("A1:O6");
      expect(tableXml(xml).columns).toHaveLength(15);
    });

    it("opens in LibreOffice (when installed)", () => expectLibreOfficeOpens(out), 120_000);
  });

  describe.each([
    ["openpyxl-chart.xlsx", "openpyxl"],
    ["libreoffice-chart.xlsx", "LibreOffice"],
    ["excel-chart.xlsx", "Excel-like (drawing, chart, style and colours parts)"],
  ])("charts: %s (written by %s)", (name) => {
    let input: string;
    let out: string;
    let run: CliRun;
    beforeAll(async () => {
      input = name.startsWith("excel-") ? added(await excelChartWorkbook(dir, name)) : fixture(name);
      ({ run, out } = await measuredApply(input, name.replace(".xlsx", ".out.xlsx")));
    }, 120_000);

    it("are kept, with no warning; the results are right", async () => {
      expect(run.stderr).toBe("");
      // ExcelJS 4.4.0 cannot read openpyxl's drawings (the input fails alike): it reads a copy without the sheet's drawing.
      const copy = out.replace(/\.xlsx$/, ".nodrawing.xlsx");
      const parts = unzip(fs.readFileSync(out));
      for (const n of [...parts.keys()]) {
        if (/^xl\/(drawings|charts)\//.test(n)) parts.delete(n);
        else if (/^xl\/worksheets\/[^/]+\.xml$/.test(n)) parts.set(n, Buffer.from(parts.get(n)!.toString("utf8").replace(/<drawing\b[^>]*\/>/, "")));
        else if (/^xl\/worksheets\/_rels\//.test(n)) parts.set(n, Buffer.from(parts.get(n)!.toString("utf8").replace(/<Relationship\b[^>]*\/drawing"[^>]*\/>/g, "")));
        else if (n === "[Content_Types].xml") parts.set(n, Buffer.from(parts.get(n)!.toString("utf8").replace(/<Override PartName="\/xl\/(drawings|charts)\/[^>]*\/>/g, "")));
      }
      fs.writeFileSync(copy, zip(parts));
      const wb = await new ExcelJS.Workbook().xlsx.readFile(copy);
      const ws = wb.getWorksheet("Areas")!;
      expect(BANDS.map(([, ], i) => [ws.getCell(i + 2, 1).value, ws.getCell(i + 2, 12).value])).toEqual(BANDS);
    });

    it("keeps every chart and drawing part byte for byte, the sheet's drawing, and no dangling relationship", () => {
      const before = unzip(fs.readFileSync(input));
      const after = unzip(fs.readFileSync(out));
      const drawn = [...before.keys()].filter((n) => /^xl\/(charts|drawings)\//.test(n));
      expect(drawn.length).toBeGreaterThanOrEqual(2);
      // Relationship parts may have absolute targets made relative (what they point to is the same).
      const targets = (rels: string, xml: string) => [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0].replace(/\sTarget="([^"]*)"/, (_t, t: string) => ` Target="${t.startsWith("/") ? t.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(path.posix.dirname(rels)), t))}"`));
      for (const n of drawn) {
        if (n.endsWith(".rels")) expect([n, targets(n, after.get(n)!.toString("utf8"))]).toEqual([n, targets(n, before.get(n)!.toString("utf8"))]);
        else expect([n, after.get(n)?.equals(before.get(n)!)]).toEqual([n, true]);
      }
      const sheet = [...before.keys()].find((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n) && /<drawing\b/.test(before.get(n)!.toString("utf8")))!;
      expect(after.get(sheet)!.toString("utf8")).toMatch(/<drawing\b/);
      expectNoDanglingParts(out);
    });

    it("opens in LibreOffice (when installed)", () => expectLibreOfficeOpens(out), 120_000);
  });

  it("a table with a column of yours right next to it: kept exactly as it was, the results beside it", async () => {
    const input = added(await tableWithNeighbourWorkbook(dir, "table-neighbour.xlsx"));
    const { run, out } = await measuredApply(input, "table-neighbour.out.xlsx");
    expect(run.stdout).toMatch(/Table "Indicators" kept as it was; the results are beside it, in columns J–P\./);
    expect(partText(out, "xl/tables/table1.xml")).toBe(partText(input, "xl/tables/table1.xml"));
    const ws = (await new ExcelJS.Workbook().xlsx.readFile(out)).getWorksheet("Areas")!;
    expect([ws.getCell("I1").value, ws.getCell("J1").value, ws.getCell("M2").value]).toEqual(["My notes", "Family type", 2]);
    expectNoDanglingParts(out);
  });

  it("a table whose columns name differential formats (dataDxfId …): kept, as the formats they name are kept", async () => {
    const input = added(await excelTableWorkbook(dir, "table-dxf.xlsx"));
    editPart(input, "xl/tables/table1.xml", (xml) => xml.replace('<tableColumn id="2" name="NI 1 %"', '<tableColumn id="2" name="NI 1 %" dataDxfId="7" headerRowDxfId="8"').replace("<table ", '<table headerRowDxfId="9" '));
    added(input);
    const { out } = await measuredApply(input, "table-dxf.out.xlsx");
    const xml = partText(out, "xl/tables/table1.xml")!;
    expect(xml).toMatch(/<tableColumn id="2" name="NI 1 %" dataDxfId="7" headerRowDxfId="8"/);
    expect(xml).toMatch(/<table headerRowDxfId="9" /);
    expect(partText(out, "xl/styles.xml")).toContain(partText(input, "xl/styles.xml")!.match(/<dxfs\b[\s\S]*?<\/dxfs>|<dxfs[^>]*\/>/)?.[0] ?? "");
    expect(tableXml(xml).table.ref).toBe("A1:O6");
    expect(tableXml(xml).style).toBe(tableXml(partText(input, "xl/tables/table1.xml")!).style);
  });

  it("a chart and a picture in one drawing: both kept, as they were", async () => {
    const input = added(await pictureAndChartWorkbook(dir, "picture-and-chart.xlsx"));
    const { run, out } = await measuredApply(input, "picture-and-chart.out.xlsx");
    expect(run.stderr).toBe("");
    const names = [...unzip(fs.readFileSync(out)).keys()];
    expect(names.filter((n) => n.startsWith("xl/charts/")).length).toBeGreaterThanOrEqual(1);
    expect(names.filter((n) => /^xl\/media\/.+/.test(n))).toHaveLength(1);
    expect(partText(out, "xl/drawings/drawing1.xml")).toBe(partText(input, "xl/drawings/drawing1.xml"));
    expect(partText(out, "xl/drawings/drawing1.xml")).toMatch(/<xdr:pic>/);
    expect(partText(out, "xl/drawings/drawing1.xml")).toMatch(/graphicFrame/);
    expectNoDanglingParts(out);
  });

  describe("data validation", () => {
    /** The rules of a sheet: [sqref, type] in order. */
    const rules = (xml: string) => [...xml.matchAll(/<dataValidation\b[^>]*>/g)].map((m) => [attrs(m[0]).sqref, attrs(m[0]).type]);

    it("over rows 2–12 comes back as one rule per range, not two overlapping ones (exceljs/exceljs#2820)", async () => {
      const input = added(await validationWorkbook(dir, "validation-2-to-12.xlsx"));
      const { out } = await measuredApply(input, "validation-2-to-12.out.xlsx");
      expect(rules(partText(out, "xl/worksheets/sheet1.xml")!)).toEqual([["B2:B12", "whole"], ["C2:C12", "decimal"]]);
      const ws = (await new ExcelJS.Workbook().xlsx.readFile(out)).getWorksheet("Areas")!;
      expect(ws.getCell("B12").dataValidation).toMatchObject({ type: "whole", formulae: [0, 100] });
      expect(ws.getCell("B13").dataValidation).toBeUndefined();
    });

    it("written by openpyxl: each rule over its range, as it was", async () => {
      const input = fixture("openpyxl-validation.xlsx");
      const { out } = await measuredApply(input, "openpyxl-validation.out.xlsx");
      expect(rules(partText(out, "xl/worksheets/sheet1.xml")!)).toEqual(rules(partText(input, "xl/worksheets/sheet1.xml")!));
    });
  });
});

describe("no input file was ever modified", () => {
  it("every corpus file hashes as it did when written", () => {
    expect(corpus.size).toBeGreaterThanOrEqual(30);
    for (const [file, hash] of corpus) expect([path.basename(file), sha256(file)]).toEqual([path.basename(file), hash]);
  });
});
