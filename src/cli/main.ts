#!/usr/bin/env node
/**
 * The `cohesion` command line. Every failure is one line on stderr and exit status 2; there is no
 * stack trace. The rules are the engine's (src/engine); this folder reads and writes files.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs, type ParseArgsConfig } from "util";
import { BASES, DATA_VERSION, parseChoice, SCALES, type Basis, type Scale } from "../engine";
import { CSV_FORMULAS, runApply, type CsvFormulas } from "./apply";
import { CliError, describeError, oneLine } from "./errors";
import { applyHelp, MAIN_HELP, PEERS_HELP, PROFILE_HELP, RECOMMEND_HELP, recommendationsHelp } from "./help";
import { runPeers } from "./peers";
import { runProfile } from "./profile";
import { runRecommend } from "./recommend";
import { runRecommendations } from "./recommendations";

function packageVersion(): string {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version);
  } catch {
    return "unknown";
  }
}

const print = (text: string) => {
  process.stdout.write(text);
};
const warn = (line: string) => {
  process.stderr.write(`cohesion: warning: ${oneLine(line)}\n`);
};

/** Runs util.parseArgs, turning its errors (unknown option, missing value) into usage errors. */
function guard<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new CliError(`${describeError(e).replace(/\. To specify a positional argument.*$/, "")}; try --help`);
  }
}

/** A command's options (with -h/--help) and its positional arguments, strictly parsed. */
function parseCommand<const O extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: O) {
  return guard(() => parseArgs({ args, allowPositionals: true, strict: true, options: { ...options, help: { type: "boolean", short: "h" } as const } }));
}

function choice<T extends string>(raw: string | undefined, allowed: readonly T[], fallback: T, label: string): T {
  const r = parseChoice(raw, allowed, fallback, label);
  if (!r.ok) throw new CliError(r.error.message);
  return r.value;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) throw new CliError("missing command; try cohesion --help");
  if (command === "--help" || command === "-h" || command === "help") {
    print(MAIN_HELP);
    return 0;
  }
  if (command === "--version" || command === "-V" || command === "-v") {
    print(`cohesion ${packageVersion()} (data ${DATA_VERSION})\n`);
    return 0;
  }
  if (command === "apply") {
    const { values, positionals } = parseCommand(rest, {
      out: { type: "string", short: "o" },
      sheet: { type: "string" },
      col: { type: "string", multiple: true },
      scale: { type: "string" },
      basis: { type: "string" },
      force: { type: "boolean" },
      "csv-formulas": { type: "string" },
    });
    if (values.help) {
      print(applyHelp());
      return 0;
    }
    if (positionals.length === 0) throw new CliError("apply: missing the input file; usage: cohesion apply <input.xlsx|input.csv> --out <output>");
    if (positionals.length > 1) throw new CliError(`apply: one input file only (got ${positionals.map((p) => `"${p}"`).join(", ")})`);
    if (!values.out) throw new CliError("apply: missing --out <output.xlsx|output.csv>");
    return runApply(
      {
        input: positionals[0],
        out: values.out,
        sheet: values.sheet,
        cols: values.col ?? [],
        scale: choice<Scale>(values.scale, SCALES, "auto", "--scale"),
        basis: choice<Basis>(values.basis, BASES, "point", "--basis"),
        force: Boolean(values.force),
        csvFormulas: choice<CsvFormulas>(values["csv-formulas"], CSV_FORMULAS, "neutralise", "--csv-formulas"),
        version: packageVersion(),
      },
      print,
      warn,
    );
  }
  if (command === "recommend") {
    const { values, positionals } = parseCommand(rest, {
      issue: { type: "string", multiple: true },
      group: { type: "string" },
      source: { type: "string" },
      json: { type: "boolean" },
    });
    if (values.help) {
      print(RECOMMEND_HELP);
      return 0;
    }
    if (positionals.length) throw new CliError(`recommend: unexpected argument "${positionals[0]}"; give issues with --issue ID`);
    return runRecommend(
      { issues: values.issue ?? [], group: values.group, source: values.source, json: Boolean(values.json) },
      print,
      warn,
    );
  }
  if (command === "peers") {
    const { values, positionals } = parseCommand(rest, {
      area: { type: "string" },
      col: { type: "string", multiple: true },
      k: { type: "string" },
      method: { type: "string" },
      sheet: { type: "string" },
      json: { type: "boolean" },
    });
    if (values.help) {
      print(PEERS_HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new CliError("peers: give one input file; usage: cohesion peers <file> --area NAME --col name=HEADER --col ind=HEADER...");
    if (!values.area) throw new CliError("peers: missing --area NAME");
    return runPeers({ input: positionals[0], area: values.area, cols: values.col ?? [], k: values.k, method: values.method, sheet: values.sheet, json: Boolean(values.json) }, print, warn);
  }
  if (command === "profile") {
    const { values, positionals } = parseCommand(rest, {
      area: { type: "string" },
      out: { type: "string", short: "o" },
      sheet: { type: "string" },
      compare: { type: "string" },
      date: { type: "string" },
    });
    if (values.help) {
      print(PROFILE_HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new CliError("profile: give one input file; usage: cohesion profile <file> --area NAME --out <profile.xlsx|profile.csv>");
    if (!values.area) throw new CliError("profile: missing --area NAME");
    if (!values.out) throw new CliError("profile: missing --out <profile.xlsx|profile.csv>");
    return runProfile({ input: positionals[0], area: values.area, out: values.out, sheet: values.sheet, compare: values.compare, date: values.date }, print, warn);
  }
  if (command === "recommendations") {
    const { values, positionals } = parseCommand(rest, {
      theme: { type: "string" },
      for: { type: "string" },
      stance: { type: "string" },
      search: { type: "string" },
      json: { type: "boolean" },
    });
    if (values.help) {
      print(recommendationsHelp());
      return 0;
    }
    if (positionals.length) throw new CliError(`recommendations: unexpected argument "${positionals[0]}"; search with --search TEXT`);
    return runRecommendations({ theme: values.theme, audience: values.for, stance: values.stance, search: values.search, json: Boolean(values.json) }, print);
  }
  throw new CliError(`unknown command "${command}"; try cohesion --help`);
}

/**
 * `npm run cohesion -- …` runs in the project folder, not where the user typed it; npm records
 * that folder in INIT_CWD. Relative file names are read from there, as the user meant. Only when
 * npm started this script (npm_lifecycle_event), so a stray inherited INIT_CWD changes nothing.
 */
export function userFolder(env: NodeJS.ProcessEnv, cwd: string): string {
  return env.npm_lifecycle_event === "cohesion" && env.INIT_CWD ? env.INIT_CWD : cwd;
}

function fatal(e: unknown): void {
  process.stderr.write(`cohesion: ${e instanceof CliError ? oneLine(e.message) : `error: ${describeError(e)}`}\n`);
  process.exitCode = e instanceof CliError ? e.exitCode : 2;
}

if (require.main === module) {
  process.on("uncaughtException", (e) => {
    fatal(e);
    process.exit();
  });
  process.on("unhandledRejection", (e) => {
    fatal(e);
    process.exit();
  });
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  const folder = userFolder(process.env, process.cwd());
  if (folder !== process.cwd()) {
    try {
      process.chdir(folder);
    } catch {
      // the folder is gone: relative names then resolve from the project folder, and say so if missing
    }
  }
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, fatal);
}
