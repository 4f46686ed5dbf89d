/**
 * The last step of a run: the summary sheet with its charts. The sheet the toolkit wrote before (named by
 * its marker, else remembered in the settings) is reused only while it is exactly as written (or empty);
 * a sheet the user has typed into is left as it is and a new one is added. What is written is
 * remembered (settings and a marker with its fingerprint) to know it again next run.
 */
import { gridFingerprint, OUTPUT_COLUMN_WIDTHS, parseMarkerName, summaryMarkerName } from "../../../engine/resultBlock";
import { typeMixOfRows, type TypeMix } from "../../../engine/typeMix";
import { OUTPUT_GROUPS } from "../../../engine/table";
import { ABG_SUMMARY_LABELS, summarise, summaryRows, type TableSummary } from "../../../engine/summary";
import { asCellValues, rangeAddress } from "../cells";
import { columnLayout, printSetup, styleTitle, widthPoints } from "../finish";
import { blockBytes } from "../payload";
import { CHART_NAMES, SUMMARY_SETTING, SUMMARY_SHEET_NAMES, summaryFingerprint, type StoredSummary } from "../settings";
import type { Computed } from "./compute";
import type { ReadResult } from "./read";
import type { RunEnv } from "./state";
import { ALLOCATION_FORMAT } from "./write";

/* global Excel */

export interface SummaryOut {
  summary: TableSummary;
  /** Which sections of the summary apply (the tools whose columns are beside the data). */
  parts: { abg: boolean; types: boolean };
  typeMix: { mix: TypeMix | null; note: string | null } | null;
  summaryName: string;
  summaryKept: string | null;
}

/** The sheet the summary goes to: its name, and (when the remembered one held changes of the user's) why that one was kept. */
interface SummaryTarget {
  name: string;
  sheet: Excel.Worksheet;
  kept: string | null;
}

/** Sheet row (1-based) of data row i. */
export function sheetRowOf(env: RunEnv): (i: number) => number {
  const { firstDataRow } = env.plan;
  return (i: number) => firstDataRow + i + 1;
}

/** With a population column, the family-type mix of the rows (sub-areas), as COHESION.TYPEMIX gives it. */
function typeMixOf(read: ReadResult, computed: Computed, parts: SummaryOut["parts"]): SummaryOut["typeMix"] {
  const mix = parts.types && read.inputs.population ? typeMixOfRows(computed.results.map((r) => r.familyType), read.inputs.population) : null;
  return mix ? (mix.ok ? { mix: mix.value, note: mix.warnings.map((w) => w.message).join(" ") || null } : { mix: null, note: mix.error.message }) : null;
}

/** Clears a sheet the toolkit wrote before, charts included, to write it again. */
function clearForReuse(sheet: Excel.Worksheet, oldCharts: Excel.Chart[]): void {
  for (const c of oldCharts) if (!c.isNullObject) c.delete();
  sheet.getRange().clear("All");
}

/** The Summary sheet the marker names (whichever tool wrote it), while it is exactly as written; else null. */
async function reuseMarkedSheet(env: RunEnv, names: readonly string[], lower: ReadonlySet<string>): Promise<SummaryTarget | null> {
  const { s, context, wb } = env;
  const { region } = env.plan;
  const sm = region.summaryMarker;
  if (!(sm && lower.has(sm.sheet.toLowerCase()) && sm.sheet.toLowerCase() !== region.sheet.toLowerCase())) return null;
  const name = names.find((x) => x.toLowerCase() === sm.sheet.toLowerCase())!;
  const existing = wb.worksheets.getItem(name);
  const used = existing.getUsedRangeOrNullObject(true).load("address,values");
  const old = Object.values(CHART_NAMES).map((c) => existing.charts.getItemOrNullObject(c).load("name"));
  s.tally();
  await context.sync();
  if (used.isNullObject || used.address !== sm.address || gridFingerprint(used.values) !== sm.fingerprint) return null;
  clearForReuse(existing, old);
  return { name, sheet: existing, kept: null };
}

