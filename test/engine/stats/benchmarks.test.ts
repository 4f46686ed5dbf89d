import {
  BENCHMARKS,
  BENCHMARK_SERIES,
  BREAK_MODE_2016,
  BREAK_PLACE_SURVEY,
  BREAK_QUESTIONNAIRE_2023,
  benchmark,
  benchmarkValue,
  listBenchmarks,
  normaliseYear,
} from "../../../src/engine/stats";
import { err, val, warningCodes } from "../../helpers/results";

const row = (id: string) => val(benchmark(id));

describe("BENCHMARKS: every figure quoted in the 2007–09 documents (GR, SoS, CDF)", () => {
  it.each([
    ["CDF_latest_getonwell", 82, "CDF", "Foreword"],
    ["CS_2007_AprSep_getonwell", 82, "GR", "¶3.70; fn 5"],
    ["GR_Jan2008_getonwell", 82, "GR", "Context"],
    ["CS_2003_2005_getonwell", 80, "GR", "¶3.70"],
    ["SoS_Oct2007_getonwell", 80, "SoS", "letter, October 2007"],
    ["SoS_Oct2007_Britain", 85, "SoS", "letter, October 2007"],
    ["SoS_Oct2007_neighbourhood", 77, "SoS", "letter, October 2007"],
    ["GR_Jan2008_Britain", 84, "GR", "Context"],
    ["GR_Jan2008_neighbourhood", 75, "GR", "Context"],
    ["Table1_total", 78.9, "CDF", "Table 1"],
  ])("%s = %d (%s %s)", (id, value, doc, ref) => {
    const r = row(id);
    expect(r.value).toBe(value);
    expect(r.source).toEqual({ doc, ref });
  });

  it.each([
    [1, 72.2],
    [2, 73.3],
    [3, 74.1],
    [4, 76.3],
    [5, 79.9],
    [6, 80.5],
    [7, 80.6],
    [8, 82.9],
    [9, 83.0],
  ])("CDF Table 1 type %d average = %d", (type, avg) => {
    expect(row(`Table1_type${type}`).value).toBe(avg);
  });

  it("Apr–Sep 2007 is England and Wales, with GR fn 5 quoted verbatim", () => {
    const r = row("CS_2007_AprSep_getonwell");
    expect(r.population).toMatch(/^England and Wales/);
    expect(r.quote).toBe(
      "For April - September 2007, the Citizenship Survey found that 82 per cent of people in England and Wales agreed that their local area is a place where people from different backgrounds get on well together.",
    );
  });

  it('SoS "just over 80%" is stored as 80 with the qualifier, and warns that 80 is a lower bound', () => {
    const r = benchmark("SoS_Oct2007_getonwell");
    expect(val(r)).toMatchObject({ value: 80, valueText: "just over 80%", qualifier: "just over" });
    expect(warningCodes(r)).toContain("lowerBound");
    expect(warningCodes(benchmarkValue("SoS_Oct2007_getonwell"))).toContain("lowerBound");
  });

  it("the October 2007 and January 2008 releases carry the note on their difference and are not merged", () => {
    for (const id of ["SoS_Oct2007_Britain", "GR_Jan2008_Britain", "SoS_Oct2007_neighbourhood", "GR_Jan2008_neighbourhood"]) {
      expect(row(id).comparabilityNote).toMatch(/^85%→84% and 77%→75% are lower in the later \(Jan 2008\) release/);
    }
  });

  it("does not carry the ABG band thresholds (they live in ABG_BANDS only)", () => {
    expect(BENCHMARKS.some((r) => /abg|band/i.test(r.id))).toBe(false);
  });
});

