// `cohesion apply` on real-shaped headers (issue 12.2): the engine's header rule finds the columns without
// --col, and stdout says which column each field came from, its score and the runner-up; a tie is refused.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cohesion, readCsv, records, useScratchDir } from "../helpers/cli";

const dir = useScratchDir();

const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

// Shaped like the Place Survey 2008 open data (UKContentment.csv's values for two authorities), with the
// NI numbers and snake_case of issue 12, and the CI beside the score.
const PLACE_SURVEY = [
  "Authority,ni4_influence_decisions_pct,ni1_get_on_well_pct,ni1_get_on_well_ci,ni2_belong_pct,% with NVQ4+ - aged 16-64,Rural including hub towns as % of total population,EU8,1984 coal textiles and steel jobs",
  "Barking and Dagenham LB,37.0,49.1,2.5,44.8,18,0,12,0",
  "Pendle DC,28.5,52.4,3.1,60.2,17,20,3,1500",
].join("\n");

describe("cohesion apply: Place-Survey-shaped headers, no --col", () => {
  let run: ReturnType<typeof cohesion>;
  let out: string;
  beforeAll(() => {
    out = path.join(dir, "place-survey.out.csv");
    run = cohesion(["apply", write("place-survey.csv", PLACE_SURVEY + "\n"), "--out", out]);
  });

  it("maps the score from ni1_get_on_well_pct and prints the runner-up (the CI column, used for ci)", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/score\s+← "ni1_get_on_well_pct" \(column C, score 99\); next best: "ni1_get_on_well_ci" \(column D, score 36, used for ci\)/);
    expect(run.stdout).toMatch(/ci\s+← "ni1_get_on_well_ci" \(column D, score 99\); next best: this column read as score \(score 36\)/);
  });

  it("finds the proxies by their published headers, and computes with them", () => {
    expect(run.stdout).toMatch(/nvq4\s+← "% with NVQ4\+ - aged 16-64" \(column F\)$/m);
    expect(run.stdout).toMatch(/rural\s+← "Rural including hub towns as % of total population" \(column G\)$/m);
    expect(run.stdout).toMatch(/a8\s+← "EU8" \(column H\)$/m);
    expect(run.stdout).toMatch(/jobs1984\s+← "1984 coal textiles and steel jobs" \(column I\)$/m); // the pane's own wording
    const r = records(readCsv(out));
    expect(r[0]).toMatchObject({ "Family type": "4", "ABG band": "1", "ABG allocation": "660000" }); // 49.1 ± 2.5: band 1
    expect(r[1]).toMatchObject({ "Family type": "2", "ABG band": "1" }); // stable, less affluent, urban, 1,500 jobs in 1984
  });

  it("says the runner-up in the Summary sheet too", async () => {
    const x = path.join(dir, "place-survey.out.xlsx");
    expect(cohesion(["apply", path.join(dir, "place-survey.csv"), "--out", x]).code).toBe(0);
    const wb = await new ExcelJS.Workbook().xlsx.readFile(x);
    const found: unknown[][] = [];
    wb.getWorksheet("Summary")!.eachRow((row) => found.push((row.values as unknown[]).slice(1)));
    expect(found).toContainEqual(["score", "C", "ni1_get_on_well_pct", 'header words (score 99); next best: "ni1_get_on_well_ci" (column D, score 36, used for ci)']);
  });
});

describe("cohesion apply: two equal best matches", () => {
  const TIE = "Area,Rural population 2001 (%),Rural population 2011 (%),NVQ4+,A8\nEden,55,60,30,5\n";

  it("refuses to guess: the field is not computed, both columns are named, with the --col that chooses", () => {
    const r = cohesion(["apply", write("tie.csv", TIE), "--out", path.join(dir, "tie.out.csv")]);
    expect(r.code).toBe(0);
    const said = 'not mapped: "Rural population 2001 (%)" (column B) and "Rural population 2011 (%)" (column C) match equally (score 99); choose one with --col rural="Rural population 2001 (%)"';
    expect(r.stdout).toContain(`rural         ${said}`);
    expect(r.stderr).toBe(`cohesion: warning: rural ${said}\n`);
    expect(records(readCsv(path.join(dir, "tie.out.csv")))[0].Notes).toMatch(/no Rural share column/);
  });

  it("--col settles it", () => {
    const out = path.join(dir, "tie-col.out.csv");
    const r = cohesion(["apply", path.join(dir, "tie.csv"), "--out", out, "--col", "rural=Rural population 2011 (%)"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/rural\s+← "Rural population 2011 \(%\)" \(column C\) \[--col\]/);
    expect(records(readCsv(out))[0]).toMatchObject({ "Family type": "8" }); // 60% rural, NVQ4+ 30, A8 5: stable affluent rural
  });

  it("a table whose only field ties is refused with both candidates in the message", () => {
    const r = cohesion(["apply", write("only-tie.csv", "Area,Rural population 2001 (%),Rural population 2011 (%)\nEden,55,60\n"), "--out", path.join(dir, "only-tie.out.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no input columns recognised .*rural not mapped: "Rural population 2001 \(%\)" \(column B\) and "Rural population 2011 \(%\)" \(column C\) match equally/);
  });
});
