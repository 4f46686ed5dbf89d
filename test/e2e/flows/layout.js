// Browser flows: What a person sees: Excel's pane width (320 and 350 px: nothing scrolls sideways, messages shown whole) and,
// on a 1024×768 screen, where the results of a run are (issue 15).
// Registered with test() (../support.js) and run by ../run.js.
const assert = require("assert/strict");
const {
  hook,
  values,
  openPreview,
  runTool,
  clickCell,
  shot,
  test,
  assertNoOverflow,
  assertShownWhole,
  SMALL_SCREEN,
  onScreen,
  cellInGrid,
  KNOWN_VIEWS,
} = require("../support");

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
