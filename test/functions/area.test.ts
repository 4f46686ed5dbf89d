import fc from "fast-check";
import { installCustomFunctionsStub, isErr, show, StubError } from "../helpers/customFunctions";
installCustomFunctionsStub();
// eslint-disable-next-line import/first
import * as F from "../../src/functions/functions";
// eslint-disable-next-line import/first
import { dataTypesSupported } from "../../src/functions/area";
// eslint-disable-next-line import/first
import { FAMILY_GROUP_ADVICE } from "../../src/engine";

const col = (...v: unknown[]) => v.map((x) => [x]);
const g = globalThis as unknown as { Office?: unknown };

/** A property's plain value: a string, number or boolean, or an array property's texts. */
function plain(e: Excel.EntityCellValue, name: string): unknown {
  const p = e.properties?.[name] as Excel.CellValue | undefined;
  if (!p) return undefined;
  if (p.type === "Array") return (p as Excel.ArrayCellValue).elements.map((row) => (row[0] as Excel.StringCellValue).basicValue);
  return (p as { basicValue?: unknown }).basicValue;
}

/** The shape Excel requires of an entity (ExcelApi 1.16), checked at run time too: every layout property exists, each value is a known cell value. */
function expectWellFormed(e: Excel.EntityCellValue) {
  expect(e.type).toBe("Entity");
  expect(typeof e.text).toBe("string");
  const props = e.properties ?? {};
  const sections = e.layouts?.card?.sections ?? [];
  expect(sections.length).toBeGreaterThan(3);
  for (const s of sections) {
    expect(s.layout).toBe("List");
    for (const p of s.properties) expect([p, p in props]).toEqual([p, true]);
  }
  expect(sections.flatMap((s) => s.properties).sort()).toEqual(Object.keys(props).sort());
  for (const [name, v] of Object.entries(props)) {
    const cell = v as Excel.CellValue & { propertyMetadata?: Excel.CellValuePropertyMetadata };
    expect([name, ["String", "Double", "FormattedNumber", "Boolean", "Array"].includes(cell.type)]).toEqual([name, true]);
    expect([name, cell.propertyMetadata?.sublabel]).toEqual([name, expect.stringMatching(/^(CDF |GR |The area's name as given in the call$|The card's sources$)/)]);
    if (cell.type === "Double" || cell.type === "FormattedNumber") expect(typeof cell.basicValue).toBe("number");
    if (cell.type === "String") expect(typeof cell.basicValue).toBe("string");
  }
}