/**
 * The sheet the settings remember, reused only when it is still exactly what the toolkit wrote (or empty):
 * a sheet the user has typed into, or a new sheet of theirs under the old name, is never cleared (`kept` says so).
 */
async function reuseRememberedSheet(env: RunEnv, names: readonly string[], lower: ReadonlySet<string>): Promise<SummaryTarget | { kept: string } | null> {
  const { s, context, wb } = env;
  const { summarySetting } = env.plan;
  const stored = summarySetting.isNullObject ? null : (summarySetting.value as StoredSummary | null);
  const remembered = stored?.sheet ?? null;
  if (!(remembered && lower.has(remembered.toLowerCase()))) return null;
  const name = names.find((x) => x.toLowerCase() === remembered.toLowerCase())!;
  const existing = wb.worksheets.getItem(name);
  const used = existing.getUsedRangeOrNullObject(true).load("address");
  const old = Object.values(CHART_NAMES).map((c) => existing.charts.getItemOrNullObject(c).load("name"));
  s.tally();
  await context.sync();
  let ours = used.isNullObject;
  if (!ours && stored?.fingerprint && used.address === stored.address) {
    used.load("values");
    s.tally();
    await context.sync();
    ours = summaryFingerprint(used.values) === stored.fingerprint;
  }
  if (!ours) return { kept: `The sheet "${name}" has changes of yours since the toolkit last wrote it, so it was left as it is.` };
  clearForReuse(existing, old);
  return { name, sheet: existing, kept: null };
}

/** The sheet to write the summary to: the toolkit's own from before, else a new one under the first free name. */
async function summarySheetFor(env: RunEnv): Promise<SummaryTarget> {
  const names = env.plan.sheetList.items.map((x) => x.name);
  const lower = new Set(names.map((x) => x.toLowerCase()));
  const marked = await reuseMarkedSheet(env, names, lower);
  if (marked) return marked;
  const remembered = await reuseRememberedSheet(env, names, lower);
  if (remembered && "sheet" in remembered) return remembered;
  let name = SUMMARY_SHEET_NAMES.find((x) => !lower.has(x.toLowerCase())) ?? "";
  for (let k = 2; !name; k++) if (!lower.has(`cohesion summary ${k}`)) name = `Cohesion summary ${k}`;
  return { name, sheet: env.wb.worksheets.add(name), kept: remembered ? remembered.kept : null };
}

