/**
 * Lookups over the CDF issue → action data: resolve free text to an issue or action, list issues,
 * the actions of one issue (Table D1 row, document order) and the issues of one action (the inverse
 * index, derived from CDF Table D1), and the Annex C advice for a family group. Also resolves and lists
 * this add-in's LGA 2019 issues (ISS-01…ISS-30, data/project/lgaIssues.ts), which the recommender accepts
 * directly with source "all".
 */
import { fail, ok, type Result } from "../types";
import type { FamilyGroup } from "../data/deliveryFramework2009/familyTypes";
import { ACTIONS } from "../data/deliveryFramework2009/actions";
import { FAMILY_GROUP_ADVICE } from "../data/deliveryFramework2009/familyGroupAdvice";
import { ISSUE_ACTIONS } from "../data/deliveryFramework2009/issueActions";
import { ISSUES } from "../data/deliveryFramework2009/issues";
import { LGA_ISSUES } from "../data/project/lgaIssues";
import type { Action, ActionCode, FamilyGroupAdvice, Issue, IssueCode, LgaIssue } from "./types";

/** Case-, space-, dash- and quote-insensitive form used for matching text. */
function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;:]+$/, "")
    .trim();
}

const idForm = (text: string): string => normaliseText(text).replace(/[\s-]+/g, "_");

/** A short row for lists and spills: code, id and verbatim title. */
export interface IssueSummary {
  code: IssueCode;
  id: string;
  title: string;
}

const ISSUE_BY_CODE = Object.fromEntries(ISSUES.map((issue) => [issue.code, issue])) as Record<IssueCode, Issue>;
const ACTION_BY_CODE = Object.fromEntries(ACTIONS.map((action) => [action.code, action])) as Record<ActionCode, Action>;

/**
 * The issue with a given code (codes are typed, so it always exists).
 * @see CDF Annex D, Table D1
 * @example issueByCode("I20").title //=> "High crime and ASB"
 */
export function issueByCode(code: IssueCode): Issue {
  return ISSUE_BY_CODE[code];
}

/**
 * The action with a given code (codes are typed, so it always exists).
 * @see CDF §3.2
 * @example actionByCode("A16").id //=> "neighbourhood_policing"
 */
export function actionByCode(code: ActionCode): Action {
  return ACTION_BY_CODE[code];
}

const HOW_TO_LIST_ISSUES =
  "use a code I01–I23, an id such as \"fear_of_crime\", or the issue's text as printed in Table D1 (=COHESION.ISSUES() in Excel, or the pane's issue list, shows all 23)";

/**
 * Resolve an issue from its code, id or text.
 *
 * Accepts: a code in any case, with or without the leading zero or a space ("I01", "i1", "I 1");
 * the snake_case id ("fear_of_crime", also with hyphens or spaces); or the issue's full text, case-,
 * space-, dash- and quote-insensitive, including I22's printed [sic] text and its corrected reading.
 *
 * @summary Table D1 issue for a code, id or text.
 * @see CDF Annex D, Table D1; decision A15 (I22 [sic])
 * @param text - what the user typed or a cell value
 * @returns the issue, or `notFound` naming the text and saying how to list valid issues; `missing` when blank
 * @example
 * resolveIssue("i1") //=> ok(issue I01 "Lack of respect for ethnic difference")
 * resolveIssue("Isolation caused by rurality or urban barriers such as large roads") //=> ok(issue I22)
 */
export function resolveIssue(text: string): Result<Issue> {
  if (typeof text !== "string" || text.trim() === "") {
    return fail("missing", `No issue given: ${HOW_TO_LIST_ISSUES}.`, "issue");
  }
  const norm = normaliseText(text);
  const codeMatch = /^i\s*0*(\d{1,2})$/.exec(norm);
  if (codeMatch !== null) {
    const n = Number(codeMatch[1]);
    const issue = n >= 1 && n <= ISSUES.length ? ISSUES[n - 1] : undefined;
    if (issue !== undefined) return ok(issue, `"${text}" is the code of ${issue.code}.`);
    return fail("notFound", `No Table D1 issue "${text}": codes run from I01 to I23; ${HOW_TO_LIST_ISSUES}.`, "issue");
  }
  const asId = idForm(text);
  const byId = ISSUES.find((issue) => issue.id === asId);
  if (byId !== undefined) return ok(byId, `"${text}" is the id of ${byId.code}.`);
  const byTitle = ISSUES.find((issue) => normaliseText(issue.title) === norm);
  if (byTitle !== undefined) return ok(byTitle, `"${text}" is the Table D1 text of ${byTitle.code}.`);
  const byCorrected = ISSUES.find(
    (issue) => issue.correctedTitle !== undefined && normaliseText(issue.correctedTitle) === norm,
  );
  if (byCorrected !== undefined) {
    return ok(
      byCorrected,
      `"${text}" is the corrected reading of ${byCorrected.code}; Table D1 prints "${byCorrected.title}" [sic].`,
    );
  }
  return fail("notFound", `No Table D1 issue matches "${text}": ${HOW_TO_LIST_ISSUES}.`, "issue");
}

