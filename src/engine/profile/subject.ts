/**
 * The area an Annex B profile is about, gathered from one row of the council's indicator table (or from
 * values typed as a one-row table): everything the profile sets beside the Annex B items, each piece from
 * the engine function that owns its rule. Nothing here decides a rule of its own:
 * - indicators, medians, family type and group: `areaProfile` (recommender/area.ts);
 * - the four typology proxies as the family-type rule read them: `typologyProxies` (recommender/plan.ts);
 * - the score's ABG band, allocation and band range across its confidence interval: `abgColumn` (columns.ts);
 * - nearest peers on the typology proxies: `indicatorTable` and `nearestNeighbours` (stats/).
 * @see CDF Annex B (pp. 27–32); GR ¶2.3; CDF Part Two, Table 1
 */
import type { AbgAssessment } from "../abg";
import { abgColumn, type PercentOptions } from "../columns";
import { isBlank, parseNumber, type Scale } from "../input";
import { areaProfile, tableScalesOf, type AreaProfile } from "../recommender/area";
import { typologyProxies, type PlanProxy } from "../recommender/plan";
import { nearestNeighbours, type Neighbour } from "../stats/nearestNeighbours";
import { indicatorTable } from "../stats/indicatorTable";
import { mapHeaders, normaliseHeader } from "../table";
import { fail, ok, type Result } from "../types";

/** How many peers the profile lists (this add-in's choice: enough to compare with, short enough to read in a cell). */
export const PROFILE_PEERS = 5;

/**
 * Headers of a survey's sample-size column (respondents), for the confidence interval of the area's survey
 * percentages: this add-in's list, matched like the other headers (case and punctuation ignored).
 */
export const SAMPLE_SIZE_HEADERS: readonly string[] = ["sample size", "n", "respondents", "base", "unweighted base", "sample", "number of respondents"];

export interface ProfileSubject {
  /** Where the values came from: "Table Indicators, row 5", "areas.csv, row 12", "typed into the task pane". */
  from: string;
  area: AreaProfile;
  proxies: readonly PlanProxy[];
  /** The score's ABG assessment (with its CI when the table has one); null without a usable score. */
  abg: AbgAssessment | null;
  /** The survey's sample size for this area, when the table has such a column and the cell is a number ≥ 1. */
  sampleSize: number | null;
  /** Data rows in the table the area was read from (1 for typed values: no median to compare with). */
  tableRows: number;
  /** The nearest areas on the typology proxies, or why there are none. */
  peers: { on: string[]; list: Neighbour[] } | { note: string };
}

export interface SubjectOptions {
  from?: string;
  scale?: Scale;
  /** The score, NVQ4+ and rural cells' number formats, aligned with `rows` (decision A7). */
  formats?: PercentOptions["formats"];
  /** How many peers (default PROFILE_PEERS). */
  k?: number;
}

function sampleSizeColumn(headers: readonly unknown[]): number | undefined {
  const wanted = new Set(SAMPLE_SIZE_HEADERS.map(normaliseHeader));
  const i = headers.findIndex((h) => wanted.has(normaliseHeader(h)));
  return i < 0 ? undefined : i;
}

/**
 * The subject of a profile from row `index` of a table (header row apart).
 * @example subjectFromTable(["Area", "Score", "CI"], [["Ashbury", 59, 2]], 0).abg.rangeText //=> "band 2 or band 3"
 */
