import type { PackBlock } from "./pack-outline";

// pack.html: the readable pack as one self-contained page — inline CSS with a print
// stylesheet, no script, no outside resources, the language set, headings in order. Pure.

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const CSS = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1c1917;margin:0 auto;max-width:46rem;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid #d6d3d1}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}h4{font-size:1rem;margin:1rem 0 .25rem}
.muted{color:#57534e}.essay{white-space:pre-wrap;background:#fafaf9;border:1px solid #e7e5e4;padding:.75rem;border-radius:.25rem}
ul{padding-left:1.25rem}
@media print{body{max-width:none;padding:0;font-size:11pt}h2,h3,h4{break-after:avoid}.essay{background:none;border:0;padding:0}li{break-inside:avoid}}
`;

export function renderPackHtml(blocks: PackBlock[], title: string, lang = "en-GB"): string {
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case "essay":
          return `<div class="essay">${escape(b.text)}</div>`;
        case "p":
          return `<p${b.muted ? ' class="muted"' : ""}>${escape(b.text)}</p>`;
        case "list":
          return `<ul>${b.items.map((i) => `<li>${escape(i)}</li>`).join("")}</ul>`;
        default:
          return `<${b.kind}>${escape(b.text)}</${b.kind}>`;
      }
    })
    .join("\n");
  return `<!doctype html>\n<html lang="${escape(lang)}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escape(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;
}
