/**
 * The preview page's first script (preview.html loads preview.js → functions.js → taskpane.js, in
 * that order, all deferred). It installs the CustomFunctions, Office and Excel stand-ins at once, so
 * that the real functions.js registers its functions into the preview's Map and the real taskpane.js
 * finds "Excel"; then it loads the sample workbook (after the other two scripts have run), computes its
 * formulas and tells the pane Office is ready.
 *
 * Development only (webpack.config.js builds this entry in development mode alone).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { columnIndex, columnLetters, type CellSnapshot, type ExcelStandIn } from "./standIn";
import { PreviewHost, installGlobals, loadDimensions, type SyncCount } from "./host";
import { previewThemeFromQuery } from "./officeThemes";
import { PreviewApp } from "./PreviewApp";
import { SelectedAreaCard } from "./AreaCardView";
import { sampleIndicatorColumns } from "./sampleIndicators";
import { readWorkbook } from "./workbookFile";

const SAMPLE_URL = new URL("../../assets/sample-indicators.xlsx", import.meta.url);
const SAMPLE_NAME = "sample-indicators.xlsx";
const SAMPLE_SHEET = "Indicators";

const host = new PreviewHost();
let resolveReady: () => void = () => undefined;
const whenReady = new Promise<void>((resolve) => (resolveReady = resolve));
/** Office's theme as the pane will read it (?theme=dark, …; the toolbar's select reloads with another). */
const officeTheme = previewThemeFromQuery(window.location.search);
const officeDocument = installGlobals(host, whenReady, officeTheme.theme);
/** ?datatypes=off plays an Excel without data types (before ExcelApi 1.16): COHESION.AREA gives the type number. */
host.dataTypes = new URLSearchParams(window.location.search).get("datatypes") !== "off";

/**
 * The pane's width, as Excel gives it: 350 px by default (Excel's task pane opens about that wide). ?pane=320 (any
 * width from 200 to 999) tries another; ?pane=only shows the pane alone, the page as wide as the window (the
 * browser tests' narrow viewports).
 */
const paneQuery = new URLSearchParams(window.location.search).get("pane");
if (paneQuery === "only") document.documentElement.classList.add("pv-pane-only");
else if (paneQuery && /^[2-9]\d\d$/.test(paneQuery)) document.documentElement.style.setProperty("--pv-pane-width", `${paneQuery}px`);