/** Queues the summary's cells, chart data, number formats and charts (no request of its own). */
function fillSummarySheet(env: RunEnv, sheetOut: Excel.Worksheet, summary: TableSummary, parts: SummaryOut["parts"]): void {
  const { s, wb } = env;
  const { region, n, groups } = env.plan;
  wb.application.suspendApiCalculationUntilNextSync();
  const body = summaryRows(summary, sheetRowOf(env), parts);
  const source = rangeAddress(region.sheet, region.headerRow, region.firstColumn, n + 1, region.inputWidth);
  const label = region.ref.kind === "table" ? `table ${region.ref.name}, ${source}` : source;
  const lines: (string | number | null)[][] = [body[0], [`From ${label}; ${[...groups].map((g) => OUTPUT_GROUPS[g].label.toLowerCase()).join(" and ")}.`], ...body.slice(1)];
  const width = Math.max(...lines.map((r) => r.length));
  // The grid as the cells will hold it (labels are matched on it below); written with asCellValues, so text stays text.
  const grid = lines.map((r) => Array.from({ length: width }, (_, j) => (r[j] ?? "") as string | number));
  const written = asCellValues(grid);
  sheetOut.getRangeByIndexes(0, 0, grid.length, width).values = written;
  s.pendingBytes += blockBytes(written);
  // Chart data beside the summary (columns H–I), one small block per chart.
  const chartCol = 7;
  let chartRow = 0;
  const charts: { name: string; title: string; address: [number, number]; rows: number }[] = [];
  if (parts.abg) {
    const data = [["ABG band", "Allocation (£)"], ...summary.byBand.map((b) => [b.label, b.amountGbp])];
    sheetOut.getRangeByIndexes(chartRow, chartCol, data.length, 2).values = data;
    charts.push({ name: CHART_NAMES.bands, title: "ABG allocation by band (£)", address: [chartRow, chartCol], rows: data.length });
    chartRow += data.length + 1;
  }
  if (parts.types) {
    const data = [["Family type", "Areas"], ...summary.byType.map((t) => [`${t.type}. ${t.name}`, t.areas])];
    sheetOut.getRangeByIndexes(chartRow, chartCol, data.length, 2).values = data;
    charts.push({ name: CHART_NAMES.types, title: "Areas by family type", address: [chartRow, chartCol], rows: data.length });
  }
  // Formats after values: £ on the band amounts, the totals and the chart's allocation column.
  const bandHeader = lines.findIndex((r) => r[0] === ABG_SUMMARY_LABELS.band);
  if (bandHeader >= 0) {
    const rows = summary.byBand.length + 2; // bands, total, programme
    sheetOut.getRangeByIndexes(bandHeader + 1, 2, rows, 1).numberFormat = Array.from({ length: rows }, () => [ALLOCATION_FORMAT]);
    sheetOut.getRangeByIndexes(charts[0].address[0] + 1, chartCol + 1, summary.byBand.length, 1).numberFormat = summary.byBand.map(() => [ALLOCATION_FORMAT]);
  }
  let top = 1;
  for (const c of charts) {
    const chart = sheetOut.charts.add("ColumnClustered", sheetOut.getRangeByIndexes(c.address[0], c.address[1], c.rows, 2), "Columns");
    chart.name = c.name;
    chart.title.text = c.title;
    chart.legend.visible = false;
    chart.setPosition(rangeAddress(null, top, 10, 1, 1), rangeAddress(null, top + 15, 17, 1, 1));
    top += 17;
  }
  finishSummarySheet(sheetOut, grid, chartCol);
}

/** Number formats of the summary's figures, by the label in column A: counts, per cent figures. */
const SUMMARY_COUNT = "#,##0";

/**
 * The summary sheet, finished (../finish.ts): the title bold, each table's header row bold on a light fill,
 * column widths from the table rows (notes, one long cell to a row, run on to the right instead), long
 * names wrapped, counts and averages formatted, the title row frozen and printed on every page, and the
 * sheet opened at A1 (its own selection; the run then shows the results on the data's sheet).
 */
function finishSummarySheet(sheetOut: Excel.Worksheet, grid: readonly (readonly (string | number)[])[], chartCol: number): void {
  const width = grid[0]?.length ?? 1;
  const filled = (r: readonly (string | number)[]) => r.filter((v) => v !== "").length;
  const tableRows = grid.filter((r) => filled(r) >= 2 && r.every((v) => String(v).length <= 60));
  const layout = columnLayout(Array.from({ length: width }, () => ""), tableRows);
  layout.forEach((c, j) => (sheetOut.getRangeByIndexes(0, j, 1, 1).format.columnWidth = widthPoints(c.chars)));
  grid.forEach((r, i) => {
    const label = r[0];
    if (label === ABG_SUMMARY_LABELS.band || label === "Family type") {
      const head = sheetOut.getRangeByIndexes(i, 0, 1, width);
      head.format.font.bold = true;
      head.format.fill.color = "#DDEBF7";
      head.format.wrapText = true;
      head.format.verticalAlignment = "Top";
    }
    if (label === ABG_SUMMARY_LABELS.total || label === "Total (published)") sheetOut.getRangeByIndexes(i, 0, 1, width).format.font.bold = true;
    // Counts (Rows…, the areas per band) and the family types' figures; the share of the programme is a per cent figure (0–100).
    if (typeof r[1] === "number" && (/^(Rows|Band |No band)/.test(String(label)) || label === ABG_SUMMARY_LABELS.total)) sheetOut.getRangeByIndexes(i, 1, 1, 1).numberFormat = [[SUMMARY_COUNT]];
    if (label === ABG_SUMMARY_LABELS.share) sheetOut.getRangeByIndexes(i, 2, 1, 1).numberFormat = [["0.0"]];
    if (typeof label === "number" || label === "Total (published)") {
      // Family type rows: [type, name, areas here, Table 1 average, average score here, Table 1 areas].
      sheetOut.getRangeByIndexes(i, 1, 1, 1).format.wrapText = layout[1]?.wrap ?? false;
      sheetOut.getRangeByIndexes(i, 2, 1, 4).numberFormat = [[SUMMARY_COUNT, "0.0", "0.0", SUMMARY_COUNT]];
    }
  });
  styleTitle(sheetOut.getRange("A1"));
  sheetOut.getRangeByIndexes(0, chartCol, grid.length, 2).format.autofitColumns();
  sheetOut.freezePanes.freezeRows(1);
  printSetup(sheetOut, "$1:$1");
  // Opens at A1 whenever the user goes to it (each sheet keeps its own selection).
  sheetOut.getRange("A1").select();
}

