/**
 * `cohesion profile <file> --area NAME --out FILE [--sheet NAME] [--compare LIST] [--date YYYY-MM-DD]`:
 * the Annex B mapping exercise for one area of the table (the engine's annexBProfile: CDF Annex B's items
 * with the workbook's evidence, and an empty "Local knowledge" column), written as a one-sheet .xlsx or as
 * a .csv (the table only, with the header block as leading "#" lines left out: a CSV is one table).
 * The input is never modified; the output is written atomically.
 */
import * as fs from "fs";
import * as path from "path";
import { annexBProfile, COMPARATOR_KINDS, findAreaRow, LOCAL_KNOWLEDGE_COLUMN, PROFILE_COLUMNS, mapHeaders, mapIndicatorHeaders, subjectFromTable, type ComparatorKind } from "../engine";
import { formatOf, load } from "./apply";
import { checkPaths } from "./apply/options";
import { writeAtomically, writeToTemp } from "./atomic";
import { cellText, csvSafe, engineValue } from "./cells";
import { writeDelimited } from "./delimited";
import { CliError } from "./errors";
import { findLayout, listHeaders } from "./layout";
import { writeProfileBook } from "./xlsx/profileBook";

export interface ProfileCliOptions {
  input: string;
  area: string;
  out: string;
  sheet?: string;
  compare?: string;
  date?: string;
}

/** The comparators asked for ("national,median"), each one of the detector's kinds except custom (which needs values). */
export function parseComparators(raw: string | undefined): ComparatorKind[] | undefined {
  if (raw === undefined) return undefined;
  const allowed = COMPARATOR_KINDS.filter((k) => k !== "custom");
  const list = raw.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const bad = list.filter((s) => !(allowed as readonly string[]).includes(s));
  if (list.length === 0 || bad.length) throw new CliError(`profile: --compare takes a comma-separated list of ${allowed.join(", ")}; got "${raw}"`);
  return [...new Set(list)] as ComparatorKind[];
}

