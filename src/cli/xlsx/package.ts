/**
 * The package parts every workbook the command line writes from scratch needs (ECMA-376 Part 2, Open Packaging
 * Conventions; SpreadsheetML's workbook part, Part 1 §18.2): xl/workbook.xml with its sheets and defined names,
 * its relationships, the package's relationship to it, and the content types. One place for both new
 * workbooks: a CSV's output (newBook.ts) and the area profile (profileBook.ts). The sheets and styles parts are
 * the caller's, written before these, as xl/worksheets/sheet<n>.xml and xl/styles.xml.
 */
import { NS_REL, CONTENT_WORKSHEET, TYPE_WORKSHEET, esc } from "./book";
import type { ZipOut } from "./zipOut";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** A defined name of the workbook: `ref` as Excel writes it ('Sheet'!$A$1:$B$2); `sheet` (0-based) makes it local to that sheet. */
export interface DefinedName {
  name: string;
  ref: string;
  sheet?: number;
  hidden?: boolean;
}

/** Writes xl/workbook.xml (sheets in order, sheet n = xl/worksheets/sheet<n>.xml), its relationships, _rels/.rels and [Content_Types].xml. */
export async function addWorkbookParts(zip: ZipOut, sheetNames: readonly string[], names: readonly DefinedName[] = []): Promise<void> {
  const sheets = sheetNames.map((name, i) => `<sheet name="${esc(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const defined = names
    .map((n) => `<definedName name="${esc(n.name)}"${n.sheet === undefined ? "" : ` localSheetId="${n.sheet}"`}${n.hidden ? ` hidden="1"` : ""}>${esc(n.ref)}</definedName>`)
    .join("");
  await zip.add(
    "xl/workbook.xml",
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>` +
      (defined ? `<definedNames>${defined}</definedNames>` : "") +
      `<calcPr calcId="191029"/></workbook>`,
  );
  const sheetRels = sheetNames.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${TYPE_WORKSHEET}" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  await zip.add(
    "xl/_rels/workbook.xml.rels",
    `${XML_HEAD}<Relationships xmlns="${NS_PACKAGE_REL}">${sheetRels}<Relationship Id="rId${sheetNames.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  await zip.add("_rels/.rels", `${XML_HEAD}<Relationships xmlns="${NS_PACKAGE_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheetTypes = sheetNames.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CONTENT_WORKSHEET}"/>`).join("");
  await zip.add(
    "[Content_Types].xml",
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheetTypes +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
}
