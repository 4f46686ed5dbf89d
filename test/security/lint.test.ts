// The lint (eslint.config.js) bites: every forbidden pattern in a small in-memory sample is reported as an
// error by the rule meant to catch it, clean code is not, and src/ itself lints clean with no inline
// switch-off of a security rule.
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { ESLint, Linter } from "eslint";

const root = path.resolve(__dirname, "../..");
const configFile = path.join(root, "eslint.config.js");
// A path inside src/taskpane so both the security and the Office.js blocks apply, and inside tsconfig.json's
// "include" so the type-aware rules get a program. The file need not exist: lintText supplies the text.
const SAMPLE = path.join(root, "src", "taskpane", "__lint_sample__.tsx");
const CLI_SAMPLE = path.join(root, "src", "cli", "__lint_sample__.ts");
const ENGINE_SAMPLE = path.join(root, "src", "engine", "__lint_sample__.ts");
const SAMPLES = [SAMPLE, CLI_SAMPLE, ENGINE_SAMPLE];

/** Rules that must never be switched off inline in src/. */
const SECURITY_RULES = [
  "no-eval",
  "no-new-func",
  "no-implied-eval",
  "@typescript-eslint/no-implied-eval",
  "no-script-url",
  "no-restricted-syntax",
  "react/no-danger",
  "react/no-danger-with-children",
  "react/jsx-no-script-url",
  "react/jsx-no-target-blank",
];

jest.setTimeout(180_000);

let eslint: ESLint;
beforeAll(() => {
  // ESLint loads a config file with a dynamic import(), which Jest's VM refuses without
  // --experimental-vm-modules; so require the same (CommonJS) file and hand it over, with
  // overrideConfigFile: true meaning "no config file lookup". `npm run lint` reads the file itself.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(configFile) as Linter.Config[];
  // The samples do not exist on disk, so the type-aware parser's project service cannot find them in
  // tsconfig.json's file list; let it give them a default project with tsconfig.json's options.
  const samples: Linter.Config = {
    files: SAMPLES.map((p) => path.relative(root, p).split(path.sep).join("/")),
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: SAMPLES.map((p) => path.relative(root, p).split(path.sep).join("/")), defaultProject: "tsconfig.json" },
        tsconfigRootDir: root,
      },
    },
  };
  eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [...config, samples] });
});

async function lint(code: string, filePath = SAMPLE): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages;
}

