/**
 * COHESION.AREA in the preview (issue 16.1): the real function computed by the preview's host, the entity's
 * text in the cell, its fields in formulas (=B2.Band), the fallback where the host plays an Excel without
 * data types, and the card drawn from the entity.
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import * as F from "../../src/functions/functions";
import { PreviewHost, installGlobals } from "../../src/preview/host";
import { AreaCardView } from "../../src/preview/AreaCardView";
import { cardSections } from "../../src/preview/entities";

const S = "Areas";
const AREA_DIMS: ("scalar" | "matrix")[] = ["matrix", "matrix", "matrix", "matrix", "matrix", "matrix", "matrix", "scalar", "scalar", "matrix"];

/** A host with the real functions, as functions.js registers them, and a sheet of three areas. */
function hostWithAreas() {
  const host = new PreviewHost();
  installGlobals(host, Promise.resolve());
  host.functions.set("AREA", F.areaFn as (...a: unknown[]) => unknown);
  host.dimensions.set("AREA", AREA_DIMS);
  host.functions.set("ABG.BAND", F.abgBandFn as (...a: unknown[]) => unknown);
  host.dimensions.set("ABG.BAND", ["matrix", "matrix", "scalar", "scalar"]);
  const x = host.standIn.addSheet(S);
  x.setValues(S, "A1", [
    ["Area", "Card", "NVQ4+", "Rural", "A8", "Jobs 1984", "Score", "CI"],
    ["Barnsley", null, 18, 12, 3, 2400, 59, 2],
    ["Eden", null, 30, 60, 10, null, 80, 1],
    ["Blank", null, "", 10, 3, null, null, null],
  ]);
  x.setCell(S, 1, 1, null, "=COHESION.AREA(C2:C4, D2:D4, E2:E4, F2:F4, G2:G4, H2:H4, A2:A4)");
  host.ready = true;
  return host;
}
const formula = (host: PreviewHost, address: string, text: string) => {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  host.standIn.setCell(S, Number(m[2]) - 1, m[1].charCodeAt(0) - 65, null, text);
};

describe("the preview computes COHESION.AREA: the card's text in the cell, its fields in formulas", () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  it("spills one entity per row: the cell holds the text, the host keeps the card; a bad row is its error", () => {
    const host = hostWithAreas();
    host.recalculate();
    expect(host.standIn.getValues(S, "B2:B4")).toEqual([["Type 2: Stable less affluent urban areas with manufacturing decline"], ["Type 9: Changing but affluent rural areas"], ["#N/A"]]);
    expect(host.entity(S, 1, 1)?.layouts?.card?.title).toBe("Barnsley: type 2");
    expect(host.entity(S, 3, 1)).toBeUndefined();
    expect(host.note(S, 3, 1)?.text).toBe("NVQ4+ share is blank. Give a percentage, 0–100 (or 0–1 from an Excel % cell).");
  });

  it("=B2.Band, =B2.[Type name], a list field spilling, and #FIELD! with a reason", () => {
    const host = hostWithAreas();
    formula(host, "I2", "=B2.Band");
    formula(host, "J2", "=B2.[Type name]");
    formula(host, "K2", "=B2:B3.allocation");
    formula(host, "M2", "=B2.[Universal actions]");
    formula(host, "I3", "=B3.Nope");
    formula(host, "J3", "=A2.Band");
    formula(host, "I4", "=COHESION.ABG.BAND(G2) & B2.Band");
    host.recalculate();
    const v = (a: string) => host.standIn.getValues(S, a)[0][0];
    expect([v("I2"), v("J2")]).toEqual([2, "Stable less affluent urban areas with manufacturing decline"]);
    expect(host.standIn.getValues(S, "K2:K3")).toEqual([[540000], [0]]);
    expect(host.standIn.getValues(S, "M2:M6").map((r) => r[0])).toEqual([
      "U1 Local authority and other local leaders to provide leadership",
      "U2 Develop and market a local vision",
      "U3 Communication with local communities to address myths",
      "U4 Schemes to promote interaction",
      "U5 Using a cohesion impact assessment for any proposed change",
    ]);
    expect(v("I3")).toBe("#FIELD!");
    expect(host.note(S, 2, 8)?.text).toMatch(/^"Type 9: Changing but affluent rural areas" has no field "Nope"\. Its fields: Area, Type, Type name/);
    expect(v("J3")).toBe("#FIELD!");
    expect(host.note(S, 2, 9)?.text).toBe('A2 holds no data type, so it has no field "Band": point at a cell holding =COHESION.AREA(…).');
    expect(v("I4")).toBe("22");
  });

  it("asks for ExcelApi 1.16 while it calculates; the pane is still told 1.9; ?datatypes=off gives the type number", () => {
    const host = hostWithAreas();
    const office = (globalThis as unknown as { Office: { context: { requirements: { isSetSupported(n: string, v: string): boolean } } } }).Office;
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.16")).toBe(false);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    host.dataTypes = false;
    host.recalculate();
    expect(host.standIn.getValues(S, "B2:B3")).toEqual([[2], [9]]);
    expect(host.entity(S, 1, 1)).toBeUndefined();
  });

  it("draws the card: title, sections with their fields and sources, lists, the provider", () => {
    const host = hostWithAreas();
    host.recalculate();
    const entity = host.entity(S, 1, 1)!;
    const html = renderToStaticMarkup(<AreaCardView entity={entity} cell="B2" onClose={() => undefined} />);
    expect(html).toMatch(/<aside class="pv-card" aria-labelledby="[^"]+" data-cell="B2"><div class="pv-card-head"><h2 id="[^"]+" class="pv-card-title">Barnsley: type 2<\/h2>/);
    expect(html).toContain('aria-label="Close the card of B2"');
    expect(html).toContain("<dt>Allocation<span class=\"pv-card-sublabel\">GR ¶2.3</span></dt><dd>£540,000</dd>");
    expect(html).toContain("<dt>Band uncertain<span class=\"pv-card-sublabel\">GR ¶2.3, fn 6</span></dt><dd>Yes</dd>");
    expect(html).not.toContain("A welcome pack"); // group a)'s advice, not b)'s
    expect(html).toContain("<dt>Area<span class=\"pv-card-sublabel\">The area&#x27;s name as given in the call</span></dt><dd>Barnsley</dd>");
    expect(html).toContain("<li>A strategic framework to tackle social exclusion and deprivation</li>");
    expect(html).toContain("Cohesion Delivery Framework (CLG, January 2009)");
    const sections = cardSections(entity);
    expect(sections.map((s) => s.title)[0]).toBe("Family type (CDF Table 1; the published total is 78.9 over 353 areas)");
    // Every field is in exactly one section, in the layout's order.
    expect(sections.flatMap((s) => s.fields.map((f) => f.name)).sort()).toEqual(Object.keys(entity.properties ?? {}).sort());
  });
});
