/**
 * An area's card (issue 16.1, `=COHESION.AREA`): what the framework says about one area, as named
 * fields in titled sections with their sources. Built only from the engine's own rules and data:
 * `typologyColumn` (family type and group, CDF Part Two, Table 1, Annex C), `abgColumn` (band,
 * allocation and CI range, GR ¶2.3, fn 6), the Annex C advice and the five universal actions (CDF §3.2).
 * No rule is restated here; this module only names and arranges what those give. The custom function
 * turns a card into an Excel entity value; the preview draws it. Kept light on purpose (the functions
 * load it at start): the typology and ABG core and two small data tables, not the recommender.
 */
import { abgColumn } from "./columns";
import { LABELS, SCALE_LABELS, typologyColumn, type PercentField, type TypologyCell } from "./columns";
import type { AbgAssessment, Basis } from "./abg";
import { FAMILY_GROUP_ADVICE } from "./data/deliveryFramework2009/familyGroupAdvice";
import { TABLE_1_TOTAL, TYPOLOGY_CAVEATS, TYPOLOGY_CUTOFFS, type FamilyType } from "./data/deliveryFramework2009/familyTypes";
import { UNIVERSAL_ACTIONS } from "./data/deliveryFramework2009/universal";
import { ABG_BANDS } from "./data/govResponse2008/abgBands";
import type { BoundaryMode } from "./familyType";
import { isBlank, type Scale } from "./input";
import { scanScales } from "./scale";
import { joinWarnings, ok, type Result, type Source, type Warning } from "./types";

/** A field's value: text, a number (with how to show it), a yes/no, or a list of lines. */
export type CardValue =
  | { kind: "text"; value: string }
  | { kind: "number"; value: number; format: "count" | "decimal" | "percent" | "gbp" }
  | { kind: "flag"; value: boolean }
  | { kind: "list"; value: readonly string[] };

/** One named field: its name is what a formula uses (`=A2.Band`, `=A2.[Type name]`). */
export interface CardField {
  name: string;
  value: CardValue;
  /** Where the value (or the rule that gave it) comes from. */
  source: Source;
}

export interface CardSection {
  title: string;
  /** Field names, in the order shown. */
  fields: readonly string[];
}

export interface AreaCard {
  /** What the cell shows: the family type and its Table 1 name. */
  text: string;
  /** The card's title: the area's name with its type when a name is given, else `text`. */
  title: string;
  type: FamilyType;
  fields: readonly CardField[];
  sections: readonly CardSection[];
  /** Every source the card cites, each once, in the order first cited. */
  sources: readonly Source[];
}

export interface AreaCardColumns {
  nvq4: readonly unknown[];
  rural: readonly unknown[];
  a8: readonly unknown[];
  jobs1984?: readonly unknown[] | null;
  score?: readonly unknown[] | null;
  ci?: readonly unknown[] | null;
  area?: readonly unknown[] | null;
  singleIssue?: readonly unknown[] | null;
}

export interface AreaCardOptions {
  scale?: Scale;
  boundaryMode?: BoundaryMode;
  basis?: Basis;
}

/** The field names, one place (a formula's `.Band` is this list's "Band"). */
export const AREA_CARD_FIELDS = {
  area: "Area",
  type: "Type",
  typeName: "Type name",
  average: "Table 1 average",
  areas: "Table 1 areas",
  cohesionBand: "Table 1 band",
  group: "Family group",
  worksWell: "Works well",
  worksLessWell: "Works less well",
  score: "Score",
  ci: "CI",
  band: "Band",
  allocation: "Allocation",
  range: "Band range",
  uncertain: "Band uncertain",
  allocationMin: "Allocation min",
  allocationMax: "Allocation max",
  actions: "Universal actions",
  rule: "Rule",
  caveat: "Caveat",
  sources: "Sources",
} as const;

const F = AREA_CARD_FIELDS;
const TABLE_1_SRC: Source = { doc: "CDF", ref: "Table 1" };
const UNIVERSAL_SRC: Source = UNIVERSAL_ACTIONS[0].source;
const CAVEAT_SRC: Source = TYPOLOGY_CUTOFFS.source;

