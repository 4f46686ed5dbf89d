// Task pane table tools (src/taskpane/excel/) against the in-memory Excel stand-in
// (src/preview/standIn), 1,000 and 100,000 rows of the sample indicator table, per tool.
// Reported per run: syncs (Excel round trips: they grow with chunks, not rows), chunks, the largest
// request, and time per 10,000 rows. Baseline (same run): evaluateColumns alone on the same columns;
// `ratio` = whole tool run (read, compute, write, formats, summary sheet) ÷ that pure compute.
// The stand-in has no network: in Excel on the web add one round trip per sync.
// Times are the best of several runs, each on a fresh workbook (setting it up is not timed).
require("./_ts");
const { best, runAlone } = require("./_util");

const SIZES = [1_000, 100_000];
const TOOLS = ["grantBands", "familyGroups"];
// Columns of the sample table (src/preview/sampleIndicators.ts): 0 name, 1 score, 2 ci, 3 nvq4, 4 rural, 5 a8, 6 jobs1984, 7 singleissue.
const COLUMN_OF = { score: 1, ci: 2, nvq4: 3, rural: 4, a8: 5, jobs1984: 6, singleissue: 7 };

async function run(report) {
  const { evaluateColumns, OUTPUT_GROUPS } = require("../src/engine/table.ts");
  const { ExcelStandIn } = require("../src/preview/standIn/index.ts");
  const { sampleIndicatorColumns } = require("../src/preview/sampleIndicators.ts");
  const { createExcelTools } = require("../src/taskpane/excel/index.ts");

  /** One tool run on a fresh workbook; only runTool is timed. The pane's own yield (setTimeout 0 between chunks) is kept. */
  async function toolRun(columns, n, tool) {
    const x = new ExcelStandIn();
    x.addSheet("Sheet1");
    x.setColumns("Sheet1", "A1", columns);
    x.addTable("Sheet1", `A1:H${n + 1}`, "Indicators");
    const tools = createExcelTools(x.run);
    const [source] = await tools.listSources();
    x.resetStats();
    const t0 = process.hrtime.bigint();
    const out = await tools.runTool({ source: source.ref, tool, mapping: source.mapping });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (out.status !== "done") throw new Error(`${tool} did not finish (${out.status})`);
    return { ms, out, x };
  }

  for (const n of SIZES) {
    const columns = sampleIndicatorColumns(n);
    const repeat = n > 10_000 ? 3 : 5;
    for (const tool of TOOLS) {
      const cols = {};
      for (const f of OUTPUT_GROUPS[tool].fields) if (COLUMN_OF[f] !== undefined) cols[f] = columns[COLUMN_OF[f]].slice(1); // the sample has no population column
      const compute = await best(() => evaluateColumns(cols, n), repeat);
      await toolRun(columns, n, tool); // warm-up
      let fastest = null;
      for (let i = 0; i < repeat; i++) {
        const r = await toolRun(columns, n, tool);
        if (!fastest || r.ms < fastest.ms) fastest = r;
      }
      const { ms, out, x } = fastest;
      const per10k = (t) => +((t * 10_000) / n).toFixed(1);
      report(`taskpane: ${OUTPUT_GROUPS[tool].label.toLowerCase()}, ${n.toLocaleString("en-GB")} rows`, {
        syncs: x.syncs.length,
        readChunks: out.stats.readChunks,
        readChunkRows: out.stats.readChunkRows,
        writeChunks: out.stats.writeChunks,
        formatChunks: out.stats.formatChunks,
        largestRequestMB: +(Math.max(...x.syncs.map((s) => s.requestBytes)) / 1e6).toFixed(2),
        largestResponseMB: +(Math.max(...x.syncs.map((s) => s.responseBytes)) / 1e6).toFixed(2),
        ms: +ms.toFixed(1),
        msPer10k: per10k(ms),
        computeMsPer10k: per10k(compute),
        ratio: +(ms / compute).toFixed(2),
        readMs: out.stats.millis.read,
        computeMs: out.stats.millis.compute,
        writeMs: out.stats.millis.write,
        summaryMs: out.stats.millis.summary,
      });
    }
  }
}

module.exports = { run };
runAlone(module);
