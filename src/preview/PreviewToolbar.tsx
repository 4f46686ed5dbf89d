/**
 * The preview's toolbar: the workbook's name, Open a workbook… (read with ExcelJS into the stand-in),
 * Download (the stand-in's workbook written back as .xlsx), the Office theme and the last message.
 */
import * as React from "react";
import type { PreviewHost } from "./host";
import { PREVIEW_THEMES } from "./officeThemes";
import { readWorkbook, writeWorkbook } from "./workbookFile";

export interface PreviewToolbarProps {
  host: PreviewHost;
  /** The ?theme= the page was loaded with (officeThemes.ts); choosing another reloads the page with it. */
  officeTheme: string;
  message: string | null;
  setMessage: (message: string | null) => void;
  /** Some sheet has charts: the download cannot carry them, and the toolbar says so. */
  bookHasCharts: boolean;
  /** A workbook was opened: the grid leaves any edit and scrolls to the top. */
  onOpened: () => void;
}

export function PreviewToolbar({ host, officeTheme, message, setMessage, bookHasCharts, onOpened }: PreviewToolbarProps) {
  const fileInput = React.useRef<HTMLInputElement>(null);

  async function openFile(file: File) {
    setMessage(`Opening ${file.name}…`);
    try {
      const { standIn, info, saved } = await readWorkbook(host, await file.arrayBuffer(), file.name, false);
      host.setWorkbook(standIn, info, saved);
      onOpened();
      setMessage(`Opened ${file.name} (${standIn.sheetNames().length} sheets). In the pane, press Find tables to use it.`);
    } catch (e) {
      setMessage(`Could not open ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function download() {
    try {
      const bytes = await writeWorkbook(host);
      const blob = new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = host.info.name.replace(/\.xlsx$/i, "") + ".xlsx";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage(`Saved ${a.download}.`);
    } catch (e) {
      setMessage(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <header className="pv-header">
      <div className="pv-title-row">
        <p className="pv-title">Cohesion Toolkit — preview</p>
        <p className="pv-note">This is a preview of the add-in in your browser, not Excel: only the add-in&apos;s own =COHESION.… functions are calculated.</p>
      </div>
      <div className="pv-toolbar">
        <strong className="pv-book">{host.info.name}</strong>
        {host.info.sample && <span className="pv-badge">Synthetic sample: made-up data</span>}
        <label className="pv-button">
          Open a workbook…
          <input
            ref={fileInput}
            className="pv-hidden-input"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void openFile(f);
              e.target.value = "";
            }}
          />
        </label>
        <button type="button" className="pv-button" onClick={() => void download()}>
          Download
        </button>
        {bookHasCharts && <span className="pv-chart-note">Charts are shown here but not in the downloaded file: ExcelJS, which writes it, cannot write charts.</span>}
        <label className="pv-theme">
          Office theme
          <select
            className="pv-select"
            value={officeTheme}
            aria-describedby="pv-theme-note"
            onChange={(e) => {
              const url = new URL(window.location.href);
              url.searchParams.set("theme", e.target.value);
              window.location.assign(url.toString());
            }}
          >
            {PREVIEW_THEMES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <span id="pv-theme-note" className="pv-visually-hidden">
          Reloads the preview with the sample workbook: download your changes first.
        </span>
        {message && (
          <span className="pv-message" role="status">
            {message}
          </span>
        )}
      </div>
    </header>
  );
}
