/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges of mixed values; the engine reads them */
/**
 * Excel custom functions (namespace COHESION, from manifest.xml). Each one is an adapter:
 * read the arguments' shape, call src/engine, map failures to CustomFunctions.Error.
 * Every range argument accepts a single cell or a whole column and spills results of the same
 * shape in one call (one spilled formula instead of thousands avoids Excel's #BUSY! trap).
 * JSDoc here is the Excel contract: custom-functions-metadata-plugin turns it into functions.json.
 */
import {
  BASES,
  BOUNDARY_MODES,
  SCALES,
  TABLE_1_TOTAL,
  abgColumn,
  summarise,
  evaluateColumns,
  typeInfo,
  typologyColumn,
} from "../engine";
import { asMatrix, cells, commonShape, flatten, guard, invalidArgument, option, reshape, spill, toExcelError } from "./adapter";


function typology(nvq4: any[][], rural: any[][], a8: any[][], jobs1984: any[][] | null | undefined, singleIssue: any[][] | null | undefined, scale: string | null | undefined, boundaryMode: string | null | undefined) {
  const m = { nvq4: asMatrix(nvq4), rural: asMatrix(rural), a8: asMatrix(a8), jobs1984: asMatrix(jobs1984), singleIssue: asMatrix(singleIssue) };
  const shape = commonShape(m);
  const results = typologyColumn(flatten(m.nvq4, shape) ?? [null], flatten(m.rural, shape) ?? [null], flatten(m.a8, shape) ?? [null], flatten(m.jobs1984, shape), flatten(m.singleIssue, shape), {
    scale: option(scale, SCALES, "auto", "scale"),
    boundaryMode: option(boundaryMode, BOUNDARY_MODES, "inclusive", "boundaryMode"),
  });
  return { results, shape };
}

function abg(score: any[][], ci: any[][] | null | undefined, basis: string | null | undefined, scale: string | null | undefined) {
  const m = { score: asMatrix(score), ci: asMatrix(ci) };
  const shape = commonShape(m);
  const results = abgColumn(flatten(m.score, shape) ?? [null], flatten(m.ci, shape), {
    basis: option(basis, BASES, "point", "basis"),
    scale: option(scale, SCALES, "auto", "scale"),
  });
  return { results, shape };
}

/**
 * Family type 1–9 of the Commission's typology (CDF Table 1) from the four proxies. Accepts single cells or whole columns and spills the same shape.
 * @customfunction FAMILYTYPE
 * @helpurl https://localhost:3000/help.html#cohesionfamilytype
 * @param nvq4 NVQ level 4+ share of the working-age population, % (0–100, or 0–1 from a % cell). 25 or more is affluent.
 * @param rural Share of the district's population in rural settlements and larger market towns, % (0–100 or 0–1). 50 or more is rural.
 * @param a8 A8 workers per 10,000 population. 7 or more is changing.
 * @param [jobs1984] Coal + textiles + steel jobs combined in 1984. Needed only for stable less affluent urban areas (1,000 or more: type 2, else type 3).
 * @param [scale] "auto" (default: a range of values all within 0–1 is read as fractions), "percent" (0–100) or "fraction" (0–1).
 * @param [boundaryMode] "inclusive" (default: exactly 25% is affluent, exactly 7 is changing) or "exclusive".
 * @returns Family type 1–9 for each row.
 */
export function familyType(nvq4: any[][], rural: any[][], a8: any[][], jobs1984?: any[][], scale?: string, boundaryMode?: string): number[][] {
  return guard(() => {
    const { results, shape } = typology(nvq4, rural, a8, jobs1984, null, scale, boundaryMode);
    return spill(reshape(cells(results, (v) => v.type), shape));
  });
}

/**
 * Annex C family group a)–d) for types 1–4; e) only when you assert a single-issue tension for a type 5–9 area; empty otherwise.
 * @customfunction FAMILYGROUP
 * @helpurl https://localhost:3000/help.html#cohesionfamilygroup
 * @param nvq4 NVQ level 4+ share of the working-age population, % (0–100 or 0–1).
 * @param rural Share of the population in rural settlements and larger market towns, % (0–100 or 0–1).
 * @param a8 A8 workers per 10,000 population.
 * @param [jobs1984] Coal + textiles + steel jobs combined in 1984 (needed only for stable less affluent urban areas).
 * @param [singleIssue] TRUE if the area (type 5–9) has tensions arising from a single issue (thematic group e). Never inferred.
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @param [boundaryMode] "inclusive" (default) or "exclusive".
 * @returns "a" to "e", or "" when the type has no family group.
 */
export function familyGroup(nvq4: any[][], rural: any[][], a8: any[][], jobs1984?: any[][], singleIssue?: any[][], scale?: string, boundaryMode?: string): string[][] {
  return guard(() => {
    const { results, shape } = typology(nvq4, rural, a8, jobs1984, singleIssue, scale, boundaryMode);
    return spill(reshape(cells(results, (v) => v.group ?? ""), shape));
  });
}

