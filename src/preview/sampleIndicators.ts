/**
 * A deterministic, made-up indicator table (no real authority's figures) for the tests, the
 * benchmark and a browser preview: a header row the header synonyms recognise, then `rows` rows.
 * Some rows are deliberately bad (text where a number belongs, blank rows) so notes appear.
 */
export const SAMPLE_HEADERS = ["Area", "NI 1 %", "CI", "NVQ4+ %", "Rural %", "A8 per 10,000", "Jobs 1984", "Single issue"] as const;

export interface SampleOptions {
  /** Every `badEvery`-th row has "n/a" as its score (0 = none). Default 97. */
  badEvery?: number;
  /** Every `blankEvery`-th row has no inputs at all (0 = none). Default 211. */
  blankEvery?: number;
  seed?: number;
}

/** The table as columns (header first in each), which loads fastest into the stand-in. */
export function sampleIndicatorColumns(rows: number, options: SampleOptions = {}): unknown[][] {
  const badEvery = options.badEvery ?? 97;
  const blankEvery = options.blankEvery ?? 211;
  let s = (options.seed ?? 20080401) >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const cols: unknown[][] = SAMPLE_HEADERS.map((h) => [h]);
  for (let i = 1; i <= rows; i++) {
    const blank = blankEvery > 0 && i % blankEvery === 0;
    const values: unknown[] = blank
      ? [`Area ${i}`, "", "", "", "", "", "", ""]
      : [
          `Area ${i}`,
          badEvery > 0 && i % badEvery === 0 ? "n/a" : round1(45 + rnd() * 40),
          round1(1.5 + rnd() * 3),
          round1(8 + rnd() * 37),
          round1(rnd() * 95),
          round1(rnd() * 25),
          Math.round(rnd() * 4000),
          rnd() < 0.05,
        ];
    values.forEach((v, j) => cols[j].push(v));
  }
  return cols;
}
