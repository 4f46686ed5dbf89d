/**
 * The Recs view (issue 16.3): the Commission on Integration and Cohesion's 57 recommendations (Our Shared
 * Future, June 2007) with the Government's response to each (February 2008, Section 4) and the Secretary
 * of State's priorities (October 2007), searchable and filtered by theme and by whom the text names; and the
 * tracker sheet (TrackerPanel). A chunk of its own, loaded when the tab is first shown (App.tsx). All the
 * selection and wording are the engine's (commission.ts); this file lays them out.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Dropdown,
  Field,
  Option,
  SearchBox,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import {
  COMMISSION_AUDIENCE_INFO,
  COMMISSION_AUDIENCES,
  COMMISSION_THEME_INFO,
  COMMISSION_THEMES,
  RECOMMENDATION_RECORDS,
  citation,
  commissionRecommendations,
  type CommissionAudience,
  type CommissionTheme,
  type RecommendationRecord,
} from "../../engine/commission";
import type { TrackerTools } from "../excel/tracker";
import { TrackerPanel } from "./TrackerPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  filters: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // A Dropdown's button is as wide as its longest option unless told otherwise: the pane's width, no more.
  dropdown: { minWidth: 0, maxWidth: "100%" },
  source: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  para: { margin: `${tokens.spacingVerticalXS} 0` },
  header: { display: "flex", flexDirection: "column", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
});

/** What the view starts with (tests render it without clicking). */
export interface RecommendationsInitial {
  query?: string;
  theme?: CommissionTheme | "";
  audience?: CommissionAudience | "";
  /** Recommendations shown open. */
  open?: number[];
}

const ALL = "";
/** An accordion header: the number and the recommendation's opening words (the whole text is in the panel). */
export function headline(r: RecommendationRecord, max = 90): string {
  const t = r.text.length <= max ? r.text : `${r.text.slice(0, r.text.lastIndexOf(" ", max - 1))}…`;
  return `${r.number}. ${t}`;
}

const reportRef = (ref: string) => (/^\d/.test(ref) ? `report ¶${ref}` : `report ${ref}`);

function RecommendationPanel({ r, styles }: { r: RecommendationRecord; styles: ReturnType<typeof useStyles> }) {
  const lead = r.parts.length && !r.partsSource ? r.text.slice(0, r.text.indexOf(r.parts[0])).trim() : r.text;
  return (
    <div>
      <Body1 as="p" block className={styles.para}>
        {lead}
      </Body1>
      {r.parts.length > 0 && (
        <ul className={styles.list}>
          {r.parts.map((p) => (
            <li key={p}>
              <Body1>{p}</Body1>
            </li>
          ))}
        </ul>
      )}
      <Caption1 as="p" block className={styles.source}>
        Our Shared Future (June 2007), {reportRef(r.reportRef)} · For: {r.audiences.includes("not-stated") ? "not stated in the text" : r.audienceLabels.join("; ")} · Theme: {r.themeLabel} ({citation(r.source)}
        {r.partsSource ? `; its items: ${citation(r.partsSource)}` : ""})
      </Caption1>
      {r.notes.map((n) => (
        <Caption1 as="p" block key={n} className={styles.para}>
          Note: {n}
        </Caption1>
      ))}
      {r.response ? (
        <>
          <Body1 as="p" block className={styles.para}>
            <strong>Government&apos;s response (Feb 2008): {r.stanceLabel}.</strong> {r.response.summary}
            {r.response.answeredWith.length > 0 && ` (One answer for recommendations ${r.response.answeredWith.join(", ")}.)`}
          </Body1>
          {r.response.parts.length > 0 && (
            <ul className={styles.list}>
              {r.response.parts.map((p) => (
                <li key={p.label}>
                  <Body1>
                    {p.label}) {p.summary}
                  </Body1>
                </li>
              ))}
            </ul>
          )}
          <Caption1 as="p" block className={styles.para}>
            Its words: “{r.response.basis}” ({citation(r.response.source)}; the reading “{r.stanceLabel}” is this add-in&apos;s)
          </Caption1>
        </>
      ) : (
        <Body1 as="p" block className={styles.para}>
          Government&apos;s response (Feb 2008): none. {r.responseNote}
        </Body1>
      )}
      {r.priorities.map((p) => (
        <Caption1 as="p" block key={p.number} className={styles.para}>
          Secretary of State&apos;s priority {p.number} (October 2007): {p.title}. “{p.quote}” ({citation(p.source)}; link inferred: the letter names no recommendation by number)
        </Caption1>
      ))}
    </div>
  );
}

