/**
 * The toolkit's result block beside a table: which columns a run writes (only the tools whose inputs
 * were given), where they go when an earlier block is there, and how either tool — the command line
 * or the task pane — recognises a block written by the other (the workbook marker).
 *
 * Pure rules only: the command line (ExcelJS) and the task pane (Office.js) read and write the marker,
 * a workbook-level defined name (see `MARKER_PREFIX`), and hand what they read to these functions.
 */
import { OUTPUT_GROUPS, OUTPUT_HEADERS, rowCells, type Field, type OutputCell, type OutputGroup, type OutputHeader, type RowResult } from "./table";

/** The inputs that ask for each tool: any one of them mapped means the tool runs (and says what is missing). */
const ASKING_FIELDS: Record<OutputGroup, readonly Field[]> = {
  familyGroups: ["nvq4", "rural", "a8", "jobs1984", "singleissue"],
  grantBands: ["score", "ci"],
};

/**
 * The tools a table asks for, from the fields mapped: the family groups when any typology proxy is
 * there, the grant bands when a score (or a CI) is. A score-only table gets the ABG columns alone; a
 * proxies-only table no ABG columns.
 * @example groupsFor(["score", "ci"]) //=> ["grantBands"]
 */
export function groupsFor(fields: Iterable<Field>): OutputGroup[] {
  const have = new Set(fields);
  return (Object.keys(ASKING_FIELDS) as OutputGroup[]).filter((g) => ASKING_FIELDS[g].some((f) => have.has(f)));
}

/** The output columns of these tools, in OUTPUT_HEADERS order, with the shared Notes last. */
export function headersFor(groups: Iterable<OutputGroup>): OutputHeader[] {
  const g = new Set(groups);
  return OUTPUT_HEADERS.filter((h) => h === "Notes" || [...g].some((k) => OUTPUT_GROUPS[k].headers.includes(h)));
}

/** The tools whose columns these are (Notes belongs to none). */
export function groupsOfHeaders(headers: readonly string[]): OutputGroup[] {
  return (Object.keys(OUTPUT_GROUPS) as OutputGroup[]).filter((g) => OUTPUT_GROUPS[g].headers.some((h) => headers.includes(h)));
}

/** A row's cells for `headers` (a subset of OUTPUT_HEADERS, in its order). */
export function cellsFor(r: RowResult, headers: readonly OutputHeader[]): OutputCell[] {
  const all = rowCells(r);
  return headers.map((h) => all[OUTPUT_HEADERS.indexOf(h)]);
}

/** The blocks a run can write: all seven, or one tool's columns with Notes. */
export const VALID_BLOCKS: readonly (readonly OutputHeader[])[] = [headersFor(["familyGroups", "grantBands"]), headersFor(["familyGroups"]), headersFor(["grantBands"])];

/** True when `headers` (as read) are exactly one of the blocks a run writes. */
export function isValidBlock(headers: readonly string[]): headers is OutputHeader[] {
  return VALID_BLOCKS.some((b) => b.length === headers.length && b.every((h, k) => h === headers[k]));
}

/**
 * An earlier block found by its headers alone (a CSV, or a workbook without the marker): the widest
 * run of a valid block's headers side by side in a header row (0-based start), or null.
 */
export function findBlockByHeaders(headers: readonly string[]): { start: number; headers: OutputHeader[] } | null {
  const norm = headers.map((h) => String(h ?? "").trim());
  for (const block of VALID_BLOCKS) {
    for (let start = 0; start + block.length <= norm.length; start++) {
      if (block.every((h, k) => norm[start + k] === h)) return { start, headers: [...block] };
    }
  }
  return null;
}

export interface BlockPlan {
  /** 0-based column of the first output. */
  start: number;
  /** 0-based column of each wanted header. */
  columns: number[];
  /** Whether each output column is where the earlier block had it (same header). */
  reused: boolean[];
  /** 0-based columns of the earlier block that the new one does not cover: emptied (header included). */
  clear: number[];
}

/**
 * Where a run writes `wanted`, given the earlier block (if any) and the table's last used column
 * (0-based index one past it, `width`). The block is rewritten in place when it has room: it is the
 * same block, or it ends the row (nothing of the user's to its right), or the new block is narrower.
 * Otherwise the new block goes after the last used column and the earlier one is emptied. Never two
 * blocks: an earlier block's columns are either reused or cleared.
 */
export function planBlock(existing: { start: number; headers: readonly OutputHeader[] } | null, wanted: readonly OutputHeader[], width: number): BlockPlan {
  if (!existing) {
    return { start: width, columns: wanted.map((_, k) => width + k), reused: wanted.map(() => false), clear: [] };
  }
  const oldEnd = existing.start + existing.headers.length;
  const fits = wanted.length <= existing.headers.length || oldEnd >= width;
  const start = fits ? existing.start : width;
  const columns = wanted.map((_, k) => start + k);
  const reused = wanted.map((h, k) => existing.headers[columns[k] - existing.start] === h);
  const taken = new Set(columns);
  const clear = existing.headers.map((_, k) => existing.start + k).filter((c) => !taken.has(c));
  return { start, columns, reused, clear };
}
