// The files that declare the custom functions (their JSDoc is the Excel contract): one list for the build
// (custom-functions-metadata-plugin, webpack.config.js), the function reference (scripts/function-reference.js)
// and the metadata tests. src/functions/functions.ts, the entry point, re-exports them all.
const path = require("path");

const FUNCTION_SOURCES = ["typology", "abg", "stats", "actions", "area"].map((name) => `./src/functions/${name}.ts`);

/** The same files as absolute paths (custom-functions-metadata's generateCustomFunctionsMetadata takes these). */
const functionSourcePaths = () => FUNCTION_SOURCES.map((file) => path.resolve(__dirname, "..", file));

module.exports = { FUNCTION_SOURCES, functionSourcePaths };
