/** `cohesion apply`: its options, formats, Excel's limits, and the checks on its paths. */
import * as fs from "fs";
import * as path from "path";
import { type Basis, type Scale } from "../../engine";
import { type Delimiter } from "../delimited";
import { CliError } from "../errors";

/**
 * Rows evaluated (and written) at a time. Small chunks die young in the garbage collector: on a
 * million-row CSV, 1,000 rows took 16 s of CPU and 160 MB at peak; 5,000 rows took 26 s and 310 MB.
 */
export const EVALUATE_CHUNK_ROWS = 1_000;
/** Excel's limit on the characters a cell can hold (its rows and columns: the engine's MAX_ROWS, MAX_COLUMNS). */
export const XLSX_MAX_CELL_CHARS = 32_767;

export interface ApplyOptions {
  input: string;
  out: string;
  sheet?: string;
  cols: readonly string[];
  scale: Scale;
  basis: Basis;
  version: string;
  /** Replace values the user typed inside the toolkit's columns (without it they are kept, with a warning). */
  force?: boolean;
  /** CSV output: text cells that a spreadsheet would read as a formula get a leading ' ("neutralise", the default), or are written as they are ("keep"). */
  csvFormulas?: CsvFormulas;
}

export const CSV_FORMULAS = ["neutralise", "keep"] as const;
export type CsvFormulas = (typeof CSV_FORMULAS)[number];

export type Format = { kind: "xlsx" } | { kind: "csv"; delimiter?: Delimiter };

export function formatOf(file: string, role: "input" | "output"): Format {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx") return { kind: "xlsx" };
  if (ext === ".csv" || ext === ".txt") return { kind: "csv" };
  if (ext === ".tsv" || ext === ".tab") return { kind: "csv", delimiter: "\t" };
  throw new CliError(`${role} ${file}: use an .xlsx or .csv file (got "${ext || "no extension"}")`);
}

/** Refuses a missing input, a missing output folder, and an output that is the input (symlinks and hard links included). */
export function checkPaths(input: string, out: string): fs.Stats {
  let inStat: fs.Stats;
  try {
    inStat = fs.statSync(input);
  } catch {
    throw new CliError(`cannot read ${input}: no such file`);
  }
  if (!inStat.isFile()) throw new CliError(`cannot read ${input}: not a file`);
  const outDir = path.dirname(path.resolve(out));
  let dirReal: string;
  try {
    dirReal = fs.realpathSync(outDir);
    if (!fs.statSync(dirReal).isDirectory()) throw new Error();
  } catch {
    throw new CliError(`cannot write ${out}: the folder ${path.dirname(out)} does not exist`);
  }
  const inReal = fs.realpathSync(input);
  let outReal = path.join(dirReal, path.basename(out));
  let same = outReal === inReal;
  if (fs.existsSync(outReal)) {
    const st = fs.statSync(outReal);
    if (st.isDirectory()) throw new CliError(`cannot write ${out}: it is a folder`);
    outReal = fs.realpathSync(outReal);
    same = same || outReal === inReal || (st.ino === inStat.ino && st.dev === inStat.dev);
  }
  if (same) throw new CliError(`--out ${out} is the input file; the input is never overwritten: choose another output name`);
  return inStat;
}
