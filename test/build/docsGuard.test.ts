/**
 * scripts/docs-guard.js: what scripts/test.js uses to fail a run whose browser tests wrote under docs/
 * (a fresh clone's `git status` must stay clean after `npm test`).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { snapshot, changedFiles } = require("../../scripts/docs-guard.js");

describe("docs guard", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "docs-guard-"));
    fs.mkdirSync(path.join(dir, "screenshots"));
    fs.writeFileSync(path.join(dir, "screenshots", "a.png"), "a");
    fs.writeFileSync(path.join(dir, "notes.md"), "notes");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("nothing written: no change", () => {
    const before = snapshot(dir);
    fs.readFileSync(path.join(dir, "notes.md"));
    expect(changedFiles(before, snapshot(dir))).toEqual([]);
  });

  test("a file added, removed or rewritten (even with the same bytes) is a change", () => {
    const before = snapshot(dir);
    fs.writeFileSync(path.join(dir, "screenshots", "b.png"), "b");
    fs.rmSync(path.join(dir, "notes.md"));
    const later = new Date(Date.now() + 5000);
    fs.writeFileSync(path.join(dir, "screenshots", "a.png"), "a");
    fs.utimesSync(path.join(dir, "screenshots", "a.png"), later, later);
    expect(changedFiles(before, snapshot(dir))).toEqual(["notes.md", "screenshots/a.png", "screenshots/b.png"]);
  });

  test("the repository's browser tests copy to docs/ only with --screenshots (npm run screenshots)", () => {
    const root = path.join(__dirname, "..", "..");
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    expect(pkg.scripts.screenshots).toMatch(/test\/e2e\/run\.js\b.*--screenshots/);
    const runJs = fs.readFileSync(path.join(root, "test", "e2e", "run.js"), "utf8");
    // every copy into DOC_SHOTS sits under `if (args.screenshots)`
    const copyAt = runJs.indexOf("path.join(DOC_SHOTS");
    expect(copyAt).toBeGreaterThan(0);
    expect(runJs.lastIndexOf("if (args.screenshots)", copyAt)).toBeGreaterThan(runJs.lastIndexOf("\n}\n", copyAt));
  });
});
