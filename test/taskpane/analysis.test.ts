/** The Analysis view's workbook functions: chunked block reads and new-sheet tables, against the stand-in. */
import { ExcelStandIn } from "../../src/preview/standIn";
import { createAnalysisTools, readBlock } from "../../src/taskpane/excel";

describe("readBlock", () => {
  it("reads a sheet block in row chunks sized to the payload target, one sync per chunk", async () => {
    const x = new ExcelStandIn();
    x.addSheet("Wards");
    const rows = Array.from({ length: 2001 }, (_, i) => (i === 0 ? ["Ward", "NVQ4", "Rural", "A8", "Pop"] : [`W${i}`, 20, 10, i % 12, 1000 + i]));
    x.setValues("Wards", "A1", rows);
    x.resetStats();
    // 5 columns × 32 bytes per cell → 625 rows per 100,000-byte chunk → 4 chunks for 2,001 rows (+1 sync for the geometry).
    const out = await readBlock(x.run, "Wards!A1:E2001", 100_000);
    expect(out).toEqual(rows);
    expect(x.syncs.length).toBe(1 + 4);
  });
});

describe("insertTableSheet (peers and type-mix sheets)", () => {
  it("adds a new sheet with the header block and a table, without touching other sheets", async () => {
    const x = new ExcelStandIn();
    x.addSheet("Peers Ashbury").setValues("Peers Ashbury", "A1", [["mine"]]);
    const before = JSON.stringify([...x.snapshot()]);
    const tools = createAnalysisTools(x.run);
    const out = await tools.insertTableSheet("Peers Ashbury", [["Nearest areas to Ashbury"]], ["Rank", "Area", "Distance"], [[1, "Bramford", 0.25]]);
    expect(out).toEqual({ sheet: "Peers Ashbury 2" });
    expect(x.getValues("Peers Ashbury 2", "A1:C4")).toEqual([
      ["Nearest areas to Ashbury", "", ""],
      ["", "", ""], // empty cells read as "" (as Excel's values do)
      ["Rank", "Area", "Distance"],
      [1, "Bramford", 0.25],
    ]);
    expect(JSON.stringify([...x.snapshot((s) => s !== "Peers Ashbury 2")])).toBe(before);
  });
});
