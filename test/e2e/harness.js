// Shared by the browser tests (test/e2e/run.js) and the preview benchmark (bench/preview.bench.js):
// build the preview (webpack --mode development into .preview-build/), serve a folder with Node's http on
// 127.0.0.1 (a free port), and launch Debian's headless chromium through playwright-core.
const { spawnSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const PREVIEW_DIR = path.join(root, ".preview-build");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
// Flags per the toolchain notes: no sandbox (root), no GPU, and no background networking (the machine's
// network is closed; without these chromium keeps trying Google's hosts).
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Builds the preview (development mode: the only mode that emits preview.html). Throws with webpack's output on failure. */
function buildPreview(outDir = PREVIEW_DIR) {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "development", "--output-path", outDir], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`webpack --mode development failed (exit ${r.status}):\n${`${r.stdout}${r.stderr}`.split("\n").slice(-30).join("\n")}`);
  if (!fs.existsSync(path.join(outDir, "preview.html"))) throw new Error("the development build emitted no preview.html");
  return outDir;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".map": "application/json", ".xml": "application/xml", ".png": "image/png", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".css": "text/css" };

/**
 * Serves `dir` on 127.0.0.1 (free port). Also /blank.html (the benchmark's baseline page).
 * Resolves to { url, close, requests } where requests lists every path asked for.
 */
function serve(dir) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname);
    if (url.pathname === "/blank.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>blank</title></head><body><p>blank</p></body></html>");
      return;
    }
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

function chromiumPresent() {
  return fs.existsSync(CHROMIUM);
}

/**
 * Launches headless chromium (playwright's launch gives it a fresh, temporary user-data dir).
 * `newContext(options)`: a fresh context (no cache, no storage) for each test.
 */
async function launch() {
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    newContext: (options = {}) => browser.newContext({ viewport: { width: 1360, height: 820 }, deviceScaleFactor: 1, acceptDownloads: true, ...options }),
    close: () => browser.close().catch(() => undefined),
  };
}

module.exports = { root, PREVIEW_DIR, CHROMIUM, CHROMIUM_ARGS, buildPreview, serve, launch, chromiumPresent };
