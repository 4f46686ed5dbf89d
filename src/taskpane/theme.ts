/**
 * Which colour scheme the task pane uses: the decision alone, pure (no Office, no DOM, no Fluent).
 * PaneThemeProvider.tsx reads `Office.context.officeTheme` and `matchMedia("(forced-colors: active)")`
 * and picks Fluent's webLightTheme, webDarkTheme or teamsHighContrastTheme from the answer.
 *
 * In order:
 * 1. forced colours (Windows high contrast): "highContrast", whatever Office's theme;
 * 2. `themeId` (Office.ThemeId: Black, DarkGray → dark; Colorful, White → light), when it can be read:
 *    compared with the run-time `Office.ThemeId` enum if office.js defines one, else as the theme's name;
 * 3. `isDarkTheme` (true for Black and Dark Gray), when it is a boolean;
 * 4. the luminance of `bodyBackgroundColor` ("#RRGGBB");
 * 5. "light" (no theme: Excel on the web may give `officeTheme` undefined, and a plain browser has no Office).
 */
export type PaneTheme = "light" | "dark" | "highContrast";

/** The part of Office.OfficeTheme read here. Any field may be missing or odd: a host gives what it gives. */
export interface OfficeThemeLike {
  themeId?: unknown;
  isDarkTheme?: unknown;
  bodyBackgroundColor?: unknown;
}

/** `Office.ThemeId` as office.js defines it at run time (its values are not documented: they are compared as given). */
export type ThemeIds = Partial<Record<string, unknown>>;

const DARK_NAMES = new Set(["black", "darkgray"]);
const LIGHT_NAMES = new Set(["colorful", "white"]);

const byName = (name: string): "light" | "dark" | null => {
  const n = name.replace(/[\s_-]/g, "").toLowerCase();
  return DARK_NAMES.has(n) ? "dark" : LIGHT_NAMES.has(n) ? "light" : null;
};

/** Light or dark from a themeId; null when it is missing or not one of the four themes. */
export function themeIdScheme(themeId: unknown, ids?: ThemeIds | null): "light" | "dark" | null {
  if (themeId === undefined || themeId === null) return null;
  if (ids && typeof ids === "object") {
    for (const [name, value] of Object.entries(ids)) if (value !== undefined && value === themeId) return byName(name);
  }
  // Without the enum a number says nothing for sure; a name does.
  return typeof themeId === "string" ? byName(themeId) : null;
}

/** WCAG relative luminance (0 black … 1 white) of "#RGB" or "#RRGGBB" (the # optional); null if it is not one. */
export function luminance(colour: unknown): number | null {
  if (typeof colour !== "string") return null;
  let hex = colour.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = [...hex].map((c) => c + c).join("");
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Below this luminance white text contrasts better than black (both ratios equal at about 0.179): a background
 * darker than that is a dark theme.
 */
export const DARK_BELOW = 0.179;

export function paneTheme(officeTheme: OfficeThemeLike | null | undefined, forcedColors: boolean, ids?: ThemeIds | null): PaneTheme {
  if (forcedColors) return "highContrast";
  if (!officeTheme || typeof officeTheme !== "object") return "light";
  const fromId = themeIdScheme(officeTheme.themeId, ids);
  if (fromId) return fromId;
  if (typeof officeTheme.isDarkTheme === "boolean") return officeTheme.isDarkTheme ? "dark" : "light";
  const l = luminance(officeTheme.bodyBackgroundColor);
  return l !== null && l < DARK_BELOW ? "dark" : "light";
}