describe("BENCHMARKS: the Citizenship Survey / Community Life Survey series (the survey releases)", () => {
  it.each([
    ["getonwell", "2003", 80],
    ["getonwell", "2005", 80],
    ["getonwell", "Apr-Sep 2007", 82],
    ["getonwell", "2007-08", 82],
    ["getonwell", "2008-09", 84],
    ["getonwell", "2012-13", 87],
    ["getonwell", "2016-17", 81],
    ["getonwell", "2018-19", 81],
    ["getonwell", "2020-21", 83],
    ["neighbourhood", "2003", 70],
    ["neighbourhood", "2005", 74],
    ["neighbourhood", "2007-08", 75],
    ["neighbourhood", "2008-09", 77],
    ["neighbourhood", "2012-13", 79],
    ["neighbourhood", "2016-17", 62],
    ["neighbourhood", "2020-21", 65],
    ["neighbourhood", "2021-22", 63],
    ["neighbourhood", "2023-24", 61],
    ["neighbourhood", "2024-25", 62],
    ["influence", "2001", 44],
    ["influence", "2005", 39],
    ["influence", "2007-08", 38],
    ["influence", "2008-09", 39],
    ["influence", "2009-10", 37],
    ["influence", "2010-11", 38],
    ["influence", "2013-14", 26],
    ["influence", "2016-17", 27],
    ["place_neighbourhood", "2008", 59],
    ["place_influence", "2008", 29],
  ])("%s %s = %d%%", (series, year, value) => {
    expect(val(benchmarkValue(series, year))).toBe(value);
  });

  it("2005 get-on-well is England and Wales; the §6 default is England, adults 16+", () => {
    expect(val(benchmark("getonwell", "2005")).population).toBe("England and Wales, adults 16+");
    expect(val(benchmark("getonwell", "2008-09")).population).toBe("England, adults 16+");
  });

  it('the 2013/14–2015/16 online series is a range (58–60%), never a single invented figure', () => {
    const r = benchmark("neighbourhood", "2013-14 to 2015-16");
    expect(val(r)).toMatchObject({ value: null, range: [58, 60], valueText: "58–60% (2013/14–2015/16, online series)" });
    expect(warningCodes(r)).toContain("range");
    expect(err(benchmarkValue("neighbourhood", "2013-14 to 2015-16"), "notFound").message).toMatch(/range, 58–60%/);
  });

  it("the 2005 influence figure warns that its source is a wiki", () => {
    expect(warningCodes(benchmark("CS_2005_influence"))).toContain("weakerSource");
  });

  describe("breaks in comparability, as the spec states them", () => {
    it("the break texts are the spec's words", () => {
      expect(BREAK_MODE_2016).toBe(
        "Face-to-face → online/paper in 2016-17 (CLS 2016-17 report). Compare belonging at 79% in 2012-13 with 62% in 2016-17.",
      );
      expect(BREAK_QUESTIONNAIRE_2023).toBe(
        'Questionnaire changes in 2023/24 and 2024/25 ("Where there has been a change, we have highlighted where a comparison … can or cannot be made").',
      );
      expect(BREAK_PLACE_SURVEY).toBe("Place Survey (postal, 18+) is not the Citizenship Survey (face-to-face, 16+).");
    });

    it("the mode change is on 2012-13 and every later CLS row, and is returned as a warning", () => {
      const cls = BENCHMARKS.filter((r) => r.id.startsWith("CLS_"));
      expect(cls.length).toBeGreaterThan(0);
      for (const r of cls) expect(r.comparabilityNote).toContain(BREAK_MODE_2016);
      const w = benchmark("neighbourhood", "2016-17");
      expect(w.ok && w.warnings.find((x) => x.code === "comparability")?.message).toContain(BREAK_MODE_2016);
    });

    it("the 2016-17 rows are online/paper and 2012-13 face-to-face", () => {
      expect(row("CLS_2016_17_neighbourhood").mode).toBe("online/paper");
      expect(row("CLS_2012_13_neighbourhood").mode).toBe("face-to-face");
    });

    it("questionnaire changes are on 2023/24 and 2024/25 only", () => {
      const flagged = BENCHMARKS.filter((r) => r.comparabilityNote?.includes(BREAK_QUESTIONNAIRE_2023)).map((r) => r.id);
      expect(flagged.sort()).toEqual(["CLS_2023_24_neighbourhood", "CLS_2024_25_neighbourhood"]);
    });

    it("Place Survey figures are a separate series with their own note", () => {
      for (const id of ["PlaceSurvey_2008_belonging", "PlaceSurvey_2008_influence"]) {
        expect(row(id).comparabilityNote).toBe(BREAK_PLACE_SURVEY);
        expect(row(id).mode).toBe("postal");
      }
      expect(err(benchmark("neighbourhood", 2008), "notFound").message).not.toMatch(/"2008"[,.]/);
    });

    it("Citizenship Survey rows before 2012-13 carry no break note", () => {
      expect(row("CS_2008_09_getonwell").comparabilityNote).toBeUndefined();
    });
  });
});

