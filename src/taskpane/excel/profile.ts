/**
 * The area profile sheet (the Annex B mapping exercise, issue 16.2): written to a sheet of its own,
 * "Profile <area>", finished like the pane's other sheets (./finish.ts). Run again for the same area, it
 * updates its own cells in place — the header block and every column but "Local knowledge", which it
 * never writes once the sheet exists — so what the user typed there stays. It never overwrites a
 * non-empty cell that is not as it last wrote it without asking: the workbook's settings keep a
 * fingerprint of what it wrote; a cell changed since then is named, and the user confirms or not.
 * A profile sheet whose table no longer has the profile's shape (rows sorted, added or removed, columns
 * changed) is left as it is, and the profile goes to a new sheet.
 *
 * Office.js: Worksheet/WorksheetCollection.getItemOrNullObject, Table, Range.values, activate, select
 * (ExcelApi 1.1–1.4); workbook.settings (1.4); freezePanes (1.7); the rest as in ./finish.ts.
 */
import type { AnnexBProfile } from "../../engine/profile/build";
import { gridFingerprint } from "../../engine/resultBlock";
import { asCellValues, rangeAddress, sameCell } from "./cells";
import { finishTable } from "./finish";
import { SETTINGS_PREFIX } from "./settings";
import { uniqueSheetName } from "./tableSheet";
import type { ExcelRun } from "./types";

/* global Excel */

export type ProfileWriteOutcome =
  | { status: "written"; sheet: string; updated: boolean; note?: string }
  | { status: "needsConfirmation"; sheet: string; cells: string[]; message: string }
  | { error: string };

export interface ProfileTools {
  /** Writes (or updates) the profile sheet; `confirmOverwrite`: the user agreed to replace the changed cells a previous call named. */
  writeProfile(profile: AnnexBProfile, options?: { confirmOverwrite?: boolean }): Promise<ProfileWriteOutcome>;
}

/** The profile's sheet name: "Profile <area>", within Excel's rules (31 characters, none of : \ / ? * [ ]). */
export function profileSheetName(area: string): string {
  return `Profile ${area}`.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().slice(0, 31).trim();
}

/** `name` is `base`, or `base` numbered by uniqueSheetName ("Profile Ashbury 2", its base cut to fit 31 characters). */
export function profileNameFits(name: string, base: string): boolean {
  if (name.toLowerCase() === base.toLowerCase()) return true;
  const m = / (\d+)$/.exec(name);
  return m !== null && name.slice(0, m.index).toLowerCase() === base.slice(0, 31 - m[0].length).toLowerCase();
}

export const profileSettingKey = (sheet: string): string => `${SETTINGS_PREFIX}|profile|${sheet.toLowerCase()}`;

/** The header block as the cells hold it (written through asCellValues, so text stays text): every row as wide as the widest (at least 2). */
function headerBlock(p: AnnexBProfile): (string | number)[][] {
  const w = Math.max(2, ...p.header.map((r) => r.length));
  return p.header.map((r) => [...r, ...new Array<string>(w - r.length).fill("")]);
}

/** The toolkit's own cells of a profile sheet: the header block, the table header, and each body row without its last (Local knowledge) cell. */
function ownCells(block: readonly (readonly unknown[])[], table: readonly (readonly unknown[])[]): unknown[][] {
  return [...block.map((r) => [...r]), ...table.map((r) => r.slice(0, -1))];
}

