import { areaCardColumn, cardField, FAMILY_GROUP_ADVICE, TABLE_1, UNIVERSAL_ACTIONS, type AreaCard, type Result } from "../../src/engine";

const one = (r: Result<AreaCard>[]): AreaCard => {
  expect(r).toHaveLength(1);
  if (!r[0].ok) throw new Error(r[0].error.message);
  return r[0].value;
};
const value = (c: AreaCard, name: string) => cardField(c, name)?.value.value;

describe("areaCardColumn (issue 16.1): an area's card from the engine's own rules", () => {
  it("type 2 with a score and CI: Table 1, Annex C b), the ABG band, allocation and range, U1–U5, the sources", () => {
    const c = one(areaCardColumn({ nvq4: [18], rural: [12], a8: [3], jobs1984: [2400], score: [59], ci: [2], area: ["Barnsley"] }));
    expect(c.text).toBe("Type 2: Stable less affluent urban areas with manufacturing decline");
    expect(c.title).toBe("Barnsley: type 2");
    expect(value(c, "Area")).toBe("Barnsley");
    expect(value(c, "type")).toBe(2);
    expect(value(c, "Table 1 average")).toBe(73.3);
    expect(value(c, "Table 1 areas")).toBe(20);
    expect(value(c, "Table 1 band")).toBe("Lower cohesion areas");
    expect(value(c, "Family group")).toBe("Family group b) Stable less affluent urban areas with manufacturing decline");
    expect(value(c, "Works well")).toEqual(FAMILY_GROUP_ADVICE.b.worksWell);
    expect(value(c, "Works less well")).toEqual(FAMILY_GROUP_ADVICE.b.worksLessWell);
    expect(value(c, "Band")).toBe(2);
    expect(value(c, "Allocation")).toBe(540000);
    expect(value(c, "Band range")).toBe("band 2 or band 3");
    expect(value(c, "Band uncertain")).toBe(true);
    expect([value(c, "Allocation min"), value(c, "Allocation max")]).toEqual([410000, 540000]);
    expect(value(c, "Universal actions")).toEqual(UNIVERSAL_ACTIONS.map((u) => `${u.code} ${u.title}`));
    expect(value(c, "Sources")).toEqual(expect.arrayContaining(["CDF Table 1", "CDF Annex C b)", "GR ¶2.3", "GR ¶2.3, fn 6", "CDF §3.2 Targeted Actions; Annex D", "GR ¶3.6"]));
    expect(c.sections.map((s) => s.title)).toEqual([
      "Family type (CDF Table 1; the published total is 78.9 over 353 areas)",
      "Family group b) Stable less affluent urban areas with manufacturing decline (CDF Annex C b))",
      "Area Based Grant (GR ¶2.3; per authority, 2008-2011 settlement (period split not stated))",
      "The five actions every area should consider (CDF §3.2 Targeted Actions; Annex D)",
      "How it was worked out, and the sources",
    ]);
    // Every field a section names exists, and every field is in a section.
    const names = c.fields.map((f) => f.name);
    expect(c.sections.flatMap((s) => s.fields).sort()).toEqual([...names].sort());
    expect(String(value(c, "Rule"))).toMatch(/manufacturing decline/);
    expect(String(value(c, "Rule"))).toMatch(/band 2/);
  });

  it("agrees with Table 1 for every type (one area of each)", () => {
    // type 1..9 from the four proxies: (nvq4, rural, a8, jobs)
    const inputs: Array<[number, number, number, number | null]> = [
      [20, 60, 10, null], [20, 10, 3, 2400], [20, 10, 3, 100], [20, 10, 10, null], [20, 60, 3, null], [30, 10, 3, null], [30, 10, 10, null], [30, 60, 3, null], [30, 60, 10, null],
    ];
    const cards = areaCardColumn({ nvq4: inputs.map((x) => x[0]), rural: inputs.map((x) => x[1]), a8: inputs.map((x) => x[2]), jobs1984: inputs.map((x) => x[3]) });
    cards.forEach((r, i) => {
      if (!r.ok) throw new Error(r.error.message);
      expect([r.value.type, value(r.value, "Type name"), value(r.value, "Table 1 average")]).toEqual([TABLE_1[i].type, TABLE_1[i].name, TABLE_1[i].average]);
      // No score: no ABG fields.
      expect(cardField(r.value, "Band")).toBeUndefined();
    });
    // Types 5–9 have no group unless a single-issue tension is asserted.
    const t7 = cards[6];
    expect(t7.ok && value(t7.value, "Family group")).toMatch(/^None: type 7 is a higher-cohesion type/);
    const e = one(areaCardColumn({ nvq4: [30], rural: [10], a8: [10], singleIssue: [true] }));
    expect(value(e, "Family group")).toBe("Thematic group e) Areas with tensions arising from a single issue");
  });

  it("reads the call's percentages on one scale: a score of 59 makes 0.18 and 0.12 read as per cent too", () => {
    // All three within 0–1 … except the score: a value above 1 anywhere in the call means all are 0–100 (A7),
    // so NVQ4+ 0.18% is not affluent and rural 0.12% is urban: type 2 with the jobs.
    const c = one(areaCardColumn({ nvq4: [0.18], rural: [0.12], a8: [3], jobs1984: [2400], score: [59] }));
    expect(c.type).toBe(2);
    // Fractions alone: 0.3 → 30%, affluent.
    expect(one(areaCardColumn({ nvq4: [0.3], rural: [0.1], a8: [3] })).type).toBe(6);
  });

  it("a column gives one card per row; a row's failure is that row's, with a message a person can act on", () => {
    const r = areaCardColumn({ nvq4: [18, "", 20, 20], rural: [12, 10, 10, 10], a8: [3, 3, 10, 10], jobs1984: [2400, null, null, null], score: [59, 60, "", 120], ci: [null, null, 2, null] });
    expect(r[0].ok).toBe(true);
    expect(!r[1].ok && [r[1].error.code, r[1].error.message]).toEqual(["missing", "NVQ4+ share is blank. Give a percentage, 0–100 (or 0–1 from an Excel % cell)."]);
    expect(!r[2].ok && r[2].error.message).toBe("Score (get on well together %) is blank but a confidence interval is given; give the score too, or leave the CI blank.");
    expect(!r[3].ok && r[3].error.code).toBe("invalid");
    expect(!r[3].ok && r[3].error.message).toMatch(/Score/);
  });

  it("a blank score gives the card without the ABG section", () => {
    const c = one(areaCardColumn({ nvq4: [20], rural: [10], a8: [10], score: [null] }));
    expect(c.sections.some((s) => s.title.startsWith("Area Based Grant"))).toBe(false);
    expect(c.title).toBe("Type 4: Changing less affluent urban areas");
  });
});
