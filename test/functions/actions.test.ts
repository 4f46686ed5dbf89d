import { installCustomFunctionsStub, show } from "../helpers/customFunctions";
installCustomFunctionsStub();
// eslint-disable-next-line import/first
import * as F from "../../src/functions/functions";
// eslint-disable-next-line import/first
import { lazily } from "../../src/functions/adapter";

const col = (...v: unknown[]) => v.map((x) => [x]);

describe("COHESION.ISSUES", () => {
  it("spills the 23 issues with code, id and wording (for data-validation lists)", async () => {
    const out = await F.issuesFn();
    expect(out).toHaveLength(23);
    expect(out[0]).toEqual(["I01", "lack_respect_ethnic_difference", "Lack of respect for ethnic difference"]);
    expect((await F.issuesFn("code")).map((r) => r[0])).toEqual(Array.from({ length: 23 }, (_, i) => `I${String(i + 1).padStart(2, "0")}`));
    expect((await F.issuesFn("text"))[1]).toEqual(["Existing population have negative views about migrants"]);
  });
});

describe("COHESION.ACTIONS (CDF Annex D, Table D1)", () => {
  it("ranks by how many of the issues list each action, ties in A01–A20 order, then U1–U5", async () => {
    // I01 lists A15, A06, A07; I02 lists A15, A06, A05, A20, A07.
    const out = await F.actionsFn(col("I01", "I02"));
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
  it("accepts issue texts and ids, ignores blanks, counts duplicates once", async () => {
    const byText = await F.actionsFn(col("Lack of respect for ethnic difference", "", "negative_views_migrants", "I01"));
    expect(byText.slice(0, 5).map((r) => r[0])).toEqual(["A06", "A07", "A15", "A05", "A20"]);
    expect(byText[0][2]).toBe(2);
  });
  it("adds the Annex C advice for a group", async () => {
    const out = await F.actionsFn([["I01"]], "a");
    const advice = out.filter((r) => r[0] === "a)");
    expect(advice.filter((r) => r[2] === "works well")).toHaveLength(5);
    expect(advice.filter((r) => r[2] === "works less well")).toHaveLength(3);
  });
  it("unknown issue text is a clear error naming it", async () => {
    const out = show(await F.actionsFn(col("I01", "Too many pigeons")));
    expect(out[0][0]).toBe('#N/A Unknown issue: "Too many pigeons". =COHESION.ISSUES() lists the 23 issues.');
  });
  it("no issues, or a bad group, says what to do", async () => {
    expect(String(show(await F.actionsFn(col("", null)))[0][0])).toMatch(/^#N\/A No issues given/);
    expect(String(show(await F.actionsFn([["I01"]], "z"))[0][0])).toMatch(/^#VALUE! group must be a family group a, b, c, d or e/);
  });
  it("source all adds the LGA 2019 guide's actions, labelled", async () => {
    const out = await F.actionsFn(col("I01", "I02"), undefined, "all");
    const lga = out.filter((r) => String(r[4]).startsWith("LGA 2019"));
    expect(lga.length).toBeGreaterThan(0);
    expect(out.findIndex((r) => String(r[4]).startsWith("LGA 2019"))).toBeGreaterThan(4); // after the 2009 actions
  });
});

describe("COHESION.ISSUES with source all (adds the LGA 2019 issues ISS-01…ISS-30)", () => {
  it("spills the 23 Table D1 issues, then the 30 LGA issues (their id is their code)", async () => {
    const out = await F.issuesFn(undefined, "all");
    expect(out).toHaveLength(53);
    expect(out.slice(0, 23)).toEqual(await F.issuesFn());
    expect(out[23]).toEqual(["ISS-01", "ISS-01", "Low perception that people from different backgrounds get on well"]);
    expect((await F.issuesFn("code", "all")).slice(23).map((r) => r[0])).toEqual(Array.from({ length: 30 }, (_, i) => `ISS-${String(i + 1).padStart(2, "0")}`));
    expect((await F.issuesFn("text", "all"))[27]).toEqual(["High economic inactivity; employment gaps between groups"]);
    expect(await F.issuesFn("table", "cdf2009")).toEqual(await F.issuesFn());
  });
  it("a bad source says what is accepted", async () => {
    expect(String(show(await F.issuesFn("table", "lga"))[0][0])).toMatch(/^#VALUE! .*source/);
  });
  it("every code and text it lists is accepted by ACTIONS with source all (for a drop-down)", async () => {
    for (const what of ["code", "text"]) {
      for (const [x] of await F.issuesFn(what, "all")) {
        const out = show(await F.actionsFn([[x]], undefined, "all"));
        expect(String(out[0][0])).not.toMatch(/^#/);
      }
    }
  });
});

describe("COHESION.ACTIONS with LGA 2019 issues (ISS-01…ISS-30)", () => {
  it("source all: an LGA issue alone gives its F4 row, labelled LGA 2019, then U1–U5", async () => {
    const out = await F.actionsFn(col("ISS-05"), undefined, "all");
    const lga = out.filter((r) => String(r[4]).startsWith("LGA 2019"));
    expect(lga.map((r) => r[0])).toEqual(["CL-SA3-KEY-ROLES", "CL-SA3-KEY-CHALLENGE", "A-SA3-01", "A-SA3-02", "A-SA3-03", "A-SA3-04", "A-SA3-05", "A-SA3-06", "A-SA3-07"]);
    for (const r of lga) {
      expect(r[2]).toBe(1);
      expect(r[3]).toBe("ISS-05");
      expect(r[4]).toMatch(/^LGA 2019 The role of different service areas: Inclusive growth, skills and employment, pp\. 41–47 \(listed for a chosen LGA issue\)$/);
    }
    expect(out.slice(lga.length).map((r) => r[0])).toEqual(["U1", "U2", "U3", "U4", "U5"]);
  });
  it("source all: mixes with Table D1 issues and counts both (I15 and iss-5)", async () => {
    const out = await F.actionsFn(col("I15", "iss-5"), undefined, "all");
    expect(out.slice(0, 4).map((r) => r[0])).toEqual(["A05", "A08", "A18", "A20"]);
    expect(out[4].slice(0, 4)).toEqual(["CL-SA3-KEY-CHALLENGE", expect.any(String), 2, "I15, ISS-05"]);
    const inferred = out.find((r) => r[0] === "A-SA7-05");
    expect(inferred?.[3]).toBe("I15");
    expect(inferred?.[4]).toMatch(/\(linked by this add-in\)$/);
  });
  it("without source all, an LGA issue is #VALUE! saying it needs source \"all\" (never ignored)", async () => {
    for (const issues of [col("ISS-05"), col("I01", "ISS-05")]) {
      const out = show(await F.actionsFn(issues));
      expect(out).toHaveLength(1);
      expect(out[0][0]).toBe('#VALUE! "ISS-05" is an LGA 2019 issue: it needs source "all" (the 2009 framework with the LGA 2019 guide); source "cdf2009", the default, has only Table D1\'s issues I01–I23.');
    }
    expect(String(show(await F.actionsFn(col("ISS-05"), undefined, "cdf2009"))[0][0])).toMatch(/^#VALUE! "ISS-05" is an LGA 2019 issue/);
  });
  it("source all: an unknown issue points to the 53-row list", async () => {
    const out = show(await F.actionsFn(col("ISS-31"), undefined, "all"));
    expect(out[0][0]).toBe('#N/A Unknown issue: "ISS-31". =COHESION.ISSUES("table", "all") lists the 23 issues and the 30 LGA 2019 issues.');
  });
});

describe("functions whose content loads on first use (ISSUES, ACTIONS, BENCHMARK: src/functions/content.ts)", () => {
  it("return a Promise of the same spill, errors included (Excel custom functions may return a Promise)", async () => {
    const pending = F.actionsFn(col("I01", "Too many pigeons"));
    expect(pending).toBeInstanceOf(Promise);
    expect(show(await pending)[0][0]).toMatch(/^#N\/A Unknown issue/);
    expect(F.issuesFn("nonsense")).toBeInstanceOf(Promise);
    expect(String(show(await F.issuesFn("nonsense"))[0][0])).toMatch(/^#VALUE! output must be/);
  });
  it("a content chunk that fails to load is a #VALUE! saying so, never a rejection", async () => {
    const out = await lazily(() => Promise.reject(new Error("Loading chunk content failed.")), () => [[1]]);
    expect(show(out)).toEqual([["#VALUE! Unexpected error: Loading chunk content failed."]]);
  });
});