/** A source as one short citation: "CDF Table 1"; this add-in's own (DECISION) as its words: "The area's name as given in the call". */
export const cite = (s: Source): string => (s.doc === "DECISION" ? s.ref.charAt(0).toUpperCase() + s.ref.slice(1) : `${s.doc} ${s.ref}`);

const text = (name: string, value: string, source: Source): CardField => ({ name, value: { kind: "text", value }, source });
const num = (name: string, value: number, format: "count" | "decimal" | "percent" | "gbp", source: Source): CardField => ({ name, value: { kind: "number", value, format }, source });
const list = (name: string, value: readonly string[], source: Source): CardField => ({ name, value: { kind: "list", value }, source });

/** The Table 1, Annex C and universal-action fields of one classified area (no ABG). */
function typologyFields(t: TypologyCell): { fields: CardField[]; sections: CardSection[] } {
  const row = t.row;
  const fields: CardField[] = [
    num(F.type, row.type, "count", TABLE_1_SRC),
    text(F.typeName, row.name, TABLE_1_SRC),
    num(F.average, row.average, "decimal", TABLE_1_SRC),
    num(F.areas, row.areas, "count", TABLE_1_SRC),
    text(F.cohesionBand, row.band, TABLE_1_SRC),
  ];
  const sections: CardSection[] = [{ title: `Family type (${cite(TABLE_1_SRC)}; the published total is ${TABLE_1_TOTAL.average} over ${TABLE_1_TOTAL.areas} areas)`, fields: [F.type, F.typeName, F.average, F.areas, F.cohesionBand] }];
  const advice = t.group ? FAMILY_GROUP_ADVICE[t.group] : null;
  if (advice) {
    fields.push(text(F.group, advice.heading, advice.source), list(F.worksWell, advice.worksWell, advice.source), list(F.worksLessWell, advice.worksLessWell, advice.source));
    sections.push({ title: `${advice.heading} (${cite(advice.source)})`, fields: [F.group, F.worksWell, F.worksLessWell] });
  } else {
    // Types 5–9 without an asserted single-issue tension: no group (decision A9), said in the card.
    fields.push(text(F.group, `None: type ${row.type} is a higher-cohesion type; thematic group e) applies only if you assert a single-issue tension (singleIssue TRUE)`, FAMILY_GROUP_ADVICE.e.source));
    sections.push({ title: `Family group (CDF Annex C)`, fields: [F.group] });
  }
  return { fields, sections };
}

/** The ABG fields of one assessed score. */
function abgFields(a: AbgAssessment): { fields: CardField[]; section: CardSection } {
  const src = ABG_BANDS.source;
  const ciSrc: Source = { doc: "GR", ref: "¶2.3, fn 6" };
  const fields: CardField[] = [num(F.score, a.score, "percent", src), num(F.band, a.band, "count", src), num(F.allocation, a.amountGbp, "gbp", src)];
  const names: string[] = [F.score, F.band, F.allocation];
  if (a.ci !== null) {
    fields.push(
      num(F.ci, a.ci, "percent", ciSrc),
      text(F.range, a.rangeText, ciSrc),
      { name: F.uncertain, value: { kind: "flag", value: a.uncertain }, source: ciSrc },
      num(F.allocationMin, a.amountMinGbp, "gbp", ciSrc),
      num(F.allocationMax, a.amountMaxGbp, "gbp", ciSrc),
    );
    names.splice(1, 0, F.ci);
    names.push(F.range, F.uncertain, F.allocationMin, F.allocationMax);
  }
  return { fields, section: { title: `Area Based Grant (${cite(src)}; ${ABG_BANDS.appliesTo})`, fields: names } };
}