export function Recommendations({ tools, initial = {} }: { tools: TrackerTools | null; initial?: RecommendationsInitial }) {
  const styles = useStyles();
  const [query, setQuery] = React.useState(initial.query ?? "");
  const [theme, setTheme] = React.useState<string>(initial.theme ?? ALL);
  const [audience, setAudience] = React.useState<string>(initial.audience ?? ALL);
  const result = commissionRecommendations({ query, theme, audience });
  const shown = result.ok ? result.value : [];
  const themeLabel = theme === ALL ? "All themes" : COMMISSION_THEME_INFO[theme as CommissionTheme].label;
  const audienceLabel = audience === ALL ? "Anyone" : COMMISSION_AUDIENCE_INFO[audience as CommissionAudience].label;
  return (
    <section aria-label="The Commission's recommendations" className={styles.root}>
      <Body1 as="p" block>
        The Commission on Integration and Cohesion&apos;s {RECOMMENDATION_RECORDS.length} recommendations (Our Shared Future, June 2007), each with the
        Government&apos;s response (February 2008) and the Secretary of State&apos;s priorities (October 2007).
      </Body1>
      <TrackerPanel tools={tools} />
      <div className={styles.filters} role="search" aria-label="Find recommendations">
        <Field label="Search">
          {/* The clear button only while there is something to clear (Fluent keeps an empty one just past the box's edge). */}
          <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} placeholder="e.g. housing, myth, ESOL" dismiss={query === "" ? null : undefined} />
        </Field>
        <Field label="Theme">
          <Dropdown className={styles.dropdown} value={themeLabel} selectedOptions={[theme]} onOptionSelect={(_, d) => setTheme(d.optionValue ?? ALL)}>
            <Option value={ALL}>All themes</Option>
            {COMMISSION_THEMES.map((t) => (
              <Option key={t} value={t}>
                {COMMISSION_THEME_INFO[t].label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="For (whom the text names)">
          <Dropdown className={styles.dropdown} value={audienceLabel} selectedOptions={[audience]} onOptionSelect={(_, d) => setAudience(d.optionValue ?? ALL)}>
            <Option value={ALL}>Anyone</Option>
            {COMMISSION_AUDIENCES.map((a) => (
              <Option key={a} value={a}>
                {COMMISSION_AUDIENCE_INFO[a].label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Caption1 as="p" role="status">
        {shown.length === RECOMMENDATION_RECORDS.length ? `All ${shown.length} recommendations` : `${shown.length} of ${RECOMMENDATION_RECORDS.length} recommendations`}
        {shown.length === 0 ? ": none match. Clear the search or a filter." : ""}
      </Caption1>
      <Accordion multiple collapsible defaultOpenItems={(initial.open ?? []).map(String)}>
        {shown.map((r) => (
          <AccordionItem key={r.number} value={String(r.number)}>
            <AccordionHeader as="h3">
              <span className={styles.header}>
                <span>{headline(r)}</span>
                <Caption1 className={styles.source}>Response: {r.stanceLabel ?? "none printed"}</Caption1>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <RecommendationPanel r={r} styles={styles} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      <Caption1 as="p" block className={styles.source}>
        Recommendations: Our Shared Future, Commission on Integration and Cohesion (14 June 2007), as the Leicestershire factsheet reproduces them
        with the report&apos;s paragraph. Responses: The Government&apos;s Response to the Commission on Integration and Cohesion (CLG, February 2008),
        Section 4; each reading of a response is this add-in&apos;s, shown with the response&apos;s own words. Priorities: the Secretary of State&apos;s
        letter to the Commission&apos;s chair (October 2007). Themes and whom each is for: this add-in&apos;s grouping.
      </Caption1>
    </section>
  );
}
