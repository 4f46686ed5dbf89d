// Renders Markdown into a help page at build time: README.md into help.html (the manifest's help link), and
// docs/functions.md (the user's function reference, scripts/function-reference.js) into functions.html, the
// custom functions' helpUrl target.
// Heading ids follow GitHub's rule, so the same anchors work on the repository page.
const { createHash } = require("crypto");

const HELP_CSS =
  "body{font-family:Segoe UI,system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code,pre{background:#f3f3f3}pre{padding:.5rem;overflow:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}";

function slug(text) {
  return text
    .toLowerCase()
    .trim()
    .replace(/<[^>]+>/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function renderHelp(markdown, title = "help") {
  // Required here, not at the top: marked is ESM-only, and slug() alone is used where it cannot load (jest).
  const { Marked } = require("marked");
  const seen = new Map();
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth, text }) {
        const base = slug(text);
        const n = seen.get(base) || 0;
        seen.set(base, n + 1);
        const id = n ? `${base}-${n}` : base;
        return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      // Raw HTML in the README is shown as text, never rendered.
      html({ text }) {
        return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
      },
    },
  });
  const body = marked.parse(markdown);
  // The one inline <style> is allowed by its hash, so style-src needs no 'unsafe-inline'; no script at all.
  const cssHash = createHash("sha256").update(HELP_CSS, "utf8").digest("base64");
  const csp = [
    "default-src 'self'",
    "script-src 'none'",
    `style-src 'self' 'sha256-${cssHash}'`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Cohesion Toolkit for Excel – ${title}</title>
<style>${HELP_CSS}</style>
</head><body>
${body}
</body></html>
`;
}

module.exports = { renderHelp, slug };
