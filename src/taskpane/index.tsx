import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { createActionPlanTools, createAnalysisTools, createExcelTools } from "./excel";

/* global document, Office */

function render(host: string | null) {
  const container = document.getElementById("container");
  if (!container) return;
  // The workbook functions exist only inside Excel; the components get them as a prop.
  const tools = host === "Excel" ? createExcelTools() : null;
  const planTools = host === "Excel" ? createActionPlanTools() : null;
  const analysisTools = host === "Excel" ? createAnalysisTools() : null;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} tools={tools} planTools={planTools} analysisTools={analysisTools} />
    </FluentProvider>,
  );
}

// Outside Office (a plain browser) Office.onReady resolves with host null; the pane then says so.
if (typeof Office !== "undefined") {
  Office.onReady((info) => render(info.host ? String(info.host) : null));
} else {
  render(null);
}