/**
 * One line saying which typology rule fired with which inputs (and any warning), or why there is no result.
 * @customfunction FAMILYTYPE.EXPLAIN
 * @helpurl https://localhost:3000/help.html#cohesionfamilytypeexplain
 * @param nvq4 NVQ level 4+ share, % (0–100 or 0–1).
 * @param rural Rural share, % (0–100 or 0–1).
 * @param a8 A8 workers per 10,000 population.
 * @param [jobs1984] Coal + textiles + steel jobs combined in 1984.
 * @param [singleIssue] TRUE if a type 5–9 area has a single-issue tension.
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @param [boundaryMode] "inclusive" (default) or "exclusive".
 * @returns The explanation for each row.
 */
export function familyTypeExplain(nvq4: any[][], rural: any[][], a8: any[][], jobs1984?: any[][], singleIssue?: any[][], scale?: string, boundaryMode?: string): string[][] {
  return guard(() => {
    const { results, shape } = typology(nvq4, rural, a8, jobs1984, singleIssue, scale, boundaryMode);
    return reshape(
      results.map((r) =>
        r.ok ? [r.explanation, ...r.warnings.map((w) => `Warning: ${w.message}`)].join(" ") : `No result: ${r.error.message}`,
      ),
      shape,
    );
  });
}

const TYPE_FIELDS = ["name", "average", "areas", "band", "group"] as const;

/**
 * Table 1 context for a family type: name, average perception of cohesion, number of areas, band (or one of them). "total" gives the published total row (78.9, 353).
 * @customfunction TYPEINFO
 * @helpurl https://localhost:3000/help.html#cohesiontypeinfo
 * @param type Family type 1–9, or "total". A single cell or a column.
 * @param [field] "name", "average", "areas", "band" or "group". Without it, each type spills name, average, areas and band across four columns.
 * @returns Table 1 figures as published (CDF Table 1).
 */
export function typeInfoFn(type: any[][], field?: string): any[][] {
  return guard(() => {
    const m = asMatrix(type);
    if (!m) throw invalidArgument("type is required: a family type 1–9 or \"total\".");
    const shape = commonShape({ type: m });
    const f = field === null || field === undefined || String(field).trim() === "" ? null : option(field, TYPE_FIELDS, "name", "field");
    if (!f && shape.cols > 1) throw invalidArgument("With several columns of types, give a field: \"name\", \"average\", \"areas\", \"band\" or \"group\".");
    const values = flatten(m, shape) as unknown[];
    const rows = values.map((raw): (string | number | CustomFunctions.Error)[] => {
      if (typeof raw === "string" && raw.trim().toLowerCase() === "total") {
        const total: Record<(typeof TYPE_FIELDS)[number], string | number> = { name: "Total", average: TABLE_1_TOTAL.average, areas: TABLE_1_TOTAL.areas, band: "", group: "" };
        return f ? [total[f]] : [total.name, total.average, total.areas, total.band];
      }
      const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw.trim()) : NaN;
      const info = typeInfo(n);
      if (!info.ok) return [toExcelError(raw === null || raw === undefined || raw === "" ? { code: "missing", message: "Family type is blank; give 1–9 or \"total\"." } : info.error)];
      const r = info.value;
      const all = { name: r.name, average: r.average, areas: r.areas, band: r.band, group: r.group ?? "" };
      return f ? [all[f]] : [all.name, all.average, all.areas, all.band];
    });
    if (f) return reshape(rows.map((r) => r[0]), shape);
    // No field: one row of four per type (errors fill the row).
    return rows.map((r) => (r.length === 4 ? r : [r[0], r[0], r[0], r[0]]));
  });
}

/**
 * Area Based Grant cohesion band 1–5 from the "get on well together" score (0 = 75% or more, no band). Bands are [lower, upper): 55 is band 2.
 * @customfunction ABG.BAND
 * @helpurl https://localhost:3000/help.html#cohesionabgband
 * @param score % who agree people from different backgrounds get on well together (BVPI / NI 1), 0–100 or 0–1. A single cell or a column.
 * @param [ci] 95% confidence-interval half-width (±), same scale as the score. Needed for basis "lower"/"upper".
 * @param [basis] "point" (default: the score), "lower" (score − ci) or "upper" (score + ci).
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @returns Band 0–5 for each row.
 */
export function abgBandFn(score: any[][], ci?: any[][], basis?: string, scale?: string): number[][] {
  return guard(() => {
    const { results, shape } = abg(score, ci, basis, scale);
    return spill(reshape(cells(results, (v) => v.band), shape));
  });
}