const HOW_TO_LIST_ACTIONS =
  "use a code A01–A20, an id such as \"esol\", or the action's wording (the §3.2 list or a Table D1 row); ACTIONS lists all 20";

/**
 * Resolve one of the 20 actions from its code, id, canonical wording or a Table D1 variant wording.
 * The variant "Engage people in the local community" resolves to A13 with a warning (decision A13).
 *
 * @summary CDF action for a code, id or wording.
 * @see CDF §3.2; Table D1
 * @param text - what the user typed or a cell value
 * @returns the action, or `notFound` / `missing`
 * @example
 * resolveAction("Promote ESOL lessons") //=> ok(action A08 "Promote ESOL classes")
 */
export function resolveAction(text: string): Result<Action> {
  if (typeof text !== "string" || text.trim() === "") {
    return fail("missing", `No action given: ${HOW_TO_LIST_ACTIONS}.`, "action");
  }
  const norm = normaliseText(text);
  const codeMatch = /^a\s*0*(\d{1,2})$/.exec(norm);
  if (codeMatch !== null) {
    const n = Number(codeMatch[1]);
    const action = n >= 1 && n <= ACTIONS.length ? ACTIONS[n - 1] : undefined;
    if (action !== undefined) return ok(action, `"${text}" is the code of ${action.code}.`);
    return fail("notFound", `No action "${text}": codes run from A01 to A20; ${HOW_TO_LIST_ACTIONS}.`, "action");
  }
  const asId = idForm(text);
  const byId = ACTIONS.find((action) => action.id === asId);
  if (byId !== undefined) return ok(byId, `"${text}" is the id of ${byId.code}.`);
  const byTitle = ACTIONS.find((action) => normaliseText(action.title) === norm);
  if (byTitle !== undefined) return ok(byTitle, `"${text}" is the §3.2 wording of ${byTitle.code}.`);
  for (const action of ACTIONS) {
    const variant = action.variants.find((v) => normaliseText(v.text) === norm);
    if (variant !== undefined) {
      const warnings =
        variant.interpretive === true
          ? [{ code: "interpretiveMapping", message: `"${variant.text}" is mapped to ${action.code} by interpretation (decision A13).` }]
          : [];
      return ok(action, `"${text}" is the Table D1 wording of ${action.code} in ${variant.issues.join(", ")}.`, warnings);
    }
  }
  return fail("notFound", `No action matches "${text}": ${HOW_TO_LIST_ACTIONS}.`, "action");
}

/**
 * The 23 issues in Table D1 order, as code, id and verbatim title.
 *
 * @summary All D1 issues.
 * @see CDF Annex D, Table D1
 * @example listIssues()[0] //=> { code: "I01", id: "lack_respect_ethnic_difference", title: "Lack of respect for ethnic difference" }
 */
export function listIssues(): IssueSummary[] {
  return ISSUES.map(({ code, id, title }) => ({ code, id, title }));
}

/** A short row for an LGA 2019 issue: its id (ISS-01…ISS-30) and its wording. */
export interface LgaIssueSummary {
  id: string;
  /** The issue's wording (this project's design, not the guide's words). */
  title: string;
}

const HOW_TO_LIST_LGA_ISSUES =
  "use an id ISS-01–ISS-30 or the issue's wording (=COHESION.ISSUES(\"table\", \"all\") in Excel lists them)";

/**
 * Resolve an LGA 2019 issue (this add-in's list) from its id or wording.
 *
 * Accepts: the id in any case, with or without the leading zero, the hyphen or a space ("ISS-05",
 * "iss-5", "ISS 05", "ISS05", "iss_05"); or the issue's wording, case-, space-, dash- and
 * quote-insensitive. The LGA issues have no snake_case ids (the list gives none).
 *
 * @summary LGA 2019 issue for an id or wording.
 * @see data/project/lgaIssues.ts (ISS-01…ISS-30, this add-in's design over the LGA guide, 2019)
 * @param text - what the user typed or a cell value
 * @returns the LGA issue, or `notFound` naming the text and saying how to list them; `missing` when blank
 * @example
 * resolveLgaIssue("iss-5").value.id //=> "ISS-05"
 * resolveLgaIssue("Modern slavery and labour exploitation").value.id //=> "ISS-13"
 */
export function resolveLgaIssue(text: string): Result<LgaIssue> {
  if (typeof text !== "string" || text.trim() === "") {
    return fail("missing", `No LGA issue given: ${HOW_TO_LIST_LGA_ISSUES}.`, "issue");
  }
  const norm = normaliseText(text);
  const idMatch = /^iss\s*[-_]?\s*0*(\d{1,2})$/.exec(norm);
  if (idMatch !== null) {
    const id = `ISS-${idMatch[1].padStart(2, "0")}`;
    const issue = LGA_ISSUES.find((i) => i.id === id);
    if (issue !== undefined) return ok(issue, `"${text}" is the id of LGA issue ${issue.id}.`);
    return fail("notFound", `No LGA 2019 issue "${text}": ids run from ISS-01 to ISS-30; ${HOW_TO_LIST_LGA_ISSUES}.`, "issue");
  }
  const byTitle = LGA_ISSUES.find((issue) => normaliseText(issue.title) === norm);
  if (byTitle !== undefined) return ok(byTitle, `"${text}" is the wording of LGA issue ${byTitle.id}.`);
  return fail("notFound", `No LGA 2019 issue matches "${text}": ${HOW_TO_LIST_LGA_ISSUES}.`, "issue");
}

