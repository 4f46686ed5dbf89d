// A run that stops puts back the cells it had just changed (run/guards.ts putBack, read through Range.formulas).
// Excel reads a string written back as typed, so text such as "01" or "2008-09" in those cells must be written
// back as text (cells.ts asCellValue), not become the number 1 or a date; formulas are put back as formulas.
import { sampleIndicatorColumns } from "../../src/preview/sampleIndicators";
import { createExcelTools, type RunOutcome } from "../../src/taskpane/excel";
import { HostileStandIn } from "../helpers/hostileStandIn";

const N = 3_000;

it("text in the toolkit's columns that a stopped run puts back stays text", async () => {
  const x = new HostileStandIn();
  x.addSheet("Sheet1").activate("Sheet1");
  x.setColumns("Sheet1", "A1", sampleIndicatorColumns(N));
  const tools = createExcelTools(x.run, { yieldToUi: async () => undefined, targetBytes: 60_000 });
  const [s] = await tools.listSources();
  const first = await tools.runTool({ source: s.ref, tool: "grantBands", mapping: s.mapping });
  expect(first.status).toBe("done");
  const out = (first as { outputAddress: string }).outputAddress; // e.g. Sheet1!I1:L3001
  const col = /!([A-Z]+)1:([A-Z]+)\d+$/.exec(out)![2]; // the Notes column, the last of the toolkit's
  // The earlier run's cells, with text Excel would retype (as a user's note or an older version's text might be).
  for (let r = 2; r <= N + 1; r++) x.setValues("Sheet1", `${col}${r}`, [[r % 2 ? "01" : "2008-09"]]);
  x.setValues("Sheet1", `${col}3`, [["=1+1"]]);
  const [s2] = await tools.listSources();
  const ask = await tools.runTool({ source: s2.ref, tool: "grantBands", mapping: s2.mapping, options: { basis: "lower" } });
  expect(ask.status).toBe("needsConfirmation"); // the cells typed over are not the toolkit's: overwrite?
  // An input of the first rows edited once every row is read, before the first chunk is written: that chunk is put back.
  const reads = 3 + Math.ceil(N / Math.floor(60_000 / (6 * 32)));
  x.afterSync(reads, (h) => h.setValues("Sheet1", "B2", [[88]]));
  const second: RunOutcome = await tools.runTool({ source: s2.ref, tool: "grantBands", mapping: s2.mapping, options: { basis: "lower" }, confirmOverwrite: (ask as { range: string }).range });
  expect(second).toMatchObject({ status: "stopped", reason: "inputsChanged", rowsWritten: 0 });
  const cells = x.getValues("Sheet1", `${col}2:${col}10`).map((r) => r[0]);
  expect(cells).toEqual(["2008-09", "", "2008-09", "01", "2008-09", "01", "2008-09", "01", "2008-09"]);
  expect(x.cell("Sheet1", `${col}3`).formula).toBe("=1+1");
});
