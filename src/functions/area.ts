/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges of mixed values; the engine reads them */
/* global Office */
/**
 * COHESION.AREA (issue 16.1): an area's card as an Excel entity value (data types). The cell shows the
 * family type; its card shows the Table 1 context, the family group and its Annex C advice, the ABG band,
 * allocation and CI range (when a score is given), the five universal actions and the sources; every
 * field works in formulas (`=A2.Band`, `=A2.[Type name]`). The card's content is the engine's
 * (areaCardColumn, src/engine/areaCard.ts); this file only maps it to Excel.EntityCellValue.
 *
 * Data types from a custom function need ExcelApi 1.16 (Microsoft: "Use data types with custom functions
 * in Excel"; functions.json's `allowCustomDataForDataTypeAny`, which custom-functions-metadata writes as
 * true for every build). Where Excel lacks them (Excel 2016/2019, older builds), the cell gets the type
 * number 1–9 instead, as COHESION.FAMILYTYPE would give: see `dataTypesSupported`.
 */
import { BOUNDARY_MODES, SCALES, areaCardColumn, cite, type AreaCard, type CardValue, type Result } from "../engine";
import { excelFunction, option, perCell } from "./adapter";

/**
 * Whether this Excel shows an entity value a custom function returns: ExcelApi 1.16 (data types), asked
 * of `Office.context.requirements` in the shared runtime (the add-in's functions and pane share one page,
 * so office.js is there). Without Office.context (tests, a page outside Office) it answers true, as the
 * pane's `excelApiSupported` does. The preview's stand-in answers for the host it plays (`?datatypes=off`
 * plays one without data types).
 */
export function dataTypesSupported(): boolean {
  const requirements = typeof Office === "undefined" ? undefined : (Office.context?.requirements as Office.RequirementSetSupport | undefined);
  return typeof requirements?.isSetSupported === "function" ? requirements.isSetSupported("ExcelApi", "1.16") : true;
}

/**
 * How this Excel gets an area's card: as an entity value (ExcelApi 1.16), or — null — as the type number.
 * Asked once per call; everything built from Excel's data-type shapes sits after the check, so
 * test/manifest/requirementSets.test.ts sees each of them guarded by it.
 */
export function entityMaker(): ((card: AreaCard) => Excel.EntityCellValue) | null {
  if (!dataTypesSupported()) return null;
  /** Who made the card (Excel shows it at the card's foot). */
  const provider: Excel.CellValueProviderAttributes = {
    description: "Cohesion Toolkit for Excel, from the Cohesion Delivery Framework (CLG, January 2009) and the Government's Response to the Commission on Integration and Cohesion (CLG, February 2008)",
  };
  /** A card value as an Excel cell value: text, a number (£ with a number format), TRUE/FALSE, or an array of text (one per row). */
  const cellValue = (v: CardValue): Excel.CellValue => {
    switch (v.kind) {
      case "text": {
        const t: Excel.StringCellValue = { type: "String", basicValue: v.value };
        return t;
      }
      case "number": {
        if (v.format !== "gbp") {
          const d: Excel.DoubleCellValue = { type: "Double", basicValue: v.value };
          return d;
        }
        const money: Excel.FormattedNumberCellValue = { type: "FormattedNumber", basicValue: v.value, numberFormat: "£#,##0" };
        return money;
      }
      case "flag": {
        const b: Excel.BooleanCellValue = { type: "Boolean", basicValue: v.value };
        return b;
      }
      case "list": {
        const a: Excel.ArrayCellValue = { type: "Array", elements: v.value.map((s): Excel.CellValue[] => [{ type: "String", basicValue: s } as Excel.StringCellValue]) };
        return a;
      }
    }
  };
  /**
   * An area's card as an Excel entity: `text` the type and its name; one property per field (its source
   * as the sublabel Excel shows under it); the card's title and sections as the card layout; the provider.
   */
  return (card) => {
    const properties: Record<string, Excel.EntityPropertyType> = {};
    for (const f of card.fields) {
      const metadata: Excel.CellValuePropertyMetadata = { sublabel: cite(f.source) };
      properties[f.name] = { ...cellValue(f.value), propertyMetadata: metadata } as Excel.EntityPropertyType;
    }
    const sections = card.sections.map((s): Excel.CardLayoutListSection => ({ layout: "List", title: s.title, properties: [...s.fields] }));
    const layouts: Excel.EntityViewLayouts = { card: { title: card.title, sections }, compact: { icon: "City" } };
    const entity: Excel.EntityCellValue = { type: "Entity", text: card.text, properties, layouts, provider };
    return entity;
  };
}

/**
 * An area's card: the family type in the cell, and a card with the Table 1 context, the family group and its Annex C advice, the ABG band, allocation and CI range (with a score), the five universal actions and the sources. Its fields work in formulas (=A2.Band). Where Excel has no data types (before ExcelApi 1.16), the type number.
 * @customfunction AREA
 * @helpurl https://localhost:3000/functions.html#cohesionarea
 * @param nvq4 NVQ level 4+ share of the working-age population, % (0–100 or 0–1). A single cell or a column.
 * @param rural Share of the population in rural settlements and larger market towns, % (0–100 or 0–1).
 * @param a8 A8 workers per 10,000 population.
 * @param [jobs1984] Coal + textiles + steel jobs combined in 1984 (needed only for stable less affluent urban areas).
 * @param [score] % who agree people from different backgrounds get on well together (0–100 or 0–1). Adds the ABG band and allocation; blank leaves them out.
 * @param [ci] 95% confidence-interval half-width (±) of the score, same scale. Adds the bands the interval spans.
 * @param [area] The area's name, for the card's title.
 * @param [scale] "auto" (default: nvq4, rural and score are read together: any value above 1 means all are 0–100), "percent" or "fraction".
 * @param [boundaryMode] "inclusive" (default) or "exclusive".
 * @param [singleIssue] TRUE if the area (type 5–9) has tensions arising from a single issue (thematic group e). Never inferred.
 * @returns An area card (entity) for each row; the family type 1–9 where Excel has no data types.
 */
export function areaFn(
  nvq4: any[][],
  rural: any[][],
  a8: any[][],
  jobs1984?: any[][],
  score?: any[][],
  ci?: any[][],
  area?: any[][],
  scale?: string,
  boundaryMode?: string,
  singleIssue?: any[][],
): Excel.EntityCellValue[][] {
  return excelFunction({
    ranges: { nvq4, rural, a8, jobs1984, score, ci, area, singleIssue },
    required: { nvq4: true, rural: true, a8: true },
    args: () => ({ scale: option(scale, SCALES, "auto", "scale"), boundaryMode: option(boundaryMode, BOUNDARY_MODES, "inclusive", "boundaryMode"), toEntity: entityMaker() }),
    engine: ({ columns: c }, o): Result<AreaCard>[] =>
      areaCardColumn({ nvq4: c.nvq4 ?? [null], rural: c.rural ?? [null], a8: c.a8 ?? [null], jobs1984: c.jobs1984, score: c.score, ci: c.ci, area: c.area, singleIssue: c.singleIssue }, o),
    // An entity per row; the type number where this Excel shows no entities (a number is a valid cell, cast like spill()'s errors).
    spill: perCell((card: AreaCard, o: { toEntity: ((card: AreaCard) => Excel.EntityCellValue) | null }) => (o.toEntity ? o.toEntity(card) : (card.type as unknown as Excel.EntityCellValue))),
  });
}
