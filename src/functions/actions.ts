/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges of mixed values; the engine reads them */
/**
 * The recommender's functions: ISSUES and ACTIONS (CDF Annex D, Table D1; the LGA 2019 guide with source "all").
 * Each is a declaration for the generic adapter (./adapter.ts); the JSDoc is the Excel contract (functions.json).
 * The recommender and its content load on first use (./content.ts): both return a Promise (adapter.ts, lazily).
 */
import { fail, isBlank, type Recommendation } from "../engine";
import { excelFunction, invalidArgument, lazily, option, table } from "./adapter";
import { loadRecommender } from "./content";

/**
 * The framework's issues (CDF Annex D, Table D1): code, id and the document's wording, one per row. With source "all", the LGA 2019 guide's issues ISS-01…ISS-30 follow. Use it as the source of a data-validation list.
 * @customfunction ISSUES
 * @helpurl https://localhost:3000/functions.html#cohesionissues
 * @param [output] "table" (default: code, id, text), "text" (the wording only) or "code".
 * @param [source] "cdf2009" (default: the 23 Table D1 issues) or "all" (then the 30 LGA 2019 issues, for ACTIONS with source "all"; their id is their code).
 * @returns 23 rows (53 with source "all").
 */
export function issuesFn(output?: string, source?: string): Promise<string[][]> {
  return lazily(loadRecommender, ({ RECOMMEND_SOURCES, listIssues, listLgaIssues }) => excelFunction({
    args: () => ({ what: option(output, ["table", "text", "code"] as const, "table", "output"), from: option(source, RECOMMEND_SOURCES, "cdf2009", "source") }),
    engine: (_, { from }) => {
      const rows = listIssues().map((i) => ({ code: i.code as string, id: i.id, title: i.title }));
      if (from === "all") rows.push(...listLgaIssues().map((i) => ({ code: i.id, id: i.id, title: i.title })));
      return rows;
    },
    spill: (rows, _shape, { what }) => rows.map((i) => (what === "text" ? [i.title] : what === "code" ? [i.code] : [i.code, i.id, i.title])),
  }));
}

/**
 * Ranked actions for an area's issues (CDF Annex D, Table D1): each action with how many of the issues it addresses, most first (ties in A01–A20 order). The five actions every area should take are listed after them.
 * @customfunction ACTIONS
 * @helpurl https://localhost:3000/functions.html#cohesionactions
 * @param issues A range of issue codes (I01–I23), ids or the issues' text; with source "all" also LGA 2019 issues (ISS-01–ISS-30). Blank cells are ignored.
 * @param [group] Family group a–e: adds the Annex C advice ("works well" / "works less well").
 * @param [source] "cdf2009" (default: the framework alone) or "all" (adds the LGA 2019 guide's actions, labelled; needed for LGA issues).
 * @returns Rows of: code, action, issues addressed (count), the issues' codes, source.
 */
export function actionsFn(issues: any[][], group?: string, source?: string): Promise<any[][]> {
  return lazily(loadRecommender, ({ RECOMMEND_SOURCES, parseFamilyGroup, recommendActions, resolveIssue, resolveLgaIssue }) => excelFunction({
    ranges: { issues },
    shared: false,
    // The order of the checks is the order of the messages: no issues (a row), the source, unknown issues (a row), the group.
    engine: ({ matrices }) => {
      const given = (matrices.issues ?? []).flat().filter((v) => !isBlank(v)).map((v) => String(v));
      if (given.length === 0) return fail("missing", "No issues given: pass a range of issue codes (I01–I23), ids or texts; =COHESION.ISSUES() lists them.");
      const from = option(source, RECOMMEND_SOURCES, "cdf2009", "source");
      const unknown = given.filter((g) => !resolveIssue(g).ok && !resolveLgaIssue(g).ok);
      if (unknown.length) {
        const lists = from === "all" ? '=COHESION.ISSUES("table", "all") lists the 23 issues and the 30 LGA 2019 issues.' : "=COHESION.ISSUES() lists the 23 issues.";
        return fail("notFound", `Unknown issue${unknown.length > 1 ? "s" : ""}: ${unknown.map((u) => `"${u.length > 40 ? u.slice(0, 37) + "…" : u}"`).join(", ")}. ${lists}`);
      }
      const g = isBlank(group) ? undefined : parseFamilyGroup(String(group));
      if (!isBlank(group) && !g) throw invalidArgument(`group must be a family group a, b, c, d or e; got "${String(group)}".`);
      // LGA issues with source "cdf2009" fail in the engine (#VALUE!, saying they need source "all").
      return recommendActions(given, { group: g, source: from });
    },
    spill: table(5, (rec: Recommendation) => {
      const rows: (string | number)[][] = rec.actions.map((a) =>
        a.origin === "lga2019"
          ? [a.code, a.title, a.count, [...a.issues, ...a.directIssues].join(", "), `LGA 2019 ${a.source.ref} (${a.inferred ? "linked by this add-in" : "listed for a chosen LGA issue"})`]
          : [a.code, a.title, a.count, a.issues.join(", "), `CDF ${a.source.ref}`],
      );
      rows.push(...rec.universal.map((u) => [u.code, u.title, "every area", "", `CDF ${u.source.ref}`]));
      if (rec.group) {
        for (const w of rec.group.worksWell) rows.push([`${rec.group.group})`, w, "works well", "", `CDF ${rec.group.source.ref}`]);
        for (const w of rec.group.worksLessWell) rows.push([`${rec.group.group})`, w, "works less well", "", `CDF ${rec.group.source.ref}`]);
      }
      return rows;
    }),
  }));
}
