/**
 * `cohesion recommendations`: the Commission on Integration and Cohesion's 57 recommendations (2007),
 * each with its report reference, the Government's response (February 2008) and the Secretary of
 * State's priorities (October 2007) that concern it, from the engine's `commissionRecommendations`.
 * The selection and all wording are the engine's; this file only formats them as JSON or as text.
 */
import {
  citation,
  commissionRecommendations,
  type RecommendationFilter,
  type RecommendationRecord,
} from "../engine";
import { CliError } from "./errors";

export interface RecommendationsCliOptions {
  theme?: string;
  audience?: string;
  stance?: string;
  search?: string;
  json: boolean;
}

/** The engine's filter field → the option a user typed. */
const OPTION: Readonly<Record<string, string>> = { theme: "--theme", audience: "--for", stance: "--stance", numbers: "numbers" };

/** One recommendation as JSON: the record's fields, with the response and priorities joined. */
export function recommendationRecordJson(r: RecommendationRecord): Record<string, unknown> {
  return {
    number: r.number,
    reportRef: r.reportRef,
    chapter: r.chapter,
    theme: r.theme,
    themeLabel: r.themeLabel,
    audiences: r.audiences,
    addressees: r.addressees,
    text: r.text,
    parts: r.parts,
    ...(r.partsSource ? { partsSource: r.partsSource } : {}),
    notes: r.notes,
    source: r.source,
    response: r.response
      ? {
          stance: r.response.stance,
          stanceLabel: r.stanceLabel,
          summary: r.response.summary,
          basis: r.response.basis,
          answeredWith: r.response.answeredWith,
          ...(r.response.seePage !== undefined ? { seePage: r.response.seePage } : {}),
          parts: r.response.parts,
          notes: r.response.notes,
          source: r.response.source,
        }
      : null,
    ...(r.responseNote !== undefined ? { responseNote: r.responseNote } : {}),
    priorities: r.priorities,
  };
}

function wrap(text: string, indent: string, width = 100): string {
  const lines: string[] = [];
  let line = "";
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join("\n");
}

const FROM = "The Commission on Integration and Cohesion, Our Shared Future (June 2007): recommendations";
const WITH = "with the Government's response (CLG, February 2008) and the Secretary of State's priorities (October 2007)";

export function recommendationsText(list: readonly RecommendationRecord[], explanation: string): string {
  const out: string[] = [wrap(`${FROM}, ${WITH}.`, ""), explanation, ""];
  const I = "      ";
  for (const r of list) {
    const ref = /^\d/.test(r.reportRef) ? `report ¶${r.reportRef}` : `report ${r.reportRef}`;
    out.push(`${String(r.number).padStart(2)}.   ${ref} · ${r.themeLabel}`);
    out.push(wrap(`For: ${r.audiences.includes("not-stated") ? "not stated in the text" : r.audienceLabels.join("; ")}`, I));
    if (r.parts.length && !r.partsSource) {
      out.push(wrap(r.text.slice(0, r.text.indexOf(r.parts[0])).trim(), I));
      for (const p of r.parts) out.push(wrap(p, `${I}  `).replace(/^(\s*)  /, "$1- "));
    } else {
      out.push(wrap(r.text, I));
      for (const p of r.parts) out.push(wrap(p, `${I}  `).replace(/^(\s*)  /, "$1- "));
    }
    for (const n of r.notes) out.push(wrap(`Note: ${n}`, I));
    if (r.response) {
      const group = r.response.answeredWith.length ? ` (one answer for ${r.response.answeredWith.join(", ")})` : "";
      out.push(wrap(`Response: ${r.stanceLabel}${group}. ${r.response.summary}`, I));
      for (const p of r.response.parts) out.push(wrap(`${p.label}) ${p.summary}`, `${I}  `).replace(/^(\s*)  /, "$1- "));
      out.push(wrap(`Its words: "${r.response.basis}"`, I));
      for (const n of r.response.notes) if (!/^One answer is printed/.test(n)) out.push(wrap(`Note: ${n}`, I));
    } else out.push(wrap(`Response: none. ${r.responseNote ?? ""}`, I));
    for (const p of r.priorities) out.push(wrap(`Priority ${p.number} of the October 2007 letter: ${p.title} [link inferred]`, I));
    out.push(wrap(`Sources: ${[r.source, ...(r.response ? [r.response.source] : [])].map(citation).join(" · ")}`, I));
    out.push("");
  }
  if (!list.length) out.push("No recommendations match.", "");
  out.push(wrap("Each \"Response\" reading is this add-in's reading of the answer (the Response labels none), shown with the answer's own words. Priority links are inferred: the letter names no recommendation by number. Themes are the add-in's grouping; the factsheet has none.", ""));
  return out.join("\n") + "\n";
}

export function runRecommendations(o: RecommendationsCliOptions, print: (text: string) => void): number {
  const filter: RecommendationFilter = {
    ...(o.theme !== undefined ? { theme: o.theme } : {}),
    ...(o.audience !== undefined ? { audience: o.audience } : {}),
    ...(o.stance !== undefined ? { stance: o.stance } : {}),
    ...(o.search !== undefined ? { query: o.search } : {}),
  };
  const r = commissionRecommendations(filter);
  if (!r.ok) {
    const option = OPTION[r.error.field ?? ""] ?? r.error.field ?? "";
    throw new CliError(r.error.message.replace(/^\S+ must/, `${option} must`));
  }
  if (o.json) {
    print(
      JSON.stringify(
        {
          filter: { theme: o.theme ?? null, for: o.audience ?? null, stance: o.stance ?? null, search: o.search ?? null },
          count: r.value.length,
          recommendations: r.value.map(recommendationRecordJson),
        },
        null,
        2,
      ) + "\n",
    );
  } else print(recommendationsText(r.value, r.explanation));
  return 0;
}

