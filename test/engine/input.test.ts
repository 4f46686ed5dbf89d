import { describeDate, excelSerialToDate, isDateFormat, parseFlag, parseHalfWidth, parseNonNegative, parseNumber, parsePercent, parsePercentColumn, withNumberFormat } from "../../src/engine";

const values = (rs: ReturnType<typeof parsePercentColumn>["results"]) => rs.map((r) => (r.ok ? r.value : r.error.code));

describe("parseNumber", () => {
  it.each([
    [72, 72],
    [" 72 ", 72],
    ["72.5", 72.5],
    ["1,000", 1000],
    ["1,234,567.5", 1234567.5],
    [-0, 0],
    ["1e3", 1000],
  ])("reads %p as %p", (raw, n) => {
    const r = parseNumber(raw, "x", "X");
    expect(r.ok && r.value.value).toBe(n);
  });
  it("keeps the % sign as an explicit scale", () => {
    const r = parseNumber("72%", "x", "X");
    expect(r.ok && r.value).toEqual({ value: 72, percentSign: true });
  });
  it.each([
    [null, "missing"],
    ["", "missing"],
    ["   ", "missing"],
    [undefined, "missing"],
    ["abc", "invalid"],
    [true, "invalid"],
    [NaN, "invalid"],
    [Infinity, "invalid"],
    ["#N/A", "invalid"],
    [{ error: "#DIV/0!" }, "invalid"],
  ])("refuses %p as %s", (raw, code) => {
    const r = parseNumber(raw, "x", "X");
    expect(!r.ok && r.error.code).toBe(code);
  });
  it("tells the user how to fix a decimal comma", () => {
    const r = parseNumber("72,5", "score", "Score");
    expect(!r.ok && r.error.message).toBe('Score "72,5" uses a comma as the decimal point; write 72.5.');
  });
});

describe("percentage scale (decision A7)", () => {
  it("auto: a column all within 0–1 is fractions (Excel % cells)", () => {
    const c = parsePercentColumn([0.72, 0.55, 1], "score", "Score");
    expect(c.resolved).toBe("fraction");
    expect(values(c.results)).toEqual([72, 55, 100]);
  });
  it("auto: any value above 1 makes the column 0–100, and a value below 1 in it gets a warning", () => {
    const c = parsePercentColumn([72, 55, 0.8], "rural", "Rural share");
    expect(c.resolved).toBe("percent");
    expect(values(c.results)).toEqual([72, 55, 0.8]);
    const w = c.results[2];
    expect(w.ok && w.warnings[0].code).toBe("ambiguousScale");
    expect(c.results[0].ok && c.results[0].warnings).toEqual([]);
  });
  // Issue 12: every value within 0–1 with no other evidence is a guess, and always said so (the old rule warned only for a lone 1).
  it("auto: a lone 1 is read as 100% with a warning that the scale was a guess", () => {
    const r = parsePercent(1, "nvq4", "NVQ4+ share");
    expect(r.ok && r.value).toBe(100);
    expect(r.ok && r.warnings[0]).toEqual({ code: "ambiguousScale", message: expect.stringMatching(/within 0–1; give scale "percent" if 0\.5 means 0\.5%/) });
  });
  it("a lone fraction below 1 is read as a fraction, with the same warning", () => {
    const r = parsePercent(0.723, "score", "Score");
    expect(r.ok && r.value).toBe(72.3);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["ambiguousScale"]);
  });
  it("a value above 1 settles it: no warning on the column's values above 1", () => {
    const c = parsePercentColumn([0.5, 30], "rural", "Rural share");
    expect(c.decision.basis).toBe("value above 1");
    expect(c.results[1].ok && c.results[1].warnings).toEqual([]);
  });
  it("no binary noise: 0.57 is exactly 57", () => {
    const r = parsePercent(0.57, "score", "Score");
    expect(r.ok && r.value).toBe(57);
  });
  it("override percent: 0.72 is 0.72%", () => {
    const r = parsePercent(0.72, "score", "Score", "percent");
    expect(r.ok && r.value).toBe(0.72);
    expect(r.ok && r.warnings).toEqual([]);
  });
  it("override fraction: 72 is an error naming the scale", () => {
    const r = parsePercent(72, "score", "Score", "fraction");
    expect(!r.ok && r.error.message).toMatch(/outside 0–1, but the scale is "fraction"/);
  });
  it("text with % is always a percentage, whatever the column", () => {
    const c = parsePercentColumn(["72%", 0.5], "score", "Score");
    expect(values(c.results)).toEqual([72, 50]);
  });
  it.each([-5, 130, "130%"])("rejects %p outside 0–100", (raw) => {
    const r = parsePercent(raw, "score", "Score");
    expect(!r.ok && r.error.message).toMatch(/between 0 and 100/);
  });
  it("blank cells are missing for that row only", () => {
    const c = parsePercentColumn([0.7, "", 0.6], "score", "Score");
    expect(values(c.results)).toEqual([70, "missing", 60]);
  });
});

