/**
 * Live mode: instead of values, one spilled COHESION formula per column, over the input columns'
 * ranges, with the run's options as arguments (defaults left out).
 */
import { type Scale } from "../../engine/input";
import { decideScales, type TableScales } from "../../engine/scale";
import { joinNotes, type Field, type OutputHeader } from "../../engine/table";
import type { RunOptions } from "./types";

/**
 * The `scale` argument for live formulas. The functions cannot see number formats or headers, and
 * each pools only its own call's percentages (FAMILYTYPE: NVQ4+ and rural; the ABG functions: the
 * score), so where that would read a cell otherwise than the table's decision did, the formulas are
 * given the scale the table was read on — when every percentage cell was read on one scale. A table
 * read on two scales (% formatted cells beside plain 0–100 ones) cannot be said in one argument:
 * "auto", with a note.
 */
export function formulaScaleOf(scales: TableScales): { scale: Scale; note: string | null } {
  if (scales.scale !== "auto") return { scale: scales.scale, note: null };
  const decisions = Object.values(decideScales(scales));
  const own = (field: string) => ((field === "score" ? ["score"] : ["nvq4", "rural"]).some((f) => (scales.columns[f]?.aboveOne ?? 0) > 0) ? "percent" : "fraction");
  if (decisions.every((d) => (!d.plain || d.resolved === own(d.field)) && (!d.formatted || own(d.field) === "fraction"))) return { scale: "auto", note: null };
  const seen = new Set<"percent" | "fraction">();
  for (const d of decisions) {
    if (d.plain) seen.add(d.resolved);
    if (d.formatted) seen.add("fraction");
  }
  if (seen.size === 1) return { scale: [...seen][0], note: null };
  return { scale: "auto", note: "The live formulas cannot see number formats or headers, and this table was read on two scales (cells formatted as % and plain 0–100 cells): the formulas read each call's values together, so some cells may differ from a run as values." };
}

export function formulasFor(headers: readonly OutputHeader[], refs: Partial<Record<Field, string>>, o: RunOptions): string[] {
  const arg = (f: Field) => refs[f] ?? "";
  const text = (v: string, dflt: string) => (v === dflt ? "" : `"${v}"`);
  const scale = text(o.scale, "auto");
  const basis = text(o.basis, "point");
  const boundary = text(o.boundaryMode, "inclusive");
  const call = (name: string, args: string[]) => {
    const a = [...args];
    while (a.length && a[a.length - 1] === "") a.pop();
    return `COHESION.${name}(${a.join(",")})`;
  };
  const typology = [arg("nvq4"), arg("rural"), arg("a8"), arg("jobs1984")];
  const fams = headers.includes("Family type");
  const abg = headers.includes("ABG band");
  const familyType = call("FAMILYTYPE", [...typology, scale, boundary]);
  const f: Record<OutputHeader, string> = {
    "Family type": familyType,
    // Nested rather than a spill reference (H2#): independent of where the type column is, and within the preview's formula grammar.
    "Family type name": `COHESION.TYPEINFO(${familyType},"name")`,
    "Family group": call("FAMILYGROUP", [...typology, scale, boundary, arg("singleissue")]),
    "ABG band": call("ABG.BAND", [arg("score"), arg("ci"), scale, basis]),
    "ABG allocation": call("ABG.ALLOCATION", [arg("score"), arg("ci"), scale, basis]),
    "ABG band range": call("ABG.RANGE", [arg("score"), arg("ci") || '""', scale]),
    Notes: joinNotes(
      [...(fams ? [call("FAMILYTYPE.EXPLAIN", [...typology, scale, boundary, arg("singleissue")])] : []), ...(abg ? [call("ABG.EXPLAIN", [arg("score"), arg("ci"), scale, basis])] : [])],
      true,
    ),
  };
  return headers.map((h) => `=${f[h]}`);
}
