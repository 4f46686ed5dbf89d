import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// A fresh clone stays clean: the README's set-up (`npm install`) must not rewrite the committed lockfile.
// It did (+239 lines: other platforms' optional packages that npm 11 records). Resolve the lockfile again,
// as `npm install` does, in a scratch folder (--package-lock-only: no node_modules, no scripts), and compare.
const root = path.resolve(__dirname, "../..");

describe("package-lock.json", () => {
  it("is what `npm install` writes: resolving it again changes nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohesion-lock-"));
    try {
      for (const f of ["package.json", "package-lock.json"]) fs.copyFileSync(path.join(root, f), path.join(dir, f));
      const npm = process.platform === "win32" ? "npm.cmd" : "npm";
      const r = spawnSync(npm, ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: dir, encoding: "utf8", timeout: 120_000 });
      const out = `${r.stdout}${r.stderr}`;
      if (r.status !== 0 && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(out)) {
        console.warn("SKIPPED: the npm registry could not be reached, so the lockfile was not re-resolved.\n" + out.slice(-400));
        return;
      }
      expect({ status: r.status, tail: r.status === 0 ? "" : out.slice(-400) }).toEqual({ status: 0, tail: "" });
      const before = fs.readFileSync(path.join(root, "package-lock.json"), "utf8").split("\n");
      const after = fs.readFileSync(path.join(dir, "package-lock.json"), "utf8").split("\n");
      const firstDiff = before.findIndex((line, i) => line !== after[i]);
      expect({ lines: after.length, firstDiff, line: firstDiff < 0 ? "" : after[firstDiff] }).toEqual({ lines: before.length, firstDiff: -1, line: "" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