export function subjectFromTable(headers: readonly unknown[], rows: readonly (readonly unknown[])[], index: number, options: SubjectOptions = {}): ProfileSubject {
  const scale = options.scale ?? "auto";
  const fields = mapHeaders(headers);
  const area = areaProfile(headers, rows, index, { scale, formats: options.formats });
  const proxies = typologyProxies(headers, rows, index, { scale, formats: options.formats });
  const row = rows[index] ?? [];

  let abg: AbgAssessment | null = null;
  if (fields.score !== undefined) {
    const scores = rows.map((r) => r[fields.score!]);
    const cis = fields.ci === undefined ? null : rows.map((r) => r[fields.ci!]);
    const tableScales = tableScalesOf(headers, rows, fields, scale, options.formats);
    const a = abgColumn(scores, cis, { scale, tableScales, formats: options.formats, where: "table" })[index];
    if (a && a.ok) abg = a.value;
    else if (a && !a.ok && !area.problems.includes(a.error.message)) area.problems.push(a.error.message);
  }

  let sampleSize: number | null = null;
  const nCol = sampleSizeColumn(headers);
  if (nCol !== undefined && !isBlank(row[nCol])) {
    const p = parseNumber(row[nCol], "sampleSize", String(headers[nCol]));
    if (p.ok && !p.value.percentSign && p.value.value >= 1) sampleSize = p.value.value;
    else area.problems.push(`${String(headers[nCol])}: "${String(row[nCol])}" is not a sample size (a number of respondents, 1 or more).`);
  }

  return { from: options.from ?? `row ${index + 1}`, area, proxies, abg, sampleSize, tableRows: rows.length, peers: peersOf(headers, rows, area.name, fields, options.k ?? PROFILE_PEERS) };
}

function peersOf(headers: readonly unknown[], rows: readonly (readonly unknown[])[], name: string, fields: ReturnType<typeof mapHeaders>, k: number): ProfileSubject["peers"] {
  if (fields.name === undefined) return { note: "No column of area names, so no peers." };
  const cols = (["nvq4", "rural", "a8", "jobs1984"] as const).flatMap((f) => (fields[f] === undefined ? [] : [fields[f]!]));
  if (cols.length === 0) return { note: "No typology proxy columns (NVQ4+, rural, A8, 1984 jobs), so no peers." };
  if (rows.length < 2) return { note: "One area only: peers need the other areas of a table." };
  if (!name) return { note: "The row has no area name, so no peers." };
  const { names, table } = indicatorTable(rows, fields.name, cols);
  if (new Set(names).size !== names.length) {
    const seen = new Set<string>();
    const dup = names.find((n) => (seen.has(n) ? true : (seen.add(n), false)));
    return { note: `The area name "${dup ?? ""}" is in more than one row, so peers cannot be found by name.` };
  }
  const r = nearestNeighbours(names, table, name, { k: Math.min(k, names.length - 1) });
  if (!r.ok) return { note: r.error.message };
  return { on: cols.map((c) => String(headers[c])), list: r.value };
}

/**
 * The row of the area called `name` (case and surrounding spaces ignored), or why there is none: no name
 * column, no such area (with the nearest spellings), or more than one row of that name.
 */
export function findAreaRow(headers: readonly unknown[], rows: readonly (readonly unknown[])[], name: string): Result<number> {
  const fields = mapHeaders(headers);
  if (fields.name === undefined) return fail("missing", `The table has no column of area names (a header such as "Area" or "Name"); its headers are ${headers.map((h) => `"${String(h)}"`).join(", ")}.`, "name");
  const want = name.trim().toLowerCase();
  if (!want) return fail("missing", "Give the area's name.", "area");
  const hits = rows.flatMap((r, i) => (String(r[fields.name!] ?? "").trim().toLowerCase() === want ? [i] : []));
  if (hits.length === 1) return ok(hits[0], `Area "${name.trim()}" is data row ${hits[0] + 1}.`);
  if (hits.length > 1) return fail("invalid", `The area "${name.trim()}" is in ${hits.length} rows (data rows ${hits.slice(0, 5).map((h) => h + 1).join(", ")}); names must be unique to choose one.`, "area");
  const names = rows.map((r) => String(r[fields.name!] ?? "").trim()).filter((n) => n !== "");
  const near = names.filter((n) => n.toLowerCase().includes(want) || want.includes(n.toLowerCase())).slice(0, 5);
  const hint = near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(", ")}?` : names.length ? ` The first areas are ${names.slice(0, 5).map((n) => `"${n}"`).join(", ")}.` : " The table has no area names.";
  return fail("notFound", `The area "${name.trim()}" is not in the table's "${String(headers[fields.name])}" column.${hint}`, "area");
}
