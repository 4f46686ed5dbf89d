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

/** Excel's CustomFunctions global, where the functions make their errors: an Error with Excel's code and the message. */
function installCustomFunctions() {
  if (globalThis.CustomFunctions) return;
  class ExcelError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }
  globalThis.CustomFunctions = {
    Error: ExcelError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" },
    associate: () => undefined,
  };
}

// ------------------------------------------------------------------------------------------------
// Inputs of the examples (the results are computed), and each function's rule from the engine's data

const col = (...v) => v.map((x) => [x]);
const one = (v) => [[v]];

/** Sources: "GR ¶2.3" with the document's title from docs/sources.md. */
function sourceTitles() {
  const md = fs.readFileSync(path.join(root, "docs", "sources.md"), "utf8");
  const titles = {};
  for (const m of md.matchAll(/^\| `([A-Za-z0-9]+)` \| ([^|]+) \| ([^|]+) \|/gm)) titles[m[1]] = { title: m[2].trim(), date: m[3].trim() };
  return titles;
}

function specs(engine, data) {
  const { TYPOLOGY_CUTOFFS: C, TABLE_1, TABLE_1_TOTAL, FAMILY_GROUPS, ABG_BANDS, ABG_PROGRAMME } = engine;
  const pct = (n) => `${n}%`;
  const bands = ABG_BANDS.rows.map((r) => `band ${r.band}: ${r.quote} (£${r.amountGbp.toLocaleString("en-GB")})`).join("; ");
  const typology = {
    text:
      `Affluent when the NVQ4+ share is ${pct(C.nvq4AffluentPct)} or more; rural when the rural share is ${pct(C.ruralPct)} or more; ` +
      `changing when A8 workers are ${C.a8ChangingPer10k} or more per 10,000; manufacturing decline when coal, textiles and steel had ` +
      `${C.declineJobs1984.toLocaleString("en-GB")} jobs or more in 1984 (asked only for stable less affluent urban areas). ` +
      `The combination gives one of Table 1's nine types: ${TABLE_1.map((t) => `${t.type} ${t.name}`).join("; ")}.`,
    sources: [C.source, TABLE_1_TOTAL.source, { doc: "DECISION", ref: "A1–A3 (values exactly on a cut-off; the jobs figure)" }],
  };
  const abgRule = {
    text: `Bands run [lower, upper): ${bands}; ${ABG_BANDS.noBand.minInclusive}% or more: no band, £0 (${ABG_BANDS.noBand.note}). Amounts are ${ABG_BANDS.appliesTo}.`,
    sources: [ABG_BANDS.source, { doc: "GR", ref: "fn 4 (the score), fn 6 (confidence intervals)" }, { doc: "DECISION", ref: "A4–A6" }],
  };
  const scores = col(52.3, 55, 63.9, 74.99, 75);
  return {
    FAMILYTYPE: {
      examples: [
        { args: [one(18), one(12), one(3), one(2400)], note: "a stable less affluent urban area with 2,400 jobs in 1984" },
        { args: [one(30), one(60), one(10)], note: "affluent, rural and changing" },
        { args: [col(18, 22, 40), col(12, 70, 20), col(3, 9, 2), col(400, null, null)], note: "a whole column: one formula spills a type per row" },
      ],
      errors: [
        { args: [one(18), one(12), one(3)], when: "a stable less affluent urban area without the 1984 jobs figure", fix: "Give jobs1984 for that row: it decides between types 2 and 3." },
        { args: [one(""), one(12), one(3)], when: "a blank NVQ4+ share", fix: "Fill in the cell, or leave the row out of the range." },
        { args: [one(18), one("ten"), one(3)], when: "text in a number argument", fix: "Give a number (a % cell is fine)." },
      ],
      rule: typology,
    },
    FAMILYGROUP: {
      examples: [
        { args: [one(18), one(12), one(3), one(2400)], note: "type 2" },
        { args: [one(30), one(60), one(10)], note: "type 9: no family group" },
        { args: [one(30), one(60), one(10), null, null, null, one(true)], note: "type 9 with a single-issue tension asserted" },
      ],
      errors: [{ args: [one(18), one(12), one(-3)], when: "a negative count", fix: "A8 workers per 10,000 is 0 or more." }],
      rule: {
        text: `${typology.text} Types 1–4 are family groups a)–d); e) is a thematic group for any type 5–9 area with tensions arising from a single issue, given only when you assert it: ${Object.values(FAMILY_GROUPS).map((g) => g.heading).join("; ")}.`,
        sources: [...typology.sources.slice(0, 2), { doc: "CDF", ref: "Annex C" }, { doc: "DECISION", ref: "A9 (group e only by assertion)" }],
      },
    },
    "FAMILYTYPE.EXPLAIN": {
      examples: [
        { args: [one(18), one(12), one(3), one(2400)] },
        { args: [one(0.25), one(0.1), one(3)], note: "percent cells (fractions): the scale is said" },
      ],
      errors: [
        { args: [one(18), one(12), one(3)], when: "the jobs figure is needed but blank (the explanation says why there is no type)", fix: "Give jobs1984 for that row." },
        { args: [one(18), one(12), one(3), null, "inches"], when: "an option it does not know", fix: "Use one of the values the message lists." },
      ],
      rule: typology,
    },
    TYPEINFO: {
      examples: [{ args: [one(2)] }, { args: [one(2), "band"] }, { args: [one("total")], note: "the published total row" }],
      errors: [
        { args: [one(10)], when: "a type outside 1–9", fix: 'Give a family type 1–9 or "total".' },
        { args: [[[1, 2]]], when: "a row of types without a field", fix: "Give a field, or one column of types." },
      ],
      rule: {
        text: `Table 1 as published, with its total row (${TABLE_1_TOTAL.average}, ${TABLE_1_TOTAL.areas} areas) shipped unchanged: ${TABLE_1_TOTAL.note}`,
        sources: [TABLE_1_TOTAL.source, { doc: "DECISION", ref: "A8" }],
      },
    },
    "ABG.BAND": {
      examples: [{ args: [one(59)] }, { args: [scores], note: "a column of scores" }, { args: [one(0.62)], note: "a % cell (0.62 is 62%)" }, { args: [one(70.5), one(1), null, "lower"], note: "banded on the lower end of the interval" }],
      errors: [
        { args: [one(104)], when: "a score above 100", fix: "Give a percentage 0–100 (or 0–1 from a % cell)." },
        { args: [one(59), null, null, "lower"], when: 'basis "lower" without a confidence interval', fix: "Give ci, or use the point basis." },
      ],
      rule: abgRule,
    },
    "ABG.ALLOCATION": {
      examples: [{ args: [one(59)] }, { args: [scores], note: "a column of scores" }],
      errors: [{ args: [one("")], when: "a blank score", fix: "Fill in the score, or leave the row out." }],
      rule: abgRule,
    },
    "ABG.RANGE": {
      examples: [{ args: [one(59), one(1.5)] }, { args: [one(62), one(1)] }, { args: [one(72), one(4)], note: "across several bands" }, { args: [one(59), one(1.5), null, "uncertain"] }, { args: [one(59), one(1.5), null, "min"] }],
      errors: [{ args: [one(59), one(-1)], when: "a negative interval", fix: "ci is the ± half-width, 0 or more." }],
      rule: abgRule,
    },
    "ABG.EXPLAIN": {
      examples: [{ args: [one(59), one(1.5)] }, { args: [one(75)] }],
      errors: [
        { args: [one("n/a")], when: "text instead of a score (the explanation says why there is no band)", fix: "Give a percentage." },
        { args: [one(59), null, null, "middle"], when: "a basis it does not know", fix: 'Use "point", "lower" or "upper".' },
      ],
      rule: abgRule,
    },
    "ABG.SUMMARY": {
      examples: [{ args: [scores, one(1)], note: "five scores with a ±1 interval each" }],
      errors: [{ args: [scores, col(1, 1)], when: "ranges of different sizes", fix: "Give one CI per score, or one value for all." }],
      rule: {
        text: `${abgRule.text} The total is set against the £${ABG_PROGRAMME.abgCohesionGbp / 1e6}m allocated through Area Based Grant by the cohesion bands.`,
        sources: [ABG_BANDS.source, ABG_PROGRAMME.source, { doc: "DECISION", ref: "A4 (uncertain rows, or \"not assessed\" without a CI)" }],
      },
    },
    SURVEYCI: {
      examples: [{ args: [one(62), one(1000)] }, { args: [one(62), one(1000), one(1.5), null, null, null, "all"], note: "with a design effect of 1.5: lower, upper, half-width" }, { args: [one(62), one(1000), null, null, null, "normal"] }],
      errors: [
        { args: [one(62), one(0)], when: "a sample size of 0", fix: "n is the number of respondents, more than 0." },
        { args: [one(62), one(1000), one(0.5)], when: "a design effect below 1", fix: "deff is 1 or more." },
      ],
      rule: {
        text: "Wilson score interval (the method OHID prefers) by default, or the normal approximation; the design effect works through the effective sample size n/deff. The half-width is (upper − lower)/2.",
        sources: [{ doc: "METHOD", ref: "Wilson (1927) score interval; OHID Fingertips technical guidance; Kish design effect" }],
      },
    },
    COMPARE: {
      examples: [{ args: [one(62), one(59), one(65), one(60)] }, { args: [col(70, 55, 62), col(67, 52, 61), col(73, 58, 63), one(60)], note: "a column against one benchmark" }, { args: [one(12), one(10), one(14), one(20), "lower"], note: "lower is better" }],
      errors: [{ args: [one(62), one(65), one(59), one(60)], when: "lower above upper", fix: "Swap the interval's ends." }],
      rule: {
        text: '"similar" when the confidence interval contains the benchmark; otherwise "better" or "worse" by the polarity.',
        sources: [{ doc: "METHOD", ref: "OHID Fingertips significance convention (comparison with a benchmark)" }],
      },
    },
    BENCHMARK: {
      examples: [{ args: ["getonwell", "2008-09"] }, { args: ["getonwell", "2008-09", "value"] }, { args: ["Table1_total"] }],
      errors: [
        { args: ["getonwell"], when: "a series with several figures and no year", fix: "Give the year, one of those the message lists." },
        { args: ["getonwell", "2010-11"], when: "a year with no published figure", fix: "Use one of the years listed." },
      ],
      rule: {
        text: `Figures as published, keyed by series and period and never merged, averaged or interpolated; comparability breaks come back as notes. Series: ${data.BENCHMARK_SERIES.map((s) => `${s.id} (${s.measure})`).join("; ")}.`,
        sources: [{ doc: "CLS", ref: "each figure's release (the function's source column)" }, { doc: "GR", ref: "¶3.70, fn 5, Context" }, { doc: "CDF", ref: "Foreword, Table 1" }, { doc: "DECISION", ref: "A20" }],
      },
    },
    NEIGHBOURS: {
      examples: [
        { args: [col("Ashby", "Barton", "Carlow", "Dunmore"), [[20, 10], [22, 12], [35, 60], [21, 15]], "Ashby", 2], note: "two indicators per area" },
        { args: [col("Ashby", "Barton", "Carlow", "Dunmore"), [[20, 10], [22, 12], [35, 60], [21, 15]], "Ashby", 2, "minmax"] },
      ],
      errors: [{ args: [col("Ashby", "Barton"), [[20, 10], [22, 12]], "Zeal"], when: "an area not in names", fix: "Give a name from names, spelt the same." }],
      rule: {
        text: "zscore: each indicator standardised (population SD), weighted, Euclidean distance rebased so the farthest area is 1; minmax: each indicator scaled to [0, weight]. Blank indicators take the indicator's mean; ties go by name; 15 neighbours by default.",
        sources: [{ doc: "METHOD", ref: "CIPFA nearest neighbours; CCG Nearest Neighbours tool; NHS England peer groups" }],
      },
    },
    DISSIMILARITY: {
      examples: [{ args: [col(10, 20, 70), col(30, 30, 40)] }, { args: [col(10, 20, 70), col(100, 200, 300), "vsrest"], note: "groupB holds each sub-area's total" }],
      errors: [{ args: [col(0, 0), col(5, 5)], when: "a group with no one in it", fix: "Each group needs a count above 0 somewhere." }],
      rule: {
        text: "½ Σ |aᵢ/A − bᵢ/B| over the sub-areas: 0 = the same distribution, 1 = complete separation; vsrest compares the group with everyone else.",
        sources: [{ doc: "METHOD", ref: "Duncan & Duncan (1955)" }],
      },
    },
    TYPEMIX: {
      examples: [{ args: [col(18, 30, 22), col(12, 60, 70), col(3, 10, 9), col(2400, null, null), col(6000, 3000, 1000)], note: "three wards" }],
      errors: [{ args: [col(18), col(12), col(3), col(2400), col(-5)], when: "a negative population", fix: "Populations are 0 or more." }],
      rule: {
        text: `${typology.text} Each sub-area's type counts by its population. ${engine.TYPOLOGY_CAVEATS.districtLevel}`,
        sources: [C.source, TABLE_1_TOTAL.source, { doc: "DECISION", ref: "A12" }],
      },
    },
    ISSUES: {
      examples: [{ args: [], note: "the first rows of 23" }, { args: ["code"], note: "the first rows" }],
      errors: [{ args: ["list"], when: "an output it does not know", fix: 'Use "table", "text" or "code".' }],
      rule: {
        text: `The ${data.ISSUES.length} issues of Table D1, verbatim and in document order; with source "all", the ${data.LGA_ISSUES.length} issues drawn from the LGA 2019 guide (ISS-01…) follow.`,
        sources: [data.ISSUES[0].source, { doc: "LGA2019", ref: "the sections each LGA issue cites" }],
      },
      maxRows: 4,
    },
    ACTIONS: {
      examples: [{ args: [col("I01", "I15")], note: "two issues" }, { args: [col("I01"), "a"], note: "with family group a)'s advice, which comes last", tail: true }],
      errors: [
        { args: [col("I99")], when: "an unknown issue", fix: "Use a code, id or text from =COHESION.ISSUES()." },
        { args: [col("ISS-01")], when: 'an LGA issue with the default source "cdf2009"', fix: 'Add source "all".' },
        { args: [col("I01"), "f"], when: "a group other than a–e", fix: "Give a family group a, b, c, d or e." },
      ],
      rule: {
        text: `Each issue of Table D1 lists actions; an action ranks by how many of the given issues list it (ties in A01–A20 order: the ranking is this add-in's, the CDF does not rank). The five actions every area should take (${data.UNIVERSAL_ACTIONS.map((u) => u.code).join(", ")}) follow, then the Annex C advice for the family group.`,
        sources: [data.ISSUES[0].source, data.UNIVERSAL_ACTIONS[0].source, { doc: "CDF", ref: "Annex C" }, { doc: "LGA2019", ref: 'with source "all": each action\'s section' }, { doc: "DECISION", ref: "the ranking by count" }],
      },
      maxRows: 8,
    },
    AREA: {
      examples: [
        {
          args: [one(18), one(12), one(3), one(2400), one(59), one(2), one("Barnsley")],
          note: "an area card: the cell shows the type; the card and formulas such as =A2.Band give its fields",
          fields: ["Type", "Type name", "Table 1 average", "Family group", "Band", "Allocation", "Band range", "Band uncertain", "Allocation min", "Allocation max"],
        },
        { args: [col(18, 30), col(12, 60), col(3, 10), col(2400, null), col(59, 80)], note: "a column: one card per row" },
      ],
      errors: [
        { args: [one(""), one(12), one(3)], when: "a blank proxy", fix: "Fill in the NVQ4+ share, rural share and A8 workers for the row." },
        { args: [one(18), one(12), one(3), one(2400), one(null), one(2)], when: "a CI without a score", fix: "Give the score too, or leave the CI blank." },
        { args: [one(18), one(12), one(3), null, one(59)], when: "a stable less affluent urban area without the 1984 jobs", fix: "Give the 1984 coal, textiles and steel jobs." },
      ],
      rule: {
        text:
          `The card gathers what the other functions give: ${typology.text} The family group and its Annex C advice (what works well, where things work less well), verbatim; the ABG band and allocation of the score and the bands its CI spans (${bands}); the five actions every area should consider (${data.UNIVERSAL_ACTIONS.map((u) => `${u.code} ${u.title}`).join("; ")}). ` +
          "Where Excel has no data types (ExcelApi 1.16), the cell holds the type number 1–9 and there is no card.",
        sources: [C.source, TABLE_1_TOTAL.source, { doc: "CDF", ref: "Annex C" }, ABG_BANDS.source, { doc: "GR", ref: "fn 6" }, data.UNIVERSAL_ACTIONS[0].source, { doc: "DECISION", ref: "A7 (one scale for the call's percentages), A9 (group e)" }],
      },
    },
  };
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
