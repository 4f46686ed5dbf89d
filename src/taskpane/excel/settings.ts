/**
 * What the workbook remembers (workbook.settings, ExcelApi 1.4; every key starts with SETTINGS_PREFIX):
 * per source, the mapping, the options and where the toolkit's columns were written; and the summary
 * sheet the toolkit last wrote, with a fingerprint to tell it from one the user has typed into since.
 */
import type { Field, OutputHeader } from "../../engine/table";
import type { RunOptions, SourceRef } from "./types";

/** Prefix of every settings key the toolkit writes (workbook.settings, ExcelApi 1.4). */
export const SETTINGS_PREFIX = "cohesion.v1";
export const SUMMARY_SETTING = `${SETTINGS_PREFIX}|summary`;
export const SUMMARY_SHEET_NAMES = ["Summary", "Cohesion summary"];
export const CHART_NAMES = { bands: "Cohesion: allocation by band", types: "Cohesion: areas by family type" } as const;

/** What the workbook's settings remember of the summary sheet the toolkit last wrote. */
export interface StoredSummary {
  sheet: string;
  /** Its used range (values only) as Excel gave it back after the write. */
  address?: string;
  /** summaryFingerprint of that range's values. */
  fingerprint?: string;
}

/**
 * A short fingerprint (FNV-1a, 32-bit, hex) of a block of cell values, to tell the summary sheet
 * exactly as the toolkit wrote it from one the user has since typed into. Not a security measure.
 */
export function summaryFingerprint(values: readonly (readonly unknown[])[]): string {
  const text = JSON.stringify(values);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${values.length}x${values[0]?.length ?? 0}:${(h >>> 0).toString(16)}`;
}

export interface SavedOutput {
  /** 0-based sheet column of the first of the toolkit's columns. */
  column: number;
  headers: OutputHeader[];
  /** Data rows written below the header. */
  rows: number;
}

/** What is remembered of one source, under its `settingsKey`. */
export interface SavedSource {
  v: 1;
  /** field → input column (index into the input headers) and its header text, or null for "(not used)". */
  mapping: Partial<Record<Field, { column: number; header: string } | null>>;
  options: RunOptions;
  formulas: boolean;
  output?: SavedOutput;
}

export function settingsKey(ref: SourceRef): string {
  return `${SETTINGS_PREFIX}|${ref.sheet}|${ref.kind}:${ref.name}`;
}
