/**
 * `cohesion recommendations`: the Commission's 57 recommendations (2007) with the Government's
 * response (February 2008), as text wrapped for a terminal or as JSON, filtered by theme, audience,
 * stance and search words.
 */
import { cohesion, ensureBuilt } from "../helpers/cli";

beforeAll(() => ensureBuilt(), 180_000);

interface Rec {
  number: number;
  reportRef: string;
  theme: string;
  audiences: string[];
  text: string;
  source: { doc: string; ref: string };
  response: { stance: string; stanceLabel: string; summary: string; basis: string; source: { doc: string; ref: string } } | null;
  priorities: { number: number; inferred: boolean }[];
}

const json = (args: string[]): { filter: Record<string, string | null>; count: number; recommendations: Rec[] } => {
  const r = cohesion(["recommendations", ...args, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe("cohesion recommendations", () => {
  it("--json lists all 57, numbered 1..57, each with its report reference, source and the Government's response", () => {
    const o = json([]);
    expect(Object.keys(o).sort()).toEqual(["count", "filter", "recommendations"]);
    expect(o.count).toBe(57);
    expect(o.filter).toEqual({ theme: null, for: null, stance: null, search: null });
    expect(o.recommendations.map((r) => r.number)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    for (const r of o.recommendations) {
      expect(r.reportRef).toMatch(/^(\d\.\d{1,2}|Annex [CD])$/);
      expect(r.source.doc).toBe("REC");
      expect(r.response).not.toBeNull();
      expect(r.response?.source.doc).toBe("GR");
      for (const p of r.priorities) expect(p.inferred).toBe(true);
    }
    expect(o.recommendations[56]).toMatchObject({ reportRef: "Annex D", text: "We recommend the adoption of our guidance on translation.", response: { stance: "met" } });
  });

  it("--theme, --for, --stance and --search narrow the list; every one given must hold", () => {
    expect(json(["--theme", "data"]).recommendations.map((r) => r.number)).toEqual([35, 36]);
    expect(json(["--for", "schools"]).recommendations.map((r) => r.number)).toEqual([44]);
    expect(json(["--stance", "declined"]).recommendations.map((r) => r.number)).toEqual([34]);
    expect(json(["--search", "welcome pack"]).recommendations.map((r) => r.number)).toEqual([18, 19]);
    const both = json(["--theme", "Communications and myth-busting", "--for", "local-government", "--search", "media"]);
    expect(both.recommendations.map((r) => r.number)).toEqual([32, 33]);
    expect(both.filter).toEqual({ theme: "Communications and myth-busting", for: "local-government", stance: null, search: "media" });
  });

  it("prints no match as an empty list (exit 0), not as an error", () => {
    expect(json(["--search", "no such words anywhere"])).toMatchObject({ count: 0, recommendations: [] });
    const t = cohesion(["recommendations", "--search", "no such words anywhere"]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("0 of 57 recommendations");
    expect(t.stdout).toContain("No recommendations match.");
  });

  it("text: every recommendation with its report reference, whom it names, the response and its sources, wrapped to 100 columns", () => {
    const r = cohesion(["recommendations"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    for (let n = 1; n <= 57; n++) expect(lines.some((l) => l.startsWith(`${String(n).padStart(2)}.   report `))).toBe(true);
    expect(r.stdout).toContain("57 of 57 recommendations.");
    expect(r.stdout).toContain("34.   report ¶7.29 · Communications and myth-busting");
    expect(r.stdout).toContain("Response: Not taken up at present.");
    expect(r.stdout).toContain('Its words: "We don\'t at present see the case for a single rapid rebuttal unit"');
    expect(r.stdout).toContain("56.   report Annex C · Funding and translation");
    expect(r.stdout).toContain("Sources: REC Recommendation 34; report ¶7.29 · GR Section 4, recommendation 34");
    expect(r.stdout).toMatch(/Priority 5 of the October 2007 letter: A renewed commitment to citizenship and civic pride\.\s+\[link inferred\]/);
    expect(r.stdout).toMatch(/this add-in's reading of the answer \(the Response labels none\)/);
  });

  it("text: a listed recommendation shows its items, and a shared answer says which recommendations it covers", () => {
    const r = cohesion(["recommendations", "--theme", "framework", "--search", "BVPI"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("      We recommend that every local area should:\n      - Map their communities\n");
    const shared = cohesion(["recommendations", "--search", "hard to reach"]);
    expect(shared.stdout).toContain("(one answer for 31, 32, 33)");
  });

  it("refuses an unknown theme, audience or stance, naming the option and the choices (exit 2, one line)", () => {
    for (const [option, value] of [["--theme", "weather"], ["--for", "nobody"], ["--stance", "maybe"]]) {
      const r = cohesion(["recommendations", option, value]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(`cohesion: ${option} must be one of `);
      expect(r.stderr).toContain(`got "${value}"`);
    }
    const stray = cohesion(["recommendations", "housing"]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('unexpected argument "housing"');
    const unknown = cohesion(["recommendations", "--theem", "data"]);
    expect(unknown.code).toBe(2);
  });

  it("--help lists the options with every theme, audience and stance; the main help names the command", () => {
    const r = cohesion(["recommendations", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cohesion recommendations /);
    for (const word of ["--theme", "--for", "--stance", "--search", "--json", "housing", "local-government", "declined", "inferred"]) expect(r.stdout).toContain(word);
    const main = cohesion(["--help"]);
    expect(main.stdout).toContain("cohesion recommendations [--theme T]");
  });
});
