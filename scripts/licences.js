#!/usr/bin/env node
// `npm run licences` — the production dependencies (everything under package.json "dependencies": what the CLI
// runs and what webpack may put in dist/*.js) with the licence each package.json declares. Exits 1 when one is
// copyleft, has no licence, or has one this script does not recognise — unless it is in REVIEWED below.
//
//   npm run licences                 text, one package a line (licences.txt style)
//   npm run licences -- --json       the same as JSON
//   npm run licences -- --bundled    also build production with webpack's module list (slow, ~30 s) and check
//                                    that every package inside dist/*.js is a production dependency
//
// Policy (docs/security.md):
// - permissive (MIT, ISC, BSD, Apache-2.0, 0BSD, Unlicense, CC0, BlueOak, Zlib, …): fine.
// - strong copyleft or restrictive (GPL, AGPL, LGPL, EUPL, SSPL, OSL, CC-BY-SA, CC-BY-NC, …): fails. LGPL too:
//   webpack links it statically into one bundle, which is exactly the case the LGPL's relinking terms make awkward.
// - weak, file-level copyleft (MPL, EPL, CDDL): flagged, and fails until reviewed. Using such a file unmodified in
//   our bundle is allowed, but distributing the bundle obliges us to say where that file's source is, keep its
//   notices, and publish any change we make to it. That is manageable, so it is a review, not a ban: add the
//   package to REVIEWED with how the obligation is met.
// - none, UNLICENSED, "SEE LICENSE IN …" or an unknown identifier: fails until someone reads the licence and
//   records it in REVIEWED.
// - an SPDX expression: "A OR B" is as good as its best choice, "A AND B" as bad as its worst; "X WITH exception"
//   counts as X. Expressions are parsed by spdx-expression-parse; a legacy spelling ("Apache 2.0", "MIT/X11",
//   "BSD-3") is first corrected by spdx-correct, which npm's own package.json normaliser uses.
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const parseSpdx = require("spdx-expression-parse");
const correctSpdx = require("spdx-correct");

const root = path.resolve(__dirname, "..");

const PERMISSIVE = new Set([
  "MIT", "MIT-0", "X11", "ISC", "BSD-2-Clause", "BSD-3-Clause", "0BSD", "Apache-2.0", "Unlicense", "CC0-1.0",
  "CC-BY-3.0", "CC-BY-4.0", "BlueOak-1.0.0", "Zlib", "Python-2.0", "PSF-2.0", "WTFPL", "BSD-2-Clause-Patent",
]);
const WEAK_COPYLEFT = /^(MPL|EPL|CDDL)-/i;
const COPYLEFT = /^(A?GPL|LGPL|EUPL|SSPL|OSL|CC-BY-SA|CC-BY-NC|CPAL|RPL|Sleepycat|QPL|Watcom)/i;

/**
 * Packages whose licence a person has read and accepted, by exact name@version (an upgrade is a new review).
 * Each says what was decided and why. Empty is the goal.
 * @type {Array<{package: string, decision: string, reason: string}>}
 */
const REVIEWED = [];

const RANK = { permissive: 0, "weak-copyleft": 1, unknown: 2, none: 3, copyleft: 4 };

/** One SPDX licence identifier's category. @returns {{category: keyof RANK, detail: string}} */
function classifyIdentifier(id) {
  const known = [...PERMISSIVE].find((p) => p.toLowerCase() === id.toLowerCase());
  if (known) return { category: "permissive", detail: known };
  if (COPYLEFT.test(id)) return { category: "copyleft", detail: id };
  if (WEAK_COPYLEFT.test(id)) return { category: "weak-copyleft", detail: id };
  return { category: "unknown", detail: id };
}

/** An SPDX expression string parsed (spdx-expression-parse), after spdx-correct for a legacy spelling; null when neither reads it. */
function parseExpression(text) {
  try {
    return parseSpdx(text);
  } catch {
    const corrected = correctSpdx(text, { upgrade: false });
    return corrected ? parseSpdx(corrected) : null;
  }
}

/**
 * Classifies a package.json licence: an SPDX expression string, {type}, or a legacy array of {type}.
 * @returns {{category: keyof RANK, detail: string}}
 */
