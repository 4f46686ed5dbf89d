/**
 * Building cohesive communities – an LGA guide (Local Government Association, March 2019): its parts
 * and sections in contents-page order, with the page each starts on. The keys (BG, LL.1, KT.2 …) are
 * this add-in's short ids for the sections; the headings and pages are the guide's contents page.
 * Every LGA source in the engine is derived from this list ({@link lgaSource}), so a heading and its
 * pages are written once.
 */
import type { Source } from "../../types";
import type { LgaSection } from "../../recommender/types";

/** [key, heading, first page], as the contents page prints them. A key without a dot is a part. */
const CONTENTS: readonly (readonly [string, string, number])[] = [
  ["BG", "Background and overview", 5],
  ["BG.1", "A renewed focus on community cohesion", 5],
  ["BG.2", "The Integrated Communities Strategy", 6],
  ["BG.3", "Councils' role in promoting community cohesion", 6],
  ["BG.4", "How this guide is structured", 8],
  ["LL", "Local leadership", 9],
  ["LL.0", "Overview", 9],
  ["LL.1", "Council and councillors as place leaders", 9],
  ["LL.2", "Community leadership", 9],
  ["LL.3", "Political leadership", 10],
  ["LL.4", "Available support", 12],
  ["KT", "Key tools", 13],
  ["KT.1", "Vision and strategy", 13],
  ["KT.2", "Data", 15],
  ["KT.3", "Equalities work", 18],
  ["KT.4", "Partnership working", 19],
  ["KT.5", "Commissioning", 23],
  ["KT.6", "Effective community engagement", 26],
  ["KT.7", "Communications strategy", 29],
  ["KT.8", "Governance and scrutiny", 30],
  ["SA", "The role of different service areas", 32],
  ["SA.1", "Early years, schools, young people and family services", 33],
  ["SA.2", "Public health", 39],
  ["SA.3", "Inclusive growth, skills and employment", 41],
  ["SA.4", "Housing, planning and local areas", 47],
  ["SA.5", "Culture and sports services", 52],
  ["SA.6", "Regulatory and environmental services", 56],
  ["SA.7", "Services for asylum seekers, refugees and new migrants", 59],
  ["TE", "Managing challenges or trigger events", 62],
  ["TE.1", "Leadership and community support", 62],
  ["TE.2", "Communication", 62],
  ["TE.3", "Preventing and tackling hate crime", 64],
  ["FR", "Further information and resources", 66],
];

const PART_HEADING = new Map(CONTENTS.filter(([key]) => !key.includes(".")).map(([key, heading]) => [key, heading]));

/**
 * "pp. 29–30": from the section's first page to the page the next contents entry starts on; for a
 * part, to the page the next part starts on.
 */
function pagesOf(index: number): string {
  const [key, , first] = CONTENTS[index];
  const isPart = !key.includes(".");
  const next = CONTENTS.slice(index + 1).find(([k]) => !isPart || !k.includes("."))?.[2];
  if (next === undefined) return `from p. ${first}`;
  return next > first ? `pp. ${first}–${next}` : `p. ${first}`;
}

/** Every part and section of the guide, in contents order. */
export const LGA_SECTIONS: readonly LgaSection[] = CONTENTS.map(([key, heading, page], i) => {
  const part = key.includes(".") ? PART_HEADING.get(key.split(".")[0]) : undefined;
  const pages = pagesOf(i);
  const where = part === undefined ? heading : `${part}: ${heading}`;
  return { key, heading, page, pages, source: { doc: "LGA2019", ref: `${where}, ${pages}`, page } };
});

const BY_KEY = new Map(LGA_SECTIONS.map((s) => [s.key, s]));

/**
 * The source of something in section `key` ("KT.7"), optionally with a remark ("box") appended.
 * Throws on an unknown key: a data error, caught by the tests when the module loads.
 */
export function lgaSource(key: string, remark?: string): Source {
  const section = BY_KEY.get(key);
  if (section === undefined) throw new Error(`Unknown LGA guide section "${key}".`);
  return remark === undefined ? section.source : { ...section.source, ref: `${section.source.ref}; ${remark}` };
}

/** One source naming several sections ("Key tools: Data, pp. 15–18; …"), paged from the first. */
export function lgaSources(keys: readonly string[]): Source {
  const sources = keys.map((k) => lgaSource(k));
  if (sources.length === 0) return { doc: "LGA2019", ref: "Building cohesive communities" };
  return { doc: "LGA2019", ref: sources.map((s) => s.ref).join("; "), page: sources[0].page };
}
