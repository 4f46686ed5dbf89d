#!/usr/bin/env node
// `npm test`: every check, in order, each counted; ends with one line "N passed, N failed".
// Steps: typecheck → production build (+ CLI) → jest (unit, functions, metadata, manifest, build, CLI, pane) →
// offline manifest validation → browser tests (Playwright + Debian chromium) when present.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { snapshot, changedFiles } = require("./docs-guard");
const { TEST_PROD_URL } = require("./prod-url");

const root = path.resolve(__dirname, "..");
const artifacts = path.join(root, "test-artifacts");
fs.mkdirSync(artifacts, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(label, cmd, args, options = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...process.env, ...options.env } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status === 0) console.log(`✓ ${label} (${secs}s)`);
  else {
    console.log(`✗ ${label} (${secs}s, exit ${r.status})`);
    if (options.quiet) process.stdout.write(`${r.stdout}${r.stderr}`.split("\n").slice(-40).join("\n") + "\n");
  }
  return r.status === 0;
}

function step(label, cmd, args, options) {
  const ok = run(label, cmd, args, options);
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
}

step("typecheck (tsc --noEmit, strict)", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"], { quiet: true });
// The production host is a required setting (scripts/prod-url.js); tests build for a host reserved for testing.
step("production build (webpack)", bin("webpack"), ["--mode", "production"], { quiet: true, env: { COHESION_URL_PROD: TEST_PROD_URL } });
step("command-line build (tsc -p tsconfig.cli.json)", bin("tsc"), ["-p", "tsconfig.cli.json"], { quiet: true });

const jestJson = path.join(artifacts, "jest.json");
fs.rmSync(jestJson, { force: true });
run("jest", bin("jest"), ["--ci", "--json", `--outputFile=${jestJson}`]);
if (fs.existsSync(jestJson)) {
  const j = JSON.parse(fs.readFileSync(jestJson, "utf8"));
  passed += j.numPassedTests;
  failed += j.numFailedTests + j.numRuntimeErrorTestSuites;
  skipped += j.numPendingTests + j.numTodoTests;
  for (const s of j.testResults) {
    if (s.status === "failed" && s.assertionResults.every((a) => a.status !== "failed")) failures.push(`suite ${path.relative(root, s.name)}: ${String(s.message).split("\n")[0]}`);
    for (const a of s.assertionResults) if (a.status === "failed") failures.push(a.fullName);
  }
} else {
  failed++;
  failures.push("jest produced no results");
}

step("manifest, offline (XSD where ../shared exists + rules)", process.execPath, ["scripts/validate-manifest.js"]);

const e2e = path.join(root, "test", "e2e", "run.js");
if (fs.existsSync(e2e)) {
  const out = path.join(artifacts, "e2e.json");
  fs.rmSync(out, { force: true });
  const docs = path.join(root, "docs");
  const docsBefore = snapshot(docs);
  run("browser tests (Playwright + chromium)", process.execPath, [e2e, `--json=${out}`]);
  // The run writes only to git-ignored folders: `npm test` leaves a clone's `git status` clean (npm run screenshots refreshes docs/).
  const written = changedFiles(docsBefore, snapshot(docs));
  const label = "the browser tests wrote nothing under docs/";
  if (!written.length) {
    passed++;
    console.log(`✓ ${label}`);
  } else {
    const why = `${label}: they wrote ${written.slice(0, 5).map((f) => `docs/${f}`).join(", ")}${written.length > 5 ? ", …" : ""}`;
    failed++;
    failures.push(why);
    console.log(`✗ ${why}`);
  }
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, "utf8"));
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped || 0;
    failures.push(...(r.failures || []));
  } else {
    failed++;
    failures.push("browser tests produced no results");
  }
}

if (failures.length) console.log(`\nFailed:\n- ${failures.join("\n- ")}`);
if (skipped) console.log(`${skipped} skipped (see the output above for why)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
