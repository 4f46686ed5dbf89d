/**
 * The one question the pane asks before it writes over cells that are not empty (README "Nothing the user typed is
 * lost"): an alert dialog naming the cells, with Overwrite and Cancel. Cancel (or Escape) writes nothing.
 */
import * as React from "react";
import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Subtitle2 } from "@fluentui/react-components";

export interface ConfirmOverwriteProps {
  /** What would be overwritten (the tool's message naming the range or cells); null: the dialog is closed. */
  message: string | null;
  /** What Cancel leaves, or what to do instead. */
  detail: string;
  onOverwrite: () => void;
  onCancel: () => void;
}

export function ConfirmOverwrite({ message, detail, onOverwrite, onCancel }: ConfirmOverwriteProps) {
  return (
    <Dialog open={message !== null} modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Overwrite cells?</DialogTitle>
          <DialogContent>
            <Subtitle2 as="p">{message}</Subtitle2>
            <Body1 as="p">{detail}</Body1>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onOverwrite}>
              Overwrite
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