export async function runProfile(o: ProfileCliOptions, print: (text: string) => void, warn: (line: string) => void, today: () => string = () => new Date().toISOString().slice(0, 10)): Promise<number> {
  if (!o.area.trim()) throw new CliError("profile: --area is empty; give the area's name as in the table");
  const comparators = parseComparators(o.compare);
  if (o.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new CliError(`profile: --date must be YYYY-MM-DD; got "${o.date}"`);
  const inFormat = formatOf(o.input, "input");
  const outFormat = formatOf(o.out, "output");
  checkPaths(o.input, o.out);

  const loaded = await load({ input: o.input, out: o.out, sheet: o.sheet, cols: [], scale: "auto", basis: "point", version: "" }, inFormat, inFormat);
  const layout = findLayout(loaded.grid, loaded.where);
  const headers = layout.headers;
  const fields = mapHeaders(headers);
  if (fields.name === undefined) throw new CliError(`profile: no column of area names (a header such as "Area" or "Name") in ${loaded.where}; its headers are ${listHeaders(headers)}`);
  const readable = ["score", "nvq4", "rural", "a8", "jobs1984"].some((f) => fields[f as keyof typeof fields] !== undefined) || Object.keys(mapIndicatorHeaders(headers)).length > 0;
  if (!readable) throw new CliError(`profile: ${loaded.where} has none of the columns the profile reads (a "get on well together" score, the NVQ4+, rural, A8 or 1984 jobs proxies, or an indicator such as "Belonging"); its headers are ${listHeaders(headers)}`);

  const rows = loaded.grid.slice(layout.headerRow + 1, layout.lastRow + 1).map((r) => headers.map((_, c) => engineValue(r?.[c])));
  const found = findAreaRow(headers, rows, o.area);
  if (!found.ok) throw new CliError(`profile: ${found.error.message}`);
  const sheetRow = layout.headerRow + 1 + found.value;
  const subject = subjectFromTable(headers, rows, found.value, { from: `${path.basename(o.input)}, ${loaded.where.startsWith("sheet") ? `${loaded.where.split(" of ")[0]}, ` : ""}row ${sheetRow}` });
  for (const p of subject.area.problems) warn(`row ${sheetRow}: ${p}`);
  const profile = annexBProfile(subject, { comparators, date: o.date ?? today() });
  if (!profile.ok) throw new CliError(`profile: ${profile.error.message}`);
  const p = profile.value;
  const kept = await keptLocalKnowledge(o.out, p.codes, String(p.header[0][0]));
  const rowsOut = p.rows.map((r) => (kept.has(r[0]) ? [...r.slice(0, -1), kept.get(r[0])!] : r));
  const header = p.header;

  const shown = o.out;
  if (outFormat.kind === "csv") {
    const table = [[...p.columns], ...rowsOut].map((r) => r.map((v) => csvSafe(v).text));
    const text = writeDelimited(table, { delimiter: outFormat.delimiter ?? ",", eol: "\r\n", bom: true });
    await writeAtomically(o.out, shown, (temp) => fs.writeFileSync(temp, text));
  } else {
    const sheetName = `Profile ${p.area}`.replace(/[[\]:*?/\\]/g, " ").slice(0, 31).trim();
    await writeAtomically(o.out, shown, (temp) => writeToTemp(temp, (stream) => writeProfileBook(stream, { sheetName, header: header.map((r) => r.map((v) => (typeof v === "number" ? v : cellText(v)))), columns: p.columns, rows: rowsOut })));
  }
  const issues = p.rows[p.codes.indexOf("F3")][5];
  print(`Area profile of ${p.area} (CDF Annex B: ${p.rows.length - 4} items) written to ${shown}${kept.size ? `; the Local knowledge of ${kept.size} row(s) kept from the earlier profile` : ""}.\n`);
  print(issues ? `Issues suggested (none final):\n${issues.split("\n").map((l) => `  ${l}`).join("\n")}\n` : "No issue suggested by the indicators.\n");
  // Written, but some of the area's cells could not be read (each named on stderr and under "Not read"): exit 1, so a script notices.
  return subject.area.problems.length ? 1 : 0;
}

/**
 * When --out already holds a profile (a table headed Code … Local knowledge), what its Local knowledge column
 * says, by code: a re-run keeps it. Any other existing file is refused, never overwritten.
 */
async function keptLocalKnowledge(out: string, codes: readonly string[], title: string): Promise<Map<string, string>> {
  const kept = new Map<string, string>();
  if (!fs.existsSync(out)) return kept;
  const fmt = formatOf(out, "output");
  let grid: Awaited<ReturnType<typeof load>>["grid"];
  try {
    grid = (await load({ input: out, out: "", cols: [], scale: "auto", basis: "point", version: "" }, fmt, fmt)).grid;
  } catch {
    throw new CliError(`profile: ${out} exists and cannot be read as a profile; it is not overwritten: choose another --out or remove it`);
  }
  const at = grid.findIndex((r) => r !== undefined && cellText(r[0]).trim() === PROFILE_COLUMNS[0] && r.some((c) => cellText(c).trim() === LOCAL_KNOWLEDGE_COLUMN));
  if (at < 0) throw new CliError(`profile: ${out} exists and is not a profile written by cohesion profile (no "${PROFILE_COLUMNS[0]}" … "${LOCAL_KNOWLEDGE_COLUMN}" table); it is not overwritten: choose another --out or remove it`);
  // An .xlsx profile starts with its title, which names the area: another area's profile is not this one's to update.
  const first = grid.slice(0, at).find((r) => r !== undefined && cellText(r[0]).trim() !== "");
  if (first && cellText(first[0]).trim() !== title) throw new CliError(`profile: ${out} holds another profile ("${cellText(first[0]).trim()}"); it is not overwritten: choose another --out for this area`);
  const lk = grid[at]!.findIndex((c) => cellText(c).trim() === LOCAL_KNOWLEDGE_COLUMN);
  for (const r of grid.slice(at + 1)) {
    const code = cellText(r?.[0]).trim();
    const text = cellText(r?.[lk]);
    if (codes.includes(code) && text.trim() !== "") kept.set(code, text.replace(/^'(?=[=+\-@\t\r])/, ""));
  }
  return kept;
}
