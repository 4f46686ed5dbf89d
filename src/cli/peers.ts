/**
 * `cohesion peers <file> --area NAME --col name=HEADER --col ind=HEADER... [--k N] [--method M] [--json]`:
 * the k nearest areas on the chosen indicators (the engine's nearestNeighbours: z-score rebased so the
 * farthest is 1, or min-max). With --json, stdout is exactly {"area": NAME, "neighbours": [{"name", "distance"}, …]}.
 */
import * as fs from "fs";
import { columnLetter, DEFAULT_NEIGHBOURS, indicatorTable, nearestNeighbours, NEIGHBOUR_METHODS, parseChoice, type NeighbourMethod } from "../engine";
import { formatOf, load } from "./apply";
import { cellText, engineValue } from "./cells";
import { CliError } from "./errors";
import { findLayout, listHeaders } from "./layout";

export interface PeersOptions {
  input: string;
  area: string;
  cols: readonly string[];
  sheet?: string;
  k?: string;
  method?: string;
  json: boolean;
}

export async function runPeers(o: PeersOptions, print: (text: string) => void, warn: (line: string) => void): Promise<number> {
  if (!fs.existsSync(o.input)) throw new CliError(`cannot read ${o.input}: no such file`);
  let nameHeader: string | null = null;
  const indHeaders: string[] = [];
  for (const c of o.cols) {
    const m = /^\s*(name|ind)\s*=(.*)$/i.exec(c);
    if (!m || !m[2].trim()) throw new CliError(`peers: --col must be name=HEADER or ind=HEADER; got "${c}"`);
    if (m[1].toLowerCase() === "name") {
      if (nameHeader !== null) throw new CliError("peers: give --col name=HEADER once");
      nameHeader = m[2].trim();
    } else indHeaders.push(m[2].trim());
  }
  if (nameHeader === null) throw new CliError("peers: missing --col name=HEADER (the column of area names)");
  if (indHeaders.length === 0) throw new CliError("peers: give at least one --col ind=HEADER (an indicator column)");
  const method = parseChoice(o.method, NEIGHBOUR_METHODS, "zscore", "--method");
  if (!method.ok) throw new CliError(method.error.message);
  let k = DEFAULT_NEIGHBOURS;
  if (o.k !== undefined) {
    k = Number(o.k);
    if (!Number.isInteger(k) || k < 1) throw new CliError(`--k must be a whole number of 1 or more; got "${o.k}"`);
  }

  const fmt = formatOf(o.input, "input");
  const loaded = await load({ input: o.input, out: "", sheet: o.sheet, cols: [], scale: "auto", basis: "point", version: "" }, fmt, fmt);
  const layout = findLayout(loaded.grid, loaded.where);
  const find = (header: string) => {
    const i = layout.headers.findIndex((h) => h.trim().toLowerCase() === header.toLowerCase());
    if (i < 0) throw new CliError(`column "${header}" not found in ${loaded.where}; its headers are ${listHeaders(layout.headers)}`);
    return i;
  };
  const nameCol = find(nameHeader);
  const indCols = indHeaders.map(find);

  const first = layout.headerRow + 1;
  const { names, table, notNumbers } = indicatorTable(loaded.grid.slice(first, layout.lastRow + 1), nameCol, indCols, { value: engineValue, name: cellText });
  const bad = notNumbers.map((x) => `${columnLetter(x.column + 1)}${first + x.row}`);
  if (bad.length) warn(`${bad.length} indicator cell(s) are not numbers and were treated as missing (filled with the column mean): ${bad.slice(0, 10).join(", ")}${bad.length > 10 ? ", …" : ""}`);
  const result = nearestNeighbours(names, table, o.area.trim(), { k, method: method.value as NeighbourMethod });
  if (!result.ok) throw new CliError(`peers: ${result.error.message}`);
  for (const w of result.warnings) warn(w.message);
  if (o.json) {
    print(`${JSON.stringify({ area: o.area.trim(), neighbours: result.value.map((n) => ({ name: n.name, distance: n.distance })) })}\n`);
  } else {
    const width = Math.max(4, ...result.value.map((n) => n.name.length));
    print(`Nearest ${result.value.length} to ${o.area.trim()} on ${indHeaders.join(", ")} (${method.value}):\n`);
    result.value.forEach((n, i) => print(`${String(i + 1).padStart(3)}. ${n.name.padEnd(width)}  ${n.distance.toFixed(4)}\n`));
  }
  return 0;
}
