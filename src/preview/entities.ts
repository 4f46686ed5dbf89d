/**
 * Entity values (Excel's data types, ExcelApi 1.16) in the preview: what a custom function returns as
 * an `Excel.EntityCellValue` (COHESION.AREA's area card). The grid shows its `text`, the card view
 * (AreaCardView.tsx) its layout, and formulas read its fields (`=A2.Band`, `=A2.[Type name]`), as Excel does.
 * Development only, like the rest of src/preview.
 */
import type { ErrorValue, Evaluated } from "./formulas";

export type EntityValue = Excel.EntityCellValue;

/** True for an entity value (a data type with fields), as a custom function returns it. */
export function isEntity(v: unknown): v is EntityValue {
  return typeof v === "object" && v !== null && !Array.isArray(v) && (v as { type?: unknown }).type === "Entity" && typeof (v as { text?: unknown }).text === "string";
}

type PropertyValue = Excel.CellValue & { propertyMetadata?: Excel.CellValuePropertyMetadata };

/** An entity's field by name, case-insensitive as in Excel; undefined when it has none. */
export function entityField(entity: EntityValue, name: string): { name: string; value: PropertyValue } | undefined {
  const want = name.trim().toLowerCase();
  for (const [k, v] of Object.entries(entity.properties ?? {})) if (k.toLowerCase() === want) return { name: k, value: v as PropertyValue };
  return undefined;
}

/** A plain cell value of a field: its basic value, or (an array field) one row per element. */
function plainValue(v: PropertyValue): Evaluated {
  if (v.type === "Array") return (v as Excel.ArrayCellValue).elements.map((row) => row.map((c) => plainValue(c as PropertyValue) as string | number | boolean | null));
  if (v.type === "Entity") return (v as EntityValue).text ?? "";
  const basic = (v as { basicValue?: unknown }).basicValue;
  return typeof basic === "string" || typeof basic === "number" || typeof basic === "boolean" ? basic : null;
}

/**
 * `cell.Field` as Excel computes it: the field's value (an array field spills one row per element), or
 * #FIELD! saying what is wrong: the cell holds no data type, or the card has no such field (its fields listed).
 */
export function fieldOf(entity: EntityValue | undefined, name: string, where: string): Evaluated {
  if (!entity) return { error: "#FIELD!", message: `${where} holds no data type, so it has no field "${name}": point at a cell holding =COHESION.AREA(…).` } satisfies ErrorValue;
  const f = entityField(entity, name);
  if (!f) return { error: "#FIELD!", message: `"${entity.text}" has no field "${name}". Its fields: ${Object.keys(entity.properties ?? {}).join(", ")}.` } satisfies ErrorValue;
  return plainValue(f.value);
}

/** £540,000 for a "£#,##0" number; otherwise the number as Excel's General format shows it. */
function numberText(n: number, format?: string): string {
  if (format && /£#,##0/.test(format)) return `£${Math.round(n).toLocaleString("en-GB")}`;
  return String(Number(n.toPrecision(15)));
}

/** A field as the card shows it: text, or (an array field) its lines. */
export function fieldDisplay(v: PropertyValue): string | string[] {
  switch (v.type) {
    case "Array":
      return (v as Excel.ArrayCellValue).elements.map((row) => row.map((c) => fieldDisplay(c as PropertyValue)).flat().join(" "));
    case "Boolean":
      return (v as Excel.BooleanCellValue).basicValue ? "Yes" : "No";
    case "Double":
      return numberText((v as Excel.DoubleCellValue).basicValue);
    case "FormattedNumber":
      return numberText((v as Excel.FormattedNumberCellValue).basicValue, (v as Excel.FormattedNumberCellValue).numberFormat);
    case "String":
      return (v as Excel.StringCellValue).basicValue;
    default:
      return String((v as { basicValue?: unknown }).basicValue ?? "");
  }
}

/** The card's title: its layout's (text or a field's value), else the entity's text. */
export function cardTitle(entity: EntityValue): string {
  const t = entity.layouts?.card?.title;
  if (typeof t === "string") return t;
  if (t && typeof t === "object") {
    const f = entityField(entity, t.property);
    if (f) return String(fieldDisplay(f.value));
  }
  return entity.text ?? "";
}

/** The card's sections with their fields (name, shown value, source sublabel), in layout order; fields no section names come last. */
export function cardSections(entity: EntityValue): { title: string; fields: { name: string; value: string | string[]; sublabel?: string }[] }[] {
  const props = entity.properties ?? {};
  const placed = new Set<string>();
  const field = (name: string) => {
    const v = props[name] as PropertyValue | undefined;
    if (!v || v.propertyMetadata?.excludeFrom?.cardView) return null;
    placed.add(name);
    return { name, value: fieldDisplay(v), sublabel: v.propertyMetadata?.sublabel };
  };
  const out = (entity.layouts?.card?.sections ?? []).map((s) => ({ title: s.title ?? "", fields: s.properties.map(field).filter((f): f is NonNullable<typeof f> => !!f) }));
  const rest = Object.keys(props).filter((k) => !placed.has(k)).map(field).filter((f): f is NonNullable<typeof f> => !!f);
  if (rest.length) out.push({ title: "", fields: rest });
  return out;
}
