/**
 * The pane's views render without Office (server-side rendering in Node): every control has a
 * label, workbook text stays text, and the summary tables carry aria-labels.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { renderToString } from "react-dom/server";
import { evaluateColumns, summarise } from "../../src/engine";
import { About, App } from "../../src/taskpane/components/App";
import { SummaryView } from "../../src/taskpane/components/SummaryView";
import { RunMessage, stoppedMessage, TableTools } from "../../src/taskpane/components/TableTools";
import { DEFAULT_OPTIONS, type ExcelTools, type SourceInfo, type ToolResult } from "../../src/taskpane/excel";

const render = (el: React.ReactElement) =>
  // Without styles, classes and React's text-node markers, so assertions read like the page.
  renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>).replace(/<style[^>]*>[^<]*<\/style>/g, "").replace(/ class="[^"]*"/g, "").replace(/<!-- -->/g, "");

const noTools: ExcelTools = {
  listSources: async () => [],
  runTool: async () => ({ status: "cancelled", partial: false, message: "" }),
  goTo: async () => null,
};

const source: SourceInfo = {
  ref: { sheet: "Sheet1", kind: "table", name: "Indicators" },
  key: "cohesion.v1|Sheet1|table:Indicators",
  label: "Indicators (Sheet1!A1:C4)",
  address: "Sheet1!A1:C4",
  headers: ['<img src=x onerror="alert(1)">', "NI 1 %", "CI"],
  columnLetters: ["A", "B", "C"],
  rowCount: 3,
  mapping: { score: 1, ci: 0 }, // the header with markup is on show in the CI dropdown
  remembered: false,
  options: DEFAULT_OPTIONS,
  formulas: false,
  ownColumns: [],
  ownAddress: null,
};

/** Every combobox, switch and progress bar has a <label for> pointing at it. */
function expectLabelled(html: string) {
  const ids = [...html.matchAll(/<(?:button|input)[^>]*(?:role="(?:combobox|switch)"|type="checkbox")[^>]*>/g)].map((m) => /id="([^"]+)"/.exec(m[0])?.[1]);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    expect(id).toBeDefined();
    expect(html).toContain(`for="${id}"`);
  }
}

describe("App", () => {
  it("keeps the existing tabs and adds Table tools", () => {
    const html = render(<App host={null} />);
    // Each tab is named by its view (aria-label) and shows a short label that the name contains (Excel's narrow pane).
    for (const [tab, short] of [["Check an area", "Check"], ["Table tools", "Table"], ["Action plan", "Plan"], ["Peers & mix", "Peers"], ["About", "About"]]) {
      expect(html).toMatch(new RegExp(`aria-label="${tab.replace("&", "&amp;")}"[^>]*>(<[^>]+>)*${short}<`));
      expect(tab.toLowerCase()).toContain(short.toLowerCase());
    }
    expect(html).toContain("Not running inside Excel");
  });
});

describe("About", () => {
  it("shows the £50m investment line by line as printed, with the unitemised £0.5m and the footnote (decision A21)", () => {
    const html = render(<About className="" />);
    const amounts = [...html.matchAll(/<td[^>]*>(£[\d.]+m)<\/td>/g)].map((m) => m[1]);
    expect(amounts).toEqual(["£34m", "£4.5m", "£3m", "£8m", "£0.5m"]);
    expect(html).toContain("Not itemised in the documents");
    expect(html).toContain("not forced to sum");
    expect(html).toContain("the remaining £8m");
  });
});

describe("TableTools", () => {
  it("says what it needs outside Excel", () => {
    expect(render(<TableTools tools={null} />)).toContain("open the Cohesion Toolkit in Excel");
  });

  it("labels every control, shows workbook text as text, and explains a disabled tool", () => {
    const html = render(<TableTools tools={noTools} initialSources={[source]} />);
    expectLabelled(html);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x");
    expect(html).toContain(">B: NI 1 %<");
    expect(html).toContain(">(not used)<");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Family groups<\/button>/);
    expect(html).toMatch(/<button(?![^>]*disabled)[^>]*>Grant bands<\/button>/);
    expect(html).toContain("Family groups needs a column for: NVQ4+ share, Rural share, A8 workers per 10,000.");
    expect(html).toContain("Write live formulas");
  });
});

