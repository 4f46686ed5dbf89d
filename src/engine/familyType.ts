/**
 * The Commission's nine family types and the Annex C family groups.
 * @see CDF Part Two, "Typologies: cohesion family groups", Table 1
 */
import { FAMILY_GROUPS, TABLE_1, TABLE_1_TOTAL, TYPOLOGY_CUTOFFS as C, type FamilyGroup, type FamilyType, type FamilyTypeRow } from "./data/deliveryFramework2009/familyTypes";
import { fmtNumber as fmt } from "./format";
import { fail, ok, type Result, type Warning } from "./types";

export type BoundaryMode = "inclusive" | "exclusive";
export const BOUNDARY_MODES: readonly BoundaryMode[] = ["inclusive", "exclusive"];

/** The four proxies, already on their scales: percentages 0–100, A8 per 10,000, jobs a count. */
export interface TypologyInputs {
  /** F1: % of working-age population with NVQ level 4 or above. */
  nvq4: number;
  /** F2: % of the district's population in rural settlements and larger market towns. */
  rural: number;
  /** F3: A8 workers per 10,000 population. */
  a8: number;
  /** F4: coal + textiles + steel jobs combined in 1984; needed only for stable less affluent urban areas. */
  jobs1984?: number | null;
}

export interface TypologyOptions {
  /**
   * How the two cut-offs the text leaves open (25% NVQ4, 7 A8 per 10,000) treat a value exactly on them.
   * "inclusive" (default, decisions A1/A2): 25 is affluent, 7 is changing. "exclusive": 25 is less affluent, 7 is stable.
   * The explicit cut-offs (≥50% rural, ≥1,000 jobs) are inclusive in both modes.
   */
  boundaryMode?: BoundaryMode;
}

export interface FamilyTypeResult {
  type: FamilyType;
  row: FamilyTypeRow;
  factors: { affluent: boolean; rural: boolean; changing: boolean; decline: boolean | null };
}


function checkPct(x: number, field: string, label: string): Result<number> | null {
  if (!Number.isFinite(x)) return fail("invalid", `${label} must be a finite number; got ${String(x)}.`, field);
  if (x < 0 || x > 100) return fail("invalid", `${label} must be a percentage between 0 and 100; got ${x}.`, field);
  return null;
}

/**
 * Classifies an area into family type 1–9.
 * @see CDF Part Two (F1–F4 cut-offs) and Table 1; decisions A1–A3
 * @example classifyFamilyType({nvq4: 18, rural: 10, a8: 3, jobs1984: 2400}) //=> ok(type 2)
 * @example classifyFamilyType({nvq4: 18, rural: 10, a8: 3}) //=> fail: the 1984 jobs figure is needed
 */
export function classifyFamilyType(inputs: TypologyInputs, options: TypologyOptions = {}): Result<FamilyTypeResult> {
  const mode = options.boundaryMode ?? "inclusive";
  const bad =
    checkPct(inputs.nvq4, "nvq4", "NVQ4+ share") ??
    checkPct(inputs.rural, "rural", "Rural share") ??
    (!Number.isFinite(inputs.a8) || inputs.a8 < 0 ? fail("invalid", `A8 workers per 10,000 must be a number of 0 or more; got ${String(inputs.a8)}.`, "a8") : null);
  if (bad) return bad as Result<FamilyTypeResult>;
  const jobs = inputs.jobs1984;
  if (jobs !== null && jobs !== undefined && (!Number.isFinite(jobs) || jobs < 0)) {
    return fail("invalid", `1984 coal, textiles and steel jobs must be a number of 0 or more; got ${String(jobs)}.`, "jobs1984");
  }

  const warnings: Warning[] = [];
  // F1, decision A1: "the cut off point between the two being 25 per cent" — 25 is affluent unless exclusive.
  const affluent = mode === "inclusive" ? inputs.nvq4 >= C.nvq4AffluentPct : inputs.nvq4 > C.nvq4AffluentPct;
  if (inputs.nvq4 === C.nvq4AffluentPct) {
    warnings.push({ code: "onCutoff", message: `NVQ4+ share is exactly ${C.nvq4AffluentPct}%, the cut-off the text leaves open; read as ${affluent ? "affluent" : "less affluent"} (boundary mode "${mode}").` });
  }
  // F2: "at least 50 per cent or more" — inclusive.
  const rural = inputs.rural >= C.ruralPct;
  // F3, decision A2: "the cut off point between the two categories was seven" — 7 is changing unless exclusive.
  const changing = mode === "inclusive" ? inputs.a8 >= C.a8ChangingPer10k : inputs.a8 > C.a8ChangingPer10k;
  if (inputs.a8 === C.a8ChangingPer10k) {
    warnings.push({ code: "onCutoff", message: `A8 workers per 10,000 is exactly ${C.a8ChangingPer10k}, the cut-off the text leaves open; read as ${changing ? "changing" : "stable"} (boundary mode "${mode}").` });
  }

  // F4 applies only to stable less affluent urban areas (CDF: "in some urban areas"; decision A3).
  let decline: boolean | null = null;
  const describe = (): string[] => {
    const parts = [
      `NVQ4+ ${fmt(inputs.nvq4)}% ${affluent ? "≥" : "<"} ${C.nvq4AffluentPct} → ${affluent ? "affluent" : "less affluent"}`,
      `rural ${fmt(inputs.rural)}% ${rural ? "≥" : "<"} ${C.ruralPct} → ${rural ? "rural" : "urban"}`,
      `A8 ${fmt(inputs.a8)} per 10,000 ${changing ? "≥" : "<"} ${C.a8ChangingPer10k} → ${changing ? "changing" : "stable"}`,
    ];
    if (mode === "exclusive") {
      parts[0] = parts[0].replace("≥", ">").replace("<", "≤");
      parts[2] = parts[2].replace("≥", ">").replace("<", "≤");
    }

    if (decline !== null && jobs !== null && jobs !== undefined) {
      parts.push(`1984 coal+textiles+steel jobs ${fmt(jobs, 0)} ${decline ? "≥" : "<"} ${fmt(C.declineJobs1984, 0)} → ${decline ? "manufacturing decline" : "no manufacturing decline"}`);
    }
    return parts;
  };
  if (!rural && !affluent && !changing) {
    if (jobs === null || jobs === undefined) {
      return fail(
        "missing",
        `1984 coal, textiles and steel jobs are needed: the area is urban, less affluent and stable, so it is type 2 (≥1,000 jobs) or type 3 (fewer); ${describe().join("; ")}.`,
        "jobs1984",
      );
    }
    // "having 1,000 jobs or more across Coal, Textiles and Steel combined in 1984" — inclusive.
    decline = jobs >= C.declineJobs1984;
  }

  const row = TABLE_1.find((r) => r.rural === rural && r.affluent === affluent && r.changing === changing && r.decline === decline);
  /* istanbul ignore next -- Table 1 covers all nine combinations; guarded by a data test */
  if (!row) return fail("invalid", "No Table 1 row matches these factors (data error).");
  return ok(
    { type: row.type, row, factors: { affluent, rural, changing, decline } },
    () => `Type ${row.type} (${row.name}): ${describe().join("; ")}. CDF Part Two, Table 1.`,
    warnings,
  );
}

