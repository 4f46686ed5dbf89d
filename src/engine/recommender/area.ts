/**
 * An area's profile from one row of the council's indicator table: its name, the typology and
 * score inputs (read with each column's scale, decision A7), its family type and group, the
 * indicator values the issue detector understands, and the table's median of each indicator
 * (the "workbook median" comparator). Used by the task pane's Action plan view.
 */
import { abgColumn, typologyColumn, type PercentOptions } from "../columns";
import type { FamilyGroup, FamilyType } from "../data/deliveryFramework2009/familyTypes";
import { parseNumber, type Scale } from "../input";
import { parsePercentColumn, type TableScales } from "../scale";
import { mapHeaders, normaliseHeader, scanColumnScales, type ColumnMapping } from "../table";
import { INDICATORS } from "../data/project/indicators";
import type { IndicatorId } from "./types";

/**
 * Header synonyms for the detector's indicators (matched like the input fields: case-insensitive,
 * letters and digits only). NI 1 is the table's score column.
 */
export const INDICATOR_SYNONYMS: Readonly<Partial<Record<IndicatorId, readonly string[]>>> = {
  ni2_belonging: ["ni 2", "ni2", "belonging", "belong", "belong to neighbourhood", "sense of belonging", "ni 2 belonging", "% belong"],
  ni4_influence: ["ni 4", "ni4", "influence", "influence decisions", "can influence decisions", "ni 4 influence"],
  meaningful_interaction: ["meaningful interaction", "interaction", "mixing", "meaningful interaction %"],
  respect_ethnic_difference: ["respect", "respect for ethnic difference", "respect ethnic difference"],
  views_on_migration: ["views on migration", "positive views on migration", "migration views"],
  trust_others: ["trust", "trust others", "trust of others", "trust in others", "people can be trusted"],
  trust_institutions: ["trust institutions", "trust in local institutions", "trust council", "trust local institutions"],
  fear_of_crime: ["fear of crime", "worry about crime", "feel unsafe", "feel unsafe after dark", "% fear crime"],
  // Higher is better here: never read as fear of crime (a safe area would be flagged, an unsafe one missed).
  feel_safe: ["feel safe", "feeling safe", "feel safe after dark", "feel safe outside after dark", "% feel safe", "whether people feel safe"],
  friends_other_ethnic: ["friends other ethnic", "friends in another ethnic group", "friends from other ethnic groups"],
  pulling_together: ["pulling together", "people pull together", "pull together"],
  formal_volunteering: ["formal volunteering", "volunteering", "volunteer"],
  area_quality: ["satisfaction with area", "satisfied with area", "area satisfaction"],
  facilities: ["satisfaction with facilities", "facilities", "local facilities"],
  crime_rate: ["crime rate", "crime per 1000", "crime per 1,000", "recorded crime"],
  asb_problem: ["asb", "anti social behaviour", "anti-social behaviour", "asb a problem", "antisocial behaviour"],
};

const INDICATOR_INDEX: Map<string, IndicatorId> = (() => {
  const m = new Map<string, IndicatorId>();
  for (const [id, list] of Object.entries(INDICATOR_SYNONYMS) as [IndicatorId, readonly string[]][]) for (const s of list) m.set(normaliseHeader(s), id);
  return m;
})();

/** Columns holding the detector's indicators (first match wins; the input fields are not taken). */
export function mapIndicatorHeaders(headers: readonly unknown[]): Partial<Record<IndicatorId, number>> {
  const out: Partial<Record<IndicatorId, number>> = {};
  headers.forEach((h, i) => {
    const id = INDICATOR_INDEX.get(normaliseHeader(h));
    if (id && out[id] === undefined) out[id] = i;
  });
  return out;
}

/** Median of the numbers in a list (blanks and non-numbers ignored); null when there are none. */
export function median(values: readonly number[]): number | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

export interface AreaProfile {
  name: string;
  /** Score (NI 1), 0–100, if present and valid. */
  score: number | null;
  familyType: FamilyType | null;
  familyGroup: FamilyGroup | null;
  /** Why there is no type, or warnings (text from the engine). */
  typeNote: string | null;
  /** Indicator values of this row (0–100 for percentages), NI 1 included when there is a score. */
  indicators: Partial<Record<IndicatorId, number>>;
  /** The table's median of each indicator column. */
  medians: Partial<Record<IndicatorId, number>>;
  /** Which header each indicator came from, for display. */
  sources: Partial<Record<IndicatorId, string>>;
  /** Cells that could not be read, with the reason. */
  problems: string[];
}

