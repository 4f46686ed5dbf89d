import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { FUNDING_COMPONENTS, TYPOLOGY_CAVEATS, fmtGbpMillions } from "../../engine";
import { DATA_VERSION } from "../../engine/version";
import type { ActionPlanTools, ExcelTools, TrackerTools } from "../excel";
import type { AnalysisTools } from "./Analysis";
import { StartupNotice, type StartupControls } from "./StartupNotice";

// Each tab's view is its own chunk, fetched from the add-in's origin when the tab is first shown (issue 17.2):
// the pane is interactive before any of them has loaded.
const QuickCheck = React.lazy(() => import(/* webpackChunkName: "view-check" */ "./QuickCheck").then((m) => ({ default: m.QuickCheck })));
const TableTools = React.lazy(() => import(/* webpackChunkName: "view-table" */ "./TableTools").then((m) => ({ default: m.TableTools })));
const ActionPlan = React.lazy(() => import(/* webpackChunkName: "view-plan" */ "./ActionPlan").then((m) => ({ default: m.ActionPlan })));
const Analysis = React.lazy(() => import(/* webpackChunkName: "view-analysis" */ "./Analysis").then((m) => ({ default: m.Analysis })));
const Recommendations = React.lazy(() => import(/* webpackChunkName: "view-recommendations" */ "./Recommendations").then((m) => ({ default: m.Recommendations })));

const useStyles = makeStyles({
  // minWidth 0 and overflowWrap: nothing (a long message, an unbroken error text) makes the pane wider than Excel's.
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0, overflowWrap: "break-word" },
  caveat: { color: tokens.colorNeutralForeground3 },
  // Excel's pane opens about 350 px wide (320 at its narrowest): the tabs' short labels keep them on one line there;
  // narrower still, the tab list scrolls sideways rather than wrap or widen the pane.
  tabs: { flexWrap: "nowrap", overflowX: "auto", minWidth: 0 },
  // Six tabs in 320 px: a little less padding each side than Fluent's small tab (6 px).
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

export interface AppProps {
  host: string | null;
  /** The workbook functions (src/taskpane/excel/); null outside Excel. */
  tools?: ExcelTools | null;
  /** The Action plan view's workbook functions; null outside Excel. */
  planTools?: ActionPlanTools | null;
  /** The Analysis view's workbook functions; null outside Excel. */
  analysisTools?: AnalysisTools | null;
  /** The Recs view's tracker sheet functions; null outside Excel. */
  trackerTools?: TrackerTools | null;
  /** Loading with the workbook (src/taskpane/startup.ts): its one-time notice and controls; null outside Excel. */
  startup?: StartupControls | null;
}

export function About({ className }: { className: string }) {
  return (
    <section aria-label="About">
      <Body1 as="p" block>
        The 2007–09 community cohesion framework in your workbook: the Commission&apos;s family types (CDF Table 1), the Area Based Grant
        cohesion bands (GR ¶2.3) and the framework&apos;s actions. Type <code>=COHESION.</code> in a cell for the functions.
      </Body1>
      <Caption1 as="p" block className={className}>
        {TYPOLOGY_CAVEATS.noLabelling} (GR ¶3.6)
      </Caption1>
      <Body1 as="p" block>The {fmtGbpMillions(FUNDING_COMPONENTS.totalGbp)} cohesion investment, as printed (GR ¶2.2–2.7):</Body1>
      <table aria-label={`The ${fmtGbpMillions(FUNDING_COMPONENTS.totalGbp)} cohesion investment, as printed`}>
        <tbody>
          {FUNDING_COMPONENTS.lines.map((l) => (
            <tr key={l.label}>
              <td style={{ textAlign: "right", paddingRight: "8px", whiteSpace: "nowrap" }}>{l.amountGbp === null ? "—" : fmtGbpMillions(l.amountGbp)}</td>
              <td>
                {l.label} ({l.source.doc} {l.source.ref})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Caption1 as="p" block className={className}>
        {FUNDING_COMPONENTS.footnote}
      </Caption1>
      <Caption1 as="p" block>Framework data version {DATA_VERSION}.</Caption1>
    </section>
  );
}

/** The pane's views, in tab order. To add one, add an entry here (About stays last). */
interface View {
  value: string;
  /** The view's name: the tab's accessible name and tooltip. */
  label: string;
  /** What the tab shows: the start of the name or a word of it (so the name still contains it), short enough for all the tabs in 320 px. */
  short: string;
  render: (props: AppProps, styles: ReturnType<typeof useStyles>) => React.ReactNode;
}
const VIEWS: View[] = [
  { value: "check", label: "Check an area", short: "Check", render: () => <QuickCheck /> },
  { value: "table", label: "Table tools", short: "Table", render: (p) => <TableTools tools={p.tools ?? null} /> },
  { value: "plan", label: "Action plan", short: "Plan", render: (p) => <ActionPlan tools={p.planTools ?? null} /> },
  { value: "analysis", label: "Peers & mix", short: "Peers", render: (p) => <Analysis tools={p.tools ?? null} analysis={p.analysisTools ?? null} /> },
  { value: "recs", label: "Recs: the Commission's 57 recommendations", short: "Recs", render: (p) => <Recommendations tools={p.trackerTools ?? null} /> },
  { value: "about", label: "About", short: "About", render: (_, styles) => <About className={styles.caveat} /> },
];

export function App(props: AppProps) {
  const styles = useStyles();
  const [view, setView] = React.useState<string>(VIEWS[0].value);
  const current = VIEWS.find((v) => v.value === view) ?? VIEWS[0];
  return (
    <main className={styles.root}>
      <Title3 as="h1">Cohesion Toolkit</Title3>
      {props.startup && <StartupNotice startup={props.startup} />}
      {props.host === null && (
        <MessageBar intent="info">
          <MessageBarBody>Not running inside Excel: the calculator works, the workbook tools need Excel or the preview.</MessageBarBody>
        </MessageBar>
      )}
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(String(d.value))} aria-label="Views" size="small" className={styles.tabs}>
        {VIEWS.map((v) => (
          <Tab key={v.value} value={v.value} aria-label={v.label} title={v.label} className={styles.tab}>
            {v.short}
          </Tab>
        ))}
      </TabList>
      <React.Suspense fallback={<Caption1 as="p" role="status">Loading…</Caption1>}>{current.render(props, styles)}</React.Suspense>
    </main>
  );
}
