// Offline manifest checks: Microsoft's XSDs (where ../shared/manifest-schemas exists) plus the rules
// the XSD misses (resids defined and ≤ 32 chars, namespace rules, one runtime resid, https, no localhost in production,
// no AppDomain outside an (empty) allow-list, every URL on one origin).
const fs = require("fs");
const path = require("path");
const { XMLParser } = require("fast-xml-parser");

const SCHEMA_DIR = path.resolve(__dirname, "..", "..", "shared", "manifest-schemas");

/** Every element/attribute walk over the parsed tree. */
function walk(node, visit, pathParts = []) {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit, pathParts));
  if (node === null || typeof node !== "object") return;
  visit(node, pathParts);
  for (const [k, v] of Object.entries(node)) if (!k.startsWith("@_")) walk(v, visit, [...pathParts, k]);
}

/**
 * @param {string} xml manifest text
 * @param {{production?: boolean}} options
 * @returns {string[]} rule violations (empty = passes)
 */
function checkManifestRules(xml, options = {}) {
  const errors = [];
  let doc;
  try {
    doc = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, isArray: () => false }).parse(xml, true);
  } catch (e) {
    return [`not well-formed XML: ${e.message}`];
  }
  const defined = new Map(); // id -> DefaultValue
  const referenced = [];
  const urls = [];
  walk(doc, (node, p) => {
    const tag = p[p.length - 1];
    if (["Image", "Url", "String"].includes(tag) && node["@_id"] !== undefined && p.includes("Resources")) defined.set(node["@_id"], node["@_DefaultValue"]);
    if (node["@_resid"] !== undefined) referenced.push({ resid: node["@_resid"], where: p.join("/") });
    for (const [k, v] of Object.entries(node)) if (k === "@_DefaultValue" && typeof v === "string" && /^[a-z]+:\/\//i.test(v)) urls.push({ url: v, where: p.join("/") });
  });
  // Arrays of same-named siblings are parsed as arrays; walk handles them. Resource arrays:
  for (const { resid, where } of referenced) {
    if (resid.length > 32) errors.push(`resid "${resid}" (${where}) is longer than 32 characters`);
    if (!defined.has(resid)) errors.push(`resid "${resid}" (${where}) is not defined in <Resources>`);
  }
  for (const id of defined.keys()) if (id.length > 32) errors.push(`resource id "${id}" is longer than 32 characters`);

  // Custom functions namespace: ≤ 32 characters, starts with a letter, letters/digits/. and _ only.
  const nsResids = referenced.filter((r) => r.where.endsWith("ExtensionPoint/Namespace")).map((r) => r.resid);
  if (nsResids.length !== 1) errors.push(`expected exactly one custom functions <Namespace>, found ${nsResids.length}`);
  for (const r of nsResids) {
    const ns = defined.get(r);
    if (typeof ns !== "string" || !/^[A-Za-z][A-Za-z0-9._]{0,31}$/.test(ns)) errors.push(`namespace "${ns}" must be 1–32 characters: a letter, then letters, digits, "." or "_"`);
  }

  // Shared runtime: the Runtime, the custom functions Page and the FunctionFile use one resid.
  const runtime = referenced.filter((r) => r.where.endsWith("Runtimes/Runtime")).map((r) => r.resid);
  const page = referenced.filter((r) => r.where.endsWith("Page/SourceLocation")).map((r) => r.resid);
  const functionFile = referenced.filter((r) => r.where.endsWith("FunctionFile")).map((r) => r.resid);
  if (runtime.length !== 1) errors.push(`expected one <Runtime>, found ${runtime.length}`);
  else {
    if (page.some((p) => p !== runtime[0])) errors.push(`custom functions <Page> resid must be the runtime's resid "${runtime[0]}"`);
    if (functionFile.some((p) => p !== runtime[0])) errors.push(`<FunctionFile> resid must be the runtime's resid "${runtime[0]}"`);
  }
  if (!/<Set\s+Name="SharedRuntime"/.test(xml)) errors.push(`the SharedRuntime requirement set is missing`);
  if (/lifetime="long"/g.test(xml) && (xml.match(/lifetime="long"/g) || []).length > 1) errors.push("only one runtime may be lifetime=\"long\"");

  for (const { url, where } of urls) {
    if (!url.startsWith("https://")) errors.push(`URL ${url} (${where}) is not https`);
    if (options.production && /\/\/(localhost|127\.0\.0\.1)[:/]/.test(url)) errors.push(`production manifest points at ${url} (${where})`);
  }
  if (options.production) {
    const src = (xml.match(/<SourceLocation DefaultValue="([^"]+)"/) || [])[1] || "";
    if (/localhost/.test(src)) errors.push(`production SourceLocation is ${src}`);
  }
  const perm = (xml.match(/<Permissions>([^<]+)<\/Permissions>/) || [])[1];
  if (!["ReadWriteDocument", "ReadDocument", "Restricted"].includes(perm)) errors.push(`permissions "${perm}" exceed what the add-in needs (ReadWriteDocument)`);
  errors.push(...checkManifestSecurity(xml, options));
  return errors;
}

