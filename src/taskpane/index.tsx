import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import type { ActionPlanTools, ExcelTools, TrackerTools } from "./excel";
import type { AnalysisTools } from "./components/Analysis";
import { lazyTools } from "./lazyTools";
import { PaneThemeProvider } from "./PaneThemeProvider";
import { dismissNotice, prepareWorkbook, stopLoadingOnOpen, type StartupState } from "./startup";

/* global document, Office */

function render(host: string | null, startupState: StartupState | null = null) {
  const container = document.getElementById("container");
  if (!container) return;
  // The workbook functions exist only inside Excel; the components get them as a prop.
  // Each is fetched on first use (./lazyTools.ts): the Excel code is a chunk of its own, not part of the pane's start.
  const excel = () => import(/* webpackChunkName: "excel" */ "./excel");
  const tools = host === "Excel" ? lazyTools<ExcelTools>(() => excel().then((m) => m.createExcelTools())) : null;
  const planTools = host === "Excel" ? lazyTools<ActionPlanTools>(() => excel().then((m) => m.createActionPlanTools())) : null;
  const analysisTools = host === "Excel" ? lazyTools<AnalysisTools>(() => excel().then((m) => m.createAnalysisTools())) : null;
  const trackerTools = host === "Excel" ? lazyTools<TrackerTools>(() => excel().then((m) => m.createTrackerTools())) : null;
  const startup = startupState ? { state: startupState, dismiss: () => dismissNotice(Office), stopLoading: () => stopLoadingOnOpen(Office) } : null;
  createRoot(container).render(
    <PaneThemeProvider container={container}>
      <App host={host} tools={tools} planTools={planTools} analysisTools={analysisTools} trackerTools={trackerTools} startup={startup} />
    </PaneThemeProvider>,
  );
}

// Outside Office (a plain browser) Office.onReady resolves with host null; the pane then says so.
if (typeof Office !== "undefined") {
  Office.onReady(async (info) => {
    const host = info.host ? String(info.host) : null;
    // First use in a workbook: load with it from now on, so its formulas calculate on reopening (startup.ts).
    // Development builds also force Office to refresh the functions' metadata (webpack sets NODE_ENV by mode).
    const startup = host === "Excel" ? await prepareWorkbook(Office, process.env.NODE_ENV !== "production") : null;
    render(host, startup);
  });
} else {
  render(null);
}
