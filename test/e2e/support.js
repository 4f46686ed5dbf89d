// Shared by the browser flows (test/e2e/flows/*.js) and their runner (test/e2e/run.js): the registry of tests, the
// expected values (computed here from the sample's inputs, not by the code under test), the page helpers (the
// preview's read-only hook window.__cohesionPreview, the grid, the pane's tools), screenshots, and the layout and
// accessibility checks (checks.js, re-exported here).
const assert = require("assert/strict");
const fs = require("fs");
const path = require("path");
const h = require("./harness");

const ARTIFACTS = path.join(h.root, "test-artifacts", "screenshots");

// ------------------------------------------------------------------------------------------------
// Expected values, computed here from the sample's inputs (not by the code under test)

/** ABG rules (GR ¶2.3): bands [lower, upper): <55 → 1, [55,60) → 2, [60,65) → 3, [65,70) → 4, [70,75) → 5, ≥75 → 0. */
const band = (s) => (s >= 75 ? 0 : s >= 70 ? 5 : s >= 65 ? 4 : s >= 60 ? 3 : s >= 55 ? 2 : 1);

const AMOUNT = { 1: 660000, 2: 540000, 3: 410000, 4: 280000, 5: 150000, 0: 0 };

const clean = (x) => Math.round(x * 1e9) / 1e9;

/** The bands a CI spans, in words, in score order: "band 2", "band 2 or band 3", "band 4, band 5 or no band". */
function bandRange(score, ci) {
  const name = (b) => (b === 0 ? "no band" : `band ${b}`);
  if (typeof ci !== "number") return name(band(score));
  const order = [1, 2, 3, 4, 5, 0];
  const lo = order.indexOf(band(clean(Math.max(0, score - ci))));
  const hi = order.indexOf(band(clean(Math.min(100, score + ci))));
  if (lo === hi) return name(band(score));
  const names = order.slice(lo, hi + 1).map(name);
  return `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

const validScore = (v) => typeof v === "number" && v >= 0 && v <= 100;


/** The engine, compiled for Node (for the family types: the typology's nine-way table lives there). */
function engine() {
  require("../../bench/_ts");
  return require("../../src/engine/familyType.ts");
}


const ANNEX_F_COLUMNS = ["Action", "Issues addressed", "Source", "Lead", "Partners", "Resources", "Milestones", "Quick win or long term", "One-off or ongoing"];


// ------------------------------------------------------------------------------------------------
// Page helpers

const hook = (page, fn, ...a) => page.evaluate(([f, a]) => window.__cohesionPreview[f](...a), [fn, a]);

const values = (page, sheet, address) => hook(page, "values", sheet, address);

const cell = (page, sheet, address) => hook(page, "cell", sheet, address);

/** cell() once it is no longer #BUSY!: ISSUES, ACTIONS and BENCHMARK give their result when their data has loaded, as in Excel. */
const settledCell = async (page, sheet, address) => {
  await page.waitForFunction(([s, a]) => window.__cohesionPreview.cell(s, a).value !== "#BUSY!", [sheet, address], { timeout: 10_000 });
  return cell(page, sheet, address);
};

/** values() for big blocks: as JSON (Playwright's own serialiser takes seconds over 100,000 cells). */
const bigValues = async (page, sheet, address) => JSON.parse(await page.evaluate(([s, a]) => JSON.stringify(window.__cohesionPreview.values(s, a)), [sheet, address]));

const colLetter = (i) => {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};


/** `query`: e.g. "?theme=dark" (the Office theme the preview's stand-in gives the pane). */
async function openPreview(page, server, query = "") {
  await page.goto(`${server.url}/preview.html${query}`);
  await page.waitForFunction(() => window.__cohesionPreview && (window.__cohesionPreview.ready || window.__cohesionPreview.error), null, { timeout: 30_000 });
  const error = await page.evaluate(() => window.__cohesionPreview.error);
  if (error) throw new Error(`the preview did not start: ${error}`);
  await page.getByRole("tab", { name: "Check an area" }).waitFor({ timeout: 20_000 });
}


/** Header name → column index, from a sheet's first row. */
async function headerColumns(page, sheet, width = 30) {
  const [row] = await values(page, sheet, `A1:${colLetter(width - 1)}1`);
  return new Map(row.map((v, i) => [String(v), i]).filter(([v]) => v !== ""));
}


async function runTool(page, label) {
  const tab = page.getByRole("tab", { name: "Table tools" });
  if ((await tab.getAttribute("aria-selected")) !== "true") await tab.click();
  const button = page.getByRole("button", { name: label, exact: true });
  await button.waitFor();
  await assertEnabled(button);
  await button.click();
  await page.getByText(/^Wrote /).waitFor({ timeout: 30_000 });
}


async function assertEnabled(locator) {
  for (let i = 0; i < 50 && !(await locator.isEnabled()); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(await locator.isEnabled(), "the button stays disabled");
}


/** Clicks a grid cell (0-based row/column of the active sheet). */
async function clickCell(page, row, column) {
  const td = page.locator(`#pv-cell-${row}-${column}`);
  await td.scrollIntoViewIfNeeded();
  await td.click();
}


