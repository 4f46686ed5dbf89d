// The README's Performance table is written by scripts/bench-table.js (npm run bench:readme) from
// bench/out/results.json. Checked on a fixture (test/fixtures/bench/results.sample.json), never on real
// timings: each figure has its same-run baseline beside it, and the README's table has the structure the
// script emits (the markers, the intro line, the header, five cells a row).
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const T = require("../../scripts/bench-table") as {
  START: string;
  END: string;
  renderTable: (r: unknown) => string;
  replaceTable: (readme: string, block: string) => string;
  currentTable: (readme: string) => string | null;
  tableRows: (r: unknown) => string[][];
};

const root = path.resolve(__dirname, "../..");
const sample = JSON.parse(fs.readFileSync(path.join(root, "test/fixtures/bench/results.sample.json"), "utf8"));
const rowOf = (what: RegExp) => {
  const row = T.tableRows(sample).find((r) => what.test(r[1]));
  if (!row) throw new Error(`no row for ${what}`);
  return row;
};
/** A Markdown table row's cells (the escaped \| stays inside its cell). */
const cells = (line: string) => line.replace(/^\|\s?|\s?\|$/g, "").split(/\s\|\s/);

describe("scripts/bench-table.js: the README's Performance table from results.json", () => {
  it("emits an intro line with each run's date and benches, the header, and one row of five cells per result", () => {
    const lines = T.renderTable(sample).split("\n");
    expect(lines[0]).toBe("Figures of 2026-12-06 (bigfile), 2026-12-07 (cli, engine, preview, stats, taskpane) (node v20.20.2), from `bench/out/results.json`:");
    expect(lines[2]).toBe("| Bench | What | Figure | Baseline (same run) | Ratio |");
    expect(lines[3]).toBe("|---|---|---|---|---|");
    const body = lines.slice(4);
    expect(body).toHaveLength(sample.results.length);
    for (const line of body) expect(cells(line)).toHaveLength(5);
  });

  it("puts each figure beside its same-run baseline: the nearest '(baseline)' row before it in its bench file", () => {
    expect(rowOf(/^xlsx: cohesion apply/)).toEqual(["cli", "xlsx: cohesion apply (plain sheet)", "4.6 s, 4.5 s of CPU, peak 151 MB, 32,844 rows", "xlsx: ExcelJS read+write alone: 7.7 s, 7.6 s of CPU, peak 561 MB, 32,844 rows", "0.6 ×; 0.59 × on CPU"]);
    expect(rowOf(/^csv: cohesion apply/)[3]).toMatch(/^csv: ExcelJS read\+write alone: 9 s, 8\.8 s of CPU/);
    expect(rowOf(/abgColumnValues/)).toEqual(["engine", "engine: abgColumnValues (ABG.ALLOCATION's column path), 100,000 rows", "4.8 ms, target ≤ 50 ms", "engine: plain band-lookup loop, 100,000 rows: 1.2 ms", "4 ×"]);
    expect(rowOf(/taskpane\.html/)).toEqual([
      "preview",
      "bytes loaded before interactive: taskpane.html (functions + pane, production)",
      "185.7 KiB gzip (610 KiB raw), target ≤ 150 KiB",
      "bytes loaded before interactive: bare Fluent UI v9 page, three controls: 87.4 KiB gzip (300.2 KiB raw)",
      "2.13 ×",
    ]);
    expect(rowOf(/evaluateColumns/).slice(3)).toEqual(["this row is the baseline", "—"]);
  });

  it("uses the baseline a row carries itself, says when there is none, and shows a failed bench", () => {
    expect(rowOf(/grant bands/).slice(2)).toEqual(["560 ms, 56 ms per 10,000 rows, 37 requests, largest 0.78 MB", "the engine alone: 19.3 ms per 10,000 rows", "2.9 ×"]);
    expect(rowOf(/first render/).slice(3)).toEqual(["a blank page: 75 ms", "51 ×"]);
    expect(rowOf(/^csv → csv/).slice(2)).toEqual(["33 s, 30 s of CPU, peak 153 MB, 1,000,000 rows", "—", "—"]);
    expect(rowOf(/single-cell/).slice(3)).toEqual(["—", "—"]);
    expect(rowOf(/^error$/)[2]).toBe("FAILED: chromium not found");
  });

  it("replaces only what is between the markers", () => {
    const doc = `# Title\n\n${T.START}\nold table\n${T.END}\n\nAfter.\n`;
    const next = T.replaceTable(doc, T.renderTable(sample));
    expect(next.startsWith(`# Title\n\n${T.START}\nFigures of `)).toBe(true);
    expect(next.endsWith(`|\n${T.END}\n\nAfter.\n`)).toBe(true);
    expect(T.replaceTable(next, T.renderTable(sample))).toBe(next);
    expect(() => T.replaceTable("# No markers\n", "x")).toThrow(/no bench table markers/);
  });

  it("README.md's Performance table has the structure the script emits", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const block = T.currentTable(readme);
    expect(block).not.toBeNull();
    expect(readme.indexOf(T.START)).toBeGreaterThan(readme.indexOf("## Performance"));
    const got = block!.split("\n");
    const want = T.renderTable(sample).split("\n");
    expect(got[0]).toMatch(/^Figures of .+ \(node v[\d.]+\), from `bench\/out\/results\.json`:$/);
    expect(got.slice(1, 4)).toEqual(want.slice(1, 4));
    expect(got.length).toBeGreaterThan(4);
    for (const line of got.slice(4)) expect([line, cells(line).length]).toEqual([line, 5]);
    const benches = new Set(fs.readdirSync(path.join(root, "bench")).filter((f) => f.endsWith(".bench.js")).map((f) => f.replace(/\.bench\.js$/, "")));
    for (const line of got.slice(4)) expect(benches.has(cells(line)[0])).toBe(true);
  });
});