function classifyLicence(licence) {
  if (licence === undefined || licence === null || licence === "") return { category: "none", detail: "no licence declared" };
  if (Array.isArray(licence)) {
    if (!licence.length) return { category: "none", detail: "no licence declared" };
    return classifyLicence(licence.map((l) => (typeof l === "string" ? l : l && l.type)).filter(Boolean).join(" OR "));
  }
  if (typeof licence === "object") return classifyLicence(licence.type);
  const text = String(licence).trim();
  // npm's two non-SPDX forms, read before spdx-correct (which would turn UNLICENSED into Unlicense).
  if (/^UNLICENSED$/i.test(text)) return { category: "none", detail: "UNLICENSED (proprietary)" };
  if (/^SEE LICEN[CS]E IN /i.test(text)) return { category: "unknown", detail: text };
  const tree = parseExpression(text);
  if (!tree) return { category: "unknown", detail: text };
  // A node is {license, plus?, exception?} or {left, conjunction: "and" | "or", right}; the exception does not change the category.
  const walk = (node) => {
    if (node.license) return classifyIdentifier(node.license);
    const [a, b] = [walk(node.left), walk(node.right)];
    if (node.conjunction === "and") return { category: RANK[b.category] > RANK[a.category] ? b.category : a.category, detail: `${a.detail} AND ${b.detail}` };
    return RANK[b.category] < RANK[a.category] ? b : a;
  };
  const r = walk(tree);
  return tree.conjunction === "or" ? { category: r.category, detail: `${r.detail} (chosen from ${text})` } : r;
}

function npmCommand(args) {
  const execpath = process.env.npm_execpath;
  if (execpath && /\.c?js$/.test(execpath)) return spawnSync(process.execPath, [execpath, ...args], { cwd: root, encoding: "utf8", maxBuffer: 256 << 20 });
  return spawnSync("npm", args, { cwd: root, encoding: "utf8", maxBuffer: 256 << 20, shell: process.platform === "win32" });
}

/**
 * The production dependency tree (`npm ls --omit=dev --all --json --long`), one entry per name@version,
 * with the licence read from the installed package.json.
 * @returns {Array<{name: string, version: string, licence: unknown, path: string, via: string}>}
 */
function productionPackages() {
  const r = npmCommand(["ls", "--omit=dev", "--all", "--json", "--long"]);
  if (!r.stdout) throw new Error(`npm ls failed (exit ${r.status}): ${r.stderr}`);
  const tree = JSON.parse(r.stdout); // npm ls exits 1 on e.g. an extraneous package but still prints the tree
  const seen = new Map();
  const expanded = new Set(); // a package's children are listed in full once; elsewhere it may appear deduped, without them
  const walk = (node, chain) => {
    for (const [name, dep] of Object.entries(node.dependencies || {})) {
      if (!dep.version) continue; // missing optional dependency
      const key = `${name}@${dep.version}`;
      if (!seen.has(key)) {
        let pkg = {};
        if (dep.path && fs.existsSync(path.join(dep.path, "package.json"))) pkg = JSON.parse(fs.readFileSync(path.join(dep.path, "package.json"), "utf8"));
        const licence = pkg.license !== undefined ? pkg.license : pkg.licenses !== undefined ? pkg.licenses : dep.license;
        seen.set(key, { name, version: dep.version, licence, path: dep.path ? path.relative(root, dep.path) : "", via: [...chain, name].join(" > ") });
      }
      if (!expanded.has(key) && Object.keys(dep.dependencies || {}).length) {
        expanded.add(key);
        walk(dep, [...chain, name]);
      }
    }
  };
  walk(tree, []);
  return [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Classifies each package and applies REVIEWED.
 * @returns {{rows: Array<object>, flagged: Array<object>, accepted: Array<object>, staleReviews: string[]}}
 */
function checkLicences(packages, reviewed = REVIEWED) {
  const rows = packages.map((p) => {
    const { category, detail } = classifyLicence(p.licence);
    const review = reviewed.find((r) => r.package === `${p.name}@${p.version}`);
    const ok = category === "permissive";
    return { ...p, category, licenceText: detail, status: ok ? "ok" : review ? "accepted" : "FLAGGED", review };
  });
  const used = new Set(rows.filter((r) => r.review).map((r) => r.review.package));
  return {
    rows,
    flagged: rows.filter((r) => r.status === "FLAGGED"),
    accepted: rows.filter((r) => r.status === "accepted"),
    staleReviews: reviewed.filter((r) => !used.has(r.package)).map((r) => r.package),
  };
}

/** Package names inside a webpack stats JSON's module list ("./node_modules/@scope/name/…"). */
function bundledPackagesFromStats(stats) {
  const names = new Set();
  const visit = (modules) => {
    for (const m of modules || []) {
      for (const field of [m.name, m.identifier, m.nameForCondition]) {
        if (typeof field !== "string") continue;
        const resource = field.split("!").pop().split("?")[0]; // the module itself, not the loaders before "!"
        const parts = resource.split(/[\\/]node_modules[\\/]/);
        if (parts.length < 2) continue;
        const rest = parts[parts.length - 1].split(/[\\/!?]/);
        names.add(rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]);
      }
      visit(m.modules);
    }
  };
  visit(stats.modules);
  for (const child of stats.children || []) for (const n of bundledPackagesFromStats(child)) names.add(n);
  return [...names].sort();
}

/** Builds production with `--json` and returns the package names webpack put into dist/*.js. */
function bundledPackages() {
  const out = path.join(os.tmpdir(), `cohesion-webpack-stats-${process.pid}.json`);
  const webpack = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
  const env = { ...process.env, COHESION_URL_PROD: process.env.COHESION_URL_PROD || require("./prod-url").TEST_PROD_URL };
  const r = spawnSync(process.execPath, [webpack, "--mode", "production", `--json=${out}`], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20, env });
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`webpack failed (exit ${r.status}): ${(r.stderr || r.stdout).slice(-2000)}`);
  try {
    return bundledPackagesFromStats(JSON.parse(fs.readFileSync(out, "utf8")));
  } finally {
    fs.rmSync(out, { force: true });
  }
}

