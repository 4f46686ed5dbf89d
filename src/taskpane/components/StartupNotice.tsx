import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import type { StartupState } from "../startup";

export interface StartupControls {
  state: StartupState;
  /** The user has read the notice. */
  dismiss: () => Promise<void>;
  /** The user does not want this workbook to load the add-in when it opens. */
  stopLoading: () => Promise<void>;
}

/**
 * Said once per workbook, the first time the add-in runs in it: from now on the workbook loads the toolkit when it
 * opens, so its =COHESION formulas calculate without opening the pane (src/taskpane/startup.ts).
 */
export function StartupNotice({ startup }: { startup: StartupControls }) {
  const [state, setState] = React.useState(startup.state);
  const [error, setError] = React.useState<string | null>(null);
  const act = (fn: () => Promise<void>, next: StartupState) => () =>
    fn().then(
      () => setState(next),
      (e: unknown) => setError(`Not saved: ${e instanceof Error ? e.message : String(e)}`),
    );
  if (state.problem) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{state.problem}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!state.notice) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>This workbook now loads the toolkit when it opens</MessageBarTitle>
        Its =COHESION formulas will calculate as soon as you reopen it, without opening this pane (instead of showing #NAME?).
        {error && <div role="alert">{error}</div>}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={act(startup.dismiss, { ...state, notice: false })}>
          Got it
        </Button>
        <Button size="small" appearance="subtle" onClick={act(startup.stopLoading, { ...state, notice: false, loadsOnOpen: false })}>
          Don&apos;t load with this workbook
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
