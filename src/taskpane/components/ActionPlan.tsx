import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import {
  FAMILY_GROUPS,
  areaProfile,
  buildActionPlan,
  detectIssues,
  listIssues,
  planInputs,
  recommendActions,
  typeInfo,
  typologyProxies,
  type AreaProfile,
  type ComparatorKind,
  type FamilyGroup,
  type IndicatorId,
  type IssueCode,
  type PlanProxy,
} from "../../engine";
import { quoteSheet } from "../../engine/a1";
import type { ActionPlanTools } from "../excel";
import { AreaProfileAction, type ProfileSource } from "./AreaProfileAction";
import { Outcome, type OutcomeMessage } from "./Outcome";
import { RecommendationDetails } from "./RecommendationDetails";


const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  reason: { color: tokens.colorNeutralForeground2, marginLeft: tokens.spacingHorizontalXXL },
});

const TYPED_FIELDS = [
  { key: "name", label: "Area name" },
  { key: "score", label: "Get on well together (%)" },
  { key: "nvq4", label: "NVQ4+ share (%)" },
  { key: "rural", label: "Rural share (%)" },
  { key: "a8", label: "A8 workers per 10,000" },
  { key: "jobs1984", label: "1984 coal/textiles/steel jobs" },
  { key: "ni2_belonging", label: "Belong to neighbourhood (NI 2, %)" },
  { key: "ni4_influence", label: "Can influence decisions (NI 4, %)" },
] as const;
type TypedKey = (typeof TYPED_FIELDS)[number]["key"];

const TYPED_HEADERS = ["Area", "Score", "NVQ4", "Rural", "A8", "Jobs1984", "NI 2", "NI 4"];
const typedRow = (v: Record<TypedKey, string>) => [v.name, v.score, v.nvq4, v.rural, v.a8, v.jobs1984, v.ni2_belonging, v.ni4_influence];

/** A profile from values typed into the pane (no workbook needed). */
function typedProfile(v: Record<TypedKey, string>): AreaProfile {
  const p = areaProfile(TYPED_HEADERS, [typedRow(v)], 0, { scale: "percent" });
  if (!v.nvq4 && !v.rural && !v.a8) p.typeNote = "Enter the four proxies for the family type, or choose the group yourself.";
  return p;
}

/** The four typology proxies as typed (read as the typed profile reads them); labelled "typed" instead of a column. */
const typedProxies = (v: Record<TypedKey, string>): PlanProxy[] => typologyProxies(TYPED_HEADERS, [typedRow(v)], 0, { scale: "percent" }).map((p) => ({ ...p, header: null }));

// Every action, issue, approach, guidance item and case study shows its code (A08, U1, I15, X01, E02, CS07, the LGA
// guide's ids) before its title, as the command line and the Action plan sheet do, so people can refer to it.

/** Initial choices, for tests and the preview (server-side rendering cannot click). */
export interface ActionPlanInitial {
  typed?: Partial<Record<TypedKey, string>>;
  comparator?: ComparatorKind;
  ticked?: readonly IssueCode[];
  singleIssue?: boolean;
  withLga?: boolean;
}

const GROUPS: FamilyGroup[] = ["a", "b", "c", "d", "e"];