function formatText(result, bundled) {
  const lines = [];
  lines.push(`Production dependencies of cohesion-toolkit (npm ls --omit=dev --all): ${result.rows.length} packages`);
  lines.push("");
  const width = Math.max(...result.rows.map((r) => `${r.name}@${r.version}`.length), 10);
  for (const r of result.rows) {
    const tag = r.status === "ok" ? "" : r.status === "accepted" ? `  [accepted: ${r.review.decision}]` : `  [FLAGGED: ${r.category}]`;
    const inBundle = bundled && bundled.includes(r.name) ? "  (in dist/*.js)" : "";
    lines.push(`${`${r.name}@${r.version}`.padEnd(width)}  ${r.licenceText}${tag}${inBundle}`);
  }
  const counts = new Map();
  for (const r of result.rows) counts.set(r.licenceText.replace(/ \(chosen from .*\)$/, ""), (counts.get(r.licenceText.replace(/ \(chosen from .*\)$/, "")) || 0) + 1);
  lines.push("");
  lines.push(`Licences: ${[...counts].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(", ")}`);
  for (const r of result.accepted) lines.push(`Accepted after review: ${r.name}@${r.version} (${r.licenceText}): ${r.review.reason}`);
  for (const s of result.staleReviews) lines.push(`Note: REVIEWED lists ${s}, which is no longer installed; remove it.`);
  if (bundled) {
    lines.push(`Packages in dist/*.js: ${bundled.length}${result.notProduction.length ? `; NOT production dependencies: ${result.notProduction.join(", ")}` : ", all production dependencies"}`);
  }
  if (result.flagged.length) {
    lines.push("");
    lines.push(`FLAGGED: ${result.flagged.length} package(s) need a decision (see scripts/licences.js for the policy):`);
    for (const r of result.flagged) lines.push(`  ${r.name}@${r.version}: ${r.category} — ${r.licenceText} (via ${r.via})`);
  } else {
    lines.push("No copyleft, unlicensed or unrecognised licence.");
  }
  return lines.join("\n");
}

function main(argv) {
  const json = argv.includes("--json");
  const withBundle = argv.includes("--bundled");
  const result = checkLicences(productionPackages());
  let bundled = null;
  result.notProduction = [];
  if (withBundle) {
    bundled = bundledPackages();
    const prodNames = new Set(result.rows.map((r) => r.name));
    result.notProduction = bundled.filter((n) => !prodNames.has(n));
  }
  const failed = result.flagged.length > 0 || result.notProduction.length > 0;
  if (json) {
    process.stdout.write(
      JSON.stringify(
        {
          packages: result.rows.map(({ name, version, licenceText, category, status, via, review }) => ({ name, version, licence: licenceText, category, status, via, ...(review ? { review } : {}) })),
          flagged: result.flagged.map((r) => `${r.name}@${r.version}`),
          accepted: result.accepted.map((r) => `${r.name}@${r.version}`),
          staleReviews: result.staleReviews,
          ...(bundled ? { bundled, notProduction: result.notProduction } : {}),
          ok: !failed,
        },
        null,
        2,
      ) + "\n",
    );
  } else {
    process.stdout.write(formatText(result, bundled) + "\n");
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { classifyLicence, checkLicences, productionPackages, bundledPackagesFromStats, REVIEWED, main };
