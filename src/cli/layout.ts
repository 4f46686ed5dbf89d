/**
 * Where things are in the input sheet: the header row (the first non-empty row, or for `apply` the
 * first of the top rows that names an input field, so a title row above is skipped), the data rows
 * (below it, to the last row with any value), the field → column mapping (the engine's header rule,
 * `matchHeaders`, overridden by --col), and where the output columns go (reused from an earlier run,
 * else appended after the last used column).
 */
import { columnLetter, FIELD_LABELS, findBlockByHeaders, HEADER_SEARCH_ROWS, INPUT_FIELDS, isHeaderRow, matchHeaders, normaliseHeader, OUTPUT_HEADERS, planBlock, type Field, type HeaderCandidate, type HeaderMatches, type OutputHeader } from "../engine";
import { cellText, engineValue, hasValue } from "./cells";
import { CliError } from "./errors";

/** Rows by 1-based row number (undefined = empty row); each row's cells 0-based (column A = 0). */
export type Grid = (readonly unknown[] | undefined)[];

export interface Layout {
  headerRow: number;
  /** Last data row (= headerRow when there are none). */
  lastRow: number;
  /** Last column (1-based) with any value, in any row. */
  lastCol: number;
  /** Header texts, 0-based, up to lastCol. */
  headers: string[];
  /** The output columns this run writes (OUTPUT_HEADERS order; only the tools whose inputs were found). */
  outputHeaders: OutputHeader[];
  /** 1-based column of each output, parallel to `outputHeaders`. */
  outputCols: number[];
  /** Whether each output column was already there (an earlier run). */
  reused: boolean[];
  /** 1-based columns of an earlier run's block that this run does not write: emptied, header included. */
  clearCols: number[];
  /** The earlier run's block (1-based columns, headers), when one was found. */
  earlier: { columns: number[]; headers: OutputHeader[] } | null;
  /** 1-based columns headed like an output but not part of an earlier run's block: the user's, left alone. */
  lookalikes: number[];
}

export interface FieldMapping {
  /** 0-based column of each mapped input field. */
  columns: Partial<Record<Field, number>>;
  /** Fields given with --col. */
  explicit: Set<Field>;
  /** The header rule's result for the other fields (scores, runner-up, ties), when it was run. */
  matches?: HeaderMatches;
}

/** Lists headers for a message: "Area" (A), "NI 1 %" (B) … */
export function listHeaders(headers: readonly string[]): string {
  const shown = headers.map((h, i) => (h.trim() ? `"${h.trim()}" (${columnLetter(i + 1)})` : null)).filter((x): x is string => x !== null);
  return shown.length ? shown.join(", ") : "(none)";
}


/** A row's header texts (0-based, trimmed), up to its last non-empty cell. */
function headerTexts(row: readonly unknown[] | undefined): string[] {
  const cells = row ?? [];
  let n = cells.length;
  while (n > 0 && !hasValue(cells[n - 1])) n--;
  return Array.from({ length: n }, (_, c) => cellText(cells[c]).trim());
}

/**
 * An earlier run's block in a header row (0-based columns), by the engine's rule `findBlockByHeaders`:
 * one of the blocks a run writes (all seven, or one tool's columns with Notes), headed exactly so and
 * side by side. A user's own column that merely shares a header ("Notes", "Family type") is never
 * taken over: `lookalikes` lists it (0-based), and the results go to new columns.
 */
function ownColumnsIn(headers: readonly string[]): { found: number[]; foundHeaders: OutputHeader[]; lookalikes: number[] } {
  const norm = headers.map(normaliseHeader);
  const want = OUTPUT_HEADERS.map(normaliseHeader);
  const block = findBlockByHeaders(headers);
  const found = block ? block.headers.map((_, k) => block.start + k) : [];
  const lookalikes = norm.flatMap((h, c) => (want.includes(h) && !found.includes(c) ? [c] : []));
  return { found, foundHeaders: block ? block.headers : [], lookalikes };
}

