// Unit tests of the command line's own helpers (no rules here: those are the engine's).
import * as fs from "fs";
import * as path from "path";
import { FIELD_SYNONYMS, INPUT_FIELDS } from "../../src/engine";
import { detectDelimiter, decodeText } from "../../src/cli/delimited";
import { columnLetter, findLayout, mapFields, parseColOption } from "../../src/cli/layout";
import { engineValue } from "../../src/cli/cells";

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3", ","],
    ["Area;Score\nX;59,5", ";"],
    ["a\tb\n1\t2", "\t"],
    ['"a;b",c\n"x;y",2', ","],
    ["single\n1", ","],
  ])("%j → %j", (text, d) => expect(detectDelimiter(text)).toBe(d));
});

describe("decodeText", () => {
  it("strips a UTF-8 BOM and falls back to Windows-1252 for bytes that are not UTF-8", () => {
    expect(decodeText(Buffer.from("\ufeffa,b\r\n", "utf8"), "x")).toMatchObject({ text: "a,b\r\n", bom: true, eol: "\r\n", encoding: "utf-8" });
    expect(decodeText(Buffer.from([0xa3, 0x35, 0x0a]), "x")).toMatchObject({ text: "£5\n", encoding: "windows-1252" });
  });
});

describe("layout", () => {
  it("names columns like Excel", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });
  it("takes the first non-empty row as the header and stops at the last row with a value", () => {
    const grid = [undefined, undefined, ["", "Area", "NI 1 %"], ["", "A", 59], undefined, [null, "B", 60], [" "]];
    const l = findLayout(grid, "t");
    expect(l).toMatchObject({ headerRow: 2, lastRow: 5, lastCol: 3, outputCols: [4, 5, 6, 7, 8, 9, 10] });
    expect(mapFields(l, [], "t").columns).toEqual({ score: 2 });
  });
  it("reuses the output columns of an earlier run but not a lone Notes column", () => {
    const rerun = findLayout([undefined, ["Score", "Family type", "x", "Notes"], [59]], "t");
    expect(rerun.reused).toEqual([true, false, false, false, false, false, true]);
    expect(rerun.outputCols).toEqual([2, 5, 6, 7, 8, 9, 4]);
    const own = findLayout([undefined, ["Score", "Notes"], [59, "mine"]], "t");
    expect(own.reused.every((r) => !r)).toBe(true);
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
    expect(engineValue({ formula: "A1" })).toBeNull();
    expect(engineValue({ richText: [{ text: "7" }, { text: "2" }] })).toBe("72");
    expect(engineValue({ text: "64", hyperlink: "https://x" })).toBe("64");
    expect(engineValue(new Date(Date.UTC(2009, 0, 1)))).toBe("2009-01-01");
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