describe("parseHalfWidth follows its score's scale", () => {
  it("fraction score → fraction half-width", () => {
    const r = parseHalfWidth(0.021, "fraction");
    expect(r.ok && r.value).toBe(2.1);
  });
  it("percent score → points", () => {
    const r = parseHalfWidth(2.1, "percent");
    expect(r.ok && r.value).toBe(2.1);
  });
  it("rejects negatives", () => expect(parseHalfWidth(-1, "percent").ok).toBe(false));
});

describe("parseNonNegative and parseFlag", () => {
  it("refuses percentages for counts", () => expect(parseNonNegative("7%", "a8", "A8").ok).toBe(false));
  it("refuses negatives", () => expect(parseNonNegative(-1, "a8", "A8").ok).toBe(false));
  it.each([
    [true, true],
    ["TRUE", true],
    ["yes", true],
    [1, true],
    [false, false],
    ["no", false],
    ["", false],
    [null, false],
  ])("flag %p is %p", (raw, v) => {
    const r = parseFlag(raw, "f", "F");
    expect(r.ok && r.value).toBe(v);
  });
  it("refuses other flags", () => expect(parseFlag("maybe", "f", "F").ok).toBe(false));
});

describe("a formula with no saved result (a workbook never calculated in Excel)", () => {
  it("is reported, never read as blank or FALSE", () => {
    const n = parseNumber({ formula: "B2*2" }, "ci", "Confidence interval (±)");
    expect(n.ok).toBe(false);
    expect(!n.ok && n.error).toMatchObject({ code: "invalid", message: expect.stringMatching(/^Confidence interval \(±\) is the formula =B2\*2 with no saved result .*open it in Excel, save it/) });
    const f = parseFlag({ sharedFormula: "H2" }, "singleissue", "Single-issue tension");
    expect(!f.ok && f.error.message).toMatch(/^Single-issue tension is the formula =H2 with no saved result/);
    // With a saved result, the result is what counts (the command line unwraps it before the engine sees it).
    expect(parseNumber({ formula: "1+1", result: 2 }, "x", "X").ok).toBe(false);
  });
});

describe("what to give instead", () => {
  it("blank, error and text messages end by saying what the argument accepts", () => {
    const msg = (r: { ok: boolean; error?: { message: string } }) => (!r.ok && r.error ? r.error.message : "");
    expect(msg(parsePercent("", "nvq4", "NVQ4+ share"))).toBe("NVQ4+ share is blank. Give a percentage, 0–100 (or 0–1 from an Excel % cell).");
    expect(msg(parseNonNegative("many", "a8", "A8 workers per 10,000"))).toBe('A8 workers per 10,000 must be a number; got the text "many". Give a number of 0 or more.');
    expect(msg(parseHalfWidth("#N/A", "percent"))).toBe("Confidence interval (±) holds the error #N/A, not a number. Give the ± half-width in percentage points, 0–100.");
  });
  it("a whole count written with dots for thousands (\"1.500\", \"12.345.678\") is refused, never read as 1.5; a rate with three decimals is read", () => {
    for (const [field, text] of [["jobs1984", "1.500"], ["population", "12.345.678"], ["jobs1984", " 2.000 "]] as const) {
      const r = parseNonNegative(text, field, "Count");
      expect(!r.ok && r.error.message).toMatch(/is a whole count written with a dot: if the dot separates thousands, write \d+\.$/);
    }
    expect(parseNonNegative("7.125", "a8", "A8")).toMatchObject({ ok: true, value: 7.125 });
    expect(parseNonNegative(1.5, "jobs1984", "Jobs")).toMatchObject({ ok: true, value: 1.5 }); // a number cell is what it is
    expect(parseNonNegative("1500", "jobs1984", "Jobs")).toMatchObject({ ok: true, value: 1500 });
    expect(parseNonNegative("1,500", "jobs1984", "Jobs")).toMatchObject({ ok: true, value: 1500 });
  });
});

