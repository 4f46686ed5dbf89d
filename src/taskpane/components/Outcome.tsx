import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";

/** An action on an outcome: e.g. "Go to results", which selects the block written. */
export interface OutcomeAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface OutcomeMessage {
  intent: "success" | "info" | "warning" | "error";
  text: string;
  /** Lines listed under the text (a stopped run: what was and was not written). */
  details?: string[];
  actions?: OutcomeAction[];
}

const useStyles = makeStyles({
  // Scrolled to with a little room above it; no outline when focused by the pane (not by the keyboard).
  root: { scrollMarginTop: tokens.spacingVerticalS, ":focus": { outlineStyle: "none" } },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The outcome of the last action, at the top of its view: a message bar with its actions ("Go to results"),
 * brought into view and given focus whenever a new outcome arrives, so that the user sees what happened
 * (and a keyboard or screen-reader user is taken to it) even when the button pressed was further down the pane.
 */
export function Outcome({ message }: { message: OutcomeMessage | null }) {
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const el = ref.current;
    if (!message || !el) return;
    el.focus?.({ preventScroll: true });
    el.scrollIntoView?.({ block: "nearest" });
  }, [message]);
  if (!message) return null;
  const { intent, text, details, actions } = message;
  return (
    <div ref={ref} tabIndex={-1} className={styles.root} data-outcome="">
      <MessageBar intent={intent} layout={actions?.length ? "multiline" : "auto"}>
        <MessageBarBody>
          {text}
          {details && (
            <ul className={styles.list}>
              {details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </MessageBarBody>
        {actions?.length ? (
          <MessageBarActions>
            {actions.map((a) => (
              <Button key={a.label} size="small" onClick={() => void a.run()}>
                {a.label}
              </Button>
            ))}
          </MessageBarActions>
        ) : null}
      </MessageBar>
    </div>
  );
}
