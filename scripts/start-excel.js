#!/usr/bin/env node
// `npm run start:excel`: sideload into Excel desktop where Excel exists (Windows, macOS).
const { spawnSync } = require("child_process");
if (process.platform !== "win32" && process.platform !== "darwin") {
  console.log("Excel desktop does not run on this platform (" + process.platform + "): run `npm start` and sideload manifest.xml in Excel on the web (README, \"Sideload\").");
  process.exit(0);
}
const r = spawnSync("npx", ["--yes", "office-addin-debugging@6", "start", "manifest.xml", "desktop", "--app", "excel"], { stdio: "inherit", shell: true });
process.exit(r.status ?? 1);
