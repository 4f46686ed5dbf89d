/**
 * The part-level .xlsx reader and writer (src/cli/xlsx/): the sheet tokenizer on pieces cut anywhere,
 * cell values as the rest of the CLI reads them, the row patcher, and the zip writer. End-to-end
 * runs on real files are in apply-xlsx.test.ts and hostile.test.ts.
 */
import * as zlib from "zlib";
import { SheetTokenizer, parseCells, type RowTok } from "../../src/cli/xlsx/sheetXml";
import { cellValue, isDateFormat, richText, styleFormats, type ReadContext } from "../../src/cli/xlsx/cellValues";
import { patchHead, patchRow } from "../../src/cli/xlsx/sheetPatch";
import { ZipOut } from "../../src/cli/xlsx/zipOut";
import { readEntry, zipEntries } from "../../src/cli/zip";
import { PassThrough } from "stream";
import type { Layout } from "../../src/cli/layout";

const SHEET =
  '<?xml version="1.0"?><worksheet xmlns="x"><dimension ref="A1:C3"/><sheetData>' +
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Score &amp; CI</t></is></c></row>' +
  "<!-- a comment -->" +
  '<row r="3"><c r="A3"><v>59.5</v></c><c><v>2</v></c><c r="C3" t="b"><v>1</v></c></row>' +
  '<row r="4"/>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';

function tokenize(text: string, cuts: number[]): { head: string; rows: RowTok[]; tail: string } {
  const out = { head: "", rows: [] as RowTok[], tail: "" };
  const t = new SheetTokenizer({ head: (h) => (out.head = h), row: (r) => out.rows.push(r), tail: (x) => (out.tail += x) });
  let at = 0;
  for (const c of [...cuts, text.length]) {
    t.push(text.slice(at, c));
    at = c;
  }
  t.end();
  return out;
}

describe("sheet tokenizer", () => {
  it("gives the same head, rows and tail wherever the text is cut (every cut point)", () => {
    const whole = tokenize(SHEET, []);
    expect(whole.head.endsWith("<sheetData>")).toBe(true);
    expect(whole.rows.map((r) => [r.num, r.cells.map((c) => c.col)])).toEqual([
      [1, [1, 2]],
      [3, [1, 2, 3]],
      [4, []],
    ]);
    expect(whole.tail).toBe('</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>');
    for (let cut = 1; cut < SHEET.length; cut++) {
      const part = tokenize(SHEET, [cut]);
      expect([cut, part.head, part.rows, part.tail]).toEqual([cut, whole.head, whole.rows, whole.tail]);
    }
  });

  it("reads prefixed tags (the Open XML SDK's x:) and a cell without r after the one before", () => {
    const cells = parseCells('<x:c r="C7" t="n"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c><x:c r="F7"/>');
    expect(cells.map((c) => [c.col, c.hasRef])).toEqual([
      [3, true],
      [4, false],
      [6, true],
    ]);
    const rows = tokenize('<x:worksheet><x:sheetData><x:row r="7"><x:c r="C7"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>', [20]).rows;
    expect(rows.map((r) => [r.prefix, r.num, r.cells.length])).toEqual([["x:", 7, 1]]);
  });

  it("refuses rows out of order, text that is not a row, and rows cut short", () => {
    expect(() => tokenize('<worksheet><sheetData><row r="3"/><row r="2"/></sheetData></worksheet>', [])).toThrow(/row 2 comes after row 3/);
    expect(() => tokenize("<worksheet><sheetData><foo/></sheetData></worksheet>", [])).toThrow(/not a <row>/);
    expect(() => tokenize('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>', [])).toThrow(/cut short/);
    expect(() => tokenize("<worksheet></worksheet>", [])).toThrow(/no <sheetData>/);
  });
});

