/**
 * The action recommender.
 *
 * ## Ranking rule (README "Decisions": copy this block)
 *
 * The ranking is this add-in's own heuristic. The CDF does not rank actions (its principle is
 * "Improving cohesion is about multiple actions tackling a range of causal factors"), and the order
 * within a Table D1 row is not stated to be a priority, so it is kept for display only (decision A14).
 *
 * - `source: "cdf2009"` (the default, the framework alone): an action's score is the number of
 *   selected issues whose Table D1 row lists it. Actions are sorted by score, highest first; ties keep
 *   the document order A01–A20. Actions no selected issue lists are left out. Duplicate issues count
 *   once. The five universal actions U1–U5 are always returned apart and never ranked.
 * - `source: "all"`: the 2009 actions come first, ranked as above. The LGA 2019 guide's action
 *   lines and checklists follow, each labelled `origin: "lga2019"` and `source.doc: "LGA2019"`. An LGA
 *   item's score is the number of selected issues that reach it: D1 issues through the D1 → LGA issue
 *   map, and LGA issues (ISS-01…ISS-30) chosen directly, whose row in the LGA issue list names it. Ties keep the guide's
 *   order (section order, then order within the section). Case studies are ranked the same way, ties by
 *   case-study number. Every D1 → LGA link is this add-in's inference, because the 2019 guide never
 *   mentions the 2009 framework: an item is `inferred: true` unless a directly chosen LGA issue lists it.
 * - LGA issue ids are accepted only with `source: "all"`; with "cdf2009" they are an error that says so.
 *
 * @see CDF §3.2, Annex D Table D1; this add-in's LGA issue list (data/project/lgaIssues.ts)
 */
import { fail, ok, type Result, type Source, type Warning } from "../types";
import type { FamilyGroup } from "../data/deliveryFramework2009/familyTypes";
import { APPROACHES_TO_AVOID } from "../data/deliveryFramework2009/avoid";
import { FAMILY_GROUP_ADVICE } from "../data/deliveryFramework2009/familyGroupAdvice";
import { GUIDANCE, NO_GUIDANCE } from "../data/deliveryFramework2009/guidance";
import { ISSUE_ACTIONS } from "../data/deliveryFramework2009/issueActions";
import { ACTIONS } from "../data/deliveryFramework2009/actions";
import { LGA_CASE_STUDIES, LGA_RECOMMENDATIONS } from "../data/lgaGuide2019";
import { D1_TO_LGA, LGA_ISSUES } from "../data/project/lgaIssues";
import { issueByCode, parseFamilyGroup, resolveIssue, resolveLgaIssue, type IssueSummary, type LgaIssueSummary } from "./lookup";
import { UNIVERSAL_ACTIONS } from "../data/deliveryFramework2009/universal";
import type {
  ActionCode,
  AvoidCode,
  FamilyGroupAdvice,
  GuidanceLink,
  IssueCode,
  LgaRecommendation,
  UniversalCode,
} from "./types";
import { RECOMMEND_SOURCES, type RecommendSource, type RecommendOptions, type RankedCdfAction, type RankedLgaAction, type RankedAction, type ListedAction, type GuidanceSuggestion, type RankedCaseStudy, type LgaIssueReached, type Recommendation } from "./recommendTypes";
export { RECOMMEND_SOURCES, type RecommendSource, type RecommendOptions, type RankedCdfAction, type RankedLgaAction, type RankedAction, type ListedAction, type GuidanceSuggestion, type RankedCaseStudy, type LgaIssueReached, type Recommendation } from "./recommendTypes";

const CDF_RULE =
  "2009 actions ranked by how many selected issues' Table D1 rows list them, ties in A01–A20 order (this add-in's heuristic; the CDF does not rank actions).";
const ALL_RULE = `${CDF_RULE} LGA 2019 items follow, ranked by how many selected issues reach them (Table D1 issues through the inferred D1 → LGA map, LGA issues chosen directly), ties in the guide's order.`;

const ISSUE_ORDER = (code: IssueCode): number => Number(code.slice(1));