describe("very long text", () => {
  it("is refused in linear time (no regular-expression backtracking)", () => {
    // Best of three, so a busy CI machine's pause is not read as backtracking; backtracking on
    // 200,000 characters would take minutes, linear time takes about a millisecond.
    let best = Infinity;
    let r = parseNumber("", "score", "Score");
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      r = parseNumber("7".repeat(200_000) + "x", "score", "Score");
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(250);
    expect(!r.ok && r.error.message).toBe('Score must be a number; got the text "7777777777777777777777777777777777777…".');
    expect(parseNumber("9".repeat(400), "score", "Score").ok).toBe(false); // 1e400 is not finite
    for (const [text, n] of [["72.", 72], [".5", 0.5], ["-1.5E-2", -0.015], ["+3", 3]] as const) expect(parseNumber(text, "x", "X")).toMatchObject({ ok: true, value: { value: n } });
    for (const text of ["1.2.3", ".", "e3", "1e", "1..2"]) expect(parseNumber(text, "x", "X").ok).toBe(false);
  });
});

describe("say what a value is (issue 12.6)", () => {
  const msg = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? "ok" : r.error!.message);
  it("a date, a time, a date and time (ExcelJS Dates), and TRUE/FALSE in a number column are named as such", () => {
    expect(msg(parseNumber(new Date(Date.UTC(2008, 4, 1)), "score", "Score"))).toBe("Score must be a number; got a date, 2008-05-01.");
    expect(msg(parseNumber(new Date(Date.UTC(1899, 11, 30, 13, 30)), "score", "Score"))).toBe("Score must be a number; got a time, 13:30.");
    expect(msg(parseNumber(new Date(Date.UTC(2008, 4, 1, 9, 5, 7)), "score", "Score"))).toBe("Score must be a number; got a date and time, 2008-05-01 09:05:07.");
    expect(msg(parseNumber(true, "score", "Score"))).toBe("Score must be a number; got TRUE, a logical value.");
    expect(msg(parseNonNegative(false, "a8", "A8 workers per 10,000"))).toBe("A8 workers per 10,000 must be a number; got FALSE, a logical value. Give a number of 0 or more.");
    expect(msg(parseFlag(new Date(Date.UTC(2009, 0, 1)), "singleissue", "Single-issue tension"))).toBe("Single-issue tension must be TRUE or FALSE; got a date, 2009-01-01.");
    expect(msg(parseNumber(new Date(NaN), "score", "Score"))).toBe("Score must be a number; got a date that is not valid.");
  });
  it("a serial number under a date or time format (the task pane's reading) is that date or time", () => {
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat("[$-F800]dddd, mmmm dd, yyyy")).toBe(true);
    expect(isDateFormat("h:mm")).toBe(true);
    expect(isDateFormat("[h]:mm:ss")).toBe(true);
    for (const f of ["General", "0.0%", "£#,##0", '0.0" days"', "#,##0.00;[Red]-#,##0.00", "0.00E+00", "_-* #,##0_-", "", null]) expect(isDateFormat(f)).toBe(false);
    expect(withNumberFormat(39569, "dd/mm/yyyy")).toEqual(new Date(Date.UTC(2008, 4, 1)));
    expect(withNumberFormat(0.5625, "h:mm")).toEqual(new Date(Date.UTC(1899, 11, 30, 13, 30)));
    expect(withNumberFormat(59, "0.0")).toBe(59);
    expect(excelSerialToDate(1)).toEqual(new Date(Date.UTC(1900, 0, 1)));
    const col = parsePercentColumn([59, 39569, 0.5625], "score", "Score", "auto", { formats: ["0", "d-mmm-yy", "hh:mm"] }).results;
    expect(col[0].ok).toBe(true);
    expect(msg(col[1])).toMatch(/^Score must be a number; got a date, 2008-05-01\./);
    expect(msg(col[2])).toMatch(/^Score must be a number; got a time, 13:30\./);
    expect(describeDate(new Date(Date.UTC(2008, 4, 1)))).toBe("a date, 2008-05-01");
  });
});
