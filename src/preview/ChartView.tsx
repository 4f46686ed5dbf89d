/**
 * The preview's charts: what the pane asked Excel for (worksheet.charts.add(type, range, seriesBy), the title,
 * setPosition), as the stand-in recorded it, drawn as a small SVG. The series values and category labels are read
 * from the stand-in's cells of the recorded range, as Excel reads them: a first column of text gives the
 * categories, a first row of text the series names. Column and bar charts are drawn; another type is listed as
 * its values. No dependency: plain SVG, colours from Fluent's CSS tokens where a Fluent theme sets them.
 */
import * as React from "react";
import { parseAddress } from "./standIn/model";
import type { ChartModel } from "./standIn/model";

/** A recorded chart, as the stand-in's model holds it. */
export type RecordedChart = ChartModel;

export interface ChartData {
  title: string;
  type: string;
  categories: string[];
  /** Each series' name, values and the number format of its first value's cell (for labels as the cells show them). */
  series: { name: string; values: number[]; format?: string }[];
}

/** Reads a cell's value, its text as the sheet shows it (formatted) and its number format. */
export interface CellReader {
  value(row: number, column: number): unknown;
  text(row: number, column: number): string;
  numberFormat?(row: number, column: number): string | undefined;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isLabel = (v: unknown) => !isNumber(v) && v !== null && v !== undefined && v !== "";

/** The chart's categories and series from its source range's cells (series by columns, unless "Rows"). */
export function chartData(chart: RecordedChart, read: CellReader): ChartData {
  const { rect } = parseAddress(chart.source);
  const byRows = chart.seriesBy === "Rows" || (chart.seriesBy !== "Columns" && rect.columns > rect.rows);
  // A grid of [i][j]: i along the categories, j along the series (transposed when the series are rows).
  const n = byRows ? rect.columns : rect.rows;
  const m = byRows ? rect.rows : rect.columns;
  const at = (i: number, j: number) => (byRows ? { row: rect.row + j, column: rect.column + i } : { row: rect.row + i, column: rect.column + j });
  const value = (i: number, j: number) => read.value(at(i, j).row, at(i, j).column);
  const text = (i: number, j: number) => read.text(at(i, j).row, at(i, j).column);
  const catCol = m > 1 && Array.from({ length: n }, (_, i) => i).some((i) => i > 0 && isLabel(value(i, 0)));
  const first = catCol ? 1 : 0;
  const header = n > 1 && Array.from({ length: m - first }, (_, j) => j + first).every((j) => !isNumber(value(0, j)));
  const top = header ? 1 : 0;
  const categories = Array.from({ length: n - top }, (_, k) => (catCol ? text(k + top, 0) : String(k + 1)));
  const series = Array.from({ length: m - first }, (_, s) => {
    const j = s + first;
    const values = Array.from({ length: n - top }, (_, k) => {
      const v = value(k + top, j);
      return isNumber(v) ? v : 0;
    });
    const cell = at(top, j);
    const format = n > top ? read.numberFormat?.(cell.row, cell.column) : undefined;
    return { name: header ? text(0, j) : `Series ${s + 1}`, values, ...(format ? { format } : {}) };
  });
  return { title: chart.title, type: chart.type, categories, series };
}

/** Round tick steps (1, 2, 5 × 10ⁿ) from 0 (or the least value, when negative) to the greatest. */
export function niceTicks(min: number, max: number, count = 6): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi === lo) return [0, 1];
  const raw = (hi - lo) / count;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((f) => f * p).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = Math.floor(lo / step) * step; t < hi + step - 1e-9 * step; t += step) ticks.push(Math.round(t / step) * step);
  return ticks;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  category: string;
  series: string;
}

export interface ChartGeometry {
  /** The plot area: value axis along y for columns, along x for bars. */
  plot: { x: number; y: number; width: number; height: number };
  ticks: { value: number; at: number }[];
  categories: { label: string; at: number }[];
  bars: Bar[];
  horizontal: boolean;
}

const TITLE_H = 30;
const PAD = 10;

/** Where the bars, ticks and labels of a column chart (or, `Bar…` types, a horizontal bar chart) go in width × height. */
export function chartGeometry(data: ChartData, width: number, height: number, tickWidth = 70): ChartGeometry {
  const horizontal = /^Bar/i.test(data.type);
  const all = data.series.flatMap((s) => s.values);
  const tickValues = niceTicks(Math.min(0, ...all), Math.max(0, ...all));
  const lo = tickValues[0];
  const hi = tickValues[tickValues.length - 1];
  const catLabelW = horizontal ? Math.min(160, width * 0.3) : 0;
  const plot = horizontal
    ? { x: PAD + catLabelW, y: TITLE_H + PAD, width: width - 2 * PAD - catLabelW - 20, height: height - TITLE_H - 2 * PAD - 20 }
    : { x: PAD + tickWidth, y: TITLE_H + PAD, width: width - 2 * PAD - tickWidth, height: height - TITLE_H - 2 * PAD - 30 };
  const length = horizontal ? plot.width : plot.height;
  const scale = (v: number) => ((v - lo) / (hi - lo)) * length;
  const ticks = tickValues.map((v) => ({ value: v, at: horizontal ? plot.x + scale(v) : plot.y + plot.height - scale(v) }));
  const n = data.categories.length;
  const band = (horizontal ? plot.height : plot.width) / Math.max(1, n);
  const groupW = band * 0.7;
  const barW = groupW / Math.max(1, data.series.length);
  const zero = scale(0);
  const bars: Bar[] = [];
  data.categories.forEach((category, i) => {
    data.series.forEach((s, j) => {
      const v = s.values[i];
      const along = band * i + (band - groupW) / 2 + barW * j;
      const a = Math.min(zero, scale(v));
      const size = Math.abs(scale(v) - zero);
      bars.push(
        horizontal
          ? { x: plot.x + a, y: plot.y + along, width: size, height: barW, value: v, category, series: s.name }
          : { x: plot.x + along, y: plot.y + plot.height - a - size, width: barW, height: size, value: v, category, series: s.name },
      );
    });
  });
  const categories = data.categories.map((label, i) => ({ label, at: (horizontal ? plot.y : plot.x) + band * i + band / 2 }));
  return { plot, ticks, categories, bars, horizontal };
}

