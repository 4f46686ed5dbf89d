/**
 * Decision A7, one rule for the functions, the task pane and the command line (issue 12, point 1):
 * a % number format, then a % header, then ONE decision for all the percentages of a call or table
 * (a value above 1 in any of them means all are per cent), else fractions flagged as a guess.
 */
import {
  abgColumn,
  ambiguousScaleWarning,
  decideScales,
  describeScales,
  evaluateColumns,
  isPercentFormat,
  isPercentHeader,
  scanColumnScales,
  scanScales,
  typologyColumn,
  type Columns,
} from "../../src/engine";

/**
 * An urban table as London boroughs and big cities have it: NVQ4+ between 15 and 60 (per cent),
 * rural share between 0 and 0.95 (per cent: 0.53 means 0.53%), A8 and 1984 jobs.
 */
export function urbanTable(n: number): Required<Pick<Columns, "nvq4" | "rural" | "a8" | "jobs1984">> & { rural: number[]; nvq4: number[] } {
  const nvq4: number[] = [];
  const rural: number[] = [];
  const a8: number[] = [];
  const jobs1984: number[] = [];
  for (let i = 0; i < n; i++) {
    nvq4.push(15 + ((i * 37) % 46)); // 15–60
    rural.push(Math.round(((i * 53) % 96)) / 100); // 0–0.95
    a8.push((i * 7) % 40);
    jobs1984.push((i * 311) % 3000);
  }
  return { nvq4, rural, a8, jobs1984 };
}

describe("the urban table (issue 12): rural 0.53 is 0.53 %, never 53 %", () => {
  const t = urbanTable(120);
  const rows = evaluateColumns(t, t.nvq4.length);

  it("types every row as urban (no rural type 1, 5, 8 or 9)", () => {
    expect(rows.filter((r) => r.familyType === null)).toEqual([]);
    expect(rows.some((r, i) => t.rural[i] >= 0.5)).toBe(true); // rows the per-column rule typed as rural
    for (const r of rows) expect([2, 3, 4, 6, 7]).toContain(r.familyType);
  });

  it("row by row, the type is the one of the values read as per cent", () => {
    const i = t.rural.indexOf(0.53);
    expect(i).toBeGreaterThanOrEqual(0);
    const one = typologyColumn([t.nvq4[i]], [0.53], [t.a8[i]], [t.jobs1984[i]], null, { scale: "percent" })[0];
    expect(one.ok && rows[i].familyType).toBe(one.ok && one.value.type);
  });

  it("no row carries a scale note (a value above 1 settles it; rural has none above 1 of its own)", () => {
    expect(rows.flatMap((r) => r.notes).filter((n) => /scale|fraction/.test(n))).toEqual([]);
  });

  it("slice by slice gives the same rows (scanColumnScales over every slice first)", () => {
    let scales;
    const size = 7;
    const slice = (a: number, b: number): Columns => Object.fromEntries(Object.entries(t).map(([f, v]) => [f, (v as unknown[]).slice(a, b)]));
    for (let a = 0; a < 120; a += size) scales = scanColumnScales(slice(a, a + size), {}, scales);
    const out = [];
    // A slice whose NVQ4+ and rural were all within 0–1 would still be read as per cent.
    for (let a = 0; a < 120; a += size) out.push(...evaluateColumns(slice(a, a + size), Math.min(size, 120 - a), { tableScales: scales }));
    expect(out).toEqual(rows);
  });

  it("says why: the table-level lines name the value above 1", () => {
    const lines = describeScales(scanColumnScales(t));
    expect(lines).toEqual([
      `NVQ4+ share: read as per cent: a value above 1 in the table (NVQ4+ share ${t.nvq4[0]}).`,
      `Rural share: read as per cent: a value above 1 in the table (NVQ4+ share ${t.nvq4[0]}).`,
    ]);
    expect(ambiguousScaleWarning(scanColumnScales(t))).toBeNull();
  });
});