async function typeInto(page, row, column, text) {
  await clickCell(page, row, column);
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}


/** The synthetic indicator table the preview's addSampleSheet hook writes (the same generator, here in Node). */
function sampleColumns(rows) {
  require("../../bench/_ts");
  return require("../../src/preview/sampleIndicators.ts").sampleIndicatorColumns(rows);
}


/**
 * Every non-empty cell of a sheet (value, formula, number format), outside columns skip.from–skip.to (0-based),
 * from the page's hook. `hash: true` returns only their count and SHA-256 (for big sheets), computed in the page;
 * `patch` ({ A1: cell }) replaces those cells first (to compare all but a cell the test changed on purpose).
 */
async function userCells(page, sheet, skip = null, { hash = false, patch = {} } = {}) {
  return page.evaluate(
    async ([sheet, skip, hash, patch]) => {
      const col = (key) => [...key.match(/^[A-Z]+/)[0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const cells = window.__cohesionPreview
        .cells(sheet)
        .filter(([k]) => !skip || col(k) < skip.from || col(k) > skip.to)
        .map(([k, c]) => [k, k in patch ? patch[k] : c]);
      if (!hash) return cells;
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(cells)));
      return { cells: cells.length, sha256: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("") };
    },
    [sheet, skip, hash, patch],
  );
}


/** Opens Table tools (on the active sheet's table) and waits for its Grant bands button to be enabled. */
async function openTableTools(page) {
  await page.getByRole("tab", { name: "Table tools" }).click();
  const button = page.getByRole("button", { name: "Grant bands", exact: true });
  await button.waitFor();
  await assertEnabled(button);
  return button;
}


/** The message bar's text after a stopped run: "The run stopped: … ." and its list (what was and was not written, …). */
async function stopMessage(page) {
  const bar = page.locator(".fui-MessageBar").filter({ hasText: "The run stopped:" });
  await bar.waitFor({ timeout: 30_000 });
  return { text: (await bar.innerText()).replace(/\s+/g, " ").trim(), items: (await bar.locator("li").allInnerTexts()).map((t) => t.trim()) };
}


/** Rows of cells against want(i) (the first cells of each row; fast on 45,000 rows): the first row that differs fails with its label. */
function assertRows(got, want, label) {
  for (let i = 0; i < got.length; i++) {
    const w = want(i);
    if (w.some((v, j) => got[i][j] !== v)) assert.deepEqual(got[i].slice(0, w.length), w, label(i));
  }
}


/** What every stopped run says after what was written. */
const STOP_TAIL = ["No summary sheet was written, and nothing outside the toolkit's columns was changed.", "Run the tool again to finish."];


