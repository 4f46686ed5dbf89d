/**
 * The Recs view's tracker sheet: one button writes it (a new sheet) or updates it in place (the engine's
 * columns only, rows matched by No.), the outcome with "Go to the tracker", and a confirmation naming the
 * cells of the tracker's own columns the user typed into before any of them is overwritten.
 */
import { Button, Caption1 } from "@fluentui/react-components";
import * as React from "react";
import { TRACKER_STATUSES, TRACKER_USER_COLUMNS } from "../../engine/recommendationTracker";
import type { TrackerOutcome, TrackerTools } from "../excel/tracker";
import { ConfirmOverwrite } from "./ConfirmOverwrite";
import { Outcome, type OutcomeMessage } from "./Outcome";

export function TrackerPanel({ tools }: { tools: TrackerTools | null }) {
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<OutcomeMessage | null>(null);
  const [confirm, setConfirm] = React.useState<Extract<TrackerOutcome, { status: "needsConfirmation" }> | null>(null);

  async function write(overwrite?: readonly string[]) {
    if (!tools) return;
    setBusy(true);
    try {
      const r = await tools.writeTracker(overwrite ? { overwrite } : {});
      if (r.status === "needsConfirmation") return void setConfirm(r);
      if (r.status === "error") return void setMessage({ intent: "error", text: r.message });
      const go = {
        label: "Go to the tracker",
        run: async () => {
          const e = await tools.goTo(r.address);
          if (e) setMessage({ intent: "error", text: e.error });
        },
      };
      setMessage({ intent: r.warning ? "warning" : "success", text: r.warning ? `${r.message} ${r.warning}` : r.message, actions: [go] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <Outcome message={message} />
      <Button appearance="primary" disabled={!tools || busy} onClick={() => void write()}>
        Write the tracker sheet
      </Button>
      <Caption1 as="p" block>
        {tools
          ? `A row per recommendation with its response, and ${TRACKER_USER_COLUMNS.join(", ")} for you (Status from a list: ${TRACKER_STATUSES.join(", ")}). Writing it again updates the documents' columns and keeps what you typed.`
          : "The tracker sheet needs Excel or the preview."}
      </Caption1>
      <ConfirmOverwrite
        message={confirm?.message ?? null}
        detail="Cancel leaves the tracker as it is."
        onOverwrite={() => {
          const c = confirm;
          setConfirm(null);
          if (c) void write(c.cells);
        }}
        onCancel={() => setConfirm(null)}
      />
    </div>
  );
}
