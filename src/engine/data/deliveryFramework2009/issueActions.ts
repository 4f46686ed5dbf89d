/**
 * CDF Annex D, Table D1 as 96 issue → action pairs, in document order, each with the wording its
 * row prints. Order within a row is the document's and is not stated to be a priority (decision A14).
 * The middle page of the table (I08–I15) is run together in the source text; the split was checked
 * against the known action wordings and is unambiguous.
 * @see CDF Annex D, Table D1
 */
import type { Source } from "../../types";
import type { ActionCode, IssueActionPair, IssueCode } from "../../recommender/types";
import { ACTIONS } from "./actions";

const D1: Source = { doc: "CDF", ref: "Annex D, Table D1" };

/**
 * Table D1 row by row (I01…I23): the actions each row prints, in printed order. A row's wording for an
 * action is the action's §3.2 title unless a Table D1 variant lists the row (see ACTIONS), so no
 * wording is written twice.
 */
const ROWS: readonly (readonly [IssueCode, readonly ActionCode[]])[] = [
  ["I01", ["A15", "A06", "A07"]],
  ["I02", ["A15", "A06", "A05", "A20", "A07"]],
  ["I03", ["A12", "A03", "A05", "A15", "A06", "A10", "A07"]],
  ["I04", ["A15", "A03", "A10"]],
  ["I05", ["A11", "A20", "A16", "A15", "A10"]],
  ["I06", ["A16", "A13", "A15", "A10"]],
  ["I07", ["A03", "A09", "A06", "A08"]],
  ["I08", ["A03", "A12", "A14", "A02", "A09"]],
  ["I09", ["A14", "A02", "A09", "A03"]],
  ["I10", ["A13", "A03", "A12"]],
  ["I11", ["A03", "A12", "A09", "A07", "A15", "A06"]],
  ["I12", ["A04", "A07", "A15", "A06", "A05", "A09"]],
  ["I13", ["A16", "A01", "A06", "A19"]],
  ["I14", ["A18", "A06"]],
  ["I15", ["A08", "A20", "A05", "A18"]],
  ["I16", ["A04", "A08", "A20", "A06"]],
  ["I17", ["A10", "A03", "A13", "A05"]],
  ["I18", ["A11", "A10", "A17", "A09"]],
  ["I19", ["A10", "A06", "A07"]],
  ["I20", ["A16"]],
  ["I21", ["A03", "A12", "A09", "A14", "A02", "A13"]],
  ["I22", ["A03", "A12", "A09", "A02", "A10"]],
  ["I23", ["A16", "A19", "A01", "A18"]],
];

const BY_CODE = new Map(ACTIONS.map((a) => [a.code, a]));

/** All 96 pairs, row by row (I01…I23) and, within a row, in printed order. */
export const ISSUE_ACTIONS: readonly IssueActionPair[] = ROWS.flatMap(([issue, actions]) =>
  actions.map((code, i): IssueActionPair => {
    const action = BY_CODE.get(code);
    if (action === undefined) throw new Error(`Table D1 row ${issue} names unknown action ${code}.`);
    const variant = action.variants.find((v) => v.issues.includes(issue));
    const wording = variant?.text ?? action.title;
    const pair: IssueActionPair = { issue, action: code, position: i + 1, wording, variant: wording !== action.title, source: D1 };
    return variant?.interpretive ? { ...pair, interpretive: true } : pair;
  }),
);

/**
 * Annex D's framing text, verbatim: show it with any action plan built from Table D1.
 * @see CDF Annex D
 */
export const ANNEX_D_NOTES = {
  intro: "The mapping exercise should have resulted in a list of key local issues and groups to address.",
  notExhaustive:
    "This is not an exhaustive list and local areas will identify additional issues and other solutions. In deciding what actions to undertake it's worth aiming to have a mix of long term projects and quick wins, or to recognise that some actions are one off and others will need to be ongoing.",
  notInfluences: "The issues list does not precisely map to the influences list, this is for two reasons:",
  reasons: [
    "While we are clear that deprivation, crime/ASB, inequalities, population churn, housing, education etc influence cohesion, they are not issues where we would target cohesion policies; instead work to address these issues needs to bear cohesion in mind, either recognising that success may translate into better cohesion; or that not taking cohesion into account may make cohesion worse (this is where the cohesion impact assessment can come in useful). This may mean that greater importance should be placed on areas such community buildings or youth work, recognising their value to cohesion.",
    "Equally, while we are clear that information about individual characteristics is important, these should not form the entire basis of your strategy. It is right to target activities on some groups where there are specific cohesion challenges; but other than that, the identification of groups should inform the actions you take not define them, for example rather than holding a festival focussing on one ethnic group, a festival should be of interest to all local groups. In particular, cohesion should not just be about minority groups – it needs to engage with the majority and recognise that within that majority there will be groups which need to be addressed, in particular white working class people are often discussed in this context.",
  ],
  source: { doc: "CDF", ref: "Annex D" } as Source,
} as const;
