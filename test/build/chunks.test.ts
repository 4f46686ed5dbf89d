// The production build's chunks (issue 17.2): taskpane.html (the shared runtime page: functions and pane)
// loads one webpack runtime, the engine in ONE chunk, functions.js and taskpane.js; each tab's view and the
// pane's Excel code are chunks fetched on first use. Runs after the production build (`npm test` does it
// first; or `npm run build`). Sizes are gzip level 9, as bench/preview.bench.js reports them.
import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { initialScripts } = require("../../bench/_initialBytes") as {
  initialScripts: (dir: string, page?: string) => { scripts: { file: string; raw: number; gzip: number }[]; gzip: number };
};

const dist = path.resolve(__dirname, "../../dist");
const KiB = 1024;
/** Issue 17.2's goal for the scripts loaded before the pane is interactive. */
const TARGET = 150 * KiB;
/** Where the build is today (about 186 KiB: a bare Fluent UI v9 page with three controls is 87 KiB of it): no regression past this. */
const CEILING = 195 * KiB;

/** Text each of these engine modules puts in the bundle (error messages survive minification). */
const ENGINE_MARKERS: Array<[string, string]> = [
  ["src/engine/abg.ts", "Score must be a percentage between 0 and 100"],
  ["src/engine/input.ts", "uses a comma as the decimal point"],
  ["src/engine/input.ts", "is a whole count written with a dot"],
  ["src/engine/data/govResponse2008/abgBands.ts", "below 60% but at least 55%"],
];
/** Code that must load on first use only: [source, marker, what]. */
const LATER: Array<[string, string, string]> = [
  ["src/taskpane/components/SummaryView.tsx", "Areas and allocation by ABG band", "the Table tools view"],
  ["src/taskpane/excel/index.ts", "suspendApiCalculationUntilNextSync", "the pane's Excel code"],
  ["src/taskpane/components/TrackerPanel.tsx", "The tracker sheet needs Excel or the preview.", "the Recs view (issue 16.3)"],
  ["src/engine/recommendationTracker.ts", "CohesionRecommendationTracker", "the recommendations tracker's rules (engine, used by lazy code only)"],
];

describe("production chunks: what the add-in page loads before it is interactive", () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(dist, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first).");
  });
  const bundles = () => fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
  const holding = (marker: string) => bundles().filter((f) => fs.readFileSync(path.join(dist, f), "utf8").includes(marker));

  it("taskpane.html loads the runtime, the engine, the functions and the pane, in that order, and nothing else of its own", () => {
    expect(initialScripts(dist).scripts.map((s) => s.file)).toEqual(["runtime.js", "engine.js", "functions.js", "taskpane.js"]);
  });

  it("the engine is in exactly one chunk, engine.js, shared by the functions and the pane", () => {
    for (const [file, marker] of ENGINE_MARKERS) {
      expect(fs.readFileSync(path.resolve(__dirname, "../..", file), "utf8")).toContain(marker);
      expect([marker, holding(marker)]).toEqual([marker, ["engine.js"]]);
    }
  });

  it("each view and the pane's Excel code are chunks of their own, not loaded at start", () => {
    const initial = new Set(initialScripts(dist).scripts.map((s) => s.file));
    for (const [file, marker, what] of LATER) {
      expect(fs.readFileSync(path.resolve(__dirname, "../..", file), "utf8")).toContain(marker);
      const files = holding(marker);
      expect([what, files.length]).toEqual([what, 1]);
      expect([what, initial.has(files[0])]).toEqual([what, false]);
    }
  });

  it(`the scripts loaded before the pane is interactive stay within ${CEILING / KiB} KiB gzip`, () => {
    expect(initialScripts(dist).gzip).toBeLessThanOrEqual(CEILING);
  });

  // Not met yet (see the README's Performance table, "bytes loaded before interactive"): the engine's data
  // (LGA 2019 guide, survey series) still loads at start. When the build meets the target this test fails:
  // then make it a plain `it` and lower CEILING to TARGET.
  it.failing(`issue 17.2's target: the scripts loaded before the pane is interactive are at most ${TARGET / KiB} KiB gzip`, () => {
    expect(initialScripts(dist).gzip).toBeLessThanOrEqual(TARGET);
  });
});
