/**
 * The action plan sheet's content (CDF Annex F): one row per chosen action with the columns an
 * implementation plan "covers" (F-P1…F-P6), pre-filled from the recommendation, plus the area's
 * inputs and the date, so the plan can be edited and tracked in Excel.
 * Pure: the caller passes the date (the engine reads no clock).
 * @see CDF Annex F (framework-rules.md §7.8); feature 22 (framework-rules.md §10.1)
 */
import type { Recommendation } from "./recommend";

/** Plan columns, in order. Action/issues/source are pre-filled; the rest are for the council to complete. */
export const PLAN_COLUMNS = [
  "Action",
  "Issues addressed",
  "Source",
  "Lead",
  "Partners",
  "Resources",
  "Milestones",
  "Quick win or long term",
  "One-off or ongoing",
] as const;

/** Allowed entries for the two choice columns (offered as in-cell lists). */
export const PLAN_CHOICES = {
  "Quick win or long term": ["Quick win", "Long term"],
  "One-off or ongoing": ["One-off", "Ongoing"],
} as const;

export interface PlanInput {
  /** The area's name, as the user knows it. */
  area: string;
  /** Inputs shown above the plan (label → value as text), e.g. score, family type and group. */
  inputs: readonly { label: string; value: string }[];
  /** ISO date (yyyy-mm-dd) the plan was made. */
  date: string;
  /** Codes of the actions the user kept (subset of the recommendation, in its order); all when omitted. */
  chosen?: readonly string[];
  /** Include U1–U5 as plan rows (default true). */
  includeUniversal?: boolean;
}

export interface PlanSheet {
  /** Rows above the table: title, area, inputs, date, source note. */
  header: string[][];
  columns: readonly string[];
  rows: string[][];
}

/**
 * @example buildActionPlan(recommendActions(["I01"]).value, {area: "Ashbury", inputs: [], date: "2026-11-22"}).rows[0][0]
 *   //=> "Promote cohesion duty in schools and work with local colleges" (A06, 1 issue)
 */
export function buildActionPlan(rec: Recommendation, input: PlanInput): PlanSheet {
  const keep = input.chosen ? new Set(input.chosen) : null;
  const issueTitle = new Map(rec.issues.map((i) => [i.code, i.title]));
  const rows: string[][] = [];
  for (const a of rec.actions) {
    if (keep && !keep.has(a.code)) continue;
    const issues = a.issues.map((c) => `${c} ${issueTitle.get(c) ?? ""}`.trim()).join("; ");
    const source = a.origin === "lga2019" ? `LGA 2019 guide, ${a.source.ref} (linked by this add-in)` : `CDF ${a.source.ref} (${a.code})`;
    rows.push([a.title, issues, source, "", "", "", "", "", ""]);
  }
  if (input.includeUniversal ?? true) {
    for (const u of rec.universal) {
      if (keep && !keep.has(u.code)) continue;
      rows.push([u.title, "All areas should consider", `CDF ${u.source.ref} (${u.code})`, "", "", "", "", "", ""]);
    }
  }
  const header: string[][] = [
    [`Cohesion action plan: ${input.area || "(area not named)"}`],
    [`Made on ${input.date} with the Cohesion Toolkit from the Cohesion Delivery Framework (CLG, 2009)${rec.source === "all" ? " and the LGA guide (2019)" : ""}.`],
    ...input.inputs.map((x) => [x.label, x.value]),
    ["Issues", rec.issues.map((i) => `${i.code} ${i.title}`).join("; ")],
    ["Ranking", rec.rankingRule],
    ["Plan columns follow CDF Annex F: actions, responsibilities, resources per partner, milestones and timeline."],
  ];
  return { header, columns: PLAN_COLUMNS, rows };
}
