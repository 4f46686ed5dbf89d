/**
 * Rows of a sheet → the area names and the indicator table that `nearestNeighbours` takes. One rule
 * for the command line and the task pane: a row without a name is not an area; a blank indicator
 * cell is missing; a cell that is not a number is missing too, and is listed so the caller can say so.
 */
import { isBlank, parseNumber } from "../input";

export interface IndicatorTable {
  names: string[];
  table: (number | null)[][];
  /** Cells read as missing because they are not numbers: data-row index (0-based) and column index. */
  notNumbers: { row: number; column: number }[];
}

/**
 * @param rows data rows (header excluded)
 * @param nameColumn column of the area names
 * @param indicatorColumns columns of the indicators, in order
 * @param read how a raw cell becomes what the engine reads (`value`) and an area's name (`name`); as given by default
 * @example indicatorTable([["A", 1, ""], ["", 2, 3], ["B", "x", 4]], 0, [1, 2]) //=> names ["A","B"], table [[1,null],[null,4]], notNumbers [{row: 2, column: 1}]
 */
export function indicatorTable(
  rows: readonly (readonly unknown[] | undefined)[],
  nameColumn: number,
  indicatorColumns: readonly number[],
  read: { value?: (v: unknown) => unknown; name?: (v: unknown) => string } = {},
): IndicatorTable {
  const cell = read.value ?? ((v: unknown) => v);
  const nameOf = read.name ?? ((v: unknown) => String(cell(v)));
  const out: IndicatorTable = { names: [], table: [], notNumbers: [] };
  rows.forEach((row, r) => {
    if (!row || isBlank(cell(row[nameColumn]))) return;
    out.names.push(nameOf(row[nameColumn]).trim());
    out.table.push(
      indicatorColumns.map((c) => {
        const v = cell(row[c]);
        if (isBlank(v)) return null;
        const p = parseNumber(v, "indicator", "indicator");
        if (p.ok) return p.value.value;
        out.notNumbers.push({ row: r, column: c });
        return null;
      }),
    );
  });
  return out;
}
