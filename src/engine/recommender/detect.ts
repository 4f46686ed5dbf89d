/**
 * Issue detection from data: compare a council's indicator
 * values with a comparator and suggest the Table D1 issues the worse-than-comparator values point to.
 *
 * "Suggestions are never silently final: the user confirms them." Every suggestion is returned
 * with `confirmed: false`.
 *
 * Rules (this add-in's; the documents give no detection rule):
 * - A value is "worse" when it is below the comparator for a higher-is-better indicator, or above it
 *   for a lower-is-better one. Equal is not worse. No significance test is applied (none is given).
 * - Comparators: "national" uses the first (default) national figure of each indicator, or the one
 *   chosen by `benchmarks`; "familyType" uses CDF Table 1's type average, which exists for NI 1 only;
 *   "median" and "custom" use the numbers the caller supplies in `values` (the caller computes the
 *   workbook median).
 * - No figure is invented: where there is no comparator value, the indicator gets a note, not a
 *   suggestion.
 * - NI 1 is the overall outcome, not an influence: a worse NI 1 is an overall signal, not an issue.
 * - The influence links' bracketed issues are added as `alsoConsider`; for views on migration, I12 and I16 are
 *   suggested too when new migrants (A8 per 10,000) is also worse than its comparator ("I02 (and
 *   I12, I16 if migrant numbers are high)").
 * @see data/surveySeries/benchmarks.ts (national figures); CDF Part Two Tables 2–5 (influences); CDF Table 1 (type averages)
 */
import { fail, ok, type Fail, type Result, type Source, type Warning } from "../types";
import { TABLE_1, TABLE_1_TOTAL, type FamilyType } from "../data/deliveryFramework2009/familyTypes";
import { INDICATORS } from "../data/project/indicators";
import type { IndicatorBenchmark, IndicatorDef, IndicatorId, IssueCode } from "./types";

export type ComparatorKind = "national" | "familyType" | "median" | "custom";
export const COMPARATOR_KINDS: readonly ComparatorKind[] = ["national", "familyType", "median", "custom"];

export interface DetectionComparator {
  kind: ComparatorKind;
  /** For "median" and "custom": the comparator value of each indicator (same units). */
  values?: Partial<Record<IndicatorId, number>>;
  /** For "familyType": the area's type 1–9, or "total" for the all-areas average 78.9. */
  familyType?: number | "total";
  /** For "national": choose a non-default benchmark id per indicator (see INDICATORS). */
  benchmarks?: Partial<Record<IndicatorId, string>>;
  /** For "custom": how to name it in reasons (default "custom"). */
  label?: string;
}

export interface IssueSuggestion {
  issue: IssueCode;
  indicator: IndicatorId;
  value: number;
  comparatorValue: number;
  /** e.g. "national", "family type 3 average", "workbook median". */
  comparatorLabel: string;
  /** e.g. "belonging 48.0% vs national 59%". */
  reason: string;
  /** Always false: the user confirms suggestions. */
  confirmed: false;
  /** Bracketed issues of the influence links to consider too. */
  alsoConsider: IssueCode[];
  /** Where the issue link comes from. */
  linkBasis: IndicatorDef["linkBasis"] | "influence link [inferred], conditional";
  /** Source of the comparator figure (national benchmark or Table 1); absent for median/custom. */
  comparatorSource?: Source;
  /** Other indicators that point to the same issue (their reasons are in `reason` too). */
  alsoIndicators?: IndicatorId[];
}

/** A worse-than-comparator indicator that points to no single issue (NI 1). */
export interface OverallSignal {
  indicator: IndicatorId;
  value: number;
  comparatorValue: number;
  comparatorLabel: string;
  reason: string;
  advice: string;
  comparatorSource?: Source;
}

export interface IndicatorComparison {
  indicator: IndicatorId;
  value: number;
  comparatorValue: number;
  comparatorLabel: string;
  worse: boolean;
}

export interface DetectionNote {
  indicator: IndicatorId;
  code: "noComparator" | "noDirection";
  message: string;
}

