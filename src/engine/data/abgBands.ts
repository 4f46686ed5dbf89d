import type { Source } from "../types";

export type AbgBand = 0 | 1 | 2 | 3 | 4 | 5;

export interface AbgBandRow {
  band: Exclude<AbgBand, 0>;
  /** Inclusive lower bound ("at least"), null for band 1. */
  minInclusive: number | null;
  /** Exclusive upper bound ("below"). */
  maxExclusive: number;
  /** Amount per authority in whole pounds. */
  amountGbp: number;
  /** The deciding words of GR ¶2.3. */
  quote: string;
}

/**
 * Area Based Grant cohesion bands on the BVPI "get on well together" score.
 * Every band is [minInclusive, maxExclusive): exactly 55 is band 2, exactly 75 has no band.
 * @see GR ¶2.3 (bands and amounts), GR fn 4 (the score), GR fn 6 (confidence intervals)
 */
export const ABG_BANDS = {
  source: { doc: "GR", ref: "¶2.3" } as Source,
  appliesTo: "per authority, 2008-2011 settlement (period split not stated)",
  rows: [
    { band: 1, minInclusive: null, maxExclusive: 55, amountGbp: 660_000, quote: "below 55%" },
    { band: 2, minInclusive: 55, maxExclusive: 60, amountGbp: 540_000, quote: "below 60% but at least 55%" },
    { band: 3, minInclusive: 60, maxExclusive: 65, amountGbp: 410_000, quote: "below 65% but at least 60%" },
    { band: 4, minInclusive: 65, maxExclusive: 70, amountGbp: 280_000, quote: "below 70% but at least 65%" },
    { band: 5, minInclusive: 70, maxExclusive: 75, amountGbp: 150_000, quote: "below 75% but at least 70%" },
  ] as readonly AbgBandRow[],
  /** Decision A6: a score of 75% or more has no band and gets £0 from the £34m. */
  noBand: {
    band: 0 as const,
    minInclusive: 75,
    amountGbp: 0,
    note: "no ABG cohesion allocation band; PAYP still distributed to all authorities",
  },
} as const;

/**
 * The programme figures the allocations are set against (framework-rules.md §2.1).
 * @see GR ¶2.2–2.3
 */
export const ABG_PROGRAMME = {
  /** GR ¶2.3: "We propose to allocate £34m through Area Based Grant using the community cohesion best value performance indicator findings". */
  abgCohesionGbp: 34_000_000,
  /** GR ¶2.2: the provisional Local Government Settlement for 2008-2011. */
  settlementGbp: 38_500_000,
  /** GR ¶2.2: "a £50m investment … over the next three years". */
  totalInvestmentGbp: 50_000_000,
  source: { doc: "GR", ref: "¶2.2–2.3" } as Source,
} as const;
