/**
 * The header rule (README, Decisions, "Header rule"): which column holds which input field, from the
 * header row alone. Pure: the task pane and the command line propose the same mapping from it.
 *
 * 1. A header equal to a listed spelling (letters and digits only, case ignored: "NI 1 %" is "ni1")
 *    is an **exact** match, score 100. Several exact columns for one field are the same thing headed
 *    twice: the first is used, the others are named (`alike`).
 * 2. Otherwise the header is read as **words**: case, punctuation, underscores, camelCase and word
 *    order do not matter; units ("%", "per cent", "pct", "rate", "per 10,000", "(%)"), years (2008,
 *    2008/09), age bands ("aged 16-64") and small words ("of", "the", "who") are set aside;
 *    "NI 1", "NI_1", "ni001" and "NI 001" are all `ni1`. The field's spellings whose words are all in
 *    the header cover those words; its context words may stand beside them; any other word counts
 *    against the match. Score = 99 × covered ÷ (covered + other words), × 0.97 when the header names
 *    no unit, × 0.7 when its unit contradicts the field's (a count for a share). A header holding one
 *    of the field's excluding words ("lower", "classification", "belong") never maps to it (its score
 *    is halved and kept below the threshold, for information only).
 * 3. A field takes its best column at 70 or more; each column goes to one field, best scores first.
 *    Two different headers with the same best score are a tie: the field is left unmapped and both
 *    are reported, never guessed between. The runner-up (the next column for the field, or the same
 *    column read as another field) is reported with its score.
 */
import { HEADER_RULES, type FieldHeaderRule, type HeaderUnit } from "./data/project/headers";
import type { Field } from "./table";

/** A field takes a column only at this score or above. */
export const HEADER_MIN_SCORE = 70;
/** A runner-up (or a nearest miss) is reported only at this score or above. */
export const HEADER_RUNNER_UP_MIN = 30;