/**
 * Shows the results: the data's sheet active with the toolkit's columns selected, so Excel scrolls to them; when the
 * block's columns are new or laid out afresh, they get widths for their values (a re-run of the same columns keeps
 * any widths the user set). Queued; rides on the next request.
 */
function showResults(env: RunEnv): void {
  const { sheet, region, blockCol, n, W, headers, own } = env.plan;
  if (!own || own.headers.join("\u0000") !== headers.join("\u0000")) {
    headers.forEach((h, j) => (sheet.getRangeByIndexes(region.headerRow, blockCol + j, 1, 1).format.columnWidth = widthPoints(OUTPUT_COLUMN_WIDTHS[h])));
  }
  sheet.activate();
  sheet.getRangeByIndexes(region.headerRow, blockCol, n + 1, W).select();
}

/** Writes what was queued, reading it back as Excel holds it, and remembers it: the setting, and the Summary sheet's marker (for the command line and the next run), every earlier one replaced. */
async function rememberSummary(env: RunEnv, sheetOut: Excel.Worksheet, summaryName: string): Promise<void> {
  const { s, context, wb } = env;
  const { region } = env.plan;
  const written = sheetOut.getUsedRangeOrNullObject(true).load("address,values");
  s.tally();
  await context.sync();
  const remember: StoredSummary = written.isNullObject ? { sheet: summaryName } : { sheet: summaryName, address: written.address, fingerprint: summaryFingerprint(written.values) };
  wb.settings.add(SUMMARY_SETTING, remember);
  for (const x of region.markerNames) if (parseMarkerName(x)?.kind === "summary") wb.names.getItem(x).delete();
  if (!written.isNullObject) wb.names.add(summaryMarkerName({ fingerprint: gridFingerprint(written.values) }), written);
  s.tally();
  await context.sync();
}

export async function writeSummary(env: RunEnv, read: ReadResult, computed: Computed): Promise<SummaryOut> {
  const { s } = env;
  const { groups } = env.plan;
  const tSummary = Date.now();
  s.report("summary", 0, 1);
  const summary = summarise(computed.results);
  const parts = { abg: groups.has("grantBands"), types: groups.has("familyGroups") };
  const typeMix = typeMixOf(read, computed, parts);
  const target = await summarySheetFor(env);
  fillSummarySheet(env, target.sheet, summary, parts);
  showResults(env);
  await rememberSummary(env, target.sheet, target.name);
  s.stats.millis.summary = Date.now() - tSummary;
  s.stats.millis.total = Date.now() - s.t0;
  s.report("summary", 1, 1);
  return { summary, parts, typeMix, summaryName: target.name, summaryKept: target.kept };
}
