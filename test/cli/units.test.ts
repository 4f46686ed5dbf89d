// Unit tests of the command line's own helpers (no rules here: those are the engine's).
import * as fs from "fs";
import * as path from "path";
import { FIELD_SYNONYMS, INPUT_FIELDS } from "../../src/engine";
import * as os from "os";
import { delimitedRecords, detectDelimiter, sniffDelimited } from "../../src/cli/delimited";
import { describeMapping, findLayout, LayoutScanner, mapFields, parseColOption } from "../../src/cli/layout";
import { cellText, engineValue } from "../../src/cli/cells";

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3", ","],
    ["Area;Score\nX;59,5", ";"],
    ["a\tb\n1\t2", "\t"],
    ['"a;b",c\n"x;y",2', ","],
    ["single\n1", ","],
  ])("%j → %j", (text, d) => expect(detectDelimiter(text)).toBe(d));
});

describe("sniffDelimited and delimitedRecords (streamed)", () => {
  const file = (name: string, bytes: Buffer) => {
    const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cohesion-units-")), name);
    fs.writeFileSync(p, bytes);
    return p;
  };
  const all = async (p: string) => {
    const rows: string[][] = [];
    for await (const r of delimitedRecords(p, "x", await sniffDelimited(p, "x"))) rows.push(r);
    return rows;
  };
  it("strips a UTF-8 BOM and falls back to Windows-1252 for bytes that are not UTF-8", async () => {
    const bom = file("bom.csv", Buffer.from("\ufeffa,b\r\n", "utf8"));
    expect(await sniffDelimited(bom, "x")).toMatchObject({ bom: true, eol: "\r\n", encoding: "utf-8", delimiter: "," });
    expect(await all(bom)).toEqual([["a", "b"]]);
    const cp = file("cp.csv", Buffer.from([0xa3, 0x35, 0x0a]));
    expect(await sniffDelimited(cp, "x")).toMatchObject({ encoding: "windows-1252", bom: false, eol: "\n" });
    expect(await all(cp)).toEqual([["£5"]]);
  });
  it("joins characters split across read chunks, and finds CRLF after a long first line", async () => {
    const long = "é".repeat(700_000); // 1.4 MB of two-byte characters: crosses the 1 MB read chunk
    const p = file("long.csv", Buffer.from(`h;${long}\r\nx;y\r\n`, "utf8"));
    expect(await sniffDelimited(p, "x")).toMatchObject({ eol: "\r\n", delimiter: ";", encoding: "utf-8" });
    expect(await all(p)).toEqual([["h", long], ["x", "y"]]);
  });
});