describe("BENCHMARKS code health", () => {
  it("ids are unique (case-insensitively) and every (series, year) pair is unique", () => {
    const ids = BENCHMARKS.map((r) => r.id.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
    const keys = BENCHMARKS.filter((r) => r.series !== null).map((r) => `${r.series}|${normaliseYear(r.year)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("every row has a source in an original publication, period and population; values are percentages or a range", () => {
    for (const r of BENCHMARKS) {
      expect(["CLS", "GR", "CDF", "SoS"]).toContain(r.source.doc);
      expect(r.source.ref.length).toBeGreaterThan(0);
      expect(r.period.length).toBeGreaterThan(0);
      expect(r.population.length).toBeGreaterThan(0);
      expect(r.source.ref).not.toMatch(/\.md\b|digest|\bspec\b/i);
      expect(r).not.toHaveProperty("specRef");
      if (r.value === null) {
        expect(r.range).toBeDefined();
      } else {
        expect(r.value).toBeGreaterThanOrEqual(0);
        expect(r.value).toBeLessThanOrEqual(100);
      }
      if (r.series !== null) expect(BENCHMARK_SERIES.map((s) => s.id)).toContain(r.series);
    }
  });

  it("is frozen", () => {
    expect(Object.isFrozen(BENCHMARKS)).toBe(true);
    expect(Object.isFrozen(BENCHMARKS[0])).toBe(true);
    expect(Object.isFrozen(BENCHMARKS[0].source)).toBe(true);
  });

  it("has 48 rows: 38 survey figures and CDF Table 1's 9 types and total", () => {
    expect(BENCHMARKS.length).toBe(48);
    expect(BENCHMARKS.filter((r) => r.series === null).length).toBe(10);
  });
});

describe("benchmark(id, year?)", () => {
  it("looks up a row id case-insensitively, with an explanation naming source and period", () => {
    const r = benchmark("cs_2007_aprsep_GETONWELL");
    expect(val(r).id).toBe("CS_2007_AprSep_getonwell");
    expect(r.ok && r.explanation).toMatch(/82 per cent.*April–September 2007.*GR ¶3\.70; fn 5/);
  });

  it("accepts a row id with its own year, and fails for another year", () => {
    expect(val(benchmark("CLS_2016_17_getonwell", "2016/17")).value).toBe(81);
    const e = err(benchmark("CLS_2016_17_getonwell", "2018-19"), "notFound");
    expect(e.message).toMatch(/is for "2016-17", not "2018-19"/);
  });

  it.each(["2016-17", "2016/17", "2016–17", "2016/2017", "2016 - 2017", " 2016-17 "])("series year %p matches 2016-17", (y) => {
    expect(val(benchmark("getonwell", y)).id).toBe("CLS_2016_17_getonwell");
  });

  it("a number year works for calendar years", () => {
    expect(val(benchmark("influence", 2001)).value).toBe(44);
  });

  it("a year with no figure fails with the available years; nothing is interpolated", () => {
    const e = err(benchmark("getonwell", "2014-15"), "notFound");
    expect(e.field).toBe("year");
    expect(e.message).toMatch(/No "getonwell" figure for "2014-15"; available years: "2003", "2005", "2003 and 2005", "Apr-Sep 2007"/);
    expect(e.message).toMatch(/"2020-21"\. Figures are never interpolated\./);
  });

  it('a year the spec marks "not found" says so', () => {
    expect(err(benchmark("getonwell", "2023/24"), "notFound").message).toMatch(/marked "not found" in the sources/);
    expect(err(benchmark("influence", "2020-21"), "notFound").message).toMatch(/marked "not found"/);
  });

  it("a calendar year does not match a financial year (2008 is not 2008-09)", () => {
    err(benchmark("getonwell", 2008), "notFound");
  });

  it("a series with several figures needs a year", () => {
    const e = err(benchmark("britain"), "missing");
    expect(e.message).toBe('Series "britain" has 2 figures; give a year: "Oct 2007 release", "Jan 2008 release".');
  });

  it("a one-row series needs no year", () => {
    expect(val(benchmark("place_influence")).value).toBe(29);
  });

  it("unknown id → notFound listing the series", () => {
    const e = err(benchmark("CS_2099_getonwell"), "notFound");
    expect(e.field).toBe("id");
    expect(e.message).toMatch(/getonwell, neighbourhood, britain, influence, place_neighbourhood, place_influence/);
  });

  it("blank id → missing; non-text id or year → invalid", () => {
    err(benchmark(""), "missing");
    err(benchmark(null as unknown as string), "missing");
    err(benchmark(42 as unknown as string), "invalid");
    err(benchmark("getonwell", NaN), "invalid");
  });
});

describe("benchmarkValue", () => {
  it("returns the number for arithmetic, e.g. a gap from the LA average", () => {
    expect(75 - val(benchmarkValue("Table1_total"))).toBeCloseTo(-3.9, 10);
    expect(val(benchmarkValue("influence", "2009-10"))).toBe(37);
  });
  it("passes lookup failures through", () => {
    err(benchmarkValue("nope"), "notFound");
  });
});

describe("listBenchmarks", () => {
  it("lists everything, or one series in table order", () => {
    expect(val(listBenchmarks()).length).toBe(BENCHMARKS.length);
    expect(val(listBenchmarks("britain")).map((r) => r.value)).toEqual([85, 84]);
    expect(val(listBenchmarks("INFLUENCE")).map((r) => r.year)).toEqual([
      "2001",
      "2005",
      "2007-08",
      "2008-09",
      "2009-10",
      "2010-11",
      "2013-14",
      "2016-17",
    ]);
  });
  it("unknown series → notFound", () => {
    expect(err(listBenchmarks("cohesion"), "notFound").message).toMatch(/available: getonwell/);
  });
});
