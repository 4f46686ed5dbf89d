/**
 * The preview's data-type card (issue 16.1): when the selected cell holds an entity value (COHESION.AREA's
 * area card), a card beside the grid shows it as Excel's card does: the title, each section with its
 * fields (name, value, and the source Excel shows as the field's sublabel), lists one item per line, and
 * the provider at the foot. It opens when such a cell is selected (by click or keys), and Close (or
 * Escape) hides it until the selection moves. An `aside` labelled by its title; the fields are a
 * description list per section. Development only, like the rest of src/preview.
 */
import * as React from "react";
import { cardSections, cardTitle, type EntityValue } from "./entities";
import type { PreviewHost } from "./host";
import { parseAddress } from "./standIn/model";

/** One entity's card. */
export function AreaCardView({ entity, cell, onClose }: { entity: EntityValue; cell: string; onClose?: () => void }) {
  const title = cardTitle(entity);
  const headingId = React.useId();
  return (
    <aside className="pv-card" aria-labelledby={headingId} data-cell={cell} onKeyDown={(e) => (e.key === "Escape" && onClose ? onClose() : undefined)}>
      <div className="pv-card-head">
        <h2 id={headingId} className="pv-card-title">
          {title}
        </h2>
        {onClose ? (
          <button type="button" className="pv-button" onClick={onClose} aria-label={`Close the card of ${cell}`}>
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

/** The card of the selected cell's data type, if it holds one; redrawn whenever the workbook or the selection changes. */
export function SelectedAreaCard({ host }: { host: PreviewHost }) {
  const [, redraw] = React.useReducer((n: number) => n + 1, 0);
  React.useEffect(() => host.subscribe(redraw), [host]);
  const [closed, setClosed] = React.useState<string | null>(null);
  const sel = host.ready ? host.standIn.selection() : null;
  if (!sel) return null;
  const { rect } = parseAddress(sel.address);
  const entity = host.entity(sel.sheet, rect.row, rect.column);
  const cell = sel.address.split(":")[0];
  const id = `${sel.sheet}!${cell}|${entity?.text ?? ""}`;
  if (!entity || closed === id) return null;
  return <AreaCardView entity={entity} cell={cell} onClose={() => setClosed(id)} />;
}
