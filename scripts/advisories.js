#!/usr/bin/env node
// `npm run advisories` — a stand-in for `npm audit`, which this project's registry refuses (HTTP 405 on the
// audit endpoint). It checks every package installed by package-lock.json (production and development) against
// DENY below: a small, hand-kept list of published advisories for packages in, or likely to enter, our tree —
// the spreadsheet/zip/CSV readers that parse users' files first, then the build and dev-server tools.
// It knows only what is written here: when `npm audit` works again, run it; it sees every advisory.
//
//   npm run advisories             text
//   npm run advisories -- --json   JSON
// Exits 1 when an installed version is in a denied range and not waived (WAIVERS, by exact version, with reason).
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");

/**
 * Each entry: package, the advisory id(s), a summary, and the affected ranges as [introduced, fixed) pairs
 * ("0" = from the first version; fixed null = no fixed version known). Sources: the GitHub advisory database
 * (GHSA) and the CVE records, as cited by each project's issue tracker.
 * @type {Array<{package: string, id: string, summary: string, ranges: Array<[string, string | null]>, note?: string}>}
 */
const DENY = [
  // --- Spreadsheet, zip and CSV parsing: these read the files users give the CLI and the pane.
  {
    package: "xlsx",
    id: "CVE-2023-30533 / GHSA-4r6h-8v6p-xvw6",
    summary: "SheetJS: prototype pollution when reading a crafted file",
    ranges: [["0", "0.19.3"]],
    note: "the npm registry's last xlsx is 0.18.5, so every xlsx from npm is affected; SheetJS publishes fixed builds only on its own CDN",
  },
  { package: "xlsx", id: "CVE-2024-22363 / GHSA-5pgg-2g8v-p4x9", summary: "SheetJS: regular-expression denial of service (ReDoS)", ranges: [["0", "0.20.2"]] },
  { package: "jszip", id: "CVE-2021-23413 / GHSA-jg8v-48h5-wgxg", summary: "prototype pollution through file names such as __proto__ in a zip", ranges: [["0", "3.7.0"]] },
  { package: "jszip", id: "CVE-2022-48285 / GHSA-36fh-84j7-cv5h", summary: "loadAsync: path traversal (zip slip) via crafted entry names", ranges: [["0", "3.8.0"]] },
  { package: "unzipper", id: "CVE-2018-1002203", summary: "Extract: path traversal (zip slip)", ranges: [["0", "0.8.13"]] },
  {
    package: "unzipper",
    id: "CVE-2026-17514",
    summary: "Extract: path traversal writing outside the target directory",
    ranges: [["0", "0.12.4"]],
    note: "reported as affecting <= 0.12.3; exceljs 4.4.0 asks for unzipper ^0.10 (which also pulls in the unlicensed 'buffers'), so package.json overrides it to 0.12.5",
  },
  { package: "fast-csv", id: "CVE-2020-26256 / GHSA-8cv5-p934-3hwp", summary: "ReDoS with the ignoreEmpty parsing option", ranges: [["0", "4.3.6"]] },
  { package: "@fast-csv/parse", id: "CVE-2020-26256 / GHSA-8cv5-p934-3hwp", summary: "ReDoS with the ignoreEmpty parsing option", ranges: [["0", "4.3.6"]] },
  { package: "csv-parse", id: "CVE-2019-17592", summary: "ReDoS in number casting (cast option)", ranges: [["0", "4.4.6"]] },
  { package: "tmp", id: "CVE-2025-54798 / GHSA-52f5-9888-hmc6", summary: "arbitrary temporary file/directory write through a symbolic-link dir", ranges: [["0", "0.2.4"]] },
  { package: "minimist", id: "CVE-2021-44906", summary: "prototype pollution", ranges: [["0", "0.2.4"], ["1.0.0", "1.2.6"]] },
  { package: "xml2js", id: "CVE-2023-0842", summary: "prototype pollution through __proto__ keys", ranges: [["0", "0.5.0"]] },
  { package: "fast-xml-parser", id: "CVE-2023-34104", summary: "ReDoS in entity parsing", ranges: [["0", "4.2.4"]] },
  { package: "fast-xml-parser", id: "CVE-2024-41818", summary: "ReDoS in currency parsing", ranges: [["4.0.0", "4.4.1"]], note: "published as from 4.3.5; listed wider" },
  { package: "@babel/runtime", id: "CVE-2025-27789", summary: "inefficient RegExp in generated code for named capturing groups", ranges: [["0", "7.26.10"]] },
  // --- Glob and text utilities deep in the tree.
  {
    package: "brace-expansion",
    id: "CVE-2025-5889",
    summary: "ReDoS in expand()",
    ranges: [["0", "1.1.12"], ["2.0.0", "2.0.2"], ["3.0.0", "3.0.1"], ["4.0.0", "4.0.1"]],
  },
  {
    package: "brace-expansion",
    id: "GHSA-3jxr-9vmj-r5cp",
    summary: "ReDoS with crafted nested braces",
    ranges: [["0", "1.1.16"], ["2.0.0", "2.1.2"], ["3.0.0", "5.0.7"]],
  },
  { package: "minimatch", id: "CVE-2022-3517", summary: "ReDoS in braceExpand", ranges: [["0", "3.0.5"]] },
  { package: "semver", id: "CVE-2022-25883", summary: "ReDoS in new Range()", ranges: [["0", "5.7.2"], ["6.0.0", "6.3.1"], ["7.0.0", "7.5.2"]] },
  { package: "braces", id: "CVE-2024-4068", summary: "unbounded memory use on crafted input", ranges: [["0", "3.0.3"]] },
  { package: "micromatch", id: "CVE-2024-4067", summary: "ReDoS in braces()", ranges: [["0", "4.0.8"]] },
  { package: "cross-spawn", id: "CVE-2024-21538", summary: "ReDoS", ranges: [["0", "6.0.6"], ["7.0.0", "7.0.5"]] },
  { package: "json5", id: "CVE-2022-46175", summary: "prototype pollution in parse()", ranges: [["0", "1.0.2"], ["2.0.0", "2.2.2"]] },
  { package: "lodash", id: "CVE-2021-23337", summary: "command injection through template()", ranges: [["0", "4.17.21"]] },
  { package: "marked", id: "CVE-2022-21680 / CVE-2022-21681", summary: "ReDoS in block and inline rules", ranges: [["0", "4.0.10"]] },
  // --- Build and development server (the developer's machine and CI).
  { package: "webpack", id: "CVE-2024-43788", summary: "DOM clobbering in the auto public path leads to XSS", ranges: [["5.0.0", "5.94.0"]] },
  {
    package: "webpack-dev-server",
    id: "CVE-2025-30359 / CVE-2025-30360",
    summary: "a malicious site can read the dev server's source code",
    ranges: [["0", "5.2.1"]],
  },
  {
    package: "ws",
    id: "CVE-2024-37890",
    summary: "denial of service with many HTTP headers",
    ranges: [["2.1.0", "5.2.4"], ["6.0.0", "6.2.3"], ["7.0.0", "7.5.10"], ["8.0.0", "8.17.1"]],
  },
  { package: "@babel/traverse", id: "CVE-2023-45133", summary: "arbitrary code execution compiling crafted code", ranges: [["0", "7.23.2"]] },
];

