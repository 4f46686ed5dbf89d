#!/usr/bin/env node
// Builds assets/sample-indicators.xlsx: a SYNTHETIC council indicator workbook (about 350
// authorities, every input column, a few deliberately bad cells, and spilled =COHESION.… formulas).
// Deterministic: the same contents every run (only the zip timestamps differ). `node scripts/make-sample.js [out.xlsx]`.
const path = require("path");
const ExcelJS = require("exceljs");
const { prng } = require("./prng");

const PARTS_A = ["Ash", "Bram", "Cal", "Dun", "Eld", "Fen", "Glen", "Har", "Ing", "Kel", "Lang", "Mar", "Nor", "Oak", "Pen", "Quen", "Ros", "Stan", "Thorn", "Ul", "Ver", "Wick", "Yar"];
const PARTS_B = ["bury", "ford", "ham", "ley", "mouth", "stead", "ton", "wick", "worth", "field", "dale", "combe", "by", "chester", "port"];
const KINDS = ["District", "Borough", "City", "Metropolitan Borough", "Unitary"];

function rows(n = 352) {
  const rnd = prng(2009);
  const seen = new Set();
  const out = [];
  while (out.length < n) {
    const name = `${PARTS_A[Math.floor(rnd() * PARTS_A.length)]}${PARTS_B[Math.floor(rnd() * PARTS_B.length)]} ${KINDS[Math.floor(rnd() * KINDS.length)]}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const rural = Math.round(Math.min(100, Math.max(0, rnd() < 0.45 ? 50 + rnd() * 45 : rnd() * 49)) * 10) / 10;
    const nvq4 = Math.round((12 + rnd() * 30) * 10) / 10;
    const a8 = Math.round(rnd() * rnd() * 40 * 10) / 10;
    const jobs = rnd() < 0.35 ? Math.round(rnd() * 9000) : Math.round(rnd() * 900);
    // Roughly like the 2006-07 BVPI results: centred near 79%, a few authorities much lower.
    const gauss = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    const score = Math.round(Math.min(95, Math.max(45, 79 + 7 * gauss)) * 10) / 10;
    const n = 400 + Math.floor(rnd() * 900);
    const ci = Math.round(1.96 * Math.sqrt(((score / 100) * (1 - score / 100)) / n) * 1000) / 10;
    const population = 60000 + Math.floor(rnd() * 400000);
    out.push({ name, code: `X${String(out.length + 1).padStart(8, "0")}`, score, ci, n, nvq4, rural, a8, jobs, single: rnd() < 0.06, population });
  }
  return out;
}

async function make(file) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cohesion Toolkit (synthetic sample)";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  const about = wb.addWorksheet("About");
  const ws = wb.addWorksheet("Indicators");
  about.getColumn(1).width = 110;
  [
    "SYNTHETIC SAMPLE — NOT REAL DATA.",
    "Every name and value in the Indicators sheet was made up by scripts/make-sample.js. No real authority is described.",
    "Columns: area name and code, the 'get on well together' score (%, BVPI/NI 1 style) with its 95% CI half-width and sample size,",
    "the four typology proxies (NVQ4+ %, rural %, A8 workers per 10,000, 1984 coal/textiles/steel jobs), a single-issue flag and population.",
    "A few cells are deliberately bad (text, blanks, out of range) to show how the toolkit reports them.",
    "Column M holds spilled =COHESION.… formulas computed by the add-in's custom functions.",
  ].forEach((t, i) => (about.getCell(i + 1, 1).value = t));
  about.getCell(1, 1).font = { bold: true, color: { argb: "FFC00000" } };

  const header = ["Area", "Code", "Get on well together %", "CI ±", "Sample size", "NVQ4+ %", "Rural %", "A8 per 10,000", "1984 jobs", "Single issue", "Population"];
  ws.addRow(header);
  ws.getRow(1).font = { bold: true };
  const data = rows();
  for (const r of data) ws.addRow([r.name, r.code, r.score, r.ci, r.n, r.nvq4, r.rural, r.a8, r.jobs, r.single, r.population]);
  // Deliberately bad cells (each shows a different message).
  const bad = [
    [5, 3, "n/a"],
    [9, 3, null],
    [14, 6, -4],
    [21, 7, 130],
    [33, 3, "72,5"],
    [40, 9, null],
    [47, 8, "lots"],
  ];
  for (const [row, col, v] of bad) ws.getCell(row, col).value = v;
  const last = data.length + 1;
  ws.getCell(1, 13).value = "ABG allocation (formula)";
  ws.getCell(1, 13).font = { bold: true };
  ws.getCell(2, 13).value = { formula: `COHESION.ABG.ALLOCATION(C2:C${last},D2:D${last})` };
  ws.getCell(1, 14).value = "Family type (formula)";
  ws.getCell(1, 14).font = { bold: true };
  ws.getCell(2, 14).value = { formula: `COHESION.FAMILYTYPE(F2:F${last},G2:G${last},H2:H${last},I2:I${last})` };
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 28 : 14));
  ws.getColumn(13).numFmt = "£#,##0";
  ws.views = [{ state: "frozen", ySplit: 1 }];
  await wb.xlsx.writeFile(file);
  return data.length;
}

module.exports = { make, rows };
if (require.main === module) {
  const out = process.argv[2] || path.resolve(__dirname, "..", "assets", "sample-indicators.xlsx");
  make(out).then((n) => console.log(`wrote ${out}: ${n} synthetic authorities`));
}
