/**
 * The contract's two ways in: `npm run --silent cohesion -- …` (from any folder, relative names
 * read from where the user typed it) and the package's `cohesion` bin (lib/cli/main.js run as a
 * program: shebang and execute bit).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CLI, ensureBuilt, readCsv, ROOT, tempDir } from "../helpers/cli";
import { userFolder } from "../../src/cli/main";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir();
  fs.writeFileSync(path.join(dir, "areas.csv"), "Area,Score\nA,59\n");
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

it("npm run --silent cohesion -- apply, typed in another folder, reads and writes the relative names there", () => {
  const r = spawnSync(npm, ["--prefix", ROOT, "run", "--silent", "cohesion", "--", "apply", "areas.csv", "--out", "areas.out.csv"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  expect(r.stderr.replace(/^npm warn.*\n/gm, "")).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^cohesion apply: areas\.csv → areas\.out\.csv\n/);
  const rows = readCsv(path.join(dir, "areas.out.csv"));
  expect(rows[1].slice(0, 2)).toEqual(["A", "59"]);
  expect(rows[1][2]).toBe("2"); // ABG band (a score alone: the ABG columns follow the data)
  expect(fs.existsSync(path.join(ROOT, "areas.out.csv"))).toBe(false);
});

it("npm run --silent cohesion -- recommend prints JSON only (nothing from npm on stdout)", () => {
  const r = spawnSync(npm, ["--prefix", ROOT, "run", "--silent", "cohesion", "--", "recommend", "--issue", "I01", "--json"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).universal).toHaveLength(5);
});

it("the package bin runs as a program (shebang, executable)", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  expect(path.resolve(ROOT, pkg.bin.cohesion)).toBe(CLI);
  expect(fs.readFileSync(CLI, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  if (process.platform === "win32") return; // no execute bit; npm writes a .cmd shim there
  const r = spawnSync(CLI, ["apply", "areas.csv", "--out", "bin.out.csv"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(readCsv(path.join(dir, "bin.out.csv"))[1][2]).toBe("2");
});

it("userFolder: INIT_CWD only when npm started the cohesion script", () => {
  expect(userFolder({ npm_lifecycle_event: "cohesion", INIT_CWD: "/home/me/data" }, "/repo")).toBe("/home/me/data");
  expect(userFolder({ npm_lifecycle_event: "test", INIT_CWD: "/home/me/data" }, "/repo")).toBe("/repo");
  expect(userFolder({ npm_lifecycle_event: "cohesion" }, "/repo")).toBe("/repo");
  expect(userFolder({}, "/repo")).toBe("/repo");
});
