#!/usr/bin/env node
// Browser tests: the real task pane and functions in the local preview (preview.html), in Debian's headless
// chromium driven by playwright-core. Plain Node, not jest (jest ignores test/e2e).
//
//   node test/e2e/run.js [--json=PATH] [--only=TEXT] [--no-build] [--screenshots]
//
// Builds the preview once (webpack --mode development into .preview-build/), serves it on 127.0.0.1 (a free
// port), runs every flow on a fresh page, and asserts the WORKBOOK's contents through the page's tiny
// read-only hook window.__cohesionPreview. Prints one line per test and writes
// {"passed","failed","skipped","failures"} to --json (scripts/test.js adds the counts to its total).
// Screenshots go to test-artifacts/screenshots/ (git-ignored) only: a test run leaves the clone clean (scripts/test.js
// checks that docs/ is untouched). `npm run screenshots` (--screenshots) also copies them to docs/screenshots/ for the
// README, after a run in which every test passed.
const assert = require("assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const h = require("./harness");

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split(/=(.*)/s).slice(0, 2)).map(([k, v]) => [k, v ?? true]));
const ARTIFACTS = path.join(h.root, "test-artifacts", "screenshots");
const DOC_SHOTS = path.join(h.root, "docs", "screenshots");
const PER_TEST_MS = 45_000;
const FIXED_TIME = new Date("2026-01-15T10:00:00Z");

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

/**
 * The pane's colours as shown: the theme its provider chose (data-pane-theme), the WCAG luminance (0 black … 1 white)
 * of the pane container's and the provider's background and of the text and heading, and every element in the pane
 * that paints a near-white background (luminance > 0.8) over more than 20 × 20 px.
 */
