/** Family groups with a population column: the summary adds the family-type mix of the rows. */
import { ExcelStandIn } from "../../src/preview/standIn";
import { createExcelTools } from "../../src/taskpane/excel";

describe("Family groups offers the type mix when a population column is mapped", () => {
  it("gives the population share per family type, with the district-level caveat", async () => {
    const x = new ExcelStandIn();
    x.addSheet("Wards").setValues("Wards", "A1", [
      ["Ward", "NVQ4+ %", "Rural %", "A8 per 10,000", "1984 jobs", "Population"],
      ["W1", 30, 60, 3, null, 1000], // type 8
      ["W2", 20, 10, 10, null, 1500], // type 4
      ["W3", 20, 10, 10, null, 1500], // type 4
      ["W4", "", 10, 3, null, 800], // no type: left out
    ]);
    const tools = createExcelTools(x.run, { yieldToUi: async () => undefined });
    const [source] = await tools.listSources();
    expect(source.mapping.population).toBe(5);
    const out = await tools.runTool({ source: source.ref, tool: "familyGroups", mapping: source.mapping });
    if (out.status !== "done") throw new Error(JSON.stringify(out));
    const mix = out.typeMix?.mix;
    expect(mix?.rows.find((r) => r.type === 8)?.sharePct).toBeCloseTo(25, 10);
    expect(mix?.rows.find((r) => r.type === 4)?.sharePct).toBeCloseTo(75, 10);
    expect(mix?.excluded).toHaveLength(1);
    expect(out.typeMix?.note).toBe("1 of 4 sub-areas left out (blank or bad inputs).");
    expect(mix?.caveat).toMatch(/district-level/);
  });
  it("without a population column there is no type mix", async () => {
    const x = new ExcelStandIn();
    x.addSheet("S").setValues("S", "A1", [
      ["Area", "NVQ4+ %", "Rural %", "A8 per 10,000"],
      ["A", 30, 60, 3],
    ]);
    const tools = createExcelTools(x.run, { yieldToUi: async () => undefined });
    const [source] = await tools.listSources();
    const out = await tools.runTool({ source: source.ref, tool: "familyGroups", mapping: source.mapping });
    expect(out.status === "done" && out.typeMix).toBeNull();
  });
});
