/**
 * The preview's chart renderer: a chart recorded by the stand-in (the summary's "ABG allocation by band (£)",
 * added as the pane adds it) read back from its cells, laid out, and drawn as an accessible SVG.
 */
import * as React from "react";
import { renderToString } from "react-dom/server";
import { ChartView, chartData, chartDescription, chartGeometry, niceTicks, type RecordedChart } from "../../src/preview/ChartView";
import { formatValue } from "../../src/preview/numberFormat";
import { ExcelStandIn } from "../../src/preview/standIn";

const BANDS = [
  ["ABG band", "Allocation (£)"],
  ["Band 1", 660000],
  ["Band 2", 1080000],
  ["Band 3", 410000],
  ["No band", 0],
];

async function recorded(): Promise<{ chart: RecordedChart; x: ExcelStandIn }> {
  const x = new ExcelStandIn();
  x.addSheet("Summary");
  await x.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Summary");
    ws.getRange("H1:I5").values = BANDS;
    ws.getRange("I2:I5").numberFormat = BANDS.slice(1).map(() => ["£#,##0"]);
    const chart = ws.charts.add("ColumnClustered", ws.getRange("H1:I5"), "Columns");
    chart.title.text = "ABG allocation by band (£)";
    chart.setPosition("K2", "R17");
    await context.sync();
  });
  return { chart: x.model.sheet("Summary")!.charts[0], x };
}

function reader(x: ExcelStandIn) {
  const s = x.model.sheet("Summary")!;
  return {
    value: (r: number, c: number) => s.value(r, c),
    text: (r: number, c: number) => formatValue(s.value(r, c), s.numberFormat(r, c)),
    numberFormat: (r: number, c: number) => s.numberFormat(r, c),
  };
}

test("the stand-in records the chart's type, range, orientation, title and position", async () => {
  const { chart } = await recorded();
  expect(chart).toMatchObject({ type: "ColumnClustered", source: "Summary!H1:I5", seriesBy: "Columns", title: "ABG allocation by band (£)", position: ["K2", "R17"] });
});

test("chartData reads the categories from the first column, the series name from the header row, the values below it", async () => {
  const { chart, x } = await recorded();
  const data = chartData(chart, reader(x));
  expect(data.categories).toEqual(["Band 1", "Band 2", "Band 3", "No band"]);
  expect(data.series).toEqual([{ name: "Allocation (£)", values: [660000, 1080000, 410000, 0], format: "£#,##0" }]);
  // Series by rows: each row a series, the first row the categories.
  const rows = chartData({ ...chart, source: "Summary!H1:I5", seriesBy: "Rows" }, reader(x));
  expect(rows.categories).toEqual(["Allocation (£)"]);
  expect(rows.series.map((s) => s.name)).toEqual(["Band 1", "Band 2", "Band 3", "No band"]);
  expect(rows.series[1].values).toEqual([1080000]);
});

test("niceTicks: round steps from 0 to at least the greatest value", () => {
  expect(niceTicks(0, 1080000)).toEqual([0, 200000, 400000, 600000, 800000, 1000000, 1200000]);
  expect(niceTicks(0, 9)).toEqual([0, 2, 4, 6, 8, 10]);
  expect(niceTicks(-3, 4)).toEqual([-4, -2, 0, 2, 4]);
  expect(niceTicks(0, 0)).toEqual([0, 1]);
});

test("chartGeometry: one column per category, heights in proportion to the values, on the zero line, in order", async () => {
  const { chart, x } = await recorded();
  const data = chartData(chart, reader(x));
  const g = chartGeometry(data, 600, 400, 70);
  expect(g.horizontal).toBe(false);
  expect(g.bars).toHaveLength(4);
  const base = g.plot.y + g.plot.height;
  for (const b of g.bars) expect(b.y + b.height).toBeCloseTo(base, 6);
  // The axis runs to 1,200,000: 1,080,000 is 0.9 of the plot's height, 660,000 0.55.
  expect(g.bars[1].height / g.plot.height).toBeCloseTo(0.9, 6);
  expect(g.bars[0].height / g.plot.height).toBeCloseTo(0.55, 6);
  expect(g.bars[3].height).toBe(0);
  const xs = g.bars.map((b) => b.x);
  expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  for (const b of g.bars) expect(b.x >= g.plot.x && b.x + b.width <= g.plot.x + g.plot.width).toBe(true);
  expect(g.categories.map((c) => c.label)).toEqual(data.categories);
  expect(g.ticks[0]).toEqual({ value: 0, at: base });
  // A bar chart: the value axis runs across.
  const h = chartGeometry({ ...data, type: "BarClustered" }, 600, 400);
  expect(h.horizontal).toBe(true);
  for (const b of h.bars) expect(b.x).toBeCloseTo(h.plot.x, 6);
  expect(h.bars[1].width / h.plot.width).toBeCloseTo(0.9, 6);
});

test("ChartView draws an SVG named by its title and values (as the cells show them), with the title and category labels visible", async () => {
  const { chart, x } = await recorded();
  const data = chartData(chart, reader(x));
  const format = (s: number, v: number) => formatValue(v, data.series[s].format);
  expect(chartDescription(data, format)).toBe("ABG allocation by band (£). Column chart of Allocation (£). Band 1: £660,000; Band 2: £1,080,000; Band 3: £410,000; No band: £0.");
  const html = renderToString(<ChartView id="c1" data={data} width={600} height={400} format={format} />).replace(/<!-- -->/g, "");
  expect(html).toMatch(/^<svg[^>]* role="img" aria-labelledby="c1-title"/);
  expect(html).toContain('<title id="c1-title">ABG allocation by band (£). Column chart of Allocation (£). Band 1: £660,000;');
  expect(html).toContain(">ABG allocation by band (£)</text>");
  for (const c of data.categories) expect(html).toContain(`>${c}</text>`);
  expect(html).toContain(">£1,200,000</text>");
  expect((html.match(/class="pv-chart-bar"/g) ?? []).length).toBe(4);
  // Colours from Fluent's tokens (a dark theme's when one is set), with the preview's light colours as fallbacks.
  expect(html).toContain("var(--colorBrandBackground, #0f6cbd)");
  // A type the preview does not draw still names its values.
  const pie = renderToString(<ChartView id="c2" data={{ ...data, type: "Pie" }} width={300} height={200} format={format} />);
  expect(pie).toContain("Chart (Pie)");
  expect(pie).not.toContain("pv-chart-bar");
});
