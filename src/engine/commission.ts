/**
 * The Commission on Integration and Cohesion's 57 recommendations (2007) with the Government's answer
 * to each (GR Section 4, February 2008) and the Secretary of State's priority actions that concern them
 * (letter, October 2007), joined by recommendation number: list, filter and search. Pure: the data is
 * in data/commission2007 and data/govResponse2008; the command line (`cohesion recommendations`), the
 * pane's reference view and a tracker sheet all read it through these functions.
 */
import {
  COMMISSION_AUDIENCE_INFO,
  COMMISSION_AUDIENCES,
  COMMISSION_RECOMMENDATIONS,
  COMMISSION_THEME_INFO,
  COMMISSION_THEMES,
  type CommissionAudience,
  type CommissionRecommendation,
  type CommissionTheme,
} from "./data/commission2007";
import { GOV_RESPONSES, RESPONSE_STANCE_INFO, RESPONSE_STANCES, type GovResponse, type ResponseStance } from "./data/govResponse2008/responses";
import { SOS_PRIORITIES, type SosPriority } from "./data/govResponse2008/sosPriorities";
import { fail, ok, type Result, type Source } from "./types";

export * from "./data/commission2007";
export * from "./data/govResponse2008/responses";
export * from "./data/govResponse2008/sosPriorities";

/** A priority of the Secretary of State's letter, as it concerns one recommendation. */
export interface PriorityRef {
  number: number;
  title: string;
  /** The letter's words naming the recommendation's subject. */
  quote: string;
  /** Always true: the letter names no recommendation by number; the link is the add-in's reading. */
  inferred: true;
  source: Source;
}

/** A recommendation with everything joined to it: what the pane, the tracker and the CLI show. */
export interface RecommendationRecord extends CommissionRecommendation {
  themeLabel: string;
  audienceLabels: readonly string[];
  /** The Government's answer (GR Section 4), or null where the Response prints none. */
  response: GovResponse | null;
  /** Said when `response` is null; absent otherwise. */
  responseNote?: string;
  stanceLabel: string | null;
  /** The letter's priorities that name this recommendation's subject (possibly none). */
  priorities: readonly PriorityRef[];
}

export interface RecommendationFilter {
  /** A theme id ("housing") or its label, any case. */
  theme?: string;
  /** An audience id ("local-government") or its label, any case. */
  audience?: string;
  /** A stance id ("declined") or its label, any case. */
  stance?: string;
  /** Words that must all occur (any case) in the recommendation, its addressees, theme, report reference or the answer. */
  query?: string;
  /** Only these recommendation numbers. */
  numbers?: readonly number[];
}

const RESPONSE_BY_NUMBER = new Map<number, GovResponse>(GOV_RESPONSES.map((r) => [r.recommendation, r]));

const PRIORITIES_BY_NUMBER: ReadonlyMap<number, readonly PriorityRef[]> = (() => {
  const map = new Map<number, PriorityRef[]>();
  for (const p of SOS_PRIORITIES as readonly SosPriority[])
    for (const l of p.concerns) {
      const list = map.get(l.recommendation) ?? [];
      list.push({ number: p.number, title: p.title, quote: l.quote, inferred: true, source: p.source });
      map.set(l.recommendation, list);
    }
  return map;
})();

const NO_RESPONSE_NOTE = "The Government's Response (Section 4) prints no answer to this recommendation.";

function join(r: CommissionRecommendation): RecommendationRecord {
  const response = RESPONSE_BY_NUMBER.get(r.number) ?? null;
  return {
    ...r,
    themeLabel: COMMISSION_THEME_INFO[r.theme].label,
    audienceLabels: r.audiences.map((a) => COMMISSION_AUDIENCE_INFO[a].label),
    response,
    ...(response ? {} : { responseNote: NO_RESPONSE_NOTE }),
    stanceLabel: response ? RESPONSE_STANCE_INFO[response.stance].label : null,
    priorities: PRIORITIES_BY_NUMBER.get(r.number) ?? [],
  };
}

/** All 57, joined, in number order (built once). */
export const RECOMMENDATION_RECORDS: readonly RecommendationRecord[] = COMMISSION_RECOMMENDATIONS.map(join);

const fold = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ");

function haystack(r: RecommendationRecord): string {
  const parts = [r.text, ...r.parts, ...r.addressees, r.themeLabel, r.reportRef, ...r.audienceLabels, ...r.notes];
  if (r.response) parts.push(r.response.summary, r.response.basis, ...r.response.parts.map((p) => p.summary), ...r.response.notes);
  return fold(parts.join(" \n "));
}

const HAYSTACKS = new Map<number, string>(RECOMMENDATION_RECORDS.map((r) => [r.number, haystack(r)]));

