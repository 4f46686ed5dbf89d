import { installCustomFunctionsStub, show } from "../helpers/customFunctions";
installCustomFunctionsStub();
// eslint-disable-next-line import/first
import * as F from "../../src/functions/functions";

const col = (...v: unknown[]) => v.map((x) => [x]);

describe("COHESION.ISSUES", () => {
  it("spills the 23 issues with code, id and wording (for data-validation lists)", () => {
    const out = F.issuesFn();
    expect(out).toHaveLength(23);
    expect(out[0]).toEqual(["I01", "lack_respect_ethnic_difference", "Lack of respect for ethnic difference"]);
    expect(F.issuesFn("code").map((r) => r[0])).toEqual(Array.from({ length: 23 }, (_, i) => `I${String(i + 1).padStart(2, "0")}`));
    expect(F.issuesFn("text")[1]).toEqual(["Existing population have negative views about migrants"]);
  });
});

describe("COHESION.ACTIONS (CDF Annex D, Table D1)", () => {
  it("ranks by how many of the issues list each action, ties in A01–A20 order, then U1–U5", () => {
    // I01 lists A15, A06, A07; I02 lists A15, A06, A05, A20, A07.
    const out = F.actionsFn(col("I01", "I02"));
    expect(out.slice(0, 5).map((r) => [r[0], r[2]])).toEqual([
      ["A06", 2],
      ["A07", 2],
      ["A15", 2],
      ["A05", 1],
      ["A20", 1],
    ]);
    expect(out[0][3]).toBe("I01, I02");
    expect(out.slice(5).map((r) => r[0])).toEqual(["U1", "U2", "U3", "U4", "U5"]);
    expect(out[5][2]).toBe("every area");
  });
  it("accepts issue texts and ids, ignores blanks, counts duplicates once", () => {
    const byText = F.actionsFn(col("Lack of respect for ethnic difference", "", "negative_views_migrants", "I01"));
    expect(byText.slice(0, 5).map((r) => r[0])).toEqual(["A06", "A07", "A15", "A05", "A20"]);
    expect(byText[0][2]).toBe(2);
  });
  it("adds the Annex C advice for a group", () => {
    const out = F.actionsFn([["I01"]], "a");
    const advice = out.filter((r) => r[0] === "a)");
    expect(advice.filter((r) => r[2] === "works well")).toHaveLength(5);
    expect(advice.filter((r) => r[2] === "works less well")).toHaveLength(3);
  });
  it("unknown issue text is a clear error naming it", () => {
    const out = show(F.actionsFn(col("I01", "Too many pigeons")));
    expect(out[0][0]).toBe('#N/A Unknown issue: "Too many pigeons". =COHESION.ISSUES() lists the 23 issues.');
  });
  it("no issues, or a bad group, says what to do", () => {
    expect(String(show(F.actionsFn(col("", null)))[0][0])).toMatch(/^#N\/A No issues given/);
    expect(String(show(F.actionsFn([["I01"]], "z"))[0][0])).toMatch(/^#VALUE! group must be a family group a, b, c, d or e/);
  });
  it("source all adds the LGA 2019 guide's actions, labelled", () => {
    const out = F.actionsFn(col("I01", "I02"), undefined, "all");
    const lga = out.filter((r) => String(r[4]).startsWith("LGA 2019"));
    expect(lga.length).toBeGreaterThan(0);
    expect(out.findIndex((r) => String(r[4]).startsWith("LGA 2019"))).toBeGreaterThan(4); // after the 2009 actions
  });
});
