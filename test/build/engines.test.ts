import * as fs from "fs";
import * as path from "path";
import * as semver from "semver";

// The Node range in package.json must be true to the dependencies: every Node version it admits must be
// admitted by every locked package that states an engines.node range (webpack-dev-server 6.1 asked for
// Node ≥ 22.15 while the project said ">=20 <25"). Read from the lockfile, which records each package's engines.
const root = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));

type Locked = { engines?: { node?: string } | string[]; optional?: boolean };

describe("the Node range in package.json", () => {
  const declared: string = pkg.engines.node;

  it("is a valid range and admits the Node running the tests", () => {
    expect(semver.validRange(declared)).not.toBeNull();
    expect(semver.satisfies(process.version, declared)).toBe(true);
  });

  it("is admitted by every locked package's engines.node", () => {
    const conflicts: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages as Record<string, Locked>)) {
      if (!where || !entry.engines || Array.isArray(entry.engines) || !entry.engines.node) continue;
      if (!semver.subset(declared, entry.engines.node)) conflicts.push(`${where} asks for node ${entry.engines.node}`);
    }
    expect(conflicts).toEqual([]);
  });

  it("is the same in the lockfile's root entry (npm install would otherwise rewrite it)", () => {
    expect(lock.packages[""].engines.node).toBe(declared);
  });

  it("rejects what an older rule let through: a package needing Node 22.15 is caught", () => {
    // The check itself, on the range that webpack-dev-server 6.1 declared.
    expect(semver.subset(declared, ">= 22.15.0")).toBe(false);
    expect(semver.subset(">=20 <25", "^18.14.0 || ^20.0.0 || ^22.0.0 || >=24.0.0")).toBe(false); // jest 30 skips odd majors
  });
});
