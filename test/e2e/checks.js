// What a person sees, checked in the browser flows: the pane's colours, axe-core's scan, nothing running past the
// pane's width or cut off, and what is in view on a small screen (issue 15). Re-exported by support.js.
const assert = require("assert/strict");
const fs = require("fs");

/**
 * The pane's colours as shown: the theme its provider chose (data-pane-theme), the WCAG luminance (0 black … 1 white)
 * of the pane container's and the provider's background and of the text and heading, and every element in the pane
 * that paints a near-white background (luminance > 0.8) over more than 20 × 20 px.
 */
async function paneColours(page) {
  return page.evaluate(() => {
    const lum = (css) => {
      const m = /^rgba?\(([^)]+)\)$/.exec(css);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      if (a === 0) return null;
      const f = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const container = document.getElementById("container");
    const provider = container.querySelector("[data-pane-theme]");
    const style = (el) => getComputedStyle(el);
    const light = [...container.querySelectorAll("*")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return (lum(style(el).backgroundColor) ?? 0) > 0.8 && r.width * r.height > 400 && style(el).visibility !== "hidden";
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""}`);
    return {
      theme: provider?.getAttribute("data-pane-theme") ?? null,
      container: lum(style(container).backgroundColor),
      provider: provider && lum(style(provider).backgroundColor),
      text: provider && lum(style(provider).color),
      heading: lum(style(container.querySelector("h1")).color),
      light,
    };
  });
}

async function axeScan(page, label) {
  const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.addScriptTag({ content: source });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  // Tabster's focus sentinels (<i tabindex=0 aria-hidden data-tabster-dummy>, inserted by Fluent UI v9's TabList,
  // Dialog, …) break aria-hidden-focus by design: they move focus on at once and must stay hidden from screen readers.
  // Accessibility Insights suppresses exactly these nodes (microsoft/tabster#288, fluentui#27517); so does this scan.
  for (const v of result.violations) if (v.id === "aria-hidden-focus") v.nodes = v.nodes.filter((n) => !/data-tabster-dummy/.test(n.html));
  const bad = result.violations.filter((v) => (v.impact === "serious" || v.impact === "critical") && v.nodes.length);
  const text = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  assert.deepEqual(text, [], `${label}: axe found serious or critical violations`);
  return result.violations.length;
}

// ------------------------------------------------------------------------------------------------
// Excel's pane width: the task pane opens about 350 px wide and can be narrowed to about 320 (issue 15.2).
// ?pane=only shows the pane alone, as wide as the window, so the page's own scrolling is the pane's.

/** The page scrolls sideways (document.scrollingElement.scrollWidth > clientWidth), or an element runs past the pane's right edge. */
async function overflow(page) {
  return page.evaluate(() => {
    const root = document.scrollingElement;
    const width = root.clientWidth;
    const past = [...document.querySelectorAll("#container *")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 0.5 && getComputedStyle(el).visibility !== "hidden";
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${typeof el.className === "string" && el.className ? `.${el.className.split(" ")[0]}` : ""} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth: root.scrollWidth, clientWidth: width, past };
  });
}


async function assertNoOverflow(page, where) {
  const o = await overflow(page);
  assert.ok(o.scrollWidth <= o.clientWidth, `${where}: the page scrolls sideways (scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth})`);
  assert.deepEqual(o.past, [], `${where}: elements run past the pane's right edge`);
}


/** The element's text is shown whole: not clipped by itself or by any ancestor, inside the pane's width, no ellipsis. */
async function assertShownWhole(locator, what) {
  const problem = await locator.evaluate((el) => {
    const width = document.scrollingElement.clientWidth;
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > width + 0.5) return `runs outside the pane (${Math.round(r.left)}–${Math.round(r.right)} of ${width} px)`;
    for (const e of [el, ...el.querySelectorAll("*")]) {
      const st = getComputedStyle(e);
      if (e.scrollWidth > e.clientWidth + 1 && st.overflowX !== "visible") return `${e.tagName.toLowerCase()} clips its text sideways (${e.scrollWidth} > ${e.clientWidth})`;
      if (e.scrollHeight > e.clientHeight + 1 && st.overflowY !== "visible" && st.overflowY !== "auto") return `${e.tagName.toLowerCase()} clips its text (${e.scrollHeight} > ${e.clientHeight} px high)`;
      if (st.textOverflow === "ellipsis" && e.scrollWidth > e.clientWidth) return `${e.tagName.toLowerCase()} cuts its text with an ellipsis`;
    }
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const st = getComputedStyle(a);
      if (st.overflowX === "visible" && st.overflowY === "visible") continue;
      const b = a.getBoundingClientRect();
      if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || (st.overflowY === "hidden" && (r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5))) return `cut off by its container ${a.tagName.toLowerCase()}`;
    }
    return null;
  });
  assert.equal(problem, null, `${what} is not shown whole`);
}


// Issue 15, where did it go: what is VISIBLE after a run, on a 1024×768 screen.
const SMALL_SCREEN = { viewport: { width: 1024, height: 768 } };


/** Where an element is on screen, and whether all of it is inside the viewport and inside each box given (a scrolling area). */
async function onScreen(page, locator, ...within) {
  const box = await locator.boundingBox();
  assert.ok(box, "the element is rendered");
  const vp = page.viewportSize();
  const inside = (b, o) => b.x >= o.x - 0.5 && b.y >= o.y - 0.5 && b.x + b.width <= o.x + o.width + 0.5 && b.y + b.height <= o.y + o.height + 0.5;
  const areas = [{ x: 0, y: 0, width: vp.width, height: vp.height }];
  for (const w of within) areas.push(await w.boundingBox());
  return { box, visible: areas.every((a) => inside(box, a)) };
}


/**
 * The grid's cell is drawn, selected, and wholly within the sheet's scrolling area (right of the row numbers, below the
 * column letters); with `partly`, its top-left corner is (a block wider than the window shows from its left edge, as in Excel).
 */
async function cellInGrid(page, row, column, { partly = false } = {}) {
  const td = page.locator(`#pv-cell-${row}-${column}`);
  assert.equal(await td.count(), 1, `cell ${row},${column} is drawn`);
  const scroller = await page.locator(".pv-scroller").boundingBox();
  const rowHead = await page.locator(".pv-rowhead").first().boundingBox();
  const colHead = await page.locator(".pv-colhead").first().boundingBox();
  const area = { x: rowHead.x + rowHead.width, y: colHead.y + colHead.height, width: scroller.x + scroller.width - (rowHead.x + rowHead.width), height: scroller.y + scroller.height - (colHead.y + colHead.height) };
  const corner = { boundingBox: async () => ({ ...(await td.boundingBox()), width: 1, height: 1 }) };
  const { visible, box } = await onScreen(page, partly ? corner : td, { boundingBox: async () => area });
  assert.ok(visible, `cell ${row},${column} (${JSON.stringify(box)}) is ${partly ? "partly " : ""}in view in the grid (${JSON.stringify(area)})`);
  assert.equal(await td.getAttribute("aria-selected"), "true", `cell ${row},${column} is selected`);
}

module.exports = {
  paneColours,
  axeScan,
  overflow,
  assertNoOverflow,
  assertShownWhole,
  SMALL_SCREEN,
  onScreen,
  cellInGrid,
};