/** Table 1 row for a type number (1–9). */
export function typeInfo(type: number): Result<FamilyTypeRow> {
  const row = Number.isInteger(type) ? TABLE_1.find((r) => r.type === type) : undefined;
  if (!row) return fail("invalid", `Family type must be a whole number from 1 to 9; got ${String(type)}.`, "type");
  return ok(row, () => `Type ${row.type}: ${row.name}; average perception of cohesion ${row.average} (${row.areas} areas); ${row.band}. CDF Table 1.`);
}

/** A Table 1 row as a lookup shows it: a type's row, or the published total (no band, no group). */
export interface TypeInfoCell {
  type: FamilyType | "total";
  name: string;
  average: number;
  areas: number;
  /** The band's name, "" for the total. */
  band: string;
  /** Family group a–d, "" for types 5–9 and the total. */
  group: string;
}

/**
 * The Table 1 row for a cell as given: a type 1–9 (a number, or text holding one), or "total"
 * (any case) for the published total row, never recomputed (decision A8). Blank is "missing".
 * @see CDF Table 1
 * @example typeInfoCell("Total") //=> ok({ type: "total", name: "Total", average: 78.9, areas: 353, band: "", group: "" })
 */
export function typeInfoCell(raw: unknown): Result<TypeInfoCell> {
  if (typeof raw === "string" && raw.trim().toLowerCase() === "total") {
    const t = TABLE_1_TOTAL;
    return ok({ type: "total", name: "Total", average: t.average, areas: t.areas, band: "", group: "" }, () => `Total: average perception of cohesion ${t.average} (${t.areas} areas), as published. CDF Table 1.`);
  }
  const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw.trim()) : NaN;
  const info = typeInfo(n);
  if (!info.ok) return raw === null || raw === undefined || raw === "" ? fail("missing", 'Family type is blank; give 1–9 or "total".', "type") : info;
  const r = info.value;
  return ok({ type: r.type, name: r.name, average: r.average, areas: r.areas, band: r.band, group: r.group ?? "" }, info.explanation);
}

/**
 * Annex C family group for a type: a)–d) for types 1–4. Group e) ("tensions arising from a single
 * issue") is never inferred: only when the user asserts it for a type 5–9 area (decision A9).
 * Types 5–9 without the assertion have no family group (value null).
 * @see CDF Part Two ("a tenth category, of areas drawn from areas five to nine with poor cohesion owing to a single issue"), Annex C
 * @example familyGroupFor(3) //=> ok("c")
 * @example familyGroupFor(7, true) //=> ok("e")
 * @example familyGroupFor(7) //=> ok(null)
 */
export function familyGroupFor(type: number, singleIssueTension = false): Result<FamilyGroup | null> {
  const info = typeInfo(type);
  if (!info.ok) return info;
  const row = info.value;
  const group = row.group;
  if (group) {
    const warnings: Warning[] = singleIssueTension
      ? [{ code: "singleIssueIgnored", message: `A single-issue tension applies to types 5–9 only (thematic group e); type ${row.type} is family group ${group}).` }]
      : [];
    return ok(group, () => `Type ${row.type} → ${FAMILY_GROUPS[group].heading}. CDF Annex C.`, warnings);
  }
  if (singleIssueTension) {
    return ok("e" as const, () => `Type ${row.type} with a single-issue tension asserted by the user → ${FAMILY_GROUPS.e.heading}. CDF Annex C.`);
  }
  return ok(null, () => `Type ${row.type} (${row.name}) is a higher-cohesion type with no Annex C family group; group e) applies only if you assert a single-issue tension. CDF Part Two.`);
}
