/**
 * The Recs view (issue 16.3) renders without Office (server-side rendering in Node, as in
 * components.test.tsx): the search box and the two filters, labelled; the recommendations the engine's
 * filter gives, in order, and nothing else; each one's report paragraph and the response's source in its
 * panel; the tracker button disabled outside Excel. Server-side rendering cannot type or pick, so the
 * view's `initial` prop sets the search and the filters.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { renderToString } from "react-dom/server";
import { commissionRecommendations, RECOMMENDATION_RECORDS } from "../../src/engine/commission";
import { App } from "../../src/taskpane/components/App";
import { headline, Recommendations, type RecommendationsInitial } from "../../src/taskpane/components/Recommendations";
import type { TrackerTools } from "../../src/taskpane/excel";

const render = (el: React.ReactElement) =>
  renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>).replace(/<style[^>]*>[^<]*<\/style>/g, "").replace(/ class="[^"]*"/g, "").replace(/<!-- -->/g, "");

const tools: TrackerTools = { writeTracker: async () => ({ status: "error", message: "not used" }), goTo: async () => null };
const view = (initial: RecommendationsInitial = {}, t: TrackerTools | null = tools) => render(<Recommendations tools={t} initial={initial} />);

const decode = (s: string) => s.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
/** The recommendation numbers of the accordion's headers, in order. */
const shownNumbers = (html: string) => [...html.matchAll(/<h3[^>]*>(?:<[^>]+>)*(\d+)\. /g)].map((m) => Number(m[1]));
const expected = (f: Parameters<typeof commissionRecommendations>[0]) => {
  const r = commissionRecommendations(f);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.map((x) => x.number);
};

describe("Recommendations view", () => {
  it("lists all 57 in number order, each header its number and opening words, with a labelled search box and two labelled filters", () => {
    const html = view();
    expect(shownNumbers(html)).toEqual(RECOMMENDATION_RECORDS.map((r) => r.number));
    expect(html).toContain('role="status">All 57 recommendations<');
    for (const r of RECOMMENDATION_RECORDS) expect(decode(html)).toContain(headline(r));
    expect(html).toMatch(/<label[^>]*for="([^"]+)"[^>]*>Search<\/label>[\s\S]*<input[^>]*type="search"/);
    for (const label of ["Search", "Theme", "For (whom the text names)"]) {
      const id = new RegExp(`<label[^>]*for="([^"]+)"[^>]*>${label.replace(/[()]/g, "\\$&")}</label>`).exec(html)?.[1];
      expect([label, id !== undefined && html.includes(`id="${id}"`)]).toEqual([label, true]);
    }
    expect(html).toMatch(/role="combobox"[^>]*>All themes</);
    expect(html).toMatch(/role="combobox"[^>]*>Anyone</);
  });

  it("a search and the For filter show exactly the engine's matches, and say how many", () => {
    const html = view({ query: "myth", audience: "local-government" });
    const want = expected({ query: "myth", audience: "local-government" });
    expect(want.length).toBeGreaterThan(0);
    expect(shownNumbers(html)).toEqual(want);
    expect(html).toContain(`role="status">${want.length} of 57 recommendations<`);
    expect(html).toMatch(/role="combobox"[^>]*>Local authorities and local areas</);
    expect(html).toContain('value="myth"');
  });

  it("the theme filter shows the theme's recommendations only", () => {
    const html = view({ theme: "housing" });
    expect(shownNumbers(html)).toEqual(expected({ theme: "housing" }));
    expect(shownNumbers(html)).toEqual([47, 48, 50, 51, 52, 53, 54]);
    expect(html).toMatch(/role="combobox"[^>]*>Housing, regeneration and assets</);
  });

  it("nothing matching says so", () => {
    const html = view({ query: "zzzz-no-such-word" });
    expect(shownNumbers(html)).toEqual([]);
    expect(html).toContain("0 of 57 recommendations: none match. Clear the search or a filter.");
  });

  it("an open recommendation shows its text, report paragraph, whom it is for, the response with its source, and the letter's priorities marked inferred", () => {
    const r = RECOMMENDATION_RECORDS[55]; // 56: a list, answered, with a priority of the letter
    expect(r.priorities.length).toBeGreaterThan(0);
    const html = decode(view({ open: [56] }));
    expect(html).toContain(`Our Shared Future (June 2007), report ${/^\d/.test(r.reportRef) ? "¶" : ""}${r.reportRef}`);
    expect(html).toContain(`(${r.source.doc} ${r.source.ref}`);
    expect(html).toContain(`Government's response (Feb 2008): ${r.stanceLabel}.</strong> ${r.response!.summary}`);
    expect(html).toContain(`“${r.response!.basis}” (GR ${r.response!.source.ref}; the reading “${r.stanceLabel}” is this add-in's)`);
    for (const p of r.parts) expect(html).toContain(p);
    for (const p of r.priorities) expect(html).toContain(`Secretary of State's priority ${p.number} (October 2007): ${p.title}.`);
    expect(html).toContain("link inferred: the letter names no recommendation by number");
    // Closed ones show their header only.
    expect(html).not.toContain(RECOMMENDATION_RECORDS[0].response!.basis);
  });

  it("every recommendation's panel carries its report reference and its response's source", () => {
    const html = decode(view({ open: RECOMMENDATION_RECORDS.map((r) => r.number) }));
    for (const r of RECOMMENDATION_RECORDS) {
      expect(html).toContain(`${r.source.doc} ${r.source.ref}`);
      expect(html).toContain(`${r.response!.source.doc} ${r.response!.source.ref}`);
    }
  });

  it("the tracker button: enabled with the workbook tools, disabled outside Excel with the reason", () => {
    expect(view()).toMatch(/<button[^>]*>Write the tracker sheet<\/button>/);
    expect(view()).not.toMatch(/<button[^>]*disabled[^>]*>Write the tracker sheet/);
    const off = view({}, null);
    expect(off).toMatch(/<button[^>]*disabled[^>]*>Write the tracker sheet<\/button>/);
    expect(off).toContain("The tracker sheet needs Excel or the preview.");
  });

  it("the pane has a Recs tab, named in full, before About", () => {
    const html = decode(render(<App host={null} />));
    expect(html).toMatch(/aria-label="Recs: the Commission's 57 recommendations"[^>]*title="Recs: the Commission's 57 recommendations"[^>]*>(<[^>]+>)*Recs</);
    expect(html.indexOf('aria-label="Recs')).toBeLessThan(html.indexOf('aria-label="About"'));
  });
});