describe("a stopped run", () => {
  it("shows an error message bar with why, what was and was not written, and what to do", () => {
    const message = stoppedMessage({
      status: "stopped",
      reason: "renamed",
      why: 'the sheet "Sheet1" was renamed to "Data"',
      written: "Rows 2–5,001 of Sheet1!I:L were written; rows 5,002–100,001 were not (those cells are empty).",
      rowsWritten: 5000,
      message: "",
    });
    expect(message.intent).toBe("error");
    const html = render(<RunMessage {...message} />);
    expect(html).toMatch(/^<div dir="ltr"><div role="group" aria-labelledby="[^"]+">/);
    expect(html).toContain('The run stopped: the sheet "Sheet1" was renamed to "Data".'.replace(/"/g, "&quot;"));
    expect(html).toContain("<li>Rows 2–5,001 of Sheet1!I:L were written; rows 5,002–100,001 were not (those cells are empty).</li>");
    expect(html).toContain("<li>No summary sheet was written, and nothing outside the toolkit&#x27;s columns was changed.</li>");
    expect(html).toContain("<li>Run the tool again to finish.</li>");
  });
});

describe("SummaryView", () => {
  it("shows bands with £, the programme, uncertain rows and family types in labelled tables", () => {
    const results = evaluateColumns({ score: [50, 56, 74, 80, "x"], ci: [1, 2, 2, 1, 1], nvq4: [30, 10, 20, 20, 20], rural: [10, 60, 10, 10, 10], a8: [1, 9, 1, 1, 1], jobs1984: [0, 0, 2000, 0, 0] }, 5);
    const summary = summarise(results);
    const result: ToolResult = {
      status: "done",
      tool: "grantBands",
      headers: [],
      outputAddress: "Sheet1!H1:N6",
      written: "values",
      summary,
      parts: { abg: true, types: true },
      uncertainSheetRows: summary.uncertainRows.map((i) => i + 2),
      summarySheet: "Summary",
      stats: { rows: 5, syncs: 1, readChunks: 1, readChunkRows: 5, writeChunks: 1, formatChunks: 1, largestRequestBytes: 1, millis: { read: 0, compute: 0, write: 0, summary: 0, total: 0 } },
    };
    const html = render(<SummaryView result={result} />);
    expect(html).toContain('aria-label="Areas and allocation by ABG band"');
    expect(html).toContain('aria-label="Areas by family type, with Table 1 averages"');
    expect(html).toContain(`£${summary.totalAllocationGbp.toLocaleString("en-GB")}`);
    expect(html).toContain("£34,000,000");
    expect(html).toMatch(/uncertain under the CI: sheet rows? [\d, ]+/);
    expect(html).toContain("with notes about bad or missing inputs");
  });
  it("without any CI says uncertainty was not assessed, never that no row is uncertain (issue 12.4)", () => {
    const summary = summarise(evaluateColumns({ score: [50, 59, 74] }, 3));
    const result = {
      status: "done", tool: "grantBands", headers: [], outputAddress: "Sheet1!C1:F4", written: "values", summary, parts: { abg: true, types: false },
      uncertainSheetRows: [], summarySheet: "Summary",
      stats: { rows: 3, syncs: 1, readChunks: 1, readChunkRows: 3, writeChunks: 1, formatChunks: 1, largestRequestBytes: 1, millis: { read: 0, compute: 0, write: 0, summary: 0, total: 0 } },
    } as ToolResult;
    const html = render(<SummaryView result={result} />);
    expect(html).toContain("Uncertainty not assessed: no confidence intervals given.");
    expect(html).not.toContain("uncertain under");
    expect(html).not.toContain('aria-label="Areas by family type, with Table 1 averages"');
  });
});

describe("the pane's source", () => {
  it("never renders HTML from strings", () => {
    const dir = path.resolve(__dirname, "../../src/taskpane");
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(fs.readFileSync(path.join(dir, f), "utf8")).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
  });

  it("reaches Excel from one module only (the folder excel/)", () => {
    const dir = path.resolve(__dirname, "../../src/taskpane");
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.tsx?$/.test(f) && !f.startsWith(`excel${path.sep}`));
    for (const f of files) expect(fs.readFileSync(path.join(dir, f), "utf8")).not.toMatch(/Excel\.run|context\.sync|\.sync\(\)/);
  });
});
