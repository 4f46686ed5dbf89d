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
import { DATA_VERSION, TYPOLOGY_CAVEATS } from "../../engine";
import { QuickCheck } from "./QuickCheck";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: "280px" },
  caveat: { color: tokens.colorNeutralForeground3 },
});

type View = "check" | "about";

export function App({ host }: { host: string | null }) {
  const styles = useStyles();
  const [view, setView] = React.useState<View>("check");
  return (
    <main className={styles.root}>
      <Title3 as="h1">Cohesion Toolkit</Title3>
      {host === null && (
        <MessageBar intent="info">
          <MessageBarBody>Not running inside Excel: the calculator works, the workbook tools need Excel or the preview.</MessageBarBody>
        </MessageBar>
      )}
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="Views">
        <Tab value="check">Check an area</Tab>
        <Tab value="about">About</Tab>
      </TabList>
      {view === "check" && <QuickCheck />}
      {view === "about" && (
        <section aria-label="About">
          <Body1 as="p">
            The 2007–09 community cohesion framework in your workbook: the Commission&apos;s family types (CDF Table 1), the Area Based Grant
            cohesion bands (GR ¶2.3) and the framework&apos;s actions. Type <code>=COHESION.</code> in a cell for the functions.
          </Body1>
          <Caption1 as="p" className={styles.caveat}>
            {TYPOLOGY_CAVEATS.noLabelling} (GR ¶3.6)
          </Caption1>
          <Caption1 as="p">Framework data version {DATA_VERSION}.</Caption1>
        </section>
      )}
    </main>
  );
}
