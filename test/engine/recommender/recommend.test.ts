import { recommendActions, type RankedAction, type Recommendation } from "../../../src/engine";

function value(issues: string[], options?: Parameters<typeof recommendActions>[1]): Recommendation {
  const r = recommendActions(issues, options);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const ranking = (actions: RankedAction[]) => actions.map((a) => `${a.code}:${a.count}`);

describe("recommendActions, source cdf2009 (ranking: count desc, ties A01–A20; decision A14)", () => {
  it("returns the single action of I20 (High crime and ASB)", () => {
    const rec = value(["I20"]);
    expect(ranking(rec.actions)).toEqual(["A16:1"]);
    expect(rec.actions[0]).toMatchObject({
      origin: "cdf2009",
      rank: 1,
      code: "A16",
      id: "neighbourhood_policing",
      title: "Work with local neighbourhood policing teams",
      issues: ["I20"],
      count: 1,
      source: { doc: "CDF", ref: "§3.2; Annex D, Table D1" },
    });
  });

  it("orders a single issue's tied actions A01–A20, not in row order (I03)", () => {
    // Row order is A12, A03, A05, A15, A06, A10, A07.
    expect(ranking(value(["I03"]).actions)).toEqual(["A03:1", "A05:1", "A06:1", "A07:1", "A10:1", "A12:1", "A15:1"]);
  });

  it("ranks shared actions first for I07 + I09 (the @example)", () => {
    // I07: A03 A09 A06 A08; I09: A14 A02 A09 A03 → A03 and A09 are listed by both.
    expect(ranking(value(["I07", "I09"]).actions)).toEqual(["A03:2", "A09:2", "A02:1", "A06:1", "A08:1", "A14:1"]);
  });

  it("ranks I13 + I23 (gangs; violence or tension)", () => {
    // I13: A16 A01 A06 A19; I23: A16 A19 A01 A18.
    const rec = value(["I13", "I23"]);
    expect(ranking(rec.actions)).toEqual(["A01:2", "A16:2", "A19:2", "A06:1", "A18:1"]);
    expect(rec.actions.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(rec.actions[0].issues).toEqual(["I13", "I23"]);
  });

  it("ranks I03 + I11 + I21 with three-way, two-way and one-way ties", () => {
    expect(ranking(value(["I21", "I03", "I11"]).actions)).toEqual([
      "A03:3",
      "A12:3",
      "A06:2",
      "A07:2",
      "A09:2",
      "A15:2",
      "A02:1",
      "A05:1",
      "A10:1",
      "A13:1",
      "A14:1",
    ]);
  });

  it("reproduces the §7.4 frequencies when all 23 issues are selected", () => {
    const all = Array.from({ length: 23 }, (_, n) => `I${String(n + 1).padStart(2, "0")}`);
    expect(ranking(value(all).actions)).toEqual([
      "A03:10", "A06:10", "A09:8", "A10:8", "A15:8", "A07:6", "A12:6", "A05:5", "A16:5", "A02:4",
      "A13:4", "A20:4", "A08:3", "A14:3", "A18:3", "A01:2", "A04:2", "A11:2", "A19:2", "A17:1",
    ]);
  });

  it("keeps each selected row's own wording (A08 in I07, I15, I16)", () => {
    const a08 = value(["I16", "I15", "I07"]).actions.find((a) => a.code === "A08");
    expect(a08?.origin === "cdf2009" && a08.rowWordings).toEqual([
      { issue: "I07", wording: "Promote ESOL classes" },
      { issue: "I15", wording: "Promote ESOL" },
      { issue: "I16", wording: "Promote ESOL lessons" },
    ]);
  });

  it("counts duplicates once, also when the same issue is given by code, id and text", () => {
    const rec = value(["I07", "i7", "few_interethnic_friends", "Low levels of people having friends in another ethnic group", "I07"]);
    expect(rec.issues.map((i) => i.code)).toEqual(["I07"]);
    expect(ranking(rec.actions)).toEqual(["A03:1", "A06:1", "A08:1", "A09:1"]);
  });

  it("returns the selected issues in document order", () => {
    expect(value(["I23", "I01", "I12"]).issues.map((i) => i.code)).toEqual(["I01", "I12", "I23"]);
  });

  it("fails notFound naming every unknown id", () => {
    const r = recommendActions(["I01", "I99", "loneliness", "fear_of_crime"]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("notFound");
      expect(r.error.message).toContain('"I99"');
      expect(r.error.message).toContain('"loneliness"');
      expect(r.error.message).not.toContain('"I01"');
      expect(r.error.message).toContain("=COHESION.ISSUES()");
    }
  });

  it("ignores blanks with a warning", () => {
    const r = recommendActions(["", "I20", "  "]);
    expect(r.ok && ranking(r.value.actions)).toEqual(["A16:1"]);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["blankIgnored"]);
  });

  it("returns only U1–U5 and the approaches to avoid for an empty selection, with a warning", () => {
    const r = recommendActions([]);
    expect(r.ok && r.value.actions).toEqual([]);
    expect(r.ok && r.value.universal).toHaveLength(5);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["noIssues"]);
  });

  it("always returns U1–U5 apart, never among the ranked actions", () => {
    const rec = value(["I01"]);
    expect(rec.universal.map((u) => `${u.code} ${u.title}`)).toEqual([
      "U1 Local authority and other local leaders to provide leadership",
      "U2 Develop and market a local vision",
      "U3 Communication with local communities to address myths",
      "U4 Schemes to promote interaction",
      "U5 Using a cohesion impact assessment for any proposed change",
    ]);
    expect(rec.actions.some((a) => a.code.startsWith("U"))).toBe(false);
  });

  it("always returns the 11 approaches to avoid in document order", () => {
    const rec = value(["I01"]);
    expect(rec.avoid.map((x) => x.code)).toEqual(["X01", "X02", "X03", "X04", "X05", "X06", "X07", "X08", "X09", "X10", "X11"]);
    expect(rec.avoid[0].title).toBe("Seeing cohesion as being addressed only by having strong equality and diversity policies in place");
  });

  it("adds the Annex C advice for a group, and none without one", () => {
    const withGroup = value(["I16"], { group: "a" });
    expect(withGroup.group?.heading).toBe("Family group a) Changing less affluent rural areas");
    expect(withGroup.group?.worksWell).toHaveLength(5);
    expect(value(["I16"]).group).toBeUndefined();
  });

  it("fails invalid for a bad group or source", () => {
    const badGroup = recommendActions(["I01"], { group: "z" as never });
    const badSource = recommendActions(["I01"], { source: "lga" as never });
    expect(!badGroup.ok && badGroup.error.code).toBe("invalid");
    expect(!badSource.ok && badSource.error.field).toBe("source");
  });

  it("lists guidance for returned actions and U1–U5, and flags actions with none (I20 → A16)", () => {
    const rec = value(["I20"]);
    expect(rec.guidance.map((g) => g.code)).toEqual(["E02", "E03", "E05", "E12", "E13", "E16"]);
    const e03 = rec.guidance.find((g) => g.code === "E03");
    expect(e03?.relatesTo).toEqual([{ code: "U5", basis: "stated", inferred: false }]);
    expect(e03?.inferred).toBe(false);
    expect(rec.guidance.find((g) => g.code === "E05")?.relatesTo.map((l) => l.code)).toEqual(["U3"]);
    for (const g of rec.guidance) expect(g.historical).toBe(true);
    expect(rec.noGuidanceListed.map((n) => n.code)).toEqual(["A16"]);
  });

  it("includes tension-monitoring guidance E19 (stated) and E20 (inferred) for I23", () => {
    const rec = value(["I23"]);
    expect(rec.guidance.find((g) => g.code === "E19")?.relatesTo).toEqual([{ code: "A19", basis: "stated", inferred: false }]);
    expect(rec.guidance.find((g) => g.code === "E20")?.relatesTo.map((l) => `${l.code}:${l.basis}`)).toEqual(["A19:inferred", "A01:inferred"]);
  });

  it("does not add LGA items, case studies or LGA issues for cdf2009", () => {
    const rec = value(["I15"]);
    expect(rec.actions.every((a) => a.origin === "cdf2009")).toBe(true);
    expect(rec.caseStudies).toBeUndefined();
    expect(rec.lgaIssues).toBeUndefined();
    expect(rec.source).toBe("cdf2009");
  });
});

