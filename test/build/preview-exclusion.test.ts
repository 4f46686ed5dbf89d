// The local preview (src/preview: the Excel stand-in, the formula evaluator, the grid page) is built in
// development mode only. This runs after the production build that `npm test` does first (scripts/test.js)
// and proves none of it reached dist/.
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");

/** Text that exists only in the preview's sources; each is checked to be there, so a rename cannot make this test pass vacuously. */
const MARKERS: Array<[string, string]> = [
  ["src/preview/standIn/context.ts", "load() without property names loads everything"],
  ["src/preview/standIn/context.ts", "exceeds the limit of"],
  ["src/preview/formulas.ts", "The preview computes only the add-in's"],
  ["src/preview/formulas.ts", "a text value is missing its closing quote"],
  ["src/preview/host.ts", "the preview computes only the add-in's COHESION.* functions"],
  ["src/preview/PreviewToolbar.tsx", "This is a preview of the add-in in your browser"],
  ["src/preview/PreviewApp.tsx", "Loading the sample workbook"],
  ["src/preview/preview.tsx", "__cohesionPreview"],
];

describe("the production build has no preview code", () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(dist, "taskpane.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first).");
  });

  it("the markers are in the preview's sources", () => {
    for (const [file, marker] of MARKERS) expect(fs.readFileSync(path.join(root, file), "utf8")).toContain(marker);
  });

  it("dist/ has no preview page or bundle", () => {
    const files = fs.readdirSync(dist, { recursive: true }).map(String);
    expect(files.filter((f) => /preview/i.test(f))).toEqual([]);
    expect(fs.existsSync(path.join(dist, "preview.html"))).toBe(false);
    expect(fs.existsSync(path.join(dist, "preview.js"))).toBe(false);
  });

  it.each(["taskpane.js", "functions.js", "taskpane.html"])("dist/%s contains no stand-in, evaluator or preview code", (file) => {
    const text = fs.readFileSync(path.join(dist, file), "utf8");
    for (const [, marker] of MARKERS) expect(text).not.toContain(marker);
    expect(text).not.toMatch(/sample-indicators\.xlsx/);
  });

  it("no production page refers to the preview (the help page only in its text)", () => {
    // help.html is the README rendered: it tells people about the preview, so it may name it in text.
    for (const f of fs.readdirSync(dist).filter((x) => x.endsWith(".html") && x !== "help.html")) expect(fs.readFileSync(path.join(dist, f), "utf8")).not.toMatch(/preview\.(js|html)/);
  });
});

describe("the help page mentions the preview only as documentation", () => {
  it("loads no script at all", () => {
    const help = path.join(path.resolve(__dirname, "../../dist"), "help.html");
    if (!fs.existsSync(help)) throw new Error("dist/help.html is missing: run `npm run build` (npm test does it first).");
    expect(fs.readFileSync(help, "utf8")).not.toMatch(/<script\b/i);
  });
});
