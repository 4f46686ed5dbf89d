// Browser flows: Peers & mix (nearest areas, the family-type mix) and Recs (the Commission's 57 recommendations and the tracker).
// Registered with test() (../support.js) and run by ../run.js.
const assert = require("assert/strict");
const {
  hook,
  values,
  cell,
  openPreview,
  assertEnabled,
  typeInto,
  PANE,
  shot,
  axeScan,
  test,
  RECS,
  recommendationNumbers,
  TRACKER_HEADER,
  assertNoOverflow,
} = require("../support");

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