const errorsOf = (messages: Linter.LintMessage[]) => messages.filter((m) => m.severity === 2);
const show = (messages: Linter.LintMessage[]) => messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? "(fatal)"} ${m.message}`).join("\n");

const PRELUDE = `declare const el: HTMLElement; declare const s: string; declare const React: { createElement(...a: unknown[]): unknown };\n`;

describe("the engine stays pure (src/engine imports only itself and touches no host)", () => {
  it.each([
    ["a Node module", 'import * as fs from "fs";\nexport const x = fs;', "no-restricted-imports"],
    ["a node: module", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;', "no-restricted-imports"],
    ["React", 'import * as React from "react";\nexport const x = React;', "no-restricted-imports"],
    ["Fluent UI", 'import { Button } from "@fluentui/react-components";\nexport const x = Button;', "no-restricted-imports"],
    ["ExcelJS", 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;', "no-restricted-imports"],
    ["a shell's module", 'import { App } from "../taskpane/components/App";\nexport const x = App;', "no-restricted-imports"],
    ["Office", "export const x = () => Office.context;", "no-restricted-globals"],
    ["Excel", "export const x = () => Excel.run;", "no-restricted-globals"],
    ["the DOM", "export const x = () => document.title;", "no-restricted-globals"],
    ["process", "export const x = () => process.env;", "no-restricted-globals"],
  ])("reports %s", async (_what, code, rule) => {
    const errors = errorsOf(await lint(code, ENGINE_SAMPLE));
    expect(errors.map((m) => m.ruleId)).toContain(rule);
  });
  it("accepts the engine's own imports and plain code", async () => {
    const code = 'import { clean } from "./input";\nimport type { Result } from "./types";\nexport const f = (r: Result<number>) => (r.ok ? clean(r.value) : 0);';
    expect(show(errorsOf(await lint(code, ENGINE_SAMPLE)))).toBe("");
  });
  it("the rule does not apply to the shells (the CLI may import Node)", async () => {
    expect(errorsOf(await lint('import * as fs from "fs";\nexport const x = fs;', CLI_SAMPLE)).map((m) => m.ruleId)).not.toContain("no-restricted-imports");
  });
});

describe("security rules report each forbidden pattern", () => {
  const cases: Array<[string, string, string]> = [
    ["innerHTML assignment", "el.innerHTML = s;", "no-restricted-syntax"],
    ["innerHTML +=", "el.innerHTML += s;", "no-restricted-syntax"],
    ["innerHTML by computed key", 'el["innerHTML"] = s;', "no-restricted-syntax"],
    ["outerHTML assignment", "el.outerHTML = s;", "no-restricted-syntax"],
    ["insertAdjacentHTML", 'el.insertAdjacentHTML("beforeend", s);', "no-restricted-syntax"],
    ["createContextualFragment", "document.createRange().createContextualFragment(s);", "no-restricted-syntax"],
    ["dangerouslySetInnerHTML (JSX)", "export const X = () => <div dangerouslySetInnerHTML={{ __html: s }} />;", "react/no-danger"],
    ["dangerouslySetInnerHTML on a component", "const C = (p: object) => null; export const X = () => <C dangerouslySetInnerHTML={{ __html: s }} />;", "no-restricted-syntax"],
    ["dangerouslySetInnerHTML (createElement)", 'React.createElement("div", { dangerouslySetInnerHTML: { __html: s } });', "no-restricted-syntax"],
    ["eval", "eval(s);", "no-eval"],
    ["window.eval", "window.eval(s);", "no-eval"],
    ["indirect eval", "(0, eval)(s);", "no-eval"],
    ["new Function", 'new Function("a", s);', "no-new-func"],
    ["Function()", 'Function("return 1")();', "no-new-func"],
    ["document.write", "document.write(s);", "no-restricted-syntax"],
    ["document.writeln", "document.writeln(s);", "no-restricted-syntax"],
    ["window.document.write", "window.document.write(s);", "no-restricted-syntax"],
    ["setTimeout with a string literal", 'setTimeout("alert(1)", 10);', "@typescript-eslint/no-implied-eval"],
    ["setTimeout with a template", "setTimeout(`f(${s})`, 10);", "@typescript-eslint/no-implied-eval"],
    ["setTimeout with a string variable", "const code: string = s; setTimeout(code, 0);", "@typescript-eslint/no-implied-eval"],
    ["setTimeout with an any", "setTimeout(s as any, 0);", "@typescript-eslint/no-implied-eval"],
    ["window.setTimeout with a string", 'window.setTimeout("tick()", 10);', "@typescript-eslint/no-implied-eval"],
    ["setInterval with a string", 'setInterval("tick()", 1000);', "@typescript-eslint/no-implied-eval"],
    ["a javascript: URL", 'location.href = "javascript:alert(1)";', "no-script-url"],
    ["a javascript: href in JSX", 'export const X = () => <a href="javascript:void(0)">x</a>;', "react/jsx-no-script-url"],
  ];
  it.each(cases)("%s", async (_name, code, rule) => {
    const errors = errorsOf(await lint(PRELUDE + code));
    expect(errors.filter((m) => m.fatal)).toEqual([]);
    expect(errors.map((m) => m.ruleId)).toContain(rule);
  });
});

describe("Office.js rules (eslint-plugin-office-addins) report each misuse as an error", () => {
  const wrap = (body: string) => `export async function f(context: Excel.RequestContext) {\n${body}\n}\n`;
  const cases: Array<[string, string, string]> = [
    [
      "a read with no sync after the load",
      'const range = context.workbook.worksheets.getItem("S").getRange("A1");\nrange.load("values");\nreturn range.values;',
      "office-addins/call-sync-after-load",
    ],
    [
      "a read before any sync",
      'const range = context.workbook.worksheets.getItem("S").getRange("A1");\nrange.load("values");\nconst v = range.values;\nawait context.sync();\nreturn v;',
      "office-addins/call-sync-before-read",
    ],
    [
      "a read of a property never loaded",
      'const range = context.workbook.worksheets.getItem("S").getRange("A1");\nrange.load("address");\nawait context.sync();\nreturn range.values;',
      "office-addins/load-object-before-read",
    ],
    [
      "a null test on a null object",
      'const ws = context.workbook.worksheets.getItemOrNullObject("S");\nawait context.sync();\nif (ws === null) return;',
      "office-addins/test-for-null-using-isNullObject",
    ],
    [
      "context.sync() in a loop",
      'for (const name of ["A", "B"]) {\n  context.workbook.worksheets.getItem(name).getRange("A1").values = [[1]];\n  await context.sync();\n}',
      "office-addins/no-context-sync-in-loop",
    ],
    ["an empty load", 'const range = context.workbook.worksheets.getItem("S").getRange("A1");\nrange.load();\nawait context.sync();', "office-addins/no-empty-load"],
    [
      "a load of a navigation property",
      'const range = context.workbook.worksheets.getItem("S").getRange("A1");\nrange.load("worksheet");\nawait context.sync();',
      "office-addins/no-navigational-load",
    ],
  ];
  it.each(cases)("%s", async (_name, body, rule) => {
    const errors = errorsOf(await lint(wrap(body)));
    expect(errors.filter((m) => m.fatal)).toEqual([]);
    expect(errors.map((m) => m.ruleId)).toContain(rule);
  });

  it("Office.initialize", async () => {
    const errors = errorsOf(await lint("Office.initialize = () => undefined;\n"));
    expect(errors.map((m) => m.ruleId)).toContain("office-addins/no-office-initialize");
  });
});

describe("clean code is not reported", () => {
  it("safe DOM, timers and a load → sync → read", async () => {
    const code = `${PRELUDE}
