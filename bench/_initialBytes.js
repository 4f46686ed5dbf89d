// "Bytes loaded before interactive": the gzip (level 9) sizes of the scripts a built page loads by itself
// (<script src> of its own origin, in page order; office.js from Microsoft's CDN is not counted), and the
// same for the baseline, a bare Fluent UI v9 page with three controls (bench/fixtures/bareFluent.tsx)
// built for production with the add-in's own loader settings. Used by bench/preview.bench.js and
// test/build/chunks.test.ts.
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");

const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** The page's own scripts, in order (relative src only), with raw and gzip bytes each, and their gzip total. */
function initialScripts(dir, page = "taskpane.html") {
  const html = fs.readFileSync(path.join(dir, page), "utf8");
  const files = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?[^>]*>/g)].map((m) => m[1]).filter((src) => !/^(https?:)?\/\//.test(src));
  const scripts = files.map((f) => {
    const buf = fs.readFileSync(path.join(dir, f.replace(/^\//, "")));
    return { file: f, raw: buf.length, gzip: gzipSize(buf) };
  });
  return { scripts, gzip: scripts.reduce((n, s) => n + s.gzip, 0), raw: scripts.reduce((n, s) => n + s.raw, 0) };
}

/** Builds the bare Fluent page (production) into a temporary folder; resolves to its script's raw and gzip bytes. */
function bareFluentBytes() {
  const root = path.resolve(__dirname, "..");
  const webpack = require(path.join(root, "node_modules", "webpack"));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "cohesion-bare-fluent-"));
  const config = {
    mode: "production",
    context: root,
    entry: { bare: "./bench/fixtures/bareFluent.tsx" },
    output: { path: out, filename: "[name].js", environment: { globalThis: true } },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", onlyCompileBundledFiles: true } } }] },
    performance: { hints: false },
  };
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err || stats.hasErrors()) return reject(err || new Error(stats.toString("errors-only")));
      const buf = fs.readFileSync(path.join(out, "bare.js"));
      fs.rmSync(out, { recursive: true, force: true });
      resolve({ raw: buf.length, gzip: gzipSize(buf) });
    }),
  );
}

module.exports = { initialScripts, bareFluentBytes, gzipSize };