/** Resolves a filter value given as an id or a label, any case. */
function pick<T extends string>(raw: string | undefined, ids: readonly T[], label: (id: T) => string, field: string): Result<T | undefined> {
  if (raw === undefined || raw.trim() === "") return ok(undefined, "");
  const t = fold(raw.trim());
  const hit = ids.find((id) => id === t || fold(label(id)) === t);
  if (hit) return ok(hit, "");
  return fail("invalid", `${field} must be one of ${ids.map((i) => `"${i}"`).join(", ")}; got "${raw}".`, field);
}

/**
 * The Commission's recommendations with the Government's answer and the letter's priorities joined,
 * filtered: every given criterion must hold. No filter gives all 57 in order.
 * @example commissionRecommendations({ audience: "local-government", query: "myth" }) //=> ok([33])
 */
export function commissionRecommendations(filter: RecommendationFilter = {}): Result<RecommendationRecord[]> {
  const theme = pick<CommissionTheme>(filter.theme, COMMISSION_THEMES, (t) => COMMISSION_THEME_INFO[t].label, "theme");
  if (!theme.ok) return theme;
  const audience = pick<CommissionAudience>(filter.audience, COMMISSION_AUDIENCES, (a) => COMMISSION_AUDIENCE_INFO[a].label, "audience");
  if (!audience.ok) return audience;
  const stance = pick<ResponseStance>(filter.stance, RESPONSE_STANCES, (s) => RESPONSE_STANCE_INFO[s].label, "stance");
  if (!stance.ok) return stance;
  const bad = (filter.numbers ?? []).find((n) => !Number.isInteger(n) || n < 1 || n > COMMISSION_RECOMMENDATIONS.length);
  if (bad !== undefined) return fail("notFound", `recommendation numbers run from 1 to ${COMMISSION_RECOMMENDATIONS.length}; got ${bad}.`, "numbers");
  const terms = fold(filter.query ?? "").split(" ").filter(Boolean);
  const numbers = filter.numbers ? new Set(filter.numbers) : null;
  const value = RECOMMENDATION_RECORDS.filter(
    (r) =>
      (numbers === null || numbers.has(r.number)) &&
      (theme.value === undefined || r.theme === theme.value) &&
      (audience.value === undefined || r.audiences.includes(audience.value)) &&
      (stance.value === undefined || r.response?.stance === stance.value) &&
      terms.every((t) => (HAYSTACKS.get(r.number) ?? "").includes(t)),
  );
  const said = [
    theme.value && `theme ${theme.value}`,
    audience.value && `for ${audience.value}`,
    stance.value && `stance ${stance.value}`,
    terms.length ? `matching "${terms.join(" ")}"` : "",
    numbers ? `numbers ${[...numbers].join(", ")}` : "",
  ].filter(Boolean);
  return ok(value, () => `${value.length} of ${RECOMMENDATION_RECORDS.length} recommendations${said.length ? ` (${said.join("; ")})` : ""}.`);
}

/** One recommendation, joined, by number (1–57). */
export function commissionRecommendation(number: number): Result<RecommendationRecord> {
  const r = RECOMMENDATION_RECORDS[number - 1];
  if (!Number.isInteger(number) || r === undefined) return fail("notFound", `recommendation numbers run from 1 to ${RECOMMENDATION_RECORDS.length}; got ${number}.`, "number");
  return ok(r, `Recommendation ${number} (report ${r.reportRef}).`);
}

/** The header of a tracker table: one row per recommendation (see recommendationRow). */
export const RECOMMENDATION_TRACKER_HEADER = [
  "No.",
  "Report ref",
  "Theme",
  "For",
  "Recommendation",
  "Government's response (Feb 2008)",
  "Response summary",
  "SoS priority (Oct 2007)",
  "Sources",
] as const;

/**
 * A recommendation as one row of plain text cells, in RECOMMENDATION_TRACKER_HEADER's order, for a
 * tracker sheet or a CSV: the add-in's columns only (a tracker adds its own status columns beside them).
 */
export function recommendationRow(r: RecommendationRecord): string[] {
  const sources = [r.source, ...(r.response ? [r.response.source] : []), ...r.priorities.map((p) => p.source)];
  return [
    String(r.number),
    r.reportRef,
    r.themeLabel,
    r.audienceLabels.join("; "),
    r.text,
    r.stanceLabel ?? "No answer printed",
    r.response ? r.response.summary : (r.responseNote ?? ""),
    r.priorities.map((p) => `${p.number}. ${p.title}`).join(" "),
    sources.map(citation).join(" · "),
  ];
}

/** A source as one short citation: "REC Recommendation 4; report ¶4.24". */
export function citation(s: Source): string {
  return `${s.doc} ${s.ref}${s.page !== undefined ? ` (p. ${s.page})` : ""}`;
}
