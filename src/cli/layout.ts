/**
 * Where things are in the input sheet: the header row (the first non-empty row), the data rows
 * (below it, to the last row with any value), the field → column mapping (the engine's synonyms via
 * `mapHeaders`, overridden by --col), and where the output columns go (reused from an earlier run,
 * else appended after the last used column).
 */
import { FIELD_LABELS, INPUT_FIELDS, mapHeaders, normaliseHeader, OUTPUT_HEADERS, type Field } from "../engine";
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
  /** 1-based column of each output, in OUTPUT_HEADERS order. */
  outputCols: number[];
  /** Whether each output column was already there (an earlier run). */
  reused: boolean[];
}

export interface FieldMapping {
  /** 0-based column of each mapped input field. */
  columns: Partial<Record<Field, number>>;
  /** Fields given with --col. */
  explicit: Set<Field>;
}

/** "A", "B", … "Z", "AA", … for a 1-based column number. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Lists headers for a message: "Area" (A), "NI 1 %" (B) … */
export function listHeaders(headers: readonly string[]): string {
  const shown = headers.map((h, i) => (h.trim() ? `"${h.trim()}" (${columnLetter(i + 1)})` : null)).filter((x): x is string => x !== null);
  return shown.length ? shown.join(", ") : "(none)";
}

export function findLayout(grid: Grid, where: string): Layout {
  let headerRow = 0;
  for (let r = 1; r < grid.length && !headerRow; r++) if (grid[r]?.some(hasValue)) headerRow = r;
  if (!headerRow) throw new CliError(`${where} is empty: no header row`);

  let lastCol = 0;
  for (let r = headerRow; r < grid.length; r++) {
    const row = grid[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= lastCol; c--) {
      if (hasValue(row[c])) {
        lastCol = c + 1;
        break;
      }
    }
  }
  const headerCells = grid[headerRow] ?? [];
  const headers = Array.from({ length: lastCol }, (_, c) => cellText(headerCells[c]).trim());

  // Output columns of an earlier run are reused. A lone "Notes" column is the user's own, not ours.
  const found = OUTPUT_HEADERS.map((h) => headers.findIndex((x) => normaliseHeader(x) === normaliseHeader(h)));
  const notes = OUTPUT_HEADERS.indexOf("Notes");
  if (found.every((c, k) => k === notes || c < 0)) found[notes] = -1;
  const reused = found.map((c) => c >= 0);
  let next = lastCol;
  const outputCols = found.map((c) => (c >= 0 ? c + 1 : ++next));

  const outputSet = new Set(found.filter((c) => c >= 0));
  let lastRow = headerRow;
  for (let r = grid.length - 1; r > headerRow; r--) {
    const row = grid[r];
    if (row && row.some((v, c) => !outputSet.has(c) && hasValue(v))) {
      lastRow = r;
      break;
    }
  }
  return { headerRow, lastRow, lastCol, headers, outputCols, reused };
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
 * Field → column: --col first (case-insensitive, exact after trimming), then the engine's synonyms
 * for the other fields, never taking a column already given to another field or an output column.
 */
export function mapFields(layout: Layout, cols: readonly string[], where: string): FieldMapping {
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
  const taken = new Set(Object.values(columns));
  const auto = mapHeaders(layout.headers);
  for (const field of INPUT_FIELDS) {
    const idx = auto[field];
    if (explicit.has(field) || idx === undefined || taken.has(idx) || outputIdx.has(idx)) continue;
    columns[field] = idx;
    taken.add(idx);
  }
  return { columns, explicit };
}

/** The engine's input columns (raw values of the data rows) for the mapped fields. */
export function inputColumns(grid: Grid, layout: Layout, mapping: FieldMapping): { columns: Partial<Record<Field, unknown[]>>; rowCount: number } {
  const rowCount = layout.lastRow - layout.headerRow;
  const columns: Partial<Record<Field, unknown[]>> = {};
  for (const [field, idx] of Object.entries(mapping.columns) as [Field, number][]) {
    const values = new Array<unknown>(rowCount);
    for (let i = 0; i < rowCount; i++) values[i] = engineValue(grid[layout.headerRow + 1 + i]?.[idx]);
    columns[field] = values;
  }
  return { columns, rowCount };
}

/** "score ← "NI 1 %" (column C)" lines, one per input field. */
export function describeMapping(layout: Layout, mapping: FieldMapping): { field: Field; label: string; column: string | null; header: string | null; explicit: boolean }[] {
  return INPUT_FIELDS.map((field) => {
    const idx = mapping.columns[field];
    return {
      field,
      label: FIELD_LABELS[field],
      column: idx === undefined ? null : columnLetter(idx + 1),
      header: idx === undefined ? null : layout.headers[idx],
      explicit: mapping.explicit.has(field),
    };
  });
}