/** Assembles one card from the engine's answers for a row. */
function card(t: TypologyCell, typologyRule: string, a: { value: AbgAssessment; explanation: string } | null, area: string | null): AreaCard {
  const { fields, sections } = typologyFields(t);
  if (area) fields.unshift(text(F.area, area, { doc: "DECISION", ref: "the area's name as given in the call" }));
  if (area) sections[0] = { ...sections[0], fields: [F.area, ...sections[0].fields] };
  if (a) {
    const abg = abgFields(a.value);
    fields.push(...abg.fields);
    sections.push(abg.section);
  }
  fields.push(list(F.actions, UNIVERSAL_ACTIONS.map((u) => `${u.code} ${u.title}`), UNIVERSAL_SRC));
  sections.push({ title: `The five actions every area should consider (${cite(UNIVERSAL_SRC)})`, fields: [F.actions] });
  fields.push(text(F.rule, a ? `${typologyRule} ${a.explanation}` : typologyRule, CAVEAT_SRC));
  fields.push(text(F.caveat, `"${TYPOLOGY_CAVEATS.noLabelling}" (${TYPOLOGY_CAVEATS.sources.map(cite).join("; ")})`, TYPOLOGY_CAVEATS.sources[1]));
  const sources: Source[] = [];
  const seen = new Set<string>();
  for (const f of fields)
    if (f.source.doc !== "DECISION" && !seen.has(cite(f.source))) {
      seen.add(cite(f.source));
      sources.push(f.source);
    }
  for (const s of TYPOLOGY_CAVEATS.sources) if (!seen.has(cite(s)) && seen.add(cite(s))) sources.push(s);
  fields.push(list(F.sources, sources.map(cite), { doc: "DECISION", ref: "the card's sources" }));
  sections.push({ title: "How it was worked out, and the sources", fields: [F.rule, F.caveat, F.sources] });
  const typeText = `Type ${t.row.type}: ${t.row.name}`;
  return { text: typeText, title: area ? `${area}: type ${t.row.type}` : typeText, type: t.row.type, fields, sections, sources };
}

/**
 * One card per row. `nvq4`, `rural`, `a8` are required columns of one length; the others may be
 * absent (null) or have blank cells: a blank score gives a card without the ABG section, a blank area
 * a card titled by its type. The call's percentages (NVQ4+ share, rural share, score) are read on ONE
 * scale (decision A7), as each function does with its own. A row's failure (a blank or bad proxy, a
 * bad score or CI) is that row's Fail, with the engine's message.
 * @see CDF Part Two, Table 1, Annex C, §3.2; GR ¶2.3, fn 6
 */
export function areaCardColumn(c: AreaCardColumns, options: AreaCardOptions = {}): Result<AreaCard>[] {
  const scale = options.scale ?? "auto";
  const pct = (field: PercentField, raws: readonly unknown[] | null | undefined) => (raws ? [{ field, label: SCALE_LABELS[field], raws }] : []);
  const tableScales = scanScales([...pct("score", c.score), ...pct("nvq4", c.nvq4), ...pct("rural", c.rural)], { scale });
  const types = typologyColumn(c.nvq4, c.rural, c.a8, c.jobs1984 ?? null, c.singleIssue ?? null, { scale, boundaryMode: options.boundaryMode, tableScales });
  // Rows whose score is blank get no ABG (a blank is "no score", not an error, for a card); the others are assessed.
  const scores = c.score ?? null;
  const abg = scores ? abgColumn(scores.map((s) => (isBlank(s) ? 0 : s)), c.ci ?? null, { scale, basis: options.basis, tableScales }) : null;
  return types.map((t, i): Result<AreaCard> => {
    if (!t.ok) return t;
    const hasScore = !!scores && !isBlank(scores[i]);
    if (!hasScore && c.ci && !isBlank(c.ci[i])) return { ok: false, error: { code: "missing", message: `${LABELS.score} is blank but a confidence interval is given; give the score too, or leave the CI blank.`, field: "score" } };
    const a = hasScore ? abg![i] : null;
    if (a && !a.ok) return a;
    const areaRaw = c.area?.[i];
    const area = isBlank(areaRaw) ? null : String(areaRaw).trim();
    const warnings: Warning[] = joinWarnings(t.warnings, a && a.ok ? a.warnings : []);
    const built = card(t.value, t.explanation, a && a.ok ? { value: a.value, explanation: a.explanation } : null, area);
    return ok(built, () => `${built.text}. ${t.explanation}${a && a.ok ? ` ${a.explanation}` : ""}`, warnings);
  });
}

/** A card's field by name (case-insensitive, as Excel's `.Field` is), or undefined. */
export function cardField(c: AreaCard, name: string): CardField | undefined {
  const n = name.trim().toLowerCase();
  return c.fields.find((f) => f.name.toLowerCase() === n);
}
