import { areaProfile, detectIssues, mapIndicatorHeaders, median } from "../../../src/engine";

const headers = ["Authority", "NI 1 %", "NI 2", "NVQ4+ %", "Rural %", "A8 per 10,000", "1984 jobs", "Trust", "Crime rate"];
const rows = [
  ["Ashbury", 0.7, 0.48, 0.2, 0.1, 10, null, 0.4, 80],
  ["Bramford", 0.8, 0.62, 0.3, 0.6, 3, null, 0.5, 40],
  ["Calton", 0.75, 0.55, 0.22, 0.05, 2, 2500, "n/a", 60],
];

// The score, NVQ4+ and rural cells are Excel % cells (0.7 shown as 70%): their number formats say so.
// Without them, the headers "NI 1 %", "NVQ4+ %", "Rural %" would say per cent (0.7 → 0.7 %), decision A7.
const formats = { score: rows.map(() => "0%"), nvq4: rows.map(() => "0%"), rural: rows.map(() => "0%") };

describe("areaProfile", () => {
  it("maps indicator headers by synonym", () => {
    expect(mapIndicatorHeaders(headers)).toEqual({ ni2_belonging: 2, trust_others: 7, crime_rate: 8 });
  });
  it("reads a row with its columns' scales, classifies it, and gives the table's medians", () => {
    const p = areaProfile(headers, rows, 0, { formats });
    expect(p.name).toBe("Ashbury");
    expect(p.score).toBe(70);
    expect(p.familyType).toBe(4);
    expect(p.familyGroup).toBe("d");
    expect(p.indicators).toEqual({ ni1_getonwell: 70, ni2_belonging: 48, trust_others: 40, crime_rate: 80 });
    expect(p.medians).toEqual({ ni1_getonwell: 75, ni2_belonging: 55, trust_others: 45, crime_rate: 60 });
    // Without the formats the % headers decide: per cent, so 0.7 is 0.7 %.
    expect(areaProfile(headers, rows, 0).score).toBe(0.7);
  });
  it("notes an unusable cell and still profiles the rest", () => {
    const p = areaProfile(headers, rows, 2);
    expect(p.familyType).toBe(2);
    expect(p.indicators.trust_others).toBeUndefined();
    expect(p.problems).toEqual(['Trust: "n/a" is not usable.']);
  });
  it("feeds detection with the workbook-median comparator: low belonging suggests I03", () => {
    const p = areaProfile(headers, rows, 0);
    const d = detectIssues(p.indicators, { kind: "median", values: p.medians });
    expect(d.ok && d.value.suggestions.map((s) => s.issue)).toContain("I03");
    expect(d.ok && d.value.suggestions.find((s) => s.issue === "I03")?.reason).toBe("belonging 48.0% vs workbook median 55%");
  });
  it("reads a \"Feel safe\" column as feeling safe (higher = better), never as fear of crime: the least safe area gets I06", () => {
    const h = ["Authority", "Feel safe %", "Fear of crime"];
    expect(mapIndicatorHeaders(h)).toEqual({ feel_safe: 1, fear_of_crime: 2 });
    const t = [
      ["Safeville", 90, null],
      ["Middleham", 65, null],
      ["Scaryton", 40, null],
    ];
    const issuesOf = (i: number) => {
      const p = areaProfile(h, t, i);
      const d = detectIssues(p.indicators, { kind: "median", values: p.medians });
      return d.ok ? d.value.suggestions.map((s) => s.issue) : d.error.message;
    };
    expect(issuesOf(0)).toEqual([]);
    expect(issuesOf(2)).toEqual(["I06"]);
  });
  it("median", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
