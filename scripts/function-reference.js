// The user's function reference, docs/functions.md, generated from the functions' own metadata:
//  - syntax, arguments (name, type, optional, description) and description: the JSDoc of
//    files in scripts/function-sources.js, read by custom-functions-metadata (the generator behind functions.json);
//  - what each returns: its @returns line;
//  - worked examples and the errors: computed here by calling the real custom functions (no result is typed by hand);
//  - the rule and its source: from the engine's data, whose items carry their source (docs/sources.md).
// Each function's helpUrl points at its section (functions.html#cohesion…, the page the build renders from this file).
//
//   npm run docs:functions          writes docs/functions.md
//   node scripts/function-reference.js --check   exits 1 when docs/functions.md is out of date
//
// test/build/functionReference.test.ts regenerates it in memory and compares (it never writes docs/).
const fs = require("fs");
const path = require("path");
const { slug } = require("./help-page");
const { specs } = require("./function-examples");

const root = path.resolve(__dirname, "..");
const { functionSourcePaths } = require("./function-sources");
const OUT = path.join(root, "docs", "functions.md");
const NAMESPACE = "COHESION";
/** The page the build renders docs/functions.md into (webpack.config.js), which the helpUrls open. */
const HELP_PAGE = "functions.html";

/** TypeScript sources load directly outside jest (jest transforms them itself). */
function loadTs() {
  if (typeof require.extensions === "object" && require.extensions && !require.extensions[".ts"]) require("../bench/_ts");
}

/** Excel's CustomFunctions global, where the functions make their errors: the preview's double (an Error with Excel's code and the message). */
function installCustomFunctions() {
  require("../src/preview/customFunctionsDouble.ts").installCustomFunctionsDouble();
}

/** Sources: "GR ¶2.3" with the document's title from docs/sources.md. */
function sourceTitles() {
  const md = fs.readFileSync(path.join(root, "docs", "sources.md"), "utf8");
  const titles = {};
  for (const m of md.matchAll(/^\| `([A-Za-z0-9]+)` \| ([^|]+) \| ([^|]+) \|/gm)) titles[m[1]] = { title: m[2].trim(), date: m[3].trim() };
  return titles;
}

// ------------------------------------------------------------------------------------------------
// Rendering

/** An argument as typed in a formula: a cell's value, or an array constant for a range. */
function formulaArg(v) {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) {
    if (v.length === 1 && v[0].length === 1) return formulaArg(v[0][0]);
    return `{${v.map((r) => r.map(formulaArg).join(", ")).join("; ")}}`;
  }
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function formula(id, args) {
  const a = args.map(formulaArg);
  while (a.length && a[a.length - 1] === "") a.pop();
  return `=${NAMESPACE}.${id}(${a.join(", ")})`;
}

const isError = (v) => v instanceof Error && typeof v.code === "string";
/** An Excel entity value (COHESION.AREA's card): shown as its text, with its fields listed when an example asks. */
const isEntity = (v) => v !== null && typeof v === "object" && v.type === "Entity";

/** An entity's fields as `=A2.Field` gives them: a value, or an array property's items joined. */
function fieldLines(entity, names) {
  const lines = ["", "| Field (`=A2.Field`) | Value |", "| --- | --- |"];
  for (const n of names) {
    const p = entity.properties[n];
    if (!p) throw new Error(`the example's card has no field ${n}`);
    const value = p.type === "Array" ? p.elements.map((r) => r[0].basicValue).join("; ") : shown(p.basicValue);
    lines.push(`| ${n.includes(" ") ? `[${n}]` : n} | ${cellText(value)} |`);
  }
  return lines;
}

/** A value as Excel shows it (numbers to at most 4 decimal places), errors as their code. */
function shown(v) {
  if (isError(v)) return v.code;
  if (isEntity(v)) return v.text;
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e4) / 1e4);
  return String(v);
}