/**
 * Extra domains the add-in may name in <AppDomains>. Empty: the pane, the functions and the help page are all
 * served from the one SourceLocation origin, and an AppDomain would let another origin's pages run in the
 * pane with Office.js access (desktop) — add one only with a reason beside it.
 */
const APP_DOMAIN_ALLOW_LIST = [];

/** Every URL a manifest names: DefaultValue and Override Value attributes, and AppDomain entries. */
function manifestUrls(xml) {
  const urls = [];
  for (const m of xml.matchAll(/\b(?:DefaultValue|Value)="([a-z][a-z0-9+.-]*:\/\/[^"]*)"/gi)) urls.push(m[1]);
  for (const m of xml.matchAll(/<(?:\w+:)?AppDomain>\s*([^<]*?)\s*<\/(?:\w+:)?AppDomain>/g)) urls.push(m[1]);
  return urls;
}

/**
 * Security rules: no <AppDomain> outside APP_DOMAIN_ALLOW_LIST, and every URL in the manifest on one origin
 * (the SourceLocation's), so nothing the manifest points at is hosted elsewhere.
 * @param {string} xml manifest text
 * @param {{appDomainAllowList?: string[]}} options
 * @returns {string[]} violations
 */
function checkManifestSecurity(xml, options = {}) {
  const errors = [];
  const allow = options.appDomainAllowList || APP_DOMAIN_ALLOW_LIST;
  for (const m of xml.matchAll(/<(?:\w+:)?AppDomain>\s*([^<]*?)\s*<\/(?:\w+:)?AppDomain>/g)) {
    if (!allow.includes(m[1])) errors.push(`<AppDomain>${m[1]}</AppDomain> is not in the allow-list (scripts/manifest-check.js APP_DOMAIN_ALLOW_LIST)`);
  }
  const origins = new Map(); // origin -> first URL seen
  for (const url of manifestUrls(xml)) {
    let origin;
    try {
      origin = new URL(url).origin;
    } catch {
      errors.push(`"${url}" is not a URL`);
      continue;
    }
    if (!origins.has(origin)) origins.set(origin, url);
  }
  if (origins.size > 1) errors.push(`the manifest's URLs span ${origins.size} origins (${[...origins.keys()].join(", ")}); all must share one`);
  return errors;
}

/**
 * Validates against the patched Microsoft XSDs in ../shared/manifest-schemas.
 * @returns {Promise<{skipped: true, reason: string} | {skipped: false, valid: boolean, errors: string[]}>}
 */
async function validateXsd(xml, schemaDir = SCHEMA_DIR) {
  const main = path.join(schemaDir, "OfficeAppManifestV1_1.xsd");
  if (!fs.existsSync(main)) return { skipped: true, reason: `skipped: ${path.relative(process.cwd(), schemaDir)} not present (the XSD check runs where ../shared exists, e.g. CI)` };
  const { validateXML } = require("xmllint-wasm");
  const files = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"));
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [{ fileName: "OfficeAppManifestV1_1.xsd", contents: fs.readFileSync(main, "utf8") }],
    preload: files.filter((f) => f !== "OfficeAppManifestV1_1.xsd").map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), "utf8") })),
  });
  return { skipped: false, valid: result.valid, errors: result.errors.map((e) => e.message || String(e.rawMessage || e)) };
}

module.exports = { checkManifestRules, checkManifestSecurity, manifestUrls, validateXsd, SCHEMA_DIR, APP_DOMAIN_ALLOW_LIST };