/** Letters and digits only, lower case: "NVQ4+ %" → "nvq4". */
export function normaliseHeader(h: unknown): string {
  return String(h ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export interface HeaderWords {
  /** The header's words, canonical (plurals folded, "NI 001" → "ni1"), in order, without units, years and small words. */
  words: string[];
  years: number[];
  /** The unit the header names: a percentage, a rate (per 10,000), a count, or none. */
  unit: "pct" | "rate" | "count" | null;
}

const STOP = new Set(
  "of the and in to from for with by on at a an who that their they them is are as or be been which this these those there where whose its it into than were was have has had do does any some we our your you".split(" "),
);
// "with" is a small word but also begins "% with NVQ4+"; dropping it is harmless.
const IGNORE = new Set(["measures", "value", "values", "census", "data"]);
const PCT = new Set(["pct", "percent", "percentage", "proportion", "share", "ratio"]);
const RATE = new Set(["rate", "per", "10k"]);
const COUNT = new Set(["number", "count", "total", "sum", "numbers", "counts", "totals"]);
const CANON: Record<string, string> = {
  backgrounds: "background", qualifications: "qualification", qualified: "qualification", textile: "textiles",
  employees: "jobs", employee: "jobs", employment: "jobs", job: "jobs", workers: "worker", registrations: "registration",
  allocations: "allocation", nationals: "national", nationalities: "nationality", countries: "country", towns: "town",
  settlements: "settlement", decisions: "decision", neighborhood: "neighbourhood", neighbourhoods: "neighbourhood",
  residents: "resident", industries: "industry", areas: "area", persons: "people", respondents: "respondent",
  migrants: "migrant", adults: "adult", indicators: "indicator", results: "result", points: "point",
};
/** Prefixes joined to the number after them: "NI 1" → ni1, "Level 4" → level4, "A 8" → a8. */
const JOIN = new Set(["ni", "nvq", "rqf", "level", "a", "eu"]);

/** The header as words (see the rule above). */
export function headerWords(h: unknown): HeaderWords {
  let s = String(h ?? "");
  s = s.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  s = s.replace(/(\d),(?=\d{3}(?!\d))/g, "$1"); // 10,000 → 10000
  s = s.replace(/national\s+insurance\s+numbers?/g, " nino ");
  // "as % of total population", "as a percentage of all usual residents": the denominator of a share.
  s = s.replace(/(?:\bas\s+(?:an?\s+)?)?(?:%|\bper\s*cent\b|\bpercent(?:age)?\b|\bproportion\b|\bshare\b)\s+of\s+(?:the\s+)?(?:total\s+|all\s+)?(?:usual\s+)?(?:resident\s+)?(?:population|residents|people|persons|adults)\b/g, " pct ");
  s = s.replace(/%/g, " pct ").replace(/\bper\s*cent\b/g, " pct ");
  s = s.replace(/\bper\s*(?:10000|1000|100000|10k|10\s*000)\b/g, " rate ");
  s = s.replace(/\baged?\s*\d+\s*(?:-|–|to)\s*\d+(?:\s*years?)?/g, " ");
  s = s.replace(/\baged?\s*\d+\s*(?:\+|plus)?(?:\s*years?)?(?:\s*(?:and|or)\s*(?:over|above|older))?/g, " ");
  s = s.replace(/\b((?:19|20)\d\d)\s*[/-]\s*\d\d(?!\d)/g, " $1 "); // 2008/09, 2008-09
  const raw = s.split(/[^a-z0-9]+/).filter(Boolean);
  const words: string[] = [];
  const years: number[] = [];
  let pct = false;
  let rate = false;
  let count = false;
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i];
    const wordYear = /^([a-z]{2,})((?:19|20)\d\d)$/.exec(t); // jobs1984
    if (wordYear) {
      t = wordYear[1];
      years.push(Number(wordYear[2]));
    }
    const joined = /^(ni|nvq|rqf|level|a|eu)0*(\d{1,3})$/.exec(t); // ni001, nvq4, a8
    if (joined) t = `${joined[1]}${Number(joined[2])}`;
    else if (JOIN.has(t) && /^\d{1,3}$/.test(raw[i + 1] ?? "")) {
      t = `${t}${Number(raw[i + 1])}`;
      i++;
    }
    if (/^(?:19|20)\d\d$/.test(t)) {
      years.push(Number(t));
      continue;
    }
    if (STOP.has(t) || IGNORE.has(t)) continue;
    if (PCT.has(t)) {
      pct = true;
      continue;
    }
    if (RATE.has(t)) {
      rate = true;
      continue;
    }
    if (COUNT.has(t)) {
      count = true;
      continue;
    }
    words.push(CANON[t] ?? t);
  }
  return { words, years, unit: pct ? "pct" : rate ? "rate" : count ? "count" : null };
}

interface CompiledRule {
  field: Field;
  exact: Set<string>;
  spellings: { words: string[]; years: number[] }[];
  context: Set<string>;
  exclude: Set<string>;
  unit: HeaderUnit;
  year?: number;
}

function compile(field: Field, rule: FieldHeaderRule): CompiledRule {
  const canon = (w: string) => headerWords(w).words[0] ?? w;
  return {
    field,
    exact: new Set(rule.spellings.map((s) => normaliseHeader(s.text))),
    spellings: rule.spellings.map((s) => headerWords(s.text)).filter((w) => w.words.length > 0).map((w) => ({ words: w.words, years: w.years })),
    context: new Set(rule.context.map(canon)),
    exclude: new Set(rule.exclude.map(canon)),
    unit: rule.unit,
    year: rule.year,
  };
}

let RULES: CompiledRule[] | null = null;
const rules = (): CompiledRule[] => (RULES ??= (Object.keys(HEADER_RULES) as Field[]).map((f) => compile(f, HEADER_RULES[f])));