/**
 * Recommend actions for a set of Table D1 issues (and, with source "all", LGA 2019 issues).
 *
 * Returns U1–U5 apart (always), the issue-driven actions ranked by how many selected issues list
 * them (ties in A01–A20 order), the 11 approaches to avoid, the Annex E guidance for what is
 * returned, and — when asked — the Annex C advice for a family group. With `source: "all"`, LGA
 * 2019 action lines, checklists and case studies follow, labelled LGA2019: those reached from D1
 * issues through the inferred map, and those the row of a directly chosen LGA issue (ISS-01…
 * ISS-30) lists. Blank entries are ignored; duplicates (also the same issue given by code and by id)
 * count once.
 *
 * @summary Ranked actions for selected D1 (and LGA 2019) issues.
 * @see CDF §3.2, Annex D Table D1; decision A14; this add-in's LGA issue list (data/project/lgaIssues.ts)
 * @param issueIds - codes, ids or texts accepted by {@link resolveIssue}; with source "all" also LGA
 *   issue ids or wordings accepted by {@link resolveLgaIssue}
 * @param options - `group` (a–e) and `source` ("cdf2009" default, or "all")
 * @returns the recommendation, or `notFound` naming every unknown issue, or `invalid` for a bad option
 *   or for LGA issues given with source "cdf2009" (they need "all")
 * @example
 * recommendActions(["I07", "I09"]).value.actions.map(a => `${a.code}:${a.count}`)
 * //=> ["A03:2", "A09:2", "A02:1", "A06:1", "A08:1", "A14:1"]
 */