/**
 * True when a row can be the header row for these --col values: the engine's `isHeaderRow` on the
 * cells' values (formula results, rich text joined), counting a --col header as naming a field.
 */
export function namesAField(row: readonly unknown[] | undefined, cols: readonly string[]): boolean {
  const wanted = cols.map((c) => (c.includes("=") ? c.slice(c.indexOf("=") + 1) : "")).filter((h) => h.trim());
  return isHeaderRow((row ?? []).map(engineValue), wanted);
}

export interface HeaderFound {
  headerRow: number;
  /** Header texts, 0-based, up to the header row's last non-empty cell. */
  headers: string[];
  /** Enough of a Layout for `mapFields` (the output columns of an earlier run). */
  partial: Pick<Layout, "headers" | "outputCols" | "reused" | "lookalikes"> & { earlier: Layout["earlier"] };
}

/**
 * Finds the layout of a table fed to it one row at a time (row 1 first; `undefined` for an empty
 * row), so a million-row CSV is never held in memory. The header row is the first non-empty row,
 * or, when `cols` is given (`cohesion apply`), the first of the top HEADER_SEARCH_ROWS non-empty
 * rows that `namesAField` (so a title row, or a merged group header above the real headers, is
 * skipped); when none does, the first non-empty row. `onHeader` hears the header row once it is
 * known, and `onData` every row below it (with its row number), in order.
 */
export class LayoutScanner {
  private r = 0;
  private header: HeaderFound | null = null;
  private readonly candidates: { r: number; row: readonly unknown[] }[] = [];
  private lastCol = 0;
  private lastRow = 0;
  private ownIdx = new Set<number>();

  constructor(
    private readonly where: string,
    private readonly options: { cols?: readonly string[]; onHeader?: (h: HeaderFound) => void; onData?: (r: number, row: readonly unknown[] | undefined) => void } = {},
  ) {}

  /** Rows fed so far. */
  get rows(): number {
    return this.r;
  }

  push(row: readonly unknown[] | undefined): void {
    const r = ++this.r;
    if (this.header) {
      this.below(r, row);
      return;
    }
    if (!row || !row.some(hasValue)) return; // an empty row above the header (or among the candidates: it is replayed as nothing)
    this.candidates.push({ r, row });
    const cols = this.options.cols;
    if (cols === undefined) this.decide(0);
    else if (namesAField(row, cols)) this.decide(this.candidates.length - 1);
    else if (this.candidates.length >= HEADER_SEARCH_ROWS) this.decide(0);
  }

  private decide(k: number): void {
    const { r, row } = this.candidates[k];
    const headers = headerTexts(row);
    const { found, foundHeaders, lookalikes } = ownColumnsIn(headers);
    const earlier = found.length ? { columns: found.map((c) => c + 1), headers: foundHeaders } : null;
    this.header = { headerRow: r, headers, partial: { headers, outputCols: found.map((c) => c + 1), reused: found.map(() => true), lookalikes: lookalikes.map((c) => c + 1), earlier } };
    this.ownIdx = new Set(found);
    this.lastCol = headers.length;
    this.lastRow = r;
    this.options.onHeader?.(this.header);
    // Rows between the candidates were empty: only the later candidates are data.
    for (const c of this.candidates.slice(k + 1)) this.below(c.r, c.row);
    this.candidates.length = 0;
  }

  private below(r: number, row: readonly unknown[] | undefined): void {
    if (row) {
      let any = false;
      for (let c = row.length - 1; c >= 0; c--) {
        if (!hasValue(row[c])) continue;
        if (c + 1 > this.lastCol) this.lastCol = c + 1;
        if (!this.ownIdx.has(c)) {
          any = true;
          break;
        }
      }
      if (any) this.lastRow = r;
    }
    this.options.onData?.(r, row);
  }