/** 1 when the header's unit suits the field; 0.97 when a share or rate header names no unit; 0.7 when it names another (a count for a share). */
function unitFactor(unit: HeaderUnit, said: HeaderWords["unit"]): number {
  if (said === null) return unit === "share" || unit === "rate" ? 0.97 : 1;
  const against: Partial<Record<HeaderUnit, readonly string[]>> = { share: ["count"], rate: ["count"], count: ["pct", "rate"], halfwidth: ["count"] };
  return against[unit]?.includes(said) ? 0.7 : 1;
}

/** The words score of one header for one field (not the exact tier): 0–99. */
function wordsScore(r: CompiledRule, h: HeaderWords): number {
  if (h.words.length === 0) return 0;
  const present = new Set(h.words);
  const covered = new Set<string>();
  for (const s of r.spellings) {
    if (s.words.every((w) => present.has(w)) && s.years.every((y) => h.years.includes(y))) for (const w of s.words) covered.add(w);
  }
  if (covered.size === 0) return 0;
  let other = 0;
  for (const w of present) if (!covered.has(w) && !r.context.has(w)) other++;
  let score = 99 * (covered.size / (covered.size + other)) * unitFactor(r.unit, h.unit);
  const wrongYear = r.year !== undefined && h.years.length > 0 && !h.years.includes(r.year);
  if (wrongYear || h.words.some((w) => r.exclude.has(w))) score = Math.min(score / 2, HEADER_MIN_SCORE - 1);
  return Math.round(score);
}

/** One candidate: a column read as a field, with its score. */
export interface HeaderCandidate {
  /** 0-based column. */
  column: number;
  header: string;
  field: Field;
  score: number;
  /** The field this column was given to, when it is not `field` (the runner-up is in use). */
  usedBy?: Field;
}

export interface FieldMatch {
  field: Field;
  /** 0-based column, or null when the field is not mapped. */
  column: number | null;
  header: string | null;
  /** 0–100; 100 = a listed spelling exactly. 0 when not mapped. */
  score: number;
  exact: boolean;
  /** Other columns headed like the chosen one (the same listed spelling or the same header), not used: the first wins. */
  alike: number[];
  /** The next best reading: another column for this field, or the chosen column read as another field (for an unmapped field, the nearest miss). */
  runnerUp?: HeaderCandidate;
  /** Two or more equal best matches: the field is left unmapped rather than guessed. */
  ambiguous?: { score: number; candidates: HeaderCandidate[] };
}

export type HeaderMatches = Record<Field, FieldMatch>;

export interface MatchHeadersOptions {
  /** Headers never taken as inputs (normalised like `normaliseHeader`): the toolkit's output columns. */
  ignore?: Iterable<string>;
  /** 0-based columns not to consider (already given to a field, or an earlier run's output). */
  excludeColumns?: Iterable<number>;
  /** Fields not to match (given by the user). */
  skipFields?: Iterable<Field>;
}

/**
 * Every field's best column by the header rule (see the top of this file), with its score, the
 * runner-up, duplicates, and ties refused.
 * @example matchHeaders(["Authority", "NI_1_get_on_well_together_pct"]).score //=> {column: 1, score: 99, …}
 */