export function createProfileTools(run: ExcelRun = (batch) => Excel.run(batch)): ProfileTools {
  async function writeProfile(p: AnnexBProfile, options: { confirmOverwrite?: boolean } = {}): Promise<ProfileWriteOutcome> {
    const base = profileSheetName(p.area);
    const block = headerBlock(p);
    const top = block.length + 1;
    const width = p.columns.length;
    const table: (string | number)[][] = [[...p.columns], ...p.rows.map((r) => [...r])];
    try {
      return await run(async (context) => {
        const wb = context.workbook;
        const sheets = wb.worksheets;
        sheets.load("items/name");
        await context.sync();
        // This area's profile sheet: the one named for it, or a numbered one ("Profile …orough 2") taken when that
        // name was in use, whose title is this area's (two long names can share their first 31 characters).
        const names = sheets.items.map((s) => s.name);
        const candidates = names.filter((n) => profileNameFits(n, base));
        const titles = candidates.map((n) => ({ name: n, a1: sheets.getItem(n).getRange("A1").load("values") }));
        if (titles.length) await context.sync();
        // The newest such sheet (sheets are added at the end), so one left aside as reshaped is not chosen again.
        const found = titles.filter((t) => sameCell(t.a1.values[0][0], block[0][0])).pop()?.name ?? (names.includes(base) ? base : null);
        const existing = found === null ? null : sheets.getItem(found);
        const stored = wb.settings.getItemOrNullObject(profileSettingKey(found ?? base));
        stored.load("value");
        // The existing sheet's tables ride on the same request as the stored fingerprint.
        const tables = existing?.tables.load("items/name") ?? null;
        await context.sync();
        let note: string | undefined;

        if (existing !== null && found !== null && tables !== null) {
          const first = tables.items[0];
          const range = first ? first.getRange().load("rowIndex,columnIndex,rowCount,columnCount,values") : null;
          const head = existing.getRangeByIndexes(0, 0, block.length, block[0].length).load("values");
          await context.sync();
          const fits =
            range !== null &&
            sameCell(head.values[0][0], block[0][0]) &&
            range.rowIndex === top &&
            range.columnIndex === 0 &&
            range.columnCount === width &&
            range.rowCount === table.length &&
            range.values.every((r, i) => sameCell(r[0], table[i][0])) &&
            range.values[0].every((v, j) => sameCell(v, table[0][j]));
          if (fits) {
            const now = ownCells(block, table);
            const current = ownCells(head.values, range.values);
            const asWritten = !stored.isNullObject && gridFingerprint(current) === (stored.value as { fingerprint?: string } | null)?.fingerprint;
            const changed: string[] = [];
            if (!asWritten) {
              current.forEach((r, i) =>
                r.forEach((v, j) => {
                  if (!sameCell(v, "") && !sameCell(v, now[i][j])) changed.push(i < block.length ? rangeAddress(null, i, j, 1, 1) : rangeAddress(null, top + i - block.length, j, 1, 1));
                }),
              );
            }
            if (changed.length && !options.confirmOverwrite) {
              const shown = changed.slice(0, 8).join(", ") + (changed.length > 8 ? ` and ${changed.length - 8} more` : "");
              return {
                status: "needsConfirmation",
                sheet: found,
                cells: changed,
                message: `${changed.length} cell(s) of the profile's own columns on "${found}" were changed since it was written (${shown}). Replace them with the new profile? The Local knowledge column is kept either way.`,
              };
            }
            context.workbook.application.suspendApiCalculationUntilNextSync();
            existing.getRangeByIndexes(0, 0, block.length, block[0].length).values = asCellValues(block);
            existing.getRangeByIndexes(top, 0, table.length, width - 1).values = asCellValues(table.map((r) => r.slice(0, -1)));
            existing.getRangeByIndexes(top, 0, table.length, width).format.autofitRows();
            existing.activate();
            existing.getRange("A1").select();
            wb.settings.add(profileSettingKey(found), { fingerprint: gridFingerprint(now) });
            await context.sync();
            return { status: "written", sheet: found, updated: true };
          }
          note = `The sheet "${found}" is not this area's profile as the toolkit wrote it (another area's, or its rows or columns were changed), so it is left as it is.`;
        }

        const name = uniqueSheetName(base, names);
        const sheet = sheets.add(name);
        sheet.getRangeByIndexes(0, 0, block.length, block[0].length).values = asCellValues(block);
        sheet.getRangeByIndexes(top, 0, table.length, width).values = asCellValues(table);
        const t = sheet.tables.add(rangeAddress(name, top, 0, table.length, width), true);
        finishTable(sheet, t, { top, columns: p.columns, rows: p.rows, title: true });
        sheet.activate();
        sheet.getRange("A1").select();
        wb.settings.add(profileSettingKey(name), { fingerprint: gridFingerprint(ownCells(block, table)) });
        await context.sync();
        return note ? { status: "written", sheet: name, updated: false, note } : { status: "written", sheet: name, updated: false };
      });
    } catch (e) {
      return { error: `Could not write the profile: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { writeProfile };
}
