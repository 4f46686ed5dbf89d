/**
 * The workbook changing under a bulk run: the sheet renamed, deleted or protected, input cells
 * edited, a column inserted. The run stops with a message saying what was and was not written, no
 * summary sheet is written, and every cell outside the toolkit's own columns is as it was (except
 * the user's own edit). Driven through test/helpers/hostileStandIn.ts, which acts between the
 * requests of a run as a user at the keyboard would.
 */
import { evaluateColumns, rowCells, type Columns } from "../../src/engine";
import { type CellSnapshot } from "../../src/preview/standIn";
import { sampleIndicatorColumns } from "../../src/preview/sampleIndicators";
import { createExcelTools, type RunOutcome, type Stopped } from "../../src/taskpane/excel";
import { HostileStandIn } from "../helpers/hostileStandIn";

const noYield = async () => undefined;
const N = 3_000;
// A small request target, so 3,000 rows take several read and write chunks (as 100,000 rows do at 1 MB).
const TARGET = 60_000;
// The table is A:H; grant bands write I:L (ABG band, ABG allocation, ABG band range, Notes).
const OWN = { first: 8, last: 11 };

function setUp(options: { previousRun?: boolean } = {}) {
  const x = new HostileStandIn();
  x.addSheet("Notes").setValues("Notes", "A1", [["Our notes"], ["=1+1"]]);
  x.addSheet("Sheet1").activate("Sheet1");
  x.setColumns("Sheet1", "A1", sampleIndicatorColumns(N));
  x.addTable("Sheet1", `A1:H${N + 1}`, "Indicators");
  x.setValues("Sheet1", "N5", [["the user's own cell beside the toolkit's columns"]]);
  const tools = createExcelTools(x.run, { yieldToUi: noYield, targetBytes: TARGET });
  return { x, tools, previousRun: options.previousRun ?? false };
}

async function source(tools: ReturnType<typeof createExcelTools>) {
  const [s] = await tools.listSources();
  return s;
}

function stopped(out: RunOutcome): Stopped {
  if (out.status !== "stopped") throw new Error(`expected stopped, got ${JSON.stringify(out).slice(0, 300)}`);
  return out;
}

/** Every cell outside the toolkit's columns of the data sheet, keyed with the data sheet called "DATA" (so a rename compares). */
function outside(x: HostileStandIn, dataSheet: string, own = OWN): Map<string, CellSnapshot> {
  const out = new Map<string, CellSnapshot>();
  for (const [key, cell] of x.snapshot((s, _r, c) => !(s === dataSheet && c >= own.first && c <= own.last))) {
    const bang = key.lastIndexOf("!");
    const sheet = key.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    out.set(`${sheet === dataSheet ? "DATA" : sheet}${key.slice(bang)}`, cell);
  }
  return out;
}
const fingerprint = (m: Map<string, CellSnapshot>) => JSON.stringify([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)));

/** The grant-band cells the engine gives for data rows [from, to) of the sample table. */
function expectedRows(from: number, to: number): unknown[][] {
  const cols = sampleIndicatorColumns(N);
  const columns: Columns = { score: cols[1].slice(1), ci: cols[2].slice(1) };
  return evaluateColumns(columns, N)
    .slice(from, to)
    .map((r) => [3, 4, 5, 6].map((k) => rowCells(r)[k] ?? ""));
}

/** The toolkit's columns hold the engine's results in rows [0, written) and nothing below. */
function expectWrittenThenEmpty(x: HostileStandIn, sheet: string, written: number) {
  if (written > 0) expect(x.getValues(sheet, `I2:L${written + 1}`)).toEqual(expectedRows(0, written));
  if (written < N) expect(x.getValues(sheet, `I${written + 2}:L${N + 1}`).flat().every((v) => v === "")).toBe(true);
}

const sheetRow = (dataRow: number) => (dataRow + 2).toLocaleString("en-GB");

