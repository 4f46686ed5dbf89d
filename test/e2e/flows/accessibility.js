// Browser flows: Accessibility and Office themes: axe-core on every view in the light and dark themes and after a run, the
// pane's colours in each Office theme, and Windows high contrast.
// Registered with test() (../support.js) and run by ../run.js.
const assert = require("assert/strict");
const {
  openPreview,
  runTool,
  clickCell,
  shot,
  paneColours,
  fillCheck,
  axeScan,
  test,
  KNOWN_VIEWS,
  AXE_THEMES,
} = require("../support");

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
