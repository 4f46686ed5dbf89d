// Browser flows: Check an area, the Action plan view (a row from the grid, issues, ranked actions with their codes, the plan
// sheet), the same by keyboard alone, and the Annex B area profile.
// Registered with test() (../support.js) and run by ../run.js.
const assert = require("assert/strict");
const {
  band,
  AMOUNT,
  engine,
  ANNEX_F_COLUMNS,
  hook,
  values,
  openPreview,
  assertEnabled,
  clickCell,
  typeInto,
  PANE,
  shot,
  fillCheck,
  axeScan,
  test,
  SMALL_SCREEN,
  onScreen,
  cellInGrid,
} = require("../support");

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
