// The task pane's first render in the local preview, and the size of the production bundles.
//
// 1. Time to interactive in the preview (development build, as `npm start` serves it, sample workbook):
//    navigation start → the pane's tab list visible, and → a click on a tab handled (its aria-selected
//    flips), both read in the page from performance.now() (0 = navigation start) by observers installed
//    before any script runs. Best of 3, each in a fresh browser context (no cache).
//    Baseline, same server, same run: a blank page's load event (navigation start → loadEventEnd), best of 3.
//    ratio = interactive ÷ blank page.
// 2. Bundle bytes: the PRODUCTION dist/taskpane.js and dist/functions.js, raw and gzip level 9 (built first
//    if dist/ is missing), and a check that functions.js carries no React or Fluent UI.
// 3. Bytes loaded before interactive: the gzip total of the scripts taskpane.html loads at start (bench/_initialBytes.js).
//    Baseline, same run: a bare Fluent UI v9 page with three controls built for production. ratio = page ÷ bare page.
//
// `node bench/preview.bench.js` alone, or within `npm run bench`. Needs /usr/bin/chromium.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { runAlone } = require("./_util");
const { initialScripts, bareFluentBytes } = require("./_initialBytes");
const h = require("../test/e2e/harness");

const REPEAT = 3;
const REACT_OR_FLUENT = /react\.production|react-dom|__SECRET_INTERNALS|@fluentui|fluentui|makeStyles|griffel/i;

/** Installed before the page's scripts: records when the pane's tab list appears and when a tab gets selected after a click. */
function observeFirstRender() {
  const marks = { tabList: null, clickHandled: null, clickSent: null };
  window.__benchMarks = marks;
  const check = () => {
    if (marks.tabList === null && document.querySelector('[role="tablist"][aria-label="Views"]')) marks.tabList = performance.now();
    if (marks.clickSent !== null && marks.clickHandled === null && document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.startsWith("About")) marks.clickHandled = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-selected"] });
  document.addEventListener("pointerdown", () => marks.clickSent ?? (marks.clickSent = performance.now()), true);
}

async function previewOnce(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(observeFirstRender);
    await page.goto(`${url}/preview.html`, { waitUntil: "commit" });
    const about = page.getByRole("tab", { name: "About" });
    await about.click({ timeout: 30_000 });
    await page.waitForFunction(() => window.__benchMarks.clickHandled !== null, null, { timeout: 30_000 });
    return await page.evaluate(() => window.__benchMarks);
  } finally {
    await context.close();
  }
}

async function blankOnce(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${url}/blank.html`, { waitUntil: "load" });
    return await page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd);
  } finally {
    await context.close();
  }
}

function bundleSizes() {
  const dist = path.join(h.root, "dist");
  if (!fs.existsSync(path.join(dist, "taskpane.js")) || !fs.existsSync(path.join(dist, "functions.js"))) {
    const env = { ...process.env, COHESION_URL_PROD: process.env.COHESION_URL_PROD || require("../scripts/prod-url").TEST_PROD_URL };
    const r = spawnSync(process.execPath, [path.join(h.root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], { cwd: h.root, encoding: "utf8", env });
    if (r.status !== 0) throw new Error(`production build failed:\n${r.stdout}${r.stderr}`.slice(-2000));
  }
  const size = (f) => {
    const buf = fs.readFileSync(path.join(dist, f));
    return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length, text: buf.toString("utf8") };
  };
  return { taskpane: size("taskpane.js"), functions: size("functions.js") };
}

async function run(report) {
  const sizes = bundleSizes();
  const leak = sizes.functions.text.match(REACT_OR_FLUENT);
  report("bundles: production, gzip level 9", {
    taskpaneBytes: sizes.taskpane.raw,
    taskpaneGzipBytes: sizes.taskpane.gzip,
    functionsBytes: sizes.functions.raw,
    functionsGzipBytes: sizes.functions.gzip,
    functionsHasReactOrFluent: leak ? `YES (${leak[0]})` : "no",
  });
  if (leak) throw new Error(`dist/functions.js contains React or Fluent UI ("${leak[0]}")`);

  // 3. Bytes loaded before interactive: the scripts taskpane.html loads by itself (office.js aside), gzip level 9,
  //    against a bare Fluent UI v9 page with three controls built the same way (bench/fixtures/bareFluent.tsx).
  const initial = initialScripts(path.join(h.root, "dist"));
  const bare = await bareFluentBytes();
  report("bytes loaded before interactive: bare Fluent UI v9 page, three controls (baseline)", { gzipBytes: bare.gzip, rawBytes: bare.raw, ratio: 1 });
  report("bytes loaded before interactive: taskpane.html (functions + pane, production)", {
    gzipBytes: initial.gzip,
    rawBytes: initial.raw,
    ratio: +(initial.gzip / bare.gzip).toFixed(2),
    targetGzipBytes: 150 * 1024,
    scripts: initial.scripts.map((s) => `${s.file} ${s.gzip}`).join(", "),
  });

  if (!h.chromiumPresent()) throw new Error(`${h.CHROMIUM} not found: apt-get install -y chromium`);
  h.buildPreview();
  const server = await h.serve(h.PREVIEW_DIR);
  const browser = await h.launch();
  try {
    let blank = Infinity;
    const runs = [];
    await blankOnce(browser.browser, server.url); // warm-up (browser process, server)
    for (let i = 0; i < REPEAT; i++) blank = Math.min(blank, await blankOnce(browser.browser, server.url));
    for (let i = 0; i < REPEAT; i++) runs.push(await previewOnce(browser.browser, server.url));
    const best = runs.reduce((a, b) => (b.clickHandled < a.clickHandled ? b : a));
    const previewBytes = ["preview.js", "functions.js", "taskpane.js"].reduce((n, f) => n + fs.statSync(path.join(h.PREVIEW_DIR, f)).size, 0);
    report("preview: the pane's first render (development build, sample workbook)", {
      tabListVisibleMs: +best.tabList.toFixed(0),
      interactiveMs: +best.clickHandled.toFixed(0),
      runsInteractiveMs: runs.map((r) => Math.round(r.clickHandled)).join("/"),
      blankPageMs: +blank.toFixed(1),
      ratio: +(best.clickHandled / blank).toFixed(1),
      devScriptsBytes: previewBytes,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

module.exports = { run };
runAlone(module);