export interface IssueDetection {
  suggestions: IssueSuggestion[];
  overall: OverallSignal[];
  /** Every comparison made, worse or not, in indicator order. */
  comparisons: IndicatorComparison[];
  /** Indicators supplied but not compared, with the reason. */
  notes: DetectionNote[];
  comparator: ComparatorKind;
}

const BY_ID = new Map<IndicatorId, IndicatorDef>(INDICATORS.map((d) => [d.id, d]));

const fmtValue = (n: number): string => n.toFixed(1);
const fmtComparator = (n: number): string => String(Math.round(n * 100) / 100);
const unitText = (unit: IndicatorDef["unit"]): string => (unit === "%" ? "%" : ` ${unit}`);

interface ComparatorValue {
  value: number;
  label: string;
  source?: Source;
}

/**
 * Suggest Table D1 issues from indicator values.
 *
 * @summary Issue suggestions from survey and area indicators.
 * @see data/deliveryFramework2009/influences.ts (influence → issue links, [inferred]); data/surveySeries/benchmarks.ts; CDF Table 1
 * @param indicators - values by indicator id; percentages 0–100, rates as stated per indicator
 * @param comparator - "national" | "familyType" (with `familyType`) | "median" | "custom" (with `values`)
 * @returns suggestions (all `confirmed: false`), overall signals, comparisons and notes; or
 *   `invalid` / `missing` / `notFound` for bad input
 * @example
 * detectIssues({ ni2_belonging: 48 }, { kind: "national" }).value.suggestions[0].reason
 * //=> "belonging 48.0% vs national 59%"
 */
