import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
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
import { mapHeaders, type Field as InputField } from "../../engine/table";
import { indicatorTable, nearestNeighbours, NEIGHBOUR_METHODS, type Neighbour, type NeighbourMethod } from "../../engine/stats";
import { typeMix, type TypeMix } from "../../engine/typeMix";
import { TYPOLOGY_CAVEATS } from "../../engine";
import { quoteSheet } from "../../engine/a1";
import type { ExcelTools, SourceInfo } from "../excel";
import { Outcome, type OutcomeMessage } from "./Outcome";

/** What the view needs from the workbook (src/taskpane/excel/; plain data in and out). */
export interface AnalysisTools {
  readBlock(address: string): Promise<unknown[][]>;
  /** `formats`: number formats by column header. */
  insertTableSheet(baseName: string, header: string[][], columns: string[], rows: (string | number)[][], formats?: Readonly<Record<string, string>>): Promise<{ sheet: string } | { error: string }>;
  /** Activates the sheet of `address` and selects it; an error in words when it is gone. */
  goTo(address: string): Promise<{ error: string } | null>;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  checks: { display: "flex", flexDirection: "column", maxHeight: "12rem", overflowY: "auto" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { minWidth: "260px" },
});

type Message = OutcomeMessage | null;

/** Peers (nearest areas on chosen indicators) and the family-type mix of sub-areas, on a table of the workbook. */
export function Analysis({ tools, analysis }: { tools: ExcelTools | null; analysis: AnalysisTools | null }) {
  const styles = useStyles();
  const [sources, setSources] = React.useState<SourceInfo[]>([]);
  const [sourceKey, setSourceKey] = React.useState<string | null>(null);
  const [nameCol, setNameCol] = React.useState<number | null>(null);
  const [indicators, setIndicators] = React.useState<Set<number>>(new Set());
  const [area, setArea] = React.useState("");
  const [k, setK] = React.useState("15");
  const [method, setMethod] = React.useState<NeighbourMethod>("zscore");
  const [peers, setPeers] = React.useState<Neighbour[] | null>(null);
  const [mix, setMix] = React.useState<TypeMix | null>(null);
  const [message, setMessage] = React.useState<Message>(null);
  const [busy, setBusy] = React.useState(false);
  const source = sources.find((s) => s.key === sourceKey) ?? null;
  const fields = React.useMemo(() => (source ? mapHeaders(source.headers) : {}), [source]);

  async function find() {
    if (!tools) return;
    setBusy(true);
    try {
      const found = await tools.listSources();
      setSources(found);
      const first = found[0] ?? null;
      setSourceKey(first?.key ?? null);
      const f = first ? mapHeaders(first.headers) : {};
      setNameCol(f.name ?? null);
      setMessage(found.length ? null : { intent: "warning", text: "No table with a header row on the active sheet." });
    } finally {
      setBusy(false);
    }
  }

  async function rows(): Promise<unknown[][] | null> {
    if (!analysis || !source) return null;
    const block = await analysis.readBlock(source.address);
    return block.slice(1);
  }

  async function findPeers() {
    if (!source || nameCol === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const data = (await rows()) ?? [];
      const cols = [...indicators].sort((a, b) => a - b);
      const { names, table, notNumbers } = indicatorTable(data, nameCol, cols);
      const bad = notNumbers.map((x) => `${source.headers[x.column]}: "${String(data[x.row][x.column])}"`);
      const kk = Number(k);
      const result = nearestNeighbours(names, table, area.trim(), { k: Number.isInteger(kk) && kk > 0 ? kk : 15, method });
      if (!result.ok) {
        setPeers(null);
        setMessage({ intent: "error", text: result.error.message });
      } else {
        setPeers(result.value);
        const notes = [...result.warnings.map((w) => w.message), ...(bad.length ? [`${bad.length} cell(s) are not numbers and were treated as missing (e.g. ${bad[0]}).`] : [])];
        setMessage(notes.length ? { intent: "warning", text: notes.join(" ") } : null);
      }
    } finally {
      setBusy(false);
    }
  }

  async function computeMix() {
    if (!source) return;
    setBusy(true);
    setMessage(null);
    try {
      const data = (await rows()) ?? [];
      const col = (f: InputField) => (fields[f] === undefined ? null : data.map((r) => r[fields[f] as number]));
      const r = typeMix(col("nvq4") ?? [], col("rural") ?? [], col("a8") ?? [], col("jobs1984"), col("population") ?? []);
      if (!r.ok) {
        setMix(null);
        setMessage({ intent: "error", text: r.error.message });
      } else {
        setMix(r.value);
        if (r.warnings.length) setMessage({ intent: "warning", text: r.warnings.map((w) => w.message).join(" ") });
      }
    } finally {
      setBusy(false);
    }
  }

  async function write(kind: "peers" | "mix") {
    if (!analysis) return;
    setBusy(true);
    try {
      const out =
        kind === "peers" && peers
          ? await analysis.insertTableSheet(
              `Peers ${area}`,
              [[`Nearest areas to ${area}`], ["Indicators", [...indicators].map((c) => source?.headers[c]).join(", ")], ["Method", method === "zscore" ? "z-score, rebased so the farthest is 1 (CIPFA's description)" : "min-max (NHS England's method)"]],
              ["Rank", "Area", "Distance"],
              peers.map((p, i) => [i + 1, p.name, p.distance]),
              { Distance: "0.000" },
            )
          : mix
            ? await analysis.insertTableSheet(
                "Type mix",
                [["Family-type mix of the sub-areas"], [TYPOLOGY_CAVEATS.districtLevel]],
                ["Type", "Name", "Sub-areas", "Population", "Share"],
                // The share as a fraction with a % format (0.123 shows as 12.3%), rounded as the pane shows it.
                mix.rows.map((r) => [r.type, r.name, r.subAreas, r.population, Math.round(r.sharePct * 10) / 1000]),
                { "Sub-areas": "#,##0", Population: "#,##0", Share: "0.0%" },
              )
            : null;
      if (out) {
        const go = async (sheet: string) => {
          const e = await analysis.goTo(`${quoteSheet(sheet)}!A1`);
          if (e) setMessage({ intent: "error", text: e.error });
        };
        setMessage("error" in out ? { intent: "error", text: out.error } : { intent: "success", text: `Written to the new sheet "${out.sheet}".`, actions: [{ label: "Go to the sheet", run: () => go(out.sheet) }] });
      }
    } finally {
      setBusy(false);
    }
  }

  const canMix = source && ["nvq4", "rural", "a8", "population"].every((f) => fields[f as InputField] !== undefined);
  return (
    <section aria-label="Analysis" className={styles.root}>
      <Outcome message={message} />
      <div className={styles.row}>
        <Button onClick={find} disabled={!tools || busy}>
          Find tables on this sheet
        </Button>
        {!tools && <Caption1>Needs a workbook (Excel or the preview).</Caption1>}
      </div>
      {sources.length > 0 && (
        <Field label="Table">
          <Dropdown value={source?.label ?? ""} selectedOptions={sourceKey ? [sourceKey] : []} onOptionSelect={(_, d) => setSourceKey(d.optionValue ?? null)}>
            {sources.map((s) => (
              <Option key={s.key} value={s.key}>
                {s.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {source && (
        <>
          <Subtitle2 as="h2">Peers: the nearest areas</Subtitle2>
          <Field label="Column of area names">
            <Dropdown value={nameCol === null ? "" : source.headers[nameCol]} selectedOptions={nameCol === null ? [] : [String(nameCol)]} onOptionSelect={(_, d) => setNameCol(Number(d.optionValue))}>
              {source.headers.map((h, i) => (
                <Option key={i} value={String(i)}>
                  {h || `(column ${source.columnLetters[i]})`}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <fieldset className={styles.checks}>
            <legend>Indicators to compare on</legend>
            {source.headers.map((h, i) =>
              i === nameCol ? null : (
                <Checkbox
                  key={i}
                  label={h || `(column ${source.columnLetters[i]})`}
                  checked={indicators.has(i)}
                  onChange={(_, d) => {
                    const next = new Set(indicators);
                    if (d.checked) next.add(i);
                    else next.delete(i);
                    setIndicators(next);
                  }}
                />
              ),
            )}
          </fieldset>
          <div className={styles.row}>
            <Field label="Area">
              <Input value={area} onChange={(_, d) => setArea(d.value)} />
            </Field>
            <Field label="How many">
              <Input value={k} onChange={(_, d) => setK(d.value)} inputMode="numeric" />
            </Field>
          </div>
          <RadioGroup value={method} onChange={(_, d) => setMethod(d.value as NeighbourMethod)} aria-label="Distance" layout="horizontal">
            {NEIGHBOUR_METHODS.map((m) => (
              <Radio key={m} value={m} label={m === "zscore" ? "z-score (CIPFA-like)" : "min-max (NHS England)"} />
            ))}
          </RadioGroup>
          <div className={styles.row}>
            <Button appearance="primary" onClick={findPeers} disabled={busy || nameCol === null || indicators.size === 0 || !area.trim()}>
              Find peers
            </Button>
            <Button onClick={() => write("peers")} disabled={busy || !peers}>
              Write peers sheet
            </Button>
          </div>
          {peers && (
            <Table aria-label={`Nearest areas to ${area}`} className={styles.table} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Rank</TableHeaderCell>
                  <TableHeaderCell>Area</TableHeaderCell>
                  <TableHeaderCell>Distance</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {peers.map((p, i) => (
                  <TableRow key={p.name}>
                    <TableCell>{i + 1}</TableCell>
                    <TableCell>{p.name}</TableCell>
                    <TableCell>{p.distance.toFixed(4)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}

          <Subtitle2 as="h2">Family-type mix of sub-areas</Subtitle2>
          <Body1>
            For ward or LSOA rows with the four proxies and a population column: the share of the population in each family type (CDF: an area
            &quot;might be made up of a number of typologies&quot;).
          </Body1>
          <Caption1 className={styles.muted}>{TYPOLOGY_CAVEATS.districtLevel}</Caption1>
          <div className={styles.row}>
            <Button onClick={computeMix} disabled={busy || !canMix}>
              Type mix
            </Button>
            <Button onClick={() => write("mix")} disabled={busy || !mix}>
              Write type mix sheet
            </Button>
            {!canMix && <Caption1>Needs NVQ4+, rural, A8 and population columns.</Caption1>}
          </div>
          {mix && (
            <Table aria-label="Family-type mix" className={styles.table} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Type</TableHeaderCell>
                  <TableHeaderCell>Sub-areas</TableHeaderCell>
                  <TableHeaderCell>Share</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {mix.rows.map((r) => (
                  <TableRow key={r.type}>
                    <TableCell>
                      {r.type} {r.name}
                    </TableCell>
                    <TableCell>{r.subAreas}</TableCell>
                    <TableCell>{r.sharePct.toFixed(1)}%</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
