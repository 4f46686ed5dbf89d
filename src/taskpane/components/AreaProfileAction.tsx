import { Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { PercentOptions } from "../../engine/columns";
import type { Scale } from "../../engine/input";
import { annexBProfile, PROFILE_COMPARATORS, type AnnexBProfile } from "../../engine/profile/build";
import { subjectFromTable } from "../../engine/profile/subject";
import type { ComparatorKind } from "../../engine/recommender/detect";
import type { IndicatorId } from "../../engine/recommender/types";
import { quoteSheet } from "../../engine/a1";
import type { ActionPlanTools } from "../excel";
import { Outcome, type OutcomeMessage } from "./Outcome";

/**
 * The area profile (issue 16.2): the chosen area's local cohesion mapping exercise, CDF Annex B's items
 * (pp. 27–32) with the workbook's evidence for each, written to a sheet of its own with an empty "Local
 * knowledge" column. The engine builds it (annexBProfile); the sheet is written by excel/profile.ts, which
 * updates its own cells on a re-run and asks before replacing any the user changed.
 */
const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Where the area's values are: its table (the selected row's) or a one-row table of typed values. */
export interface ProfileSource {
  headers: readonly unknown[];
  rows: readonly (readonly unknown[])[];
  index: number;
  from: string;
  formats?: PercentOptions["formats"];
  scale?: Scale;
}

export function AreaProfileAction({
  tools,
  source,
  today,
  custom,
}: {
  tools: ActionPlanTools | null;
  source: ProfileSource | null;
  today: () => string;
  /** The comparator values the user typed in step 2, used as one more comparator. */
  custom?: Partial<Record<IndicatorId, number>> | null;
}) {
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<OutcomeMessage | null>(null);

  const goTo = async (sheet: string) => {
    const e = await tools?.goTo(`${quoteSheet(sheet)}!A1`);
    if (e) setMessage({ intent: "error", text: e.error });
  };

  async function write(profile: AnnexBProfile, confirmOverwrite: boolean) {
    if (!tools) return;
    setBusy(true);
    try {
      const r = await tools.writeProfile(profile, { confirmOverwrite });
      if ("error" in r) setMessage({ intent: "error", text: r.error });
      else if (r.status === "needsConfirmation") {
        setMessage({
          intent: "warning",
          text: r.message,
          actions: [
            { label: "Replace them", run: () => write(profile, true) },
            { label: "Keep them", run: () => setMessage({ intent: "info", text: `Nothing was written: "${r.sheet}" is as you left it.` }) },
          ],
        });
      } else {
        const text = r.updated
          ? `The profile on "${r.sheet}" is updated; the Local knowledge column is as you wrote it.`
          : `The profile of ${profile.area} is on the new sheet "${r.sheet}": ${profile.rows.length - 4} Annex B items with the workbook's evidence, and a Local knowledge column for you.`;
        setMessage({ intent: r.note ? "warning" : "success", text: r.note ? `${r.note} ${text}` : text, actions: [{ label: "Go to the profile", run: () => goTo(r.sheet) }] });
      }
    } finally {
      setBusy(false);
    }
  }

  function run() {
    if (!source) return;
    setMessage(null);
    const subject = subjectFromTable(source.headers, source.rows, source.index, { from: source.from, formats: source.formats, scale: source.scale });
    const comparators: ComparatorKind[] = [...PROFILE_COMPARATORS, ...(custom && Object.keys(custom).length ? (["custom"] as const) : [])];
    const profile = annexBProfile(subject, { date: today(), comparators, custom: custom ? { values: custom, label: "your comparator" } : undefined });
    if (!profile.ok) setMessage({ intent: "error", text: profile.error.message });
    else void write(profile.value, false);
  }

  return (
    <section aria-label="Area profile" className={styles.root}>
      <Subtitle2 as="h2">Area profile (the Annex B mapping exercise)</Subtitle2>
      <Caption1 className={styles.muted}>
        Every item of CDF Annex B, &ldquo;Local cohesion mapping exercise&rdquo; (pp. 27–32), with this workbook&rsquo;s evidence for the area — indicators against national figures, its family type&rsquo;s Table 1 average and the table&rsquo;s median with significance, family type and group, ABG band (GR ¶2.3), issues suggested (CDF Annex D) and nearest peers — and a Local knowledge column for you. Running it again updates it and keeps what you wrote there.
      </Caption1>
      <Outcome message={message} />
      <div className={styles.row}>
        <Button onClick={run} disabled={!tools || !source || busy}>
          Write area profile
        </Button>
        {busy && <Spinner size="tiny" label="Writing…" />}
        {tools && !source && <Caption1>Choose the area first.</Caption1>}
      </div>
    </section>
  );
}