export function detectIssues(
  indicators: Partial<Record<IndicatorId, number>>,
  comparator: DetectionComparator,
): Result<IssueDetection> {
  if (indicators === null || typeof indicators !== "object" || Array.isArray(indicators)) {
    return fail("invalid", "Indicators must be an object of values keyed by indicator id (e.g. { ni2_belonging: 48 }).", "indicators");
  }
  if (comparator === null || typeof comparator !== "object" || !COMPARATOR_KINDS.includes(comparator.kind)) {
    return fail("invalid", `Comparator kind must be one of ${COMPARATOR_KINDS.join(", ")}.`, "comparator");
  }

  const unknown = Object.keys(indicators).filter((key) => !BY_ID.has(key as IndicatorId));
  if (unknown.length > 0) {
    return fail(
      "notFound",
      `Unknown indicator${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}; valid ids: ${INDICATORS.map((d) => d.id).join(", ")}.`,
      "indicators",
    );
  }
  const badValue = validateValues(indicators, "indicators");
  if (badValue !== undefined) return badValue;

  let typeRow: { label: string; value: number; source: Source } | undefined;
  if (comparator.kind === "familyType") {
    if (comparator.familyType === undefined) {
      return fail("missing", "The family-type comparator needs familyType (1–9, or \"total\" for the all-areas average).", "familyType");
    }
    if (comparator.familyType === "total") {
      typeRow = { label: "all-areas average", value: TABLE_1_TOTAL.average, source: TABLE_1_TOTAL.source };
    } else {
      const row = TABLE_1.find((r) => r.type === (comparator.familyType as FamilyType));
      if (row === undefined) {
        return fail("invalid", `Family type ${String(comparator.familyType)} is not 1–9 (CDF Table 1) or "total".`, "familyType");
      }
      typeRow = { label: `family type ${row.type} average`, value: row.average, source: { doc: "CDF", ref: "Table 1" } };
    }
  }
  if (comparator.kind === "median" || comparator.kind === "custom") {
    if (comparator.values === undefined || comparator.values === null || typeof comparator.values !== "object") {
      return fail("missing", `The ${comparator.kind} comparator needs values keyed by indicator id.`, "values");
    }
    const unknownValues = Object.keys(comparator.values).filter((key) => !BY_ID.has(key as IndicatorId));
    if (unknownValues.length > 0) {
      return fail("notFound", `Unknown comparator indicator ${unknownValues.map((u) => `"${u}"`).join(", ")}.`, "values");
    }
    const badComparator = validateValues(comparator.values, "values");
    if (badComparator !== undefined) return badComparator;
  }
  if (comparator.kind === "national" && comparator.benchmarks !== undefined && comparator.benchmarks !== null) {
    for (const [key, id] of Object.entries(comparator.benchmarks)) {
      const def = BY_ID.get(key as IndicatorId);
      if (def === undefined) return fail("notFound", `Unknown indicator "${key}" in benchmarks.`, "benchmarks");
      if (!def.nationalBenchmarks.some((b) => b.id === id)) {
        const valid = def.nationalBenchmarks.map((b) => b.id).join(", ") || "none";
        return fail("notFound", `No national benchmark "${String(id)}" for ${key}; valid: ${valid}.`, "benchmarks");
      }
    }
  }

  const comparatorFor = (def: IndicatorDef): ComparatorValue | string => {
    switch (comparator.kind) {
      case "national": {
        const chosen = comparator.benchmarks?.[def.id];
        const benchmark: IndicatorBenchmark | undefined =
          chosen === undefined ? def.nationalBenchmarks[0] : def.nationalBenchmarks.find((b) => b.id === chosen);
        if (benchmark === undefined) {
          return `No national figure for ${def.label} in the sources; none is invented. Use a workbook median or a custom comparator.`;
        }
        return { value: benchmark.value, label: "national", source: benchmark.source };
      }
      case "familyType":
        if (!def.familyTypeComparator || typeRow === undefined) {
          return `No family-type comparator for ${def.label}: CDF Table 1 gives type averages only for perception of cohesion (NI 1).`;
        }
        return { value: typeRow.value, label: typeRow.label, source: typeRow.source };
      case "median":
      case "custom": {
        const v = comparator.values?.[def.id];
        const label = comparator.kind === "median" ? "workbook median" : comparator.label ?? "custom";
        if (v === undefined || v === null) return `No ${label} value supplied for ${def.label}.`;
        return { value: v, label };
      }
    }
  };

  const detection: IssueDetection = { suggestions: [], overall: [], comparisons: [], notes: [], comparator: comparator.kind };
  const worseSet = new Set<IndicatorId>();
  const comparatorValues = new Map<IndicatorId, ComparatorValue>();

  for (const def of INDICATORS) {
    const value = indicators[def.id];
    if (value === undefined || value === null) continue;
    if (def.polarity === "none") {
      detection.notes.push({ indicator: def.id, code: "noDirection", message: def.linkNote ?? `No direction for ${def.label}.` });
      continue;
    }
    const cmp = comparatorFor(def);
    if (typeof cmp === "string") {
      detection.notes.push({ indicator: def.id, code: "noComparator", message: cmp });
      continue;
    }
    comparatorValues.set(def.id, cmp);
    const worse = def.polarity === "higherIsBetter" ? value < cmp.value : value > cmp.value;
    detection.comparisons.push({ indicator: def.id, value, comparatorValue: cmp.value, comparatorLabel: cmp.label, worse });
    if (worse) worseSet.add(def.id);
  }

  for (const def of INDICATORS) {
    if (!worseSet.has(def.id)) continue;
    const value = indicators[def.id] as number;
    const cmp = comparatorValues.get(def.id) as ComparatorValue;
    const reason = reasonText(def, value, cmp);
    if (def.issues.length === 0) {
      const signal: OverallSignal = {
        indicator: def.id,
        value,
        comparatorValue: cmp.value,
        comparatorLabel: cmp.label,
        reason,
        advice: def.linkNote ?? "",
      };
      if (cmp.source !== undefined) signal.comparatorSource = cmp.source;
      detection.overall.push(signal);
      continue;
    }
    for (const issue of def.issues) {
      detection.suggestions.push(suggestion(issue, def, value, cmp, reason, [...def.alsoConsider], def.linkBasis));
    }
    // The influence link: I02, and I12, I16 if migrant numbers are high.
    if (def.id === "views_on_migration" && worseSet.has("new_migrants_a8")) {
      const migrants = BY_ID.get("new_migrants_a8") as IndicatorDef;
      const mValue = indicators.new_migrants_a8 as number;
      const mCmp = comparatorValues.get("new_migrants_a8") as ComparatorValue;
      const both = `${reason}; ${reasonText(migrants, mValue, mCmp)}`;
      for (const issue of ["I12", "I16"] as const) {
        detection.suggestions.push(
          suggestion(issue, def, value, cmp, both, [], "influence link [inferred], conditional"),
        );
      }
    }
  }
  // One suggestion per issue: when two indicators point to the same issue (fear of crime and
  // feeling safe → I06; new migrants, directly and with views on migration → I16), the first keeps
  // its place and the others' reasons are added to it.
  // A direct link comes before the conditional one.
  const byIssue = new Map<IssueCode, IssueSuggestion>();
  const conditional = (x: IssueSuggestion) => x.linkBasis.endsWith("conditional");
  const ordered = [...detection.suggestions.filter((x) => !conditional(x)), ...detection.suggestions.filter(conditional)];
  for (const sug of ordered) {
    const first = byIssue.get(sug.issue);
    if (first === undefined) {
      byIssue.set(sug.issue, sug);
      continue;
    }
    if (sug.indicator !== first.indicator && !(first.alsoIndicators ?? []).includes(sug.indicator)) {
      first.alsoIndicators = [...(first.alsoIndicators ?? []), sug.indicator];
    }
    const more = sug.reason.split("; ").filter((part) => !first.reason.includes(part));
    if (more.length) first.reason = `${first.reason}; also ${more.join("; ")}`;
    for (const c of sug.alsoConsider) if (!first.alsoConsider.includes(c)) first.alsoConsider.push(c);
  }
  detection.suggestions = [...byIssue.values()];
  detection.suggestions.sort((a, b) => Number(a.issue.slice(1)) - Number(b.issue.slice(1)));

  const warnings: Warning[] = [];
  const percents = INDICATORS.filter((d) => d.unit === "%" && typeof indicators[d.id] === "number").map((d) => indicators[d.id] as number);
  if (percents.length > 0 && percents.every((v) => v <= 1) && percents.some((v) => v > 0)) {
    warnings.push({
      code: "fractionScale",
      message: "Every percentage is 1 or less: they look like fractions (0–1). Percentages must be 0–100 (e.g. 48 for 48%).",
    });
  }
  const explanation = `${detection.comparisons.length} indicator(s) compared with the ${comparator.kind} comparator; ${detection.suggestions.length} issue suggestion(s) and ${detection.overall.length} overall signal(s), none confirmed; ${detection.notes.length} not compared.`;
  return ok(detection, explanation, warnings);
}

