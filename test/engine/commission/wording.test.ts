/**
 * Exact-wording checks of the Commission's recommendations, the Government's answers and the Secretary
 * of State's priorities against the documents themselves (../shared/seeds): every recommendation's
 * text as the Leicestershire factsheet prints it, with the report reference beside it; each answer's
 * basis in the Government's Response, Section 4, under its own recommendation; each priority's and
 * each link's words in the letter. The documents live outside the repository; when they are absent
 * the suites are skipped and say so.
 */
import * as fs from "fs";
import * as path from "path";
import { COMMISSION_RECOMMENDATIONS, GOV_RESPONSES, SOS_PRIORITIES } from "../../../src/engine";

const SHARED = path.resolve(__dirname, "../../../../shared");
const REC_SEED = path.join(SHARED, "seeds/001_9ee6b5111528260b.txt");
const GR_SEED = path.join(SHARED, "seeds/000_67ba4df122f8baf2.txt");
const SOS_SEED = path.join(SHARED, "seeds/003_e05028268777634d.txt");

/** Drop markdown bold and italics, list markup and footnote marks; unify quotes, dashes and whitespace. */
function norm(text: string): string {
  return text
    .replace(/\*/g, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/[•]/g, " ")
    .replace(/\s*[\u00B9\u00B2\u00B3\u2070-\u2079]+\s*/g, " ")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, " ")
    .replace(/ ([,.;])/g, "$1");
}

function skipNotice(file: string): void {
  const shown = `../shared/${path.relative(SHARED, file)}`;
  console.warn(`Exact-wording checks skipped: ${shown} not present.`);
  describe(`exact wording against ${path.basename(file)}`, () => {
    it.skip(`skipped: ${shown} not present`, () => undefined);
  });
}

/** The pieces a recommendation's text is printed in: the lead-in and each listed item. */
function pieces(text: string, parts: readonly string[]): string[] {
  if (!parts.length) return [text];
  const lead = text.slice(0, text.indexOf(parts[0])).trim();
  return [lead, ...parts];
}

if (fs.existsSync(REC_SEED)) {
  describe("exact wording against the factsheet of the 57 recommendations (seed 001)", () => {
    const doc = fs.readFileSync(REC_SEED, "utf8");
    /** The factsheet's table rows: number, recommendation, report reference. */
    const rows = new Map<number, { text: string; ref: string }>();
    for (const line of doc.split("\n")) {
      const m = /^(\d+)\t(.*)\t(\S.*)$/.exec(line.trimEnd());
      if (m) rows.set(Number(m[1]), { text: norm(m[2]), ref: m[3].trim() });
    }

    it("prints 57 numbered rows", () => {
      expect([...rows.keys()]).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    });

    it.each(COMMISSION_RECOMMENDATIONS.filter((r) => !r.partsSource).map((r) => [r.number, r] as const))("recommendation %i: text and report reference as printed", (n, r) => {
      const row = rows.get(n);
      expect(row?.ref).toBe(r.reportRef);
      for (const piece of pieces(r.text, r.parts)) expect({ n, piece, found: row?.text.includes(norm(piece).replace(/;$/, "")) }).toEqual({ n, piece, found: true });
    });

    it("spot checks: 1, 34 and 57 word for word", () => {
      expect(rows.get(1)?.text).toBe(COMMISSION_RECOMMENDATIONS[0].text);
      expect(rows.get(34)?.text).toBe(COMMISSION_RECOMMENDATIONS[33].text);
      expect(rows.get(57)?.text).toBe(COMMISSION_RECOMMENDATIONS[56].text);
    });
  });
} else {
  skipNotice(REC_SEED);
}

if (fs.existsSync(GR_SEED)) {
  describe("exact wording against the Government's Response, Section 4 (seed 000)", () => {
    const doc = fs.readFileSync(GR_SEED, "utf8");
    const section4 = doc.slice(doc.lastIndexOf("Summary of our response to each of the Commission's recommendations"));
    /** Section 4 cut at each recommendation's number ("12. We recommend …", "9. a) …"). */
    const blocks = new Map<number, string>();
    const starts = [...section4.matchAll(/^(\d{1,2})\. (?:[ab]\) )?(?:We |Aligned )/gm)];
    starts.forEach((m, i) => {
      const n = Number(m[1]);
      const end = i + 1 < starts.length ? starts[i + 1].index : section4.length;
      blocks.set(n, (blocks.get(n) ?? "") + norm(section4.slice(m.index, end)));
    });

    it("finds all 57 recommendations in Section 4", () => {
      expect([...blocks.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    });

    it.each(GOV_RESPONSES.map((r) => [r.recommendation, r] as const))("answer to %i: its basis is printed under it (or under the last of its group)", (n, r) => {
      const at = r.answeredWith.length ? r.answeredWith[r.answeredWith.length - 1] : n;
      const block = blocks.get(at) ?? "";
      expect({ n, basis: r.basis, found: block.includes(norm(r.basis)) }).toEqual({ n, basis: r.basis, found: true });
      for (const p of r.parts) expect({ n, part: p.label, found: block.includes(norm(p.basis)) }).toEqual({ n, part: p.label, found: true });
      if (r.seePage !== undefined) expect(block).toMatch(new RegExp(`page ${r.seePage}\\b`));
    });

    it("prints no answer under 31, 32 and 35 of their own (they share the next one's)", () => {
      for (const n of [31, 32, 35]) expect(blocks.get(n)?.split(". ").length).toBeLessThan(6);
    });

    it("prints recommendation 21's four ways as the data gives them", () => {
      const r = COMMISSION_RECOMMENDATIONS[20];
      for (const p of r.parts) expect(blocks.get(21)).toContain(norm(p));
    });
  });
} else {
  skipNotice(GR_SEED);
}

if (fs.existsSync(SOS_SEED)) {
  describe("exact wording against the Secretary of State's letter (seed 003)", () => {
    const doc = norm(fs.readFileSync(SOS_SEED, "utf8"));
    it.each(SOS_PRIORITIES.map((p) => [p.number, p] as const))("priority %i: its words and each link's words occur in the letter", (_n, p) => {
      const missing = [p.quote, ...p.concerns.map((l) => l.quote)].filter((q) => !doc.includes(norm(q)));
      expect(missing).toEqual([]);
    });

    it("names no recommendation by number (so every link is inferred)", () => {
      expect(doc).not.toMatch(/recommendation \d/i);
    });
  });
} else {
  skipNotice(SOS_SEED);
}
