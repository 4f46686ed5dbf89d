import {
  actionByCode,
  actionsForIssue,
  familyGroupAdvice,
  issueByCode,
  issuesForAction,
  listIssues,
  listLgaIssues,
  parseFamilyGroup,
  resolveAction,
  resolveIssue,
  resolveLgaIssue,
} from "../../../src/engine";

describe("resolveIssue (CDF Table D1)", () => {
  it.each(["I01", "i01", "I1", "i1", "I 1", " I01 ", "i 01"])("resolves the code form %p to I01", (text) => {
    const r = resolveIssue(text);
    expect(r.ok && r.value.code).toBe("I01");
  });

  it("resolves I23 by code and rejects I24 and I00", () => {
    const r = resolveIssue("I23");
    expect(r.ok && r.value.id).toBe("violence_high_tension");
    for (const bad of ["I24", "I00", "I 99"]) {
      const f = resolveIssue(bad);
      expect(f.ok).toBe(false);
      if (!f.ok) {
        expect(f.error.code).toBe("notFound");
        expect(f.error.message).toContain(bad);
        expect(f.error.message).toContain("=COHESION.ISSUES()");
      }
    }
  });

  it.each([
    ["fear_of_crime", "I06"],
    ["FEAR_OF_CRIME", "I06"],
    ["fear-of-crime", "I06"],
    ["not speaking english", "I15"],
  ])("resolves the id form %p to %s", (text, code) => {
    const r = resolveIssue(text);
    expect(r.ok && r.value.code).toBe(code);
  });

  it("resolves full text case-, space- and dash-insensitively", () => {
    const cases: [string, string][] = [
      ["Lack of respect for ethnic difference", "I01"],
      ["  low LEVEL of trust of others,   or of or by some particular groups ", "I04"],
      ["Low level of facilities – a lack of places to meet", "I18"],
      ["Low level of facilities - a lack of places to meet", "I18"],
      ["High crime and ASB.", "I20"],
    ];
    for (const [text, code] of cases) {
      const r = resolveIssue(text);
      expect(r.ok && r.value.code).toBe(code);
    }
  });

  it("resolves I22 from the printed [sic] text and from its corrected reading (decision A15)", () => {
    const sic = resolveIssue("Isolation caused by rurality of urban barriers such as large roads");
    const corrected = resolveIssue("isolation caused by rurality OR urban barriers such as large roads");
    expect(sic.ok && sic.value.code).toBe("I22");
    expect(corrected.ok && corrected.value.code).toBe("I22");
    expect(corrected.ok && corrected.explanation).toContain("[sic]");
  });

  it("fails notFound naming the text and saying how to list issues", () => {
    const r = resolveIssue("Loneliness");
    expect(r).toEqual({
      ok: false,
      error: {
        code: "notFound",
        message:
          'No Table D1 issue matches "Loneliness": use a code I01–I23, an id such as "fear_of_crime", or the issue\'s text as printed in Table D1 (=COHESION.ISSUES() in Excel, or the pane\'s issue list, shows all 23).',
        field: "issue",
      },
    });
  });

  it("fails missing on blank text", () => {
    const r = resolveIssue("   ");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("missing");
  });
});

describe("resolveAction (CDF §3.2, Table D1 variants)", () => {
  it.each([
    ["A08", "A08"],
    ["a8", "A08"],
    ["esol", "A08"],
    ["Promote ESOL classes", "A08"],
    ["Promote ESOL", "A08"],
    ["Promote ESOL lessons", "A08"],
    ["Provide support for specific groups eg gypsies and travellers or asylum seekers", "A07"],
    ["Strengthen VCS", "A14"],
    ["Undertake activities to encourage empowerment of people in the local community", "A13"],
  ])("resolves %p to %s", (text, code) => {
    const r = resolveAction(text);
    expect(r.ok && r.value.code).toBe(code);
  });

  it("resolves 'Engage people in the local community' to A13 with an interpretive-mapping warning (decision A13)", () => {
    const r = resolveAction("Engage people in the local community");
    expect(r.ok && r.value.code).toBe("A13");
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["interpretiveMapping"]);
  });

  it("fails notFound for an unknown action and for A21", () => {
    for (const bad of ["Hold a festival", "A21"]) {
      const r = resolveAction(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("notFound");
    }
  });
});

describe("listIssues", () => {
  it("lists the 23 issues in Table D1 order with code, id and verbatim title only", () => {
    const list = listIssues();
    expect(list).toHaveLength(23);
    expect(list[0]).toEqual({ code: "I01", id: "lack_respect_ethnic_difference", title: "Lack of respect for ethnic difference" });
    expect(list[22]).toEqual({ code: "I23", id: "violence_high_tension", title: "Violence or high level of tension" });
  });
});

