/**
 * The Annex B mapping exercise as an area profile: the annex's items (CDF Annex B, pp. 27–32), each with
 * the workbook's evidence for the chosen area, after four rows placing the area in the framework (family
 * type and group, perception of cohesion and its ABG band, issues suggested, nearest peers), and a
 * "Local knowledge" column left empty for the council ("alongside local intelligence", Annex B).
 *
 * A sheet of plain rows (text and numbers): the pane writes it to a new sheet, the command line to .xlsx
 * or .csv. The first column (the code) is the key that lets a re-run update its own cells and keep what
 * the user wrote under "Local knowledge".
 * @see CDF Annex B (pp. 27–32); CDF Part Two, §2.1; CDF Annex D; GR ¶2.3
 */
import { bandName, type AbgAssessment } from "../abg";
import { citation } from "../commission";
import { ANNEX_B_GROUPS, ANNEX_B_ITEMS, ANNEX_B_PRINCIPLES, PROFILE_CONTEXT, type AnnexBItem } from "../data/deliveryFramework2009/annexB";
import { FAMILY_GROUPS } from "../data/deliveryFramework2009/familyTypes";
import { INDICATORS } from "../data/project/indicators";
import { typeInfo } from "../familyType";
import { detectIssues, type ComparatorKind, type DetectionComparator } from "../recommender/detect";
import type { IndicatorId } from "../recommender/types";
import { fail, ok, type Result } from "../types";
import { indicatorLines, issueLines, type ComparatorRun } from "./evidence";
import type { ProfileSubject } from "./subject";

/** The profile table's columns, in order; the last is the user's. */
export const PROFILE_COLUMNS = ["Code", "Section", "Item", "What the framework says", "Workbook evidence", "Issues suggested (CDF Annex D)", "Source", "Local knowledge"] as const;
export type ProfileColumn = (typeof PROFILE_COLUMNS)[number];
/** The column the toolkit never writes into once the sheet exists. */
export const LOCAL_KNOWLEDGE_COLUMN: ProfileColumn = "Local knowledge";

/** Which comparators the profile uses when none are chosen: national figures, the family type's Table 1 average, and the table's median when there is a table (two rows or more). */
export const PROFILE_COMPARATORS: readonly ComparatorKind[] = ["national", "familyType", "median"];

export interface AnnexBProfile {
  area: string;
  /** Rows above the table: title, where the values came from, comparators, date, how to use it. */
  header: (string | number)[][];
  columns: readonly ProfileColumn[];
  /** One row per code: the four framework rows (F1–F4), then the Annex B items (B-C1 … B-X4). Local knowledge is "". */
  rows: string[][];
  /** Row codes, in order (the key a re-run matches rows by). */
  codes: string[];
}

export interface ProfileOptions {
  /** Comparators to set the indicators against (default PROFILE_COMPARATORS; "median" needs the table's medians, "custom" values). */
  comparators?: readonly ComparatorKind[];
  /** For "custom": the values, by indicator id, and a label. */
  custom?: { values: Partial<Record<IndicatorId, number>>; label?: string };
  /** The date printed in the header (the engine has no clock). */
  date: string;
}

const SECTION_FRAMEWORK = "The area in the framework";
const LOCAL_ONLY = "Nothing in the workbook: for local knowledge and local data (Annex B names the sources in \"What the framework says\").";

/** The detector run once per comparator, as the Action plan view runs it. */
function runs(subject: ProfileSubject, kinds: readonly ComparatorKind[], custom: ProfileOptions["custom"]): Result<ComparatorRun[]> {
  const out: ComparatorRun[] = [];
  for (const kind of kinds) {
    const comparator: DetectionComparator =
      kind === "median"
        ? { kind, values: subject.area.medians }
        : kind === "custom"
          ? { kind, values: custom?.values ?? {}, label: custom?.label }
          : kind === "familyType"
            ? { kind, familyType: subject.area.familyType ?? "total" }
            : { kind };
    const d = detectIssues(subject.area.indicators, comparator);
    if (!d.ok) return d;
    out.push({ comparator, detection: d.value });
  }
  return ok(out, `${out.length} comparator(s).`);
}

