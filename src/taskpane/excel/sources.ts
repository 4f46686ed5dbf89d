/**
 * What `listSources` answers for each table found: its address and headers, and the proposed mapping of
 * fields to columns (remembered, else the engine's header rule) with a hint per field in words.
 */
import { FIELD_LABELS, INPUT_FIELDS, matchHeaders, type ColumnMapping, type Field, type FieldMatch } from "../../engine/table";
import { columnLetter } from "../../engine/a1";
import { rangeAddress } from "./cells";
import type { Region } from "./locate";
import { DEFAULT_OPTIONS, type SourceInfo } from "./types";

/** Fields the pane maps: the engine's inputs, and a population column for the family-type mix. */
export const MAPPED_FIELDS: readonly Field[] = [...INPUT_FIELDS, "population"];

/** The header rule's proposal for a field in words, for its hint: the score, the runner-up, or a tie it refused (the same rule as `cohesion apply`). */
function matchHint(m: FieldMatch, letters: readonly string[]): string | undefined {
  const col = (c: { column: number; header: string }) => `"${letters[c.column]}: ${c.header.trim() || "(no header)"}"`;
  if (m.ambiguous) {
    const names = m.ambiguous.candidates.map((c) => `${col(c)}${c.field !== m.field ? ` (as ${FIELD_LABELS[c.field]})` : ""}`);
    return `Not chosen: ${names.join(" and ")} match equally (score ${m.ambiguous.score}); choose one.`;
  }
  const r = m.runnerUp;
  if (m.column === null) return r ? `Nearest header: ${col(r)} (score ${r.score}; 70 needed).` : undefined;
  const next = !r ? "" : r.field === m.field ? `; next best ${col(r)} (score ${r.score}${r.usedBy ? `, used for ${FIELD_LABELS[r.usedBy]}` : ""})` : `; next best: this column as ${FIELD_LABELS[r.field]} (score ${r.score})`;
  return m.exact && !next ? undefined : `Header match, score ${m.score}${next}.`;
}

function proposeMapping(region: Region): { mapping: ColumnMapping; remembered: boolean; hints: Partial<Record<Field, string>> } {
  const matches = matchHeaders(region.headers);
  const proposed: ColumnMapping = {};
  for (const f of MAPPED_FIELDS) if (matches[f].column !== null) proposed[f] = matches[f].column as number;
  const letters = region.headers.map((_, i) => columnLetter(region.firstColumn + i + 1));
  const hintsFor = (mapping: ColumnMapping) => {
    const hints: Partial<Record<Field, string>> = {};
    for (const f of MAPPED_FIELDS) {
      const text = mapping[f] === proposed[f] ? matchHint(matches[f], letters) : undefined;
      if (text) hints[f] = text;
    }
    return hints;
  };
  const saved = region.saved?.mapping;
  if (!saved) return { mapping: proposed, remembered: false, hints: hintsFor(proposed) };
  const mapping: ColumnMapping = {};
  let remembered = false;
  for (const f of MAPPED_FIELDS) {
    const s = saved[f];
    if (s === undefined) {
      if (proposed[f] !== undefined) mapping[f] = proposed[f];
    } else if (s === null) {
      remembered = true; // "(not used)" was chosen
    } else if (region.headers[s.column] === s.header) {
      mapping[f] = s.column;
      remembered = true;
    } else if (proposed[f] !== undefined) {
      mapping[f] = proposed[f]; // the remembered column moved or was renamed: propose again
    }
  }
  return { mapping, remembered, hints: hintsFor(mapping) };
}

export function sourceInfo(r: Region): SourceInfo {
  const address = rangeAddress(r.sheet, r.headerRow, r.firstColumn, r.rowCount + 1, r.inputWidth);
  const { mapping, remembered, hints } = proposeMapping(r);
  return {
    ref: r.ref,
    key: r.key,
    label: r.ref.kind === "table" ? `${r.ref.name} (${address})` : address,
    address,
    headers: r.headers,
    columnLetters: r.headers.map((_, i) => columnLetter(r.firstColumn + i + 1)),
    rowCount: r.rowCount,
    mapping,
    remembered,
    hints,
    options: { ...DEFAULT_OPTIONS, ...(r.saved?.options ?? {}) },
    formulas: r.saved?.formulas ?? false,
    ownColumns: r.own ? [...r.own.headers] : [],
    ownAddress: r.own ? rangeAddress(r.sheet, r.headerRow, r.own.column, r.own.rows + 1, r.own.headers.length) : null,
  };
}