describe("recommendActions, source all (LGA 2019 after the 2009 actions)", () => {
  it("puts I15's 2009 actions first, then the LGA items for ISS-04 in guide order", () => {
    const rec = value(["I15"], { source: "all" });
    expect(rec.actions.map((a) => `${a.origin}:${a.code}`)).toEqual([
      "cdf2009:A05",
      "cdf2009:A08",
      "cdf2009:A18",
      "cdf2009:A20",
      "lga2019:A-SA1-11",
      "lga2019:CL-SA3-KEY-CHALLENGE",
      "lga2019:A-SA5-07",
      "lga2019:A-SA7-05",
      "lga2019:A-SA7-06",
      "lga2019:A-SA7-07",
    ]);
    expect(rec.actions.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const lga = rec.actions[4];
    expect(lga.source.doc).toBe("LGA2019");
    expect(lga.origin === "lga2019" && lga.inferred).toBe(true);
    expect(lga.origin === "lga2019" && lga.via).toEqual(["ISS-04"]);
    expect(rec.lgaIssues?.map((i) => `${i.id}<-${i.fromIssues.join("+")}`)).toEqual(["ISS-04<-I15"]);
  });

  it("ranks I15's case studies by number (all count 1)", () => {
    const rec = value(["I15"], { source: "all" });
    expect(rec.caseStudies?.map((c) => c.id)).toEqual(["LGA-CS10", "LGA-CS23", "LGA-CS28", "LGA-CS57", "LGA-CS58", "LGA-CS59"]);
    for (const cs of rec.caseStudies ?? []) {
      expect(cs.source.doc).toBe("LGA2019");
      expect(cs.inferred).toBe(true);
    }
  });

  it("ranks LGA items reached by both I02 and I12 above those reached by I12 alone", () => {
    // I02 → ISS-06, ISS-10; I12 → ISS-06, ISS-10, ISS-12, ISS-13.
    const rec = value(["I12", "I02"], { source: "all" });
    const cdf = rec.actions.filter((a) => a.origin === "cdf2009");
    const lga = rec.actions.filter((a) => a.origin === "lga2019");
    expect(ranking(cdf)).toEqual(["A05:2", "A06:2", "A07:2", "A15:2", "A04:1", "A09:1", "A20:1"]);
    expect(ranking(lga)).toEqual([
      "A-KT4-06:2",
      "A-KT6-03:2",
      "A-KT7-01:2",
      "A-KT7-06:2",
      "A-SA6-01:2",
      "A-SA7-01:2",
      "A-SA7-02:2",
      "A-SA7-03:2",
      "A-SA7-04:2",
      "A-SA6-02:1",
      "A-SA6-04:1",
      "A-SA6-07:1",
    ]);
    const sa601 = lga.find((a) => a.code === "A-SA6-01");
    expect(sa601?.origin === "lga2019" && sa601.via).toEqual(["ISS-06", "ISS-12"]);
    const sa704 = lga.find((a) => a.code === "A-SA7-04"); // in ISS-06 and ISS-13: I12 still counts once
    expect(sa704?.origin === "lga2019" && [sa704.issues, sa704.via]).toEqual([["I02", "I12"], ["ISS-06", "ISS-13"]]);
    expect(rec.caseStudies?.map((c) => `${c.code}:${c.count}`)).toEqual(["CS10:2", "CS15:2", "CS21:2", "CS48:2", "CS50:2", "CS53:1", "CS56:1"]);
  });

  it("reports issues with no LGA counterpart and adds no LGA items for them", () => {
    const rec = value(["I09"], { source: "all" });
    expect(rec.unmappedToLga).toEqual(["I09"]);
    expect(rec.lgaIssues).toEqual([]);
    expect(rec.actions.every((a) => a.origin === "cdf2009")).toBe(true);
    expect(rec.caseStudies).toEqual([]);
  });

  it("states the ranking rule", () => {
    expect(value(["I01"], { source: "all" }).rankingRule).toContain("LGA 2019 items follow");
    expect(value(["I01"]).rankingRule).toContain("this add-in's heuristic");
  });
});

describe("recommendActions with LGA 2019 issues chosen directly (ISS-01…ISS-30, source all)", () => {
  const lgaOnly = (actions: RankedAction[]) => actions.filter((a) => a.origin === "lga2019");

  it("returns an LGA issue's row alone, in guide order, labelled LGA 2019 and not inferred (ISS-05)", () => {
    // ISS-05 has no Table D1 counterpart: before, none of its items could be recommended.
    const r = recommendActions(["ISS-05"], { source: "all" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rec = r.value;
    expect(r.warnings).toEqual([]);
    expect(rec.issues).toEqual([]);
    expect(rec.selectedLgaIssues).toEqual([{ id: "ISS-05", title: "High economic inactivity; employment gaps between groups" }]);
    expect(ranking(rec.actions)).toEqual([
      "CL-SA3-KEY-ROLES:1",
      "CL-SA3-KEY-CHALLENGE:1",
      "A-SA3-01:1",
      "A-SA3-02:1",
      "A-SA3-03:1",
      "A-SA3-04:1",
      "A-SA3-05:1",
      "A-SA3-06:1",
      "A-SA3-07:1",
    ]);
    expect(rec.actions.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const a of rec.actions) {
      expect(a).toMatchObject({ origin: "lga2019", issues: [], directIssues: ["ISS-05"], via: ["ISS-05"], inferred: false });
      expect(a.source.doc).toBe("LGA2019");
    }
    expect(rec.caseStudies?.map((c) => [c.id, c.count, c.directIssues, c.inferred, c.source.doc])).toEqual([["LGA-CS35", 1, ["ISS-05"], false, "LGA2019"]]);
    expect(rec.lgaIssues).toEqual([
      expect.objectContaining({ id: "ISS-05", fromIssues: [], selected: true, inferred: false, source: { doc: "LGA2019", ref: "The role of different service areas: Inclusive growth, skills and employment, pp. 41–47", page: 41 } }),
    ]);
    expect(rec.unmappedToLga).toEqual([]);
    expect(rec.universal).toHaveLength(5);
    expect(rec.avoid).toHaveLength(11);
    expect(r.explanation).toContain("(ISS-05)");
  });

  it("accepts the id in any case, without the zero or hyphen, and the issue's wording; duplicates count once", () => {
    const rec = value(["ISS-13", "iss-13", "ISS 13", "iss13", " Iss_013 ", "Modern slavery and labour exploitation"], { source: "all" });
    expect(rec.selectedLgaIssues?.map((i) => i.id)).toEqual(["ISS-13"]);
    expect(ranking(rec.actions)).toEqual(["A-SA6-07:1", "A-SA7-04:1"]);
    expect(rec.caseStudies?.map((c) => c.code)).toEqual(["CS10", "CS56"]);
  });

  it("accepts every LGA issue by id and by wording", () => {
    for (const n of Array.from({ length: 30 }, (_, i) => i + 1)) {
      const id = `ISS-${String(n).padStart(2, "0")}`;
      const byId = value([id], { source: "all" });
      expect(byId.selectedLgaIssues?.map((i) => i.id)).toEqual([id]);
      expect(lgaOnly(byId.actions).length).toBeGreaterThan(0);
      const byTitle = value([byId.selectedLgaIssues?.[0].title ?? ""], { source: "all" });
      expect(byTitle.selectedLgaIssues?.map((i) => i.id)).toEqual([id]);
    }
  });

  it("mixes with Table D1 issues: an item reached both ways counts both (I15 via ISS-04, and ISS-05 chosen)", () => {
    const rec = value(["ISS-05", "I15"], { source: "all" });
    expect(rec.issues.map((i) => i.code)).toEqual(["I15"]);
    expect(ranking(rec.actions.filter((a) => a.origin === "cdf2009"))).toEqual(["A05:1", "A08:1", "A18:1", "A20:1"]);
    const lga = lgaOnly(rec.actions);
    expect(ranking(lga)[0]).toBe("CL-SA3-KEY-CHALLENGE:2"); // in the rows of both ISS-04 and ISS-05
    expect(lga[0]).toMatchObject({ issues: ["I15"], directIssues: ["ISS-05"], via: ["ISS-04", "ISS-05"], inferred: false });
    const fromI15Only = lga.find((a) => a.code === "A-SA7-05");
    expect(fromI15Only).toMatchObject({ issues: ["I15"], directIssues: [], count: 1, inferred: true });
    expect(rec.lgaIssues?.map((i) => `${i.id}<-${i.fromIssues.join("+")}:${i.selected}`)).toEqual(["ISS-04<-I15:false", "ISS-05<-:true"]);
    expect(rec.caseStudies?.map((c) => c.code)).toEqual(["CS10", "CS23", "CS28", "CS35", "CS57", "CS58", "CS59"]);
  });

  it("counts a D1 issue and a chosen LGA issue on the same path as two selected issues (I04 and ISS-18)", () => {
    const lga = lgaOnly(value(["I04", "ISS-18"], { source: "all" }).actions);
    expect(lga.every((a) => a.count === 2 && !a.inferred)).toBe(true);
    expect(lga.map((a) => a.code)).toEqual(["CL-KT6-VALUES-MODES", "A-KT6-01", "A-KT6-02", "A-KT6-03", "A-KT6-04", "A-KT8-03"]);
  });

  it("leaves Table D1 selections as they were: no directIssues, inferred, no selected LGA issues", () => {
    const rec = value(["I15"], { source: "all" });
    expect(rec.selectedLgaIssues).toEqual([]);
    for (const a of lgaOnly(rec.actions)) expect(a).toMatchObject({ directIssues: [], inferred: true });
    expect(rec.lgaIssues?.map((i) => [i.selected, i.inferred])).toEqual([[false, true]]);
  });

  it("fails invalid with source cdf2009, saying the LGA issue needs source all (never ignored)", () => {
    for (const ids of [["ISS-05"], ["I01", "ISS-05"], ["I01", "iss-5", "ISS-13"]]) {
      const r = recommendActions(ids);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe("invalid");
      expect(r.error.field).toBe("source");
      expect(r.error.message).toMatch(/LGA 2019 issues?: (it needs|they need) source "all"/);
      expect(r.error.message).toContain(ids.includes("iss-5") ? '"iss-5", "ISS-13" are LGA 2019 issues' : '"ISS-05" is an LGA 2019 issue');
    }
    const explicit = recommendActions(["ISS-05"], { source: "cdf2009" });
    expect(!explicit.ok && explicit.error.code).toBe("invalid");
  });

  it("names unknown issues first, and also the LGA issues that need source all", () => {
    const r = recommendActions(["ISS-05", "Too many pigeons"]);
    expect(!r.ok && r.error.code).toBe("notFound");
    expect(!r.ok && r.error.message).toMatch(/^Unknown issue "Too many pigeons": .* Also, "ISS-05" is an LGA 2019 issue: it needs source "all"/);
  });

  it("fails notFound for an LGA id out of range, pointing to the 53-issue list with source all", () => {
    const r = recommendActions(["ISS-31", "ISS-00"], { source: "all" });
    expect(!r.ok && r.error.code).toBe("notFound");
    expect(!r.ok && r.error.message).toContain('Unknown issues "ISS-31", "ISS-00"');
    expect(!r.ok && r.error.message).toContain("ISS-01–ISS-30");
    expect(!r.ok && r.error.message).toContain('=COHESION.ISSUES("table", "all")');
  });

  it("states the ranking rule for both kinds of issue", () => {
    expect(value(["ISS-05"], { source: "all" }).rankingRule).toContain("LGA issues chosen directly");
  });
});
