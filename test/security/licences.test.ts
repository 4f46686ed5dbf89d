// scripts/licences.js: the production dependencies' licences pass the policy, and the policy catches what it should.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { classifyLicence, checkLicences, bundledPackagesFromStats } = require("../../scripts/licences.js");

const root = path.resolve(__dirname, "../..");
const script = path.join(root, "scripts", "licences.js");
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });

jest.setTimeout(60_000);

describe("npm run licences", () => {
  it("exits 0: no copyleft, unlicensed or unrecognised licence among the production dependencies", () => {
    const r = run();
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/No copyleft, unlicensed or unrecognised licence\./);
    expect(r.status).toBe(0);
  });
  it("--json lists every package.json dependency and its tree", () => {
    const r = run("--json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.flagged).toEqual([]);
    const names = new Set(out.packages.map((p: { name: string }) => p.name));
    const deps = Object.keys(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).dependencies);
    for (const d of deps) expect(names).toContain(d);
    expect(out.packages.length).toBeGreaterThan(deps.length); // transitive ones too
    for (const p of out.packages) expect(p.licence).not.toBe("");
    // The same set as package-lock.json's non-development entries.
    const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")).packages as Record<string, { version?: string; dev?: boolean; link?: boolean }>;
    const fromLock = new Set(Object.entries(lock).filter(([k, v]) => k && v.version && !v.dev && !v.link).map(([k, v]) => `${k.split("node_modules/").pop()}@${v.version}`));
    expect(new Set(out.packages.map((p: { name: string; version: string }) => `${p.name}@${p.version}`))).toEqual(fromLock);
    // Development tools are not production dependencies.
    expect(names).not.toContain("webpack");
    expect(names).not.toContain("eslint");
  });
});

describe("the licence policy", () => {
  const pkg = (name: string, licence: unknown) => ({ name, version: "1.0.0", licence, path: "", via: name });
  it.each([
    ["MIT", "permissive"],
    ["ISC", "permissive"],
    ["Apache-2.0", "permissive"],
    ["Apache 2.0", "permissive"],
    ["MIT/X11", "permissive"],
    ["(MIT OR GPL-3.0-or-later)", "permissive"],
    ["(MIT AND Zlib)", "permissive"],
    ["GPL-3.0-only", "copyleft"],
    ["GPL-2.0+", "copyleft"],
    ["GPL-2.0 WITH Classpath-exception-2.0", "copyleft"],
    ["AGPL-3.0", "copyleft"],
    ["LGPL-2.1-or-later", "copyleft"],
    ["EUPL-1.2", "copyleft"],
    ["SSPL-1.0", "copyleft"],
    ["CC-BY-SA-4.0", "copyleft"],
    ["(MIT AND GPL-2.0)", "copyleft"],
    ["(MPL-2.0 OR GPL-2.0)", "weak-copyleft"],
    ["MPL-2.0", "weak-copyleft"],
    ["EPL-2.0", "weak-copyleft"],
    ["UNLICENSED", "none"],
    ["SEE LICENSE IN LICENSE.md", "unknown"],
    ["Frobnicate-1.0", "unknown"],
  ])("%s is %s", (licence, category) => expect(classifyLicence(licence).category).toBe(category));
  it("reads the legacy forms: {type} and [{type}, …] (an array is a choice)", () => {
    expect(classifyLicence({ type: "BSD-3-Clause" }).category).toBe("permissive");
    expect(classifyLicence([{ type: "GPL-2.0" }, { type: "MIT" }]).category).toBe("permissive");
    expect(classifyLicence([{ type: "GPL-2.0" }]).category).toBe("copyleft");
    expect(classifyLicence(undefined).category).toBe("none");
    expect(classifyLicence([]).category).toBe("none");
  });
  it("flags a fake copyleft entry, a missing licence and an MPL one among permissive packages", () => {
    const result = checkLicences([pkg("fine", "MIT"), pkg("evil-gpl", "GPL-3.0"), pkg("nolicence", undefined), pkg("mozilla", "MPL-2.0")], []);
    expect(result.flagged.map((r: { name: string; category: string }) => `${r.name}:${r.category}`)).toEqual(["evil-gpl:copyleft", "nolicence:none", "mozilla:weak-copyleft"]);
  });
  it("accepts a reviewed package by exact name@version only, and reports a review that matches nothing", () => {
    const reviewed = [
      { package: "mozilla@1.0.0", decision: "MPL-2.0, unmodified; source linked in NOTICE", reason: "test" },
      { package: "gone@2.0.0", decision: "x", reason: "test" },
    ];
    const result = checkLicences([pkg("mozilla", "MPL-2.0"), { ...pkg("mozilla", "MPL-2.0"), version: "1.1.0" }], reviewed);
    expect(result.accepted.map((r: { version: string }) => r.version)).toEqual(["1.0.0"]);
    expect(result.flagged.map((r: { version: string }) => r.version)).toEqual(["1.1.0"]);
    expect(result.staleReviews).toEqual(["gone@2.0.0"]);
  });
});

describe("webpack's module list (--bundled)", () => {
  it("finds package names, scoped and nested, in a stats file", () => {
    const stats = {
      modules: [
        { name: "./src/taskpane/index.tsx + 40 modules", modules: [{ name: "./node_modules/@fluentui/react-button/lib/index.js" }, { name: "./node_modules/react/index.js" }] },
        { identifier: "/x/node_modules/exceljs/node_modules/dayjs/dayjs.min.js" },
        { name: "./src/engine/abg.ts" },
        { name: "./node_modules/html-webpack-plugin/lib/loader.js!./src/taskpane/taskpane.html" }, // a loader is not bundled code
      ],
      children: [{ modules: [{ name: "./node_modules/scheduler/cjs/scheduler.production.js" }] }],
    };
    expect(bundledPackagesFromStats(stats)).toEqual(["@fluentui/react-button", "dayjs", "react", "scheduler"]);
  });
});
