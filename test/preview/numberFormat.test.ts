// The preview's cell text comes from numfmt (src/preview/numberFormat.ts); the cases its own earlier formatter got wrong.
import { formatValue } from "../../src/preview/numberFormat";

describe("preview number formats (numfmt)", () => {
  it.each([
    [660000, "[$£-809]#,##0", "£660,000"], // the locale tag was read as digits: "[$£-86600009]#,##0"
    [-1, "[$£-809]#,##0", "-£1"],
    [72, "@", "72"], // a text format showed "@"
    [0, '0.0;-0.0;"–"', "–"], // the third section (zero) was ignored
    [45000, "dd/mm/yyyy", "15/03/2023"], // dates were always yyyy-mm-dd
    [12, "yyyy-mm-dd", "1900-01-12"], // Excel's 1900 leap-year day: serial 12 is 12 January 1900
    [1e12, "General", "1E+12"],
  ])("%p as %p → %p", (v, f, out) => expect(formatValue(v, f)).toBe(out));
  it("blank is empty, text stays text, and a format Excel would refuse shows the value (General)", () => {
    expect(formatValue(null, "0")).toBe("");
    expect(formatValue("", "0")).toBe("");
    expect(formatValue("n/a", "0.0")).toBe("n/a");
    expect(formatValue(2.5, '0.0.0"')).toBe("2.5");
    expect(formatValue(false)).toBe("FALSE");
  });
});