describe("one call pools its percentage arguments", () => {
  it("FAMILYTYPE(30, 0.5, 10): rural is 0.5 %, so type 7 (urban, affluent, changing), and the explanation says why", () => {
    const r = typologyColumn([30], [0.5], [10], null, null)[0];
    expect(r.ok && r.value.type).toBe(7);
    expect(r.ok && r.explanation).toMatch(/Percentages read as per cent: a value above 1 in the call \(NVQ4\+ share 30\)\.$/);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it("all within 0–1: fractions, with a warning that the scale was a guess", () => {
    const r = typologyColumn([0.3], [0.5], [10], null, null)[0];
    expect(r.ok && r.value.type).toBe(9); // 30 %, 50 % rural, changing
    expect(r.ok && r.explanation).toMatch(/Percentages read as fractions: every percentage in the call is within 0–1 \(ambiguous\)\.$/);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["ambiguousScale"]); // once, not once per argument
    expect(r.ok && r.warnings[0].message).toMatch(/give scale "percent" if 0\.5 means 0\.5%/);
  });

  it("an explicit scale overrides, and says so", () => {
    const r = typologyColumn([0.3], [0.5], [10], null, null, { scale: "percent" })[0];
    expect(r.ok && r.value.type).toBe(4); // 0.3 % NVQ4+, 0.5 % rural, changing
    expect(r.ok && r.explanation).toMatch(/Percentages read as per cent: scale "percent" given\.$/);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it("a % sign is per cent whatever the others, and the sentence names each input", () => {
    const r = typologyColumn(["30%"], [0.6], [10], null, null)[0];
    expect(r.ok && r.value.type).toBe(9); // 30 %, rural 0.6 → 60 % (fractions: nothing plain above 1)
    expect(r.ok && r.explanation).toMatch(/NVQ4\+ share read as per cent: written with a % sign; rural share read as fractions: every percentage in the call is within 0–1 \(ambiguous\)\.$/);
  });

  it("ABG.EXPLAIN names the scale", () => {
    const a = abgColumn([72], [2])[0];
    expect(a.ok && a.explanation).toMatch(/Score read as per cent: a value above 1 in the call \(score 72\)\.$/);
    const f = abgColumn([0.72], [0.02])[0];
    expect(f.ok && f.value.score).toBe(72);
    expect(f.ok && f.explanation).toMatch(/Score read as fractions: every percentage in the call is within 0–1 \(ambiguous\)\.$/);
    expect(f.ok && f.warnings.map((w) => w.code)).toContain("ambiguousScale");
  });
});

describe("number formats and headers (tables)", () => {
  it("recognises % formats, not a quoted or escaped % sign", () => {
    expect(["0%", "0.0%", "#,##0.00%;[Red]-0.00%", "0%_)"].map(isPercentFormat)).toEqual([true, true, true, true]);
    expect(['0.0"%"', "0\\%", "General", "0.00", "[$%-409]0", null, undefined, 5].map(isPercentFormat)).toEqual([false, false, false, false, false, false, false, false]);
  });
  it("recognises per-cent headers", () => {
    expect(["Rural %", "% rural", "NVQ4 per cent", "NVQ4 percent", "Rural percentage", "rural pct"].map(isPercentHeader)).toEqual([true, true, true, true, true, true]);
    expect(["Rural", "Rural share", "NVQ4+", "Perception", "pctg"].map(isPercentHeader)).toEqual([false, false, false, false, false]);
  });

  it("a % number format means the stored value is a fraction, whatever the pool says (a mixed table)", () => {
    // Row 0: NVQ4+ 0.45 shown as 45% (format) and rural 60 (per cent); row 1: plain NVQ4+ 20, rural 0.4 shown as 40%.
    const rows = evaluateColumns({ nvq4: [0.45, 20], rural: [60, 0.4], a8: [3, 3], jobs1984: [0, 2000] }, 2, { formats: { nvq4: ["0%", "General"], rural: ["General", "0.0%"] } });
    expect(rows.map((r) => r.familyType)).toEqual([8, 2]); // 45 % affluent, 60 % rural, stable → 8; 20 %, 40 % rural, 2000 jobs → 2
    expect(rows.flatMap((r) => r.notes)).toEqual([]);
    const lines = describeScales(scanColumnScales({ nvq4: [0.45, 20], rural: [60, 0.4] }, { formats: { nvq4: ["0%", "General"], rural: ["General", "0.0%"] } }));
    expect(lines).toEqual([
      "NVQ4+ share: 1 read as per cent: a value above 1 in the table (NVQ4+ share 20); 1 with a % number format read as fractions.",
      "Rural share: 1 read as per cent: a value above 1 in the table (NVQ4+ share 20); 1 with a % number format read as fractions.",
    ]);
  });

  it("every cell % formatted: fractions, not flagged (the format says so)", () => {
    const f = ["0%", "0%"];
    const rows = evaluateColumns({ nvq4: [0.3, 0.1], rural: [0.6, 0.2], a8: [2, 9] }, 2, { formats: { nvq4: f, rural: f } });
    expect(rows.map((r) => r.familyType)).toEqual([8, 4]);
    expect(rows.flatMap((r) => r.notes)).toEqual([]);
  });

  it("a text number in a % formatted cell is not scaled by the format (Excel shows text as it is)", () => {
    const rows = evaluateColumns({ nvq4: ["30", 40], rural: [0.5, 2] }, 2, { formats: { nvq4: ["0%", "General"], rural: ["General", "General"] } });
    const scales = decideScales(scanColumnScales({ nvq4: ["30", 40], rural: [0.5, 2] }, { formats: { nvq4: ["0%", "General"] } }));
    expect(scales.nvq4.plain).toBe(2);
    expect(rows).toHaveLength(2);
  });

  it("a header that says % means per cent for its column's unformatted cells", () => {
    const cols = { nvq4: [0.3, 0.45], rural: [0.53, 0.2], a8: [10, 3], jobs1984: [0, 0] };
    const rows = evaluateColumns(cols, 2, { headers: { rural: "Rural %" } });
    // Rural by its header: 0.53 %; NVQ4+ still ambiguous (no evidence): fractions, flagged.
    expect(rows.map((r) => r.familyType)).toEqual([7, 6]); // 30 %, 0.53 % rural, changing; 45 %, 0.2 % rural, stable
    expect(rows[0].notes).toEqual([expect.stringMatching(/^warning: Percentages read as fractions \(0\.5 = 50%\): every percentage in the table is within 0–1/)]);
    const d = decideScales(scanColumnScales(cols, { headers: { rural: "Rural %", nvq4: "NVQ4+" } }));
    expect([d.rural.basis, d.nvq4.basis]).toEqual(["header", "ambiguous"]);
  });

  it("the ambiguous table: fractions, one warning note per row, and a table-level warning", () => {
    const cols = { score: [0.6, 0.72], nvq4: [0.3, 0.1], rural: [0.6, 0.2], a8: [2, 9] };
    const rows = evaluateColumns(cols, 2);
    expect(rows.map((r) => [r.familyType, r.score])).toEqual([[8, 60], [4, 72]]);
    for (const r of rows) expect(r.notes).toEqual(['warning: Percentages read as fractions (0.5 = 50%): every percentage in the table is within 0–1 and none has a % number format or a % header; set the scale to "percent" if 0.5 means 0.5%.']);
    expect(ambiguousScaleWarning(scanColumnScales(cols))).toMatch(/^Percentages read as fractions/);
    expect(describeScales(scanColumnScales(cols))[0]).toBe("Score: read as fractions: every percentage in the table is within 0–1 (ambiguous).");
  });

  it("the CI follows its score's cell: a % formatted score takes a fraction half-width", () => {
    // 0.58 shown as 58% with ± 0.03 (3 points): 55–61 spans bands 2 and 3; read as 0.03 points it would not.
    const rows = evaluateColumns({ score: [0.58, 62], ci: [0.03, 3] }, 2, { formats: { score: ["0%", "General"] } });
    expect(rows.map((r) => [r.score, r.abgBand, r.uncertain])).toEqual([[58, 2, true], [62, 3, true]]);
    expect(rows.flatMap((r) => r.notes).filter((n) => /scale|fraction/.test(n))).toEqual([]);
  });

  it("scanScales over slices gives the evidence of the whole", () => {
    const raws = [0.2, 0.5, 30, 0.9, "45%", null, 2];
    const formats = ["General", "0%", "General", "General", "General", null, "0%"];
    let acc;
    for (let i = 0; i < raws.length; i += 2) acc = scanScales([{ field: "rural", label: "Rural share", raws: raws.slice(i, i + 2), formats: formats.slice(i, i + 2) }], {}, acc);
    expect(acc).toEqual(scanScales([{ field: "rural", label: "Rural share", raws, formats }]));
    expect(acc!.columns.rural).toMatchObject({ plain: 3, formatted: 2, signed: 1, aboveOne: 1, firstAboveOne: 30 });
  });
});