/**
 * Findings accepted by a person, by exact package@version and advisory id, each with the reason. Empty is the goal.
 * @type {Array<{package: string, id: string, reason: string}>}
 */
const WAIVERS = [];

/** Compares two versions "1.2.3[-pre]" numerically; a pre-release sorts before its release. */
function compareVersions(a, b) {
  const parse = (v) => {
    const [main, pre] = String(v).replace(/^v/, "").split("-", 2);
    return { nums: main.split(".").map((n) => parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] || 0) - (y.nums[i] || 0);
    if (d) return d < 0 ? -1 : 1;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

const inRange = (version, [introduced, fixed]) => compareVersions(version, introduced) >= 0 && (fixed === null || compareVersions(version, fixed) < 0);

/** Every installed package instance from package-lock.json: name, version, where, dev or not. */
function installedPackages(lockFile = path.join(root, "package-lock.json")) {
  const lock = JSON.parse(fs.readFileSync(lockFile, "utf8"));
  const out = [];
  for (const [where, entry] of Object.entries(lock.packages || {})) {
    if (!where || !entry.version || entry.link) continue;
    const name = entry.name || where.split("node_modules/").pop();
    out.push({ name, version: entry.version, where, dev: Boolean(entry.dev) });
  }
  return out;
}

/**
 * @returns {{findings: Array<object>, waived: Array<object>, staleWaivers: string[]}}
 */
function checkAdvisories(packages, deny = DENY, waivers = WAIVERS) {
  const findings = [];
  const waived = [];
  const usedWaivers = new Set();
  for (const p of packages) {
    for (const a of deny) {
      if (a.package !== p.name || !a.ranges.some((r) => inRange(p.version, r))) continue;
      const finding = { package: p.name, version: p.version, where: p.where, dev: p.dev, id: a.id, summary: a.summary };
      const w = waivers.find((x) => x.package === `${p.name}@${p.version}` && x.id === a.id);
      if (w) {
        usedWaivers.add(w);
        waived.push({ ...finding, reason: w.reason });
      } else findings.push(finding);
    }
  }
  return { findings, waived, staleWaivers: waivers.filter((w) => !usedWaivers.has(w)).map((w) => `${w.package} ${w.id}`) };
}

function main(argv) {
  const packages = installedPackages();
  const result = checkAdvisories(packages);
  if (argv.includes("--json")) {
    process.stdout.write(JSON.stringify({ checked: packages.length, advisories: DENY.length, ...result, ok: result.findings.length === 0 }, null, 2) + "\n");
  } else {
    console.log(`Checked ${packages.length} installed packages (package-lock.json) against ${DENY.length} advisories in scripts/advisories.js.`);
    console.log("This is a stand-in for `npm audit` (refused by this registry): it knows only the advisories listed there.");
    for (const w of result.waived) console.log(`waived: ${w.package}@${w.version} ${w.id} — ${w.reason}`);
    for (const s of result.staleWaivers) console.log(`note: waiver ${s} matches nothing installed; remove it.`);
    if (result.findings.length) {
      console.log(`\nVULNERABLE: ${result.findings.length} installed package(s):`);
      for (const f of result.findings) console.log(`  ${f.package}@${f.version} (${f.where}${f.dev ? ", dev" : ""}): ${f.id} — ${f.summary}`);
    } else console.log("No installed version is in a listed vulnerable range.");
  }
  return result.findings.length ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { DENY, WAIVERS, compareVersions, inRange, installedPackages, checkAdvisories, main };
