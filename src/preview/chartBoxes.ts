/**
 * Where the preview draws a sheet's charts over its grid: where the pane placed them (Chart.setPosition:
 * from the top-left of the first cell to the bottom-right of the second), else right of the used range.
 */
import { chartData, type ChartData } from "./ChartView";
import { ROW_H, ROW_HEAD_W, parseA1, type Rect } from "./gridGeometry";
import type { PreviewHost } from "./host";
import { formatValue } from "./numberFormat";
import type { SheetModel } from "./standIn/model";

export interface ChartBox {
  key: string;
  data: ChartData;
  /** Pixels from the grid's top-left corner (the column header row and the row numbers included). */
  top: number;
  left: number;
  width: number;
  height: number;
}

/** The bottom-right cell each chart reaches, so the grid draws rows and columns past the charts as it does past the used range. */
export function chartCorners(sheet: SheetModel, used: Rect | null): Rect[] {
  return sheet.charts.map((c) => (c.position ? parseA1(c.position[1] ?? c.position[0]) : { row: 15, column: (used ? used.column + used.columns : 0) + 8, rows: 1, columns: 1 }));
}

/** Each chart's data (read from the sheet's cells, as formatted) and its box in pixels. */
export function chartBoxes(host: PreviewHost, sheetName: string, sheet: SheetModel, used: Rect | null, colW: (column: number) => number): ChartBox[] {
  const left = (c: number) => ROW_HEAD_W + Array.from({ length: c }, (_, k) => colW(k)).reduce((n, w) => n + w, 0);
  return sheet.charts.map((c, i) => {
    const start = c.position ? parseA1(c.position[0]) : { row: 1, column: used ? used.column + used.columns + 1 : 1, rows: 1, columns: 1 };
    const end = c.position?.[1] ? parseA1(c.position[1]) : { row: start.row + 14, column: start.column + 7, rows: 1, columns: 1 };
    const data: ChartData = chartData(c, {
      value: (r, col) => sheet.value(r, col),
      text: (r, col) => formatValue(sheet.value(r, col), host.numberFormat(sheetName, r, col)),
      numberFormat: (r, col) => host.numberFormat(sheetName, r, col),
    });
    return {
      key: `${i}-${c.name}`,
      data,
      top: ROW_H + start.row * ROW_H,
      left: left(start.column),
      width: Math.max(160, left(end.column + 1) - left(start.column)),
      height: Math.max(120, (end.row + 1 - start.row) * ROW_H),
    };
  });
}
