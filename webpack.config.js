/* eslint-disable no-undef */
// Build of the add-in: task pane (React + Fluent UI v9) and custom functions (shared runtime).
// Production: office.js from Microsoft's CDN, URLs rewritten to URL_PROD, manifest.prod.xml emitted.
// Development: office.js served from node_modules/@microsoft/office-js (the CDN is unreachable offline), and the
// local preview (preview.html: a workbook grid beside the real task pane, on the in-memory Excel stand-in) is
// built too. The preview's entry and page exist ONLY in development; test/build/preview-exclusion.test.ts checks it.
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { FUNCTION_SOURCES } = require("./scripts/function-sources");
const { renderHelp } = require("./scripts/help-page");

const { resolveProdUrl } = require("./scripts/prod-url");

const URL_DEV = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "/office-js/office.js";

/** Rewrites the dev URL in emitted text assets (functions.json helpUrls, manifests) for production. */
class RewriteUrlsPlugin {
  constructor(urlProd) {
    this.urlProd = urlProd;
  }
  apply(compiler) {
    const URL_PROD = this.urlProd;
    compiler.hooks.thisCompilation.tap("RewriteUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "RewriteUrlsPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!/\.(json|xml)$/.test(name) || name === "manifest.xml") continue; // manifest.xml stays the localhost (sideload) variant
          const src = assets[name].source().toString();
          if (src.includes(URL_DEV)) compilation.updateAsset(name, new compiler.webpack.sources.RawSource(src.split(URL_DEV).join(URL_PROD)));
        }
      });
    });
  }
}

/** Emits help.html (README.md) and functions.html (docs/functions.md, the functions' helpUrl target), rendered at build time. */
class HelpPagePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      const pages = [
        ["help.html", "README.md", "help"],
        ["functions.html", "docs/functions.md", "function reference"],
      ];
      for (const [, from] of pages) compilation.fileDependencies.add(path.resolve(__dirname, from));
      compilation.hooks.processAssets.tap({ name: "HelpPagePlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [name, from, title] of pages) {
          const html = renderHelp(fs.readFileSync(path.resolve(__dirname, from), "utf8"), title);
          // Not minimized: its CSP allows the one inline <style> by hash, and minifying the CSS would change the hash.
          compilation.emitAsset(name, new compiler.webpack.sources.RawSource(html), { minimized: true });
        }
      });
    });
  }
}

/**
 * https for `webpack serve`: the office-addin-dev-certs certificate when it is present, valid and trusted
 * (scripts/dev-certs.js). Sideloading (COHESION_SIDELOAD=1, set by `npm run sideload`) never falls back:
 * it stops with the command that fixes the certificate. `npm start` without one serves the preview over
 * http and says plainly that Excel cannot load it from there (scripts/start.js).
 */
function httpsOptions() {
  if (!process.env.WEBPACK_SERVE || process.env.COHESION_HTTP === "1") return null;
  const { checkDevCerts, stopMessage } = require("./scripts/dev-certs");
  const result = checkDevCerts();
  if (result.ok) return result.https;
  if (process.env.COHESION_SIDELOAD === "1") throw new Error(stopMessage(result));
  return null;
}

module.exports = (env, options) => {
  const dev = options.mode !== "production";
  // Where the production build is hosted: COHESION_URL_PROD, checked (README "Deploy"). Throws with what to set.
  const URL_PROD = dev ? null : resolveProdUrl(process.env.COHESION_URL_PROD);
  const https = dev ? httpsOptions() : null;
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // preview first: its script installs the CustomFunctions, Office and Excel stand-ins that the next two use.
      ...(dev ? { preview: "./src/preview/preview.tsx" } : {}),
      functions: "./src/functions/functions.ts",
      // The pane runs in the functions' page (shared runtime): it depends on that entry, so the engine modules the
      // functions load are never bundled again for the pane or its lazily loaded views.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
      // Every host the add-in supports (WebView2, WKWebView, current browsers; React 18 already rules out IE11)
      // has globalThis. Saying so drops webpack's `new Function("return this")` fallback, so the bundles
      // contain no eval-like code and run under a CSP without 'unsafe-eval' (test/security/csp.test.ts).
      environment: { globalThis: true },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
        },
        // The engine is pure (src/engine/types.ts): importing a module runs nothing that matters, so a bundle
        // keeps only the engine modules it uses, not everything its index re-exports.
        { test: /[\\/]src[\\/]engine[\\/]/, sideEffects: false },
      ],
    },
    performance: { hints: false },
    // One page (taskpane.html, the shared runtime; preview.html in development) runs both entries: one webpack
    // runtime (runtime.js) so they share module instances, and the engine in ONE chunk (engine.js) that the
    // functions and the pane both use. What the pane needs only on use (each tab's view, the LGA guide's case
    // studies and sections, the survey series) is split off by import() and fetched from this origin when first
    // used (test/build/chunks.test.ts checks the initial size and that the engine is in one chunk).
    optimization: {
      runtimeChunk: { name: "runtime" },
      splitChunks: {
        cacheGroups: {
          engine: { name: "engine", test: /[\\/]src[\\/]engine[\\/]/, chunks: "initial", enforce: true, priority: 10 },
          // The engine's bulky content (the recommender, the LGA 2019 guide and its issues, the survey series):
          // one chunk, "content", fetched when ISSUES, ACTIONS or BENCHMARK first runs (src/functions/content.ts)
          // or a view that needs it opens. Never in the initial scripts (test/build/chunks.test.ts).
          content: {
            name: "content",
            test: /[\\/]src[\\/]engine[\\/](recommender[\\/]|data[\\/](lgaGuide2019|surveySeries)[\\/]|data[\\/]project[\\/]lgaIssues\.ts$|stats[\\/]benchmarks\.ts$)/,
            chunks: "async",
            enforce: true,
            priority: 11,
          },
          // Engine modules that only lazily loaded code uses (the result block of the table tools …): one chunk too, never a copy per view.
          engineLater: { name: "engine-later", test: /[\\/]src[\\/]engine[\\/]/, chunks: "async", enforce: true, priority: 9 },
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_SOURCES }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the task pane page also hosts the custom functions.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJsUrl: dev ? OFFICE_JS_LOCAL : OFFICE_JS_CDN },
      }),
      // The preview: no office.js; preview.js (stand-ins) → functions.js (the real functions) → taskpane.js (the real pane).
      ...(dev
        ? [
            new HtmlWebpackPlugin({
              filename: "preview.html",
              template: "./src/preview/preview.html",
              chunks: ["preview", "functions", "taskpane"],
              chunksSortMode: "manual",
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]", info: { minimized: true } },
          { from: "manifest.xml", to: "manifest.xml", info: { minimized: true } },
          ...(dev
            ? []
            : [
                {
                  from: "manifest.xml",
                  to: "manifest.prod.xml",
                  info: { minimized: true },
                  transform: (content) => content.toString().split(URL_DEV).join(URL_PROD),
                },
              ]),
        ],
      }),
      new HelpPagePlugin(),
      ...(dev ? [] : [new RewriteUrlsPlugin(URL_PROD)]),
    ],
    devServer: {
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: [
        { directory: path.resolve(__dirname, "dist"), publicPath: "/" },
        { directory: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"), publicPath: "/office-js", watch: false },
      ],
      server: https ? { type: "https", options: https } : { type: "http" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      host: "localhost",
    },
  };
};
