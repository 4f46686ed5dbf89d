import { TABLE_1, TABLE_1_TOTAL, classifyFamilyType, familyGroupFor, typeInfo, type TypologyInputs } from "../../src/engine";

const type = (i: TypologyInputs, mode?: "inclusive" | "exclusive") => {
  const r = classifyFamilyType(i, { boundaryMode: mode });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.type;
};

describe("classifyFamilyType (CDF Part Two, Table 1)", () => {
  // One representative input per row of the family-type rule (CDF Part Two, "Typologies: cohesion family groups").
  it.each([
    [1, { nvq4: 20, rural: 60, a8: 10 }],
    [2, { nvq4: 20, rural: 10, a8: 3, jobs1984: 5000 }],
    [3, { nvq4: 20, rural: 10, a8: 3, jobs1984: 200 }],
    [4, { nvq4: 20, rural: 10, a8: 10 }],
    [5, { nvq4: 20, rural: 60, a8: 3 }],
    [6, { nvq4: 30, rural: 10, a8: 3 }],
    [7, { nvq4: 30, rural: 10, a8: 10 }],
    [8, { nvq4: 30, rural: 60, a8: 3 }],
    [9, { nvq4: 30, rural: 60, a8: 10 }],
  ])("gives type %i for %j", (expected, inputs) => {
    expect(type(inputs)).toBe(expected);
  });

  describe("NVQ4+ cut-off 25% (decision A1)", () => {
    it("24.99 is less affluent", () => expect(type({ nvq4: 24.99, rural: 10, a8: 10 })).toBe(4));
    it("25 is affluent by default, with a warning that the text leaves it open", () => {
      const r = classifyFamilyType({ nvq4: 25, rural: 10, a8: 10 });
      expect(r.ok && r.value.type).toBe(7);
      expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["onCutoff"]);
    });
    it("25 is less affluent in exclusive mode", () => expect(type({ nvq4: 25, rural: 10, a8: 10 }, "exclusive")).toBe(4));
    it("25.01 is affluent", () => expect(type({ nvq4: 25.01, rural: 10, a8: 10 })).toBe(7));
  });

  describe("rural cut-off 50% ('at least 50 per cent or more')", () => {
    it("49.99 is urban", () => expect(type({ nvq4: 30, rural: 49.99, a8: 3 })).toBe(6));
    it("50 is rural in both modes", () => {
      expect(type({ nvq4: 30, rural: 50, a8: 3 })).toBe(8);
      expect(type({ nvq4: 30, rural: 50, a8: 3 }, "exclusive")).toBe(8);
    });
    it("50.01 is rural", () => expect(type({ nvq4: 30, rural: 50.01, a8: 3 })).toBe(8));
  });

  describe("A8 cut-off 7 per 10,000 (decision A2)", () => {
    it("6.99 is stable", () => expect(type({ nvq4: 30, rural: 60, a8: 6.99 })).toBe(8));
    it("7 is changing by default, with a warning", () => {
      const r = classifyFamilyType({ nvq4: 30, rural: 60, a8: 7 });
      expect(r.ok && r.value.type).toBe(9);
      expect(r.ok && r.warnings[0].message).toMatch(/exactly 7/);
    });
    it("7 is stable in exclusive mode", () => expect(type({ nvq4: 30, rural: 60, a8: 7 }, "exclusive")).toBe(8));
    it("7.01 is changing", () => expect(type({ nvq4: 30, rural: 60, a8: 7.01 })).toBe(9));
  });

  describe("1984 jobs cut-off 1,000 ('1,000 jobs or more', decision A3)", () => {
    const base = { nvq4: 20, rural: 10, a8: 3 };
    it("999 is no decline (type 3)", () => expect(type({ ...base, jobs1984: 999 })).toBe(3));
    it("1,000 is decline (type 2)", () => expect(type({ ...base, jobs1984: 1000 })).toBe(2));
    it("1,001 is decline (type 2)", () => expect(type({ ...base, jobs1984: 1001 })).toBe(2));
    it("0 is no decline", () => expect(type({ ...base, jobs1984: 0 })).toBe(3));
    it("its absence for a stable less affluent urban area is an error that says so, never a guess", () => {
      const r = classifyFamilyType(base);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("missing");
        expect(r.error.field).toBe("jobs1984");
        expect(r.error.message).toMatch(/type 2 .*or type 3/);
      }
    });
    it("is not needed (and ignored) for other types", () => {
      expect(type({ nvq4: 20, rural: 10, a8: 10 })).toBe(4);
      expect(type({ nvq4: 20, rural: 10, a8: 10, jobs1984: 99999 })).toBe(4);
      expect(type({ nvq4: 30, rural: 10, a8: 3, jobs1984: 99999 })).toBe(6);
    });
  });

  it("explains which rule fired with which inputs", () => {
    const r = classifyFamilyType({ nvq4: 18, rural: 12, a8: 3, jobs1984: 2400 });
    expect(r.ok && r.explanation).toBe(
      "Type 2 (Stable less affluent urban areas with manufacturing decline): NVQ4+ 18% < 25 → less affluent; rural 12% < 50 → urban; A8 3 per 10,000 < 7 → stable; 1984 coal+textiles+steel jobs 2,400 ≥ 1,000 → manufacturing decline. CDF Part Two, Table 1.",
    );
  });

  it.each([
    [{ nvq4: -1, rural: 10, a8: 3 }, "nvq4"],
    [{ nvq4: 101, rural: 10, a8: 3 }, "nvq4"],
    [{ nvq4: NaN, rural: 10, a8: 3 }, "nvq4"],
    [{ nvq4: 20, rural: Infinity, a8: 3 }, "rural"],
    [{ nvq4: 20, rural: 10, a8: -0.5 }, "a8"],
    [{ nvq4: 20, rural: 10, a8: 3, jobs1984: -1 }, "jobs1984"],
  ])("rejects %j naming %s", (inputs, field) => {
    const r = classifyFamilyType(inputs);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe(field);
  });
});

