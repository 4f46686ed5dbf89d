// A test run must leave a clone clean: `npm test` writes only to git-ignored folders (test-artifacts/, .preview-build/),
// and `npm run screenshots` alone refreshes the README's docs/screenshots/. scripts/test.js takes a snapshot of docs/
// before the browser tests and compares it after; any file added, removed or rewritten (even with the same bytes) fails.
const fs = require("fs");
const path = require("path");

/** Every file under `dir` (relative path → "size:mtime"); empty when there is no such folder. */
function snapshot(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const s = fs.statSync(p);
        out.set(path.relative(dir, p).split(path.sep).join("/"), `${s.size}:${s.mtimeMs}`);
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** The files added, removed or written between two snapshots, sorted. */
function changedFiles(before, after) {
  return [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
}

module.exports = { snapshot, changedFiles };
