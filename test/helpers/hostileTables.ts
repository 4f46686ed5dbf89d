/**
 * Builders for the hostile corpus of test/cli/hostile.test.ts (with hostileFiles.ts): tables, charts
 * and data validation as Excel writes them (issue 13.3, 13.6, 13.7). The openpyxl and LibreOffice
 * ones are committed files (test/fixtures/, made once by test/fixtures/make-fixtures.sh); these are
 * built by the tests in a temporary folder.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { editPart, HEADERS, unzip, workbook, zip } from "./hostileFiles";

export const FIXTURES = path.resolve(__dirname, "..", "fixtures");

export const TABLE_ROWS: (string | number | boolean | null)[][] = [
  ["Alpha", 59, 2, 20, 60, 10, null, false],
  ["Beta", 72, 1, 30, 10, 3, null, false],
  ["Gamma", 50, 1, 20, 10, 3, 1500, false],
  ["Delta", 61, 1, 40, 70, 2, null, true],
  ["Epsilon", 66, 1, 20, 10, 10, null, false],
];

/** An Excel table written by ExcelJS, as Excel has them: a style, striped rows, filter buttons (but on the CI column, hidden). */
export async function excelTableWorkbook(dir: string, name: string): Promise<string> {
  return workbook(dir, name, (wb) => {
    wb.addWorksheet("Read me").getCell("A1").value = "Table Indicators on sheet Areas";
    const ws = wb.addWorksheet("Areas");
    ws.addTable({
      name: "Indicators",
      ref: "A1",
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: HEADERS.map((h) => ({ name: h, filterButton: h !== "CI" })),
      rows: TABLE_ROWS,
    });
  });
}

/**
 * A data sheet with two charts added as Excel 2016 writes them: a drawing with two graphic frames,
 * each chart with its style and colours parts (xl/charts/style1.xml, colors1.xml).
 */
