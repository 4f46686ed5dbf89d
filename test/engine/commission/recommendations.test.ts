/**
 * The Commission's 57 recommendations (2007), the Government's answer to each (February 2008) and the
 * Secretary of State's priorities (October 2007), joined by recommendation number.
 */
import {
  COMMISSION_AUDIENCE_INFO,
  COMMISSION_AUDIENCES,
  COMMISSION_RECOMMENDATIONS,
  COMMISSION_THEME_INFO,
  COMMISSION_THEMES,
  GOV_RESPONSES,
  RECOMMENDATION_RECORDS,
  RECOMMENDATION_TRACKER_HEADER,
  RESPONSE_STANCE_INFO,
  RESPONSE_STANCES,
  SOS_PRIORITIES,
  commissionRecommendation,
  commissionRecommendations,
  recommendationRow,
} from "../../../src/engine";

const numbersOf = (r: ReturnType<typeof commissionRecommendations>): number[] => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value.map((x) => x.number);
};

describe("the Commission's recommendations as data", () => {
  it("has exactly 57, numbered 1..57 in order, each number once", () => {
    expect(COMMISSION_RECOMMENDATIONS).toHaveLength(57);
    expect(COMMISSION_RECOMMENDATIONS.map((r) => r.number)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    expect(new Set(COMMISSION_RECOMMENDATIONS.map((r) => r.number)).size).toBe(57);
  });

  it("cites the recommendation and its report reference in every source (REC)", () => {
    for (const r of COMMISSION_RECOMMENDATIONS) {
      expect(r.source.doc).toBe("REC");
      expect(r.source.ref).toContain(`Recommendation ${r.number};`);
      expect(r.source.ref).toContain(r.reportRef);
      expect(r.reportRef).toMatch(/^(\d\.\d{1,2}|Annex [CD])$/);
      expect(r.chapter).toBe(r.reportRef.startsWith("Annex") ? r.reportRef : r.reportRef.split(".")[0]);
    }
    expect(COMMISSION_RECOMMENDATIONS.find((r) => r.number === 56)?.reportRef).toBe("Annex C");
    expect(COMMISSION_RECOMMENDATIONS.find((r) => r.number === 4)?.source).toEqual({ doc: "REC", ref: "Recommendation 4; report ¶4.24" });
  });

  it("gives every recommendation a known theme and audiences; 'not-stated' only alone and only without addressees", () => {
    for (const r of COMMISSION_RECOMMENDATIONS) {
      expect(COMMISSION_THEMES).toContain(r.theme);
      expect(r.audiences.length).toBeGreaterThan(0);
      for (const a of r.audiences) expect(COMMISSION_AUDIENCES).toContain(a);
      expect(new Set(r.audiences).size).toBe(r.audiences.length);
      if (r.audiences.includes("not-stated")) {
        expect(r.audiences).toEqual(["not-stated"]);
        expect(r.addressees).toEqual([]);
      } else expect(r.addressees.length).toBeGreaterThan(0);
    }
  });

  it("names only addressees that its own text (or listed parts) spells", () => {
    for (const r of COMMISSION_RECOMMENDATIONS) {
      const text = [r.text, ...r.parts].join(" ");
      for (const a of r.addressees) expect({ n: r.number, found: text.includes(a) }).toEqual({ n: r.number, found: true });
    }
  });

  it("uses every theme and every audience at least once, and documents each", () => {
    for (const t of COMMISSION_THEMES) {
      expect(COMMISSION_RECOMMENDATIONS.some((r) => r.theme === t)).toBe(true);
      expect(COMMISSION_THEME_INFO[t].label).toBeTruthy();
      expect(COMMISSION_THEME_INFO[t].source.doc).toBe("DECISION");
    }
    for (const a of COMMISSION_AUDIENCES) {
      expect(COMMISSION_RECOMMENDATIONS.some((r) => r.audiences.includes(a))).toBe(true);
      expect(COMMISSION_AUDIENCE_INFO[a].label).toBeTruthy();
    }
  });

  it("each theme's source names exactly the recommendations that carry it", () => {
    const ranges = (ref: string): number[] =>
      ref
        .replace(/^theme of recommendations /, "")
        .split(", ")
        .flatMap((piece) => {
          const [a, b] = piece.split("–").map(Number);
          return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => a + i);
        });
    for (const t of COMMISSION_THEMES)
      expect(ranges(COMMISSION_THEME_INFO[t].source.ref)).toEqual(COMMISSION_RECOMMENDATIONS.filter((r) => r.theme === t).map((r) => r.number));
  });

  it("keeps the parts of a listed recommendation inside its text (except 21's, which the factsheet does not print)", () => {
    for (const r of COMMISSION_RECOMMENDATIONS) if (!r.partsSource) for (const p of r.parts) expect(r.text).toContain(p);
    expect(COMMISSION_RECOMMENDATIONS.filter((r) => r.partsSource).map((r) => r.number)).toEqual([21]);
    expect(COMMISSION_RECOMMENDATIONS[3].parts).toHaveLength(4);
    expect(COMMISSION_RECOMMENDATIONS[20].parts).toHaveLength(4);
    expect(COMMISSION_RECOMMENDATIONS[20].partsSource).toEqual({ doc: "GR", ref: "Section 4, recommendation 21" });
  });
});