const cellText = (v) => shown(v).replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A result: one value inline, else a table of the spill. Error messages are listed under it. */
function renderResult(out, maxRows, tail = false) {
  const lines = [];
  const errors = [];
  for (const row of out) for (const v of row) if (isError(v) && !errors.includes(`\`${v.code}\` ${v.message}`)) errors.push(`\`${v.code}\` ${v.message}`);
  if (out.length === 1 && out[0].length === 1) {
    const v = out[0][0];
    lines.push(isError(v) ? `→ ${errors[0]}` : shown(v) === "" ? "→ an empty cell" : `→ \`${shown(v)}\``);
    return lines;
  }
  const cut = maxRows && out.length > maxRows;
  const rows = !cut ? out : tail ? out.slice(-maxRows) : out.slice(0, maxRows);
  const cols = Math.max(...rows.map((r) => r.length));
  lines.push("→ spills:", "");
  lines.push(`|${" |".repeat(cols)}`, `|${" --- |".repeat(cols)}`);
  if (cut && tail) lines.push(`| … ${out.length - rows.length} rows before these |${" |".repeat(cols - 1)}`);
  for (const r of rows) lines.push(`| ${Array.from({ length: cols }, (_, i) => cellText(r[i])).join(" | ")} |`);
  if (cut && !tail) lines.push(`| … ${out.length - rows.length} more rows |${" |".repeat(cols - 1)}`);
  if (errors.length) lines.push("", ...errors.map((e) => `- ${e}`));
  return lines;
}

/** The @returns line of each function's JSDoc, by its @customfunction id. */
function returnsById(source) {
  const out = {};
  for (const block of source.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const id = /@customfunction\s+(\S+)/.exec(block);
    const ret = /@returns\s+([\s\S]*?)(?=\n\s*\*\s*@|\n\s*\*\/)/.exec(block);
    if (id && ret) out[id[1]] = ret[1].replace(/\n\s*\*\s*/g, " ").trim();
  }
  return out;
}

function typeText(p) {
  const kind = p.type === "number" ? "number" : p.type === "string" ? "text" : p.type === "boolean" ? "TRUE/FALSE" : "value";
  return p.dimensionality === "matrix" ? `${kind}: a cell or a range` : kind;
}

const ERROR_ADVICE = [
  ["#N/A", "a required value is blank, or an id, area, issue or figure is not found. The message names it; fill in the value or use one the message lists."],
  ["#VALUE!", "a value is there but not usable (text where a number goes, out of range, an option the function does not know, ranges of different sizes). The message names the argument and what it accepts."],
  ["#SPILL!", "the cells the result spills into are not empty. Clear them, or move the formula."],
  ["#BUSY!", "Excel is still computing; it goes away by itself. One formula over a whole column (rather than one per row) keeps it short."],
];

