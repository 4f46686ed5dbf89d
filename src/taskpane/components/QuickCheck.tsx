import { Body1, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { abgColumn, typologyColumn } from "../../engine/columns";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalS },
  result: { display: "grid", gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground2 },
});

const FIELDS = [
  { key: "score", label: "Get on well together (%)", hint: "BVPI / NI 1 score, e.g. 68.5" },
  { key: "ci", label: "Confidence interval (±, points)", hint: "optional, e.g. 2.1" },
  { key: "nvq4", label: "NVQ4+ share (%)", hint: "25 or more is affluent" },
  { key: "rural", label: "Rural share (%)", hint: "50 or more is rural" },
  { key: "a8", label: "A8 workers per 10,000", hint: "7 or more is changing" },
  { key: "jobs1984", label: "1984 coal, textiles and steel jobs", hint: "needed for stable less affluent urban areas" },
] as const;
type Key = (typeof FIELDS)[number]["key"];
const label = (key: Key) => FIELDS.find((f) => f.key === key)!.label;
const HEADERS = { score: label("score"), nvq4: label("nvq4"), rural: label("rural") };

/** Typed values → the engine's answers, with the engine's explanation or error text (never HTML). */
export function QuickCheck() {
  const styles = useStyles();
  const [v, setV] = React.useState<Record<Key, string>>({ score: "", ci: "", nvq4: "", rural: "", a8: "", jobs1984: "" });
  // The form's labels say "(%)": they are the percentages' headers, so 0.5 typed as the rural share is 0.5 % (the header rule).
  const typology = v.nvq4 || v.rural || v.a8 ? typologyColumn([v.nvq4], [v.rural], [v.a8], [v.jobs1984], null, { headers: HEADERS })[0] : null;
  const abg = v.score ? abgColumn([v.score], [v.ci], { headers: HEADERS })[0] : null;
  return (
    <section aria-label="Check an area" className={styles.form}>
      {FIELDS.map((f) => (
        <Field key={f.key} label={f.label} hint={f.hint}>
          <Input value={v[f.key]} inputMode="decimal" onChange={(_, d) => setV({ ...v, [f.key]: d.value })} />
        </Field>
      ))}
      <div className={styles.result} role="status" aria-live="polite">
        {abg && (abg.ok ? <Body1>{abg.explanation}</Body1> : <Text role="alert">ABG: {abg.error.message}</Text>)}
        {typology && (typology.ok ? <Body1>{typology.explanation}</Body1> : <Text role="alert">Family type: {typology.error.message}</Text>)}
        {!abg && !typology && <Body1>Enter a score or the four proxies.</Body1>}
      </div>
    </section>
  );
}
