/**
 * Computing a run's results through the engine (`evaluateColumns`), COMPUTE_CHUNK_ROWS rows at a time,
 * yielding to the pane between chunks so it stays responsive and Cancel is heard.
 */
import type { PercentField } from "../../../engine/columns";
import { withNumberFormat, type Scale } from "../../../engine/input";
import { evaluateColumns, PERCENT_FIELDS, type Columns, type RowResult } from "../../../engine/table";
import { formulaScaleOf } from "../liveFormulas";
import { COMPUTE_CHUNK_ROWS } from "../payload";
import type { ReadResult } from "./read";
import type { RunEnv } from "./state";

export interface Computed {
  /** One per data row. */
  results: RowResult[];
  /** The `scale` argument for live formulas, and a note when it cannot say how the table was read. */
  formulaScale: { scale: Scale; note: string | null };
}

/** Rows [r0, r1) of the inputs, each dated cell given its date format. */
function inputSlice(env: RunEnv, read: ReadResult, r0: number, r1: number): Columns {
  const slice: Columns = {};
  for (const f of env.plan.fields) {
    const part = read.inputs[f].slice(r0, r1);
    read.dated[f]?.forEach((format, i) => {
      if (i >= r0 && i < r1) part[i - r0] = withNumberFormat(part[i - r0], format);
    });
    slice[f] = part;
  }
  return slice;
}

export async function computeResults(env: RunEnv, read: ReadResult): Promise<Computed> {
  const { s } = env;
  const { n } = env.plan;
  const opts = s.opts;
  const tCompute = Date.now();
  const evalOptions = { scale: opts.scale, basis: opts.basis, boundaryMode: opts.boundaryMode, tableScales: read.scales };
  const formulaScale = read.scales ? formulaScaleOf(read.scales) : { scale: opts.scale, note: null };
  const results: RowResult[] = new Array(n);
  for (let r0 = 0; r0 < n; r0 += COMPUTE_CHUNK_ROWS) {
    s.checkCancel();
    const r1 = Math.min(n, r0 + COMPUTE_CHUNK_ROWS);
    const slice = inputSlice(env, read, r0, r1);
    const sliceFormats: Partial<Record<PercentField, unknown[]>> = {};
    for (const f of PERCENT_FIELDS) if (read.formats[f]) sliceFormats[f] = read.formats[f]!.slice(r0, r1);
    const part = evaluateColumns(slice, r1 - r0, { ...evalOptions, formats: sliceFormats });
    for (let i = 0; i < part.length; i++) results[r0 + i] = part[i];
    s.report("computing", r1, n);
    await s.yieldToUi();
  }
  s.stats.millis.compute = Date.now() - tCompute;
  s.checkCancel();
  return { results, formulaScale };
}
