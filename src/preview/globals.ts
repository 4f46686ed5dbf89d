/**
 * The globals the real bundles expect, installed by the preview BEFORE they run (out of host.ts, by job):
 * `CustomFunctions` (Error, ErrorCode, associate → the host's Map), `Office` (onReady, context.requirements,
 * officeTheme, document settings, addin) and `Excel` (run → the host's; enums as Office.js spells them);
 * and the parameter shapes from functions.json.
 *
 * `Office.context.requirements.isSetSupported` answers what the stand-in implements (standInSupports:
 * ExcelApi 1.9, …) — and, while the preview calculates the custom functions, ExcelApi 1.16 as well unless
 * `?datatypes=off`: the preview's grid shows the entity values (data types) a function returns
 * (COHESION.AREA asks for 1.16 before it returns one), which is the part of 1.16 a function can use. The pane
 * never asks during a calculation, so it sees 1.9.
 *
 * Development only, like host.ts.
 */
import { customFunctionsDouble } from "./customFunctionsDouble";
import { standInSupports } from "./standIn";
import type { PreviewHost } from "./host";
import { ASYNC_STATUS, START_UP, createPreviewDocument, type PreviewDocument } from "./officeDocument";
import { THEME_IDS, type PreviewOfficeTheme } from "./officeThemes";

/** -1, 0 or 1 as version a ("1.9") is below, at or above b ("1.16"). */
function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0) ? 1 : -1;
  return 0;
}

/** The ExcelApi version whose data types the preview shows for the custom functions (entity values from a function). */
export const DATA_TYPES_VERSION = "1.16";

/** Office.js enums spell their values as the key with a capital: ChartType.columnClustered = "ColumnClustered". */
function enumProxy(): unknown {
  return new Proxy({}, { get: (_t, k) => (typeof k === "string" ? k.charAt(0).toUpperCase() + k.slice(1) : undefined) });
}

/**
 * Installs CustomFunctions, Office and Excel on globalThis. `whenReady` resolves when the workbook
 * is loaded; Office.onReady callbacks run then.
 */
export function installGlobals(host: PreviewHost, whenReady: Promise<void>, officeTheme?: PreviewOfficeTheme): PreviewDocument {
  const officeDocument = createPreviewDocument();
  const isSetSupported = (name: string, minVersion?: string): boolean =>
    standInSupports(name, minVersion) || (host.calculating && host.dataTypes && name === "ExcelApi" && compareVersions(minVersion ?? "1.1", DATA_TYPES_VERSION) <= 0);
  const g = globalThis as unknown as Record<string, unknown>;
  g.CustomFunctions = customFunctionsDouble((id, fn) => {
    if (typeof id === "string" && fn) host.functions.set(id.toUpperCase(), fn);
    else if (typeof id === "object") for (const [k, f] of Object.entries(id)) host.functions.set(k.toUpperCase(), f);
  });
  const info = { host: "Excel", platform: "OfficeOnline" };
  g.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    ThemeId: THEME_IDS,
    // undefined when the preview plays a host that gives no theme (?theme=none)
    context: { requirements: { isSetSupported }, officeTheme, document: { settings: officeDocument.settings } },
    // Loading with the workbook and document settings (startup.ts): officeDocument.ts
    addin: officeDocument.addin,
    StartupBehavior: START_UP,
    AsyncResultStatus: ASYNC_STATUS,
    onReady(callback?: (i: typeof info) => void) {
      return whenReady.then(() => {
        callback?.(info);
        return info;
      });
    },
  };
  const excel: Record<string, unknown> = { run: host.run };
  g.Excel = new Proxy(excel, { get: (t, k) => (typeof k === "string" && !(k in t) && /^[A-Z]/.test(k) ? enumProxy() : t[k as string]) });
  return officeDocument;
}

/** Reads the parameter shapes from functions.json (emitted by the build beside the bundles). */
export async function loadDimensions(host: PreviewHost, url: string) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const meta = (await res.json()) as { functions: { id: string; parameters?: { dimensionality?: string }[] }[] };
  for (const f of meta.functions) host.dimensions.set(f.id.toUpperCase(), (f.parameters ?? []).map((p) => (p.dimensionality === "matrix" ? "matrix" : "scalar")));
}
