/**
 * The recommendations tracker sheet's rules (issue 16.3): its columns (the engine's RECOMMENDATION_TRACKER_HEADER
 * plus the user's Status, Owner, Date and Notes), the rows it writes, and how a re-run updates a tracker
 * the user has worked in — rows matched by recommendation number (never by position, so re-sorted rows
 * still match), only the engine's columns written, the user's columns and rows left alone, and any
 * engine cell whose text differs from what the engine writes now named for the user to confirm.
 * Pure: the pane's excel/tracker.ts reads and writes the cells.
 *
 * Not exported from index.ts: only the pane's lazily loaded code uses it, so it stays out of the
 * scripts the pane loads at start (webpack's engine-later chunk; test/build/chunks.test.ts).
 */
import { RECOMMENDATION_RECORDS, RECOMMENDATION_TRACKER_HEADER, recommendationRow, type RecommendationRecord } from "./commission";
import { fail, ok, type Result, type Source } from "./types";

/** The Excel table's name: how a re-run finds the tracker, wherever the user moved or renamed its sheet. */
export const TRACKER_TABLE_NAME = "CohesionRecommendationTracker";
/** The new sheet's name (a free one like "Recommendations tracker 2" when taken by a sheet that is not the tracker). */
export const TRACKER_SHEET_NAME = "Recommendations tracker";
/** The user's columns: the tracker writes their header, then never a cell under it. */
export const TRACKER_USER_COLUMNS = ["Status", "Owner", "Date", "Notes"] as const;
/** The tracker's columns, in order. */
export const TRACKER_COLUMNS: readonly string[] = [...RECOMMENDATION_TRACKER_HEADER, ...TRACKER_USER_COLUMNS];
/** The Status column's in-cell list: this add-in's choice (the documents set no statuses). */
export const TRACKER_STATUSES = ["Not started", "Planned", "In progress", "Done", "Not taken forward"] as const;
export const TRACKER_STATUS_SOURCE: Source = { doc: "DECISION", ref: "tracker statuses (README, Recommendations reference and tracker)" };
/** The Date column's validation: a date on or after the report's publication (Our Shared Future, 14 June 2007). */
export const TRACKER_DATE_FROM = "2007-06-14";
export const TRACKER_DATE_FORMAT = "yyyy-mm-dd";

/** The rows above the table: title, where every column comes from, and what a re-run keeps. */
export const TRACKER_TITLE: readonly (readonly string[])[] = [
  ["The Commission on Integration and Cohesion's 57 recommendations: tracker"],
  [
    "Recommendations and report references: Our Shared Future (Commission on Integration and Cohesion, 14 June 2007), as the Leicestershire factsheet reproduces them (REC). " +
      "Responses: The Government's Response to the Commission on Integration and Cohesion (CLG, February 2008), Section 4 (GR); the response reading is this add-in's. " +
      "Priorities: the Secretary of State's letter of October 2007 (SoS); links inferred. Themes and audiences: this add-in's grouping.",
  ],
  ["Status, Owner, Date and Notes are yours: writing the tracker again from the pane (Recs tab) updates the other columns, matched by No., and keeps them, your own columns and your own rows."],
];

/** One tracker row: the engine's cells (No. as a number, so the column sorts as numbers), then the user's columns empty. */
export function trackerRow(r: RecommendationRecord): (string | number)[] {
  const cells: (string | number)[] = recommendationRow(r);
  cells[0] = r.number;
  return [...cells, ...TRACKER_USER_COLUMNS.map(() => "")];
}

/** All 57 rows, in number order. */
export function trackerRows(records: readonly RecommendationRecord[] = RECOMMENDATION_RECORDS): (string | number)[][] {
  return records.map(trackerRow);
}

/** A cell of the engine's columns in a tracker's body (0-based within the header and body read). */
export interface TrackerCell {
  row: number;
  column: number;
  value: string | number;
  /** What the cell holds now. */
  was: unknown;
}

export interface TrackerUpdate {
  /** Empty cells of the engine's columns in matched rows: filled without asking. */
  writes: TrackerCell[];
  /** Non-empty engine cells whose text differs from the engine's: typed since, or an older wording. Written only when the user confirms. */
  changed: TrackerCell[];
  /** Rows matched to a recommendation by their No. */
  matched: number;
  /** Engine columns with no header of that name (renamed or deleted): not written. */
  missingColumns: string[];
  /** Recommendations no row carries (rows deleted): not re-added. */
  missingNumbers: number[];
  /** Body rows whose No. repeats an earlier row's: left alone. */
  duplicateRows: number[];
  /** Body rows with no recommendation number (the user's own rows): left alone. */
  otherRows: number[];
  /** Headers that are neither the engine's nor the user columns the tracker made: the user's own columns, left alone. */
  userColumns: string[];
  /** Where the Status and Date columns are (for their validation), or null when gone. */
  statusColumn: number | null;
  dateColumn: number | null;
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v)).trim();

/** A No. cell's recommendation number (1–57), or null. */
function numberOf(v: unknown): number | null {
  const t = text(v);
  if (!/^\d{1,2}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= RECOMMENDATION_RECORDS.length ? n : null;
}

/**
 * How a re-run updates a tracker: `header` is its header row, `body` its data rows, as read. Rows are
 * matched by their No., whatever their order; each engine column is found by its header. Fails when there
 * is no "No." column to match by.
 */
export function planTrackerUpdate(header: readonly unknown[], body: readonly (readonly unknown[])[]): Result<TrackerUpdate> {
  const names = header.map(text);
  const at = (name: string) => {
    const i = names.indexOf(name);
    return i < 0 ? null : i;
  };
  const key = at(RECOMMENDATION_TRACKER_HEADER[0]);
  if (key === null) return fail("notFound", `The tracker has no "${RECOMMENDATION_TRACKER_HEADER[0]}" column, which rows are matched by: give the column that header again, or delete the tracker's sheet to write it afresh.`, "header");
  const engine = RECOMMENDATION_TRACKER_HEADER.map((h, i) => ({ h, i, column: at(h) }));
  const seen = new Set<number>();
  const update: TrackerUpdate = {
    writes: [],
    changed: [],
    matched: 0,
    missingColumns: engine.filter((e) => e.column === null).map((e) => e.h),
    missingNumbers: [],
    duplicateRows: [],
    otherRows: [],
    userColumns: names.filter((n) => n !== "" && !TRACKER_COLUMNS.includes(n)),
    statusColumn: at("Status"),
    dateColumn: at("Date"),
  };
  body.forEach((cells, row) => {
    const n = numberOf(cells[key]);
    if (n === null) return void update.otherRows.push(row);
    if (seen.has(n)) return void update.duplicateRows.push(row);
    seen.add(n);
    update.matched++;
    const want = trackerRow(RECOMMENDATION_RECORDS[n - 1]);
    for (const e of engine) {
      if (e.column === null || e.i === 0) continue;
      const was = cells[e.column];
      const value = want[e.i];
      if (text(was) === text(value)) continue;
      (text(was) === "" ? update.writes : update.changed).push({ row, column: e.column, value, was });
    }
  });
  update.missingNumbers = RECOMMENDATION_RECORDS.map((r) => r.number).filter((n) => !seen.has(n));
  return ok(update, () => `${update.matched} of ${RECOMMENDATION_RECORDS.length} recommendations found in the tracker by No.; ${update.writes.length} empty cells to fill, ${update.changed.length} changed.`);
}