el.textContent = s;
el.insertAdjacentText("beforeend", s);
el.setAttribute("title", s);
process.stdout.write(s);
new Promise<void>((resolve) => setTimeout(resolve, 0));
setInterval(() => el.append(s), 1000);
export const X = () => <a href="https://example.org/" target="_blank" rel="noreferrer">{s}</a>;
export async function read(context: Excel.RequestContext): Promise<unknown[][]> {
  const range = context.workbook.worksheets.getItem("S").getRange("A1:B2");
  range.load("values");
  await context.sync();
  const ws = context.workbook.worksheets.getItemOrNullObject("T");
  await context.sync();
  if (ws.isNullObject) return [];
  return range.values;
}
Office.onReady(() => undefined);
`;
    const messages = await lint(code);
    expect(show(messages)).toBe("");
  });

  it("the Office.js rules do not run on the command line's exceljs code", async () => {
    const code = `declare const ws: { getColumn(c: number): { width?: number } };\nconst column = ws.getColumn(1);\nif (!column.width) column.width = 12;\n`;
    expect(show(await lint(code, CLI_SAMPLE))).toBe("");
  });
});

/** Files under src/ changed or added since the last commit (work in progress), relative to the root. */
function uncommitted(): Set<string> {
  try {
    const out = execFileSync("git", ["status", "--porcelain", "--untracked-files=all", "--", "src"], { cwd: root, encoding: "utf8" });
    return new Set(out.split("\n").filter(Boolean).map((l) => l.slice(3).trim()));
  } catch {
    return new Set();
  }
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : /\.(m|c)?(t|j)sx?$/.test(d.name) ? [p] : [];
  });
}

describe("src/", () => {
  it("lints clean (npm run lint)", () => {
    // Run the real command line, so this also proves eslint.config.js loads the way `npm run lint` loads it.
    // (ESLint's lintFiles() uses dynamic imports that Jest's VM refuses; lintText() above does not.)
    let stdout: string;
    try {
      stdout = execFileSync(process.execPath, [path.join(root, "node_modules", "eslint", "bin", "eslint.js"), "src", "--format", "json"], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
    } catch (e) {
      const err = e as { status?: number; stdout?: string; stderr?: string };
      if (err.status !== 1 || !err.stdout) throw new Error(`eslint did not run (exit ${err.status}): ${err.stderr ?? e}`);
      stdout = err.stdout; // exit 1: lint errors, reported below
    }
    const results = JSON.parse(stdout) as ESLint.LintResult[];
    expect(results.length).toBeGreaterThan(0);
    const dirty = results.filter((r) => r.errorCount > 0 || r.fatalErrorCount > 0);
    if (dirty.length) {
      const wip = uncommitted();
      const report = dirty
        .map((r) => {
          const rel = path.relative(root, r.filePath).split(path.sep).join("/");
          const tag = wip.has(rel) ? "  [uncommitted: work in progress]" : "";
          return `${rel}: ${r.errorCount} error(s)${tag}\n${show(r.messages.filter((m) => m.severity === 2)).replace(/^/gm, "    ")}`;
        })
        .join("\n");
      const office = dirty.some((r) => r.messages.some((m) => m.ruleId?.startsWith("office-addins/")))
        ? "\nNote: the office-addins rules recognise only a request context named `context` and a literal `await context.sync()`;" +
          " a context named `ctx` or a sync() wrapper hides the sync from them. An Office.js rule may be switched off for one line" +
          " with a reason (// eslint-disable-next-line office-addins/<rule> -- why); a security rule may not."
        : "";
      throw new Error(`npm run lint: errors in ${dirty.length} file(s) under src/:\n${report}${office}`);
    }
  });

  it("switches off no security rule inline (eslint-disable …)", () => {
    const offences: string[] = [];
    for (const file of sourceFiles(path.join(root, "src"))) {
      const lines = fs.readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        const m = /eslint-disable(?:-next-line|-line)?(?![\w-])([^*\n]*)/.exec(line);
        if (!m) return;
        const rules = m[1].split("--")[0].split(",").map((r) => r.trim()).filter(Boolean);
        const bad = rules.length === 0 ? ["(every rule)"] : rules.filter((r) => SECURITY_RULES.includes(r));
        if (bad.length) offences.push(`${path.relative(root, file)}:${i + 1} disables ${bad.join(", ")}`);
      });
    }
    expect(offences).toEqual([]);
  });
});