export async function excelChartWorkbook(dir: string, name: string): Promise<string> {
  const file = await workbook(dir, name, (wb) => {
    const ws = wb.addWorksheet("Areas");
    ws.addRow(HEADERS);
    TABLE_ROWS.forEach((r) => ws.addRow(r));
  });
  const parts = unzip(fs.readFileSync(file));
  const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
  const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const frame = (n: number, row: number) =>
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + 14}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${n + 1}" name="Chart ${n}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" r:id="rId${n}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  const chart = (title: string, col: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Areas!$A$2:$A$6</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Areas!$${col}$2:$${col}$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>` +
    `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  const rels = (items: [string, string, string][]) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join("")}</Relationships>`;
  parts.set("xl/drawings/drawing1.xml", Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${A}" xmlns:r="${R}">${frame(1, 1)}${frame(2, 17)}</xdr:wsDr>`));
  parts.set("xl/drawings/_rels/drawing1.xml.rels", Buffer.from(rels([1, 2].map((n) => [`rId${n}`, `${R}/chart`, `../charts/chart${n}.xml`]))));
  for (const [n, title, col] of [[1, "Scores", "B"], [2, "NVQ4+", "D"]] as const) {
    parts.set(`xl/charts/chart${n}.xml`, Buffer.from(chart(title, col)));
    parts.set(`xl/charts/style${n}.xml`, Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" xmlns:a="${A}" id="201"/>`));
    parts.set(`xl/charts/colors${n}.xml`, Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" xmlns:a="${A}" meth="cycle" id="10"/>`));
    parts.set(
      `xl/charts/_rels/chart${n}.xml.rels`,
      Buffer.from(rels([["rId1", "http://schemas.microsoft.com/office/2011/relationships/chartStyle", `style${n}.xml`], ["rId2", "http://schemas.microsoft.com/office/2011/relationships/chartColorStyle", `colors${n}.xml`]])),
    );
  }
  const sheet = "xl/worksheets/sheet1.xml";
  const sheetRels = "xl/worksheets/_rels/sheet1.xml.rels";
  parts.set(sheet, Buffer.from(parts.get(sheet)!.toString("utf8").replace(/<\/worksheet>\s*$/, '<drawing r:id="rIdDr1"/></worksheet>')));
  const existing = parts.get(sheetRels)?.toString("utf8");
  const drawingRel = `<Relationship Id="rIdDr1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>`;
  parts.set(sheetRels, Buffer.from(existing ? existing.replace("</Relationships>", `${drawingRel}</Relationships>`) : rels([]).replace("</Relationships>", `${drawingRel}</Relationships>`)));
  const ct = parts.get("[Content_Types].xml")!.toString("utf8");
  const overrides =
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
    [1, 2]
      .map(
        (n) =>
          `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
          `<Override PartName="/xl/charts/style${n}.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/><Override PartName="/xl/charts/colors${n}.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/>`,
      )
      .join("");
  parts.set("[Content_Types].xml", Buffer.from(ct.replace("</Types>", `${overrides}</Types>`)));
  fs.writeFileSync(file, zip(parts));
  return file;
}

/**
 * Data validation over ranges that cross from row 9 to row 10 (B2:B12, C2:C12), as Excel writes it:
 * ExcelJS 4.4.0 sorts the cells as text (B10 before B2) and wrote each rule twice, over overlapping
 * ranges (exceljs/exceljs#2820).
 */
export async function validationWorkbook(dir: string, name: string): Promise<string> {
  const file = await workbook(dir, name, (wb) => {
    const ws = wb.addWorksheet("Areas");
    ws.addRow(HEADERS.slice(0, 3));
    for (let i = 0; i < 11; i++) ws.addRow([`Area ${i + 1}`, 50 + i * 2, 1]);
  });
  editPart(file, "xl/worksheets/sheet1.xml", (xml) =>
    xml.replace(
      /(<\/sheetData>)/,
      '$1<dataValidations count="2"><dataValidation type="whole" allowBlank="1" showErrorMessage="1" sqref="B2:B12"><formula1>0</formula1><formula2>100</formula2></dataValidation>' +
        '<dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="C2:C12"><formula1>0</formula1><formula2>50</formula2></dataValidation></dataValidations>',
    ),
  );
  return file;
}

/** A data sheet with a picture (ExcelJS's own drawing) and a chart added to the same drawing. */
export async function pictureAndChartWorkbook(dir: string, name: string): Promise<string> {
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
  const file = await workbook(dir, name, (wb) => {
    const ws = wb.addWorksheet("Areas");
    ws.addRow(HEADERS);
    TABLE_ROWS.forEach((r) => ws.addRow(r));
    ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" }), "J2:K4");
  });
  const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
  const anchor =
    '<xdr:twoCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>9</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="9" name="Chart 7"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" r:id="rIdChart"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  const parts = unzip(fs.readFileSync(file));
  const drawing = [...parts.keys()].find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!;
  const rels = drawing.replace("drawings/", "drawings/_rels/") + ".rels";
  parts.set(drawing, Buffer.from(parts.get(drawing)!.toString("utf8").replace("</xdr:wsDr>", `${anchor}</xdr:wsDr>`)));
  parts.set(rels, Buffer.from(parts.get(rels)!.toString("utf8").replace("</Relationships>", '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>')));
  parts.set("xl/charts/chart1.xml", Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C}"><c:chart/></c:chartSpace>`));
  const ct = parts.get("[Content_Types].xml")!.toString("utf8");
  parts.set("[Content_Types].xml", Buffer.from(ct.replace("</Types>", '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>')));
  fs.writeFileSync(file, zip(parts));
  return file;
}

/** The ExcelJS table with a column of the user's right next to it (column I, "My notes"): the results cannot be the table's next columns. */
export async function tableWithNeighbourWorkbook(dir: string, name: string): Promise<string> {
  const file = await excelTableWorkbook(dir, name);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Areas")!;
  ws.getCell("I1").value = "My notes";
  ws.getCell("I2").value = "check";
  await wb.xlsx.writeFile(file);
  return file;
}
