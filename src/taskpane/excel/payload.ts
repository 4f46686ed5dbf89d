/**
 * Request sizes. Excel on the web refuses a request (or a response) over 5 MB (5,242,880 bytes); the
 * pane aims at REQUEST_TARGET_BYTES = 1,000,000 bytes per request, a fifth of that.
 *
 * - Reads: rows per chunk = floor(1,000,000 / (columns read × bytes per cell)), starting at
 *   READ_BYTES_PER_CELL = 32 (a number such as 67.89123456789012 is 17 characters in JSON plus a
 *   separator; a short text fits too) and, after each chunk, raised to twice the largest average
 *   actually received, so long text cells shrink the next chunks. With 2 input columns and 4 output
 *   columns checked for foreign content that is 1,000,000 / (6 × 32) = 5,208 rows; all seven inputs
 *   and seven outputs give 2,232 rows.
 * - Writes: rows are added to a chunk while the chunk's JSON (UTF-8 bytes, an upper bound counted
 *   cell by cell: `cellBytes`) stays within 1,000,000 bytes, and while what the request reads back
 *   (the chunk's input cells, exactly as long as when they were read, and the cells it overwrites,
 *   reckoned as long as the new row) does too, so a chunk of long notes is cut early.
 * - Number formats: "£#,##0" is 12 bytes a row in JSON ("£" is 2 bytes in UTF-8), read back as
 *   well, so a request could carry 35,000 rows.
 * - Every chunk is capped at MAX_CHUNK_ROWS = 20,000 rows (Microsoft's "5k–20k rows" starting
 *   point), and computing is done COMPUTE_CHUNK_ROWS = 5,000 rows at a time (about 50 ms each),
 *   yielding to the event loop between chunks so the pane stays responsive and Cancel is heard.
 */

export const REQUEST_TARGET_BYTES = 1_000_000;
export const MAX_CHUNK_ROWS = 20_000;
export const COMPUTE_CHUNK_ROWS = 5_000;
export const READ_BYTES_PER_CELL = 32;

/** Upper bound of the UTF-8 bytes of a cell's JSON (a separator included). */
export function cellBytes(v: unknown): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "boolean") return 6;
  const s = String(v);
  let n = 3;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x20 ? 6 : c === 34 || c === 92 ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

/** Upper bound of the UTF-8 bytes of a block of cells' JSON. */
export function blockBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of rows) {
    n += 2;
    for (const v of row) n += cellBytes(v);
  }
  return n;
}

/** Lets the pane breathe between chunks: a zero-delay timeout. */
export const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