export function recommendActions(issueIds: readonly string[], options: RecommendOptions = {}): Result<Recommendation> {
  if (!Array.isArray(issueIds)) {
    return fail("invalid", "Issues must be given as a list of codes, ids or texts (e.g. [\"I01\", \"I07\"]).", "issues");
  }
  const source = options.source ?? "cdf2009";
  if (!RECOMMEND_SOURCES.includes(source)) {
    return fail("invalid", `Source "${String(source)}" is not "cdf2009" or "all".`, "source");
  }
  let group: FamilyGroup | undefined;
  if (options.group !== undefined) {
    group = parseFamilyGroup(String(options.group));
    if (group === undefined) {
      return fail("invalid", `Family group "${String(options.group)}" is not one of a, b, c, d or e (CDF Annex C).`, "group");
    }
  }

  const warnings: Warning[] = [];
  const unknown: string[] = [];
  const selected = new Set<IssueCode>();
  const selectedLga = new Set<string>(); // ISS ids chosen directly
  const lgaGiven: string[] = []; // as typed, for the "needs source all" error
  let blanks = 0;
  for (const raw of issueIds) {
    if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
      blanks += 1;
      continue;
    }
    const resolved = resolveIssue(String(raw));
    if (resolved.ok) {
      selected.add(resolved.value.code);
      continue;
    }
    const lga = resolveLgaIssue(String(raw));
    if (lga.ok) {
      selectedLga.add(lga.value.id);
      lgaGiven.push(String(raw));
    } else unknown.push(String(raw));
  }
  const quoted = (list: readonly string[]) => list.map((u) => `"${u}"`).join(", ");
  const needsAll =
    lgaGiven.length === 0
      ? ""
      : `${quoted(lgaGiven)} ${lgaGiven.length > 1 ? "are LGA 2019 issues: they need" : "is an LGA 2019 issue: it needs"} source "all" (the 2009 framework with the LGA 2019 guide); source "cdf2009", the default, has only Table D1's issues I01–I23.`;
  if (unknown.length > 0) {
    const how =
      source === "all"
        ? `use codes I01–I23, ids such as "fear_of_crime", the Table D1 text, or an LGA 2019 issue ISS-01–ISS-30 or its wording (=COHESION.ISSUES("table", "all") in Excel shows all 53).`
        : `use codes I01–I23, ids such as "fear_of_crime", or the Table D1 text (=COHESION.ISSUES() in Excel shows all 23).`;
    return fail(
      "notFound",
      `Unknown issue${unknown.length > 1 ? "s" : ""} ${quoted(unknown)}: ${how}${source === "cdf2009" && needsAll ? ` Also, ${needsAll}` : ""}`,
      "issues",
    );
  }
  if (source === "cdf2009" && lgaGiven.length > 0) return fail("invalid", needsAll, "source");
  if (blanks > 0) warnings.push({ code: "blankIgnored", message: `${blanks} blank entr${blanks === 1 ? "y was" : "ies were"} ignored.` });
  if (selected.size === 0 && selectedLga.size === 0) {
    warnings.push({ code: "noIssues", message: "No issues selected: only the universal actions U1–U5 and the approaches to avoid apply." });
  }
  const issues = [...selected].sort((a, b) => ISSUE_ORDER(a) - ISSUE_ORDER(b));

  // 2009 actions: score = number of selected issues whose D1 row lists the action.
  const cdf: RankedCdfAction[] = [];
  for (const action of ACTIONS) {
    const pairs = ISSUE_ACTIONS.filter((pair) => pair.action === action.code && selected.has(pair.issue)).sort(
      (a, b) => ISSUE_ORDER(a.issue) - ISSUE_ORDER(b.issue),
    );
    if (pairs.length === 0) continue;
    cdf.push({
      origin: "cdf2009",
      rank: 0,
      code: action.code,
      id: action.id,
      title: action.title,
      issues: pairs.map((pair) => pair.issue),
      count: pairs.length,
      rowWordings: pairs.map((pair) => ({ issue: pair.issue, wording: pair.wording })),
      source: { doc: "CDF", ref: "§3.2; Annex D, Table D1" },
    });
  }
  // Array.prototype.sort is stable: equal counts keep A01–A20 order (decision A14).
  cdf.sort((a, b) => b.count - a.count);

  const actions: RankedAction[] = [...cdf];
  const result: Recommendation = {
    issues: issues.map((code) => {
      const { id, title } = issueByCode(code);
      return { code, id, title };
    }),
    universal: UNIVERSAL_ACTIONS.map(({ code, id, title, source: s }) => ({ code, id, title, source: s })),
    actions,
    avoid: APPROACHES_TO_AVOID.map(({ code, id, title, source: s }) => ({ code, id, title, source: s })),
    guidance: [],
    noGuidanceListed: [],
    source,
    rankingRule: source === "all" ? ALL_RULE : CDF_RULE,
  };
  if (group !== undefined) result.group = FAMILY_GROUP_ADVICE[group];

  // Annex E guidance for what is returned (links are mostly inferred; decision A25).
  const returned = new Set<string>([...cdf.map((a) => a.code), ...UNIVERSAL_ACTIONS.map((u) => u.code)]);
  result.guidance = GUIDANCE.filter((item) => item.kind === "current-guidance")
    .map((item) => ({ item, links: item.relatesTo.filter((l) => returned.has(l.code)) }))
    .filter(({ links }) => links.length > 0)
    .map(({ item, links }) => {
      const suggestion: GuidanceSuggestion = {
        code: item.code,
        title: item.title,
        owner: item.owner,
        url: item.url,
        historical: true,
        relatesTo: links,
        inferred: links.every((l) => l.inferred),
        source: item.source,
      };
      if (item.heading !== undefined) suggestion.heading = item.heading;
      return suggestion;
    });
  result.noGuidanceListed = NO_GUIDANCE.filter((n) => returned.has(n.code)).map(({ code, note }) => ({ code, note, inferred: true }));

  if (source === "all") addLga(result, issues, selectedLga);

  actions.forEach((action, index) => {
    action.rank = index + 1;
  });
  const named = [...issues, ...(result.selectedLgaIssues ?? []).map((i) => i.id)];
  const explanation =
    named.length === 0
      ? "No issues selected; returned U1–U5 and the approaches to avoid."
      : `${named.length} issue(s) (${named.join(", ")}) → ${cdf.length} CDF action(s)${
          source === "all" ? ` and ${actions.length - cdf.length} LGA 2019 item(s)` : ""
        }; ${CDF_RULE}`;
  return ok(result, explanation, warnings);
}

