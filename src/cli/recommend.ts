/**
 * `cohesion recommend`: actions for an area's issues, from the engine's `recommendActions`
 * (CDF Annex D; with --source all, also the LGA 2019 guide, whose issues ISS-01…ISS-30 may then be
 * given directly). The ranking and all wording are the engine's; this file only formats them as
 * JSON or as a readable plan.
 */
import { recommendActions, resolveIssue, resolveLgaIssue, RECOMMEND_SOURCES, type Recommendation, type RecommendSource } from "../engine";
import { parseChoice } from "../engine";
import { CliError } from "./errors";

export interface RecommendCliOptions {
  issues: readonly string[];
  group?: string;
  source?: string;
  json: boolean;
}

/**
 * The --json object: `universal`, `actions`, `avoid`, `group` (null without --group), and the resolved
 * `issues` (Table D1). Only when LGA 2019 issues are given (--source all): `lgaIssues`, the resolved
 * LGA issues (`{id,title}`), and an LGA item's `issues` also names the given LGA issues that list it
 * (so `count` is always the length of `issues`). For Table D1 issues alone the object is unchanged.
 */
export function recommendationJson(r: Recommendation): Record<string, unknown> {
  const lga = r.selectedLgaIssues ?? [];
  return {
    issues: r.issues.map(({ code, id, title }) => ({ code, id, title })),
    ...(lga.length ? { lgaIssues: lga.map(({ id, title }) => ({ id, title })) } : {}),
    source: r.source,
    universal: r.universal.map(({ code, id, title }) => ({ code, id, title })),
    actions: r.actions.map((a) => ({
      code: a.code,
      id: a.id,
      title: a.title,
      issues: a.origin === "lga2019" ? [...a.issues, ...a.directIssues] : a.issues,
      count: a.count,
    })),
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
  for (const i of r.selectedLgaIssues ?? []) out.push(`  ${i.id}  ${wrap(`${i.title} [LGA 2019]`, "          ")}`);
  out.push("");
  out.push("Universal actions, for every area (CDF §3.2, Annex D):");
  for (const u of r.universal) out.push(`  ${u.code}  ${wrap(u.title, "      ")}`);
  out.push("");
  out.push("Actions for these issues:");
  if (!r.actions.length) out.push("  (none)");
  for (const a of r.actions) {
    const ids = a.origin === "lga2019" ? [...a.issues, ...a.directIssues] : a.issues;
    const from = `${a.count} issue${a.count === 1 ? "" : "s"}: ${ids.join(", ")}`;
    const tag = a.origin === "lga2019" ? (a.inferred ? " [LGA 2019; link inferred]" : " [LGA 2019]") : "";
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
    const allInferred = r.caseStudies.every((c) => c.inferred);
    out.push("");
    out.push(allInferred ? "LGA 2019 case studies (links inferred):" : "LGA 2019 case studies:");
    for (const c of r.caseStudies) {
      const tag = !allInferred && c.inferred ? " [link inferred]" : "";
      out.push(`  ${c.code}  ${wrap(`${c.title} (${[...c.issues, ...c.directIssues].join(", ")})${tag}`, "        ")}`);
    }
  }
  return out.join("\n") + "\n";
}

export function runRecommend(o: RecommendCliOptions, print: (text: string) => void, warn: (line: string) => void): number {
  if (!o.issues.length) throw new CliError("give at least one --issue (a code I01–I23 or an id such as fear_of_crime; with --source all also an LGA issue ISS-01–ISS-30)");
  const source = parseChoice<RecommendSource>(o.source, RECOMMEND_SOURCES, "cdf2009", "--source");
  if (!source.ok) throw new CliError(source.error.message);
  const r = recommendActions(o.issues, { source: source.value, ...(o.group !== undefined ? { group: o.group } : {}) } as Parameters<typeof recommendActions>[1]);
  if (!r.ok) {
    // LGA issues without --source all: say so in the command's own terms (the engine says source "all").
    const lga = o.issues.filter((i) => !resolveIssue(i).ok && resolveLgaIssue(i).ok);
    if (r.error.code === "invalid" && r.error.field === "source" && lga.length) {
      const list = lga.map((i) => `"${i}"`).join(", ");
      throw new CliError(
        `${list} ${lga.length > 1 ? "are LGA 2019 issues: they need" : "is an LGA 2019 issue: it needs"} --source all (the default, --source cdf2009, has only Table D1's issues I01–I23)`,
      );
    }
    throw new CliError(r.error.message);
  }
  for (const w of r.warnings) warn(w.message);
  print(o.json ? JSON.stringify(recommendationJson(r.value), null, 2) + "\n" : recommendationText(r.value));
  return 0;
}
