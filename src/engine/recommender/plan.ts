/**
 * The action plan sheet's content (CDF Annex F): one row per chosen action with the columns an
 * implementation plan "covers" (F-P1…F-P6), pre-filled from the recommendation, plus the area's
 * inputs and the date, so the plan can be edited and tracked in Excel.
 * Pure: the caller passes the date (the engine reads no clock).
 * @see CDF Annex F; feature 22
 */
import { FAMILY_GROUPS, TABLE_1, type FamilyGroup, type FamilyType } from "../data/deliveryFramework2009/familyTypes";
import { LABELS, type PercentOptions } from "../columns";
import { parseNonNegative, type Scale } from "../input";
import { decideScales, parsePercentColumn } from "../scale";
import { tableScalesOf } from "./area";
import { mapHeaders } from "../table";
import type { ComparatorKind, IssueDetection } from "./detect";
import { INDICATORS } from "../data/project/indicators";
import { ISSUES } from "../data/deliveryFramework2009/issues";
import type { Recommendation } from "./recommend";
import type { IndicatorId, IssueCode } from "./types";

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

/**
 * Allowed entries for the two choice columns: the task pane puts them on the written table as
 * in-cell drop-down lists (Excel data validation, ExcelApi 1.8); see `PlanSheet.lists`.
 * No entry may contain a comma (Excel's list source is comma-separated).
 */
export const PLAN_CHOICES = {
  "Quick win or long term": ["Quick win", "Long term"],
  "One-off or ongoing": ["One-off", "Ongoing"],
} as const;

/** One row of the inputs block: label, value (a number stays a number in the cell), and an optional note. */
export interface PlanInputRow {
  label: string;
  value: string | number;
  note?: string;
}

export interface PlanInput {
  /** The area's name, as the user knows it. */
  area: string;
  /** Inputs shown above the plan, e.g. from `planInputs` (what the plan was based on). */
  inputs: readonly PlanInputRow[];
  /** ISO date (yyyy-mm-dd) the plan was made. */
  date: string;
  /** Codes of the actions the user kept (subset of the recommendation, in its order); all when omitted. */
  chosen?: readonly string[];
  /** Include U1–U5 as plan rows (default true). */
  includeUniversal?: boolean;
}

export interface PlanSheet {
  /** Rows above the table: title, area, inputs, date, source note. Numbers stay numbers. */
  header: (string | number)[][];
  columns: readonly string[];
  rows: string[][];
  /** Columns whose cells get an in-cell list of these entries (PLAN_CHOICES). */
  lists: { column: string; choices: readonly string[] }[];
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
  const header: (string | number)[][] = [
    [`Cohesion action plan: ${input.area || "(area not named)"}`],
    [`Made on ${input.date} with the Cohesion Toolkit from the Cohesion Delivery Framework (CLG, 2009)${rec.source === "all" ? " and the LGA guide (2019)" : ""}.`],
    ...input.inputs.map((x): (string | number)[] => (x.note ? [x.label, x.value, x.note] : [x.label, x.value])),
    ["Issues", rec.issues.map((i) => `${i.code} ${i.title}`).join("; ")],
    ["Ranking", rec.rankingRule],
    ["Plan columns follow CDF Annex F: actions, responsibilities, resources per partner, milestones and timeline."],
  ];
  const lists = Object.entries(PLAN_CHOICES).map(([column, choices]) => ({ column, choices }));
  return { header, columns: PLAN_COLUMNS, rows, lists };
}

// ---------------------------------------------------------------------------------------------
// The inputs block: what the plan was based on

export type ProxyField = "nvq4" | "rural" | "a8" | "jobs1984";
const PROXY_FIELDS: readonly ProxyField[] = ["nvq4", "rural", "a8", "jobs1984"];
const PROXY_UNITS: Record<ProxyField, string> = { nvq4: " (%)", rural: " (%)", a8: "", jobs1984: "" };

