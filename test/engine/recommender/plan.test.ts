import { buildActionPlan, PLAN_COLUMNS, recommendActions } from "../../../src/engine";

const rec = (ids: string[], source: "cdf2009" | "all" = "cdf2009") => {
  const r = recommendActions(ids, { source });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe("buildActionPlan (CDF Annex F)", () => {
  it("has the Annex F plan columns", () => {
    expect(PLAN_COLUMNS).toEqual(["Action", "Issues addressed", "Source", "Lead", "Partners", "Resources", "Milestones", "Quick win or long term", "One-off or ongoing"]);
  });
  it("pre-fills one row per ranked action, then U1–U5, with issues and source; the rest left for the council", () => {
    const p = buildActionPlan(rec(["I01", "I02"]), { area: "Ashbury", inputs: [{ label: "Family type", value: "4" }], date: "2026-11-22" });
    expect(p.rows).toHaveLength(5 + 5);
    expect(p.rows[0]).toEqual([
      "Promote cohesion duty in schools and work with local colleges",
      "I01 Lack of respect for ethnic difference; I02 Existing population have negative views about migrants",
      "CDF §3.2; Annex D, Table D1 (A06)",
      "", "", "", "", "", "",
    ]);
    expect(p.rows[5][1]).toBe("All areas should consider");
    expect(p.header[0]).toEqual(["Cohesion action plan: Ashbury"]);
    expect(p.header).toContainEqual(["Family type", "4"]);
    expect(p.header[1][0]).toMatch(/^Made on 2026-11-22/);
  });
  it("keeps only the chosen actions, and can leave out U1–U5", () => {
    const p = buildActionPlan(rec(["I01", "I02"]), { area: "X", inputs: [], date: "2026-01-01", chosen: ["A15", "A05"], includeUniversal: false });
    expect(p.rows.map((r) => r[2])).toEqual(["CDF §3.2; Annex D, Table D1 (A15)", "CDF §3.2; Annex D, Table D1 (A05)"]);
  });
  it("labels LGA 2019 rows with their source", () => {
    const p = buildActionPlan(rec(["I01"], "all"), { area: "X", inputs: [], date: "2026-01-01", includeUniversal: false });
    expect(p.rows.some((r) => r[2].startsWith("LGA 2019 guide"))).toBe(true);
  });
});
