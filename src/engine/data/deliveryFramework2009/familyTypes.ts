import type { Source } from "../../types";

/**
 * The DTZ cut-offs behind the Commission's family-group typology.
 * @see CDF Part Two, "Typologies: cohesion family groups"
 */
export const TYPOLOGY_CUTOFFS = {
  /** F1. CDF: "the percentage of the working age population with NVQ level 4 … with the cut off point between the two being 25 per cent". Decision A1: 25 counts as affluent (inclusive, default). */
  nvq4AffluentPct: 25,
  /** F2. CDF: "rural areas being those where a district has at least 50 per cent or more of its population in rural settlements and larger market towns". Inclusive in the text. */
  ruralPct: 50,
  /** F3. CDF: "A8 workers per 10,000 … population … the cut off point between the two categories was seven". Decision A2: 7 counts as changing (inclusive, default). */
  a8ChangingPer10k: 7,
  /** F4. CDF: "having 1,000 jobs or more across Coal, Textiles and Steel combined in 1984". Inclusive in the text; applies to stable less affluent urban areas only (decision A3). */
  declineJobs1984: 1000,
  source: { doc: "CDF", ref: "Part Two, Typologies: cohesion family groups" } as Source,
} as const;

export type FamilyType = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
export type CohesionBand = "Lower cohesion areas" | "Higher cohesion areas";
export type FamilyGroup = "a" | "b" | "c" | "d" | "e";

export interface FamilyTypeRow {
  type: FamilyType;
  /** Table 1 name, verbatim. */
  name: string;
  rural: boolean;
  affluent: boolean;
  changing: boolean;
  /** Manufacturing decline (F4): true/false for types 2/3, null where the factor does not apply. */
  decline: boolean | null;
  /** "Average perception of cohesion" (Table 1). */
  average: number;
  /** "Number of areas" (Table 1). */
  areas: number;
  band: CohesionBand;
  /** Annex C family group, a)–d) for types 1–4; null for 5–9 (e) only by user assertion, decision A9). */
  group: FamilyGroup | null;
}

/**
 * CDF Table 1, in full and verbatim, with the factor combination each type stands for
 * (derived from Table 1's names; the documents give no algorithm).
 * @see CDF Part Two, Table 1
 */
export const TABLE_1: readonly FamilyTypeRow[] = [
  { type: 1, name: "Changing less affluent rural areas", rural: true, affluent: false, changing: true, decline: null, average: 72.2, areas: 27, band: "Lower cohesion areas", group: "a" },
  { type: 2, name: "Stable less affluent urban areas with manufacturing decline", rural: false, affluent: false, changing: false, decline: true, average: 73.3, areas: 20, band: "Lower cohesion areas", group: "b" },
  { type: 3, name: "Stable less affluent urban areas without manufacturing decline", rural: false, affluent: false, changing: false, decline: false, average: 74.1, areas: 29, band: "Lower cohesion areas", group: "c" },
  { type: 4, name: "Changing less affluent urban areas", rural: false, affluent: false, changing: true, decline: null, average: 76.3, areas: 32, band: "Lower cohesion areas", group: "d" },
  { type: 5, name: "Stable less affluent rural areas", rural: true, affluent: false, changing: false, decline: null, average: 79.9, areas: 49, band: "Higher cohesion areas", group: null },
  { type: 6, name: "Stable affluent urban areas", rural: false, affluent: true, changing: false, decline: null, average: 80.5, areas: 35, band: "Higher cohesion areas", group: null },
  { type: 7, name: "Changing but affluent urban areas", rural: false, affluent: true, changing: true, decline: null, average: 80.6, areas: 47, band: "Higher cohesion areas", group: null },
  { type: 8, name: "Stable affluent rural areas", rural: true, affluent: true, changing: false, decline: null, average: 82.9, areas: 65, band: "Higher cohesion areas", group: null },
  { type: 9, name: "Changing but affluent rural areas", rural: true, affluent: true, changing: true, decline: null, average: 83.0, areas: 36, band: "Higher cohesion areas", group: null },
];

/**
 * Table 1's published "Total" row, shipped unchanged (decision A8).
 * The nine counts sum to 340, not 353, and 78.9 is neither the area-weighted mean of the nine
 * averages (79.13) nor their simple mean (78.09). The documents do not explain this; we never
 * recompute the total. See README "Decisions", A8.
 * @see CDF Table 1, "Total"
 */
export const TABLE_1_TOTAL = {
  average: 78.9,
  areas: 353,
  note:
    "Published total. The nine type counts sum to 340, not 353, and 78.9 is neither the weighted (79.13) nor the simple (78.09) mean of the type averages; the figures are shown as published.",
  source: { doc: "CDF", ref: "Table 1" } as Source,
} as const;

/** Annex C headings for the family groups, verbatim. */
export const FAMILY_GROUPS: Readonly<Record<FamilyGroup, { heading: string; types: readonly FamilyType[]; source: Source }>> = {
  a: { heading: "Family group a) Changing less affluent rural areas", types: [1], source: { doc: "CDF", ref: "Annex C a)" } },
  b: { heading: "Family group b) Stable less affluent urban areas with manufacturing decline", types: [2], source: { doc: "CDF", ref: "Annex C b)" } },
  c: { heading: "Family group c) Stable less affluent urban areas (without manufacturing decline)", types: [3], source: { doc: "CDF", ref: "Annex C c)" } },
  d: { heading: "Family group d) Changing less affluent urban areas", types: [4], source: { doc: "CDF", ref: "Annex C d)" } },
  e: { heading: "Thematic group e) Areas with tensions arising from a single issue", types: [5, 6, 7, 8, 9], source: { doc: "CDF", ref: "Annex C e)" } },
};

/**
 * Caveats the UI shows next to any classification (CDF Part Two; GR ¶3.6).
 */
export const TYPOLOGY_CAVEATS = {
  accuracy:
    "an exercise undertaken by a Government Office found that 72 per cent of areas felt that the classification was accurate for their area, 9 per cent felt their area was more mixed than the averages suggested and 19 per cent disagreed with the classification.",
  noLabelling:
    "We will not use these to label, straight-jacket or pigeon-hole areas (particularly given the diversity of wards that can exist within local authority boundaries); nor to allocate funding; nor be prescriptive about approaches to cohesion.",
  decideYourselves:
    "Areas might find it helpful to decide themselves which group they fall in and using the typology is a good way to start thinking about the actions they might take.",
  noCounties: "It does not include County Councils.",
  districtLevel:
    "The national proxies (LFS NVQ4, Defra district rurality, 1984 sector jobs) were district-level; for wards or LSOAs the inputs and their meaning are the user's responsibility (decision A12).",
  sources: [
    { doc: "CDF", ref: "Part Two, Typologies" },
    { doc: "GR", ref: "¶3.6" },
  ] as Source[],
} as const;
