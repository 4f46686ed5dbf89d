// Manifest security: https only, least permission, no AppDomains outside the (empty) allow-list, and every URL on
// one origin — for manifest.xml, its production variant, and the built dist/manifest.prod.xml when present.
import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifestRules, checkManifestSecurity, manifestUrls, APP_DOMAIN_ALLOW_LIST } = require("../../scripts/manifest-check.js");

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const PROD_ORIGIN = "https://cohesion-toolkit.example.org";
const prod = manifest.split("https://localhost:3000/").join(`${PROD_ORIGIN}/`);
const builtProdFile = path.join(root, "dist", "manifest.prod.xml");

const variants: Array<[string, string, boolean]> = [
  ["manifest.xml", manifest, false],
  ["the production variant", prod, true],
];
if (fs.existsSync(builtProdFile)) variants.push(["dist/manifest.prod.xml", fs.readFileSync(builtProdFile, "utf8"), true]);

describe.each(variants)("%s", (_name, xml, production) => {
  it("passes every rule, the security ones included", () => expect(checkManifestRules(xml, { production })).toEqual([]));
  it("has no <AppDomain> (the allow-list is empty)", () => {
    expect(APP_DOMAIN_ALLOW_LIST).toEqual([]);
    expect(xml).not.toMatch(/<(\w+:)?AppDomain>/);
  });
  it("names every URL on one https origin", () => {
    const urls: string[] = manifestUrls(xml);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect(origins.size).toBe(1);
    expect([...origins][0]).toMatch(/^https:\/\//);
    if (production) expect([...origins][0]).not.toMatch(/localhost|127\.0\.0\.1/);
  });
  it("asks for ReadWriteDocument and no more (the pane writes its results into the workbook)", () =>
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/));
});

describe("the security rules reject", () => {
  const withAppDomain = prod.replace("</DefaultSettings>", "</DefaultSettings>\n  <AppDomains><AppDomain>https://cdn.example.net</AppDomain></AppDomains>");
  it("an <AppDomain> not in the allow-list", () => {
    expect(checkManifestSecurity(withAppDomain).join("\n")).toMatch(/AppDomain>https:\/\/cdn\.example\.net<\/AppDomain> is not in the allow-list/);
    expect(checkManifestRules(withAppDomain, { production: true }).join("\n")).toMatch(/allow-list/);
  });
  it("but accepts one that is allow-listed (and on the same origin)", () => {
    const same = prod.replace("</DefaultSettings>", `</DefaultSettings>\n  <AppDomains><AppDomain>${PROD_ORIGIN}</AppDomain></AppDomains>`);
    expect(checkManifestSecurity(same, { appDomainAllowList: [PROD_ORIGIN] })).toEqual([]);
  });
  it("an icon on another origin", () => {
    const broken = prod.replace(`"${PROD_ORIGIN}/assets/icon-80.png"`, '"https://images.example.net/icon-80.png"');
    expect(checkManifestSecurity(broken).join("\n")).toMatch(/span 2 origins/);
  });
  it("a script URL on another port of the same host", () => {
    const broken = manifest.replace('"https://localhost:3000/functions.js"', '"https://localhost:3001/functions.js"');
    expect(checkManifestSecurity(broken).join("\n")).toMatch(/span 2 origins/);
  });
  it("a locale <Override> pointing elsewhere", () => {
    const broken = prod.replace(
      `<bt:Url id="Help.Url" DefaultValue="${PROD_ORIGIN}/help.html"/>`,
      `<bt:Url id="Help.Url" DefaultValue="${PROD_ORIGIN}/help.html"><bt:Override Locale="fr-FR" Value="https://aide.example.fr/help.html"/></bt:Url>`,
    );
    expect(broken).not.toBe(prod);
    expect(checkManifestSecurity(broken).join("\n")).toMatch(/span 2 origins/);
  });
  it("an http URL (the existing rule)", () => {
    const broken = prod.replace(`"${PROD_ORIGIN}/help.html"`, '"http://cohesion-toolkit.example.org/help.html"');
    expect(checkManifestRules(broken, { production: true }).join("\n")).toMatch(/not https/);
  });
});
