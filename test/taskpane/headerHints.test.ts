/**
 * The pane proposes its mapping from the engine's header rule (matchHeaders), as `cohesion apply` does,
 * and says in each field's hint what the rule found: the score and runner-up of a words match, or the
 * tie it refused to guess between (issue 12.2).
 */
import { ExcelStandIn } from "../../src/preview/standIn";
import { createExcelTools, type SourceInfo } from "../../src/taskpane/excel";

async function sourceOf(rows: unknown[][]): Promise<SourceInfo> {
  const x = new ExcelStandIn().addSheet("Place Survey");
  x.setValues("Place Survey", "A1", rows);
  const tools = createExcelTools(x.run, { yieldToUi: async () => undefined });
  const [s] = await tools.listSources();
  expect(s).toBeDefined();
  return s;
}

describe("Table tools: the header rule's proposal and hints", () => {
  it("proposes the score from ni1_get_on_well_pct and names the runner-up in the field's hint", async () => {
    const s = await sourceOf([
      ["Authority", "ni4_influence_decisions_pct", "ni1_get_on_well_pct", "ni1_get_on_well_ci", "% with NVQ4+ - aged 16-64"],
      ["Barking and Dagenham LB", 37, 49.1, 2.5, 18],
      ["Pendle DC", 28.5, 52.4, 3.1, 17],
    ]);
    expect(s.mapping).toMatchObject({ score: 2, ci: 3, nvq4: 4 });
    expect(s.hints?.score).toBe('Header match, score 99; next best "D: ni1_get_on_well_ci" (score 36, used for Confidence interval (±)).');
    expect(s.hints?.ci).toBe("Header match, score 99; next best: this column as Score (get on well together %) (score 36).");
    expect(s.hints?.nvq4).toBeUndefined(); // a listed spelling, nothing else near: no hint, as before
  });

  it("leaves a tied field unmapped and says so in its hint", async () => {
    const s = await sourceOf([
      ["Area", "Rural population 2001 (%)", "Rural population 2011 (%)", "NVQ4+"],
      ["Eden", 55, 60, 30],
    ]);
    expect(s.mapping.rural).toBeUndefined();
    expect(s.mapping).toMatchObject({ nvq4: 3 });
    expect(s.hints?.rural).toBe('Not chosen: "B: Rural population 2001 (%)" and "C: Rural population 2011 (%)" match equally (score 99); choose one.');
  });
});