describe("cell values", () => {
  const styles =
    '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/></numFmts>' +
    '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>';
  const ctx: ReadContext = { sharedStrings: ["Alpha", "Zoë"], formats: styleFormats(styles), date1904: false };
  const value = (xml: string) => {
    const [c] = parseCells(xml);
    return cellValue(c.attrs, c.inner, ctx);
  };

  it("reads each cell type as ExcelJS gives it", () => {
    expect(value('<c r="A1" t="s"><v>1</v></c>')).toBe("Zoë");
    expect(value('<c r="A1" t="inlineStr"><is><r><t>Sc</t></r><r><t xml:space="preserve">ore </t></r><rPh><t>x</t></rPh></is></c>')).toBe("Score ");
    expect(value('<c r="A1"><v>59.5</v></c>')).toBe(59.5);
    expect(value('<c r="A1" s="1"><v>0.595</v></c>')).toBe(0.595); // a % format is not a date
    expect(value('<c r="A1" s="2"><v>39814</v></c>')).toEqual(new Date(Date.UTC(2009, 0, 1)));
    expect(value('<c r="A1" t="b"><v>0</v></c>')).toBe(false);
    expect(value('<c r="A1" t="e"><v>#N/A</v></c>')).toEqual({ error: "#N/A" });
    expect(value('<c r="A1"><f>B1*2</f><v>118</v></c>')).toEqual({ formula: "B1*2", result: 118 });
    expect(value('<c r="A1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>')).toEqual({ formula: '"a"&"b"', result: "ab" });
    expect(value('<c r="A1"><f>C1</f></c>')).toEqual({ formula: "C1" }); // never calculated: no result
    expect(value('<c r="A2"><f t="shared" si="0"/><v>3</v></c>')).toEqual({ sharedFormula: "(shared formula)", result: 3 });
    expect(value('<c r="A1" s="3"/>')).toBeNull();
  });

  it("knows date formats from percentages and quoted text", () => {
    expect(ctx.formats).toEqual([undefined, "0%", "mm-dd-yy", '0.0"%"']);
    expect(["0%", '0.0"%"', "#,##0", "General", '"days"0'].map(isDateFormat)).toEqual([false, false, false, false, false]);
    expect(["mm-dd-yy", "d-mmm", "[h]:mm:ss", "yyyy-mm-dd hh:mm", "[$-809]dd/mm/yyyy"].map(isDateFormat)).toEqual([true, true, true, true, true]);
    expect(richText("<t>a&lt;b</t>")).toBe("a<b");
  });
});