describe("resolveLgaIssue and listLgaIssues (this add-in's LGA 2019 issue list)", () => {
  it.each(["ISS-05", "iss-05", "ISS-5", "iss5", "ISS 05", "ISS05", "iss_05", " ISS-005 ", "ISS\u201305"])("resolves %p to ISS-05", (text) => {
    const r = resolveLgaIssue(text);
    expect(r.ok && r.value.id).toBe("ISS-05");
  });

  it("resolves the issue's wording, ignoring case, spaces and quote style", () => {
    const r = resolveLgaIssue("  \u201cleft behind\u201d areas;  POORER White British attainment ");
    expect(r.ok && r.value.id).toBe("ISS-22");
  });

  it("rejects ids out of range, D1 codes and blanks, saying how to list them", () => {
    for (const text of ["ISS-00", "ISS-31", "I05", "loneliness"]) {
      const r = resolveLgaIssue(text);
      expect(!r.ok && r.error.code).toBe("notFound");
      expect(!r.ok && r.error.message).toContain("ISS-01");
    }
    expect(!resolveLgaIssue(" ").ok && (resolveLgaIssue(" ") as { error: { code: string } }).error.code).toBe("missing");
  });

  it("is not confused with Table D1 codes: resolveIssue rejects LGA ids", () => {
    expect(resolveIssue("ISS-05").ok).toBe(false);
  });

  it("lists the 30 LGA issues in list order with id and wording only", () => {
    const list = listLgaIssues();
    expect(list).toHaveLength(30);
    expect(list.map((i) => i.id)).toEqual(Array.from({ length: 30 }, (_, i) => `ISS-${String(i + 1).padStart(2, "0")}`));
    expect(list[12]).toEqual({ id: "ISS-13", title: "Modern slavery and labour exploitation" });
  });
});

describe("actionsForIssue (Table D1 row, document order)", () => {
  it("returns I15's row with its own wordings (the @example)", () => {
    const r = actionsForIssue("I15");
    expect(r.ok && r.value.map((a) => a.wording)).toEqual([
      "Promote ESOL",
      "Use translation guidance",
      "Promote citizenship ceremonies",
      "Use mentoring and buddying techniques",
    ]);
    expect(r.ok && r.value.map((a) => a.code)).toEqual(["A08", "A20", "A05", "A18"]);
    expect(r.ok && r.value[0]).toEqual({
      position: 1,
      code: "A08",
      id: "esol",
      title: "Promote ESOL classes",
      wording: "Promote ESOL",
      variant: true,
      interpretive: false,
    });
  });

  it("keeps the document order, not A01–A20 order, for I03", () => {
    const r = actionsForIssue("low_pride_belonging");
    expect(r.ok && r.value.map((a) => a.code)).toEqual(["A12", "A03", "A05", "A15", "A06", "A10", "A07"]);
  });

  it("flags I06's 'Engage people in the local community' as interpretive", () => {
    const r = actionsForIssue("I06");
    expect(r.ok && r.value.filter((a) => a.interpretive).map((a) => `${a.code} ${a.wording}`)).toEqual([
      "A13 Engage people in the local community",
    ]);
  });

  it("passes on resolveIssue's failure", () => {
    const r = actionsForIssue("I99");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("notFound");
  });
});

describe("issuesForAction (inverse index, §7.4)", () => {
  it("returns I18 alone for A17 (the @example)", () => {
    const r = issuesForAction("A17");
    expect(r.ok && r.value.map((i) => i.code)).toEqual(["I18"]);
  });

  it("returns A08's three rows with each row's wording", () => {
    const r = issuesForAction("esol");
    expect(r.ok && r.value.map((i) => `${i.code}: ${i.wording}`)).toEqual([
      "I07: Promote ESOL classes",
      "I15: Promote ESOL",
      "I16: Promote ESOL lessons",
    ]);
  });

  it("counts 10 issues for A03 and A06", () => {
    for (const code of ["A03", "A06"]) {
      const r = issuesForAction(code);
      expect(r.ok && r.value).toHaveLength(10);
    }
  });
});

describe("familyGroupAdvice (Annex C)", () => {
  it("returns group e with 7 'works well' items, the joined one first (the @example, decision A16)", () => {
    const r = familyGroupAdvice("e");
    expect(r.ok && r.value.worksWell).toHaveLength(7);
    expect(r.ok && r.value.worksWell[0]).toBe(
      "Local bodies have strong engagement processes, including efforts to engage traditionally excluded/'hard to reach' communities",
    );
    expect(r.ok && r.value.heading).toBe("Thematic group e) Areas with tensions arising from a single issue");
  });

  it.each(["a", "A", "a)", "group a", "Family group a"])("accepts %p for group a", (text) => {
    const r = familyGroupAdvice(text);
    expect(r.ok && r.value.heading).toBe("Family group a) Changing less affluent rural areas");
  });

  it("fails invalid for f", () => {
    const r = familyGroupAdvice("f");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("invalid");
      expect(r.error.message).toContain("a, b, c, d or e");
    }
  });
});

describe("typed lookups (the @examples)", () => {
  it("finds issues and actions by code and parses group keys", () => {
    expect(issueByCode("I20").title).toBe("High crime and ASB");
    expect(actionByCode("A16").id).toBe("neighbourhood_policing");
    expect(parseFamilyGroup("Group B")).toBe("b");
    expect(parseFamilyGroup("thematic group e")).toBe("e");
    expect(parseFamilyGroup("f")).toBeUndefined();
  });
});