/** The reference's Markdown, from the metadata and the functions' real results. */
async function generate() {
  loadTs();
  installCustomFunctions();
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const meta = await generateCustomFunctionsMetadata(functionSourcePaths(), true);
  if (meta.errors.length) throw new Error(`custom functions metadata: ${meta.errors.join("; ")}`);
  const functions = JSON.parse(meta.metadataJson).functions;
  const fnName = new Map(meta.associate.map((a) => [a.id, a.functionName]));
  const F = require("../src/functions/functions.ts");
  const engine = require("../src/engine/index.ts");
  const data = require("../src/engine/data/index.ts");
  const returns = returnsById(functionSourcePaths().map((file) => fs.readFileSync(file, "utf8")).join("\n"));
  const titles = sourceTitles();
  const all = specs(engine, data);
  /** Sources grouped by document: "*Title* (CDF, January 2009): Part Two; Table 1". */
  const cite = (sources) => {
    const byDoc = new Map();
    for (const s of sources) byDoc.set(s.doc, [...(byDoc.get(s.doc) ?? []), s.ref]);
    return [...byDoc]
      .map(([doc, refs]) => {
        if (doc === "DECISION") return `This add-in's decisions (README, "Decisions"): ${refs.join("; ")}`;
        if (doc === "METHOD") return `published methods: ${refs.join("; ")}`;
        const t = titles[doc];
        return `${t ? `${t.title} (${doc}, ${t.date})` : doc}: ${refs.join("; ")}`;
      })
      .join(". ");
  };
  const L = [];
  L.push("# Function reference");
  L.push("");
  L.push("<!-- Generated by `npm run docs:functions` (scripts/function-reference.js) from the functions' JSDoc and their real results: do not edit by hand. -->");
  L.push("");
  L.push(
    `Type \`=${NAMESPACE}.\` in a cell to see the functions. Every range argument takes a single cell **or a whole column**, and the result spills in the same shape: ` +
      "one formula for a 300-row table instead of 300 formulas. Percentages may be 0–100 or Excel % cells (0–1). A bad value gives an error in its own cell only, with a message saying what is wrong; " +
      "hover over the cell (or select it and look beside the formula bar) to read it.",
  );
  L.push("");
  L.push("The examples' results below were computed by the functions themselves when this page was generated. Numbers are shown to at most 4 decimal places. The documents cited are listed, with their publishers and reuse terms, in the project's `docs/sources.md`.");
  L.push("");
  L.push("| Function | What it gives |");
  L.push("| --- | --- |");
  for (const f of functions) L.push(`| [${NAMESPACE}.${f.id}](#${slug(`${NAMESPACE}.${f.id}`)}) | ${f.description.split(/(?<=\.) /)[0].replace(/\|/g, "\\|")} |`);
  L.push("");
  L.push("## Errors");
  L.push("");
  for (const [code, text] of ERROR_ADVICE) L.push(`- \`${code}\`: ${text}`);

  for (const f of functions) {
    const spec = all[f.id];
    if (!spec) throw new Error(`scripts/function-reference.js has no examples for ${NAMESPACE}.${f.id}: add them.`);
    const fn = F[fnName.get(f.id)];
    const call = (args) => {
      const full = [...args];
      while (full.length < f.parameters.length) full.push(null);
      return fn(...full.map((a) => (a === undefined ? null : a)));
    };
    const name = `${NAMESPACE}.${f.id}`;
    L.push("", `## ${name}`, "");
    L.push(f.description, "");
    const params = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    L.push("```", `=${name}(${params.join(", ")})`, "```", "");
    if (f.parameters.length) {
      L.push("| Argument | Type | Required | Description |", "| --- | --- | --- | --- |");
      for (const p of f.parameters) L.push(`| \`${p.name}\` | ${typeText(p)} | ${p.optional ? "optional" : "required"} | ${p.description.replace(/\|/g, "\\|")} |`);
      L.push("");
    } else L.push("No arguments.", "");
    if (returns[f.id]) L.push(`**Returns:** ${returns[f.id]}`, "");
    L.push("### Examples", "");
    for (const ex of spec.examples) {
      L.push(`\`${formula(f.id, ex.args)}\`${ex.note ? ` (${ex.note})` : ""}`, "");
      const out = await call(ex.args); // ISSUES, ACTIONS and BENCHMARK return a Promise (their content loads on first use)
      L.push(...renderResult(out, spec.maxRows, ex.tail), "");
      if (ex.fields) L.push(...fieldLines(out[0][0], ex.fields).slice(1), "");
    }
    L.push("### Errors and what to do", "");
    for (const er of spec.errors) {
      const out = await call(er.args);
      const e = out.flat().find(isError);
      // The EXPLAIN functions say why there is no result as their text, not as an error.
      const said = e ? `\`${e.code}\` ${e.message}` : /^No result: /.test(String(out[0][0])) ? `"${out[0][0]}"` : null;
      if (!said) throw new Error(`${formula(f.id, er.args)} gives no error; scripts/function-reference.js expects one (${er.when}).`);
      L.push(`- ${er.when[0].toUpperCase()}${er.when.slice(1)}: \`${formula(f.id, er.args)}\` → ${said} **What to do:** ${er.fix}`);
    }
    L.push("", "### Rule and source", "");
    L.push(spec.rule.text, "");
    L.push(`Source: ${cite(spec.rule.sources)}.`);
  }
  return `${L.join("\n")}\n`;
}

/** The helpUrl each function should have: its section of the rendered reference. */
const helpUrlFor = (id, base = "https://localhost:3000/") => `${base}${HELP_PAGE}#${slug(`${NAMESPACE}.${id}`)}`;

module.exports = { generate, helpUrlFor, HELP_PAGE, OUT };

if (require.main === module) {
  generate()
    .then((md) => {
      if (process.argv.includes("--check")) {
        const now = fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : "";
        if (now !== md) {
          console.error("docs/functions.md is out of date: run `npm run docs:functions`.");
          process.exit(1);
        }
        console.log("docs/functions.md is up to date.");
        return;
      }
      fs.writeFileSync(OUT, md);
      console.log(`wrote ${path.relative(root, OUT)}`);
    })
    .catch((e) => {
      console.error(e.message);
      process.exit(1);
    });
}
