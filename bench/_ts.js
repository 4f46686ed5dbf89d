// Lets plain-JS benchmarks require TypeScript sources (src/**/*.ts) directly:
// a tiny require hook using TypeScript's own transpileModule (no type check, CommonJS output).
const fs = require("fs");
const ts = require("typescript");

if (!require.extensions[".ts"]) {
  const compile = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, jsx: ts.JsxEmit.ReactJSX, esModuleInterop: true },
    });
    module._compile(out.outputText, filename);
  };
  require.extensions[".ts"] = compile;
  require.extensions[".tsx"] = compile;
}
module.exports = {};
