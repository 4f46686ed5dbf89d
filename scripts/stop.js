#!/usr/bin/env node
// `npm run stop`: unregister the sideloaded add-in from Excel desktop and stop the dev server that
// `npm run sideload` started (Microsoft's office-addin-debugging, at the same pinned version).
const { spawnSync } = require("child_process");
const path = require("path");

const DEBUGGING = "office-addin-debugging@7.0.0";
if (process.platform !== "win32" && process.platform !== "darwin") {
  console.log(
    `Nothing is registered on ${process.platform} (Excel desktop does not run here). Stop \`npm start\` or \`npm run sideload\` with Ctrl+C; ` +
      "to remove the add-in from Excel on the web, see README, \"Remove the add-in\".",
  );
  process.exit(0);
}
const r = spawnSync("npx", ["--yes", DEBUGGING, "stop", "manifest.xml"], { cwd: path.resolve(__dirname, ".."), stdio: "inherit", shell: process.platform === "win32" });
process.exit(r.status ?? 1);
