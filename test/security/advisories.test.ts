// scripts/advisories.js: a stand-in for `npm audit` (the registry here refuses it) — no installed package is in a
// denied range, and the range logic catches what it should.
import { spawnSync } from "child_process";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DENY, compareVersions, inRange, installedPackages, checkAdvisories } = require("../../scripts/advisories.js");

const root = path.resolve(__dirname, "../..");

describe("npm run advisories", () => {
  it("exits 0: no installed package is in a listed vulnerable range", () => {
    const r = spawnSync(process.execPath, [path.join(root, "scripts", "advisories.js"), "--json"], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
    const out = JSON.parse(r.stdout);
    expect(out.findings).toEqual([]);
    expect(out.checked).toBeGreaterThan(500);
    expect(r.status).toBe(0);
  });
  it("xlsx (SheetJS) is not installed at all: every version on npm is affected", () => {
    expect(installedPackages().filter((p: { name: string }) => p.name === "xlsx")).toEqual([]);
  });
  it("the unzipper that exceljs uses is past CVE-2026-17514 and no longer pulls in the unlicensed 'buffers'", () => {
    const installed = installedPackages();
    for (const p of installed.filter((x: { name: string }) => x.name === "unzipper")) expect(compareVersions(p.version, "0.12.4")).toBeGreaterThanOrEqual(0);
    expect(installed.filter((p: { name: string }) => p.name === "buffers")).toEqual([]);
  });
  it("every deny-list entry is well formed", () => {
    for (const a of DENY) {
      expect(a.package).toMatch(/^(@[\w.-]+\/)?[\w.-]+$/);
      expect(a.id).toMatch(/CVE-\d{4}-\d+|GHSA-/);
      expect(a.ranges.length).toBeGreaterThan(0);
      for (const [from, to] of a.ranges) if (to !== null) expect(compareVersions(from, to)).toBeLessThan(0);
    }
  });
});

describe("the range check", () => {
  const pkg = (name: string, version: string) => ({ name, version, where: `node_modules/${name}`, dev: false });
  it.each([
    ["xlsx", "0.18.5", 2],
    ["xlsx", "0.19.3", 1],
    ["xlsx", "0.20.2", 0],
    ["jszip", "3.7.1", 1],
    ["jszip", "3.10.1", 0],
    ["tmp", "0.2.3", 1],
    ["tmp", "0.2.4", 0],
    ["unzipper", "0.10.14", 1],
    ["unzipper", "0.12.5", 0],
    ["brace-expansion", "2.0.1", 2],
    ["brace-expansion", "2.1.8", 0],
    ["semver", "7.5.1", 1],
    ["semver", "7.5.2", 0],
    ["fast-csv", "4.3.5", 1],
    ["ws", "8.17.0", 1],
    ["ws", "8.17.1", 0],
  ])("%s@%s has %i finding(s)", (name, version, n) => {
    expect(checkAdvisories([pkg(name, version)]).findings).toHaveLength(n);
  });
  it("compares versions numerically, pre-releases before their release", () => {
    expect(compareVersions("0.10.14", "0.9.2")).toBe(1);
    expect(compareVersions("1.2.3-beta.1", "1.2.3")).toBe(-1);
    expect(compareVersions("1.2.3", "1.2.3")).toBe(0);
    expect(inRange("5.0.0", ["0", null])).toBe(true);
  });
  it("applies a waiver by exact version and advisory id, and reports one that matches nothing", () => {
    const waivers = [
      { package: "tmp@0.2.3", id: "CVE-2025-54798 / GHSA-52f5-9888-hmc6", reason: "test" },
      { package: "tmp@0.0.1", id: "CVE-2025-54798 / GHSA-52f5-9888-hmc6", reason: "test" },
    ];
    const r = checkAdvisories([pkg("tmp", "0.2.3"), pkg("tmp", "0.2.2")], DENY, waivers);
    expect(r.waived.map((w: { version: string }) => w.version)).toEqual(["0.2.3"]);
    expect(r.findings.map((f: { version: string }) => f.version)).toEqual(["0.2.2"]);
    expect(r.staleWaivers).toEqual(["tmp@0.0.1 CVE-2025-54798 / GHSA-52f5-9888-hmc6"]);
  });
});