describe("the Government's answers (GR Section 4)", () => {
  it("answers every recommendation exactly once, with a known stance, basis, summary and a GR Section 4 source", () => {
    expect(GOV_RESPONSES.map((r) => r.recommendation)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    for (const r of GOV_RESPONSES) {
      expect(RESPONSE_STANCES).toContain(r.stance);
      expect(r.basis.length).toBeGreaterThan(10);
      expect(r.summary).toMatch(/^[A-Z0-9"].*\.$/);
      expect(r.source.doc).toBe("GR");
      expect(r.source.ref).toMatch(/^Section 4, recommendations? \d+(–\d+)?$/);
      expect(RESPONSE_STANCE_INFO[r.stance].label).toBeTruthy();
    }
  });

  it("shares one printed answer among 31–33 and among 35–36, and says so", () => {
    for (const n of [31, 32, 33]) {
      const r = GOV_RESPONSES[n - 1];
      expect(r.answeredWith).toEqual([31, 32, 33]);
      expect(r.source.ref).toBe("Section 4, recommendations 31–33");
      expect(r.notes[0]).toMatch(/One answer is printed after recommendation 33/);
    }
    expect(GOV_RESPONSES[34].answeredWith).toEqual([35, 36]);
    expect(GOV_RESPONSES[35].summary).toBe(GOV_RESPONSES[34].summary);
    expect(GOV_RESPONSES.filter((r) => r.answeredWith.length).map((r) => r.recommendation)).toEqual([31, 32, 33, 35, 36]);
  });

  it("answers recommendation 9 in its two printed parts, and only 9 is mixed", () => {
    expect(GOV_RESPONSES[8].parts.map((p) => `${p.label}:${p.stance}`)).toEqual(["a:agreed", "b:considering"]);
    expect(GOV_RESPONSES.filter((r) => r.stance === "mixed").map((r) => r.recommendation)).toEqual([9]);
    expect(GOV_RESPONSES.filter((r) => r.parts.length).map((r) => r.recommendation)).toEqual([9]);
  });

  it("reads recommendation 34 as not taken up at present, and nothing else", () => {
    expect(GOV_RESPONSES.filter((r) => r.stance === "declined").map((r) => r.recommendation)).toEqual([34]);
  });
});

describe("the Secretary of State's priorities (October 2007)", () => {
  it("has the letter's five priorities, each citing the letter", () => {
    expect(SOS_PRIORITIES.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    for (const p of SOS_PRIORITIES) {
      expect(p.source.doc).toBe("SoS");
      expect(p.source.ref).toMatch(/^letter, October 2007: (first|second|third|fourth|fifth) priority$/);
    }
  });

  it("links priorities to recommendations only as inferred links, each with the letter's words", () => {
    for (const p of SOS_PRIORITIES)
      for (const l of p.concerns) {
        expect(l.inferred).toBe(true);
        expect(l.recommendation).toBeGreaterThanOrEqual(1);
        expect(l.recommendation).toBeLessThanOrEqual(57);
        expect(l.quote.length).toBeGreaterThan(10);
      }
  });
});

describe("commissionRecommendations", () => {
  it("with no filter gives all 57, each joined to its answer (none null) and its priorities", () => {
    const r = commissionRecommendations();
    expect(r.ok && r.value).toHaveLength(57);
    expect(RECOMMENDATION_RECORDS.every((x) => x.response !== null && x.response.recommendation === x.number)).toBe(true);
    expect(RECOMMENDATION_RECORDS.every((x) => x.responseNote === undefined && x.stanceLabel !== null)).toBe(true);
    expect(RECOMMENDATION_RECORDS[4].priorities.map((p) => p.number)).toEqual([1]);
    expect(RECOMMENDATION_RECORDS[13].priorities).toEqual([expect.objectContaining({ number: 5, inferred: true, source: { doc: "SoS", ref: "letter, October 2007: fifth priority" } })]);
    expect(RECOMMENDATION_RECORDS[0].priorities).toEqual([]);
    expect(r.ok && r.explanation).toBe("57 of 57 recommendations.");
  });

  it("joins every priority link into the recommendation it names", () => {
    const links = SOS_PRIORITIES.flatMap((p) => p.concerns.map((l) => `${l.recommendation}:${p.number}`)).sort();
    const joined = RECOMMENDATION_RECORDS.flatMap((r) => r.priorities.map((p) => `${r.number}:${p.number}`)).sort();
    expect(joined).toEqual(links);
  });

  it("filters by theme, audience and stance (id or label, any case)", () => {
    expect(numbersOf(commissionRecommendations({ theme: "data" }))).toEqual([35, 36]);
    expect(numbersOf(commissionRecommendations({ theme: "Population data" }))).toEqual([35, 36]);
    expect(numbersOf(commissionRecommendations({ audience: "schools" }))).toEqual([44]);
    expect(numbersOf(commissionRecommendations({ audience: "POLITICAL-PARTIES" }))).toEqual([9, 10]);
    expect(numbersOf(commissionRecommendations({ stance: "declined" }))).toEqual([34]);
    expect(numbersOf(commissionRecommendations({ theme: "communications", audience: "local-government" }))).toEqual([31, 32, 33]);
  });

  it("searches the text, addressees and answer: every word must occur, any case", () => {
    expect(numbersOf(commissionRecommendations({ query: "myths" }))).toEqual([33]);
    expect(numbersOf(commissionRecommendations({ query: "myth" }))).toEqual([31, 32, 33, 34]); // the theme's label too
    expect(numbersOf(commissionRecommendations({ query: "WELCOME pack" }))).toEqual([18, 19]);
    expect(numbersOf(commissionRecommendations({ query: "Goldsmith" }))).toEqual([3, 14, 15]);
    expect(numbersOf(commissionRecommendations({ query: "translation", audience: "not-stated" }))).toEqual([56, 57]); // 56 by its theme, "Funding and translation"
    expect(numbersOf(commissionRecommendations({ query: "no such words anywhere" }))).toEqual([]);
  });

  it("filters by numbers, and refuses unknown filters with a message naming the choices", () => {
    expect(numbersOf(commissionRecommendations({ numbers: [57, 1] }))).toEqual([1, 57]);
    const bad = commissionRecommendations({ theme: "weather" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toMatchObject({ code: "invalid", field: "theme" });
      expect(bad.error.message).toContain('"housing"');
    }
    const audience = commissionRecommendations({ audience: "nobody" });
    expect(!audience.ok && audience.error.field).toBe("audience");
    const n = commissionRecommendations({ numbers: [58] });
    expect(!n.ok && n.error.code).toBe("notFound");
  });

  it("commissionRecommendation(n) gives one, and refuses 0 and 58", () => {
    const r = commissionRecommendation(34);
    expect(r.ok && r.value.response?.stance).toBe("declined");
    expect(commissionRecommendation(0).ok).toBe(false);
    expect(commissionRecommendation(58).ok).toBe(false);
    expect(commissionRecommendation(1.5).ok).toBe(false);
  });

  it("recommendationRow gives one plain-text cell per tracker column", () => {
    for (const r of RECOMMENDATION_RECORDS) {
      const row = recommendationRow(r);
      expect(row).toHaveLength(RECOMMENDATION_TRACKER_HEADER.length);
      for (const cell of row) expect(typeof cell).toBe("string");
    }
    const row = recommendationRow(RECOMMENDATION_RECORDS[33]);
    expect(row.slice(0, 3)).toEqual(["34", "7.29", "Communications and myth-busting"]);
    expect(row[5]).toBe("Not taken up at present");
    expect(row[8]).toBe("REC Recommendation 34; report ¶7.29 · GR Section 4, recommendation 34");
  });
});
