#!/usr/bin/env node
// `npm start`: build and serve the add-in on localhost, and say where. https with the office-addin-dev-certs
// certificate when it is present, valid and trusted (Excel needs https); otherwise http for the local preview
// only, and it says so plainly: Excel cannot load the add-in from an http server (the manifest says https).
// Sideloading (`npm run sideload`, COHESION_SIDELOAD=1) never falls back to http: it stops instead.
const { spawn } = require("child_process");
const path = require("path");
const { checkDevCerts, stopMessage } = require("./dev-certs");

const root = path.resolve(__dirname, "..");
const port = Number(process.env.PORT || 3000);
const sideload = process.env.COHESION_SIDELOAD === "1";
const certs = process.env.COHESION_HTTP === "1" && !sideload ? { ok: false, problem: "COHESION_HTTP=1 asks for http.", fix: "unset COHESION_HTTP" } : checkDevCerts();
if (!certs.ok && sideload) {
  console.error(stopMessage(certs));
  process.exit(1);
}
const scheme = certs.ok ? "https" : "http";
const server = spawn(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development", "--port", String(port)], {
  cwd: root,
  stdio: ["ignore", "pipe", "inherit"],
  // The server uses the scheme decided here (webpack.config.js checks the certificate again only for https).
  env: { ...process.env, COHESION_HTTP: certs.ok ? process.env.COHESION_HTTP || "" : "1" },
});
let announced = false;
server.stdout.on("data", (chunk) => {
  const text = chunk.toString();
  if (process.env.COHESION_VERBOSE) process.stdout.write(text);
  if (/compiled with \d+ errors?/.test(text)) {
    // Say so rather than "running": the pages would be stale or missing. The errors are printed below.
    console.log("\nCohesion Toolkit did not build: webpack reported errors (below). Fix them and it rebuilds on save.");
  } else if (!announced && /compiled (successfully|with)/.test(text)) {
    announced = true;
    const excel =
      scheme === "https"
        ? `  Manifest for sideloading:  manifest.xml in this folder (README, "Sideload into Excel"); certificate valid until ${certs.validTo.toISOString().slice(0, 10)}\n`
        : `  Excel cannot load the add-in from this server: it serves http and the manifest says https.\n  ${certs.problem}\n  For Excel: ${certs.fix}, then npm run sideload (or npm start again for Excel on the web).\n`;
    console.log(
      `\nCohesion Toolkit is running${scheme === "http" ? " (preview only)" : ""}.\n  Preview (no Excel needed): ${scheme}://localhost:${port}/preview.html\n  Task pane:                 ${scheme}://localhost:${port}/taskpane.html\n  Function reference:        ${scheme}://localhost:${port}/functions.html\n  Help (the README):         ${scheme}://localhost:${port}/help.html\n${excel}Press Ctrl+C to stop.`,
    );
  }
  if (/ERROR in/.test(text)) process.stdout.write(text);
});
server.on("exit", (code) => process.exit(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
