/**
 * The pane's colour scheme from Office's theme (src/taskpane/theme.ts), and no hard-coded colours in the
 * pane's own code (they would break the dark and high-contrast themes).
 */
import * as fs from "fs";
import * as path from "path";
import { DARK_BELOW, luminance, paneTheme, themeIdScheme } from "../../src/taskpane/theme";

/** Office.ThemeId as a run-time enum (numbers, in the order the typings declare it). */
const IDS = { Black: 0, Colorful: 1, DarkGray: 2, White: 3 };

describe("paneTheme", () => {
  test("White and Colorful are light; Dark Gray and Black are dark (themeId through the run-time enum)", () => {
    expect(paneTheme({ themeId: IDS.White, bodyBackgroundColor: "#FFFFFF" }, false, IDS)).toBe("light");
    expect(paneTheme({ themeId: IDS.Colorful, bodyBackgroundColor: "#FFFFFF" }, false, IDS)).toBe("light");
    expect(paneTheme({ themeId: IDS.DarkGray, bodyBackgroundColor: "#3A3A3A" }, false, IDS)).toBe("dark");
    expect(paneTheme({ themeId: IDS.Black, bodyBackgroundColor: "#1F1F1F" }, false, IDS)).toBe("dark");
  });

  test("themeId wins over the colours (a host's colours may lag the theme)", () => {
    expect(paneTheme({ themeId: IDS.Black, isDarkTheme: false, bodyBackgroundColor: "#FFFFFF" }, false, IDS)).toBe("dark");
    expect(paneTheme({ themeId: IDS.White, isDarkTheme: true, bodyBackgroundColor: "#000000" }, false, IDS)).toBe("light");
  });

  test("themeId as the theme's name, when office.js defines no enum", () => {
    expect(paneTheme({ themeId: "Black" }, false)).toBe("dark");
    expect(paneTheme({ themeId: "DarkGray" }, false)).toBe("dark");
    expect(paneTheme({ themeId: "Dark Gray" }, false)).toBe("dark");
    expect(paneTheme({ themeId: "Colorful" }, false)).toBe("light");
    expect(paneTheme({ themeId: "white" }, false)).toBe("light");
  });

  test("a numeric themeId without the enum is not guessed: isDarkTheme, then the body colour decide", () => {
    expect(themeIdScheme(0, null)).toBeNull();
    expect(paneTheme({ themeId: 0, isDarkTheme: false, bodyBackgroundColor: "#000000" }, false)).toBe("light");
    expect(paneTheme({ themeId: 3, bodyBackgroundColor: "#262626" }, false)).toBe("dark");
    expect(paneTheme({ themeId: 99, bodyBackgroundColor: "#262626" }, false, IDS)).toBe("dark");
  });

  test("no themeId (older builds): isDarkTheme, else the luminance of bodyBackgroundColor", () => {
    expect(paneTheme({ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" }, false)).toBe("dark");
    expect(paneTheme({ bodyBackgroundColor: "#262626" }, false)).toBe("dark");
    expect(paneTheme({ bodyBackgroundColor: "#444" }, false)).toBe("dark");
    expect(paneTheme({ bodyBackgroundColor: "#E6E6E6" }, false)).toBe("light");
    expect(paneTheme({ bodyBackgroundColor: "FFFFFF" }, false)).toBe("light");
    // mid grey: white text reads better below DARK_BELOW
    expect(paneTheme({ bodyBackgroundColor: "#707070" }, false)).toBe("dark");
    expect(paneTheme({ bodyBackgroundColor: "#808080" }, false)).toBe("light");
  });

  test("missing or unreadable theme: light", () => {
    expect(paneTheme(undefined, false)).toBe("light");
    expect(paneTheme(null, false)).toBe("light");
    expect(paneTheme({}, false)).toBe("light");
    expect(paneTheme({ bodyBackgroundColor: "rebeccapurple" }, false)).toBe("light");
    expect(paneTheme({ bodyBackgroundColor: 12 as unknown as string }, false)).toBe("light");
    expect(paneTheme("dark" as unknown as object, false)).toBe("light");
  });

  test("forced colours (Windows high contrast) give the high-contrast theme, whatever Office's theme", () => {
    expect(paneTheme({ themeId: IDS.Black }, true, IDS)).toBe("highContrast");
    expect(paneTheme({ themeId: IDS.White }, true, IDS)).toBe("highContrast");
    expect(paneTheme(undefined, true)).toBe("highContrast");
  });
});

test("luminance: WCAG relative luminance of #RGB / #RRGGBB", () => {
  expect(luminance("#FFFFFF")).toBeCloseTo(1, 6);
  expect(luminance("#000")).toBe(0);
  expect(luminance("#767676")).toBeCloseTo(0.181, 3);
  expect(luminance("#zzzzzz")).toBeNull();
  expect(luminance(undefined)).toBeNull();
  expect(DARK_BELOW).toBeGreaterThan(0.17);
  expect(DARK_BELOW).toBeLessThan(0.19);
});

test("the pane's code has no hard-coded colours (Fluent tokens only), so the dark and high-contrast themes hold", () => {
  const dir = path.join(__dirname, "..", "..", "src", "taskpane");
  const files = [...fs.readdirSync(path.join(dir, "components")).map((f) => path.join("components", f)), ...fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f))];
  const offenders: string[] = [];
  for (const f of files.filter((f) => /\.tsx?$/.test(f))) {
    const text = fs.readFileSync(path.join(dir, f), "utf8");
    text.split("\n").forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, "").replace(/^\s*\*.*$/, "");
      if (/["'`]#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(|(color|background(Color)?)\s*:\s*["'](?!var\()[a-z]/i.test(code)) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(offenders).toEqual([]);
});