/**
 * The 30 LGA 2019 issues (this add-in's list) in order, as id and wording.
 *
 * @summary All LGA 2019 issues.
 * @see data/project/lgaIssues.ts
 * @example listLgaIssues()[4] //=> { id: "ISS-05", title: "High economic inactivity; employment gaps between groups" }
 */
export function listLgaIssues(): LgaIssueSummary[] {
  return LGA_ISSUES.map(({ id, title }) => ({ id, title }));
}

/** One action of a Table D1 row, with the row's own wording. */
export interface IssueActionRow {
  position: number;
  code: ActionCode;
  id: string;
  /** Canonical §3.2 wording. */
  title: string;
  /** The row's own wording, verbatim. */
  wording: string;
  variant: boolean;
  interpretive: boolean;
}

/**
 * The actions Table D1 lists for one issue, in document order, each with the row's own wording and
 * the canonical title. The order is the document's, not a priority (decision A14).
 *
 * @summary Table D1 row for an issue.
 * @see CDF Annex D, Table D1
 * @param issue - a code, id or text accepted by {@link resolveIssue}
 * @returns the row in printed order, or the failure of {@link resolveIssue}
 * @example
 * actionsForIssue("I15").value.map(a => a.wording)
 * //=> ["Promote ESOL", "Use translation guidance", "Promote citizenship ceremonies", "Use mentoring and buddying techniques"]
 */
export function actionsForIssue(issue: string): Result<IssueActionRow[]> {
  const resolved = resolveIssue(issue);
  if (!resolved.ok) return resolved;
  const code = resolved.value.code;
  const rows = ISSUE_ACTIONS.filter((pair) => pair.issue === code).map((pair) => {
    const action = actionByCode(pair.action);
    return {
      position: pair.position,
      code: action.code,
      id: action.id,
      title: action.title,
      wording: pair.wording,
      variant: pair.variant,
      interpretive: pair.interpretive === true,
    };
  });
  return ok(rows, `Table D1 lists ${rows.length} action(s) for ${code}, in document order.`, resolved.warnings);
}

/** One issue whose Table D1 row lists the action. */
export interface ActionIssueRow extends IssueSummary {
  /** The wording that row uses for the action, verbatim. */
  wording: string;
  /** Position of the action in that row. */
  position: number;
}

/**
 * The issues whose Table D1 row lists an action (the inverse index), in issue order, with the wording
 * each row uses.
 *
 * @summary Inverse index: action → issues.
 * @see CDF Annex D, Table D1 (the index is derived from it)
 * @param action - a code, id or wording accepted by {@link resolveAction}
 * @returns the issues, or the failure of {@link resolveAction}
 * @example issuesForAction("A17").value.map(i => i.code) //=> ["I18"]
 */
export function issuesForAction(action: string): Result<ActionIssueRow[]> {
  const resolved = resolveAction(action);
  if (!resolved.ok) return resolved;
  const code = resolved.value.code;
  const rows = ISSUE_ACTIONS.filter((pair) => pair.action === code).map((pair) => {
    const issue = issueByCode(pair.issue);
    return { code: issue.code, id: issue.id, title: issue.title, wording: pair.wording, position: pair.position };
  });
  return ok(rows, `${code} appears in ${rows.length} Table D1 row(s).`, resolved.warnings);
}

/**
 * Parse a family-group key: "a"…"e", any case, optionally written "a)", "group a" or
 * "family group a" / "thematic group e".
 * @see CDF Annex C
 * @example parseFamilyGroup("Group B") //=> "b"; parseFamilyGroup("f") //=> undefined
 */
export function parseFamilyGroup(text: string): FamilyGroup | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^\s*(?:(?:family|thematic)\s+)?(?:group\s+)?([a-e])\s*\)?\s*$/i.exec(text);
  return m === null ? undefined : (m[1].toLowerCase() as FamilyGroup);
}

/**
 * The Annex C advice for a family group: heading, "What works well" and "Where things work less
 * well", verbatim and in document order (e)'s split bullet joined, decision A16).
 *
 * @summary Annex C advice for a family group.
 * @see CDF Annex C
 * @param group - "a"…"e" (also "A", "a)", "group a")
 * @returns the advice, or `invalid` naming the accepted values
 * @example familyGroupAdvice("e").value.worksWell.length //=> 7
 */
export function familyGroupAdvice(group: string): Result<FamilyGroupAdvice> {
  const key = parseFamilyGroup(group);
  if (key === undefined) {
    return fail("invalid", `Family group "${String(group)}" is not one of a, b, c, d or e (CDF Annex C).`, "group");
  }
  const advice = FAMILY_GROUP_ADVICE[key];
  return ok(advice, `Annex C advice for ${advice.heading}.`);
}