describe("COHESION.AREA (issue 16.1): an area card as an entity value", () => {
  afterEach(() => delete g.Office);

  it("one area: the type in the cell, the card's fields, sections and sources", () => {
    const [[e]] = F.areaFn([[18]], [[12]], [[3]], [[2400]], [[59]], [[2]], [["Barnsley"]]);
    expectWellFormed(e);
    expect(e.text).toBe("Type 2: Stable less affluent urban areas with manufacturing decline");
    expect(e.layouts?.card?.title).toBe("Barnsley: type 2");
    expect(plain(e, "Type")).toBe(2);
    expect(plain(e, "Band")).toBe(2);
    expect(e.properties?.Allocation).toEqual({ type: "FormattedNumber", basicValue: 540000, numberFormat: "£#,##0", propertyMetadata: { sublabel: "GR ¶2.3" } });
    expect(plain(e, "Band range")).toBe("band 2 or band 3");
    expect(plain(e, "Band uncertain")).toBe(true);
    expect(plain(e, "Works well")).toEqual(FAMILY_GROUP_ADVICE.b.worksWell);
    expect(plain(e, "Universal actions")).toHaveLength(5);
    expect(plain(e, "Sources")).toEqual(expect.arrayContaining(["CDF Table 1", "CDF Annex C b)", "GR ¶2.3"]));
    expect(e.provider?.description).toMatch(/Cohesion Delivery Framework \(CLG, January 2009\)/);
    expect(e.layouts?.compact?.icon).toBe("City");
  });

  it("a whole column spills one entity per row, each row's error in its own cell", () => {
    const out = F.areaFn(col(18, 30, ""), col(12, 60, 10), col(3, 10, 3), col(2400, null, null), col(59, 80, 70));
    expect(out).toHaveLength(3);
    expect(out.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(out[0][0].text).toMatch(/^Type 2:/);
    expect(out[1][0].text).toBe("Type 9: Changing but affluent rural areas");
    expect(plain(out[1][0], "Band")).toBe(0);
    const err = out[2][0] as unknown as StubError;
    expect(isErr(err) && [err.code, err.message]).toEqual(["#N/A", "NVQ4+ share is blank. Give a percentage, 0–100 (or 0–1 from an Excel % cell)."]);
  });

  it("without a score the card has no ABG fields; with singleIssue a type 5–9 area gets group e)", () => {
    const [[e]] = F.areaFn([[30]], [[60]], [[3]], null as unknown as unknown[][], null as unknown as unknown[][], null as unknown as unknown[][], null as unknown as unknown[][], undefined, undefined, [[true]]);
    expectWellFormed(e);
    expect(plain(e, "Band")).toBeUndefined();
    expect(plain(e, "Family group")).toBe("Thematic group e) Areas with tensions arising from a single issue");
  });

  it("errors a person can act on: a bad option, a CI without a score, mismatched ranges", () => {
    expect(show(F.areaFn([[18]], [[12]], [[3]], [[2400]], undefined, undefined, undefined, "percentage") as unknown[][])).toEqual([['#VALUE! scale must be one of "auto", "percent", "fraction"; got "percentage".']]);
    expect(show(F.areaFn([[18]], [[12]], [[3]], [[2400]], [[null]], [[2]]) as unknown[][])).toEqual([
      ["#N/A Score (get on well together %) is blank but a confidence interval is given; give the score too, or leave the CI blank."],
    ]);
    expect(show(F.areaFn(col(18, 20), col(12, 10, 10), [[3]]) as unknown[][])).toEqual([["#VALUE! rural is 3×1 but nvq4 is 2×1; give ranges of the same size, or a single cell."]]);
  });

  it("where Excel has no data types (ExcelApi 1.16 not supported) it returns the type number", () => {
    const asked: string[] = [];
    g.Office = { context: { requirements: { isSetSupported: (n: string, v: string) => (asked.push(`${n} ${v}`), false) } } };
    expect(dataTypesSupported()).toBe(false);
    expect(F.areaFn(col(18, 30), col(12, 60), col(3, 10), col(2400, null))).toEqual([[2], [9]]);
    expect(asked).toContain("ExcelApi 1.16");
    g.Office = { context: { requirements: { isSetSupported: () => true } } };
    expect(F.areaFn([[18]], [[12]], [[3]], [[2400]])[0][0].type).toBe("Entity");
  });

  it("property: on any column of inputs it never throws, and each row agrees with FAMILYTYPE, ABG.BAND and ABG.ALLOCATION (the same cell or the same error)", () => {
    const pct = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(null, "", "n/a", -3, 25, 50, 0.4, true));
    const count = fc.oneof(fc.double({ min: 0, max: 40, noNaN: true }), fc.integer({ min: 0, max: 5000 }), fc.constantFrom(null, "", "x", -1, 7, 1000));
    const row = fc.record({ nvq4: pct, rural: pct, a8: count, jobs: count, score: pct, ci: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(null, "", "?")) });
    const same = (a: unknown, b: unknown) => (isErr(a) || isErr(b) ? isErr(a) && isErr(b) && a.code === b.code && a.message === b.message : a === b);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const c = (k: keyof (typeof rows)[number]) => rows.map((r) => [r[k]]);
        const cards = F.areaFn(c("nvq4"), c("rural"), c("a8"), c("jobs"), c("score"), c("ci"));
        expect(cards).toHaveLength(rows.length);
        // AREA reads the score with the proxies on one scale (A7), FAMILYTYPE the proxies alone: the same reading
        // whenever a proxy is above 1 (then both read per cent).
        const types = F.familyType(c("nvq4"), c("rural"), c("a8"), c("jobs"));
        const sameScale = rows.some((r) => [r.nvq4, r.rural].some((v) => typeof v === "number" && v > 1));
        rows.forEach((r, i) => {
          const card = cards[i][0];
          if (isErr(card)) return; // an error of its own: a bad score, CI, or proxy (the proxies' are checked below)
          expect(isErr(types[i][0])).toBe(false);
          if (sameScale) expect(plain(card, "Type")).toBe(types[i][0]);
          const hasScore = !(r.score === null || r.score === "");
          expect(plain(card, "Band") !== undefined).toBe(hasScore);
        });
        // With one scale for all three percentages (given, as the other functions read theirs apart), the ABG fields are ABG.BAND's and ABG.ALLOCATION's.
        const withScale = F.areaFn(c("nvq4"), c("rural"), c("a8"), c("jobs"), c("score"), c("ci"), undefined, "percent");
        const bands = F.abgBandFn(c("score"), c("ci"), "percent");
        const amounts = F.abgAllocationFn(c("score"), c("ci"), "percent");
        const typesP = F.familyType(c("nvq4"), c("rural"), c("a8"), c("jobs"), "percent");
        rows.forEach((r, i) => {
          const card = withScale[i][0];
          if (isErr(typesP[i][0])) return expect(same(card, typesP[i][0])).toBe(true);
          if (r.score === null || r.score === "") return;
          if (isErr(bands[i][0])) return expect(same(card, bands[i][0])).toBe(true);
          expect(isErr(card)).toBe(false);
          expect([plain(card, "Type"), plain(card, "Band"), plain(card, "Allocation")]).toEqual([typesP[i][0], bands[i][0], amounts[i][0]]);
        });
      }),
      { numRuns: 1500 },
    );
  });
});