describe("row patcher", () => {
  const tok = (xml: string): RowTok => {
    const m = /<(\w+:)?row\b([^>]*?)>([\s\S]*)<\/(\w+:)?row>/.exec(xml)!;
    return { prefix: m[1] ?? "", num: Number(/r="(\d+)"/.exec(m[2])![1]), attrs: m[2], cells: parseCells(m[3]) };
  };

  it("puts new cells in column order, replaces cells in the block, keeps the rest byte for byte", () => {
    const row = tok('<row r="5" spans="1:4" ht="20"><c r="A5" s="2"><v>1</v></c><c r="C5" t="s"><v>0</v></c><c r="E5"><v>9</v></c></row>');
    const info = { formulaRemoved: false };
    const xml = patchRow(5, row, new Map([[2, { value: "x<y" }], [5, { value: 3 }], [6, { value: null }]]), info, "sheet");
    expect(xml).toBe('<row r="5" ht="20"><c r="A5" s="2"><v>1</v></c><c r="B5" t="inlineStr"><is><t xml:space="preserve">x&lt;y</t></is></c><c r="C5" t="s"><v>0</v></c><c r="E5"><v>3</v></c></row>');
    expect(info.formulaRemoved).toBe(false);
  });

  it("gives cells without r their reference when cells are added before them", () => {
    const row = tok('<row r="2"><c><v>1</v></c><c><v>2</v></c></row>');
    expect(patchRow(2, row, new Map([[1, { value: "new" }]]), { formulaRemoved: false }, "s")).toBe(
      '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">new</t></is></c><c r="B2"><v>2</v></c></row>',
    );
  });

  it("writes a row the sheet did not have, and nothing for one that stays empty", () => {
    expect(patchRow(9, undefined, new Map([[3, { value: 1.5 }]]), { formulaRemoved: false }, "s")).toBe('<row r="9"><c r="C9"><v>1.5</v></c></row>');
    expect(patchRow(9, undefined, new Map([[3, { value: null }]]), { formulaRemoved: false }, "s")).toBe("");
  });

  it("notes a replaced formula, and refuses to replace the first cell of a shared formula", () => {
    const info = { formulaRemoved: false };
    patchRow(3, tok('<row r="3"><c r="B3"><f>A3*2</f><v>4</v></c></row>'), new Map([[2, { value: 1 }]]), info, "s");
    expect(info.formulaRemoved).toBe(true);
    expect(() => patchRow(3, tok('<row r="3"><c r="B3"><f t="shared" ref="B3:B9" si="0">A3*2</f><v>4</v></c></row>'), new Map([[2, { value: 1 }]]), info, 'sheet "Data"')).toThrow(
      /cell B3 of sheet "Data" holds a formula filled down to other cells/,
    );
  });

  it("widens the dimension and adds widths for new columns only", () => {
    const layout = { lastCol: 3, lastRow: 10, outputCols: [4, 5] } as unknown as Layout;
    const head = '<worksheet><dimension ref="A1:C10"/><cols><col min="1" max="1" width="30" customWidth="1"/><col min="5" max="5" width="9"/></cols><sheetData>';
    expect(patchHead(head, layout, new Map([[4, 12], [5, 44]]))).toBe(
      '<worksheet><dimension ref="A1:E10"/><cols><col min="1" max="1" width="30" customWidth="1"/><col min="4" max="4" width="12" customWidth="1"/><col min="5" max="5" width="9"/></cols><sheetData>',
    );
    expect(patchHead('<worksheet><dimension ref="A1"/><sheetData>', layout, new Map([[4, 12]]))).toBe('<worksheet><dimension ref="A1:E10"/><cols><col min="4" max="4" width="12" customWidth="1"/></cols><sheetData>');
  });
});

describe("zip writer", () => {
  it("writes a zip whose entries read back, copied ones byte for byte", async () => {
    const src = new PassThrough();
    const chunks: Buffer[] = [];
    src.on("data", (b: Buffer) => chunks.push(b));
    const first = new ZipOut(src);
    await first.add("a.xml", "<a>é</a>");
    await first.addStreamed("big.xml", async (write) => {
      for (let i = 0; i < 5000; i++) await write(`<row r="${i}"/>`);
    });
    await first.finish();
    const buf = Buffer.concat(chunks);
    const entries = zipEntries(buf)!;
    expect([...entries.keys()]).toEqual(["a.xml", "big.xml"]);
    expect(readEntry(buf, entries.get("a.xml")!)!.toString("utf8")).toBe("<a>é</a>");
    expect(readEntry(buf, entries.get("big.xml")!)!.toString("utf8")).toMatch(/^<row r="0"\/>[\s\S]*<row r="4999"\/>$/);

    const again = new PassThrough();
    const out: Buffer[] = [];
    again.on("data", (b: Buffer) => out.push(b));
    const copy = new ZipOut(again);
    await copy.copy(buf, entries.get("big.xml")!);
    await copy.finish();
    const buf2 = Buffer.concat(out);
    const e2 = zipEntries(buf2)!.get("big.xml")!;
    expect(readEntry(buf2, e2)).toEqual(readEntry(buf, entries.get("big.xml")!));
    expect(e2.compressedSize).toBe(entries.get("big.xml")!.compressedSize);
    expect(zlib.inflateRawSync(buf2.subarray(e2.localOffset + 30 + "big.xml".length, e2.localOffset + 30 + "big.xml".length + e2.compressedSize)).length).toBe(e2.size);
  });

  it("refuses the same entry twice", async () => {
    const z = new ZipOut(new PassThrough().resume());
    await z.add("x", "1");
    await expect(z.add("x", "2")).rejects.toThrow(/written twice/);
  });
});
