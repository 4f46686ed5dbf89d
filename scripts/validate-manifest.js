#!/usr/bin/env node
// npm run validate:offline — the offline manifest check (XSD where available + rules). `npm run validate` is Microsoft's online check.
const fs = require("fs");
const path = require("path");
const { checkManifestRules, validateXsd } = require("./manifest-check");

(async () => {
  let failed = false;
  const targets = [{ file: "manifest.xml", production: false }];
  const prod = path.join("dist", "manifest.prod.xml");
  if (fs.existsSync(prod)) targets.push({ file: prod, production: true });
  for (const t of targets) {
    const xml = fs.readFileSync(t.file, "utf8");
    const rules = checkManifestRules(xml, { production: t.production });
    const xsd = await validateXsd(xml);
    if (xsd.skipped) console.log(`${t.file}: XSD ${xsd.reason}`);
    else if (!xsd.valid) { failed = true; console.log(`${t.file}: XSD errors:\n  ${xsd.errors.join("\n  ")}`); }
    else console.log(`${t.file}: valid against the Office add-in XSDs`);
    if (rules.length) { failed = true; console.log(`${t.file}: rule errors:\n  ${rules.join("\n  ")}`); }
    else console.log(`${t.file}: passes the rules the XSD misses${t.production ? " (production: https only, no localhost)" : ""}`);
  }
  process.exit(failed ? 1 : 0);
})();