function addLga(result: Recommendation, issues: readonly IssueCode[], direct: ReadonlySet<string>): void {
  const reached = new Map<string, IssueCode[]>(); // ISS id → D1 issues
  const unmapped: IssueCode[] = [];
  for (const code of issues) {
    const link = D1_TO_LGA.find((l) => l.issue === code);
    if (link === undefined || link.lgaIssues.length === 0) {
      unmapped.push(code);
      continue;
    }
    for (const iss of link.lgaIssues) reached.set(iss, [...(reached.get(iss) ?? []), code]);
  }
  const lgaIssues = LGA_ISSUES.filter((iss) => reached.has(iss.id) || direct.has(iss.id));
  result.selectedLgaIssues = LGA_ISSUES.filter((iss) => direct.has(iss.id)).map(({ id, title }) => ({ id, title }));
  result.lgaIssues = lgaIssues.map((iss) => ({
    id: iss.id,
    title: iss.title,
    fromIssues: reached.get(iss.id) ?? [],
    selected: direct.has(iss.id),
    inferred: !direct.has(iss.id),
    source: iss.source,
  }));
  result.unmappedToLga = unmapped;

  // Score = number of distinct selected issues reaching the item: D1 issues through any LGA issue
  // they map to, plus the directly chosen LGA issues whose row in the LGA issue list names it.
  interface Tally {
    issues: Set<IssueCode>;
    direct: Set<string>;
    via: Set<string>;
  }
  const empty = (): Tally => ({ issues: new Set<IssueCode>(), direct: new Set<string>(), via: new Set<string>() });
  const tally = (ids: (iss: (typeof LGA_ISSUES)[number]) => readonly string[]) => {
    const byItem = new Map<string, Tally>();
    for (const iss of lgaIssues) {
      for (const item of ids(iss)) {
        const entry = byItem.get(item) ?? empty();
        for (const d1 of reached.get(iss.id) ?? []) entry.issues.add(d1);
        if (direct.has(iss.id)) entry.direct.add(iss.id);
        entry.via.add(iss.id);
        byItem.set(item, entry);
      }
    }
    return byItem;
  };
  /** The fields an item's tally gives its ranked entry (actions and case studies alike). */
  const reach = (entry: Tally) => ({
    issues: [...entry.issues].sort((a, b) => ISSUE_ORDER(a) - ISSUE_ORDER(b)),
    directIssues: [...entry.direct].sort(),
    via: [...entry.via].sort(),
    count: entry.issues.size + entry.direct.size,
    inferred: entry.direct.size === 0,
  });

  const recTally = tally((iss) => iss.recommendations);
  const lgaActions: RankedLgaAction[] = LGA_RECOMMENDATIONS.filter((rec) => recTally.has(rec.code)).map((rec) => {
    const entry = recTally.get(rec.code)!; // filtered to the tallied ones
    return {
      origin: "lga2019",
      rank: 0,
      code: rec.code,
      id: rec.id,
      kind: rec.kind,
      title: rec.title,
      wording: rec.wording,
      section: rec.section,
      items: rec.items,
      ...reach(entry),
      source: rec.source,
    };
  });
  // LGA_RECOMMENDATIONS is in guide order, and the sort is stable: ties keep that order.
  lgaActions.sort((a, b) => b.count - a.count);
  result.actions.push(...lgaActions);

  const csTally = tally((iss) => iss.caseStudies);
  const caseStudies: RankedCaseStudy[] = LGA_CASE_STUDIES.filter((cs) => csTally.has(cs.code)).map((cs) => {
    const entry = csTally.get(cs.code)!;
    return {
      rank: 0,
      code: cs.code,
      id: cs.id,
      title: cs.title,
      place: cs.place,
      section: cs.section,
      themes: cs.themes,
      summary: cs.summary,
      ...reach(entry),
      source: cs.source,
    };
  });
  caseStudies.sort((a, b) => b.count - a.count);
  caseStudies.forEach((cs, index) => {
    cs.rank = index + 1;
  });
  result.caseStudies = caseStudies;
}