/** One of the four typology proxies of an area, as the family-type rule read it. */
export interface PlanProxy {
  field: ProxyField;
  /** e.g. "NVQ4+ share (%)". */
  label: string;
  /** The value used (percentages 0–100 on their column's scale), or null when blank, missing or unreadable. */
  value: number | null;
  /** The header it was read from; null when the table has no such column (or the value was typed). */
  header: string | null;
  /** Why there is no value, when the cell is not blank but cannot be read. */
  problem?: string;
}

/**
 * The four typology proxies (NVQ4+ share, rural share, A8 workers per 10,000, 1984 jobs) of row
 * `index`, read as `areaProfile` reads them for the family type: percentage columns on their
 * whole column's scale (decision A7), counts as non-negative numbers.
 * @example typologyProxies(["Area", "NVQ4"], [["Ashbury", 0.32], ["B", 0.2]], 0)[0] //=> {field: "nvq4", label: "NVQ4+ share (%)", value: 32, header: "NVQ4"}
 */
export function typologyProxies(
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  index: number,
  options: { scale?: Scale; /** As for areaProfile: the percentage cells' number formats, aligned with `rows`. */ formats?: PercentOptions["formats"] } = {},
): PlanProxy[] {
  const fields = mapHeaders(headers);
  const row = rows[index] ?? [];
  // The table's scale (decision A7), as areaProfile reads it; settled once, when a percentage is read.
  let settled: ReturnType<typeof decideScales> | undefined;
  const decisions = () => (settled ??= decideScales(tableScalesOf(headers, rows, fields, options.scale ?? "auto", options.formats)));
  return PROXY_FIELDS.map((field): PlanProxy => {
    const label = LABELS[field] + PROXY_UNITS[field];
    const i = fields[field];
    if (i === undefined) return { field, label, value: null, header: null };
    const header = String(headers[i]);
    const raw = row[i];
    if (raw === null || raw === undefined || String(raw).trim() === "") return { field, label, value: null, header };
    const r =
      field === "nvq4" || field === "rural"
        ? parsePercentColumn(rows.map((x) => x[i]), field, LABELS[field], options.scale ?? "auto", { decision: decisions()[field], formats: options.formats?.[field], where: "table" }).results[index]
        : parseNonNegative(raw, field, LABELS[field]);
    return r.ok ? { field, label, value: r.value, header } : { field, label, value: null, header, problem: r.error.message };
  });
}

/** What the plan was based on, as the task pane had it when the plan was made. */
export interface PlanBasis {
  /** Where the values came from, e.g. "Table Indicators, row 5" or "typed into the task pane". */
  from: string;
  /** The four typology proxies (see `typologyProxies`). */
  proxies: readonly PlanProxy[];
  familyType: FamilyType | null;
  /** Why there is no type, or the typology's warnings. */
  typeNote?: string | null;
  group: FamilyGroup | null;
  /** How the group was set: by the typology, chosen by the user, or a single-issue tension asserted (types 5–9). */
  groupBasis?: "typology" | "user" | "singleIssue";
  /** The indicator values used (NI 1, the score, included). */
  indicators: Partial<Record<IndicatorId, number>>;
  /** The header each indicator was read from. */
  sources?: Partial<Record<IndicatorId, string>>;
  comparator: ComparatorKind;
  /** The detection run with that comparator (suggestions, overall signals, comparisons). */
  detection?: Pick<IssueDetection, "suggestions" | "overall" | "comparisons"> | null;
  /** The issues the user confirmed (ticked): the plan's issues. */
  confirmed: readonly IssueCode[];
}

export const PLAN_INPUTS_HEADING = "Inputs (what this plan is based on)";

const COMPARATOR_TEXT: Record<ComparatorKind, string> = {
  national: "national figures (each indicator's default national figure)",
  familyType: "the family type's CDF Table 1 average (get on well only)",
  median: "the median of the indicator table",
  custom: "values typed by the user",
};