async function paneColours(page) {
  return page.evaluate(() => {
    const lum = (css) => {
      const m = /^rgba?\(([^)]+)\)$/.exec(css);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      if (a === 0) return null;
      const f = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const container = document.getElementById("container");
    const provider = container.querySelector("[data-pane-theme]");
    const style = (el) => getComputedStyle(el);
    const light = [...container.querySelectorAll("*")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return (lum(style(el).backgroundColor) ?? 0) > 0.8 && r.width * r.height > 400 && style(el).visibility !== "hidden";
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""}`);
    return {
      theme: provider?.getAttribute("data-pane-theme") ?? null,
      container: lum(style(container).backgroundColor),
      provider: provider && lum(style(provider).backgroundColor),
      text: provider && lum(style(provider).color),
      heading: lum(style(container.querySelector("h1")).color),
      light,
    };
  });
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

async function axeScan(page, label) {
  const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.addScriptTag({ content: source });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  // Tabster's focus sentinels (<i tabindex=0 aria-hidden data-tabster-dummy>, inserted by Fluent UI v9's TabList,
  // Dialog, …) break aria-hidden-focus by design: they move focus on at once and must stay hidden from screen readers.
  // Accessibility Insights suppresses exactly these nodes (microsoft/tabster#288, fluentui#27517); so does this scan.
  for (const v of result.violations) if (v.id === "aria-hidden-focus") v.nodes = v.nodes.filter((n) => !/data-tabster-dummy/.test(n.html));
  const bad = result.violations.filter((v) => (v.impact === "serious" || v.impact === "critical") && v.nodes.length);
  const text = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  assert.deepEqual(text, [], `${label}: axe found serious or critical violations`);
  return result.violations.length;
}

// ------------------------------------------------------------------------------------------------
// The tests

const tests = [];
/** `options.context`: browser-context options (axe needs bypassCSP: it is injected as an inline script, which the page's CSP refuses). */
const test = (name, fn, options = {}) => tests.push({ name, fn, options });

test("preview page: synthetic sample labelled, not-Excel note, no office.js, M and N computed by the real functions", async ({ page, server }) => {
  await openPreview(page, server);
  await page.getByText("Synthetic sample", { exact: false }).first().waitFor();
  await page.getByText(/preview of the add-in .* not Excel/).waitFor();
  assert.deepEqual(await hook(page, "sheets"), ["About", "Indicators"]);
  assert.ok(!server.requests.some((p) => /office\.js$|\/office-js\//.test(p)), "the preview must not load office.js");
  const m2 = await cell(page, "Indicators", "M2");
  assert.match(m2.formula, /^=COHESION\.ABG\.ALLOCATION\(C2:C353,D2:D353\)$/);
  assert.equal(m2.numberFormat, "£#,##0");
  const inputs = await values(page, "Indicators", "C2:D353");
  const m = await values(page, "Indicators", "M2:M353");
  let checked = 0;
  inputs.forEach(([score], i) => {
    if (validScore(score)) {
      assert.equal(m[i][0], AMOUNT[band(score)], `M${i + 2} for score ${score}`);
      checked++;
    } else assert.match(String(m[i][0]), /^#(VALUE!|N\/A)$/, `M${i + 2} for the bad score ${JSON.stringify(score)}`);
  });
  assert.ok(checked > 340, `${checked} scores checked`);
  // The bad score in C5 ("n/a"): #VALUE! with the function's message, as a tooltip and in the status line when selected.
  const m5 = await cell(page, "Indicators", "M5");
  assert.equal(m5.value, "#VALUE!");
  assert.match(m5.note, /must be a number; got the text "n\/a"/);
  assert.match((await page.locator("#pv-cell-4-12").getAttribute("title")) ?? "", /must be a number/);
  await clickCell(page, 4, 12);
  await page.locator(".pv-status").getByText(/#VALUE! — .*must be a number/).waitFor();
  // N: the family types (spilled FAMILYTYPE), a number 1–9 or an error per row.
  const n = await values(page, "Indicators", "N2:N353");
  assert.ok(n.every(([v]) => (Number.isInteger(v) && v >= 1 && v <= 9) || /^#/.test(String(v))), "N holds types 1–9 or errors");
  await clickCell(page, 1, 0);
  await shot(page, "preview");
});

test("Table tools → Grant bands: ABG columns beside the data, bands and amounts per row, Summary totals", async ({ page, server }) => {
  await openPreview(page, server);
  await runTool(page, "Grant bands");
  const cols = await headerColumns(page, "Indicators");
  for (const h of ["ABG band", "ABG allocation", "ABG band range", "Notes"]) assert.ok(cols.has(h), `header ${h} (headers: ${[...cols.keys()].join(", ")})`);
  assert.equal(cols.get("ABG allocation"), cols.get("ABG band") + 1);
  assert.equal(colLetter(cols.get("ABG band")), "O", "the new columns start right of the used range (A–N)");
  const inputs = await values(page, "Indicators", "C2:D353");
  const out = await values(page, "Indicators", `${colLetter(cols.get("ABG band"))}2:${colLetter(cols.get("Notes"))}353`);
  let total = 0;
  inputs.forEach(([score, ci], i) => {
    const [b, amount, range, notes] = out[i];
    if (!validScore(score)) {
      assert.equal(b, "", `row ${i + 2}: no band for ${JSON.stringify(score)}`);
      assert.ok(String(notes).length > 0, `row ${i + 2}: a note says why`);
      return;
    }
    assert.equal(b, band(score), `row ${i + 2} band (score ${score})`);
    assert.equal(amount, AMOUNT[band(score)], `row ${i + 2} allocation`);
    assert.equal(range, bandRange(score, ci), `row ${i + 2} band range (score ${score} ± ${ci})`);
    total += AMOUNT[band(score)];
  });
  assert.match(String(out[3][3]), /must be a number; got the text "n\/a"/, "row 5's note");
  assert.equal((await cell(page, "Indicators", `${colLetter(cols.get("ABG allocation"))}3`)).numberFormat, "£#,##0");
  assert.ok((await hook(page, "sheets")).includes("Summary"));
  const summary = await values(page, "Summary", "A1:C40");
  const row = (label) => summary.find((r) => r[0] === label);
  assert.equal(row("Rows")[1], 352);
  assert.equal(row("Total allocation (£)")[2], total);
  assert.equal(row("£34m ABG cohesion programme (£)")[2], 34_000_000);
  await clickCell(page, 2, 15);
  await page.getByRole("heading", { name: "Summary" }).evaluate((el) => el.scrollIntoView({ block: "start" }));
  await shot(page, "table-tools", PANE);
});

test("Charts (issue 15): after Grant bands the Summary sheet draws the pane's chart (an SVG named by its title and values, in view); the toolbar says Download cannot carry charts", async ({ page, server }) => {
  await openPreview(page, server);
  const note = page.getByText("Charts are shown here but not in the downloaded file: ExcelJS, which writes it, cannot write charts.");
  assert.equal(await note.count(), 0, "no chart note before a run");
  await runTool(page, "Grant bands");
  await page.locator(".pv-tab", { hasText: "Summary" }).click();
  await page.locator('.pv-tab[aria-current="true"]', { hasText: "Summary" }).waitFor();
  const title = "ABG allocation by band (£)";
  const chart = page.locator(`svg[role="img"][data-chart="${title}"]`);
  await chart.waitFor();
  const name = await chart.evaluate((el) => document.getElementById(el.getAttribute("aria-labelledby")).textContent);
  assert.match(name, /^ABG allocation by band \(£\)\. Column chart of Allocation \(£\)\. /, "the chart's accessible name: its title, kind, series");
  assert.equal(await page.getByRole("img", { name }).count(), 1, "the SVG is an image named so");
  await chart.evaluate((el) => el.scrollIntoView({ block: "nearest", inline: "nearest" }));
  const heading = chart.locator("text", { hasText: title });
  assert.equal(await heading.count(), 1, "the chart's title is drawn");
  assert.ok((await onScreen(page, heading, page.locator(".pv-scroller"))).visible, "the chart's title is in view in the grid");
  assert.ok((await chart.locator(".pv-chart-bar").count()) >= 5, "a column per band");
  // Its values are the sheet's: the chart's data block beside the summary.
  const label = name;
  const data = await values(page, "Summary", "H2:I7");
  for (const [band, amount] of data.slice(0, data.findIndex((r) => r[0] === "") < 0 ? data.length : data.findIndex((r) => r[0] === ""))) assert.ok(label.includes(`${band}: £${Number(amount).toLocaleString("en-GB")}`), `${band} in ${label}`);
  assert.ok(await note.isVisible(), "the download note is shown");
  await axeScan(page, "Summary sheet with its chart");
}, { context: { bypassCSP: true } });

test("Table tools: the sheet renamed during a run stops it, says what was and was not written, and changes no user cell", async ({ page, server }) => {
  await openPreview(page, server);
  const before = await values(page, "Indicators", "A1:N353");
  const tab = page.getByRole("tab", { name: "Table tools" });
  await tab.click();
  const button = page.getByRole("button", { name: "Grant bands", exact: true });
  await button.waitFor();
  await assertEnabled(button);
  // Renamed right after the run's read request (3 to find the table, 1 to read it), before its writes.
  await hook(page, "renameSheetAfterSyncs", 4, "Indicators", "Data 2008");
  await button.click();
  const message = page.getByText(/was renamed to "Data 2008"/).first();
  await message.waitFor({ timeout: 30_000 });
  const text = await page.locator("main").innerText();
  assert.match(text, /not|Nothing/, "the message says what was not written");
  const sheets = await hook(page, "sheets");
  assert.ok(sheets.includes("Data 2008") && !sheets.includes("Indicators"), `sheets: ${sheets.join(", ")}`);
  assert.ok(!sheets.includes("Summary"), "no summary sheet after a stopped run");
  assert.deepEqual(await values(page, "Data 2008", "A1:N353"), before, "every cell of the user's table is unchanged");
});

test("Table tools: the sheet deleted during a run stops it, says nothing was written, and leaves the other sheets as they were", async ({ page, server }) => {
  await openPreview(page, server);
  const about = await userCells(page, "About");
  const button = await openTableTools(page);
  // Deleted right after the run's read request (3 to find the table, 1 to read it), before its writes.
  await hook(page, "deleteSheetAfterSyncs", 4, "Indicators");
  await button.click();
  const { text, items } = await stopMessage(page);
  assert.match(text, /^The run stopped: the sheet "Indicators" was deleted\./);
  assert.deepEqual(items, ["Nothing was written: the toolkit's columns Indicators!O:R are as they were.", ...STOP_TAIL]);
  assert.deepEqual(await hook(page, "sheets"), ["About"], "no summary sheet, no other sheet");
  assert.deepEqual(await userCells(page, "About"), about, "every cell of the About sheet is unchanged");
  await assertEnabled(button); // the pane is ready for another run
});

test("Table tools: the sheet protected during a run stops it at the refused write, says all values but their £ format were written, and changes no user cell", async ({ page, server }) => {
  await openPreview(page, server);
  const before = await userCells(page, "Indicators");
  const button = await openTableTools(page);
  // Protected right after the first request that wrote cells (the header row and all 352 rows of values): the £ format request is refused.
  await hook(page, "protectSheetAfterSyncs", { writes: 1 }, "Indicators");
  await button.click();
  const { text, items } = await stopMessage(page);
  assert.ok(
    text.startsWith(`The run stopped: the sheet "Indicators" is protected (Excel refused the write: The cell or chart that you're trying to change is on a protected sheet.).`),
    `the message: ${text}`,
  );
  assert.deepEqual(items, ["All 352 rows of Indicators!O:R were written (rows 2–353); only their £ number format is unfinished.", ...STOP_TAIL]);
  assert.ok(!(await hook(page, "sheets")).includes("Summary"), "no summary sheet after a stopped run");
  assert.deepEqual(await userCells(page, "Indicators", { from: 14, to: 17 }), before, "every cell outside O:R is unchanged");
  // O:R hold this run's values; the allocation column has no £ format (the refused request changed nothing).
  assert.deepEqual((await values(page, "Indicators", "O1:R1"))[0], ["ABG band", "ABG allocation", "ABG band range", "Notes"]);
  const inputs = await values(page, "Indicators", "C2:D353");
  const out = await values(page, "Indicators", "O2:Q353");
  inputs.forEach(([score, ci], i) => assert.deepEqual(out[i], expectedBands(score, ci), `row ${i + 2} (score ${JSON.stringify(score)})`));
  const formats = (await userCells(page, "Indicators", { from: 0, to: 14 })).filter(([, c]) => c.numberFormat);
  assert.deepEqual(formats, [], "no number format was written in P:R");
});

test("Table tools: an input cell edited during a 25,000-row run stops it before the chunk holding the edit; the rows before it are written, the edit stands, no other user cell changes", async ({ page, server }) => {
  await openPreview(page, server);
  await hook(page, "addSampleSheet", "Big", 25_000);
  const button = await openTableTools(page);
  await page.getByRole("button", { name: "Find tables", exact: true }).click();
  await page.getByText(/^25,000 rows\./).waitFor();
  const before = await userCells(page, "Big", { from: 8, to: 11 }, { hash: true });
  const original = await cell(page, "Big", "B23002");
  // Typed over B23002 (a score in the second write chunk) right after the first request that wrote cells.
  await hook(page, "editCellAfterSyncs", { writes: 1 }, "Big", "B23002", 88);
  await button.click();
  const { text, items } = await stopMessage(page);
  assert.match(text, /^The run stopped: input cells changed during the run \(Big!B23002\), so no results were written from that part of the table on\./);
  const m = /^Rows 2–([\d,]+) of Big!I:L were written; rows ([\d,]+)–25,001 were not \(those cells are empty\)\.$/.exec(items[0]);
  assert.ok(m, `what was written: ${items[0]}`);
  assert.deepEqual(items.slice(1), STOP_TAIL);
  const lastRow = Number(m[1].replace(/,/g, ""));
  assert.equal(Number(m[2].replace(/,/g, "")), lastRow + 1);
  assert.ok(lastRow > 1 && lastRow < 23_002, `the rows written (2–${lastRow}) stop before the edited row`);
  assert.ok(!(await hook(page, "sheets")).includes("Summary"), "no summary sheet after a stopped run");
  // The edit stands; every other cell outside I:L is as it was.
  assert.deepEqual(await cell(page, "Big", "B23002"), { value: 88 });
  assert.deepEqual(await userCells(page, "Big", { from: 8, to: 11 }, { hash: true, patch: { B23002: original } }), before, "every other cell outside I:L is unchanged");
  const cols = sampleColumns(25_000);
  // Rows 2–lastRow hold the results for their inputs (computed here); the rows below are empty.
  const out = await bigValues(page, "Big", "I2:L25001");
  assertRows(out, (i) => (i + 2 <= lastRow ? expectedBands(cols[1][i + 1], cols[2][i + 1]) : ["", "", "", ""]), (i) => `Big row ${i + 2}`);
});

test("Table tools: Cancel during a 45,000-row run (progress shown) stops it while writing; the message says so, the rows written hold their results, the rest are empty, no user cell changed", async ({ page, server }) => {
  await openPreview(page, server);
  await hook(page, "addSampleSheet", "Big", 45_000);
  const button = await openTableTools(page);
  await page.getByRole("button", { name: "Find tables", exact: true }).click();
  await page.getByText(/^45,000 rows\./).waitFor();
  const before = await userCells(page, "Big", { from: 8, to: 11 }, { hash: true });
  // Requests that write cells take 0.8 s longer: the run writes about 15,000 rows a request (1 MB), so Cancel, pressed as soon
  // as the first has landed, lands while the second is under way, and the run stops before the third.
  await hook(page, "slowWriteSyncs", 800);
  await button.click();
  // Checked every frame (a locator's waitFor polls at up to 1 s, longer than a request takes): the label and the bar as shown.
  const shown = await page.waitForFunction(
    () => {
      const label = [...document.querySelectorAll("label")].find((l) => /^Grant bands: Writing rows/.test(l.textContent));
      return label && { label: label.textContent, value: document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow") };
    },
    null,
    { polling: "raf", timeout: 30_000 },
  );
  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  const { label, value } = await shown.jsonValue();
  const m = /^Grant bands: Writing rows \(([\d,]+) of 45,000\)$/.exec(label);
  assert.ok(m, `the progress label: ${label}`);
  const shownDone = Number(m[1].replace(/,/g, ""));
  assert.ok(Number(value) > 0.55 && Number(value) < 0.95, `the progress bar is part-way through writing (${value})`);
  const message = page.locator(".fui-MessageBar").filter({ hasText: "Stopped while writing" });
  await message.waitFor({ timeout: 30_000 });
  const said = (await message.innerText()).trim();
  assert.equal(await page.getByRole("progressbar").count(), 0, "the progress bar is gone");
  await hook(page, "slowWriteSyncs", 0);
  assert.ok(!(await hook(page, "sheets")).includes("Summary"), "no summary sheet after a cancelled run");
  assert.deepEqual(await userCells(page, "Big", { from: 8, to: 11 }, { hash: true }), before, "every cell outside I:L is unchanged");
  // I:L: the header row and a prefix of whole write requests hold this run's results; the rest is empty.
  assert.deepEqual((await values(page, "Big", "I1:L1"))[0], ["ABG band", "ABG allocation", "ABG band range", "Notes"]);
  const cols = sampleColumns(45_000);
  const out = await bigValues(page, "Big", "I2:L45001");
  const written = out.findIndex((r) => r.every((v) => v === ""));
  assert.ok(written >= shownDone && written < 45_000, `rows written: ${written} (the ${shownDone} shown when Cancel was pressed, and the request then under way; not all)`);
  // The message says exactly which rows hold results, and they are the rows the workbook holds.
  const fmt = (x) => x.toLocaleString("en-GB");
  assert.equal(said, `Stopped while writing. Rows 2–${fmt(written + 1)} of Big!I:L were written; rows ${fmt(written + 2)}–45,001 were not (those cells are empty). Your cells are untouched. Run the tool again to finish.`);
  assertRows(out, (i) => (i < written ? expectedBands(cols[1][i + 1], cols[2][i + 1]) : ["", "", "", ""]), (i) => `Big row ${i + 2}`);
});

test("Table tools: percentages all within 0–1 with no % format or header are read as fractions, and the message says so first, as a warning (issue 12.1)", async ({ page, server }) => {
  await openPreview(page, server);
  await hook(page, "addSampleSheet", "Fractions", 3);
  // Headers without a % and fractions in every percentage column: nothing says which scale they are on.
  await typeInto(page, 0, 1, "NI 1");
  await typeInto(page, 0, 3, "NVQ4+");
  await typeInto(page, 0, 4, "Rural");
  for (const r of [1, 2, 3]) {
    await typeInto(page, r, 1, "0.62");
    await typeInto(page, r, 2, "0.02");
    await typeInto(page, r, 3, "0.3");
    await typeInto(page, r, 4, "0.005");
  }
  const button = await openTableTools(page);
  await page.getByRole("button", { name: "Find tables", exact: true }).click();
  await page.getByText(/^3 rows\./).waitFor();
  await button.click();
  const bar = page.locator(".fui-MessageBar").filter({ hasText: "Percentages read as fractions (0.5 = 50%)" });
  await bar.waitFor({ timeout: 30_000 });
  const text = await bar.innerText();
  assert.match(text, /^Percentages read as fractions \(0\.5 = 50%\): every percentage in the table is within 0–1 and none has a % number format or a % header; set the scale to "percent" if 0\.5 means 0\.5%\. Wrote /);
  // In view without scrolling, at the top of the pane's Table tools.
  const box = await bar.boundingBox();
  assert.ok(box && box.y >= 0, "the message is on screen");
  const cols = await headerColumns(page, "Fractions");
  const band = cols.get("ABG band");
  assert.ok(band !== undefined, "an ABG band column was written");
  const rows = await values(page, "Fractions", `${colLetter(band)}2:${colLetter(band)}4`);
  assert.deepEqual(rows.map((r) => r[0]), [3, 3, 3], "0.62 read as 62%: band 3");
  const notes = await values(page, "Fractions", `${colLetter(cols.get("Notes"))}2:${colLetter(cols.get("Notes"))}2`);
  assert.match(String(notes[0][0]), /Percentages read as fractions/, "the row's note flags the guess too");
});

test("Table tools: values typed where Grant bands would write ask first, naming the range; Cancel writes nothing; Overwrite writes the results and changes nothing else", async ({ page, server }) => {
  await openPreview(page, server);
  // Family groups first: the toolkit's columns are O:R (Family type, Family type name, Family group, Notes). Grant bands then
  // adds its three columns inside that block, moving Notes right: O:U, so S:U are new. The user has typed into S7 and T10.
  await runTool(page, "Family groups");
  assert.deepEqual((await values(page, "Indicators", "O1:R1"))[0], ["Family type", "Family type name", "Family group", "Notes"]);
  const before = await userCells(page, "Indicators", { from: 14, to: 20 });
  await typeInto(page, 6, 18, "my figure");
  await typeInto(page, 9, 19, "42");
  assert.equal((await cell(page, "Indicators", "T10")).value, 42);
  const button = page.getByRole("button", { name: "Grant bands", exact: true });
  const dialog = page.getByRole("alertdialog", { name: "Overwrite cells?" });
  const ask = "Indicators!S7:T10 has 2 non-empty cells that are not the toolkit's; overwrite?";
  const shown = async () => (await dialog.innerText()).includes(ask);
  await assertEnabled(button);
  await button.click();
  await dialog.waitFor();
  assert.ok(await shown(), `the dialog names the range: ${await dialog.innerText()}`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.waitFor({ state: "hidden" });
  assert.deepEqual((await values(page, "Indicators", "O1:U1"))[0], ["Family type", "Family type name", "Family group", "Notes", "", "", ""], "Cancel: nothing written");
  assert.equal((await cell(page, "Indicators", "S7")).value, "my figure");
  assert.equal((await cell(page, "Indicators", "T10")).value, 42);
  await assertEnabled(button);
  await button.click();
  await dialog.waitFor();
  assert.ok(await shown(), "asked again");
  await dialog.getByRole("button", { name: "Overwrite" }).click();
  await page.getByText(/^Wrote Family type, Family type name, Family group, ABG band, ABG allocation, ABG band range, Notes to Indicators!O1:U353 as values/).waitFor({ timeout: 30_000 });
  const inputs = await values(page, "Indicators", "C2:D353");
  const out = await values(page, "Indicators", "R2:T353");
  inputs.forEach(([score, ci], i) => assert.deepEqual(out[i], expectedBands(score, ci), `row ${i + 2} (score ${JSON.stringify(score)})`));
  assert.equal((await cell(page, "Indicators", "S7")).value, AMOUNT[band(inputs[5][0])], "S7 holds the allocation now");
  assert.equal((await cell(page, "Indicators", "T10")).value, bandRange(inputs[8][0], inputs[8][1]), "T10 holds the band range now");
  assert.deepEqual(await userCells(page, "Indicators", { from: 14, to: 20 }), before, "every cell outside O:U is as it was before the user typed");
});

test("Table tools → live formulas: row 2 of each output column holds a spilled =COHESION.ABG.… formula whose values are the bands, amounts, ranges and notes", async ({ page, server }) => {
  await openPreview(page, server);
  const before = await userCells(page, "Indicators");
  await openTableTools(page);
  const live = page.getByRole("switch", { name: /Write live formulas/ });
  await live.check();
  assert.ok(await live.isChecked());
  await runTool(page, "Grant bands");
  await page.getByText(/^Wrote ABG band, ABG allocation, ABG band range, Notes to Indicators!O1:R353 as live formulas/).waitFor();
  const args = "C2:C353,D2:D353";
  const expected = { O2: `=COHESION.ABG.BAND(${args})`, P2: `=COHESION.ABG.ALLOCATION(${args})`, Q2: `=COHESION.ABG.RANGE(${args})`, R2: `=COHESION.ABG.EXPLAIN(${args})` };
  for (const [address, formula] of Object.entries(expected)) assert.equal((await cell(page, "Indicators", address)).formula, formula, address);
  for (const address of ["O3", "P200", "Q353", "R4"]) assert.equal((await cell(page, "Indicators", address)).formula, undefined, `${address} is a spilled value, not a formula`);
  assert.equal((await cell(page, "Indicators", "P3")).numberFormat, "£#,##0");
  const inputs = await values(page, "Indicators", "C2:D353");
  const out = await values(page, "Indicators", "O2:R354");
  inputs.forEach(([score, ci], i) => {
    const [b, amount, range, notes] = out[i];
    if (!validScore(score)) {
      assert.match(String(b), /^#(VALUE!|N\/A)$/, `row ${i + 2}: band of ${JSON.stringify(score)}`);
      return;
    }
    assert.deepEqual([b, amount, range], expectedBands(score, ci), `row ${i + 2} (score ${score} ± ${ci})`);
    const words = band(score) === 0 ? "no band" : `band ${band(score)}`;
    assert.ok(String(notes).includes(`→ ${words} (`), `row ${i + 2} note: ${notes}`);
    assert.ok(String(notes).includes("Score read as per cent"), `row ${i + 2} note names the scale: ${notes}`);
  });
  assert.deepEqual(out[352], ["", "", "", ""], "the spill ends at row 353");
  assert.match((await cell(page, "Indicators", "O5")).note ?? "", /must be a number; got the text "n\/a"/, "the bad score's message on its #VALUE!");
  assert.deepEqual(await userCells(page, "Indicators", { from: 14, to: 17 }), before, "every cell outside O:R is unchanged");
});

test("Loading with the workbook: on first use the pane sets Office.addin's startup behaviour to Load, says so once in a notice, and Got it / Don't load with this workbook are saved in the document's settings", async ({ page, server }) => {
  await openPreview(page, server);
  const notice = page.getByRole("group", { name: "This workbook now loads the toolkit when it opens" });
  await notice.waitFor({ timeout: 10_000 });
  await notice.getByText(/calculate as soon as you reopen it, without opening this pane \(instead of showing #NAME\?\)/).waitFor();
  let doc = await page.evaluate(() => window.__cohesionPreview.document());
  assert.equal(doc.startupBehavior, "Load");
  assert.equal(doc.saved["cohesion.v1|loadOnOpenNotice"], true);
  assert.equal(doc.saved["Office.ForceRefreshCustomFunctionsCache"], true, "a development build forces the metadata refresh");
  // The notice sits at the top of the pane, in view without scrolling.
  const box = await notice.boundingBox();
  assert.ok(box && box.y + box.height <= (page.viewportSize()?.height ?? 0), "the notice is in view");
  await notice.getByRole("button", { name: "Got it" }).click();
  await notice.waitFor({ state: "detached" });
  doc = await page.evaluate(() => window.__cohesionPreview.document());
  assert.equal(doc.startupBehavior, "Load");
  assert.equal("cohesion.v1|loadOnOpenNotice" in doc.saved, false);
  // A fresh document (the preview keeps settings in memory): turn it off instead.
  await openPreview(page, server);
  await notice.getByRole("button", { name: "Don't load with this workbook" }).click();
  await notice.waitFor({ state: "detached" });
  doc = await page.evaluate(() => window.__cohesionPreview.document());
  assert.equal(doc.startupBehavior, "None");
  assert.equal(doc.saved["cohesion.v1|loadOnOpenOff"], true);
});

test("Check an area: a score and the four proxies give the band, allocation, family type, family group and the rule that fired; bad values give clear errors; About lists the funding as printed", async ({ page, server }) => {
  await openPreview(page, server);
  const form = page.getByRole("region", { name: "Check an area" });
  const status = form.getByRole("status");
  await status.getByText("Enter a score or the four proxies.").waitFor();
  const fill = (label, v) => form.getByLabel(label, { exact: true }).fill(v);
  await fillCheck(page);
  const { typeInfo } = engine();
  const name = typeInfo(2).value.name;
  const lines = async () => (await status.innerText()).split("\n").map((t) => t.trim()).filter(Boolean);
  await status.getByText(/^Type 2 /).waitFor();
  // The form's labels say (%), so the percentages are read as per cent by the header rule, and the answer says so.
  assert.deepEqual(await lines(), [
    `Score 62.4% → band ${band(62.4)} ("below 65% but at least 60%"), £${AMOUNT[band(62.4)].toLocaleString("en-GB")}. GR ¶2.3. The interval 61.4%–63.4% stays within band 3. Score read as per cent: the header "Get on well together (%)" says per cent.`,
    `Type 2 (${name}): NVQ4+ 18% < 25 → less affluent; rural 10% < 50 → urban; A8 3 per 10,000 < 7 → stable; 1984 coal+textiles+steel jobs 2,400 ≥ 1,000 → manufacturing decline. CDF Part Two, Table 1. Type 2 → Family group b) ${name}. CDF Annex C. NVQ4+ share read as per cent: the header "NVQ4+ share (%)" says per cent; rural share read as per cent: the header "Rural share (%)" says per cent.`,
  ]);
  // A rural share below 1 typed into the form is that many per cent, never a fraction (issue 12.1).
  await fill("Rural share (%)", "0.5");
  await status.getByText(/rural 0\.5% < 50 → urban/).waitFor();
  await fill("Rural share (%)", "10");
  // Bad values: the field's own message, as an alert; the other answer stays.
  await fill("Get on well together (%)", "abc");
  await status.getByRole("alert").filter({ hasText: /^ABG: / }).waitFor();
  assert.equal((await lines())[0], `ABG: Score (get on well together %) must be a number; got the text "abc". Give a percentage, 0–100 (or 0–1 from an Excel % cell).`);
  assert.match((await lines())[1], /^Type 2 /);
  await fill("Get on well together (%)", "120");
  await status.getByText(/got 120\.$/).waitFor();
  assert.equal((await lines())[0], "ABG: Score (get on well together %) must be a percentage between 0 and 100 (or 0–1 as a fraction); got 120.");
  await fill("Rural share (%)", "150");
  await status.getByText(/^Family type: /).waitFor();
  assert.equal((await lines())[1], "Family type: Rural share must be a percentage between 0 and 100 (or 0–1 as a fraction); got 150.");
  await fill("Rural share (%)", "10");
  await fill("1984 coal, textiles and steel jobs", "");
  await status.getByText(/^Family type: 1984 coal, textiles and steel jobs are needed/).waitFor();
  assert.match((await lines())[1], /type 2 \(≥1,000 jobs\) or type 3 \(fewer\)/);
  // About: the £50m as printed, lines that add up to it, the caveat and the data version.
  await page.getByRole("tab", { name: "About" }).click();
  const table = page.getByRole("table", { name: "The £50m cohesion investment, as printed" });
  const amounts = (await table.locator("tr td:first-child").allInnerTexts()).map((t) => Number(t.replace(/[£m]/g, "")));
  assert.deepEqual(amounts, [34, 4.5, 3, 8, 0.5]);
  assert.equal(amounts.reduce((a, b) => a + b, 0), 50);
  const about = page.getByRole("region", { name: "About" });
  await about.getByText(/We will not use these to label, straight-jacket or pigeon-hole areas/).waitFor();
  await about.getByText(/^Framework data version \d{4}\.\d+\.\d+\.$/).waitFor();
  await shot(page, "about", PANE);
});

test("Table tools → Family groups: Family type, Family type name and Family group per row", async ({ page, server }) => {
  await openPreview(page, server);
  await runTool(page, "Family groups");
  const cols = await headerColumns(page, "Indicators");
  for (const h of ["Family type", "Family type name", "Family group"]) assert.ok(cols.has(h), `header ${h}`);
  const { classifyFamilyType, typeInfo, familyGroupFor } = engine();
  const inputs = await values(page, "Indicators", "F2:J353"); // NVQ4+, rural, A8, jobs, single issue
  const out = await values(page, "Indicators", `${colLetter(cols.get("Family type"))}2:${colLetter(cols.get("Family group"))}353`);
  const formulaTypes = await values(page, "Indicators", "N2:N353");
  let checked = 0;
  inputs.forEach(([nvq4, rural, a8, jobs, single], i) => {
    if (![nvq4, rural, a8].every((v) => typeof v === "number") || (jobs !== "" && typeof jobs !== "number")) return;
    const r = classifyFamilyType({ nvq4, rural, a8, jobs1984: jobs === "" ? null : jobs });
    if (!r.ok) {
      assert.equal(out[i][0], "", `row ${i + 2}: no type when the engine refuses (${r.error.message})`);
      return;
    }
    const type = r.value.type;
    const group = familyGroupFor(type, single === true);
    assert.equal(out[i][0], type, `row ${i + 2} family type`);
    assert.equal(out[i][1], typeInfo(type).value.name, `row ${i + 2} type name`);
    assert.equal(out[i][2], group.ok && group.value ? group.value : "", `row ${i + 2} family group`);
    assert.equal(formulaTypes[i][0], type, `row ${i + 2}: the sheet's own FAMILYTYPE formula (column N) agrees`);
    checked++;
  });
  assert.ok(checked > 300, `${checked} rows checked`);
  // The pane's summary counts the areas by type: the same counts as the sheet's column.
  const byType = page.getByRole("table", { name: "Areas by family type, with Table 1 averages" });
  await byType.waitFor();
  const counts = new Map();
  for (const [t] of out) if (typeof t === "number") counts.set(t, (counts.get(t) ?? 0) + 1);
  const shown = new Map();
  for (const r of await byType.locator("tbody tr").all()) {
    const [type, areas] = await r.locator("td").allInnerTexts();
    if (Number(areas.replace(/,/g, ""))) shown.set(Number(/^(\d)\./.exec(type)[1]), Number(areas.replace(/,/g, "")));
  }
  assert.deepEqual(shown, counts, "the summary's areas per family type are the sheet's");
  await clickCell(page, 1, 14);
  await page.getByRole("heading", { name: "Summary" }).evaluate((el) => el.scrollIntoView({ block: "start" }));
  await shot(page, "family-groups", PANE);
});

test("Action plan: select a row in the grid, Use the selected row, tick an issue, Insert action plan → sheet 'Action plan'", async ({ page, server }) => {
  await openPreview(page, server);
  const [[area]] = await values(page, "Indicators", "A7");
  await clickCell(page, 6, 2);
  assert.deepEqual(await hook(page, "selection"), { sheet: "Indicators", address: "C7" });
  await page.getByRole("tab", { name: "Action plan" }).click();
  await page.getByRole("button", { name: "Use the selected row" }).click();
  await page.getByText(area, { exact: false }).first().waitFor();
  await page.getByText(/row 7/).first().waitFor();
  const issue = page.getByRole("checkbox", { name: /^I01 / });
  await issue.check();
  await page.getByText(/^Ranked actions \(\d+\)/).waitFor();
  await page.locator("#container").evaluate((c) => (c.scrollTop = 0));
  await shot(page, "action-plan", PANE);
  await page.getByRole("button", { name: "Insert action plan" }).click();
  await page.getByText(/The plan is on the new sheet "Action plan"/).waitFor({ timeout: 20_000 });
  assert.deepEqual(await hook(page, "sheets"), ["About", "Indicators", "Action plan"]);
  const sheet = await values(page, "Action plan", "A1:I60");
  assert.equal(sheet[0][0], `Cohesion action plan: ${area}`);
  const top = sheet.findIndex((r) => r[0] === "Action" && r[1] === "Issues addressed");
  assert.ok(top > 0, "the Annex F table header");
  assert.deepEqual(sheet[top], ANNEX_F_COLUMNS);
  const rows = sheet.slice(top + 1).filter((r) => r[0] !== "");
  assert.ok(rows.length >= 6, `${rows.length} action rows (ranked actions and U1–U5)`);
  assert.ok(rows.some((r) => String(r[1]).includes("I01")), "a row addresses I01");
  // The grid shows the new sheet.
  await page.locator('.pv-tab[aria-current="true"]', { hasText: "Action plan" }).waitFor();
  await shot(page, "action-plan-sheet");
});

test("Action plan: codes beside titles, as the command line and the plan sheet show them: issues (I01), ranked actions (A06), the five universal actions (U1), approaches to avoid (X01) and, with the LGA guide, its ids", async ({ page, server }) => {
  await openPreview(page, server);
  await page.getByRole("tab", { name: "Action plan" }).click();
  await page.getByRole("checkbox", { name: /^I01 Lack of respect for ethnic difference$/ }).check();
  await page.getByRole("checkbox", { name: /^I15 / }).check();
  await page.getByText(/^Ranked actions \(\d+\)/).waitFor();
  // Each ranked action's checkbox: "A06 Promote cohesion duty … — addresses 1 of your issues (I01)".
  const plan = page.getByRole("region", { name: "Action plan" });
  const actions = await plan.getByRole("checkbox", { name: / — addresses \d+ of your issues / }).evaluateAll((els) => els.map((e) => e.closest(".fui-Checkbox")?.textContent ?? ""));
  assert.ok(actions.length >= 3, "the ranked actions are listed");
  for (const a of actions) assert.match(a, /^A\d\d \S/, "a ranked action shows its code before its title");
  assert.ok(actions.some((a) => a.startsWith("A08 Promote ESOL classes")), `A08 is among the actions: ${actions.join(" | ")}`);
  // The code is on the same line as the start of its title (beside it, not above).
  const u1 = plan.getByText("U1 Local authority and other local leaders to provide leadership", { exact: true });
  await u1.waitFor();
  assert.ok(await u1.isVisible(), "U1 is shown beside its title");
  await plan.getByRole("button", { name: /Approaches to avoid/ }).click();
  await plan.getByRole("checkbox", { name: /^X01 We avoid this: / }).waitFor();
  // With the LGA's 2019 guide: its actions carry the guide's ids (e.g. A-KT2-04, CL-KT1-COVER).
  await plan.getByRole("switch", { name: /Include the LGA's 2019 guide/ }).check();
  await page.getByText(/^LGA 2019 · linked by this add-in$/).first().waitFor();
  const lga = await plan.getByRole("checkbox", { name: /^(A|CL)-[A-Z0-9]+-\S+ .+ — addresses / }).count();
  assert.ok(lga > 0, "the LGA guide's actions show their ids");
});

test("formulas typed into the grid: COHESION.ABG.ALLOCATION(59) → 540000; a bad input shows its error text; edits recalculate; a blocked spill shows #SPILL!", async ({ page, server }) => {
  await openPreview(page, server);
  await typeInto(page, 1, 15, "=COHESION.ABG.ALLOCATION(59)");
  assert.deepEqual(await cell(page, "Indicators", "P2"), { value: 540000, formula: "=COHESION.ABG.ALLOCATION(59)" });
  await typeInto(page, 2, 15, '=COHESION.ABG.BAND("abc")');
  const p3 = await cell(page, "Indicators", "P3");
  assert.equal(p3.value, "#VALUE!");
  assert.match(p3.note, /must be a number; got the text "abc"/);
  await clickCell(page, 2, 15);
  assert.equal(await page.getByRole("textbox", { name: "Formula bar" }).inputValue(), '=COHESION.ABG.BAND("abc")');
  await page.locator(".pv-status").getByText(/P3: #VALUE! — .*must be a number; got the text "abc"/).waitFor();
  assert.match((await page.locator("#pv-cell-2-15").getAttribute("title")) ?? "", /got the text "abc"/);
  await shot(page, "formula-error");
  // An edit recalculates the spilled formula that reads it: C3 68 → 59 moves M3 from band 4 to band 2.
  assert.equal((await cell(page, "Indicators", "M3")).value, 280000);
  await typeInto(page, 2, 2, "59");
  assert.equal((await cell(page, "Indicators", "C3")).value, 59);
  assert.equal((await cell(page, "Indicators", "M3")).value, 540000);
  // A spill blocked by a value shows #SPILL!, and spills again when the value is cleared.
  await typeInto(page, 4, 19, "blocker");
  await typeInto(page, 1, 19, "=COHESION.ISSUES()");
  const t2 = await settledCell(page, "Indicators", "T2");
  assert.equal(t2.value, "#SPILL!");
  assert.match(t2.note, /not empty/);
  await clickCell(page, 4, 19);
  await page.keyboard.press("Delete");
  const issues = await values(page, "Indicators", "T2:T24");
  assert.ok(issues.every(([v]) => /^I\d\d$/.test(String(v))), `T2:T24 hold the 23 issue codes, got ${JSON.stringify(issues.slice(0, 3))}…`);
});

test("keyboard only: pick row 7 in the grid, reach the Action plan tab, use the row, tick an issue with Space, see the actions, insert the plan with Enter", async ({ page, server }) => {
  await openPreview(page, server);
  const focused = () => page.evaluate(() => ({ role: document.activeElement?.getAttribute("role") ?? "", name: document.activeElement?.getAttribute("aria-label") ?? "", text: (document.activeElement?.textContent ?? "").trim() }));
  const tabUntil = async (ok, max, what) => {
    for (let i = 0; i < max; i++) {
      if (await ok()) return;
      await page.keyboard.press("Tab");
    }
    assert.ok(await ok(), `Tab reaches ${what}`);
  };
  // The grid is one tab stop; the arrow keys move the selection, as in Excel.
  await tabUntil(async () => (await focused()).role === "grid", 20, "the grid");
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowDown");
  assert.deepEqual(await hook(page, "selection"), { sheet: "Indicators", address: "A7" });
  // Fluent's TabList is one tab stop too; the arrow keys move between tabs (the WAI-ARIA tabs pattern), Enter selects.
  await tabUntil(async () => (await focused()).role === "tab", 20, "the pane's tab list");
  // (A tab shows a short label; its accessible name, aria-label, is the view's name.)
  for (let i = 0; i < 6 && (await focused()).name !== "Action plan"; i++) await page.keyboard.press("ArrowRight");
  assert.equal((await focused()).name, "Action plan", "the arrow keys reach the Action plan tab");
  await page.keyboard.press("Enter");
  assert.equal(await page.getByRole("tab", { name: "Action plan" }).getAttribute("aria-selected"), "true");
  // The view loads on first use (a lazy chunk): wait for it to be there before tabbing into it, as a person would.
  await page.getByRole("button", { name: "Use the selected row" }).waitFor();
  await tabUntil(async () => (await focused()).text === "Use the selected row", 20, "Use the selected row");
  await page.keyboard.press("Enter");
  await page.getByText(/row 7/).first().waitFor();
  const isI01 = () => page.evaluate(() => document.activeElement?.getAttribute("type") === "checkbox" && /^I01 /.test(document.activeElement.closest(".fui-Checkbox")?.textContent ?? ""));
  await tabUntil(isI01, 80, "the I01 checkbox");
  await page.keyboard.press("Space");
  assert.ok(await page.getByRole("checkbox", { name: /^I01 / }).isChecked());
  await page.getByText(/^Ranked actions \(\d+\)/).waitFor();
  await tabUntil(async () => (await focused()).text === "Insert action plan", 200, "Insert action plan");
  await page.keyboard.press("Enter");
  await page.getByText(/The plan is on the new sheet "Action plan"/).waitFor({ timeout: 20_000 });
  assert.ok((await hook(page, "sheets")).includes("Action plan"));
});

test("Peers & mix: nearest areas and the family-type mix from the sample, each written to a new sheet", async ({ page, server }) => {
  await openPreview(page, server);
  const tab = page.getByRole("tab", { name: "Peers & mix" });
  if (!(await tab.count())) throw new Error("the pane has no 'Peers & mix' tab");
  await tab.click();
  await page.getByRole("button", { name: "Find tables on this sheet" }).click();
  await page.getByRole("button", { name: "Find peers" }).waitFor();
  const [[area]] = await values(page, "Indicators", "A2");
  for (const label of ["NVQ4+ %", "Rural %", "A8 per 10,000"]) await page.getByRole("checkbox", { name: label, exact: true }).check();
  await page.getByRole("textbox", { name: "Area" }).fill(area);
  const find = page.getByRole("button", { name: "Find peers" });
  if (!(await find.isEnabled())) {
    // the area-name column is chosen by hand when the view does not propose one
    await page.getByRole("combobox", { name: "Column of area names" }).click();
    await page.getByRole("option", { name: "Area", exact: true }).click();
  }
  await assertEnabled(find);
  await find.click();
  const peers = page.getByRole("table", { name: `Nearest areas to ${area}` });
  await peers.waitFor();
  const names = new Set((await values(page, "Indicators", "A2:A353")).map(([v]) => v));
  const rows = await peers.locator("tbody tr").allTextContents();
  assert.equal(rows.length, 15, "15 peers by default");
  await peers.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await shot(page, "peers-and-mix", PANE);
  await page.getByRole("button", { name: "Write peers sheet" }).click();
  await page.getByText(/Written to the new sheet "Peers /).waitFor();
  const sheet = (await hook(page, "sheets")).find((n) => n.startsWith("Peers "));
  assert.ok(sheet, "a Peers sheet");
  const grid = await values(page, sheet, "A1:C40");
  const top = grid.findIndex((r) => r[0] === "Rank" && r[1] === "Area" && r[2] === "Distance");
  assert.ok(top > 0, "the peers table header");
  const body = grid.slice(top + 1, top + 16);
  assert.deepEqual(body.map((r) => r[0]), Array.from({ length: 15 }, (_, i) => i + 1));
  assert.ok(body.every((r) => names.has(r[1]) && r[1] !== area), "peers are other areas of the sheet");
  assert.ok(body.every((r, i) => i === 0 || r[2] >= body[i - 1][2]), "distances ascend");
  // The new sheet is active at A1, finished (rows through the table header frozen, distances to 3 places); Go to the sheet returns to it.
  assert.deepEqual(await hook(page, "selection"), { sheet, address: "A1" });
  const peersLook = await hook(page, "look", sheet);
  assert.equal(peersLook.frozenRows, top + 1);
  assert.equal((await cell(page, sheet, `C${top + 2}`)).numberFormat, "0.000");
  await page.locator(".pv-tab", { hasText: "Indicators" }).click();
  await page.locator("[data-outcome]").getByRole("button", { name: "Go to the sheet" }).click();
  await page.waitForFunction((name) => window.__cohesionPreview.selection()?.sheet === name, sheet);
  assert.deepEqual(await hook(page, "selection"), { sheet, address: "A1" });
  // Type mix: back on the Indicators sheet (the view reads the table it found there).
  await page.getByRole("button", { name: "Type mix", exact: true }).click();
  await page.getByRole("table", { name: "Family-type mix" }).waitFor();
  await page.getByRole("button", { name: "Write type mix sheet" }).click();
  await page.getByText(/Written to the new sheet "Type mix"/).waitFor();
  const mix = await values(page, "Type mix", "A1:E20");
  const head = mix.findIndex((r) => r[0] === "Type" && r[1] === "Name");
  assert.ok(head > 0, "the type mix table header");
  assert.deepEqual(mix[head], ["Type", "Name", "Sub-areas", "Population", "Share"]);
  const shares = mix.slice(head + 1).filter((r) => typeof r[0] === "number").map((r) => r[4]);
  // The share is a fraction shown as a per cent (0.0%), rounded as the pane shows it (to 0.1%).
  assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) - 1) < 0.006, `shares add up to 100% (${shares.join(", ")})`);
  assert.equal((await cell(page, "Type mix", `E${head + 2}`)).numberFormat, "0.0%");
});

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

test("Recs: search and filter the 57 recommendations, open one (report paragraph, response, source); Write the tracker sheet → 57 rows with Status, Owner, Date and Notes; written again, it keeps what was typed", async ({ page, server }) => {
  await openPreview(page, server);
  await page.getByRole("tab", { name: RECS, exact: true }).click();
  const view = page.getByRole("region", { name: "The Commission's recommendations" });
  const count = view.getByRole("status");
  await count.filter({ hasText: /^All 57 recommendations$/ }).waitFor();
  const numbers = async () => (await view.locator("h3").allInnerTexts()).map((t) => Number(/^(\d+)\./.exec(t.trim())?.[1]));
  assert.deepEqual(await numbers(), Array.from({ length: 57 }, (_, i) => i + 1));
  // Search, then whom it is for: the engine's matches (commission.ts, run here in Node), and only they.
  const shows = async (filter) => {
    const want = recommendationNumbers(filter);
    await count.filter({ hasText: new RegExp(`^${want.length} of 57 recommendations${want.length ? "$" : ": none match"}`) }).waitFor();
    assert.deepEqual(await numbers(), want, JSON.stringify(filter));
    return want;
  };
  await view.getByRole("searchbox", { name: "Search" }).fill("myth");
  assert.ok((await shows({ query: "myth" })).length > 3);
  await view.getByRole("combobox", { name: "For (whom the text names)" }).click();
  await page.getByRole("option", { name: "Local authorities and local areas", exact: true }).click();
  assert.deepEqual(await shows({ query: "myth", audience: "local-government" }), [31, 32, 33]);
  await view.getByRole("searchbox", { name: "Search" }).fill("myth zzzz");
  assert.deepEqual(await shows({ query: "myth zzzz", audience: "local-government" }), []);
  await view.getByRole("searchbox", { name: "Search" }).fill("");
  await shows({ audience: "local-government" });
  await view.getByRole("combobox", { name: "For (whom the text names)" }).click();
  await page.getByRole("option", { name: "Anyone", exact: true }).click();
  await view.getByRole("combobox", { name: "Theme" }).click();
  await page.getByRole("option", { name: "Housing, regeneration and assets", exact: true }).click();
  assert.deepEqual(await shows({ theme: "housing" }), [47, 48, 50, 51, 52, 53, 54]);
  // One opened: its text, report paragraph and the response with its source.
  await view.getByRole("button", { name: /^51\. / }).click();
  const panel = view.getByText(/^Our Shared Future \(June 2007\), report ¶[\d.]+ · For: /).first();
  await panel.waitFor();
  assert.match(await panel.innerText(), /\(REC Recommendation 51; report ¶[\d.]+\)$/);
  await view.getByText(/\(GR Section 4, recommendation 51; the reading “[^”]+” is this add-in's\)$/).waitFor();
  await assertNoOverflow(page, "Recs, a recommendation open");
  await axeScan(page, "Recs, filtered, a recommendation open");
  // The shot: from the search box down (the filters, the count, the list with one open).
  await view.getByRole("search").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await shot(page, "recommendations", PANE);
  // The tracker sheet.
  await view.getByRole("button", { name: "Write the tracker sheet" }).click();
  const outcome = page.locator("[data-outcome]").filter({ hasText: /^The tracker is on the new sheet "Recommendations tracker"/ });
  await outcome.waitFor({ timeout: 20_000 });
  assert.deepEqual(await hook(page, "sheets"), ["About", "Indicators", "Recommendations tracker"]);
  const sheet = await values(page, "Recommendations tracker", "A1:N70");
  assert.match(String(sheet[0][0]), /57 recommendations: tracker$/);
  assert.deepEqual(sheet[4].slice(0, 13), TRACKER_HEADER);
  assert.equal(sheet[4][13], "", "nothing right of the table");
  const body = sheet.slice(5).filter((r) => r[0] !== "");
  assert.deepEqual(body.map((r) => r[0]), Array.from({ length: 57 }, (_, i) => i + 1));
  assert.ok(body.every((r) => r.slice(9, 13).every((v) => v === "")), "Status, Owner, Date and Notes are empty");
  assert.ok(body.every((r) => typeof r[1] === "string" && r[4] !== "" && r[5] !== ""), "each row has its report reference, text and response");
  const look = await hook(page, "look", "Recommendations tracker");
  assert.deepEqual(look.tables.map((t) => [t.name, t.address]), [["CohesionRecommendationTracker", "A5:M62"]]);
  assert.equal(look.frozenRows, 5);
  await page.locator('.pv-tab[aria-current="true"]', { hasText: "Recommendations tracker" }).waitFor();
  await shot(page, "recommendations-tracker");
  // Typed in the grid, then written again: the text is kept.
  await typeInto(page, 5, 9, "In progress");
  await typeInto(page, 5, 10, "Policy team");
  await view.getByRole("button", { name: "Write the tracker sheet" }).click();
  await page.locator("[data-outcome]").filter({ hasText: /^Updated the tracker on "Recommendations tracker": 57 recommendations matched by No\., its text already up to date/ }).waitFor({ timeout: 20_000 });
  assert.deepEqual((await values(page, "Recommendations tracker", "A6:K6"))[0].slice(9), ["In progress", "Policy team"]);
  assert.deepEqual(await hook(page, "sheets"), ["About", "Indicators", "Recommendations tracker"]);
}, { context: { bypassCSP: true } });

// ------------------------------------------------------------------------------------------------
// Excel's pane width: the task pane opens about 350 px wide and can be narrowed to about 320 (issue 15.2).
// ?pane=only shows the pane alone, as wide as the window, so the page's own scrolling is the pane's.

/** The page scrolls sideways (document.scrollingElement.scrollWidth > clientWidth), or an element runs past the pane's right edge. */
async function overflow(page) {
  return page.evaluate(() => {
    const root = document.scrollingElement;
    const width = root.clientWidth;
    const past = [...document.querySelectorAll("#container *")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 0.5 && getComputedStyle(el).visibility !== "hidden";
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${typeof el.className === "string" && el.className ? `.${el.className.split(" ")[0]}` : ""} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth: root.scrollWidth, clientWidth: width, past };
  });
}

async function assertNoOverflow(page, where) {
  const o = await overflow(page);
  assert.ok(o.scrollWidth <= o.clientWidth, `${where}: the page scrolls sideways (scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth})`);
  assert.deepEqual(o.past, [], `${where}: elements run past the pane's right edge`);
}

/** The element's text is shown whole: not clipped by itself or by any ancestor, inside the pane's width, no ellipsis. */
async function assertShownWhole(locator, what) {
  const problem = await locator.evaluate((el) => {
    const width = document.scrollingElement.clientWidth;
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > width + 0.5) return `runs outside the pane (${Math.round(r.left)}–${Math.round(r.right)} of ${width} px)`;
    for (const e of [el, ...el.querySelectorAll("*")]) {
      const st = getComputedStyle(e);
      if (e.scrollWidth > e.clientWidth + 1 && st.overflowX !== "visible") return `${e.tagName.toLowerCase()} clips its text sideways (${e.scrollWidth} > ${e.clientWidth})`;
      if (e.scrollHeight > e.clientHeight + 1 && st.overflowY !== "visible" && st.overflowY !== "auto") return `${e.tagName.toLowerCase()} clips its text (${e.scrollHeight} > ${e.clientHeight} px high)`;
      if (st.textOverflow === "ellipsis" && e.scrollWidth > e.clientWidth) return `${e.tagName.toLowerCase()} cuts its text with an ellipsis`;
    }
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const st = getComputedStyle(a);
      if (st.overflowX === "visible" && st.overflowY === "visible") continue;
      const b = a.getBoundingClientRect();
      if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || (st.overflowY === "hidden" && (r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5))) return `cut off by its container ${a.tagName.toLowerCase()}`;
    }
    return null;
  });
  assert.equal(problem, null, `${what} is not shown whole`);
}

for (const width of [320, 350]) {
  test(`Excel's pane width, ${width} px: no view scrolls sideways, the six tabs sit on one line, a long error message and a run's message are shown whole`, async ({ page, server }) => {
    await openPreview(page, server, "?pane=only");
    // The tabs: one line (the same top), every one inside the pane.
    const tabs = await page.getByRole("tab").evaluateAll((els) => els.map((t) => ({ name: t.getAttribute("aria-label") ?? t.textContent, top: Math.round(t.getBoundingClientRect().top), right: t.getBoundingClientRect().right })));
    assert.deepEqual(tabs.map((t) => t.name), KNOWN_VIEWS);
    assert.equal(new Set(tabs.map((t) => t.top)).size, 1, `the tabs are on one line: ${JSON.stringify(tabs)}`);
    const clientWidth = await page.evaluate(() => document.scrollingElement.clientWidth);
    for (const t of tabs) assert.ok(t.right <= clientWidth, `the ${t.name} tab is inside the pane (${t.right} > ${clientWidth})`);
    await assertNoOverflow(page, "Check an area");
    // A long error: a value pasted with no spaces in it (the message quotes its first 37 characters, unbroken).
    const form = page.getByRole("region", { name: "Check an area" });
    const pasted = "sixty-two-point-four-per-cent-from-the-2008-place-survey-table-A1";
    await form.getByLabel("Get on well together (%)", { exact: true }).fill(pasted);
    const alert = form.getByRole("alert").filter({ hasText: /^ABG: / });
    await alert.waitFor();
    assert.match((await alert.innerText()).replace(/\s+/g, " "), /got the text "sixty-two-point-four-per-cent-from-th…"\. Give a percentage, 0–100 \(or 0–1 from an Excel % cell\)\.$/);
    await assertShownWhole(alert, "the long error message");
    await assertNoOverflow(page, "Check an area with a long error");
    if (width === 320) await shot(page, "pane-320-error");
    // Every other view, and a run's message (Table tools → Grant bands on the sample).
    for (const view of KNOWN_VIEWS.slice(1)) {
      await page.getByRole("tab", { name: view, exact: true }).click();
      if (view === "Table tools") {
        await runTool(page, "Grant bands");
        const message = page.locator(".fui-MessageBar").filter({ hasText: /^Wrote / }).first();
        await assertShownWhole(message, "the run's message");
      }
      if (view === "Action plan") {
        await page.getByRole("checkbox", { name: /^I01 / }).check();
        await page.getByText(/^Ranked actions \(\d+\)/).waitFor();
      }
      if (view === "Peers & mix") {
        await page.getByRole("button", { name: "Find tables on this sheet" }).click();
        await page.getByRole("button", { name: "Find peers" }).waitFor();
      }
      await assertNoOverflow(page, view);
    }
  }, { context: { viewport: { width, height: 900 } } });
}

// Issue 15, where did it go: what is VISIBLE after a run, on a 1024×768 screen.
const SMALL_SCREEN = { viewport: { width: 1024, height: 768 } };

/** Where an element is on screen, and whether all of it is inside the viewport and inside each box given (a scrolling area). */
async function onScreen(page, locator, ...within) {
  const box = await locator.boundingBox();
  assert.ok(box, "the element is rendered");
  const vp = page.viewportSize();
  const inside = (b, o) => b.x >= o.x - 0.5 && b.y >= o.y - 0.5 && b.x + b.width <= o.x + o.width + 0.5 && b.y + b.height <= o.y + o.height + 0.5;
  const areas = [{ x: 0, y: 0, width: vp.width, height: vp.height }];
  for (const w of within) areas.push(await w.boundingBox());
  return { box, visible: areas.every((a) => inside(box, a)) };
}

/**
 * The grid's cell is drawn, selected, and wholly within the sheet's scrolling area (right of the row numbers, below the
 * column letters); with `partly`, its top-left corner is (a block wider than the window shows from its left edge, as in Excel).
 */
async function cellInGrid(page, row, column, { partly = false } = {}) {
  const td = page.locator(`#pv-cell-${row}-${column}`);
  assert.equal(await td.count(), 1, `cell ${row},${column} is drawn`);
  const scroller = await page.locator(".pv-scroller").boundingBox();
  const rowHead = await page.locator(".pv-rowhead").first().boundingBox();
  const colHead = await page.locator(".pv-colhead").first().boundingBox();
  const area = { x: rowHead.x + rowHead.width, y: colHead.y + colHead.height, width: scroller.x + scroller.width - (rowHead.x + rowHead.width), height: scroller.y + scroller.height - (colHead.y + colHead.height) };
  const corner = { boundingBox: async () => ({ ...(await td.boundingBox()), width: 1, height: 1 }) };
  const { visible, box } = await onScreen(page, partly ? corner : td, { boundingBox: async () => area });
  assert.ok(visible, `cell ${row},${column} (${JSON.stringify(box)}) is ${partly ? "partly " : ""}in view in the grid (${JSON.stringify(area)})`);
  assert.equal(await td.getAttribute("aria-selected"), "true", `cell ${row},${column} is selected`);
}

test("Where did it go (1024×768): after Grant bands the outcome is at the top of the pane, in view, and the grid shows the results selected; Go to results selects them again, Go to summary opens the Summary sheet at A1", async ({ page, server }) => {
  await openPreview(page, server);
  const container = page.locator("#container");
  await runTool(page, "Grant bands");
  const outcome = page.locator("[data-outcome]").filter({ hasText: /^Wrote / });
  await outcome.waitFor();
  // The message and its actions are in view: in the window and in the pane's own scrolling area (the button pressed was below the fold).
  const message = await onScreen(page, outcome.getByText(/^Wrote ABG band, ABG allocation, ABG band range, Notes to Indicators!O1:R353/), container);
  assert.ok(message.visible, `the outcome message is in view (${JSON.stringify(message.box)})`);
  const goResults = outcome.getByRole("button", { name: "Go to results" });
  const goSummary = outcome.getByRole("button", { name: "Go to summary" });
  for (const b of [goResults, goSummary]) assert.ok((await onScreen(page, b, container)).visible, "its actions are in view");
  // It is the first thing in the view, above the form.
  const intro = await page.getByText(/^Grant bands and family groups for every row/).boundingBox();
  assert.ok(message.box.y < intro.y, "the outcome is above the view's first paragraph");
  // Excel (here, the preview's grid) shows the results: the data's sheet, the toolkit's columns selected and scrolled to.
  assert.deepEqual(await hook(page, "selection"), { sheet: "Indicators", address: "O1:R353" });
  assert.equal(await page.getByRole("textbox", { name: "Name box" }).inputValue(), "O1:R353");
  await page.locator('.pv-tab[aria-current="true"]', { hasText: "Indicators" }).waitFor();
  // O–Q wholly in view; R (Notes, 60 characters wide) from its left edge, the block being wider than the grid here.
  for (const c of [14, 15, 16]) await cellInGrid(page, 0, c);
  await cellInGrid(page, 0, 17, { partly: true });
  const widths = (await hook(page, "look", "Indicators")).columnWidths;
  assert.deepEqual(Object.keys(widths), ["O", "P", "Q", "R"], "the new columns, and only they, get widths");
  const rangeCell = await page.locator("#pv-cell-2-16").boundingBox();
  assert.ok(Math.abs(rangeCell.width - widths.Q / 0.75) <= 2 && rangeCell.width > 150, `the band range column is wide enough for "band 4 or band 5" (${rangeCell.width} px)`);
  await shot(page, "where-results");
  // Elsewhere, then back: Go to results selects the block again (and the grid scrolls back to it).
  await page.locator(".pv-scroller").evaluate((el) => (el.scrollLeft = 0));
  await clickCell(page, 10, 0);
  assert.deepEqual(await hook(page, "selection"), { sheet: "Indicators", address: "A11" });
  assert.equal(await page.locator("#pv-cell-0-14").count(), 1);
  assert.ok(!(await onScreen(page, page.locator("#pv-cell-0-17"), page.locator(".pv-scroller"))).visible, "column R is out of view before Go to results");
  await goResults.click();
  await page.waitForFunction(() => window.__cohesionPreview.selection()?.address === "O1:R353");
  await cellInGrid(page, 0, 14);
  await cellInGrid(page, 1, 17, { partly: true });
  // Go to summary: the Summary sheet, at A1, its table in view.
  await goSummary.click();
  await page.locator('.pv-tab[aria-current="true"]', { hasText: "Summary" }).waitFor();
  assert.deepEqual(await hook(page, "selection"), { sheet: "Summary", address: "A1" });
  await cellInGrid(page, 0, 0);
  const summary = await values(page, "Summary", "A1:C12");
  const bandHead = summary.findIndex((r) => r[0] === "ABG band");
  assert.ok(bandHead > 0, "the band table");
  const head = await onScreen(page, page.locator(`#pv-cell-${bandHead}-2`), page.locator(".pv-scroller"));
  assert.ok(head.visible, "the band table's header is in view");
  // The Summary sheet is finished: widths the pane set (the grid draws them), the title row frozen.
  const look = await hook(page, "look", "Summary");
  assert.equal(look.frozenRows, 1);
  assert.ok(look.columnWidths.A >= 200, `column A is wide enough for its labels (${look.columnWidths.A} pt)`);
  const a = await page.locator("#pv-cell-2-0").boundingBox();
  assert.ok(Math.abs(a.width - look.columnWidths.A / 0.75) <= 2, `the grid draws column A at the width set (${a.width} px)`);
}, { context: SMALL_SCREEN });

test("Where did it go (1024×768): Insert action plan opens the new sheet at A1, finished (widths, wrap, frozen title, table style); the outcome is in view at the top of the pane; Go to the plan returns to it", async ({ page, server }) => {
  await openPreview(page, server);
  await clickCell(page, 6, 2);
  await page.getByRole("tab", { name: "Action plan" }).click();
  await page.getByRole("button", { name: "Use the selected row" }).click();
  await page.getByText(/row 7/).first().waitFor();
  await page.getByRole("checkbox", { name: /^I01 / }).check();
  await page.getByText(/^Ranked actions \(\d+\)/).waitFor();
  await page.getByRole("button", { name: "Insert action plan" }).click();
  const outcome = page.locator("[data-outcome]").filter({ hasText: /The plan is on the new sheet "Action plan"/ });
  await outcome.waitFor({ timeout: 20_000 });
  const container = page.locator("#container");
  assert.ok((await onScreen(page, outcome.getByText(/The plan is on the new sheet/), container)).visible, "the outcome message is in view");
  const go = outcome.getByRole("button", { name: "Go to the plan" });
  assert.ok((await onScreen(page, go, container)).visible, "its action is in view");
  assert.ok((await outcome.boundingBox()).y < (await page.getByRole("heading", { name: "1. The area" }).boundingBox()).y, "above the view's first heading");
  // The grid shows the new sheet at A1.
  await page.locator('.pv-tab[aria-current="true"]', { hasText: "Action plan" }).waitFor();
  assert.deepEqual(await hook(page, "selection"), { sheet: "Action plan", address: "A1" });
  await cellInGrid(page, 0, 0);
  const sheet = await values(page, "Action plan", "A1:I60");
  const top = sheet.findIndex((r) => r[0] === "Action" && r[1] === "Issues addressed");
  const look = await hook(page, "look", "Action plan", ["A1", `A${top + 2}`]);
  assert.deepEqual(Object.keys(look.columnWidths), ["A", "B", "C", "D", "E", "F", "G", "H", "I"], "every plan column has its width");
  assert.equal(look.columnWidths.A, (50 * 7 + 5) * 0.75, "the Action column at the widest a column gets (50 characters)");
  assert.equal(look.cells[`A${top + 2}`].wrapText, true, "long actions wrap");
  assert.equal(look.frozenRows, 1);
  assert.deepEqual(look.tables.map((t) => t.style), ["TableStyleMedium2"]);
  assert.deepEqual(look.pageLayout, { orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$1:$1" });
  const a = await page.locator("#pv-cell-0-0").boundingBox();
  assert.ok(Math.abs(a.width - look.columnWidths.A / 0.75) <= 2, `the grid draws column A at the width set (${a.width} px)`);
  await shot(page, "where-action-plan");
  // Elsewhere, then back.
  await page.locator(".pv-tab", { hasText: "Indicators" }).click();
  assert.equal((await hook(page, "selection")).sheet, "Indicators");
  await go.click();
  await page.locator('.pv-tab[aria-current="true"]', { hasText: "Action plan" }).waitFor();
  assert.deepEqual(await hook(page, "selection"), { sheet: "Action plan", address: "A1" });
  await cellInGrid(page, 0, 0);
}, { context: SMALL_SCREEN });

test("Area profile (issue 16.2, 1024×768): Use the selected row, Write area profile → a new sheet 'Profile <area>' at A1 (the Annex B items with the workbook's evidence, an empty Local knowledge column); the outcome in view; Local knowledge typed into the grid is kept when written again; axe", async ({ page, server }) => {
  await openPreview(page, server);
  const [[area]] = await values(page, "Indicators", "A7");
  const name = `Profile ${area}`.replace(/\s+/g, " ").slice(0, 31).trim();
  await clickCell(page, 6, 2);
  await page.getByRole("tab", { name: "Action plan" }).click();
  await page.getByRole("button", { name: "Use the selected row" }).click();
  await page.getByText(/row 7/).first().waitFor();
  const write = page.getByRole("button", { name: "Write area profile" });
  await assertEnabled(write);
  await write.click();
  const outcome = page.locator("[data-outcome]").filter({ hasText: `is on the new sheet "${name}"` });
  await outcome.waitFor({ timeout: 20_000 });
  const container = page.locator("#container");
  assert.ok((await onScreen(page, outcome.getByText(/is on the new sheet/), container)).visible, "the outcome message is in view");
  assert.ok((await onScreen(page, outcome.getByRole("button", { name: "Go to the profile" }), container)).visible, "its action is in view");
  await shot(page, "area-profile", PANE);
  // The grid shows the new sheet at A1: the header block, then the table.
  await page.locator('.pv-tab[aria-current="true"]', { hasText: name }).waitFor();
  assert.deepEqual(await hook(page, "selection"), { sheet: name, address: "A1" });
  await cellInGrid(page, 0, 0);
  const sheet = await values(page, name, "A1:H40");
  assert.equal(sheet[0][0], `Area profile: ${area} — the local cohesion mapping exercise (CDF Annex B)`);
  assert.deepEqual(sheet[5], ["Code", "Section", "Item", "What the framework says", "Workbook evidence", "Issues suggested (CDF Annex D)", "Source", "Local knowledge"]);
  const body = sheet.slice(6).filter((r) => r[0] !== "");
  assert.equal(body.length, 34, "F1–F4 and the 30 Annex B items");
  assert.deepEqual(body.slice(0, 5).map((r) => r[0]), ["F1", "F2", "F3", "F4", "B-C1"]);
  assert.equal(body[body.length - 1][0], "B-X4");
  assert.match(String(body[0][4]), /^Type \d: /, "F1: the family type from the row's proxies");
  assert.match(String(body[1][4]), /ABG: (band \d|no band)/, "F2: the ABG band");
  assert.match(String(body[3][4]), /^Nearest on /, "F4: the nearest peers");
  assert.ok(body.every((r) => r[7] === ""), "Local knowledge is empty");
  const look = await hook(page, "look", name);
  assert.equal(look.frozenRows, 6);
  assert.deepEqual(look.tables.map((t) => t.style), ["TableStyleMedium2"]);
  // The screenshot shows the evidence: F2's cell (the score against the comparators, the ABG band) selected, in the formula bar.
  await clickCell(page, 7, 4);
  await shot(page, "area-profile-sheet");
  // The user writes local knowledge against B-C9 (physical barriers), in the grid; written again, it stays.
  const row = 6 + body.findIndex((r) => r[0] === "B-C9");
  await typeInto(page, row, 7, "The ring road divides the east estates");
  assert.deepEqual(await values(page, name, `H${row + 1}`), [["The ring road divides the east estates"]]);
  await write.click();
  await page.locator("[data-outcome]").filter({ hasText: `The profile on "${name}" is updated; the Local knowledge column is as you wrote it.` }).waitFor({ timeout: 20_000 });
  assert.deepEqual(await values(page, name, `H${row + 1}`), [["The ring road divides the east estates"]]);
  assert.ok(!(await hook(page, "sheets")).includes(`${name} 2`.slice(0, 31)), "no second sheet");
  await axeScan(page, "Area profile");
}, { context: { ...SMALL_SCREEN, bypassCSP: true } });

test("Area card (issue 16.1, 1024×768): =COHESION.AREA typed into the grid spills the family types; selecting one opens its card (title, Table 1, Annex C advice, ABG band and allocation, U1–U5, sources), wholly in view and clear of the pane; =P<n>.Band gives the band; Escape closes it; axe; ?datatypes=off gives the type numbers", async ({ page, server }) => {
  await openPreview(page, server);
  await typeInto(page, 1, 15, "=COHESION.AREA(F2:F353,G2:G353,H2:H353,I2:I353,C2:C353,D2:D353,A2:A353)");
  const texts = (await bigValues(page, "Indicators", "P2:P353")).map((r) => r[0]);
  const scores = (await bigValues(page, "Indicators", "C2:C353")).map((r) => r[0]);
  const names = (await bigValues(page, "Indicators", "A2:A353")).map((r) => r[0]);
  assert.ok(texts.filter((t) => /^Type [1-9]: /.test(String(t))).length > 300, "most rows show their family type");
  // The first less affluent area (types 1–4: a family group) with a score in a band.
  const i = texts.findIndex((t, k) => /^Type [1-4]: /.test(String(t)) && validScore(scores[k]) && scores[k] < 75);
  assert.ok(i >= 0, "the sample has a type 1–4 area with a band");
  const row = i + 1;
  const type = Number(/^Type (\d)/.exec(texts[i])[1]);
  const entity = await hook(page, "entity", "Indicators", `P${row + 1}`);
  assert.equal(entity.type, "Entity");
  assert.equal(entity.properties.Band.basicValue, band(scores[i]));
  await clickCell(page, row, 15);
  const card = page.locator("aside.pv-card");
  // The card opens from "Show card of P<n>" (Excel: the card icon in the cell) or Ctrl+Shift+F5.
  await page.getByRole("button", { name: `Show card of P${row + 1}` }).click();
  await card.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), `Close the card of P${row + 1}`, "the focus goes to the card");
  await page.getByRole("heading", { level: 2, name: `${String(names[i]).trim()}: type ${type}` }).waitFor();
  for (const section of [/^Family type \(CDF Table 1/, /^Family group [a-d]\) .* \(CDF Annex C [a-d]\)\)$/, /^Area Based Grant \(GR ¶2\.3/, /^The five actions every area should consider \(CDF §3\.2/, /^How it was worked out, and the sources$/])
    assert.equal(await card.getByRole("heading", { level: 3, name: section }).count(), 1, `the card has the section ${section}`);
  const field = (name) => card.locator(".pv-card-field").filter({ has: page.locator("dt", { hasText: new RegExp(`^${name}`) }) }).locator("dd");
  assert.equal(await field("Band").first().innerText(), String(band(scores[i])));
  assert.equal(await field("Allocation").first().innerText(), `£${AMOUNT[band(scores[i])].toLocaleString("en-GB")}`);
  assert.equal(await field("Universal actions").locator("li").count(), 5);
  assert.ok((await field("Works well").locator("li").count()) >= 5, "the Annex C advice, item by item");
  // In view, and clear of the pane (Excel's card floats over the grid, not over the task pane).
  const { visible, box } = await onScreen(page, card);
  assert.ok(visible, `the card is wholly in the window (${JSON.stringify(box)})`);
  const pane = await page.locator("#container").boundingBox();
  assert.ok(box.x + box.width <= pane.x, "the card does not cover the pane");
  await shot(page, "area-card");
  await axeScan(page, "Area card");
  // Escape closes it, the focus back on its button; Ctrl+Shift+F5 opens it again; then a field of the card in a formula.
  await page.keyboard.press("Escape");
  await card.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), `Show card of P${row + 1}`);
  await page.keyboard.press("Control+Shift+F5");
  await card.waitFor();
  await card.getByRole("button", { name: `Close the card of P${row + 1}` }).click();
  await card.waitFor({ state: "detached" });
  await typeInto(page, row, 16, `=P${row + 1}.Band`);
  assert.deepEqual(await values(page, "Indicators", `Q${row + 1}`), [[band(scores[i])]]);
  await typeInto(page, row, 17, `=P${row + 1}.[Type name]`);
  assert.match(String((await values(page, "Indicators", `R${row + 1}`))[0][0]), new RegExp(`^${texts[i].replace(/^Type \d: /, "")}$`));
  // An Excel without data types: the type numbers, and no card.
  await openPreview(page, server, "?datatypes=off");
  await typeInto(page, 1, 15, "=COHESION.AREA(F2:F353,G2:G353,H2:H353,I2:I353,C2:C353,D2:D353,A2:A353)");
  assert.deepEqual(await values(page, "Indicators", `P${row + 1}`), [[type]]);
  await clickCell(page, row, 15);
  assert.equal(await page.getByRole("button", { name: /^Show card/ }).count(), 0, "no card without data types");
}, { context: { ...SMALL_SCREEN, bypassCSP: true } });

const KNOWN_VIEWS = ["Check an area", "Table tools", "Action plan", "Peers & mix", RECS, "About"];
/** Each axe scan runs with Office's default theme and again with a dark one (?theme=dark). */
const AXE_THEMES = [
  { label: "", query: "" },
  { label: " (dark Office theme)", query: "?theme=dark" },
];
for (const { label: themed, query } of AXE_THEMES) {
  for (const view of KNOWN_VIEWS) {
    test(`axe-core${themed}: no serious or critical violations in the preview page with the pane's ${view} view`, async ({ page, server }) => {
      await openPreview(page, server, query);
      const tab = page.getByRole("tab", { name: view, exact: true });
      if (!(await tab.count())) throw new Error(`the pane has no "${view}" tab`);
      await tab.click();
      if (view === "Peers & mix") {
        await page.getByRole("button", { name: "Find tables on this sheet" }).click();
        await page.getByRole("button", { name: "Find peers" }).waitFor();
      }
      if (view === "Table tools") await page.getByRole("button", { name: "Grant bands", exact: true }).waitFor();
      if (view === "Action plan") {
        await page.getByRole("checkbox", { name: /^I01 / }).check();
        await page.getByText(/^Ranked actions \(\d+\)/).waitFor();
      }
      await axeScan(page, `${view}${themed}`);
    }, { context: { bypassCSP: true } });
  }
}

test("axe-core: every other pane view (found at run time)", async ({ page, server }) => {
  await openPreview(page, server);
  const names = (await page.getByRole("tab").evaluateAll((els) => els.map((t) => t.getAttribute("aria-label") ?? t.textContent))).map((t) => t.trim()).filter((t) => !KNOWN_VIEWS.includes(t));
  for (const name of names) {
    await page.getByRole("tab", { name, exact: true }).click();
    await axeScan(page, name);
  }
}, { context: { bypassCSP: true } });

for (const { label: themed, query } of AXE_THEMES) {
  test(`axe-core${themed}: the preview after a tool run (summary in the pane, error cell selected)`, async ({ page, server }) => {
    await openPreview(page, server, query);
    await runTool(page, "Grant bands");
    await clickCell(page, 4, 12);
    await axeScan(page, `after Grant bands${themed}`);
  }, { context: { bypassCSP: true } });
}

// Office's theme: the pane reads Office.context.officeTheme (the preview's stand-in gives the one ?theme= names).

test("Office theme, Colorful (the default): the pane is light with dark text (screenshot pane-light)", async ({ page, server }) => {
  await openPreview(page, server);
  await fillCheck(page);
  const c = await paneColours(page);
  assert.equal(c.theme, "light");
  assert.ok(c.container > 0.9 && c.provider > 0.9, `light backgrounds: ${JSON.stringify(c)}`);
  assert.ok(c.text < 0.05 && c.heading < 0.05, `dark text: ${JSON.stringify(c)}`);
  await shot(page, "pane-light", page.locator("#container"));
});

test("Office theme, Black (?theme=dark): the pane, its container and every control are dark with light text, no white blocks (screenshot pane-dark)", async ({ page, server }) => {
  await openPreview(page, server, "?theme=dark");
  assert.equal(await page.getByRole("combobox", { name: "Office theme" }).inputValue(), "black", "the toolbar shows the theme");
  await fillCheck(page);
  const views = [];
  for (const view of KNOWN_VIEWS) {
    await page.getByRole("tab", { name: view, exact: true }).click();
    if (view === "Action plan") await page.getByRole("checkbox", { name: /^I01 / }).check();
    if (view === "Peers & mix") {
      await page.getByRole("button", { name: "Find tables on this sheet" }).click();
      await page.getByRole("button", { name: "Find peers" }).waitFor();
    }
    const c = await paneColours(page);
    assert.equal(c.theme, "dark", view);
    assert.ok(c.container < 0.05 && c.provider < 0.05, `${view}: dark backgrounds: ${JSON.stringify(c)}`);
    assert.ok(c.text > 0.8 && c.heading > 0.8, `${view}: light text: ${JSON.stringify(c)}`);
    assert.deepEqual(c.light, [], `${view}: no near-white areas in the dark pane`);
    views.push(view);
  }
  assert.deepEqual(views, KNOWN_VIEWS);
  // (the view starts afresh when its tab is chosen again)
  await page.getByRole("tab", { name: "Check an area", exact: true }).click();
  await fillCheck(page);
  await shot(page, "pane-dark", page.locator("#container"));
});

test("Office theme: Dark Gray is dark; a host that gives no theme (?theme=none) is light; the toolbar's select reloads the preview with the theme chosen", async ({ page, server }) => {
  await openPreview(page, server, "?theme=none");
  assert.equal((await paneColours(page)).theme, "light");
  const select = page.getByRole("combobox", { name: "Office theme" });
  await Promise.all([page.waitForURL(/[?&]theme=darkgray\b/), select.selectOption("darkgray")]);
  await page.waitForFunction(() => window.__cohesionPreview && window.__cohesionPreview.ready, null, { timeout: 30_000 });
  await page.getByRole("tab", { name: "Check an area" }).waitFor();
  const c = await paneColours(page);
  assert.equal(c.theme, "dark");
  assert.ok(c.container < 0.05 && c.text > 0.8, JSON.stringify(c));
  assert.equal(await select.inputValue(), "darkgray");
});

test("forced colours (Windows high contrast): the pane uses Fluent's high-contrast theme, and axe finds no serious violations", async ({ page, server }) => {
  await openPreview(page, server, "?theme=dark");
  assert.equal((await paneColours(page)).theme, "highContrast");
  await axeScan(page, "forced colours");
}, { context: { bypassCSP: true, forcedColors: "active" } });

test("Download saves the workbook as .xlsx (values, formulas with results, formats, all sheets); Open a workbook… loads it back", async ({ page, server, tmp }) => {
  await openPreview(page, server);
  await runTool(page, "Grant bands");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
  const file = path.join(tmp, "downloaded.xlsx");
  await download.saveAs(file);
  assert.equal(download.suggestedFilename(), "sample-indicators.xlsx");
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ["About", "Indicators", "Summary"]);
  const ws = wb.getWorksheet("Indicators");
  assert.equal(ws.getCell("M2").formula, "COHESION.ABG.ALLOCATION(C2:C353,D2:D353)");
  assert.equal(ws.getCell("M2").result, 0);
  assert.equal(ws.getCell("M3").value, null, "a spilled cell is not written (its formula's result)");
  assert.equal(ws.getCell("M2").numFmt, "£#,##0");
  assert.equal(ws.getCell("O1").value, "ABG band");
  assert.equal(ws.getCell("P3").value, 280000);
  assert.equal(ws.getCell("P3").numFmt, "£#,##0");
  assert.equal(ws.getCell("A2").value, (await values(page, "Indicators", "A2"))[0][0]);
  assert.equal(ws.views[0].activeCell, "O1", "the data's sheet is saved with the results selected");
  // The Summary sheet's finish survives the file: widths, number formats, frozen title row, opened at A1, print set-up.
  const look = await hook(page, "look", "Summary");
  const sum = wb.getWorksheet("Summary");
  assert.ok(Math.abs(sum.getColumn(1).width - ((look.columnWidths.A / 0.75 - 5) / 7)) < 0.02, `column A's width (${sum.getColumn(1).width} characters)`);
  const bandRow = sum.getColumn(1).values.findIndex((v) => v === "ABG band");
  assert.equal(sum.getCell(bandRow + 1, 3).numFmt, "£#,##0");
  assert.equal(sum.getCell(bandRow + 1, 2).numFmt, "#,##0");
  assert.equal(sum.getCell("A1").font.bold, true);
  assert.deepEqual({ state: sum.views[0].state, ySplit: sum.views[0].ySplit, activeCell: sum.views[0].activeCell }, { state: "frozen", ySplit: 1, activeCell: "A1" });
  assert.deepEqual({ orientation: sum.pageSetup.orientation, fitToPage: sum.pageSetup.fitToPage, fitToWidth: sum.pageSetup.fitToWidth, fitToHeight: sum.pageSetup.fitToHeight, printTitlesRow: sum.pageSetup.printTitlesRow }, { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
  // Open it again: a fresh page, so the workbook really comes from the file.
  await openPreview(page, server);
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByText(/^Opened downloaded\.xlsx/).waitFor({ timeout: 20_000 });
  assert.deepEqual(await hook(page, "sheets"), ["About", "Indicators", "Summary"]);
  assert.equal((await cell(page, "Indicators", "M3")).value, 280000, "the spilled formula is computed again");
  assert.equal((await cell(page, "Indicators", "P3")).value, 280000);
  await page.getByText("downloaded.xlsx", { exact: true }).waitFor();
  assert.equal(await page.getByText("Synthetic sample").count(), 0, "a user's workbook is not labelled as the sample");
});

// ------------------------------------------------------------------------------------------------
// Runner

async function main() {
  const only = typeof args.only === "string" ? args.only : null;
  const selected = tests.filter((t) => !only || t.name.includes(only));
  const results = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const finish = () => {
    if (typeof args.json === "string") {
      fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
      fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
    }
    console.log(`browser tests: ${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ""}`);
    process.exitCode = results.failed ? 1 : 0;
  };
  const failAll = (why) => {
    for (const t of [...selected, { name: "no request leaves localhost" }]) {
      results.failed++;
      results.failures.push(`${t.name}: ${why}`);
      console.log(`✗ ${t.name}: ${why}`);
    }
    finish();
  };
  if (!h.chromiumPresent()) return failAll(`${h.CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium; .ci/run does it)`);
  const t0 = Date.now();
  try {
    if (!args["no-build"]) h.buildPreview();
  } catch (e) {
    return failAll(`the preview build failed: ${e.message}`);
  }
  console.log(`built the preview in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  const server = await h.serve(h.PREVIEW_DIR);
  const browser = await h.launch();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cohesion-e2e-"));
  const requests = [];
  try {
    for (const t of selected) {
      const context = await browser.newContext(t.options.context);
      // A fixed clock (timers still run): the plan's date and the pane's "N rows in 0.0 s" are the same every run,
      // so the screenshots copied to docs/ change only when the pages do.
      await context.clock.setFixedTime(FIXED_TIME);
      const page = await context.newPage();
      const pageErrors = [];
      page.on("request", (r) => requests.push({ test: t.name, url: r.url() }));
      page.on("pageerror", (e) => pageErrors.push(e.message));
      page.setDefaultTimeout(15_000);
      const started = Date.now();
      try {
        let timer;
        await Promise.race([t.fn({ page, server, tmp }), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${PER_TEST_MS / 1000} s`)), PER_TEST_MS)))]).finally(() => clearTimeout(timer));
        assert.deepEqual(pageErrors, [], "uncaught errors in the page");
        results.passed++;
        console.log(`✓ ${t.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (e) {
        const message = String(e && e.message).split("\n").slice(0, 6).join(" ").slice(0, 600);
        results.failed++;
        results.failures.push(`${t.name}: ${message}`);
        console.log(`✗ ${t.name}: ${message}`);
        await shot(page, `FAILED-${t.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}`).catch(() => undefined);
      } finally {
        await context.close().catch(() => undefined);
      }
    }
    // Every request of every page above: this machine only, and never office.js.
    const outside = requests.filter(({ url }) => {
      if (/^(data|blob):/.test(url)) return false;
      try {
        return !["127.0.0.1", "localhost"].includes(new URL(url).hostname);
      } catch {
        return true;
      }
    });
    const name = `no request leaves localhost (${requests.length} requests recorded)`;
    const office = requests.filter(({ url }) => /office\.js(\?|$)/.test(url));
    if (!outside.length && !office.length && requests.length) {
      results.passed++;
      console.log(`✓ ${name}`);
    } else {
      const why = requests.length ? [...outside, ...office].slice(0, 5).map((r) => `${r.url} (in "${r.test}")`).join("; ") : "no requests were recorded";
      results.failed++;
      results.failures.push(`${name}: ${why}`);
      console.log(`✗ ${name}: ${why}`);
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  // Screenshots for the README, with --screenshots only (npm run screenshots), and only from a run with no failure:
  // this run's (not the failure shots) to docs/screenshots/. Without the flag nothing is written outside test-artifacts/.
  if (args.screenshots) {
    const shots = [...taken.keys()].sort();
    if (results.failed) console.log(`screenshots: not copied to docs/screenshots/ (${results.failed} failed)`);
    else if (shots.length) {
      fs.mkdirSync(DOC_SHOTS, { recursive: true });
      for (const f of shots) fs.writeFileSync(path.join(DOC_SHOTS, f), taken.get(f));
      console.log(`screenshots: copied ${shots.join(", ")} to ${path.relative(h.root, DOC_SHOTS)}/`);
    }
  }
  console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s in all)`);
  finish();
}

main().catch((e) => {
  console.error(e);
  const out = { passed: 0, failed: 1, skipped: 0, failures: [`browser tests crashed: ${e && e.message}`] };
  if (typeof args.json === "string") fs.writeFileSync(args.json, JSON.stringify(out));
  process.exitCode = 1;
});
