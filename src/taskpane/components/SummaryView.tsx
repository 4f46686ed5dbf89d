import {
  Body1,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { abgSummaryTable } from "../../engine/summary";
import type { ToolResult } from "../excel";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalS },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  total: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

const count = (n: number) => n.toLocaleString("en-GB");
const pounds = (n: number) => `£${n.toLocaleString("en-GB")}`;

/** The engine's summary of a tool run, as tables in the pane (the same figures as the Summary sheet). */
export function SummaryView({ result }: { result: ToolResult }) {
  const styles = useStyles();
  const s = result.summary;
  const uncertain = result.uncertainSheetRows;
  // The engine's ABG table (the Summary sheet's rows and words), laid out here.
  const abg = abgSummaryTable(s);
  return (
    <section aria-label="Summary" className={styles.root}>
      <Subtitle2 as="h2">Summary</Subtitle2>
      <Body1>
        {count(s.rows)} rows: {count(s.rowsWithResults)} with results, {count(s.rowsWithErrors)} with notes about bad or missing inputs (see the Notes column).
      </Body1>
      {result.parts.abg && (
        <>
          <Table aria-label="Areas and allocation by ABG band" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{abg.header[0]}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{abg.header[1]}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{abg.header[2]}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {abg.rows.map((r) => (
                <TableRow key={r.label} className={r.kind === "total" ? styles.total : undefined}>
                  <TableCell>{r.label}</TableCell>
                  <TableCell className={styles.number}>{r.areas === null ? "" : count(r.areas)}</TableCell>
                  <TableCell className={styles.number}>{r.kind === "share" ? `${r.value}%` : pounds(r.value)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Caption1 className={styles.muted}>{abg.note}</Caption1>
          <Body1>
            {s.rowsWithCi === 0
              ? "Uncertainty not assessed: no confidence intervals given."
              : uncertain.length === 0
              ? "No row's band is uncertain under its confidence interval."
              : `${count(uncertain.length)} ${uncertain.length === 1 ? "row's band is" : "rows' bands are"} uncertain under the CI: sheet ${uncertain.length === 1 ? "row" : "rows"} ${uncertain.slice(0, 30).join(", ")}${uncertain.length > 30 ? ", …" : ""}.`}
          </Body1>
        </>
      )}
      {result.parts.types && (
        <>
          <Table aria-label="Areas by family type, with Table 1 averages" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Family type</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Areas</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Table 1 average</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Average score here</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {s.byType.map((t) => (
                <TableRow key={t.type}>
                  <TableCell>
                    {t.type}. {t.name}
                  </TableCell>
                  <TableCell className={styles.number}>{count(t.areas)}</TableCell>
                  <TableCell className={styles.number}>{t.table1Average}</TableCell>
                  <TableCell className={styles.number}>{t.averageScore ?? "–"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Caption1 className={styles.muted}>{s.table1Total.note}</Caption1>
        </>
      )}
      {result.typeMix && (
        <>
          <Subtitle2 as="h3">Family-type mix (population share)</Subtitle2>
          {result.typeMix.mix && (
            <Table aria-label="Population share by family type" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Family type</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Population</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Share</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.typeMix.mix.rows.map((t) => (
                  <TableRow key={t.type}>
                    <TableCell>
                      {t.type}. {t.name}
                    </TableCell>
                    <TableCell className={styles.number}>{count(t.population)}</TableCell>
                    <TableCell className={styles.number}>{t.sharePct.toFixed(1)}%</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {result.typeMix.note && <Caption1>{result.typeMix.note}</Caption1>}
          {result.typeMix.mix && <Caption1 className={styles.muted}>{result.typeMix.mix.caveat}</Caption1>}
        </>
      )}
    </section>
  );
}