/**
 * @param headers the table's header row
 * @param rows the table's data rows
 * @param index which data row is the area (0-based)
 */
/**
 * The scale evidence of a table's score, NVQ4+ and rural columns, headers included (decision A7:
 * one decision for the table's percentages together), so a row is read as inside its table.
 */
export function tableScalesOf(
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  fields: ColumnMapping,
  scale: Scale = "auto",
  formats?: PercentOptions["formats"],
): TableScales {
  const col = (i: number | undefined) => (i === undefined ? undefined : rows.map((r) => r[i]));
  const head = (i: number | undefined) => (i === undefined ? null : String(headers[i] ?? ""));
  return scanColumnScales(
    { score: col(fields.score), nvq4: col(fields.nvq4), rural: col(fields.rural) },
    { scale, headers: { score: head(fields.score), nvq4: head(fields.nvq4), rural: head(fields.rural) }, formats },
  );
}

export function areaProfile(
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  index: number,
  options: { scale?: Scale; /** The score, NVQ4+ and rural cells' number formats, aligned with `rows` (a % format means a fraction, decision A7). */ formats?: PercentOptions["formats"] } = {},
): AreaProfile {
  const scale = options.scale ?? "auto";
  const fields = mapHeaders(headers);
  const row = rows[index] ?? [];
  const col = (i: number | undefined) => (i === undefined ? null : rows.map((r) => r[i]));
  const problems: string[] = [];
  const name = fields.name !== undefined ? String(row[fields.name] ?? "").trim() : "";
  const formats = options.formats;
  const tableScales = tableScalesOf(headers, rows, fields, scale, formats);

  let familyType: FamilyType | null = null;
  let familyGroup: FamilyGroup | null = null;
  let typeNote: string | null = null;
  if (fields.nvq4 !== undefined && fields.rural !== undefined && fields.a8 !== undefined) {
    // Read the whole columns with the table's scale (decision A7), then take this row.
    const t = typologyColumn(col(fields.nvq4)!, col(fields.rural)!, col(fields.a8)!, col(fields.jobs1984), col(fields.singleissue), { scale, tableScales, formats, where: "table" })[index];
    if (t && t.ok) {
      familyType = t.value.type;
      familyGroup = t.value.group;
      typeNote = t.warnings.length ? t.warnings.map((w) => w.message).join(" ") : null;
    } else if (t) typeNote = t.error.message;
  } else typeNote = "The table has no NVQ4+, rural and A8 columns, so the family type is not known; choose the group yourself.";

  const indicators: Partial<Record<IndicatorId, number>> = {};
  const medians: Partial<Record<IndicatorId, number>> = {};
  const sources: Partial<Record<IndicatorId, string>> = {};
  let score: number | null = null;
  if (fields.score !== undefined) {
    const a = abgColumn(col(fields.score)!, null, { scale, tableScales, formats, where: "table" });
    const s = a[index];
    if (s && s.ok) score = s.value.score;
    else if (s) problems.push(s.error.message);
    const scores = a.flatMap((r) => (r.ok ? [r.value.score] : []));
    const m = median(scores);
    if (score !== null) indicators.ni1_getonwell = score;
    if (m !== null) medians.ni1_getonwell = m;
    sources.ni1_getonwell = String(headers[fields.score]);
  }
  const units = new Map(INDICATORS.map((d) => [d.id, d.unit]));
  for (const [id, i] of Object.entries(mapIndicatorHeaders(headers)) as [IndicatorId, number][]) {
    if (Object.values(fields).includes(i)) continue;
    const c = col(i)!;
    const label = String(headers[i]);
    let values: (number | null)[];
    if (units.get(id) === "%") {
      values = parsePercentColumn(c, id, label, scale).results.map((r) => (r.ok ? r.value : null));
    } else {
      values = c.map((v) => {
        const p = parseNumber(v, id, label);
        return p.ok && !p.value.percentSign && p.value.value >= 0 ? p.value.value : null;
      });
    }
    const v = values[index];
    if (v !== null && v !== undefined) indicators[id] = v;
    else if (String(row[i] ?? "").trim() !== "") problems.push(`${label}: "${String(row[i])}" is not usable.`);
    const m = median(values.filter((x): x is number => x !== null));
    if (m !== null) medians[id] = m;
    sources[id] = label;
  }
  return { name, score, familyType, familyGroup, typeNote, indicators, medians, sources, problems };
}
