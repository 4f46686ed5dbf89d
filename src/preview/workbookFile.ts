/**
 * .xlsx in and out of the preview's workbook, with ExcelJS's browser build (its package.json "browser"
 * field: dist/exceljs.min.js, self-contained, so webpack needs no Node polyfills).
 *
 * In: every sheet's values, formulas (with Excel's saved results), number formats, column widths,
 * tables, frozen rows, active cell and page set-up; the active sheet. Out: all sheets, values, formulas with their
 * results as cached values, number formats, column widths (those the pane set, in points, first), wrap,
 * vertical alignment and bold/size of the cells the pane formatted, frozen rows, the selection, and the
 * page set-up (orientation, fit to pages, print title rows). Tables and their styles are not written
 * (ExcelJS writes a table only from its own rows): their cells are. A spilled formula is written once, at its anchor (as
 * scripts/make-sample.js does): the spilled cells are its result, computed again when the file is opened.
 */
import ExcelJS from "exceljs";
import { columnIndex, columnLetters, type ExcelStandIn } from "./standIn";
import { quoteSheet } from "../engine/a1";
import { PreviewHost, isErrorCode, type WorkbookInfo } from "./host";

/** Excel's column width unit (characters of the default font) → pixels, roughly as Excel draws it. */
const widthToPx = (w: number) => Math.round(w * 7 + 5);
const pxToWidth = (px: number) => Math.max(1, Math.round(((px - 5) / 7) * 100) / 100);
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** "B3" or "B3:D9" of a block (0-based). */
function a1Of(r: { row: number; column: number; rows: number; columns: number }): string {
  const cell = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;
  return r.rows === 1 && r.columns === 1 ? cell(r.row, r.column) : `${cell(r.row, r.column)}:${cell(r.row + r.rows - 1, r.column + r.columns - 1)}`;
}

/** An ExcelJS cell value as a plain cell value (errors as their code, dates as serial numbers). */
function plain(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; error?: string; result?: unknown };
    if ("formula" in o || "sharedFormula" in o) return plain(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
    if (typeof o.error === "string") return o.error;
    if (o.text !== undefined) return plain(o.text);
  }
  return String(v);
}

/** Reads an .xlsx into a new stand-in. `saved` gets Excel's results of the formulas, by cell. */
export async function readWorkbook(host: PreviewHost, data: ArrayBuffer, name: string, sample: boolean): Promise<{ standIn: ExcelStandIn; info: WorkbookInfo; saved: Map<string, unknown> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const standIn = host.newStandIn();
  const saved = new Map<string, unknown>();
  const widths = new Map<string, Map<number, number>>();
  const columnFormats = new Map<string, Map<number, string>>();
  for (const ws of wb.worksheets) {
    standIn.addSheet(ws.name);
    const w = new Map<number, number>();
    const f = new Map<number, string>();
    (ws.columns ?? []).forEach((col, i) => {
      if (col && typeof col.width === "number") w.set(i, widthToPx(col.width));
      if (col?.numFmt && col.numFmt !== "General") f.set(i, col.numFmt);
    });
    widths.set(ws.name.toLowerCase(), w);
    columnFormats.set(ws.name.toLowerCase(), f);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value as unknown;
        const numFmt = cell.numFmt || undefined;
        let formula: string | undefined;
        if (v && typeof v === "object" && ("formula" in (v as object) || "sharedFormula" in (v as object))) formula = cell.formula || undefined;
        const value = plain(v);
        if (formula) saved.set(PreviewHost.savedKey(ws.name, r - 1, c - 1), value);
        if (value === "" && !formula && !numFmt) return;
        standIn.setCell(ws.name, r - 1, c - 1, value, formula, numFmt);
      });
    });
    const model = standIn.model.sheet(ws.name)!;
    const view = ws.views?.[0] as { state?: string; ySplit?: number; activeCell?: string } | undefined;
    if (view?.state === "frozen" && view.ySplit) model.frozenRows = view.ySplit;
    if (view?.activeCell && /^[A-Z]{1,3}\d{1,7}$/.test(view.activeCell)) standIn.select(ws.name, view.activeCell); // each sheet keeps its own (the active sheet is set below)
    const ps = ws.pageSetup as Partial<ExcelJS.PageSetup> & { printTitlesRow?: string };
    if (ps?.orientation === "landscape") model.pageLayout.orientation = "Landscape";
    if (ps?.fitToPage) model.pageLayout.zoom = { horizontalFitToPages: ps.fitToWidth ?? 1, verticalFitToPages: ps.fitToHeight ?? 1 };
    if (ps?.printTitlesRow) model.pageLayout.printTitleRows = ps.printTitlesRow;
    for (const t of ws.getTables?.() ?? []) {
      try {
        const m = (t as unknown as { table: { name: string; ref?: string; tableRef?: string } }).table;
        const ref = m.tableRef ?? m.ref;
        if (m && ref) standIn.addTable(ws.name, ref.includes(":") ? ref : `${ref}:${ref}`, m.name);
      } catch {
        // a table ExcelJS cannot describe is left as plain cells
      }
    }
  }
  // Workbook-level defined names of ranges (ExcelJS keeps no others): the toolkit's markers among them.
  for (const n of (wb.definedNames.model ?? []) as { name: string; ranges: string[] }[]) {
    if (n.ranges.length !== 1) continue;
    try {
      standIn.addName(n.name, n.ranges[0]);
    } catch {
      // a name of a sheet the workbook does not have is left out
    }
  }
  const active = wb.views?.[0]?.activeTab ?? 0;
  const names = standIn.sheetNames();
  if (names[active]) standIn.activate(names[active]);
  return { standIn, info: { name, sample, widths, columnFormats }, saved };
}