function typologyEvidence(subject: ProfileSubject): string {
  const a = subject.area;
  const lines: string[] = [];
  if (a.familyType) {
    const t = typeInfo(a.familyType);
    if (t.ok) lines.push(`Type ${a.familyType}: ${t.value.name} — CDF Table 1 average ${t.value.average} (${t.value.areas} areas), ${t.value.band.toLowerCase()}.`);
    lines.push(a.familyGroup ? FAMILY_GROUPS[a.familyGroup].heading + " (CDF Annex C)." : "No family group: types 5–9 have one only when a single-issue tension is asserted (thematic group e).");
  } else lines.push("Family type not known.");
  if (a.typeNote) lines.push(a.typeNote);
  const unread = a.problems.filter((x) => x !== a.typeNote);
  if (unread.length) lines.push(`Not read: ${unread.join(" ")}`);
  const proxies = subject.proxies.filter((p) => p.value !== null).map((p) => `${p.label} ${Math.round(p.value! * 10) / 10}${p.header ? ` [column "${p.header}"]` : ""}`);
  if (proxies.length) lines.push(`From: ${proxies.join("; ")}.`);
  return lines.join("\n");
}

function grantEvidence(subject: ProfileSubject, r: readonly ComparatorRun[]): string {
  const lines = indicatorLines(subject, r, "ni1_getonwell");
  const abg: AbgAssessment | null = subject.abg;
  if (abg) {
    const gbp = (n: number) => `£${n.toLocaleString("en-GB")}`;
    lines.push(`ABG: ${bandName(abg.band)}, ${gbp(abg.amountGbp)}` + (abg.ci !== null ? `; across the CI: ${abg.rangeText} (${gbp(abg.amountMinGbp)}–${gbp(abg.amountMaxGbp)})${abg.uncertain ? ", uncertain" : ""}.` : "; no CI given, so its uncertainty is not assessed."));
  } else lines.push("No usable \"get on well together\" score, so no ABG band.");
  return lines.join("\n");
}

function peersEvidence(subject: ProfileSubject): string {
  const p = subject.peers;
  if ("note" in p) return p.note;
  return [`Nearest on ${p.on.map((h) => `"${h}"`).join(", ")} (z-scores, rebased so the farthest area is 1):`, ...p.list.map((n, i) => `${i + 1}. ${n.name} (${n.distance.toFixed(3)})`)].join("\n");
}

function itemEvidence(subject: ProfileSubject, r: readonly ComparatorRun[], item: AnnexBItem): string {
  const lines: string[] = [];
  for (const id of item.evidence.indicators ?? []) lines.push(...indicatorLines(subject, r, id));
  for (const f of item.evidence.proxies ?? []) {
    const p = subject.proxies.find((x) => x.field === f);
    if (p && p.value !== null) lines.push(`${p.label}: ${Math.round(p.value * 10) / 10}${p.header ? ` [column "${p.header}"]` : ""} — a proxy of the Commission's typology (see F1).`);
  }
  if (lines.length) return lines.join("\n");
  const linked = [
    ...(item.evidence.indicators ?? []).map((id) => INDICATORS.find((d) => d.id === id)?.label ?? id),
    ...(item.evidence.proxies ?? []).map((f) => subject.proxies.find((p) => p.field === f)?.label ?? f),
  ];
  return linked.length ? `No value in the workbook for ${linked.map((l) => `"${l}"`).join(", ")}: a column for it (or local knowledge) would fill this in.` : LOCAL_ONLY;
}