export function matchHeaderColumns(headers: readonly unknown[], options: MatchHeadersOptions = {}): HeaderMatches {
  const ignore = new Set(options.ignore ?? []);
  const excluded = new Set(options.excludeColumns ?? []);
  const skip = new Set(options.skipFields ?? []);
  const all = rules();
  const text = headers.map((h) => (h === null || h === undefined ? "" : String(h)));
  const norm = text.map(normaliseHeader);
  const usable = norm.map((n, c) => n !== "" && !ignore.has(n) && !excluded.has(c));
  const exactField = norm.map((n, c) => (usable[c] ? all.find((r) => r.exact.has(n))?.field : undefined));
  const words = text.map((t, c) => (usable[c] && exactField[c] === undefined ? headerWords(t) : null));
  const score = new Map<Field, number[]>();
  for (const r of all) {
    score.set(
      r.field,
      text.map((_, c) => (!usable[c] ? 0 : exactField[c] !== undefined ? (exactField[c] === r.field ? 100 : 0) : wordsScore(r, words[c]!))),
    );
  }
  const fields = all.map((r) => r.field).filter((f) => !skip.has(f));
  const at = (f: Field, c: number) => score.get(f)![c];

  // Best scores first: exact before words, then the leftmost column, then the fields' order.
  const pairs: { f: Field; c: number; s: number }[] = [];
  for (const f of fields) for (let c = 0; c < text.length; c++) if (at(f, c) >= HEADER_MIN_SCORE) pairs.push({ f, c, s: at(f, c) });
  pairs.sort((a, b) => b.s - a.s || a.c - b.c || fields.indexOf(a.f) - fields.indexOf(b.f));
  const given = new Map<Field, number>();
  const owner = new Map<number, Field>();
  const decided = new Set<Field>();
  const blocked = new Set<number>();
  const ambiguous = new Map<Field, FieldMatch["ambiguous"]>();
  const cand = (c: number, f: Field, s = at(f, c)): HeaderCandidate => ({ column: c, header: text[c], field: f, score: s });
  for (const { f, c, s } of pairs) {
    if (decided.has(f) || owner.has(c) || blocked.has(c)) continue;
    if (s < 100) {
      const tiedColumns = text.map((_, k) => k).filter((k) => k !== c && !owner.has(k) && !blocked.has(k) && at(f, k) === s && norm[k] !== norm[c]);
      const tiedFields = fields.filter((g) => g !== f && !decided.has(g) && at(g, c) === s);
      if (tiedColumns.length || tiedFields.length) {
        decided.add(f);
        ambiguous.set(f, { score: s, candidates: [cand(c, f), ...tiedColumns.map((k) => cand(k, f)), ...tiedFields.map((g) => cand(c, g))] });
        for (const g of tiedFields) {
          decided.add(g);
          ambiguous.set(g, { score: s, candidates: [cand(c, g), cand(c, f)] });
        }
        if (tiedFields.length) blocked.add(c);
        continue;
      }
    }
    given.set(f, c);
    owner.set(c, f);
    decided.add(f);
  }

  const out = {} as HeaderMatches;
  for (const r of all) {
    const f = r.field;
    const c = given.get(f);
    const m: FieldMatch = { field: f, column: c ?? null, header: c === undefined ? null : text[c], score: c === undefined ? 0 : at(f, c), exact: c !== undefined && at(f, c) === 100, alike: [], };
    if (c !== undefined) {
      m.alike = text.map((_, k) => k).filter((k) => k !== c && usable[k] && !owner.has(k) && (norm[k] === norm[c] || (m.exact && exactField[k] === f)));
      const others: HeaderCandidate[] = [];
      for (let k = 0; k < text.length; k++) {
        if (k === c || m.alike.includes(k) || at(f, k) < HEADER_RUNNER_UP_MIN) continue;
        const x = cand(k, f);
        const used = owner.get(k);
        if (used !== undefined) x.usedBy = used;
        others.push(x);
      }
      for (const g of fields) if (g !== f && at(g, c) >= HEADER_RUNNER_UP_MIN) others.push({ ...cand(c, g), usedBy: f });
      others.sort((a, b) => b.score - a.score || Number(a.field !== f) - Number(b.field !== f) || a.column - b.column);
      if (others.length) m.runnerUp = others[0];
    } else if (ambiguous.has(f)) {
      m.ambiguous = ambiguous.get(f);
    } else if (!skip.has(f)) {
      let best: HeaderCandidate | undefined;
      for (let k = 0; k < text.length; k++) if (at(f, k) >= HEADER_RUNNER_UP_MIN && (!best || at(f, k) > best.score)) best = cand(k, f);
      if (best) {
        const used = owner.get(best.column);
        if (used !== undefined) best.usedBy = used;
        m.runnerUp = best;
      }
    }
    out[f] = m;
  }
  return out;
}