/**
 * Area Based Grant cohesion allocation per authority in whole pounds: £660,000 / 540,000 / 410,000 / 280,000 / 150,000, or 0 at 75% or more.
 * @customfunction ABG.ALLOCATION
 * @helpurl https://localhost:3000/help.html#cohesionabgallocation
 * @param score % who agree people from different backgrounds get on well together, 0–100 or 0–1. A single cell or a column.
 * @param [ci] 95% confidence-interval half-width (±), same scale as the score.
 * @param [basis] "point" (default), "lower" (score − ci) or "upper" (score + ci).
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @returns Allocation in £ for each row (2008-2011 settlement; period split not stated).
 */
export function abgAllocationFn(score: any[][], ci?: any[][], basis?: string, scale?: string): number[][] {
  return guard(() => {
    const { results, shape } = abg(score, ci, basis, scale);
    return spill(reshape(cells(results, (v) => v.amountGbp), shape));
  });
}

const RANGE_OUTPUTS = ["bands", "uncertain", "min", "max"] as const;

/**
 * The ABG bands a score's confidence interval spans: "2–3" when it straddles a threshold, else the band.
 * @customfunction ABG.RANGE
 * @helpurl https://localhost:3000/help.html#cohesionabgrange
 * @param score % who agree people from different backgrounds get on well together, 0–100 or 0–1. A single cell or a column.
 * @param ci 95% confidence-interval half-width (±), same scale as the score.
 * @param [output] "bands" (default: text such as "2–3"), "uncertain" (TRUE/FALSE), "min" or "max" (the smallest or largest allocation in £ across the interval).
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @returns One value per row.
 */
export function abgRangeFn(score: any[][], ci: any[][], output?: string, scale?: string): any[][] {
  return guard(() => {
    const what = option(output, RANGE_OUTPUTS, "bands", "output");
    const { results, shape } = abg(score, ci, null, scale);
    return reshape(
      cells(results, (v) => (what === "bands" ? v.rangeText : what === "uncertain" ? v.uncertain : what === "min" ? v.amountMinGbp : v.amountMaxGbp)),
      shape,
    );
  });
}

/**
 * One line saying which ABG band rule fired with which inputs, and what the confidence interval does, or why there is no result.
 * @customfunction ABG.EXPLAIN
 * @helpurl https://localhost:3000/help.html#cohesionabgexplain
 * @param score % who agree people from different backgrounds get on well together, 0–100 or 0–1.
 * @param [ci] 95% confidence-interval half-width (±).
 * @param [basis] "point" (default), "lower" or "upper".
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @returns The explanation for each row.
 */
export function abgExplainFn(score: any[][], ci?: any[][], basis?: string, scale?: string): string[][] {
  return guard(() => {
    const { results, shape } = abg(score, ci, basis, scale);
    return reshape(
      results.map((r) => (r.ok ? [r.explanation, ...r.warnings.filter((w) => w.code !== "bandUncertain").map((w) => `Warning: ${w.message}`)].join(" ") : `No result: ${r.error.message}`)),
      shape,
    );
  });
}

/**
 * Summary of a column of scores: areas and £ per band, the total against the £34m ABG cohesion programme, and rows whose band is uncertain under the CI.
 * @customfunction ABG.SUMMARY
 * @helpurl https://localhost:3000/help.html#cohesionabgsummary
 * @param scores The column of "get on well together" scores.
 * @param [ci] The column of 95% CI half-widths (±), or one value for all.
 * @param [basis] "point" (default), "lower" or "upper".
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @returns A table: band, areas, £; then total, programme, share and uncertain rows.
 */
export function abgSummaryFn(scores: any[][], ci?: any[][], basis?: string, scale?: string): any[][] {
  return guard(() => {
    const m = { scores: asMatrix(scores), ci: asMatrix(ci) };
    const shape = commonShape(m);
    const n = shape.rows * shape.cols;
    const results = evaluateColumns({ score: flatten(m.scores, shape) ?? [], ci: flatten(m.ci, shape) ?? undefined }, n, {
      basis: option(basis, BASES, "point", "basis"),
      scale: option(scale, SCALES, "auto", "scale"),
    });
    const s = summarise(results);
    const rows: (string | number)[][] = [["ABG band", "Areas", "Allocation (£)"]];
    for (const b of s.byBand) rows.push([b.label, b.areas, b.amountGbp]);
    rows.push(["Total", s.byBand.reduce((a, b) => a + b.areas, 0), s.totalAllocationGbp]);
    rows.push(["£34m programme", "", s.programmeGbp]);
    rows.push(["Share of programme (%)", "", s.shareOfProgrammePct]);
    rows.push(["Rows with no band (bad or blank input)", s.rowsWithErrors, ""]);
    rows.push(["Rows whose band is uncertain under the CI", s.uncertainRows.length, ""]);
    return rows;
  });
}
