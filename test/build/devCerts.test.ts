import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkDevCerts, stopMessage, FIX } = require("../../scripts/dev-certs.js");

// Sideloading serves https with a certificate the host trusts and never falls back silently to http.
// Certificates are made here with openssl (Debian's; the same shape office-addin-dev-certs writes: a CA and a
// localhost certificate signed by it, in one folder as ca.crt, localhost.crt, localhost.key).
const root = path.resolve(__dirname, "../..");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cohesion-certs-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const trusted = () => ({ trusted: true });
const untrusted = () => ({ trusted: false });

function openssl(args: string[], cwd: string) {
  execFileSync("openssl", args, { cwd, stdio: "pipe" });
}

/** A folder like ~/.office-addin-dev-certs; `san` is the localhost certificate's subjectAltName. */
function makeCerts(name: string, san = "DNS:localhost,IP:127.0.0.1"): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir);
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl(["req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=Test Developer CA", "-days", "30", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=keyCertSign"], dir);
  openssl(["req", ...ec, "-keyout", "localhost.key", "-out", "localhost.csr", "-subj", "/CN=localhost"], dir);
  fs.writeFileSync(path.join(dir, "ext.cnf"), `subjectAltName=${san}\n`);
  openssl(["x509", "-req", "-in", "localhost.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "localhost.crt", "-days", "30", "-extfile", "ext.cnf"], dir);
  return dir;
}

describe("the development certificate check", () => {
  const good = makeCerts("good");

  it("accepts a valid, trusted localhost certificate and gives the server its key, certificate and CA", () => {
    const r = checkDevCerts({ dir: good, caTrusted: trusted });
    expect(r.ok).toBe(true);
    expect(r.https.cert.toString()).toContain("BEGIN CERTIFICATE");
    expect(r.validTo.getTime()).toBeGreaterThan(Date.now() + 25 * 86400_000);
  });

  it.each([
    ["missing", () => ({ dir: path.join(scratch, "nothing-here") }), /No development certificate: localhost\.key, localhost\.crt, ca\.crt missing/],
    ["expired", () => ({ dir: good, now: new Date(Date.now() + 40 * 86400_000) }), /expired on \d{4}-\d\d-\d\d/],
    ["for another host", () => ({ dir: makeCerts("other-host", "DNS:intranet.test") }), /not for localhost/],
    ["untrusted", () => ({ dir: good, caTrusted: untrusted }), /development CA is not trusted by this system/],
  ])("refuses a certificate that is %s, with the command that fixes it", (_what, options, problem) => {
    const r = checkDevCerts({ caTrusted: trusted, ...options() });
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(problem);
    expect(r.fix).toBe("npx office-addin-dev-certs install");
    expect(stopMessage(r)).toMatch(/^Cannot sideload: .*\n.*https.*\n {2}npx office-addin-dev-certs install\n/);
  });

  it("refuses a certificate not issued by the CA beside it, or a key that is not its own", () => {
    const mixed = path.join(scratch, "mixed");
    fs.mkdirSync(mixed);
    const other = makeCerts("other-ca");
    fs.copyFileSync(path.join(good, "localhost.crt"), path.join(mixed, "localhost.crt"));
    fs.copyFileSync(path.join(good, "localhost.key"), path.join(mixed, "localhost.key"));
    fs.copyFileSync(path.join(other, "ca.crt"), path.join(mixed, "ca.crt"));
    expect(checkDevCerts({ dir: mixed, caTrusted: trusted }).problem).toMatch(/not issued by the CA/);
    fs.copyFileSync(path.join(good, "ca.crt"), path.join(mixed, "ca.crt"));
    fs.copyFileSync(path.join(other, "localhost.key"), path.join(mixed, "localhost.key"));
    expect(checkDevCerts({ dir: mixed, caTrusted: trusted }).problem).toMatch(/localhost\.key does not belong/);
  });
});

describe("sideloading without a certificate", () => {
  // HOME points at an empty folder: no ~/.office-addin-dev-certs.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "cohesion-home-"));
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
  const env = { ...process.env, HOME: home, USERPROFILE: home };

  it("`npm run sideload` stops (exit 1) and prints the command that fixes it; it starts no server", () => {
    const r = spawnSync(process.execPath, ["scripts/sideload.js"], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Cannot sideload: No development certificate");
    expect(r.stderr).toContain(`  ${FIX}\n`);
    expect(r.stdout).not.toMatch(/running|Serving/);
  });

  it("the dev server's configuration refuses http when sideloading, and serves http (said by npm start) otherwise", () => {
    const load = (extra: Record<string, string>) =>
      spawnSync(process.execPath, ["-e", 'const c = require("./webpack.config.js")({}, { mode: "development" }); console.log("server:" + c.devServer.server.type)'], {
        cwd: root,
        env: { ...env, WEBPACK_SERVE: "true", ...extra },
        encoding: "utf8",
      });
    const sideload = load({ COHESION_SIDELOAD: "1" });
    expect(sideload.status).not.toBe(0);
    expect(sideload.stderr).toContain("Cannot sideload");
    expect(sideload.stderr).toContain(FIX);
    expect(load({}).stdout).toContain("server:http");
  });

  it("the dev server serves https with a valid certificate", () => {
    const certHome = fs.mkdtempSync(path.join(os.tmpdir(), "cohesion-home-"));
    fs.renameSync(makeCerts("for-home"), path.join(certHome, ".office-addin-dev-certs"));
    // The trust store is the system's; the child process is told the CA is trusted by a stub of office-addin-dev-certs' check.
    const stubDir = path.join(certHome, "stub", "office-addin-dev-certs", "lib");
    fs.mkdirSync(stubDir, { recursive: true });
    fs.writeFileSync(path.join(stubDir, "verify.js"), 'exports.getCaCertificateStatus = () => ({ status: "installed" });');
    // A preload redirects that one module id to the stub.
    fs.writeFileSync(
      path.join(certHome, "stub.js"),
      `const Module = require("module"); const orig = Module._resolveFilename; Module._resolveFilename = function (req, ...rest) { if (req === "office-addin-dev-certs/lib/verify") return ${JSON.stringify(path.join(stubDir, "verify.js"))}; return orig.call(this, req, ...rest); };`,
    );
    const r2 = spawnSync(
      process.execPath,
      ["-e", 'const c = require("./webpack.config.js")({}, { mode: "development" }); console.log("server:" + c.devServer.server.type)'],
      { cwd: root, env: { ...process.env, HOME: certHome, USERPROFILE: certHome, WEBPACK_SERVE: "true", COHESION_SIDELOAD: "1", NODE_OPTIONS: `--require ${path.join(certHome, "stub.js")}` }, encoding: "utf8" },
    );
    fs.rmSync(certHome, { recursive: true, force: true });
    expect(r2.stderr).toBe("");
    expect(r2.stdout).toContain("server:https");
  });
});