describe("layout", () => {
  it("takes the first non-empty row as the header and stops at the last row with a value", () => {
    const grid = [undefined, undefined, ["", "Area", "NI 1 %"], ["", "A", 59], undefined, [null, "B", 60], [" "]];
    const l = findLayout(grid, "t");
    expect(l).toMatchObject({ headerRow: 2, lastRow: 5, lastCol: 3, outputCols: [4, 5, 6, 7, 8, 9, 10] });
    expect(mapFields(l, [], "t").columns).toEqual({ score: 2 });
  });
  it("reuses only an earlier run's whole block (seven, or one tool's with Notes); columns that merely share a header are the user's", () => {
    const OUT = ["Family type", "Family type name", "Family group", "ABG band", "ABG allocation", "ABG band range", "Notes"];
    const rerun = findLayout([undefined, ["Score", ...OUT, "Mine"], [59]], "t");
    expect(rerun.reused).toEqual(OUT.map(() => true));
    expect(rerun.outputCols).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(rerun.lookalikes).toEqual([]);
    const scattered = findLayout([undefined, ["Score", "Family type", "x", "Notes"], [59]], "t");
    expect(scattered.reused.every((r) => !r)).toBe(true);
    expect(scattered.outputCols).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(scattered.lookalikes).toEqual([2, 4]);
    // A block with a column moved out of order is not ours: only a run of one of the blocks a run writes counts
    // (here the ABG block D–G); with the user's "Family type" right of it, the new block goes after the data and D–G is emptied.
    const shuffled = findLayout([undefined, ["Score", ...OUT.slice(1), OUT[0]], [59]], "t");
    expect(shuffled.reused.every((r) => !r)).toBe(true);
    expect(shuffled.earlier).toEqual({ columns: [4, 5, 6, 7], headers: OUT.slice(3) });
    expect(shuffled.outputCols).toEqual([9, 10, 11, 12, 13, 14, 15]);
    expect(shuffled.clearCols).toEqual([4, 5, 6, 7]);
    expect(shuffled.lookalikes).toEqual([2, 3, 8]);
    // A user's copy beside our block: our block is reused, theirs is named.
    const both = findLayout([undefined, ["Score", "Notes", ...OUT], [59, "mine"]], "t");
    expect(both.outputCols).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(both.lookalikes).toEqual([2]);
  });
  it("only the tools asked for: an earlier ABG block that ends the row grows in place into the seven, a narrower run empties the rest (issue 12.5)", () => {
    const OUT = ["Family type", "Family type name", "Family group", "ABG band", "ABG allocation", "ABG band range", "Notes"];
    const ABG = OUT.slice(3);
    const FAM = [...OUT.slice(0, 3), "Notes"] as typeof OUT;
    const grows = new LayoutScanner("t");
    grows.push(["Score", "NVQ4", ...ABG]);
    grows.push([59, 20]);
    const l = grows.finish(OUT as never);
    expect(l.outputCols).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(l.clearCols).toEqual([]);
    const narrows = new LayoutScanner("t");
    narrows.push(["NVQ4", ...OUT, "Mine"]);
    narrows.push([20]);
    const m = narrows.finish(FAM as never);
    expect(m.outputHeaders).toEqual(FAM);
    expect(m.outputCols).toEqual([2, 3, 4, 5]);
    expect(m.reused).toEqual([true, true, true, false]);
    expect(m.clearCols).toEqual([6, 7, 8]);
  });
  it("for apply, skips title rows to the first of the top rows that names a field and holds no numbers", () => {
    const titled = [undefined, ["Cohesion indicators 2008"], [null, "Place Survey 2008"], ["Area", "NI 1 %", "CI"], ["A", 59, 2]];
    expect(findLayout(titled, "t", [])).toMatchObject({ headerRow: 3, lastRow: 4, lastCol: 3 });
    expect(findLayout(titled, "t")).toMatchObject({ headerRow: 1 }); // peers: the first non-empty row
    // A data row holding the word "Rural" is not a header: it holds numbers.
    expect(findLayout([undefined, ["Area", "Kind", "Value"], ["Eden", "Rural", 59]], "t", []).headerRow).toBe(1);
    // A --col header counts as naming a field.
    expect(findLayout([undefined, ["Title"], ["Area", "Q19 %"], ["A", 59]], "t", ["score=Q19 %"]).headerRow).toBe(2);
  });
  it("names the other columns headed like a field (duplicate headers): the first wins", () => {
    const l = findLayout([undefined, ["Area", "Score", "NI 1 %", "CI", "Score"], ["A", 59, 70, 2, 80]], "t", []);
    const fields = describeMapping(l, mapFields(l, [], "t"));
    expect(fields.find((f) => f.field === "score")).toMatchObject({ column: "B", others: ["C", "E"] });
    expect(fields.find((f) => f.field === "ci")).toMatchObject({ column: "D", others: [] });
  });
  it("parses --col", () => {
    expect(parseColOption(" Score = NI 1 % ")).toEqual({ field: "score", header: "NI 1 %" });
    expect(() => parseColOption("area=Name")).toThrow(/FIELD must be one of/);
  });
});

describe("engineValue", () => {
  it("reads ExcelJS cell values as the engine expects", () => {
    expect(engineValue({ formula: "A1", result: 5 })).toBe(5);
    expect(engineValue({ sharedFormula: "A1", result: { error: "#N/A" } })).toEqual({ error: "#N/A" });
    expect(engineValue({ formula: "A1" })).toEqual({ formula: "A1" }); // never calculated: the engine reports it
    expect(engineValue({ richText: [{ text: "7" }, { text: "2" }] })).toBe("72");
    expect(engineValue({ text: "64", hyperlink: "https://x" })).toBe("64");
    // A date cell reaches the engine as a Date, which it names ("a date, 2009-01-01"); as text (CSV output) it is the ISO date.
    expect(engineValue(new Date(Date.UTC(2009, 0, 1)))).toEqual(new Date(Date.UTC(2009, 0, 1)));
    expect(cellText(new Date(Date.UTC(2009, 0, 1)))).toBe("2009-01-01");
  });
});

describe("docs/cli.md", () => {
  it("lists exactly the engine's header synonyms for each field", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "cli.md"), "utf8");
    for (const field of INPUT_FIELDS) {
      const row = doc.split("\n").find((l) => l.startsWith(`| \`${field}\` |`));
      expect(row).toBeDefined();
      const listed = row!.split("|")[3].trim().split(/`, `/).map((s) => s.replace(/^`|`$/g, ""));
      expect(listed).toEqual([...FIELD_SYNONYMS[field]]);
    }
  });
});
