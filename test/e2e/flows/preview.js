// Browser flows: The preview page itself: the synthetic sample, formulas typed into the grid (spills, errors, recalculation),
// area cards (COHESION.AREA), loading with the workbook, and Download / Open a workbook.
// Registered with test() (../support.js) and run by ../run.js.
const assert = require("assert/strict");
const path = require("path");
const {
  band,
  AMOUNT,
  validScore,
  hook,
  values,
  cell,
  settledCell,
  bigValues,
  openPreview,
  runTool,
  clickCell,
  typeInto,
  shot,
  axeScan,
  test,
  SMALL_SCREEN,
  onScreen,
} = require("../support");

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