/** A tiny hook for the browser tests: plain data about the workbook, and a few changes a user might make. */
interface PreviewHook {
  ready: boolean;
  error: string | null;
  sheets(): string[];
  values(sheet: string, address: string): unknown[][];
  cell(sheet: string, address: string): { value: unknown; formula?: string; numberFormat?: string; note?: string };
  selection(): { sheet: string; address: string } | null;
  /** The data type (entity value, as a function returned it) a cell holds, or null. */
  entity(sheet: string, address: string): unknown;
  /** How a sheet looks as the pane set it (column widths in points, frozen rows, print set-up, tables, …): the stand-in's sheetLook. */
  look(sheet: string, cells?: string[]): ReturnType<ExcelStandIn["sheetLook"]>;
  /** Every non-empty cell of a sheet (value, formula, number format), keyed "A1". */
  cells(sheet: string): [string, CellSnapshot][];
  // Writes. Mid-run changes, after the n-th sync of the pane from now ({ writes: n }: the n-th that wrote cells):
  renameSheetAfterSyncs(n: SyncCount, from: string, to: string): void;
  deleteSheetAfterSyncs(n: SyncCount, sheet: string): void;
  protectSheetAfterSyncs(n: SyncCount, sheet: string): void;
  editCellAfterSyncs(n: SyncCount, sheet: string, address: string, value: unknown): void;
  /** Each of the pane's requests that writes cells takes `ms` longer. */
  slowWriteSyncs(ms: number): void;
  /** Adds a sheet holding the tests' synthetic indicator table (sampleIndicatorColumns) and makes it active. */
  addSampleSheet(name: string, rows: number): void;
  /** Office.addin's startup behaviour and the saved document settings (startup.ts). */
  document(): { startupBehavior: string; saved: Record<string, unknown>; saves: number };
}
const hook: PreviewHook = {
  ready: false,
  error: null,
  sheets: () => host.standIn.sheetNames(),
  values: (sheet, address) => host.standIn.getValues(sheet, address),
  cell: (sheet, address) => {
    const c = host.standIn.cell(sheet, address);
    const m = /^([A-Z]+)(\d+)$/.exec(address.toUpperCase());
    const note = m ? host.note(sheet, Number(m[2]) - 1, columnIndex(m[1])) : null;
    return { ...c, ...(note ? { note: note.text } : {}) };
  },
  selection: () => host.standIn.selection(),
  entity: (sheet, address) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address.toUpperCase());
    const e = m ? host.entity(sheet, Number(m[2]) - 1, columnIndex(m[1])) : undefined;
    return e ? JSON.parse(JSON.stringify(e)) : null;
  },
  look: (sheet, cells) => host.standIn.sheetLook(sheet, cells),
  cells: (name) => {
    // (The stand-in's snapshot() gives the same, for the whole workbook and more slowly: this is run on 45,000-row sheets.)
    const sheet = host.standIn.model.sheet(name);
    const out: [string, CellSnapshot][] = [];
    for (const c of [...(sheet?.columns.keys() ?? [])].sort((a, b) => a - b)) {
      const d = sheet!.columns.get(c)!;
      const letters = columnLetters(c);
      for (let r = 0, n = Math.max(d.v.length, d.f.length, d.nf.length); r < n; r++) {
        const value = d.v[r] ?? "";
        if (value === "" && d.f[r] === undefined && d.nf[r] === undefined) continue;
        const cell: CellSnapshot = { value };
        if (d.f[r] !== undefined) cell.formula = d.f[r];
        if (d.nf[r] !== undefined) cell.numberFormat = d.nf[r];
        out.push([letters + (r + 1), cell]);
      }
    }
    return out;
  },
  renameSheetAfterSyncs: (n, from, to) => host.renameSheetAfterSyncs(n, from, to),
  deleteSheetAfterSyncs: (n, sheet) => host.deleteSheetAfterSyncs(n, sheet),
  protectSheetAfterSyncs: (n, sheet) => host.protectSheetAfterSyncs(n, sheet),
  editCellAfterSyncs: (n, sheet, address, value) => host.editCellAfterSyncs(n, sheet, address, value),
  slowWriteSyncs: (ms) => host.slowWriteSyncs(ms),
  document: () => JSON.parse(JSON.stringify(officeDocument.state)),
  addSampleSheet: (name, rows) => {
    host.standIn.addSheet(name).setColumns(name, "A1", sampleIndicatorColumns(rows)).activate(name);
    host.edited();
  },
};
(window as unknown as { __cohesionPreview: PreviewHook }).__cohesionPreview = hook;

let loadError: string | null = null;
const root = createRoot(document.getElementById("preview-root")!);
const draw = () =>
  root.render(
    <>
      <PreviewApp host={host} loadError={loadError} officeTheme={officeTheme.value} />
      <SelectedAreaCard host={host} />
    </>,
  );

/** Deferred scripts have all run by DOMContentLoaded: functions.js has registered its functions by then. */
const domReady = new Promise<void>((resolve) => (document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", () => resolve()) : resolve()));

async function start() {
  draw();
  const [data] = await Promise.all([fetch(SAMPLE_URL).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`sample workbook: HTTP ${r.status}`)))), loadDimensions(host, "functions.json"), domReady]);
  const { standIn, info, saved } = await readWorkbook(host, data, SAMPLE_NAME, true);
  if (standIn.sheetNames().includes(SAMPLE_SHEET)) standIn.activate(SAMPLE_SHEET); // the table tools look at the active sheet
  host.ready = true;
  host.setWorkbook(standIn, info, saved);
  draw();
  hook.ready = true;
  resolveReady();
}

start().catch((e: unknown) => {
  loadError = e instanceof Error ? e.message : String(e);
  hook.error = loadError;
  draw();
});
