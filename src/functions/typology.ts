/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges of mixed values; the engine reads them */
/**
 * The typology's functions: FAMILYTYPE, FAMILYGROUP, FAMILYTYPE.EXPLAIN and TYPEINFO (CDF Table 1).
 * Each is a declaration for the generic adapter (./adapter.ts); the JSDoc is the Excel contract (functions.json).
 */
import {
  isBlank,
  BOUNDARY_MODES,
  SCALES,
  typeInfoCell,
  typologyColumn,
  type Result,
  type TypeInfoCell,
  type TypologyCell,
} from "../engine";
import { excelFunction, explained, invalidArgument, option, perCell, perRow, type Spill } from "./adapter";

/** FAMILYTYPE, FAMILYGROUP, FAMILYTYPE.EXPLAIN: the typology of each row, spilled by `spill`. */
function typology<T>(ranges: { nvq4: unknown; rural: unknown; a8: unknown; jobs1984: unknown; singleIssue?: unknown }, scale: unknown, boundaryMode: unknown, spill: Spill<Result<TypologyCell>[], T>): T[][] {
  return excelFunction({
    ranges,
    required: { nvq4: true, rural: true, a8: true },
    args: () => ({ scale: option(scale, SCALES, "auto", "scale"), boundaryMode: option(boundaryMode, BOUNDARY_MODES, "inclusive", "boundaryMode") }),
    engine: ({ columns: c }, o) => typologyColumn(c.nvq4 ?? [null], c.rural ?? [null], c.a8 ?? [null], c.jobs1984, c.singleIssue ?? null, o),
    spill,
  });
}

/**
 * Family type 1–9 of the Commission's typology (CDF Table 1) from the four proxies. Accepts single cells or whole columns and spills the same shape.
 * @customfunction FAMILYTYPE
 * @helpurl https://localhost:3000/functions.html#cohesionfamilytype
 * @param nvq4 NVQ level 4+ share of the working-age population, % (0–100, or 0–1 from a % cell). 25 or more is affluent.
 * @param rural Share of the district's population in rural settlements and larger market towns, % (0–100 or 0–1). 50 or more is rural.
 * @param a8 A8 workers per 10,000 population. 7 or more is changing.
 * @param [jobs1984] Coal + textiles + steel jobs combined in 1984. Needed only for stable less affluent urban areas (1,000 or more: type 2, else type 3).
 * @param [scale] "auto" (default: nvq4 and rural are read together: any value above 1 means all are 0–100, else all are fractions, flagged in EXPLAIN), "percent" (0–100) or "fraction" (0–1).
 * @param [boundaryMode] "inclusive" (default: exactly 25% is affluent, exactly 7 is changing) or "exclusive".
 * @returns Family type 1–9 for each row.
 */
export function familyType(nvq4: any[][], rural: any[][], a8: any[][], jobs1984?: any[][], scale?: string, boundaryMode?: string): number[][] {
  return typology({ nvq4, rural, a8, jobs1984 }, scale, boundaryMode, perCell((v) => v.type));
}

/**
 * Annex C family group a)–d) for types 1–4; e) only when you assert a single-issue tension for a type 5–9 area; empty otherwise.
 * @customfunction FAMILYGROUP
 * @helpurl https://localhost:3000/functions.html#cohesionfamilygroup
 * @param nvq4 NVQ level 4+ share of the working-age population, % (0–100 or 0–1).
 * @param rural Share of the population in rural settlements and larger market towns, % (0–100 or 0–1).
 * @param a8 A8 workers per 10,000 population.
 * @param [jobs1984] Coal + textiles + steel jobs combined in 1984 (needed only for stable less affluent urban areas).
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @param [boundaryMode] "inclusive" (default) or "exclusive".
 * @param [singleIssue] TRUE if the area (type 5–9) has tensions arising from a single issue (thematic group e). Never inferred.
 * @returns "a" to "e", or "" when the type has no family group.
 */
export function familyGroup(nvq4: any[][], rural: any[][], a8: any[][], jobs1984?: any[][], scale?: string, boundaryMode?: string, singleIssue?: any[][]): string[][] {
  return typology({ nvq4, rural, a8, jobs1984, singleIssue }, scale, boundaryMode, perCell((v) => v.group ?? ""));
}

/**
 * One line saying which typology rule fired with which inputs (and any warning), or why there is no result.
 * @customfunction FAMILYTYPE.EXPLAIN
 * @helpurl https://localhost:3000/functions.html#cohesionfamilytypeexplain
 * @param nvq4 NVQ level 4+ share, % (0–100 or 0–1).
 * @param rural Rural share, % (0–100 or 0–1).
 * @param a8 A8 workers per 10,000 population.
 * @param [jobs1984] Coal + textiles + steel jobs combined in 1984.
 * @param [scale] "auto" (default), "percent" or "fraction".
 * @param [boundaryMode] "inclusive" (default) or "exclusive".
 * @param [singleIssue] TRUE if a type 5–9 area has a single-issue tension.
 * @returns The explanation for each row.
 */
export function familyTypeExplain(nvq4: any[][], rural: any[][], a8: any[][], jobs1984?: any[][], scale?: string, boundaryMode?: string, singleIssue?: any[][]): string[][] {
  return typology({ nvq4, rural, a8, jobs1984, singleIssue }, scale, boundaryMode, explained());
}

const TYPE_FIELDS = ["name", "average", "areas", "band", "group"] as const;
type TypeField = (typeof TYPE_FIELDS)[number];

/**
 * Table 1 context for a family type: name, average perception of cohesion, number of areas, band (or one of them). "total" gives the published total row (78.9, 353).
 * @customfunction TYPEINFO
 * @helpurl https://localhost:3000/functions.html#cohesiontypeinfo
 * @param type Family type 1–9, or "total". A single cell or a column.
 * @param [field] "name", "average", "areas", "band" or "group". Without it, each type spills name, average, areas and band across four columns.
 * @returns Table 1 figures as published (CDF Table 1).
 */
export function typeInfoFn(type: any[][], field?: string): any[][] {
  return excelFunction({
    ranges: { type },
    required: { type: 'type is required: a family type 1–9 or "total".' },
    args: ({ shape }): TypeField | null => {
      const f = isBlank(field) ? null : option(field, TYPE_FIELDS, "name", "field");
      if (!f && shape.cols > 1) throw invalidArgument('With several columns of types, give a field: "name", "average", "areas", "band" or "group".');
      return f;
    },
    engine: ({ columns }) => (columns.type ?? []).map(typeInfoCell),
    // A field: one value per type, in the types' shape. None: one row of four per type (errors fill the row).
    spill: (results, shape, f) => (f ? perCell((v: TypeInfoCell) => v[f])(results, shape, f) : perRow(() => 4, (v: TypeInfoCell) => [v.name, v.average, v.areas, v.band])(results, shape, f)),
  });
}
