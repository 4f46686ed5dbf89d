#!/usr/bin/env node
// Browser tests: the real task pane and functions in the local preview (preview.html), in Debian's headless
// chromium driven by playwright-core. Plain Node, not jest (jest ignores test/e2e).
//
//   node test/e2e/run.js [--json=PATH] [--only=TEXT] [--no-build] [--screenshots]
//
// Builds the preview once (webpack --mode development into .preview-build/), serves it on 127.0.0.1 (a free
// port), runs every flow (test/e2e/flows/*.js; shared helpers in support.js) on a fresh page, and asserts the WORKBOOK's contents through the page's tiny
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
const { ARTIFACTS, shot, taken, tests } = require("./support");

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split(/=(.*)/s).slice(0, 2)).map(([k, v]) => [k, v ?? true]));

const DOC_SHOTS = path.join(h.root, "docs", "screenshots");
const PER_TEST_MS = 45_000;
const FIXED_TIME = new Date("2026-01-15T10:00:00Z");

// The flows, in the order they run: each file registers its tests with test() (support.js).
const FLOWS = ["preview", "tableTools", "actionPlan", "analysis", "layout", "accessibility"];
for (const flow of FLOWS) require(`./flows/${flow}`);

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
