// The https certificate the development server needs for Excel. Excel loads an add-in only over https with a
// certificate it trusts, and the manifest says https://localhost:3000, so sideloading never falls back to http:
// a missing, expired, mismatched or untrusted certificate stops it with the command that fixes it.
// The certificate is Microsoft's office-addin-dev-certs (pinned in devDependencies): a local CA in
// ~/.office-addin-dev-certs, installed into the system's trust store by `npx office-addin-dev-certs install`.
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const FIX = "npx office-addin-dev-certs install";

/** Where office-addin-dev-certs keeps its files (its defaults.js: ~/.office-addin-dev-certs). */
function certDir(home = os.homedir()) {
  return path.join(home, ".office-addin-dev-certs");
}

/** Is the CA in the system's trust store? Asked of office-addin-dev-certs (per platform). */
function caTrustedBySystem() {
  try {
    const { getCaCertificateStatus } = require("office-addin-dev-certs/lib/verify");
    const r = getCaCertificateStatus();
    if (r.status === "installed") return { trusted: true };
    if (r.status === "not-installed") return { trusted: false };
    return { trusted: false, detail: r.error ? r.error.message : "the check failed" };
  } catch (e) {
    return { trusted: false, detail: e.message };
  }
}

/**
 * Checks the development certificate.
 * @param {{dir?: string, now?: Date, caTrusted?: () => {trusted: boolean, detail?: string}}} [options]
 * @returns {{ok: true, https: {key: Buffer, cert: Buffer, ca: Buffer}, validTo: Date} | {ok: false, problem: string, fix: string}}
 */
function checkDevCerts(options = {}) {
  const dir = options.dir || certDir();
  const now = options.now || new Date();
  const names = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const missing = Object.values(names).filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length) return { ok: false, problem: `No development certificate: ${missing.join(", ")} missing in ${dir}.`, fix: FIX };
  const [key, cert, ca] = [names.key, names.cert, names.ca].map((f) => fs.readFileSync(path.join(dir, f)));
  let x509;
  let caX509;
  try {
    x509 = new crypto.X509Certificate(cert);
    caX509 = new crypto.X509Certificate(ca);
  } catch (e) {
    return { ok: false, problem: `The development certificate in ${dir} cannot be read (${e.message}).`, fix: FIX };
  }
  const validTo = new Date(x509.validTo);
  if (!(validTo > now)) return { ok: false, problem: `The development certificate expired on ${validTo.toISOString().slice(0, 10)}.`, fix: FIX };
  if (!x509.checkHost("localhost")) return { ok: false, problem: "The development certificate is not for localhost.", fix: FIX };
  if (!x509.verify(caX509.publicKey)) return { ok: false, problem: "The development certificate was not issued by the CA beside it (ca.crt).", fix: FIX };
  try {
    if (!x509.checkPrivateKey(crypto.createPrivateKey(key))) return { ok: false, problem: "localhost.key does not belong to localhost.crt.", fix: FIX };
  } catch (e) {
    return { ok: false, problem: `localhost.key cannot be read (${e.message}).`, fix: FIX };
  }
  const trust = (options.caTrusted || caTrustedBySystem)();
  if (!trust.trusted) {
    return {
      ok: false,
      problem: `The development CA is not trusted by this system${trust.detail ? ` (${trust.detail})` : ""}, so Excel would refuse https://localhost:3000.`,
      fix: FIX,
    };
  }
  return { ok: true, https: { key, cert, ca }, validTo };
}

/** The message printed when sideloading stops. */
function stopMessage(result) {
  return `Cannot sideload: ${result.problem}\nExcel loads add-ins only over https with a certificate it trusts. Fix it with:\n  ${result.fix}\nthen run the command again.`;
}

module.exports = { checkDevCerts, certDir, stopMessage, FIX };
