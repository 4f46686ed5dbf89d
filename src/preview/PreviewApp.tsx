/**
 * The preview's workbook view: a toolbar (open, download, what this is), a formula bar, a sheet grid
 * that draws only the rows in view (so 30,000-row workbooks stay fast), sheet tabs and a status line.
 * Everything it shows is read from the stand-in's model on each redraw; edits go back through it.
 */
import * as React from "react";
import { columnLetters } from "./standIn";
import { MAX_COLUMNS, MAX_ROWS } from "../engine/a1";
import { PreviewHost } from "./host";
import { formatValue } from "./numberFormat";
import { ChartView } from "./ChartView";
import { chartBoxes, chartCorners } from "./chartBoxes";
import { OVERSCAN, ROW_H, ROW_HEAD_W, a1, cellClass, columnPx, inRect, parseA1, rectA1, type Rect } from "./gridGeometry";
import { editText, type Editing } from "./cellEdit";
import { PreviewToolbar } from "./PreviewToolbar";

/** `officeTheme`: the ?theme= the page was loaded with (officeThemes.ts); choosing another reloads the page with it. */
export function PreviewApp({ host, loadError, officeTheme = "colorful" }: { host: PreviewHost; loadError: string | null; officeTheme?: string }) {
  const [, setVersion] = React.useState(0);
  React.useEffect(() => host.subscribe(() => setVersion((v) => v + 1)), [host]);
  const [editing, setEditingState] = React.useState<Editing | null>(null);
  // Mirrors `editing` for the blur that follows Enter/Escape: by then the edit is over and must not commit again.
  const editingNow = React.useRef<Editing | null>(null);
  const setEditing = (e: Editing | null) => {
    editingNow.current = e;
    setEditingState(e);
  };
  const [message, setMessage] = React.useState<string | null>(null);
  const [scroll, setScroll] = React.useState({ top: 0, left: 0, height: 600, width: 800 });
  const scroller = React.useRef<HTMLDivElement>(null);
  const table = React.useRef<HTMLTableElement>(null);

  const x = host.standIn;
  const sel = x.selection();
  const sheetName = sel?.sheet ?? "";
  const sheet = x.model.sheet(sheetName);
  const selRect: Rect = sel ? parseA1(sel.address) : { row: 0, column: 0, rows: 1, columns: 1 };
  const active = { row: selRect.row, column: selRect.column };
  /** The selection now (event handlers may run before the next redraw). */
  const current = (): Rect => {
    const s = x.selection();
    return s ? parseA1(s.address) : selRect;
  };

  // A selection made elsewhere (the pane's Range.select, a sheet tab) is scrolled into view, as Excel does:
  // the block's top-left cell, and as much of the block as fits. Selections made in the grid are in view already.
  const selKey = sel ? `${sel.sheet}!${sel.address}` : "";
  React.useEffect(() => {
    const el = scroller.current;
    const now = x.selection();
    if (!el || !now) return;
    const r = parseA1(now.address);
    const w = (c: number) => columnPx(host, now.sheet, c);
    let left = 0;
    for (let c = 0; c < r.column; c++) left += w(c);
    let width = 0;
    for (let c = r.column; c < r.column + r.columns && width < el.clientWidth; c++) width += w(c);
    const viewW = el.clientWidth - ROW_HEAD_W;
    if (left < el.scrollLeft || left + Math.min(width, viewW) > el.scrollLeft + viewW) el.scrollLeft = Math.max(0, width <= viewW ? left + width - viewW : left);
    if (left < el.scrollLeft) el.scrollLeft = left;
    const top = r.row * ROW_H;
    const viewH = el.clientHeight - ROW_H;
    if (top < el.scrollTop || top + ROW_H > el.scrollTop + viewH) el.scrollTop = top;
  }, [selKey, host, x]);

  React.useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setScroll({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [host.ready]);

  if (!host.ready || !sheet) {
    return (
      <div className="pv-loading" role="status">
        {loadError ? `The preview could not start: ${loadError}` : "Loading the sample workbook…"}
      </div>
    );
  }

  const used = sheet.usedRect(false);
  // The grid reaches past the charts placed on the sheet, as it does past the used range.
  const chartEnds = chartCorners(sheet, used);
  const rowCount = Math.min(MAX_ROWS, Math.max(60, (used ? used.row + used.rows : 0) + 30, selRect.row + selRect.rows + 10, ...chartEnds.map((e) => e.row + 10)));
  const colCount = Math.min(MAX_COLUMNS, Math.max(14, (used ? used.column + used.columns : 0) + 4, selRect.column + selRect.columns + 2, ...chartEnds.map((e) => e.column + 2)));
  const colW = (c: number) => columnPx(host, sheetName, c);
  const first = Math.max(0, Math.floor(scroll.top / ROW_H) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((scroll.top + scroll.height) / ROW_H) + OVERSCAN);

  const spills = x.spills(sheetName).map((s) => ({ ...parseA1(s.anchor), rows: s.rows, columns: s.columns }));
  const activeSpill = spills.find((s) => inRect(s, active.row, active.column)) ?? null;

  const activeFormula = sheet.formula(active.row, active.column);
  const activeValue = sheet.value(active.row, active.column);
  const activeNote = host.note(sheetName, active.row, active.column);
  const barText = editing ? editing.text : editText(activeValue, activeFormula);

  // --- selection and editing -------------------------------------------------------------------

  function select(rect: Rect, keepEditing = false) {
    const r: Rect = {
      row: Math.max(0, Math.min(MAX_ROWS - 1, rect.row)),
      column: Math.max(0, Math.min(MAX_COLUMNS - 1, rect.column)),
      rows: Math.max(1, rect.rows),
      columns: Math.max(1, rect.columns),
    };
    x.select(sheetName, rectA1(r));
    if (!keepEditing) setEditing(null);
    host.changed(true);
  }

  function scrollIntoView(row: number, column: number) {
    const el = scroller.current;
    if (!el) return;
    const headH = ROW_H;
    const top = row * ROW_H;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_H > el.scrollTop + el.clientHeight - headH) el.scrollTop = top + ROW_H - el.clientHeight + headH;
    let left = 0;
    for (let c = 0; c < column; c++) left += colW(c);
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (left + colW(column) > el.scrollLeft + el.clientWidth - ROW_HEAD_W) el.scrollLeft = left + colW(column) - el.clientWidth + ROW_HEAD_W;
  }

  function moveTo(row: number, column: number) {
    const r = Math.max(0, Math.min(MAX_ROWS - 1, row));
    const c = Math.max(0, Math.min(MAX_COLUMNS - 1, column));
    select({ row: r, column: c, rows: 1, columns: 1 });
    scrollIntoView(r, c);
  }

  function commit(text: string) {
    if (editingNow.current && editingNow.current.original === text) {
      setEditing(null);
      return;
    }
    const { row, column } = current();
    host.forgetSaved(sheetName, row, column);
    // As Excel reads typed text: numbers, percentages, dates, TRUE/FALSE, "=…" formulas; an apostrophe keeps it text.
    x.enter(sheetName, row, column, text);
    setEditing(null);
    host.edited();
  }

  function clearSelection() {
    const rect = current();
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        host.forgetSaved(sheetName, r, c);
        x.setCell(sheetName, r, c, "");
      }
    host.edited();
  }

  function onGridKey(e: React.KeyboardEvent) {
    if (editing) return;
    const pageRows = Math.max(1, Math.floor(scroll.height / ROW_H) - 2);
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], PageUp: [-pageRows, 0], PageDown: [pageRows, 0] };
    const mv = moves[e.key];
    const now = current();
    if (mv) {
      e.preventDefault();
      if (e.shiftKey) {
        // extend from the selection's top-left cell (the active cell: the preview keeps it there)
        const endRow = Math.max(0, now.row + now.rows - 1 + mv[0]);
        const endCol = Math.max(0, now.column + now.columns - 1 + mv[1]);
        select({ row: now.row, column: now.column, rows: Math.max(1, endRow - now.row + 1), columns: Math.max(1, endCol - now.column + 1) });
        scrollIntoView(endRow, endCol);
      } else moveTo(now.row + mv[0], now.column + mv[1]);
      return;
    }
    if (e.key === "Home") {
      e.preventDefault();
      moveTo(e.ctrlKey ? 0 : now.row, 0);
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      setEditing({ text: editText(activeValue, activeFormula), original: editText(activeValue, activeFormula), where: "cell" });
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      clearSelection();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setEditing({ text: e.key, original: editText(activeValue, activeFormula), where: "cell" });
    }
  }

  function onEditKey(e: React.KeyboardEvent<HTMLInputElement>) {
    const now = current();
    if (e.key === "Enter") {
      e.preventDefault();
      commit(e.currentTarget.value);
      moveTo(now.row + (e.shiftKey ? -1 : 1), now.column);
      table.current?.focus();
    } else if (e.key === "Tab" && editing?.where === "cell") {
      e.preventDefault();
      commit(e.currentTarget.value);
      moveTo(now.row, now.column + (e.shiftKey ? -1 : 1));
      table.current?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      setEditing(null);
      table.current?.focus();
    }
  }

  function cellFrom(target: EventTarget | null): { row: number; column: number } | null {
    const td = (target as HTMLElement | null)?.closest?.("[data-r]") as HTMLElement | null;
    if (!td) return null;
    return { row: Number(td.dataset.r), column: Number(td.dataset.c) };
  }

  function onMouseDown(e: React.MouseEvent) {
    const hit = cellFrom(e.target);
    if (!hit) return;
    if ((e.target as HTMLElement).tagName === "INPUT") return;
    if (editingNow.current) commit(editingNow.current.text);
    if (hit.column < 0) {
      // a row number: the row across the used columns
      select({ row: hit.row, column: 0, rows: 1, columns: Math.max(1, used ? used.column + used.columns : 1) });
    } else if (e.shiftKey) {
      const r0 = Math.min(active.row, hit.row), c0 = Math.min(active.column, hit.column);
      select({ row: r0, column: c0, rows: Math.abs(hit.row - active.row) + 1, columns: Math.abs(hit.column - active.column) + 1 });
    } else select({ row: hit.row, column: hit.column, rows: 1, columns: 1 });
    e.preventDefault();
    table.current?.focus();
  }

  function onDoubleClick(e: React.MouseEvent) {
    const hit = cellFrom(e.target);
    if (!hit || hit.column < 0) return;
    const text = editText(sheet!.value(hit.row, hit.column), sheet!.formula(hit.row, hit.column));
    setEditing({ text, original: text, where: "cell" });
  }

  // --- drawing ----------------------------------------------------------------------------------

  const cols = Array.from({ length: colCount }, (_, c) => c);
  const totalW = ROW_HEAD_W + cols.reduce((n, c) => n + colW(c), 0);
  const rows: React.ReactNode[] = [];
  for (let r = first; r <= last; r++) {
    rows.push(
      <tr key={r} aria-rowindex={r + 2} style={{ height: ROW_H }}>
        <th scope="row" className={`pv-rowhead${r >= selRect.row && r < selRect.row + selRect.rows ? " pv-on" : ""}`} data-r={r} data-c={-1}>
          {r + 1}
        </th>
        {cols.map((c) => {
          const isActive = r === active.row && c === active.column;
          if (isActive && editing?.where === "cell") {
            return (
              <td key={c} id={`pv-cell-${r}-${c}`} className="pv-cell pv-active pv-editing" data-r={r} data-c={c} aria-colindex={c + 2}>
                <input
                  className="pv-editor"
                  aria-label={`Edit ${a1(r, c)}`}
                  autoFocus
                  value={editing.text}
                  onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                  onKeyDown={onEditKey}
                  onBlur={(e) => editingNow.current && commit(e.target.value)}
                />
              </td>
            );
          }
          const v = sheet.value(r, c);
          const text = formatValue(v, host.numberFormat(sheetName, r, c));
          const note = typeof v === "string" && v.startsWith("#") ? host.note(sheetName, r, c) : null;
          const error = note?.code !== undefined || (typeof v === "string" && /^#[A-Z/0-9]+[!?A]$/.test(v) && sheet.formula(r, c) !== undefined);
          const selected = inRect(selRect, r, c);
          const cls = cellClass(r, c, { number: typeof v === "number", error, selected, active: isActive, spill: activeSpill });
          return (
            <td key={c} id={`pv-cell-${r}-${c}`} className={cls} data-r={r} data-c={c} aria-colindex={c + 2} aria-selected={selected} title={note ? `${v}: ${note.text}` : undefined}>
              {text}
            </td>
          );
        })}
      </tr>,
    );
  }

  const charts = chartBoxes(host, sheetName, sheet, used, colW);
  const bookHasCharts = x.sheetNames().some((n) => (x.model.sheet(n)?.charts.length ?? 0) > 0);

  const status = activeNote
    ? `${a1(active.row, active.column)}: ${activeNote.code ? `${activeNote.code} — ` : ""}${activeNote.text}`
    : `Ready. ${host.lastRecalc.formulas} formula${host.lastRecalc.formulas === 1 ? "" : "s"} recalculated after the last change.`;

  return (
    <>
      <PreviewToolbar
        host={host}
        officeTheme={officeTheme}
        message={message}
        setMessage={setMessage}
        bookHasCharts={bookHasCharts}
        onOpened={() => {
          setEditing(null);
          if (scroller.current) scroller.current.scrollTop = 0;
        }}
      />
      <section className="pv-book-area" aria-label="Workbook">
        <div className="pv-formula-bar">
          <input className="pv-namebox" aria-label="Name box" readOnly value={sel ? rectA1(selRect) : ""} />
          <span className="pv-fx" aria-hidden="true">
            fx
          </span>
          <input
            className="pv-formula"
            aria-label="Formula bar"
            value={barText}
            onFocus={() => !editingNow.current && setEditing({ text: editText(activeValue, activeFormula), original: editText(activeValue, activeFormula), where: "bar" })}
            onChange={(e) => setEditing({ original: editText(activeValue, activeFormula), ...editingNow.current, text: e.target.value, where: "bar" })}
            onKeyDown={onEditKey}
            onBlur={(e) => editingNow.current?.where === "bar" && commit(e.target.value)}
          />
        </div>
        <div
          className="pv-scroller"
          ref={scroller}
          onScroll={(e) => {
            const el = e.currentTarget;
            setScroll({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
          }}
        >
          <table
            ref={table}
            className="pv-grid"
            role="grid"
            tabIndex={0}
            aria-label={`Sheet ${sheetName}`}
            aria-rowcount={rowCount + 1}
            aria-colcount={colCount + 1}
            aria-activedescendant={editing?.where === "cell" ? undefined : active.row >= first && active.row <= last ? `pv-cell-${active.row}-${active.column}` : undefined}
            style={{ width: totalW }}
            onKeyDown={onGridKey}
            onMouseDown={onMouseDown}
            onDoubleClick={onDoubleClick}
          >
            <colgroup>
              <col style={{ width: ROW_HEAD_W }} />
              {cols.map((c) => (
                <col key={c} style={{ width: colW(c) }} />
              ))}
            </colgroup>
            <thead>
              <tr aria-rowindex={1}>
                <td className="pv-corner" aria-colindex={1} />
                {cols.map((c) => (
                  <th key={c} scope="col" aria-colindex={c + 2} className={`pv-colhead${c >= selRect.column && c < selRect.column + selRect.columns ? " pv-on" : ""}`}>
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {first > 0 && (
                <tr className="pv-spacer" aria-hidden="true" style={{ height: first * ROW_H }}>
                  <td colSpan={colCount + 1} />
                </tr>
              )}
              {rows}
              {last < rowCount - 1 && (
                <tr className="pv-spacer" aria-hidden="true" style={{ height: (rowCount - 1 - last) * ROW_H }}>
                  <td colSpan={colCount + 1} />
                </tr>
              )}
            </tbody>
          </table>
          {charts.map((c) => (
            <div key={c.key} className="pv-chart" style={{ top: c.top, left: c.left, width: c.width, height: c.height }}>
              <ChartView id={`pv-chart-${c.key.replace(/[^A-Za-z0-9-]/g, "_")}`} data={c.data} width={c.width} height={c.height} format={(s, v) => formatValue(v, c.data.series[s]?.format)} />
            </div>
          ))}
        </div>
        <nav className="pv-tabs" aria-label="Sheets">
          {x.sheetNames().map((name) => (
            <button
              key={name}
              type="button"
              className={`pv-tab${name === sheetName ? " pv-tab-on" : ""}`}
              aria-current={name === sheetName ? "true" : undefined}
              onClick={() => {
                setEditing(null);
                x.activate(name);
                if (scroller.current) scroller.current.scrollTop = 0;
                host.changed(true);
              }}
            >
              {name}
            </button>
          ))}
        </nav>
        <p className={`pv-status${activeNote?.code ? " pv-status-error" : ""}`} role="status" aria-live="polite" title={`Last recalculation: ${host.lastRecalc.ms.toFixed(0)} ms`}>
          {status}
        </p>
      </section>
    </>
  );
}