  /**
   * The layout, with the output columns for `wanted` (default: all seven) placed by the engine's
   * `planBlock`: over an earlier run's block when it has room, else after the last used column (the
   * earlier block then emptied), so there is only ever one block. `earlier` overrides the block found
   * by headers (the workbook marker's block, 1-based columns).
   */
  finish(wanted: readonly OutputHeader[] = OUTPUT_HEADERS, earlier?: Layout["earlier"]): Layout {
    if (!this.header && this.candidates.length) this.decide(0);
    const h = this.header;
    if (!h) throw new CliError(`${this.where} is empty: no header row`);
    const headers = Array.from({ length: this.lastCol }, (_, c) => h.headers[c] ?? "");
    const block = earlier === undefined ? h.partial.earlier : earlier;
    const plan = planBlock(block ? { start: block.columns[0] - 1, headers: block.headers } : null, wanted, this.lastCol);
    const lookalikes = block === h.partial.earlier ? h.partial.lookalikes : h.partial.lookalikes.filter((c) => !block?.columns.includes(c));
    return {
      headerRow: h.headerRow,
      lastRow: this.lastRow,
      lastCol: this.lastCol,
      headers,
      outputHeaders: [...wanted],
      outputCols: plan.columns.map((c) => c + 1),
      reused: plan.reused,
      clearCols: plan.clear.map((c) => c + 1),
      earlier: block,
      lookalikes,
    };
  }
}

/**
 * The layout of a table held in memory (see LayoutScanner): without `cols` the header row is the
 * first non-empty row (`cohesion peers`); with `cols` (`cohesion apply`, even `[]`), the first of
 * the top rows that names an input field.
 */
export function findLayout(grid: Grid, where: string, cols?: readonly string[]): Layout {
  const scan = new LayoutScanner(where, { cols });
  for (let r = 1; r < grid.length; r++) scan.push(grid[r]);
  return scan.finish();
}

/** Parses one --col value, "FIELD=HEADER". */
export function parseColOption(text: string): { field: Field; header: string } {
  const eq = text.indexOf("=");
  const field = (eq < 0 ? text : text.slice(0, eq)).trim().toLowerCase() as Field;
  const header = eq < 0 ? "" : text.slice(eq + 1).trim();
  if (!INPUT_FIELDS.includes(field)) {
    throw new CliError(`--col ${JSON.stringify(text)}: FIELD must be one of ${INPUT_FIELDS.join(", ")} (as in --col score="NI 1 %")`);
  }
  if (!header) throw new CliError(`--col ${JSON.stringify(text)}: give the column's header after "=", as in --col ${field}="NI 1 %"`);
  return { field, header };
}

/**
 * Field → column: --col first (case-insensitive, exact after trimming), then the engine's header
 * rule (`matchHeaders`) for the other fields over the other columns, never taking a column already
 * given to another field or an output column. A field whose best columns tie is left unmapped.
 */
export function mapFields(layout: Pick<Layout, "headers" | "outputCols" | "reused">, cols: readonly string[], where: string): FieldMapping {
  const outputIdx = new Set(layout.outputCols.filter((_, k) => layout.reused[k]).map((c) => c - 1));
  const columns: Partial<Record<Field, number>> = {};
  const explicit = new Set<Field>();
  for (const text of cols) {
    const { field, header } = parseColOption(text);
    if (explicit.has(field)) throw new CliError(`--col ${field}= is given twice`);
    const want = header.toLowerCase();
    const idx = layout.headers.findIndex((h) => h.trim().toLowerCase() === want);
    if (idx < 0) throw new CliError(`--col ${field}="${header}": no column headed "${header}" in ${where}; its headers are ${listHeaders(layout.headers)}`);
    if (outputIdx.has(idx)) throw new CliError(`--col ${field}="${header}": "${layout.headers[idx]}" is an output column of this tool, not an input`);
    columns[field] = idx;
    explicit.add(field);
  }
  const matches = matchHeaders(layout.headers, { excludeColumns: [...Object.values(columns), ...outputIdx], skipFields: explicit });
  for (const field of INPUT_FIELDS) {
    const idx = matches[field].column;
    if (!explicit.has(field) && idx !== null) columns[field] = idx;
  }
  return { columns, explicit, matches };
}

