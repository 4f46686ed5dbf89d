import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { quoteSheet } from "../../engine/a1";
import { BASES } from "../../engine/abg";
import { BOUNDARY_MODES } from "../../engine/familyType";
import { SCALES } from "../../engine/input";
import { FIELD_LABELS, OUTPUT_GROUPS, type ColumnMapping, type Field as InputField, type OutputGroup } from "../../engine/table";
import { DEFAULT_OPTIONS, type ExcelTools, type NeedsConfirmation, type RunOptions, type RunProgress, type SourceInfo, type Stopped, type ToolResult } from "../excel";
import { ConfirmOverwrite } from "./ConfirmOverwrite";
import { Outcome, type OutcomeAction } from "./Outcome";
import { SummaryView } from "./SummaryView";

const useStyles = makeStyles({
  // minmax(0, 1fr): a long message or the summary wraps instead of widening the pane.
  root: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "180px" },
  group: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

const NOT_USED = "(not used)";
const NOT_USED_VALUE = "-";
const TOOLS: OutputGroup[] = ["grantBands", "familyGroups"];

const CHOICE_LABELS = {
  scale: { auto: "Decide per column (0–1 or 0–100)", percent: "0–100", fraction: "0–1 (Excel percent cells)" },
  basis: { point: "The score itself", lower: "Lower end (score − CI)", upper: "Upper end (score + CI)" },
  boundaryMode: { inclusive: "A value on a cut-off meets it", exclusive: "A value on a cut-off does not meet it" },
} as const;

interface Message {
  intent: "success" | "info" | "warning" | "error";
  text: string;
  /** Lines listed under the text (a stopped run: what was and was not written). */
  details?: string[];
  /** "Go to results", "Go to summary". */
  actions?: OutcomeAction[];
}

/** A run stopped because the workbook changed under it (or Excel refused a write): why, then what was and was not written. */
export function stoppedMessage(out: Stopped): Message {
  return {
    intent: "error",
    text: `The run stopped: ${out.why}.`,
    details: [out.written, "No summary sheet was written, and nothing outside the toolkit's columns was changed.", "Run the tool again to finish."],
  };
}

/** The outcome of the last action, as a message bar. */
export function RunMessage({ intent, text, details }: Message) {
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>
        {text}
        {details && (
          <ul>
            {details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

const PHASES: Record<RunProgress["phase"], string> = { reading: "Reading rows", computing: "Computing rows", writing: "Writing rows", summary: "Writing the summary" };

interface Running {
  tool: OutputGroup;
  progress: RunProgress | null;
  controller: AbortController;
}

/**
 * Grant bands and family groups over a whole table: pick the table, check the columns, run.
 * Excel is reached only through `tools` (src/taskpane/excel/); null outside Excel.
 */
export function TableTools({ tools, initialSources }: { tools: ExcelTools | null; /** Skip the first look at the sheet and start from these (tests, preview). */ initialSources?: SourceInfo[] }) {
  const styles = useStyles();
  const [sources, setSources] = React.useState<SourceInfo[] | null>(initialSources ?? null);
  const [loading, setLoading] = React.useState(false);
  const first = initialSources?.[0];
  const [selected, setSelected] = React.useState<string | null>(first?.key ?? null);
  const [mapping, setMapping] = React.useState<ColumnMapping>(first ? { ...first.mapping } : {});
  const [options, setOptions] = React.useState<RunOptions>(first?.options ?? DEFAULT_OPTIONS);
  const [formulas, setFormulas] = React.useState(first?.formulas ?? false);
  const [running, setRunning] = React.useState<Running | null>(null);
  const [confirm, setConfirm] = React.useState<{ tool: OutputGroup; outcome: NeedsConfirmation } | null>(null);
  const [result, setResult] = React.useState<ToolResult | null>(null);
  const [message, setMessage] = React.useState<Message | null>(null);

  const source = sources?.find((s) => s.key === selected) ?? null;

  const choose = React.useCallback((s: SourceInfo | null) => {
    setSelected(s?.key ?? null);
    setMapping(s ? { ...s.mapping } : {});
    setOptions(s ? s.options : DEFAULT_OPTIONS);
    setFormulas(s ? s.formulas : false);
  }, []);

  const refresh = React.useCallback(async () => {
    if (!tools) return;
    setLoading(true);
    setMessage(null);
    try {
      const found = await tools.listSources();
      setSources(found);
      choose(found[0] ?? null);
    } catch (e) {
      setMessage({ intent: "error", text: `Could not read the sheet: ${(e as Error).message}` });
    } finally {
      setLoading(false);
    }
  }, [tools, choose]);

  const looked = React.useRef(initialSources !== undefined);
  React.useEffect(() => {
    if (looked.current) return;
    looked.current = true;
    void refresh();
  }, [refresh]);

  async function start(tool: OutputGroup, confirmOverwrite?: string) {
    if (!tools || !source) return;
    const controller = new AbortController();
    setRunning({ tool, progress: null, controller });
    setMessage(null);
    try {
      const out = await tools.runTool(
        { source: source.ref, tool, mapping, options, formulas, confirmOverwrite },
        (progress) => setRunning((r) => (r ? { ...r, progress } : r)),
        controller.signal,
      );
      if (out.status === "needsConfirmation") setConfirm({ tool, outcome: out });
      else if (out.status === "cancelled") setMessage({ intent: out.partial ? "warning" : "info", text: out.message });
      else if (out.status === "stopped") setMessage(stoppedMessage(out));
      else {
        setResult(out);
        const secs = (out.stats.millis.total / 1000).toFixed(1);
        // The percentages' scale and why (decision A7); a guessed scale makes the message a warning that says so first.
        // The results are selected in Excel (it scrolls to them); the actions select them, or open the summary, again.
        const go = (address: string) => async () => {
          const r = await tools.goTo(address);
          if (r) setMessage({ intent: "error", text: r.error });
        };
        setMessage({
          intent: out.scaleWarning ? "warning" : "success",
          text: `${out.scaleWarning ? `${out.scaleWarning} ` : ""}Wrote ${out.headers.join(", ")} to ${out.outputAddress} as ${out.written === "formulas" ? "live formulas" : "values"}; summary and charts on the sheet "${out.summarySheet}".${out.summaryKept ? ` ${out.summaryKept}` : ""} ${out.stats.rows.toLocaleString("en-GB")} rows in ${secs} s.`,
          details: out.scales?.length ? out.scales : undefined,
          actions: [
            { label: "Go to results", run: go(out.outputAddress) },
            { label: "Go to summary", run: go(`${quoteSheet(out.summarySheet)}!A1`) },
          ],
        });
        // The workbook now remembers the mapping and the toolkit's columns; mirror that without another read.
        setSources((list) => list?.map((s) => (s.key === source.key ? { ...s, mapping: { ...mapping }, hints: Object.fromEntries(Object.entries(s.hints ?? {}).filter(([f]) => mapping[f as InputField] === s.mapping[f as InputField])), remembered: true, options, formulas, ownColumns: out.headers, ownAddress: out.outputAddress } : s)) ?? list);
      }
    } catch (e) {
      setMessage({ intent: "error", text: (e as Error).message });
    } finally {
      setRunning(null);
    }
  }

  if (!tools) {
    return (
      <section aria-label="Table tools" className={styles.root}>
        <Body1>The table tools work on a workbook: open the Cohesion Toolkit in Excel (or the preview) to use them.</Body1>
      </section>
    );
  }

  const missing = (tool: OutputGroup) => OUTPUT_GROUPS[tool].required.filter((f) => mapping[f] === undefined);
  const columnText = (s: SourceInfo, i: number) => `${s.columnLetters[i]}: ${s.headers[i] || "(no header)"}`;
  const busy = running !== null;

  return (
    <section aria-label="Table tools" className={styles.root}>
      <Outcome message={message} />
      <Body1>
        Grant bands and family groups for every row of a table on the active sheet, written as new columns beside the data, with a summary sheet.
      </Body1>
      <div className={styles.row}>
        <Field label="Table" className={styles.grow}>
          <Dropdown
            placeholder={loading ? "Looking…" : "No table found"}
            value={source?.label ?? ""}
            selectedOptions={source ? [source.key] : []}
            onOptionSelect={(_, d) => choose(sources?.find((s) => s.key === d.optionValue) ?? null)}
            disabled={busy || !sources?.length}
          >
            {(sources ?? []).map((s) => (
              <Option key={s.key} value={s.key}>
                {s.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button onClick={() => void refresh()} disabled={busy || loading}>
          Find tables
        </Button>
      </div>
      <Caption1 role="status" aria-live="polite" className={styles.muted}>
        {loading ? "Reading the active sheet…" : ""}
      </Caption1>
      {sources && sources.length === 0 && !loading && (
        <MessageBar intent="info">
          <MessageBarBody>No table or range with a header row on the active sheet. Go to the sheet with your indicators and press Find tables.</MessageBarBody>
        </MessageBar>
      )}

      {source && (
        <>
          <Caption1 className={styles.muted}>
            {source.rowCount.toLocaleString("en-GB")} rows.{" "}
            {source.remembered ? "Columns as chosen last time." : "Columns proposed from the headers; check them."}{" "}
            {source.ownAddress ? `The toolkit's columns are at ${source.ownAddress}.` : ""}
          </Caption1>
          {TOOLS.map((tool) => (
            <fieldset key={tool} className={styles.group}>
              <legend className={styles.legend}>{OUTPUT_GROUPS[tool].label}: input columns</legend>
              {OUTPUT_GROUPS[tool].fields.map((f: InputField) => {
                const col = mapping[f];
                return (
                  <Field
                    key={f}
                    label={FIELD_LABELS[f]}
                    required={OUTPUT_GROUPS[tool].required.includes(f)}
                    // The header rule's score, runner-up or refused tie, while the choice is still its proposal.
                    hint={col === source.mapping[f] ? source.hints?.[f] : undefined}
                  >
                    <Dropdown
                      value={col === undefined ? NOT_USED : columnText(source, col)}
                      selectedOptions={[col === undefined ? NOT_USED_VALUE : String(col)]}
                      onOptionSelect={(_, d) => {
                        const next = { ...mapping };
                        if (d.optionValue === undefined || d.optionValue === NOT_USED_VALUE) delete next[f];
                        else next[f] = Number(d.optionValue);
                        setMapping(next);
                      }}
                      disabled={busy}
                    >
                      <Option value={NOT_USED_VALUE}>{NOT_USED}</Option>
                      {source.headers.map((_, i) => (
                        <Option key={i} value={String(i)}>
                          {columnText(source, i)}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                );
              })}
            </fieldset>
          ))}

          <fieldset className={styles.group}>
            <legend className={styles.legend}>Options</legend>
            <Field label="Percentages are">
              <Dropdown
                value={CHOICE_LABELS.scale[options.scale]}
                selectedOptions={[options.scale]}
                onOptionSelect={(_, d) => setOptions({ ...options, scale: (d.optionValue as RunOptions["scale"]) ?? "auto" })}
                disabled={busy}
              >
                {SCALES.map((v) => (
                  <Option key={v} value={v}>
                    {CHOICE_LABELS.scale[v]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Band on">
              <Dropdown
                value={CHOICE_LABELS.basis[options.basis]}
                selectedOptions={[options.basis]}
                onOptionSelect={(_, d) => setOptions({ ...options, basis: (d.optionValue as RunOptions["basis"]) ?? "point" })}
                disabled={busy}
              >
                {BASES.map((v) => (
                  <Option key={v} value={v}>
                    {CHOICE_LABELS.basis[v]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Family type cut-offs">
              <Dropdown
                value={CHOICE_LABELS.boundaryMode[options.boundaryMode]}
                selectedOptions={[options.boundaryMode]}
                onOptionSelect={(_, d) => setOptions({ ...options, boundaryMode: (d.optionValue as RunOptions["boundaryMode"]) ?? "inclusive" })}
                disabled={busy}
              >
                {BOUNDARY_MODES.map((v) => (
                  <Option key={v} value={v}>
                    {CHOICE_LABELS.boundaryMode[v]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Switch
              label="Write live formulas (one spilled COHESION formula per column) instead of values"
              checked={formulas}
              onChange={(_, d) => setFormulas(d.checked)}
              disabled={busy}
            />
          </fieldset>

          <div className={styles.row}>
            {TOOLS.map((tool) => (
              <Button key={tool} appearance={tool === "grantBands" ? "primary" : "secondary"} onClick={() => void start(tool)} disabled={busy || missing(tool).length > 0}>
                {OUTPUT_GROUPS[tool].label}
              </Button>
            ))}
          </div>
          {TOOLS.filter((t) => missing(t).length > 0).map((t) => (
            <Caption1 key={t} className={styles.muted}>
              {OUTPUT_GROUPS[t].label} needs a column for: {missing(t).map((f) => FIELD_LABELS[f]).join(", ")}.
            </Caption1>
          ))}
        </>
      )}

      {running && (
        <div className={styles.row}>
          <Field
            className={styles.grow}
            label={`${OUTPUT_GROUPS[running.tool].label}: ${running.progress ? `${PHASES[running.progress.phase]}${running.progress.phase === "summary" ? "" : ` (${running.progress.done.toLocaleString("en-GB")} of ${running.progress.total.toLocaleString("en-GB")})`}` : "starting"}`}
          >
            <ProgressBar value={running.progress?.fraction ?? 0} max={1} />
          </Field>
          <Button onClick={() => running.controller.abort()}>Cancel</Button>
        </div>
      )}

      {result && <SummaryView result={result} />}

      <ConfirmOverwrite
        message={confirm?.outcome.message ?? null}
        detail="The toolkit writes its columns next to the data. Overwrite those cells, or cancel and move them first."
        onOverwrite={() => {
          const c = confirm;
          setConfirm(null);
          if (c) void start(c.tool, c.outcome.range);
        }}
        onCancel={() => setConfirm(null)}
      />
    </section>
  );
}