/** Grant-band cells [band, allocation, band range] expected for a score and CI ("" for a score the tool refuses). */
const expectedBands = (score, ci) => (validScore(score) ? [band(score), AMOUNT[band(score)], bandRange(score, ci)] : ["", "", ""]);


/**
 * The screenshots this run took, name → PNG bytes: --screenshots writes these to docs/, not whatever is in the folder
 * (another run at the same time may have emptied or rewritten test-artifacts/screenshots/ meanwhile).
 */
const taken = new Map();


/** shot()'s `locator` for the task pane alone: the preview gives it Excel's width (350 px), so the README shows each view as Excel would. */
const PANE = Symbol("the pane");


/** A screenshot of the page, or of `locator` alone (PANE: the pane, at the width Excel gives it). */
async function shot(page, name, locator = null) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // Same pixels for the same page: no hover, transitions finished, no caret.
  await page.mouse.move(0, 0);
  const target = locator === PANE ? page.locator("#container") : locator;
  const png = await (target ?? page).screenshot({ path: path.join(ARTIFACTS, `${name}.png`), animations: "disabled", caret: "hide" });
  if (!name.startsWith("FAILED-")) taken.set(`${name}.png`, png);
}


/** Check an area with a score and the four proxies, so that the pane shows fields, results and text (the theme screenshots). */
async function fillCheck(page) {
  const form = page.getByRole("region", { name: "Check an area" });
  const fill = (label, v) => form.getByLabel(label, { exact: true }).fill(v);
  await fill("Get on well together (%)", "62.4");
  await fill("Confidence interval (±, points)", "1");
  await fill("NVQ4+ share (%)", "18");
  await fill("Rural share (%)", "10");
  await fill("A8 workers per 10,000", "3");
  await fill("1984 coal, textiles and steel jobs", "2400");
  await form.getByRole("status").getByText(/^Type 2 /).waitFor();
  await page.evaluate(() => document.activeElement?.blur());
}


// ------------------------------------------------------------------------------------------------
// The registry: each flow file calls test(); run.js runs them in the order registered

const tests = [];

/** `options.context`: browser-context options (axe needs bypassCSP: it is injected as an inline script, which the page's CSP refuses). */
const test = (name, fn, options = {}) => tests.push({ name, fn, options });


// Issue 16.3: the Commission's 57 recommendations in the pane, and the tracker sheet.
const RECS = "Recs: the Commission's 57 recommendations";

/** The recommendation numbers the engine's filter gives (src/engine/commission.ts, compiled for Node). */
function recommendationNumbers(filter) {
  require("../../bench/_ts");
  const r = require("../../src/engine/commission.ts").commissionRecommendations(filter);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.map((x) => x.number);
}

const TRACKER_HEADER = ["No.", "Report ref", "Theme", "For", "Recommendation", "Government's response (Feb 2008)", "Response summary", "SoS priority (Oct 2007)", "Sources", "Status", "Owner", "Date", "Notes"];


const KNOWN_VIEWS = ["Check an area", "Table tools", "Action plan", "Peers & mix", RECS, "About"];

/** Each axe scan runs with Office's default theme and again with a dark one (?theme=dark). */
const AXE_THEMES = [
  { label: "", query: "" },
  { label: " (dark Office theme)", query: "?theme=dark" },
];

module.exports = {
  ...require("./checks"),
  ARTIFACTS,
  band,
  AMOUNT,
  clean,
  bandRange,
  validScore,
  engine,
  ANNEX_F_COLUMNS,
  hook,
  values,
  cell,
  settledCell,
  bigValues,
  colLetter,
  openPreview,
  headerColumns,
  runTool,
  assertEnabled,
  clickCell,
  typeInto,
  sampleColumns,
  userCells,
  openTableTools,
  stopMessage,
  assertRows,
  STOP_TAIL,
  expectedBands,
  taken,
  PANE,
  shot,
  fillCheck,
  tests,
  test,
  RECS,
  recommendationNumbers,
  TRACKER_HEADER,
  KNOWN_VIEWS,
  AXE_THEMES,
};
