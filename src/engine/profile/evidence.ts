/**
 * The workbook's evidence on one indicator, proxy or issue, in words, for the Annex B profile. Every
 * judgement is an engine function's: the comparison with each comparator is `detectIssues`' (recommender/
 * detect.ts), the confidence interval `surveyCi`'s or the table's own CI, the significance
 * `compareToBenchmark`'s (Fingertips convention). This file only says what they returned.
 * @see METHOD OHID Fingertips significance; CDF Annex D, Table D1; CDF Part Two, Tables 2–5
 */
import { ISSUES } from "../data/deliveryFramework2009/issues";
import { INDICATORS } from "../data/project/indicators";
import type { DetectionComparator, IndicatorComparison, IssueDetection, IssueSuggestion } from "../recommender/detect";
import type { IndicatorDef, IndicatorId } from "../recommender/types";
import { compareToBenchmark } from "../stats/compareToBenchmark";
import { surveyCi } from "../stats/surveyCi";
import type { ProfileSubject } from "./subject";

const BY_ID = new Map<IndicatorId, IndicatorDef>(INDICATORS.map((d) => [d.id, d]));
const TITLES = new Map<string, string>(ISSUES.map((i) => [i.code, i.title]));

const num = (n: number): string => String(Math.round(n * 10) / 10);
const unitOf = (d: IndicatorDef): string => (d.unit === "%" ? "%" : ` ${d.unit}`);

/** One comparator's run of the detector, with the comparator as asked. */
export interface ComparatorRun {
  comparator: DetectionComparator;
  detection: IssueDetection;
}

/** The confidence interval of an indicator's value, and where it comes from; null when there is none. */
export function intervalOf(subject: ProfileSubject, id: IndicatorId, value: number): { lower: number; upper: number; how: string } | null {
  const def = BY_ID.get(id);
  if (id === "ni1_getonwell" && subject.abg && subject.abg.ci !== null) {
    const ci = subject.abg.ci;
    return { lower: Math.max(0, value - ci), upper: Math.min(100, value + ci), how: `± ${num(ci)} from the table's CI column` };
  }
  if (def && def.unit === "%" && subject.sampleSize !== null) {
    const r = surveyCi(value, subject.sampleSize);
    if (r.ok) return { lower: r.value.lower, upper: r.value.upper, how: `95% Wilson interval, n = ${subject.sampleSize}` };
  }
  return null;
}

/** "worse (interval 44.6–51.4 entirely below)" / "similar" / "lower; not tested (…)". */
function significance(def: IndicatorDef, c: IndicatorComparison, interval: ReturnType<typeof intervalOf>): string {
  if (interval && def.polarity !== "none") {
    const r = compareToBenchmark(c.value, interval.lower, interval.upper, c.comparatorValue, def.polarity === "lowerIsBetter" ? "lower" : "higher");
    if (r.ok) return r.value === "similar" ? "similar (its interval contains it)" : `${r.value} (its interval lies entirely ${interval.lower > c.comparatorValue ? "above" : "below"})`;
  }
  const side = c.value === c.comparatorValue ? "equal" : c.value > c.comparatorValue ? "higher" : "lower";
  return `${side}${side === "equal" ? "" : c.worse ? ", the worse side" : ", not the worse side"}; significance not tested (no confidence interval or sample size)`;
}

/** The evidence lines of one indicator: its value (and interval), then each comparator with significance. Empty when the area has no value. */
export function indicatorLines(subject: ProfileSubject, runs: readonly ComparatorRun[], id: IndicatorId): string[] {
  const def = BY_ID.get(id);
  const value = subject.area.indicators[id];
  if (!def || value === undefined) return [];
  const interval = intervalOf(subject, id, value);
  const column = subject.area.sources[id];
  const head = `${def.label}: ${num(value)}${unitOf(def)}${interval ? ` (${num(interval.lower)}–${num(interval.upper)}, ${interval.how})` : ""}${column ? ` [column "${column}"]` : ""}`;
  const lines = [head];
  for (const run of runs) {
    const c = run.detection.comparisons.find((x) => x.indicator === id);
    if (c) lines.push(`  vs ${c.comparatorLabel} ${num(c.comparatorValue)}${unitOf(def)}: ${significance(def, c, interval)}`);
    else {
      const note = run.detection.notes.find((n) => n.indicator === id);
      if (note && !lines.includes(`  ${note.message}`)) lines.push(`  ${note.message}`);
    }
  }
  return lines;
}

/** "I03 <title> — <reason> [comparator]" for each suggestion (and overall signal) touching `ids`, once each. */
export function issueLines(runs: readonly ComparatorRun[], ids: readonly IndicatorId[] | null): string[] {
  const out: string[] = [];
  const touches = (s: IssueSuggestion) => ids === null || ids.includes(s.indicator) || (s.alsoIndicators ?? []).some((a) => ids.includes(a));
  for (const run of runs) {
    for (const s of run.detection.suggestions.filter(touches)) {
      const line = `${s.issue} ${TITLES.get(s.issue) ?? ""} — ${s.reason}${s.alsoConsider.length ? `; also consider ${s.alsoConsider.join(", ")}` : ""}`;
      if (!out.includes(line)) out.push(line);
    }
    for (const o of run.detection.overall.filter((x) => ids === null || ids.includes(x.indicator))) {
      const line = `Overall signal, no single issue — ${o.reason}`;
      if (!out.includes(line)) out.push(line);
    }
  }
  return out;
}