describe("a bulk run stops when the workbook changes under it", () => {
  it("the sheet is renamed part-way through writing: the run stops, saying which rows were written", async () => {
    const { x, tools } = setUp();
    const s = await source(tools);
    const before = fingerprint(outside(x, "Sheet1"));
    x.afterWriteSync(2, (h) => h.renameSheet("Sheet1", "Data 2008"));
    const out = stopped(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.reason).toBe("renamed");
    expect(out.why).toBe('the sheet "Sheet1" was renamed to "Data 2008"');
    expect(out.rowsWritten).toBeGreaterThan(0);
    expect(out.rowsWritten).toBeLessThan(N);
    expect(out.written).toBe(`Rows 2–${sheetRow(out.rowsWritten - 1)} of Sheet1!I:L were written; rows ${sheetRow(out.rowsWritten)}–3,001 were not (those cells are empty).`);
    expect(out.message).toBe(
      `The run stopped: the sheet "Sheet1" was renamed to "Data 2008". ${out.written} No summary sheet was written, and nothing outside the toolkit's columns was changed. Run the tool again to finish.`,
    );
    expect(x.sheetNames()).toEqual(["Notes", "Data 2008"]); // no summary sheet
    expectWrittenThenEmpty(x, "Data 2008", out.rowsWritten);
    expect(fingerprint(outside(x, "Data 2008"))).toBe(before);
  });

  it("renamed, where Excel's worksheet object follows the sheet: the chunk written into it stands and is counted", async () => {
    const { x, tools } = setUp();
    x.sheetsFollowRenames = true;
    const s = await source(tools);
    const before = fingerprint(outside(x, "Sheet1"));
    let firstChunk = 0;
    x.afterWriteSync(1, (h) => {
      firstChunk = h.syncs[h.syncs.length - 1].valueCells / 4 - 1; // the first write: the header row and the first chunk, 4 columns
      h.renameSheet("Sheet1", "Data 2008");
    });
    const out = stopped(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.reason).toBe("renamed");
    expect(firstChunk).toBeGreaterThan(0);
    expect(out.rowsWritten).toBeGreaterThan(firstChunk); // the second chunk went into the renamed sheet, and counts
    expect(out.written).toBe(`Rows 2–${sheetRow(out.rowsWritten - 1)} of Sheet1!I:L were written; rows ${sheetRow(out.rowsWritten)}–3,001 were not (those cells are empty).`);
    expectWrittenThenEmpty(x, "Data 2008", out.rowsWritten);
    expect(fingerprint(outside(x, "Data 2008"))).toBe(before);
  });

  it("the sheet is deleted: the run stops, the other sheets are untouched, no summary sheet", async () => {
    const { x, tools } = setUp();
    const s = await source(tools);
    const notes = x.snapshot((sh) => sh === "Notes");
    x.afterWriteSync(1, (h) => h.deleteSheet("Sheet1"));
    const out = stopped(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.reason).toBe("deleted");
    expect(out.why).toBe('the sheet "Sheet1" was deleted');
    expect(out.written).toMatch(/^Rows 2–[\d,]+ of Sheet1!I:L were written; rows [\d,]+–3,001 were not/);
    expect(x.sheetNames()).toEqual(["Notes"]);
    expect(x.snapshot()).toEqual(notes);
  });

  it("the sheet is protected part-way: Excel refuses the next write (AccessDenied) and the run stops there", async () => {
    const { x, tools } = setUp();
    const s = await source(tools);
    const before = fingerprint(outside(x, "Sheet1"));
    x.afterWriteSync(1, (h) => h.protect("Sheet1"));
    const out = stopped(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.reason).toBe("protected");
    expect(out.why).toMatch(/^the sheet "Sheet1" is protected \(Excel refused the write: .*protected sheet/);
    expect(out.written).toMatch(/^Rows 2–[\d,]+ of Sheet1!I:L were written; rows [\d,]+–3,001 were not/);
    expectWrittenThenEmpty(x, "Sheet1", out.rowsWritten);
    expect(fingerprint(outside(x, "Sheet1"))).toBe(before);
    expect(x.sheetNames()).toEqual(["Notes", "Sheet1"]);
  });

  it("stopped part-way over an earlier run's results: the message says the rows not written still hold them", async () => {
    const { x, tools } = setUp();
    const s = await source(tools);
    expect((await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping })).status).toBe("done");
    const s2 = await source(tools);
    x.afterWriteSync(1, (h) => h.protect("Sheet1"));
    const out = stopped(await tools.runTool({ source: s2.ref, tool: "grantBands", mapping: s2.mapping, options: { basis: "upper" } }));
    expect(out.written).toMatch(/^Rows 2–[\d,]+ of Sheet1!I:L were written; rows [\d,]+–3,001 were not \(they still hold what an earlier run wrote there, which may not match\)\.$/);
  });

  it("protected before the first write: nothing is written, and an earlier run's results stay as they were", async () => {
    const { x, tools } = setUp();
    const s = await source(tools);
    const first = await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping });
    expect(first.status).toBe("done");
    const s2 = await source(tools);
    const everything = fingerprint(x.snapshot());
    const settings = JSON.stringify(x.settingKeys().map((k) => [k, x.setting(k)]));
    x.afterSync(4, (h) => h.protect("Sheet1")); // while reading
    const out = stopped(await tools.runTool({ source: s2.ref, tool: "grantBands", mapping: s2.mapping, options: { basis: "lower" } }));
    expect(out.reason).toBe("protected");
    expect(out.rowsWritten).toBe(0);
    expect(out.written).toBe("Nothing was written: the toolkit's columns Sheet1!I:L are as they were.");
    expect(fingerprint(x.snapshot())).toBe(everything); // the summary sheet of the first run too
    expect(JSON.stringify(x.settingKeys().map((k) => [k, x.setting(k)]))).toBe(settings);
  });

  it("live formulas on a sheet protected meanwhile: nothing is written", async () => {
    const { x, tools } = setUp();
    const s = await source(tools);
    const everything = fingerprint(x.snapshot());
    x.afterSync(5, (h) => h.protect("Sheet1"));
    const out = stopped(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping, formulas: true }));
    expect(out.reason).toBe("protected");
    expect(out.written).toBe("Nothing was written: the toolkit's columns Sheet1!I:L are as they were.");
    expect(fingerprint(x.snapshot())).toBe(everything);
  });

  it("an input cell edited after it was read: the run stops before writing results that would not match it", async () => {
    const { x, tools } = setUp();
    const s = await source(tools);
    // Rows are read 312 at a time (60,000 bytes / (6 columns × 32 bytes)); after the 5th read, row 1,400 has been read. It is past the first write chunk.
    const edited = 1_400;
    x.afterSync(3 + 5, (h) => h.setValues("Sheet1", `B${edited + 2}`, [[88]]));
    const before = outside(x, "Sheet1");
    const out = stopped(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.reason).toBe("inputsChanged");
    expect(out.why).toBe(`input cells changed during the run (Sheet1!B${edited + 2}), so no results were written from that part of the table on`);
    expect(out.rowsWritten).toBeGreaterThan(0);
    expect(out.rowsWritten).toBeLessThanOrEqual(edited); // the chunk holding the edited row was put back
    expect(out.written).toBe(`Rows 2–${sheetRow(out.rowsWritten - 1)} of Sheet1!I:L were written; rows ${sheetRow(out.rowsWritten)}–3,001 were not (those cells are empty).`);
    expectWrittenThenEmpty(x, "Sheet1", out.rowsWritten); // every result written matches the inputs it was computed from
    const after = outside(x, "Sheet1");
    expect(after.get(`DATA!B${edited + 2}`)).toEqual({ value: 88 }); // the user's edit stands
    after.set(`DATA!B${edited + 2}`, before.get(`DATA!B${edited + 2}`)!);
    expect(fingerprint(after)).toBe(fingerprint(before));
    expect(x.sheetNames()).toEqual(["Notes", "Sheet1"]);
  });

  it("an input cell of the first rows edited while computing: nothing is written", async () => {
    const { x, tools } = setUp();
    const s = await source(tools);
    const reads = 3 + Math.ceil(N / Math.floor(TARGET / (6 * 32))); // locate, then the read chunks
    x.afterSync(reads, (h) => h.setValues("Sheet1", "C3", [["2,5"]]));
    const out = stopped(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.reason).toBe("inputsChanged");
    expect(out.why).toMatch(/\(Sheet1!C3\)/);
    expect(out.written).toBe("Nothing was written: the toolkit's columns Sheet1!I:L are as they were.");
  });

  it("an input cell edited while writing: the rows before its chunk are written, the rest are not", async () => {
    const { x, tools } = setUp();
    const s = await source(tools);
    x.afterWriteSync(1, (h) => h.setValues("Sheet1", "B2901", [["n/a"]]));
    const out = stopped(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.reason).toBe("inputsChanged");
    expect(out.why).toMatch(/\(Sheet1!B2901\)/);
    expect(out.rowsWritten).toBeLessThan(2899);
    expectWrittenThenEmpty(x, "Sheet1", out.rowsWritten);
  });

  it("a column inserted left of the data: the next check sees the inputs move, and no user cell is overwritten", async () => {
    const { x, tools } = setUp();
    const s = await source(tools);
    x.afterWriteSync(1, (h) => h.insertColumns("Sheet1", 1));
    const before = outside(x, "Sheet1", { first: 99, last: 99 }); // everything
    const out = stopped(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(["inputsChanged", "moved"]).toContain(out.reason);
    // Every cell of the user's is where the insertion put it: one column to the right from B on; the toolkit's columns are now J:M.
    const shifted = new Map<string, CellSnapshot>();
    for (const [key, cell] of before) {
      const m = /^(DATA!)([A-Z]+)(\d+)$/.exec(key);
      if (!m) {
        shifted.set(key, cell);
        continue;
      }
      const col = m[2].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      if (col >= OWN.first && col <= OWN.last) continue; // the toolkit's own (none yet, before the run)
      const to = col >= 1 ? col + 1 : col;
      shifted.set(`DATA!${String.fromCharCode(65 + to)}${m[3]}`, cell);
    }
    expect(fingerprint(outside(x, "Sheet1", { first: OWN.first + 1, last: OWN.last + 1 }))).toBe(fingerprint(shifted));
  });

  it("a column inserted between the data and the toolkit's columns: the header check stops the run", async () => {
    const { x, tools } = setUp();
    const s = await source(tools);
    x.afterWriteSync(1, (h) => h.insertColumns("Sheet1", OWN.first));
    const out = stopped(await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping }));
    expect(out.reason).toBe("moved");
    expect(out.why).toBe("the toolkit's columns Sheet1!I1:L1 no longer hold the headers it wrote there (a column was inserted, deleted or typed over)");
    expect(x.getValues("Sheet1", "I1:I3001").flat().every((v) => v === "")).toBe(true); // the inserted column stays empty
  });

  it("an edit to rows already written is not noticed: the run finishes (the summary is of the values read)", async () => {
    const { x, tools } = setUp();
    const s = await source(tools);
    x.afterWriteSync(2, (h) => h.setValues("Sheet1", "B3", [[99]]));
    const out = await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping });
    expect(out.status).toBe("done");
  });
});