function suggestion(
  issue: IssueCode,
  def: IndicatorDef,
  value: number,
  cmp: ComparatorValue,
  reason: string,
  alsoConsider: IssueCode[],
  linkBasis: IssueSuggestion["linkBasis"],
): IssueSuggestion {
  const s: IssueSuggestion = {
    issue,
    indicator: def.id,
    value,
    comparatorValue: cmp.value,
    comparatorLabel: cmp.label,
    reason,
    confirmed: false,
    alsoConsider,
    linkBasis,
  };
  if (cmp.source !== undefined) s.comparatorSource = cmp.source;
  return s;
}

function reasonText(def: IndicatorDef, value: number, cmp: ComparatorValue): string {
  const unit = unitText(def.unit);
  const tail = def.polarity === "lowerIsBetter" ? " (lower is better)" : "";
  return `${def.label} ${fmtValue(value)}${unit} vs ${cmp.label} ${fmtComparator(cmp.value)}${unit}${tail}`;
}

function validateValues(values: Partial<Record<IndicatorId, number>>, field: string): Fail | undefined {
  for (const [key, raw] of Object.entries(values) as [IndicatorId, unknown][]) {
    if (raw === undefined || raw === null) continue;
    const def = BY_ID.get(key) as IndicatorDef;
    if (typeof raw !== "number" || !Number.isFinite(raw)) {
      return fail("invalid", `${key} must be a number, got ${JSON.stringify(raw)}.`, field);
    }
    if (def.unit === "%" && (raw < 0 || raw > 100)) {
      return fail("invalid", `${key} is a percentage and must be between 0 and 100, got ${raw}.`, field);
    }
    if (raw < 0) return fail("invalid", `${key} (${def.unit}) cannot be negative, got ${raw}.`, field);
  }
  return undefined;
}