export function ActionPlan({
  tools,
  today = () => new Date().toISOString().slice(0, 10),
  initial = {},
}: {
  tools: ActionPlanTools | null;
  today?: () => string;
  initial?: ActionPlanInitial;
}) {
  const styles = useStyles();
  const [mode, setMode] = React.useState<"selection" | "typed">(tools && !initial.typed ? "selection" : "typed");
  const [typed, setTyped] = React.useState<Record<TypedKey, string>>({ name: "", score: "", nvq4: "", rural: "", a8: "", jobs1984: "", ni2_belonging: "", ni4_influence: "", ...initial.typed });
  const [picked, setPicked] = React.useState<{ profile: AreaProfile; where: string; proxies: PlanProxy[]; table: ProfileSource } | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<OutcomeMessage | null>(null);
  const [comparator, setComparator] = React.useState<ComparatorKind>(initial.comparator ?? "national");
  const [custom, setCustom] = React.useState<Partial<Record<IndicatorId, string>>>({});
  const [ticked, setTicked] = React.useState<Set<IssueCode>>(new Set(initial.ticked ?? []));
  const [singleIssue, setSingleIssue] = React.useState(initial.singleIssue ?? false);
  // undefined: follow the typology (or the single-issue assertion); null: the user chose "None".
  const [groupOverride, setGroupOverride] = React.useState<FamilyGroup | null | undefined>(undefined);
  const [withLga, setWithLga] = React.useState(initial.withLga ?? false);
  const [dropped, setDropped] = React.useState<Set<string>>(new Set());

  const profile: AreaProfile | null = mode === "typed" ? typedProfile(typed) : picked?.profile ?? null;
  // The area profile (Annex B) reads the whole table of the selected row (its median and peers), or the typed values as a one-row table.
  const profileSource: ProfileSource | null =
    mode === "typed"
      ? Object.values(typed).some((v) => v.trim() !== "") ? { headers: TYPED_HEADERS, rows: [typedRow(typed)], index: 0, from: "values typed into the task pane", scale: "percent" } : null
      : picked?.table ?? null;
  const customValues = comparator === "custom" ? Object.fromEntries(Object.entries(custom).filter(([, v]) => v && Number.isFinite(Number(v))).map(([k, v]) => [k, Number(v)])) : null;
  const indicatorIds = profile ? (Object.keys(profile.indicators) as IndicatorId[]) : [];

  // Detection (never final: suggestions are shown, the user ticks them)
  const detection = React.useMemo(() => {
    if (!profile || indicatorIds.length === 0) return null;
    const values: Partial<Record<IndicatorId, number>> = {};
    if (comparator === "median") Object.assign(values, profile.medians);
    if (comparator === "custom") for (const [k, v] of Object.entries(custom)) if (v && Number.isFinite(Number(v))) values[k as IndicatorId] = Number(v);
    return detectIssues(profile.indicators, { kind: comparator, values, familyType: profile.familyType ?? "total" });
  }, [profile, comparator, custom, indicatorIds.length]);

  const typeRow = profile?.familyType ? typeInfo(profile.familyType) : null;
  const defaultGroup: FamilyGroup | null = profile?.familyGroup ?? null;
  const canAssertE = !profile?.familyType || profile.familyType >= 5;
  const group: FamilyGroup | null = groupOverride !== undefined ? groupOverride : singleIssue && canAssertE ? "e" : defaultGroup;

  const rec = React.useMemo(() => (ticked.size ? recommendActions([...ticked], { group: group ?? undefined, source: withLga ? "all" : "cdf2009" }) : null), [ticked, group, withLga]);

  async function useSelection() {
    if (!tools) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await tools.readSelectedArea();
      if ("error" in r) setMessage({ intent: "error", text: r.error });
      else {
        setPicked({
          profile: areaProfile(r.headers, r.rows, r.index, { formats: r.formats }),
          where: r.where,
          proxies: typologyProxies(r.headers, r.rows, r.index, { formats: r.formats }),
          table: { headers: r.headers, rows: r.rows, index: r.index, formats: r.formats, from: r.where },
        });
        setTicked(new Set());
        setGroupOverride(undefined);
        setSingleIssue(false);
      }
    } finally {
      setBusy(false);
    }
  }

  async function insertPlan() {
    if (!tools || !rec || !rec.ok || !profile) return;
    setBusy(true);
    try {
      // What the plan was based on: the engine builds the rows (planInputs), the pane passes what it has.
      const inputs = planInputs({
        from: mode === "typed" ? "typed into the task pane" : picked?.where ?? "the selected row",
        proxies: mode === "typed" ? typedProxies(typed) : picked?.proxies ?? [],
        familyType: profile.familyType,
        typeNote: profile.typeNote,
        group,
        groupBasis: groupOverride !== undefined ? "user" : singleIssue && canAssertE ? "singleIssue" : "typology",
        indicators: profile.indicators,
        sources: mode === "typed" ? {} : profile.sources,
        comparator,
        detection: detection && detection.ok ? detection.value : null,
        confirmed: [...ticked],
      });
      const keep = rec.value.actions.map((a) => a.code).filter((c) => !dropped.has(c));
      const plan = buildActionPlan(rec.value, { area: profile.name, inputs, date: today(), chosen: [...keep, ...rec.value.universal.map((u) => u.code)] });
      const r = await tools.insertActionPlan(plan, "Action plan");
      // The new sheet is the active one, at A1; the action goes back to it.
      const goToPlan = async (sheet: string) => {
        const e = await tools.goTo(`${quoteSheet(sheet)}!A1`);
        if (e) setMessage({ intent: "error", text: e.error });
      };
      const go = "error" in r ? [] : [{ label: "Go to the plan", run: () => goToPlan(r.sheet) }];
      setMessage(
        "error" in r
          ? { intent: "error", text: r.error }
          : r.warning
            ? { intent: "warning", text: r.warning, actions: go }
            : { intent: "success", text: `The plan is on the new sheet "${r.sheet}".`, actions: go },
      );
    } finally {
      setBusy(false);
    }
  }

  const toggle = (code: IssueCode, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(code);
    else next.delete(code);
    setTicked(next);
  };
  const suggestions = detection && detection.ok ? detection.value.suggestions : [];
  const suggested = new Map(suggestions.map((s) => [s.issue, s]));

  return (
    <section aria-label="Action plan" className={styles.root}>
      <Outcome message={message} />
      <Subtitle2 as="h2">1. The area</Subtitle2>
      <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as "selection" | "typed")} aria-label="Where the area's values come from" layout="horizontal">
        <Radio value="selection" label="Selected row" disabled={!tools} />
        <Radio value="typed" label="Type values" />
      </RadioGroup>
      {mode === "selection" && (
        <div className={styles.row}>
          <Button appearance="primary" onClick={useSelection} disabled={!tools || busy}>
            Use the selected row
          </Button>
          {busy && <Spinner size="tiny" label="Reading…" />}
          {picked && <Caption1>{picked.where}</Caption1>}
        </div>
      )}
      {mode === "typed" && (
        <div className={styles.grid}>
          {TYPED_FIELDS.map((f) => (
            <Field key={f.key} label={f.label}>
              <Input value={typed[f.key]} onChange={(_, d) => setTyped({ ...typed, [f.key]: d.value })} />
            </Field>
          ))}
        </div>
      )}
      {profile && (
        <div role="status">
          <Body1 as="p">
            <strong>{profile.name || "(no name)"}</strong>
            {profile.familyType && typeRow && typeRow.ok ? ` — type ${profile.familyType}, ${typeRow.value.name} (Table 1 average ${typeRow.value.average}).` : "."}
          </Body1>
          {profile.typeNote && <Caption1 className={styles.muted}>{profile.typeNote}</Caption1>}
          {profile.problems.map((p) => (
            <Caption1 key={p} as="p" className={styles.muted}>
              {p}
            </Caption1>
          ))}
        </div>
      )}

      <Subtitle2 as="h2">2. Issues</Subtitle2>
      {indicatorIds.length > 0 && (
        <Field label="Compare the area's indicators with">
          <RadioGroup value={comparator} onChange={(_, d) => setComparator(d.value as ComparatorKind)}>
            <Radio value="national" label="National figures" />
            <Radio value="familyType" label="Its family type's Table 1 average (get on well only)" />
            <Radio value="median" label="This table's median" disabled={mode !== "selection"} />
            <Radio value="custom" label="Values I type" />
          </RadioGroup>
        </Field>
      )}
      {comparator === "custom" && indicatorIds.length > 0 && (
        <div className={styles.grid}>
          {indicatorIds.map((id) => (
            <Field key={id} label={`Comparator for ${profile?.sources[id] ?? id}`}>
              <Input value={custom[id] ?? ""} onChange={(_, d) => setCustom({ ...custom, [id]: d.value })} />
            </Field>
          ))}
        </div>
      )}
      {suggestions.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {suggestions.length} suggested from the indicators — tick the ones you agree with. Suggestions are never applied for you.
          </MessageBarBody>
        </MessageBar>
      )}
      {detection && detection.ok && detection.value.overall.map((o) => (
        <Caption1 key={o.indicator} as="p">
          {o.reason}
        </Caption1>
      ))}
      <fieldset style={{ border: "none", margin: 0, padding: 0 }}>
        <legend className={styles.muted}>Issues the area has (CDF Annex D, Table D1)</legend>
        {[...listIssues()]
          .sort((a, b) => Number(suggested.has(b.code)) - Number(suggested.has(a.code)))
          .map((i) => {
            const s = suggested.get(i.code);
            return (
              <div key={i.code}>
                <Checkbox checked={ticked.has(i.code)} onChange={(_, d) => toggle(i.code, d.checked === true)} label={`${i.code} ${i.title}`} />
                {s && (
                  <Caption1 as="p" className={styles.reason}>
                    <Badge appearance="tint" color="informative">
                      suggested
                    </Badge>{" "}
                    {s.reason}
                  </Caption1>
                )}
              </div>
            );
          })}
      </fieldset>

      <Subtitle2 as="h2">3. Family group</Subtitle2>
      <Field label="Annex C family group" hint={defaultGroup ? `From the typology: ${FAMILY_GROUPS[defaultGroup].heading}` : "Types 5–9 have no family group unless you assert a single-issue tension."}>
        <Dropdown
          value={group ? FAMILY_GROUPS[group].heading : "None"}
          selectedOptions={[group ?? "none"]}
          onOptionSelect={(_, d) => setGroupOverride(d.optionValue === "none" ? null : (d.optionValue as FamilyGroup | undefined))}
        >
          <Option value="none">None</Option>
          {GROUPS.map((g) => (
            // CDF: "areas might … decide themselves which group they fall in"; e) stays an assertion for types 5–9 only (decision A9).
            <Option key={g} value={g} disabled={g === "e" && !canAssertE}>
              {FAMILY_GROUPS[g].heading}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Checkbox
        checked={singleIssue && canAssertE}
        disabled={!canAssertE}
        onChange={(_, d) => setSingleIssue(d.checked === true)}
        label="The area has tensions arising from a single issue (thematic group e; types 5–9 only)"
      />
      <Switch checked={withLga} onChange={(_, d) => setWithLga(d.checked)} label="Include the LGA's 2019 guide (newer practice and case studies)" />

      <Subtitle2 as="h2">4. Actions</Subtitle2>
      {!rec && <Body1>Tick at least one issue to see the actions.</Body1>}
      {rec && !rec.ok && <MessageBar intent="error"><MessageBarBody>{rec.error.message}</MessageBarBody></MessageBar>}
      {rec && rec.ok && (
        <>
          <Caption1 className={styles.muted}>{rec.value.rankingRule}</Caption1>
          <RecommendationDetails rec={rec.value} dropped={dropped} onDroppedChange={setDropped} />
          <div className={styles.row}>
            <Button appearance="primary" onClick={insertPlan} disabled={!tools || busy || !profile}>
              Insert action plan
            </Button>
            {!tools && <Caption1>Needs a workbook (Excel or the preview).</Caption1>}
            {tools && !profile && <Caption1>Choose the area first: select its row and press “Use the selected row”, or type its values.</Caption1>}
          </div>
        </>
      )}
      <AreaProfileAction tools={tools} source={profileSource} today={today} custom={customValues} />
    </section>
  );
}
