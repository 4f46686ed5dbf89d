import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Body1, Caption1, Checkbox, Link, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Recommendation } from "../../engine";

/**
 * The Action plan view's step 4, the recommendation in detail (out of ActionPlan.tsx, unchanged): the ranked
 * actions (each can be left out of the plan), the five universal actions, the family group's Annex C advice,
 * approaches to avoid, Annex E guidance, and the LGA 2019 case studies when asked for.
 */
const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function RecommendationDetails({ rec, dropped, onDroppedChange }: { rec: Recommendation; dropped: ReadonlySet<string>; onDroppedChange: (next: Set<string>) => void }) {
  const styles = useStyles();
  const setDropped = onDroppedChange;
  return (
    <Accordion multiple collapsible defaultOpenItems={["actions", "universal"]}>
      <AccordionItem value="actions">
        <AccordionHeader>Ranked actions ({rec.actions.length})</AccordionHeader>
        <AccordionPanel>
          <ol className={styles.list}>
            {rec.actions.map((a) => (
              <li key={a.code}>
                <Checkbox
                  checked={!dropped.has(a.code)}
                  onChange={(_, d) => {
                    const next = new Set(dropped);
                    if (d.checked) next.delete(a.code);
                    else next.add(a.code);
                    setDropped(next);
                  }}
                  label={`${a.code} ${a.title} — addresses ${a.count} of your issues (${a.issues.join(", ")})`}
                />
                {a.origin === "lga2019" && (
                  <Badge appearance="outline" color="brand">
                    LGA 2019 · linked by this add-in
                  </Badge>
                )}
              </li>
            ))}
          </ol>
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="universal">
        <AccordionHeader>Five actions every area should consider</AccordionHeader>
        <AccordionPanel>
          <ul className={styles.list}>
            {rec.universal.map((u) => (
              <li key={u.code}>
                <Body1>
                  {u.code} {u.title}
                </Body1>
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
      {rec.group && (
        <AccordionItem value="group">
          <AccordionHeader>{rec.group.heading}</AccordionHeader>
          <AccordionPanel>
            <Body1 as="p">What works well</Body1>
            <ul className={styles.list}>
              {rec.group.worksWell.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
            <Body1 as="p">Where things work less well</Body1>
            <ul className={styles.list}>
              {rec.group.worksLessWell.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      )}
      <AccordionItem value="avoid">
        <AccordionHeader>Approaches to avoid — a self-check</AccordionHeader>
        <AccordionPanel>
          {rec.avoid.map((x) => (
            <Checkbox key={x.code} label={`${x.code} We avoid this: ${x.title}`} />
          ))}
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="guidance">
        <AccordionHeader>Guidance (CDF Annex E, 2009)</AccordionHeader>
        <AccordionPanel>
          <Caption1 as="p" className={styles.muted}>
            Historical links from 2009: many are no longer online. Opening one leaves the add-in.
          </Caption1>
          <ul className={styles.list}>
            {rec.guidance.map((g) => (
              <li key={g.code}>
                {g.code}{" "}
                <Link href={g.url} target="_blank" rel="noopener noreferrer">
                  {g.title}
                </Link>{" "}
                <Caption1>
                  {g.owner ?? ""} · historical link{g.inferred ? " · linked to the actions by this add-in" : ""}
                </Caption1>
              </li>
            ))}
          </ul>
          {rec.noGuidanceListed.map((n) => (
            <Caption1 key={n.code} as="p" className={styles.muted}>
              {n.code}: {n.note}
            </Caption1>
          ))}
        </AccordionPanel>
      </AccordionItem>
      {rec.caseStudies && (
        <AccordionItem value="cases">
          <AccordionHeader>Case studies (LGA 2019)</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {rec.caseStudies.slice(0, 15).map((c) => (
                <li key={c.code}>
                  <Body1>
                    {c.code} <strong>{c.title}</strong>
                    {c.place ? ` (${c.place})` : ""}: {c.summary}
                  </Body1>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      )}
    </Accordion>
  );
}
