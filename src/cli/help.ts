/** Help text. The field list and its synonyms come from the engine (FIELD_SYNONYMS, FIELD_LABELS). */
import {
  BASES,
  COMMISSION_AUDIENCE_INFO,
  COMMISSION_AUDIENCES,
  COMMISSION_THEME_INFO,
  COMMISSION_THEMES,
  FIELD_LABELS,
  FIELD_SYNONYMS,
  INPUT_FIELDS,
  OUTPUT_HEADERS,
  RESPONSE_STANCE_INFO,
  RESPONSE_STANCES,
  SCALES,
} from "../engine";

export const MAIN_HELP = `Cohesion Toolkit for Excel: the 2007–09 community cohesion framework on your own tables.

Usage:
  cohesion apply <input.xlsx|input.csv> --out <output.xlsx|output.csv> [options]
  cohesion recommend --issue ID [--issue ID]... [--group a|b|c|d|e] [--source cdf2009|all] [--json]
  cohesion peers <file> --area NAME --col name=HEADER --col ind=HEADER... [--k N] [--method zscore|minmax] [--json]
  cohesion profile <file> --area NAME --out <profile.xlsx|profile.csv> [--compare LIST] [--sheet NAME]
  cohesion recommendations [--theme T] [--for AUDIENCE] [--stance S] [--search TEXT] [--json]
  cohesion --help | --version

Commands:
  apply       add family type, family group and Area Based Grant band columns to every row, and a summary
  recommend   actions for an area's issues (CDF Annex D), with the universal actions and approaches to avoid
  peers       the nearest areas to one area on chosen indicators (z-score or min-max distance)
  profile     one area's local cohesion mapping exercise (CDF Annex B) with the table's evidence
  recommendations
              the Commission's 57 recommendations (2007) with the Government's response (2008)

Run "cohesion <command> --help" (apply, recommend, peers, profile, recommendations) for details.
Exit status: 0 done (rows may carry notes); 2 usage error or unreadable input (one line on stderr).
`;

export function applyHelp(): string {
  const fields = INPUT_FIELDS.map((f) => `  ${f.padEnd(12)} ${FIELD_LABELS[f]}\n${wrapList(FIELD_SYNONYMS[f], "               ")}`).join("\n");
  return `Usage: cohesion apply <input.xlsx|input.csv> --out <output.xlsx|output.csv> [options]

Reads the table (the first visible sheet that names a field, or --sheet; the header is the first of
the top rows that names a field, so a title row above it is kept as it is), evaluates every row
(hidden and filtered rows too), and writes the table unchanged with these columns added (or
replaced, on a re-run) — only the tools whose inputs are found: the family columns for the
proxies (NVQ4+, rural, A8, …), the ABG columns for a score, and the shared Notes:
  ${OUTPUT_HEADERS.join(", ")}
An .xlsx output keeps the other sheets, formats and formulas, and gets a "Summary" sheet.
The summary is also printed. The input file is never modified.

Options:
  --out FILE               output (.xlsx or .csv; may differ from the input's type; not the input itself)
  --sheet NAME             the sheet to read (.xlsx input)
  --col FIELD=HEADER       take FIELD from the column headed HEADER (case-insensitive, exact); repeatable
  --scale ${SCALES.join("|")}   percentages as 0–100 or as fractions (default auto: a % format, % sign or % header; else one decision for the table, any value above 1 → all 0–100)
  --basis ${BASES.join("|")}      which score decides the ABG band: the score, or score − / + CI (default point)
  --force                  replace values typed since the last run inside the toolkit's columns
                           (without it they are kept, and a warning names them)
  --csv-formulas neutralise|keep
                           CSV output: a text cell starting with =, +, -, @, a tab or a carriage
                           return gets a leading ' so that Excel and LibreOffice read it as text,
                           not as a formula (default neutralise; numbers are never changed);
                           keep writes such cells as they are
  -h, --help               this help

Fields, found by the header rule unless --col is given: a header equal to one of these spellings
(case, spaces and punctuation ignored), or else made of their words in any order, with units, years
and small words ignored ("NI_1_get_on_well_together_pct" is the score). Two different headers that
match a field equally well are not guessed between: stdout names both. A field that is not found is
not computed. Details: docs/cli.md.
${fields}
`;
}

function wrapList(items: readonly string[], indent: string, width = 100): string {
  const out: string[] = [];
  let line = indent;
  for (const [i, s] of items.entries()) {
    const piece = `"${s}"${i < items.length - 1 ? ", " : ""}`;
    if (line.length + piece.length > width && line.trim()) {
      out.push(line.trimEnd());
      line = indent;
    }
    line += piece;
  }
  out.push(line.trimEnd());
  return out.join("\n");
}

