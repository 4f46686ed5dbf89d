// The function reference's examples (docs/functions.md, scripts/function-reference.js): for each custom function,
// the inputs of its worked examples and of its errors (the results are computed by calling the real function,
// never typed here), and its rule in words with its sources, taken from the engine's data.

const col = (...v) => v.map((x) => [x]);
const one = (v) => [[v]];

/** Each function's examples, errors and rule, by its id; `engine` and `data` are the engine's and its data's indexes. */
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

module.exports = { specs };