/**
 * The inputs block of the plan sheet: where the values came from, the four typology proxies, the
 * family type and group, each indicator value with the comparator it met, the comparator, any
 * overall signal, and every suggested or confirmed issue with its reasons and whether the user
 * confirmed it. Rows go under the plan's title, as `PlanInput.inputs`.
 * @example planInputs({from: "typed into the task pane", proxies: [], familyType: null, group: null, indicators: {ni2_belonging: 48}, comparator: "national", detection: detectIssues({ni2_belonging: 48}, {kind: "national"}).value, confirmed: ["I03"]}).at(-1)
 *   //=> {label: "Issue I03 Low level of pride in local area or some groups not feeling they belong", value: "suggested: belonging 48.0% vs national 59%", note: "confirmed by the user"}
 */
export function planInputs(b: PlanBasis): PlanInputRow[] {
  const out: PlanInputRow[] = [{ label: PLAN_INPUTS_HEADING, value: "" }, { label: "Values from", value: b.from }];
  for (const p of b.proxies) {
    const where = p.header === null ? undefined : `column "${p.header}"`;
    if (p.value !== null) out.push({ label: p.label, value: p.value, ...(where ? { note: where } : {}) });
    else if (p.problem) out.push({ label: p.label, value: "not usable", note: p.problem });
    else out.push({ label: p.label, value: p.header === null ? "not given" : "blank", ...(where ? { note: where } : {}) });
  }
  const type = b.familyType === null ? undefined : TABLE_1.find((r) => r.type === b.familyType);
  out.push({
    label: "Family type",
    value: type ? `${type.type} ${type.name}` : "not known",
    ...(b.typeNote ? { note: b.typeNote } : {}),
  });
  const groupNote = { typology: "from the family type (CDF Annex C)", user: "chosen by the user", singleIssue: "single-issue tension asserted by the user (types 5–9)" };
  out.push({
    label: "Family group",
    value: b.group ? FAMILY_GROUPS[b.group].heading : "none",
    ...(b.group && b.groupBasis ? { note: groupNote[b.groupBasis] } : {}),
  });
  const compared = new Map((b.detection?.comparisons ?? []).map((c) => [c.indicator, c]));
  for (const def of INDICATORS) {
    const v = b.indicators[def.id];
    if (v === undefined || v === null) continue;
    const header = b.sources?.[def.id];
    const c = compared.get(def.id);
    const unit = def.unit === "%" ? "%" : ` ${def.unit}`;
    const notes = [
      ...(header ? [`column "${header}"`] : []),
      c ? `${c.comparatorLabel} ${Math.round(c.comparatorValue * 100) / 100}${unit}${c.worse ? " (worse)" : ""}` : "not compared",
    ];
    const ni = /\((NI \d+)\)/.exec(def.measure)?.[1];
    out.push({ label: `${def.label[0].toUpperCase()}${def.label.slice(1)} (${ni ? `${ni}, ` : ""}${def.unit})`, value: v, note: notes.join("; ") });
  }
  out.push({ label: "Comparator", value: COMPARATOR_TEXT[b.comparator] });
  for (const o of b.detection?.overall ?? []) out.push({ label: "Overall signal", value: o.reason });
  const reasons = new Map<IssueCode, string[]>();
  for (const s of b.detection?.suggestions ?? []) {
    const list = reasons.get(s.issue) ?? [];
    if (!list.includes(s.reason)) list.push(s.reason);
    reasons.set(s.issue, list);
  }
  const confirmed = new Set(b.confirmed);
  for (const issue of ISSUES) {
    const why = reasons.get(issue.code);
    if (!why && !confirmed.has(issue.code)) continue;
    out.push({
      label: `Issue ${issue.code} ${issue.title}`,
      value: why ? `suggested: ${why.join("; ")}` : "chosen by the user (not suggested)",
      note: confirmed.has(issue.code) ? "confirmed by the user" : "not confirmed (left out of the plan)",
    });
  }
  return out;
}
