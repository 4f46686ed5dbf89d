/**
 * The preview's data-type card (issue 16.1): when the selected cell holds an entity value (COHESION.AREA's
 * area card), "Show card of P3" at the grid's corner (or Ctrl+Shift+F5, Excel's shortcut) opens a card
 * over the grid, as Excel's does: the title, each section with its fields (name, value, and the source
 * Excel shows as the field's sublabel), lists one item per line, and the provider at the foot. Close (or
 * Escape) closes it. An `aside` labelled by its title; the fields are a description list per section.
 * Development only, like the rest of src/preview.
 */
import * as React from "react";
import { cardSections, cardTitle, type EntityValue } from "./entities";
import type { PreviewHost } from "./host";
import { parseAddress } from "./standIn/model";

/** One entity's card. */
export function AreaCardView({ entity, cell, onClose, autoFocus = false }: { entity: EntityValue; cell: string; onClose?: () => void; autoFocus?: boolean }) {
  const title = cardTitle(entity);
  const headingId = React.useId();
  const close = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => {
    if (autoFocus) close.current?.focus();
  }, [autoFocus]);
  return (
    <aside className="pv-card" aria-labelledby={headingId} data-cell={cell} onKeyDown={(e) => (e.key === "Escape" && onClose ? onClose() : undefined)}>
      <div className="pv-card-head">
        <h2 id={headingId} className="pv-card-title">
          {title}
        </h2>
        {onClose ? (
          <button ref={close} type="button" className="pv-button" onClick={onClose} aria-label={`Close the card of ${cell}`}>
            Close
          </button>
        ) : null}
      </div>
      <p className="pv-card-text">
        {cell}: {entity.text}
      </p>
      {cardSections(entity).map((s, i) => (
        <section key={i} className="pv-card-section" aria-label={s.title || undefined}>
          {s.title ? <h3 className="pv-card-section-title">{s.title}</h3> : null}
          <dl className="pv-card-fields">
            {s.fields.map((f) => (
              <div key={f.name} className="pv-card-field">
                <dt>
                  {f.name}
                  {f.sublabel ? <span className="pv-card-sublabel">{f.sublabel}</span> : null}
                </dt>
                <dd>
                  {Array.isArray(f.value) ? (
                    <ul>
                      {f.value.map((line, j) => (
                        <li key={j}>{line}</li>
                      ))}
                    </ul>
                  ) : (
                    f.value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {entity.provider?.description ? <p className="pv-card-provider">{entity.provider.description}</p> : null}
    </aside>
  );
}

/** Excel's shortcut for a data type's card: Ctrl+Shift+F5. */
const isShowCardKey = (e: KeyboardEvent) => e.key === "F5" && e.ctrlKey && e.shiftKey;

/**
 * The selected cell's data type, if it holds one: a small button at the grid's corner ("Show card", as
 * Excel's card icon in the cell) opens its card, as does Ctrl+Shift+F5; Close or Escape closes it and
 * gives the focus back to the button. Redrawn whenever the workbook or the selection changes.
 */
export function SelectedAreaCard({ host }: { host: PreviewHost }) {
  const [, redraw] = React.useReducer((n: number) => n + 1, 0);
  React.useEffect(() => host.subscribe(redraw), [host]);
  const [open, setOpen] = React.useState<string | null>(null);
  const opener = React.useRef<HTMLButtonElement>(null);
  const returnFocus = React.useRef(false);
  const sel = host.ready ? host.standIn.selection() : null;
  const rect = sel ? parseAddress(sel.address).rect : null;
  const entity = sel && rect ? host.entity(sel.sheet, rect.row, rect.column) : undefined;
  const cell = sel ? sel.address.split(":")[0] : "";
  const id = entity && sel ? `${sel.sheet}!${cell}|${entity.text}` : null;
  React.useEffect(() => {
    if (!id) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (!isShowCardKey(e)) return;
      e.preventDefault();
      setOpen(id);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [id]);
  React.useEffect(() => {
    if (returnFocus.current && opener.current) opener.current.focus();
    returnFocus.current = false;
  });
  if (!entity || !id) return null;
  if (open === id)
    return (
      <AreaCardView
        entity={entity}
        cell={cell}
        autoFocus
        onClose={() => {
          returnFocus.current = true;
          setOpen(null);
        }}
      />
    );
  return (
    <button ref={opener} type="button" className="pv-button pv-card-open" onClick={() => setOpen(id)} aria-keyshortcuts="Control+Shift+F5" title={`${cell}: ${entity.text} (Ctrl+Shift+F5)`}>
      Show card of {cell}
    </button>
  );
}