export const RECOMMEND_HELP = `Usage: cohesion recommend --issue ID [--issue ID]... [--group a|b|c|d|e] [--source cdf2009|all] [--json]

Recommends actions for an area's issues (CDF, January 2009, Annex D Table D1): the five universal
actions, the actions for the given issues ranked by how many of them list each action (ties in
A01–A20 order), the approaches to avoid, and the Annex C advice for a family group.

Options:
  --issue ID        an issue code I01–I23 or its id (e.g. fear_of_crime); with --source all also
                    an LGA 2019 issue ISS-01–ISS-30; repeatable
  --group a–e       add the Annex C advice for this family group
  --source cdf2009  the 2009 framework only (default); "all" adds the LGA 2019 guide (links inferred)
  --json            print one JSON object: issues, source, universal, actions, avoid, group
                    (and lgaIssues when LGA issues are given)
  -h, --help        this help
`;

export const PEERS_HELP = `Usage: cohesion peers <input.xlsx|input.csv> --area NAME --col name=HEADER --col ind=HEADER... [--k N] [--method zscore|minmax] [--sheet NAME] [--json]

The k nearest areas (default 15) to NAME on the indicator columns, for finding peers to learn from.
  zscore   each indicator standardised, Euclidean distance, rebased so the farthest area is 1 (CIPFA's description)
  minmax   each indicator scaled to 0–1, Euclidean distance (NHS England's open peer-group method)
Blank indicator cells are filled with the column's mean; ties are broken by name.
With --json, stdout is {"area": NAME, "neighbours": [{"name": …, "distance": …}, …]}.
`;

/** `cohesion recommendations --help`: the themes, audiences and stances are listed from the engine. */
export function recommendationsHelp(): string {
  const list = (ids: readonly string[], label: (id: string) => string) => ids.map((id) => `                    ${id.padEnd(19)} ${label(id)}`).join("\n");
  return `Usage: cohesion recommendations [--theme T] [--for AUDIENCE] [--stance S] [--search TEXT] [--json]

Lists the 57 recommendations of the Commission on Integration and Cohesion ('Our Shared Future',
June 2007) as the Leicestershire factsheet words them, each with its report reference, the
Government's response (CLG, February 2008, Section 4) and the Secretary of State's priority
actions (letter, October 2007) that concern it. Every given option must hold.

The response's reading (--stance) is this add-in's reading of each answer, with the answer's own
words beside it: the Response does not label its answers. The letter names no recommendation by
number, so its links are marked inferred. Themes are the add-in's grouping; the factsheet has none.

Options:
  --theme T         one theme (id or label, any case):
${list(COMMISSION_THEMES, (t) => COMMISSION_THEME_INFO[t as keyof typeof COMMISSION_THEME_INFO].label)}
  --for AUDIENCE    whom the recommendation's text names:
${list(COMMISSION_AUDIENCES, (a) => COMMISSION_AUDIENCE_INFO[a as keyof typeof COMMISSION_AUDIENCE_INFO].label)}
  --stance S        the reading of the Government's answer:
${list(RESPONSE_STANCES, (s) => RESPONSE_STANCE_INFO[s as keyof typeof RESPONSE_STANCE_INFO].label)}
  --search TEXT     words that must all occur (any case) in the recommendation, whom it names, its
                    theme, report reference or the answer
  --json            print one JSON object: filter, count, recommendations (each with response and
                    priorities)
  -h, --help        this help
`;
}

export const PROFILE_HELP = `Usage: cohesion profile <file> --area NAME --out <profile.xlsx|profile.csv> [options]

The local cohesion mapping exercise (CDF Annex B, pp. 27–32) as a profile of one area of the table:
four rows placing the area in the framework (F1 family type and group, CDF Table 1 and Annex C;
F2 "get on well together" and its ABG band, GR para 2.3; F3 the issues its indicators suggest, CDF
Annex D; F4 its nearest peers on the typology proxies), then each of the annex's 30 items (B-C1 ...
B-X4) in its words, with the table's evidence: each indicator against the comparators, with
significance where the table gives a CI column (the score) or a sample size column ("Sample size",
"n", "Respondents"), and an empty "Local knowledge" column for you.
Run it again with the same --out and the Local knowledge you typed there is kept (matched by code);
any other existing file is refused, never overwritten. The input file is never modified.

Options:
  --area NAME          the area, as in the table's name column (case and spaces ignored)
  --out FILE           .xlsx (one sheet, finished for print) or .csv (the table alone)
  --compare LIST       comparators, comma-separated: national, familyType, median
                       (default all three; median is the table's own)
  --sheet NAME         the sheet to read (.xlsx input)
  --date YYYY-MM-DD    the date printed in the profile (default today)

Exit status: 0 written; 1 written, but a cell of the area's row could not be read (a warning names
it, and the profile lists it under "Not read" in F1); 2 nothing written: unknown area, no name column, none
of the columns the profile reads, an --out that is not an earlier profile, or a bad option.
`;
