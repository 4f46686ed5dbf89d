/**
 * `cohesion recommend`: actions for an area's issues, from the engine's `recommendActions`
 * (CDF Annex D; with --source all, also the LGA 2019 guide). The ranking and all wording are the
 * engine's; this file only formats them as JSON or as a readable plan.
 */
import { recommendActions, RECOMMEND_SOURCES, type Recommendation, type RecommendSource } from "../engine/actions";
import { parseChoice } from "../engine";
import { CliError } from "./errors";

export interface RecommendCliOptions {
  issues: readonly string[];
  group?: string;
  source?: string;
  json: boolean;
}

/** The --json object: `universal`, `actions`, `avoid`, `group` (null without --group), and the resolved `issues`. */
export function recommendationJson(r: Recommendation): Record<string, unknown> {
  return {
    issues: r.issues.map(({ code, id, title }) => ({ code, id, title })),
    source: r.source,
    universal: r.universal.map(({ code, id, title }) => ({ code, id, title })),
    actions: r.actions.map(({ code, id, title, issues, count }) => ({ code, id, title, issues, count })),
    avoid: r.avoid.map(({ code, id, title }) => ({ code, id, title })),
    group: r.group ?? null,
  };
}

function wrap(text: string, indent: string, width = 100): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && indent.length + line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join("\n");
}

export function recommendationText(r: Recommendation): string {
  const out: string[] = [];
  out.push(`Cohesion action plan (${r.source === "all" ? "CDF, January 2009, and the LGA guide, March 2019" : "CDF, January 2009"})`);
  out.push("");
  out.push("Issues:");
  for (const i of r.issues) out.push(`  ${i.code}  ${wrap(i.title, "       ")}`);
  out.push("");
  out.push("Universal actions, for every area (CDF §3.2, Annex D):");
  for (const u of r.universal) out.push(`  ${u.code}  ${wrap(u.title, "      ")}`);
  out.push("");
  out.push("Actions for these issues:");
  if (!r.actions.length) out.push("  (none)");
  for (const a of r.actions) {
    const from = `${a.count} issue${a.count === 1 ? "" : "s"}: ${a.issues.join(", ")}`;
    const tag = a.origin === "lga2019" ? " [LGA 2019; link inferred]" : "";
    out.push(`  ${String(a.rank).padStart(2)}. ${a.code}  ${wrap(`${a.title} (${from})${tag}`, "       ")}`);
  }
  out.push(`  ${wrap(`Ranking: ${r.rankingRule}`, "  ")}`);
  if (r.group) {
    out.push("");
    out.push(`${r.group.heading} (CDF Annex C):`);
    out.push("  What works well:");
    for (const t of r.group.worksWell) out.push(`    - ${wrap(t, "      ")}`);
    out.push("  Where things work less well:");
    for (const t of r.group.worksLessWell) out.push(`    - ${wrap(t, "      ")}`);
  }
  out.push("");
  out.push("Approaches to avoid (CDF §3.2):");
  for (const x of r.avoid) out.push(`  ${x.code}  ${wrap(x.title, "       ")}`);
  if (r.guidance.length) {
    out.push("");
    out.push("Guidance (CDF Annex E; links from January 2009, some may be offline):");
    for (const g of r.guidance) {
      const rel = g.relatesTo.map((l) => l.code).join(", ");
      out.push(`  ${g.code}  ${wrap(`${g.title}${g.owner ? ` (${g.owner})` : ""}, for ${rel}${g.inferred ? " [link inferred]" : ""}: ${g.url}`, "       ")}`);
    }
  }
  if (r.caseStudies?.length) {
    out.push("");
    out.push("LGA 2019 case studies (links inferred):");
    for (const c of r.caseStudies) out.push(`  ${c.code}  ${wrap(`${c.title} (${c.issues.join(", ")})`, "        ")}`);
  }
  return out.join("\n") + "\n";
}

export function runRecommend(o: RecommendCliOptions, print: (text: string) => void, warn: (line: string) => void): number {
  if (!o.issues.length) throw new CliError("give at least one --issue (a code I01–I23 or an id such as fear_of_crime)");
  const source = parseChoice<RecommendSource>(o.source, RECOMMEND_SOURCES, "cdf2009", "--source");
  if (!source.ok) throw new CliError(source.error.message);
  const r = recommendActions(o.issues, { source: source.value, ...(o.group !== undefined ? { group: o.group } : {}) } as Parameters<typeof recommendActions>[1]);
  if (!r.ok) throw new CliError(r.error.message);
  for (const w of r.warnings) warn(w.message);
  print(o.json ? JSON.stringify(recommendationJson(r.value), null, 2) + "\n" : recommendationText(r.value));
  return 0;
}
