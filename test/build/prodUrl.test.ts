import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { resolveProdUrl, PLACEHOLDER, TEST_PROD_URL } = require("../../scripts/prod-url.js");
import { spawnSync } from "child_process";

const root = path.resolve(__dirname, "../..");

// One setting, COHESION_URL_PROD, gives the production host; a build without it, or with the placeholder, stops.
describe("COHESION_URL_PROD", () => {
  it.each([
    [undefined, /COHESION_URL_PROD is not set/],
    ["", /COHESION_URL_PROD is not set/],
    [PLACEHOLDER, /placeholder host \(cohesion-toolkit\.example\.org\)/],
    ["https://addins.example.com/x/", /placeholder host/],
    ["http://addins.council.gov.uk/", /must be https/],
    ["https://localhost:3000/", /points at this machine/],
    ["addins.council.gov.uk", /not an address/],
    ["https://addins.council.gov.uk/?v=1", /without \? or #/],
  ])("%p is refused with what to set", (value, message) => {
    expect(() => resolveProdUrl(value)).toThrow(message);
    expect(() => resolveProdUrl(value)).toThrow(/COHESION_URL_PROD=https:\/\/.* npm run build/);
  });

  it("a real https address is used as given, with a trailing slash", () => {
    expect(resolveProdUrl("https://addins.council.gov.uk/cohesion")).toBe("https://addins.council.gov.uk/cohesion/");
    expect(resolveProdUrl(" https://addins.council.gov.uk/ ")).toBe("https://addins.council.gov.uk/");
    expect(resolveProdUrl(TEST_PROD_URL)).toBe(TEST_PROD_URL);
  });

  describe("the webpack build", () => {
    // webpack.config.js is evaluated in its own Node process (jest cannot load its ESM-only markdown renderer).
    const config = (mode: string, url?: string) => {
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env.COHESION_URL_PROD;
      if (url !== undefined) env.COHESION_URL_PROD = url;
      const r = spawnSync(process.execPath, ["-e", `require("./webpack.config.js")({}, { mode: ${JSON.stringify(mode)} }); console.log("config ok")`], { cwd: root, env, encoding: "utf8" });
      return `${r.stdout}${r.stderr}`;
    };
    it("stops a production build without the setting or with the placeholder", () => {
      expect(config("production")).toMatch(/COHESION_URL_PROD is not set/);
      expect(config("production", PLACEHOLDER)).toMatch(/placeholder host/);
      expect(config("production", TEST_PROD_URL)).toMatch(/config ok/);
    });
    it("needs no setting for development (the manifest points at localhost)", () => {
      expect(config("development")).toMatch(/config ok/);
    });
  });

  it("the built production manifest and helpUrls point at the host the tests built for", () => {
    const dist = path.join(root, "dist");
    if (!fs.existsSync(path.join(dist, "manifest.prod.xml"))) throw new Error("dist/ is missing: run `npm test` (it builds production first).");
    const manifest = fs.readFileSync(path.join(dist, "manifest.prod.xml"), "utf8");
    const urls = [...manifest.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) expect(u.startsWith(TEST_PROD_URL)).toBe(true);
    expect(manifest).toMatch(new RegExp(`<SupportUrl DefaultValue="${TEST_PROD_URL}`));
    const fns = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")).functions as Array<{ helpUrl?: string }>;
    for (const f of fns) expect(String(f.helpUrl).startsWith(TEST_PROD_URL)).toBe(true);
  });
});
