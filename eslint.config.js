// ESLint 9 flat config: security rules and Office.js discipline over src/ — nothing stylistic.
// `npm run lint` runs it; test/security/lint.test.ts proves each rule bites and that src/ is clean.
// See docs/security.md for what is enforced and why.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const react = require("eslint-plugin-react");

const HTML_SINK = "/^(innerHTML|outerHTML)$/";

/** Syntax the add-in must never contain: HTML string sinks and document.write. One rule, so one list. */
const FORBIDDEN_SYNTAX = [
  {
    selector: `AssignmentExpression > MemberExpression.left:matches([property.name=${HTML_SINK}], [property.value=${HTML_SINK}])`,
    message: "Assigning innerHTML/outerHTML parses a string as HTML (XSS). Build DOM nodes or render with React.",
  },
  {
    selector: "MemberExpression:matches([property.name='insertAdjacentHTML'], [property.value='insertAdjacentHTML'])",
    message: "insertAdjacentHTML parses a string as HTML (XSS). Use insertAdjacentElement/insertAdjacentText.",
  },
  {
    selector: "MemberExpression:matches([property.name='createContextualFragment'], [property.value='createContextualFragment'])",
    message: "Range.createContextualFragment parses (and runs) a string as HTML. Build DOM nodes instead.",
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: "dangerouslySetInnerHTML renders a string as HTML (XSS). Render React elements.",
  },
  {
    selector: "Property:matches([key.name='dangerouslySetInnerHTML'], [key.value='dangerouslySetInnerHTML'])",
    message: "dangerouslySetInnerHTML (e.g. through createElement or a spread) renders a string as HTML (XSS).",
  },
  {
    selector:
      "MemberExpression:matches([property.name=/^write(ln)?$/], [property.value=/^write(ln)?$/]):matches([object.name='document'], [object.property.name=/^(document|ownerDocument)$/])",
    message: "document.write/writeln parses a string as HTML and is blocked by the CSP's intent. Build DOM nodes.",
  },
];

module.exports = [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-artifacts/**", "bench/out/**"] },
  {
    files: ["src/**/*.{ts,tsx,mts,cts}"], // src/ is TypeScript (tsconfig.json has no allowJs)
    linterOptions: {
      // Others' files carry directives for rules this focused set does not turn on; do not warn about them.
      // Disabling one of the rules below inline is caught by test/security/lint.test.ts instead.
      reportUnusedDisableDirectives: "off",
    },
    languageOptions: {
      parser: tseslint.parser,
      sourceType: "module",
      ecmaVersion: "latest",
      // The global objects, so no-eval also sees window.eval / self.eval / global.eval (no-undef is off).
      globals: { window: "readonly", self: "readonly", document: "readonly", global: "readonly" },
      parserOptions: {
        ecmaFeatures: { jsx: true },
        // Type information, for @typescript-eslint/no-implied-eval: setTimeout(code) with a string (or any)
        // variable is caught, not only a string literal.
        projectService: true,
        tsconfigRootDir: __dirname,
      },
    },
    plugins: {
      "@typescript-eslint": tseslint.plugin,
      "office-addins": officeAddins,
      react,
    },
    settings: { react: { version: "18.3" } },
    rules: {
      // --- Security: no string ever becomes code or markup.
      "no-eval": "error", // eval(), window.eval, globalThis.eval, (0, eval)(…)
      "no-new-func": "error", // new Function(…), Function(…), Function.call/apply/bind
      "no-implied-eval": "off", // replaced by the type-aware version below
      "@typescript-eslint/no-implied-eval": "error", // setTimeout/setInterval/setImmediate/execScript with a non-function
      "no-script-url": "error", // "javascript:" URLs
      "no-restricted-syntax": ["error", ...FORBIDDEN_SYNTAX],
      "react/no-danger": "error",
      "react/no-danger-with-children": "error",
      "react/jsx-no-script-url": "error",
      "react/jsx-no-target-blank": "error",
    },
  },
  {
    // The engine is pure: the framework as data and functions, no Office, React, DOM or Node (README, "Project
    // layout"). It may import only itself; the shells (functions, pane, CLI) bring the host.
    files: ["src/engine/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\.{1,2}/)",
              message: "src/engine is pure: it imports only its own modules (relative paths), never a package, Node, React, Fluent or Office.",
            },
            {
              regex: "(^|/)(taskpane|functions|cli|preview)(/|$)",
              message: "src/engine is pure: the shells (functions, task pane, command line, preview) import the engine, never the other way round.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "CustomFunctions", "OfficeRuntime", "window", "document", "navigator", "localStorage", "fetch", "XMLHttpRequest", "process", "require", "Buffer", "global", "__dirname"].map(
          (name) => ({ name, message: `src/engine is pure: ${name} belongs to a host. Pass what the rule needs in as an argument.` }),
        ),
      ],
    },
  },
  {
    // Office.js code only. These rules are lexical heuristics keyed on names (getItem/getRange…, .load(),
    // and a request context called `context`), so they misfire on the command line's exceljs code
    // (src/cli: ws.getColumn(c).width) and have nothing to check in the pure engine (src/engine).
    files: ["src/taskpane/**", "src/functions/**", "src/preview/**"],
    rules: {
      // --- Office.js discipline (eslint-plugin-office-addins; its "recommended" set, minus its
      // stylistic parts — eslint:recommended and prettier — with the warnings raised to errors).
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error", // Office.onReady, not Office.initialize
    },
  },
];
