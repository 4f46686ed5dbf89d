#!/usr/bin/env node
// `npm run sideload` (also `npm run start:excel`): serve the add-in over https and register it with Excel.
// Excel loads add-ins only over https with a certificate it trusts, so this never falls back to http: without a
// valid, trusted office-addin-dev-certs certificate it stops and prints the command that fixes it.
// Windows and macOS: Microsoft's office-addin-debugging registers manifest.xml with Excel desktop, starts the dev
// server (`npm run dev-server`) and opens Excel; `npm run stop` unregisters it. It is run through npx at a pinned
// version rather than kept in devDependencies: it brings in keytar (a native module that downloads prebuilt
// binaries from GitHub, or needs libsecret to build), which cannot install on machines like our CI (README, Decisions).
// Linux has no Excel desktop: the https server is started for Excel on the web (upload manifest.xml there).
const { spawn, spawnSync } = require("child_process");
const path = require("path");
const { checkDevCerts, stopMessage } = require("./dev-certs");

const DEBUGGING = "office-addin-debugging@7.0.0";
const root = path.resolve(__dirname, "..");

function main() {
  const certs = checkDevCerts();
  if (!certs.ok) {
    console.error(stopMessage(certs));
    return 1;
  }
  const env = { ...process.env, COHESION_SIDELOAD: "1" };
  if (process.platform === "win32" || process.platform === "darwin") {
    const r = spawnSync("npx", ["--yes", DEBUGGING, "start", "manifest.xml", "desktop", "--app", "excel"], { cwd: root, stdio: "inherit", shell: process.platform === "win32", env });
    return r.status ?? 1;
  }
  console.log(
    `Excel desktop does not run on ${process.platform}. Serving https://localhost:3000 for Excel on the web:\n` +
      "  open a workbook at office.com → Home → Add-ins → More add-ins → My add-ins → Upload My Add-in → manifest.xml\n" +
      "  (the browser must trust the development CA: ~/.office-addin-dev-certs/ca.crt).",
  );
  const server = spawn(process.execPath, [path.join(root, "scripts", "start.js")], { cwd: root, stdio: "inherit", env });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
  return null;
}

const code = main();
if (code !== null) process.exit(code);