/** What the chart says, in words: its title, its kind and each category's values (the SVG's accessible name). */
export function chartDescription(data: ChartData, format: (series: number, value: number) => string): string {
  const kind = /^Bar/i.test(data.type) ? "Bar chart" : /^Column/i.test(data.type) ? "Column chart" : `Chart (${data.type})`;
  const points = data.categories.map((c, i) => `${c}: ${data.series.map((s, j) => (data.series.length > 1 ? `${s.name} ` : "") + format(j, s.values[i])).join(", ")}`);
  return `${data.title || "Untitled chart"}. ${kind}${data.series.length === 1 ? ` of ${data.series[0].name}` : ""}. ${points.join("; ")}.`;
}

const cut = (s: string, chars: number) => (s.length > chars ? `${s.slice(0, Math.max(1, chars - 1))}…` : s);

const INK = "var(--colorNeutralForeground1, #242424)";
const INK2 = "var(--colorNeutralForeground2, #424242)";
const GRID = "var(--colorNeutralStroke2, #e0e0e0)";
const AXIS = "var(--colorNeutralStroke1, #8a8a8a)";
const FILL = ["var(--colorBrandBackground, #0f6cbd)", "var(--colorPaletteDarkOrangeBackground3, #c43501)", "var(--colorPaletteGreenBackground3, #107c10)", "var(--colorPalettePurpleBackground2, #5c2e91)"];

/** One chart: `format(series, value)` writes a value as its cells show it (e.g. £ for allocations). */
export function ChartView({ data, width, height, format, id }: { data: ChartData; width: number; height: number; format: (series: number, value: number) => string; id: string }) {
  const description = chartDescription(data, format);
  const drawable = /^(Column|Bar)/i.test(data.type);
  const tickText = (v: number) => format(0, v);
  const tickWidth = Math.min(120, 12 + 7 * Math.max(...niceTicks(0, Math.max(0, ...data.series.flatMap((s) => s.values))).map((v) => tickText(v).length)));
  const g = chartGeometry(data, width, height, tickWidth);
  const catChars = Math.max(3, Math.floor((g.horizontal ? Math.min(160, width * 0.3) : g.plot.width / Math.max(1, data.categories.length)) / 7));
  return (
    <svg className="pv-chart-svg" role="img" aria-labelledby={`${id}-title`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-chart={data.title}>
      <title id={`${id}-title`}>{description}</title>
      <rect x={0.5} y={0.5} width={width - 1} height={height - 1} fill="var(--colorNeutralBackground1, #ffffff)" stroke={AXIS} />
      <text x={width / 2} y={22} textAnchor="middle" fontSize={15} fontWeight={600} fill={INK}>
        {data.title}
      </text>
      {drawable ? (
        <g aria-hidden="true">
          {g.ticks.map((t) =>
            g.horizontal ? (
              <g key={t.value}>
                <line x1={t.at} x2={t.at} y1={g.plot.y} y2={g.plot.y + g.plot.height} stroke={GRID} />
                <text x={t.at} y={g.plot.y + g.plot.height + 15} textAnchor="middle" fontSize={11} fill={INK2}>
                  {tickText(t.value)}
                </text>
              </g>
            ) : (
              <g key={t.value}>
                <line x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={t.at} y2={t.at} stroke={GRID} />
                <text x={g.plot.x - 6} y={t.at + 4} textAnchor="end" fontSize={11} fill={INK2}>
                  {tickText(t.value)}
                </text>
              </g>
            ),
          )}
          {g.bars.map((b, k) => (
            <rect key={k} className="pv-chart-bar" x={b.x} y={b.y} width={b.width} height={b.height} fill={FILL[data.series.findIndex((s) => s.name === b.series) % FILL.length]} />
          ))}
          {g.categories.map((c, i) =>
            g.horizontal ? (
              <text key={i} x={g.plot.x - 6} y={c.at + 4} textAnchor="end" fontSize={11} fill={INK2}>
                {cut(c.label, catChars)}
              </text>
            ) : (
              <text key={i} x={c.at} y={g.plot.y + g.plot.height + 16} textAnchor="middle" fontSize={11} fill={INK2}>
                {cut(c.label, catChars)}
              </text>
            ),
          )}
          {g.horizontal ? (
            <line x1={g.plot.x} x2={g.plot.x} y1={g.plot.y} y2={g.plot.y + g.plot.height} stroke={AXIS} />
          ) : (
            <line x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={g.plot.y + g.plot.height} y2={g.plot.y + g.plot.height} stroke={AXIS} />
          )}
        </g>
      ) : (
        <text x={PAD} y={TITLE_H + 20} fontSize={12} fill={INK2} aria-hidden="true">
          {`The preview does not draw ${data.type} charts; its values are in the chart's description.`}
        </text>
      )}
    </svg>
  );
}
