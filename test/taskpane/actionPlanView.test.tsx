/**
 * The Action plan view renders without Office (server-side rendering in Node, as in
 * components.test.tsx): suggestions with their reasons but never ticked for the user, ranked
 * actions for the chosen issues, and the single-issue group e) offered for types 5–9 only.
 * Server-side rendering cannot click, so the view's `initial` prop sets the choices.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { renderToString } from "react-dom/server";
import { FAMILY_GROUPS, recommendActions } from "../../src/engine";
import { ActionPlan, type ActionPlanInitial } from "../../src/taskpane/components/ActionPlan";
import type { ActionPlanTools } from "../../src/taskpane/excel";

const render = (el: React.ReactElement) =>
  renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>).replace(/<style[^>]*>[^<]*<\/style>/g, "").replace(/ class="[^"]*"/g, "").replace(/<!-- -->/g, "");

const view = (initial: ActionPlanInitial, tools: ActionPlanTools | null = null) => render(<ActionPlan tools={tools} initial={initial} today={() => "2026-11-22"} />);

const tools: ActionPlanTools = {
  readSelectedArea: async () => ({ error: "not used" }),
  insertActionPlan: async () => ({ sheet: "Action plan" }),
  goTo: async () => null,
  writeProfile: async () => ({ status: "written", sheet: "Profile Ashbury", updated: false }),
};

/** A checkbox's <input> by its label text (the label's `for` names the input's id). */
function checkbox(html: string, label: string): string {
  const esc = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const id = new RegExp(`<label for="([^"]+)">${esc}</label>`).exec(html)?.[1];
  if (!id) throw new Error(`no label "${label}"`);
  const input = new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)?.[0];
  if (!input) throw new Error(`no input for "${label}"`);
  return input;
}

// Type 4 (changing less affluent urban): NVQ4+ 18% < 25, rural 12% < 50, A8 9 ≥ 7.
const TYPE_4 = { name: "Ashbury", score: "71", nvq4: "18", rural: "12", a8: "9", ni2_belonging: "48" };
// Type 8 (stable affluent rural): NVQ4+ 30%, rural 60%, A8 2.
const TYPE_8 = { name: "Cotswold", score: "85", nvq4: "30", rural: "60", a8: "2" };
const SINGLE_ISSUE = "The area has tensions arising from a single issue (thematic group e; types 5–9 only)";

describe("ActionPlan view", () => {
  it("with typed values shows the area's type, and suggests issues with their reasons without ticking them", () => {
    const html = view({ typed: TYPE_4 });
    expect(html).toContain("<strong>Ashbury</strong> — type 4, Changing less affluent urban areas (Table 1 average 76.3).");
    expect(html).toContain("1 suggested from the indicators — tick the ones you agree with.");
    // I03, then its "suggested" badge and reason.
    expect(html).toMatch(/I03 Low level of pride in local area or some groups not feeling they belong<\/label><\/span><p><div>suggested<\/div> belonging 48\.0% vs national 59%<\/p>/);
    expect(checkbox(html, "I03 Low level of pride in local area or some groups not feeling they belong")).not.toContain("checked");
    expect(html).toContain("get on well 71.0% vs national 82%"); // the overall signal (NI 1 points to no single issue)
    expect(html).toContain("Tick at least one issue to see the actions.");
    expect(html).not.toContain("Insert action plan");
  });

  it("shows the ranked actions for the chosen issues, with how many of them each addresses, and the five universal actions", () => {
    const html = view({ typed: TYPE_4, ticked: ["I01", "I02"] });
    const rec = recommendActions(["I01", "I02"], { group: "d" });
    if (!rec.ok) throw new Error(rec.error.message);
    expect(html).toContain(`Ranked actions (${rec.value.actions.length})`);
    const shown = [...html.matchAll(/<label for="[^"]+">([^<]+ — addresses \d+ of your issues \([^)]*\))<\/label>/g)].map((m) => m[1]);
    expect(shown).toEqual(rec.value.actions.map((a) => `${a.code} ${a.title} — addresses ${a.count} of your issues (${a.issues.join(", ")})`));
    expect(shown[0]).toBe("A06 Promote cohesion duty in schools and work with local colleges — addresses 2 of your issues (I01, I02)");
    for (const u of rec.value.universal) expect(html).toContain(u.title);
    expect(checkbox(html, "I01 Lack of respect for ethnic difference")).toContain('checked=""');
    expect(html).toContain(FAMILY_GROUPS.d.heading); // the typology's group for type 4
  });

  it("offers the single-issue group e) only for types 5–9", () => {
    const four = view({ typed: TYPE_4, singleIssue: true, ticked: ["I01"] });
    const box4 = checkbox(four, SINGLE_ISSUE);
    expect(box4).toContain('disabled=""');
    expect(box4).not.toContain("checked");
    expect(four).toContain(`value="${FAMILY_GROUPS.d.heading}"`); // e) is not asserted for type 4
    expect(four).not.toContain(FAMILY_GROUPS.e.heading);

    const eight = view({ typed: TYPE_8, singleIssue: true, ticked: ["I01"] });
    const box8 = checkbox(eight, SINGLE_ISSUE);
    expect(box8).not.toContain("disabled");
    expect(box8).toContain('checked=""');
    expect(eight).toContain(`value="${FAMILY_GROUPS.e.heading}"`);
    expect(eight).toContain("Types 5–9 have no family group unless you assert a single-issue tension.");

    const eightNoClaim = view({ typed: TYPE_8, ticked: ["I01"] });
    expect(eightNoClaim).toContain('value="None"');
  });

  it("offers Insert action plan once there is a workbook, and says what it needs without one", () => {
    expect(view({ typed: TYPE_4, ticked: ["I01"] })).toContain("Needs a workbook (Excel or the preview).");
    const withTools = view({ typed: TYPE_4, ticked: ["I01"] }, tools);
    expect(withTools).toMatch(/<button(?![^>]*disabled)[^>]*>Insert action plan<\/button>/);
    expect(withTools).not.toContain("Needs a workbook");
  });
});
