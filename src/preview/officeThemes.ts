/**
 * The preview's stand-in for `Office.context.officeTheme`, chosen with `?theme=` (the toolbar's "Office theme"
 * select reloads the page with it): colorful (the default), white, darkgray, black (also "dark"), or none (a
 * host that gives no theme, as Excel on the web may). The colours approximate Office's; `themeId` is a number
 * of the stand-in's `Office.ThemeId` enum (numbered in the order @types/office-js declares it), as office.js
 * gives an enum value.
 */

export const THEME_IDS = { Black: 0, Colorful: 1, DarkGray: 2, White: 3 } as const;

export interface PreviewOfficeTheme {
  themeId: number;
  isDarkTheme: boolean;
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

export const PREVIEW_THEMES: { value: string; label: string; theme: PreviewOfficeTheme | undefined }[] = [
  { value: "colorful", label: "Colorful", theme: { themeId: THEME_IDS.Colorful, isDarkTheme: false, bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626" } },
  { value: "white", label: "White", theme: { themeId: THEME_IDS.White, isDarkTheme: false, bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626", controlBackgroundColor: "#F3F3F3", controlForegroundColor: "#262626" } },
  { value: "darkgray", label: "Dark Gray", theme: { themeId: THEME_IDS.DarkGray, isDarkTheme: true, bodyBackgroundColor: "#3A3A3A", bodyForegroundColor: "#F0F0F0", controlBackgroundColor: "#262626", controlForegroundColor: "#F0F0F0" } },
  { value: "black", label: "Black", theme: { themeId: THEME_IDS.Black, isDarkTheme: true, bodyBackgroundColor: "#1F1F1F", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#0A0A0A", controlForegroundColor: "#FFFFFF" } },
  { value: "none", label: "None (host gives no theme)", theme: undefined },
];

const ALIASES: Record<string, string> = { dark: "black", light: "colorful", "dark-gray": "darkgray", darkgrey: "darkgray", "": "colorful" };

/** The theme named by a page's query string (`?theme=dark`); unknown names give the default. */
export function previewThemeFromQuery(search: string): (typeof PREVIEW_THEMES)[number] {
  const raw = (new URLSearchParams(search).get("theme") ?? "").trim().toLowerCase();
  const name = ALIASES[raw] ?? raw;
  return PREVIEW_THEMES.find((t) => t.value === name) ?? PREVIEW_THEMES[0];
}
