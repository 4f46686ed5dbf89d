import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";

/* global document, Office */

function render(host: string | null) {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

// Outside Office (a plain browser) Office.onReady resolves with host null; the pane then says so.
if (typeof Office !== "undefined") {
  Office.onReady((info) => render(info.host ? String(info.host) : null));
} else {
  render(null);
}
