/**
 * Texts a user reads are complete statements, and their sources are kept apart (issue 15): no string
 * anywhere in the engine's exported data carries a line reference of a transcription ("L616",
 * "L1410–1414") or a "(verbatim …)" marker, no text ends as a lead-in (":") or a dangling fragment,
 * and every LGA action line, checklist and case-study summary reads as a sentence. Sources go in
 * `source` (document, section, page). The walk covers every exported value of the engine's index.
 */
import * as engine from "../../../src/engine";
import { ANNEX_B_ITEMS, ANNEX_D_NOTES, LGA_CASE_STUDIES, LGA_RECOMMENDATIONS, LGA_SECTIONS, PLAN_LESSON_LEADINS } from "../../../src/engine";

interface Found {
  path: string;
  text: string;
}

/** Every string reachable from the engine's exported values (functions skipped), with its path. */
function allStrings(): Found[] {
  const out: Found[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value === "string") {
      out.push({ path, text: value });
      return;
    }
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
  };
  for (const [name, value] of Object.entries(engine)) if (typeof value !== "function") walk(value, name);
  return out;
}

/**
 * The CDF's own lead-ins, verbatim, each shown only with the list it introduces (Annex D's two reasons,
 * Annex F's three lists). They end in ":" in the document and are kept as printed.
 */
const LEAD_INS = new Set<string>([
  ANNEX_D_NOTES.notInfluences,
  PLAN_LESSON_LEADINS.keyQuestions,
  PLAN_LESSON_LEADINS.implementationPlan,
  PLAN_LESSON_LEADINS.projectManagement,
  // Annex B's "Local community structures" (CDF Annex B): printed as a lead-in to its five questions, which the
  // item carries and every view shows right after it.
  ANNEX_B_ITEMS.find((i) => i.code === "B-C14")!.text,
]);

/** A sentence: starts with a capital, a digit or £ (after an opening quote), ends with . ! or ? (before a closing quote). */
const SENTENCE = /^["“]?[A-Z0-9£][\s\S]*[.!?]["”)]?$/;

describe("user-facing texts in the engine's data", () => {
  const strings = allStrings();

  it("walks the real exported data (thousands of strings, including the LGA and CDF content)", () => {
    expect(strings.length).toBeGreaterThan(3000);
    expect(strings.some((s) => s.path.startsWith("LGA_RECOMMENDATIONS."))).toBe(true);
    expect(strings.some((s) => s.path.startsWith("ISSUE_ACTIONS."))).toBe(true);
    expect(strings.some((s) => s.path.startsWith("BENCHMARKS."))).toBe(true);
  });

  it("has no line reference of a transcription (L123, L616–619) anywhere", () => {
    expect(strings.filter((s) => /\bL\d+/.test(s.text))).toEqual([]);
  });

  it('has no "(verbatim …)" or "(paraphrase of …)" marker anywhere', () => {
    expect(strings.filter((s) => /\((?:verbatim|paraphrase)\b|\bverbatim[,:)]/i.test(s.text))).toEqual([]);
  });

  it('has no text ending as a lead-in (":") or a fragment (",", ";", "–"), except the CDF\'s own printed lead-ins', () => {
    const fragments = strings.filter((s) => /[:,;–-]\s*$/.test(s.text) && !LEAD_INS.has(s.text));
    expect(fragments).toEqual([]);
    // The exemption is exactly the printed lead-ins: each occurs and ends in ":".
    for (const lead of LEAD_INS) {
      expect(strings.some((s) => s.text === lead)).toBe(true);
      expect(lead).toMatch(/:$/);
    }
  });

  it("cites no digest or transcription in any text or source", () => {
    expect(strings.filter((s) => /\.md\b|digest|framework-rules|lga-guide|seed text/i.test(s.text))).toEqual([]);
  });

  it("makes every LGA action line and checklist title a complete sentence", () => {
    const bad = LGA_RECOMMENDATIONS.filter((r) => !SENTENCE.test(r.title)).map((r) => `${r.code}: ${r.title}`);
    expect(bad).toEqual([]);
  });

  it("makes every case-study summary a complete sentence", () => {
    const bad = LGA_CASE_STUDIES.filter((c) => !SENTENCE.test(c.summary)).map((c) => `${c.code}: ${c.summary}`);
    expect(bad).toEqual([]);
  });

  it("keeps each LGA source in its own field: document, section and pages, never in the text", () => {
    for (const item of [...LGA_SECTIONS, ...LGA_RECOMMENDATIONS, ...LGA_CASE_STUDIES]) {
      expect(item.source.doc).toBe("LGA2019");
      expect(item.source.ref).toMatch(/\bpp?\. \d+/);
      expect(typeof item.source.page).toBe("number");
    }
    for (const r of LGA_RECOMMENDATIONS) expect(r.title).not.toMatch(/\bpp?\. \d+|\bL\d+/);
  });

  it("catches what it is meant to catch", () => {
    expect(/\bL\d+/.test("Anti-rumour strategy, Limerick's three stages (verbatim, L616–619):")).toBe(true);
    expect(/[:,;–-]\s*$/.test("A key challenge is bringing all of the following together:")).toBe(true);
    expect(SENTENCE.test("Key roles that councils play include:")).toBe(false);
    expect(SENTENCE.test('"talk openly about a range of subjects", with councillors leading.')).toBe(false);
    expect(SENTENCE.test("Run an anti-rumour strategy in three stages, as Limerick did.")).toBe(true);
  });
});
