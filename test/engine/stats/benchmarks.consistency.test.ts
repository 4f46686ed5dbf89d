/**
 * The indicator detector (src/engine/data/project/indicators.ts) takes its national comparators from the
 * one BENCHMARKS table by id; every id it names must resolve to a single published figure.
 */
import * as fs from "fs";
import * as path from "path";
import { INDICATORS } from "../../../src/engine/data/project/indicators";
import { BENCHMARKS } from "../../../src/engine/stats";

describe("indicator comparators come from BENCHMARKS", () => {
  const src = fs.readFileSync(path.resolve(__dirname, "../../../src/engine/data/project/indicators.ts"), "utf8");
  const named = [...src.matchAll(/nationalFigures\(([^)]*)\)/g)].flatMap((m) => [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]));
  it("names at least the NI 1, NI 2 and NI 4 figures", () => expect(named).toEqual(expect.arrayContaining(["CS_2007_AprSep_getonwell", "PlaceSurvey_2008_belonging", "PlaceSurvey_2008_influence"])));
  it.each(named)("%s resolves to a single figure", (id) => {
    const row = BENCHMARKS.find((b) => b.id === id);
    expect(row?.value).toEqual(expect.any(Number));
  });
  it("the detector's figures are exactly the table's", () => {
    for (const ind of INDICATORS)
      for (const b of ind.nationalBenchmarks) {
        const row = BENCHMARKS.find((x) => x.id === b.id)!;
        expect([b.value, b.source]).toEqual([row.value, row.source]);
      }
  });
});