describe("Table 1 (CDF)", () => {
  it.each([
    [1, "Changing less affluent rural areas", 72.2, 27, "Lower cohesion areas"],
    [2, "Stable less affluent urban areas with manufacturing decline", 73.3, 20, "Lower cohesion areas"],
    [3, "Stable less affluent urban areas without manufacturing decline", 74.1, 29, "Lower cohesion areas"],
    [4, "Changing less affluent urban areas", 76.3, 32, "Lower cohesion areas"],
    [5, "Stable less affluent rural areas", 79.9, 49, "Higher cohesion areas"],
    [6, "Stable affluent urban areas", 80.5, 35, "Higher cohesion areas"],
    [7, "Changing but affluent urban areas", 80.6, 47, "Higher cohesion areas"],
    [8, "Stable affluent rural areas", 82.9, 65, "Higher cohesion areas"],
    [9, "Changing but affluent rural areas", 83.0, 36, "Higher cohesion areas"],
  ])("type %i is %s, %d, %d areas, %s", (t, name, avg, areas, band) => {
    const r = typeInfo(t);
    expect(r.ok && { name: r.value.name, average: r.value.average, areas: r.value.areas, band: r.value.band }).toEqual({ name, average: avg, areas, band });
  });

  it("ships the published totals unchanged although the rows do not add up (decision A8)", () => {
    expect(TABLE_1_TOTAL.average).toBe(78.9);
    expect(TABLE_1_TOTAL.areas).toBe(353);
    const sum = TABLE_1.reduce((s, r) => s + r.areas, 0);
    expect(sum).toBe(340); // the discrepancy is documented, not fixed
    expect(TABLE_1_TOTAL.note).toMatch(/340/);
  });

  it("has each factor combination exactly once (nine types)", () => {
    const keys = TABLE_1.map((r) => `${r.rural}${r.affluent}${r.changing}${r.decline}`);
    expect(new Set(keys).size).toBe(9);
  });

  it.each([0, 10, 2.5, NaN])("typeInfo rejects %p", (t) => expect(typeInfo(t).ok).toBe(false));
});

describe("familyGroupFor (CDF Annex C; decision A9)", () => {
  it.each([
    [1, "a"],
    [2, "b"],
    [3, "c"],
    [4, "d"],
  ])("type %i is group %s", (t, g) => {
    const r = familyGroupFor(t);
    expect(r.ok && r.value).toBe(g);
  });
  it.each([5, 6, 7, 8, 9])("type %i has no group unless a single-issue tension is asserted", (t) => {
    const none = familyGroupFor(t);
    expect(none.ok && none.value).toBeNull();
    const e = familyGroupFor(t, true);
    expect(e.ok && e.value).toBe("e");
  });
  it("an assertion on a type 1–4 area keeps its group a–d and warns", () => {
    const r = familyGroupFor(2, true);
    expect(r.ok && r.value).toBe("b");
    expect(r.ok && r.warnings[0].code).toBe("singleIssueIgnored");
  });
});
