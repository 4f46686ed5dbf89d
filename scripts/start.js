#!/usr/bin/env node
// `npm start`: build and serve the add-in on localhost, and say where. https with the
// office-addin-dev-certs certificate when present (Excel needs https), else http for the local preview.
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "..");
const port = Number(process.env.PORT || 3000);
const certs = ["localhost.key", "localhost.crt", "ca.crt"].every((f) => fs.existsSync(path.join(os.homedir(), ".office-addin-dev-certs", f)));
const scheme = certs && process.env.COHESION_HTTP !== "1" ? "https" : "http";
const server = spawn(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development", "--port", String(port)], {
  cwd: root,
  stdio: ["ignore", "pipe", "inherit"],
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
    console.log(`\nCohesion Toolkit is running.\n  Preview (no Excel needed): ${scheme}://localhost:${port}/preview.html\n  Task pane:                 ${scheme}://localhost:${port}/taskpane.html\n  Function reference:        ${scheme}://localhost:${port}/help.html\n  Manifest for sideloading:  ${scheme}://localhost:${port}/manifest.xml\n${scheme === "http" ? "  (http: run `npx office-addin-dev-certs install` for the https certificate Excel needs.)\n" : ""}Press Ctrl+C to stop.`);
  }
  if (/ERROR in/.test(text)) process.stdout.write(text);
});
server.on("exit", (code) => process.exit(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
