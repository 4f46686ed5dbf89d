// Browser flows: Table tools: Grant bands and Family groups over the sample, the Summary sheet and its chart, live formulas,
// and what a run does when the workbook changes under it (renamed, deleted or protected sheet, an edited input,
// Cancel), when percentages are fractions, and before it overwrites typed values.
// Registered with test() (../support.js) and run by ../run.js.
const assert = require("assert/strict");
const {
  band,
  AMOUNT,
  bandRange,
  validScore,
  engine,
  hook,
  values,
  cell,
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
  PANE,
  shot,
  axeScan,
  test,
  onScreen,
} = require("../support");

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