/**
 * The profile of one area: the framework rows F1–F4 and every Annex B item with the workbook's evidence.
 * @returns the rows, or the detector's failure (a bad custom comparator value)
 * @example annexBProfile(subjectFromTable(headers, rows, 4), { date: "2026-12-07" }).value.rows[4][2] //=> "Which areas are deprived, affluent or suffer from exclusion"
 */
export function annexBProfile(subject: ProfileSubject, options: ProfileOptions): Result<AnnexBProfile> {
  const kinds = (options.comparators ?? PROFILE_COMPARATORS).filter((k) => k !== "median" || (subject.tableRows > 1 && Object.keys(subject.area.medians).length > 0));
  if (kinds.length === 0) return fail("missing", "Choose at least one comparator (national, familyType, median or custom).", "comparators");
  const r = runs(subject, kinds, options.custom);
  if (!r.ok) return r;
  const cmp = r.value;
  const allIssues = issueLines(cmp, null);
  const name = subject.area.name || "(no name)";
  const rows: string[][] = [
    ["F1", SECTION_FRAMEWORK, "Family type and group", PROFILE_CONTEXT.typology.text, typologyEvidence(subject), "", citation(PROFILE_CONTEXT.typology.source), ""],
    ["F2", SECTION_FRAMEWORK, "Perception of cohesion (NI 1) and the ABG band", PROFILE_CONTEXT.grant.text, grantEvidence(subject, cmp), issueLines(cmp, ["ni1_getonwell"]).join("\n"), `${citation(PROFILE_CONTEXT.grant.source)}; CDF §1.2`, ""],
    [
      "F3",
      SECTION_FRAMEWORK,
      "Issues suggested by the indicators",
      PROFILE_CONTEXT.issues.text,
      allIssues.length
        ? `${new Set(cmp.flatMap((c) => c.detection.suggestions.map((x) => x.issue))).size} issue(s) suggested and ${new Set(cmp.flatMap((c) => c.detection.overall.map((x) => x.indicator))).size} overall signal(s), none final: confirm them with local knowledge (and in the Action plan view).`
        : "No indicator is on the worse side of its comparator (or the table has none the detector reads).",
      allIssues.join("\n"),
      citation(PROFILE_CONTEXT.issues.source),
      "",
    ],
    ["F4", SECTION_FRAMEWORK, "Nearest peers", PROFILE_CONTEXT.peers.text, peersEvidence(subject), "", citation(PROFILE_CONTEXT.peers.source), ""],
    ...ANNEX_B_ITEMS.map((item) => [
      item.code,
      ANNEX_B_GROUPS[item.group].heading,
      item.heading,
      item.questions.length ? `${item.text}\n${item.questions.map((q) => `• ${q}`).join("\n")}` : item.text,
      itemEvidence(subject, cmp, item),
      item.evidence.indicators ? issueLines(cmp, item.evidence.indicators).join("\n") : "",
      citation(item.source),
      "",
    ]),
  ];
  const labels = cmp.map((c) => (c.comparator.kind === "national" ? "national figures" : c.comparator.kind === "familyType" ? "the family type's Table 1 average (NI 1 only)" : c.comparator.kind === "median" ? "this table's median" : (c.comparator.label ?? "custom values")));
  const header: (string | number)[][] = [
    [`Area profile: ${name} — the local cohesion mapping exercise (CDF Annex B)`],
    ["Based on", `${subject.from}; compared with ${labels.join(", ")}`],
    ["Made on", `${options.date} with the Cohesion Toolkit. The "Local knowledge" column is yours: a re-run updates the other columns and keeps it.`],
    ["Annex B", ANNEX_B_PRINCIPLES[1]],
  ];
  return ok(
    { area: name, header, columns: PROFILE_COLUMNS, rows, codes: rows.map((x) => x[0]) },
    `Profile of ${name}: ${ANNEX_B_ITEMS.length} Annex B items, ${allIssues.length} issue suggestion(s), against ${labels.join(", ")}.`,
  );
}