/** The workbook as .xlsx bytes. */
export async function writeWorkbook(host: PreviewHost): Promise<ArrayBuffer> {
  const x = host.standIn;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cohesion Toolkit preview";
  const names = x.sheetNames();
  for (const name of names) {
    const ws = wb.addWorksheet(name);
    const spilled = x.spills(name).map((s) => {
      const m = /^([A-Z]+)(\d+)$/.exec(s.anchor)!;
      const col = columnIndex(m[1]);
      return { row: Number(m[2]) - 1, col, rows: s.rows, cols: s.columns };
    });
    const inSpill = (r: number, c: number) => spilled.some((s) => r >= s.row && c >= s.col && r < s.row + s.rows && c < s.col + s.cols && (r !== s.row || c !== s.col));
    const prefix = `${quoteSheet(name)}!`;
    for (const [address, cell] of x.snapshot((s) => s === name)) {
      const a1 = address.slice(prefix.length);
      const m = /^([A-Z]+)(\d+)$/.exec(a1);
      if (!m) continue;
      const r = Number(m[2]) - 1;
      const c = columnIndex(m[1]);
      if (inSpill(r, c) && !cell.formula) continue; // part of a spilled result: written by its formula
      const target = ws.getCell(r + 1, c + 1);
      const v = cell.value;
      const asValue = (val: unknown) => (isErrorCode(val) ? { error: val } : val === "" ? null : val);
      if (cell.formula) target.value = { formula: cell.formula.replace(/^=/, ""), result: asValue(v) } as ExcelJS.CellFormulaValue;
      else target.value = asValue(v) as ExcelJS.CellValue;
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
    }
    const w = host.info.widths.get(name.toLowerCase());
    if (w) for (const [c, px] of w) ws.getColumn(c + 1).width = pxToWidth(px);
    const model = x.model.sheet(name)!;
    for (const [c, points] of model.columnWidths) ws.getColumn(c + 1).width = pxToWidth(points / 0.75);
    // Wrap, alignment and font of the cells the pane formatted (only sheets it formatted are walked).
    const used = model.looks.length ? model.usedRect(false) : null;
    if (used) {
      for (let r = used.row; r < used.row + used.rows; r++)
        for (let c = used.column; c < used.column + used.columns; c++) {
          const look = model.lookAt(r, c);
          if (look.wrapText || look.verticalAlignment) ws.getCell(r + 1, c + 1).alignment = { ...(look.wrapText ? { wrapText: true } : {}), ...(look.verticalAlignment ? { vertical: look.verticalAlignment.toLowerCase() as ExcelJS.Alignment["vertical"] } : {}) };
          if (look.bold || look.fontSize) ws.getCell(r + 1, c + 1).font = { ...(look.bold ? { bold: true } : {}), ...(look.fontSize ? { size: look.fontSize } : {}) };
        }
    }
    const sel = a1Of({ ...model.selection, rows: 1, columns: 1 }); // the active cell: the selection's top-left
    ws.views = [model.frozenRows ? { state: "frozen", xSplit: 0, ySplit: model.frozenRows, topLeftCell: `A${model.frozenRows + 1}`, activeCell: sel } : { state: "normal", activeCell: sel }];
    const layout = model.pageLayout;
    if (layout.orientation) ws.pageSetup.orientation = layout.orientation === "Landscape" ? "landscape" : "portrait";
    if (layout.zoom?.scale) ws.pageSetup.scale = layout.zoom.scale;
    else if (layout.zoom) Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: layout.zoom.horizontalFitToPages ?? 0, fitToHeight: layout.zoom.verticalFitToPages ?? 0 });
    if (layout.printTitleRows) ws.pageSetup.printTitlesRow = layout.printTitleRows.slice(layout.printTitleRows.lastIndexOf("!") + 1).replace(/\$/g, "");
    const f = host.info.columnFormats.get(name.toLowerCase());
    if (f) for (const [c, fmt] of f) ws.getColumn(c + 1).numFmt = fmt;
  }
  // Defined names (the toolkit's markers among them), as absolute references ("Sheet1!$I$1:$L$1").
  wb.definedNames.model = x.names().map((n) => ({ name: n.name, ranges: [n.address.replace(/([A-Z]+)(\d+)(?=(:|$))/g, "$$$1$$$2")] }));
  const active = x.selection()?.sheet;
  const activeTab = Math.max(0, active ? names.indexOf(active) : 0);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: "visible" }];
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
