import * as fs from "fs";
import * as path from "path";

const dist = path.resolve(__dirname, "../../dist");
const built = fs.existsSync(path.join(dist, "functions.json"));

// Runs after the production build that `npm test` does first (scripts/test.js).
describe("production build output", () => {
  beforeAll(() => {
    if (!built) throw new Error("dist/ is missing: run `npm run build` (npm test does it first).");
  });
  const read = (f: string) => fs.readFileSync(path.join(dist, f), "utf8");

  it("registers every id of functions.json in functions.js (guards generator-office#882, the empty functions.js)", () => {
    const ids: string[] = JSON.parse(read("functions.json")).functions.map((f: { id: string }) => f.id);
    const js = read("functions.js");
    expect(ids.length).toBeGreaterThanOrEqual(9);
    for (const id of ids) expect(js).toContain(`CustomFunctions.associate("${id}"`);
  });
  it("loads the functions in the task pane page (shared runtime) and office.js from Microsoft's CDN", () => {
    const html = read("taskpane.html");
    expect(html).toMatch(/src="?functions\.js/);
    expect(html).toMatch(/src="?taskpane\.js/);
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });
  it("emits a production manifest without localhost, and help URLs on the production host", () => {
    expect(read("manifest.prod.xml")).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(read("functions.json")).not.toMatch(/localhost/);
  });
  it("sets the workbook to load the add-in on first use, and leaves the metadata cache switch to development builds", () => {
    // src/taskpane/startup.ts: setStartupBehavior(load) on the shared runtime's start; development decided by NODE_ENV,
    // which webpack replaces by mode, so no `process` reference may survive into the bundle.
    const js = read("taskpane.js");
    expect(js).toContain("setStartupBehavior");
    expect(js).toContain("Office.ForceRefreshCustomFunctionsCache");
    expect(js).not.toMatch(/process\.env/);
  });
  it("keeps React and Fluent UI out of the functions bundle", () => {
    const js = read("functions.js");
    expect(js).not.toMatch(/react\.production|__SECRET_INTERNALS|fluentui|makeStyles/);
  });
  it("renders the function reference (functions.html) with an anchor for every function's helpUrl", () => {
    const html = read("functions.html");
    for (const f of JSON.parse(read("functions.json")).functions) {
      const anchor = String(f.helpUrl).split("#")[1];
      expect(html).toMatch(new RegExp(`id="?${anchor}[" >]`));
    }
  });
});
