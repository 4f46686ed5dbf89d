import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifestRules, validateXsd, SCHEMA_DIR } = require("../../scripts/manifest-check.js");

const manifest = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
const hasSchemas = fs.existsSync(path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd"));
const prod = manifest.split("https://localhost:3000/").join("https://cohesion-toolkit.example.org/");

describe("manifest rules the XSD misses", () => {
  it("manifest.xml passes", () => expect(checkManifestRules(manifest)).toEqual([]));
  it("the production variant passes with production rules", () => expect(checkManifestRules(prod, { production: true })).toEqual([]));
  it("the dev manifest fails production rules (localhost)", () =>
    expect(checkManifestRules(manifest, { production: true }).join("\n")).toMatch(/production manifest points at https:\/\/localhost/));
  it("declares the COHESION namespace", () => expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="COHESION"\/>/));
  it.each([
    ["an undefined resid", manifest.replace('resid="Functions.Script.Url"', 'resid="Functions.Script.Missing"'), /not defined in <Resources>/],
    ["a resid over 32 characters", manifest.replace(/Functions\.Metadata\.Url/g, "Functions.Metadata.Url.Much.Too.Long.Name"), /longer than 32/],
    ["a bad namespace", manifest.replace('DefaultValue="COHESION"', 'DefaultValue="1COHESION-X"'), /namespace "1COHESION-X"/],
    ["an inconsistent runtime resid", manifest.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Help.Url"/>'), /FunctionFile/],
    ["an http URL", manifest.replace('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"'), /not https/],
    ["no SharedRuntime", manifest.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), /SharedRuntime/],
    ["excess permissions", manifest.replace("ReadWriteDocument", "ReadWriteMailbox"), /permissions/],
  ])("rejects %s", (_name, broken, message) => {
    expect(checkManifestRules(broken).join("\n")).toMatch(message);
  });
});

(hasSchemas ? describe : describe.skip)("manifest against the Office add-in XSDs (../shared/manifest-schemas)", () => {
  it("manifest.xml is valid", async () => expect(await validateXsd(manifest)).toEqual({ skipped: false, valid: true, errors: [] }));
  it("the production variant is valid", async () => expect((await validateXsd(prod)).valid).toBe(true));
  it("a broken manifest is rejected", async () => {
    const r = await validateXsd(manifest.replace('lifetime="long"', 'lifetime="forever"'));
    expect(r.valid).toBe(false);
    expect(r.errors.join("\n")).toMatch(/forever/);
  });
  it("an unknown element is rejected", async () => {
    const r = await validateXsd(manifest.replace("<Namespace ", "<Bogus/><Namespace "));
    expect(r.valid).toBe(false);
  });
});

if (!hasSchemas) {
  describe("manifest XSD check", () => {
    it.skip("skipped: ../shared/manifest-schemas is not present (the check runs where it exists, e.g. CI)", () => undefined);
  });
  // Say it plainly in the output too.
  console.warn("manifest XSD check skipped: ../shared/manifest-schemas is not present");
}
