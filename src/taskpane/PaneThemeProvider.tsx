/**
 * The pane follows Office's theme: FluentProvider with webLightTheme, webDarkTheme or, when the browser
 * forces colours (Windows high contrast), teamsHighContrastTheme. The decision is theme.ts's; this reads
 * its inputs and paints the page behind the pane the same colour, so no white shows around it.
 *
 * When it is read again: Excel has no theme-changed event (Office.EventType.OfficeThemeChanged is
 * documented for Outlook only, Mailbox 1.14), so Office's theme is read again when the pane becomes
 * visible or gains focus; the forced-colours media query has its own change event.
 */
import { FluentProvider, teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import * as React from "react";
import { paneTheme, type OfficeThemeLike, type PaneTheme, type ThemeIds } from "./theme";

/* global document, window, Office */

export const FLUENT_THEMES: Record<PaneTheme, Theme> = { light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme };
const FORCED_COLORS = "(forced-colors: active)";

function officeTheme(): { theme: OfficeThemeLike | undefined; ids: ThemeIds | undefined } {
  try {
    if (typeof Office === "undefined") return { theme: undefined, ids: undefined };
    const ids = (Office as unknown as { ThemeId?: ThemeIds }).ThemeId;
    return { theme: Office.context?.officeTheme ?? undefined, ids };
  } catch {
    // a host whose context getter throws (not Office yet, or no theme): no theme
    return { theme: undefined, ids: undefined };
  }
}

const forcedColors = () => typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(FORCED_COLORS).matches;

/** The pane's theme now. */
export function readPaneTheme(): PaneTheme {
  const { theme, ids } = officeTheme();
  return paneTheme(theme, forcedColors(), ids);
}

/**
 * Paints `container` (and the page, when the container is the page's own: taskpane.html, not the preview,
 * whose page is the workbook's too) with the theme's background and text colour and colour scheme.
 */
function paint(container: HTMLElement, kind: PaneTheme) {
  const t = FLUENT_THEMES[kind];
  const targets = container.parentElement === document.body ? [container, document.body] : [container];
  for (const el of targets) {
    el.style.backgroundColor = t.colorNeutralBackground1;
    el.style.color = t.colorNeutralForeground1;
    el.style.colorScheme = kind === "light" ? "light" : "dark";
  }
  if (targets.includes(document.body)) document.documentElement.style.colorScheme = kind === "light" ? "light" : "dark";
}

export function PaneThemeProvider({ container, children }: { container: HTMLElement; children: React.ReactNode }) {
  const [kind, setKind] = React.useState<PaneTheme>(readPaneTheme);
  React.useEffect(() => {
    const update = () => setKind(readPaneTheme());
    const query = typeof window.matchMedia === "function" ? window.matchMedia(FORCED_COLORS) : null;
    query?.addEventListener?.("change", update);
    const onVisible = () => document.visibilityState === "visible" && update();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("focus", update);
    return () => {
      query?.removeEventListener?.("change", update);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("focus", update);
    };
  }, []);
  React.useLayoutEffect(() => paint(container, kind), [container, kind]);
  return (
    <FluentProvider theme={FLUENT_THEMES[kind]} data-pane-theme={kind}>
      {children}
    </FluentProvider>
  );
}
