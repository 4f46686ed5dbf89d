import type { Source } from "../../types";

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
 * The programme figures the allocations are set against.
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

export interface FundingLine {
  /** Whole pounds as printed, or null for a line the documents do not price. */
  amountGbp: number | null;
  label: string;
  source: Source;
}

/**
 * The £50m cohesion investment, component by component, as printed (decision A21): the lines are
 * shown, never forced to sum. £34m + £4.5m + £3m + £8m = £49.5m, so a line for the £0.5m the
 * documents do not itemise is added, and the footnote records CDF's "remainder" (£8.5m by
 * subtraction) against GR's "remaining £8m". Only the £34m enters any calculation here.
 * @see GR ¶2.2–2.7, fn 3; CDF §1.2
 */
export const FUNDING_COMPONENTS = {
  totalGbp: ABG_PROGRAMME.totalInvestmentGbp,
  lines: [
    { amountGbp: ABG_PROGRAMME.abgCohesionGbp, label: "Area Based Grant, by the cohesion bands (the allocations this add-in computes)", source: { doc: "GR", ref: "¶2.3" } },
    { amountGbp: 4_500_000, label: "Positive Activities for Young People, to all authorities whatever their score (within the £222m PAYP ABG contribution)", source: { doc: "GR", ref: "¶2.5, fn 3" } },
    { amountGbp: 3_000_000, label: "Regional Improvement and Efficiency Partnerships", source: { doc: "GR", ref: "¶2.6, ¶3.30" } },
    { amountGbp: 8_000_000, label: "Connecting Communities Plus (decision on its use \"next year\")", source: { doc: "GR", ref: "¶2.7" } },
    { amountGbp: 500_000, label: "Not itemised in the documents (£50m less the lines above)", source: { doc: "GR", ref: "¶2.2–2.7 (arithmetic)" } },
  ] as readonly FundingLine[],
  footnote:
    "As printed; not forced to sum. £34m + £4.5m is the £38.5m of the 2008-2011 settlement (GR ¶2.2). CDF §1.2 calls what follows the £34m, £4.5m and £3m \"the remainder\" (£8.5m by subtraction) where GR ¶2.7 says \"the remaining £8m\". Schools Linking Network funding is printed both as £2m (GR ¶3.20) and £3m (rec. 42).",
} as const;