export interface FieldSource {
  field: Field;
  label: string;
  column: string | null;
  header: string | null;
  explicit: boolean;
  /** Other columns headed like this field (duplicate headers): not used, the first one wins. */
  others: string[];
  /** The header rule's score (100 = a listed spelling exactly); null for --col or when not found. */
  score: number | null;
  /** The runner-up: another column for the field, or this column read as another field (for a field not found, the nearest miss). */
  runnerUp: (HeaderCandidate & { letter: string }) | null;
  /** Equal best matches, none taken: the field is not computed until one is named with --col. */
  tie: { score: number; candidates: (HeaderCandidate & { letter: string })[] } | null;
}

/** "score ← "NI 1 %" (column C)" lines, one per input field, with the other columns headed alike, the runner-up and ties. */
export function describeMapping(layout: Pick<Layout, "headers">, mapping: FieldMapping): FieldSource[] {
  const letter = (c: HeaderCandidate) => ({ ...c, letter: columnLetter(c.column + 1) });
  return INPUT_FIELDS.map((field) => {
    const idx = mapping.columns[field];
    const explicit = mapping.explicit.has(field);
    const m = explicit ? undefined : mapping.matches?.[field];
    const alike = (h: string, c: number) =>
      c !== idx && h.trim() !== "" && (explicit ? h.trim().toLowerCase() === layout.headers[idx as number].trim().toLowerCase() : (m?.alike ?? []).includes(c));
    return {
      field,
      label: FIELD_LABELS[field],
      column: idx === undefined ? null : columnLetter(idx + 1),
      header: idx === undefined ? null : layout.headers[idx],
      explicit,
      others: idx === undefined ? [] : layout.headers.flatMap((h, c) => (alike(h, c) && !Object.values(mapping.columns).includes(c) ? [columnLetter(c + 1)] : [])),
      score: m && m.column !== null ? m.score : null,
      runnerUp: m?.runnerUp ? letter(m.runnerUp) : null,
      tie: m?.ambiguous ? { score: m.ambiguous.score, candidates: m.ambiguous.candidates.map(letter) } : null,
    };
  });
}

/**
 * What stdout and the Summary sheet say besides a field's column: for a mapped field, the runner-up
 * ("next best: "X" (column D, score 36, used for ci)", or "" when there is none); for a tie, the
 * candidates and the --col that chooses one; for a field not found, its nearest miss.
 */
export function describeMatch(f: Pick<FieldSource, "field" | "column" | "runnerUp" | "tie">): string {
  const named = (c: HeaderCandidate & { letter: string }) => `"${c.header.trim()}" (column ${c.letter}${c.field !== f.field ? `, read as ${c.field}` : ""})`;
  if (f.tie) {
    const names = f.tie.candidates.map(named);
    const pick = f.tie.candidates.find((c) => c.field === f.field) ?? f.tie.candidates[0];
    return `not mapped: ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} match equally (score ${f.tie.score}); choose one with --col ${f.field}="${pick.header.trim()}"`;
  }
  const r = f.runnerUp;
  const used = r?.usedBy ? `, used for ${r.usedBy}` : "";
  if (f.column === null) return r ? `not found (not computed); nearest: "${r.header.trim()}" (column ${r.letter}, score ${r.score}${used})` : "not found (not computed)";
  if (!r) return "";
  return `next best: ${r.field === f.field ? `"${r.header.trim()}" (column ${r.letter}, score ${r.score}${used})` : `this column read as ${r.field} (score ${r.score})`}`;
}
