import "server-only";
import type { Element, Nodes, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toMdast } from "hast-util-to-mdast";
import mammoth from "mammoth";
import { unzipSync } from "fflate";
import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import { plural } from "../text/plural";
import { MAX_DOCX_BYTES } from "./validate-notes";

export { MAX_DOCX_BYTES };

// A Word document → Markdown notes (decision 046). mammoth reads the .docx as Word means it:
// heading styles become headings, numbered and bulleted paragraphs become lists, bold runs
// bold, tables tables. Its HTML goes through hast → mdast → Markdown (the same unified
// family the Markdown reader uses), so a .docx is then imported exactly like a Markdown
// file: one parser, one preview, line numbers the corrections can name, and a text the
// teacher can see and edit before saving.

// Sizes the zip declares for its parts once unpacked: far above any notes document, far
// below what would tie up the server (a small zip can claim gigabytes).
const MAX_UNPACKED_BYTES = 30 * 1024 * 1024;

export type DocxConversion = { ok: true; markdown: string; notes: string[] } | { ok: false; error: string };

const NOT_DOCX = "This file could not be read as a Word document. Save it from Word as a .docx file and upload it again.";

function kilobytes(bytes: number) {
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** Checks the zip's table of contents without unpacking anything. */
function checkPackage(bytes: Uint8Array): string | null {
  // D0 CF 11 E0: the pre-2007 binary .doc format, which mammoth does not read.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return "This is an older Word document (.doc). Open it in Word, save it as a .docx file, and upload that.";
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return NOT_DOCX;
  let unpacked = 0;
  let hasDocument = false;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        hasDocument ||= file.name === "word/document.xml";
        return false;
      },
    });
  } catch {
    return NOT_DOCX;
  }
  if (!hasDocument) return NOT_DOCX;
  if (unpacked > MAX_UNPACKED_BYTES) return "This Word document is too large to import as notes. Split it into smaller documents, one per topic.";
  return null;
}

/** Removes pictures (notes are text; a picture cannot be a point) and counts them. */
function dropImages(node: Root | Element): number {
  let dropped = 0;
  node.children = node.children.filter((child: Nodes) => {
    if (child.type === "element" && child.tagName === "img") {
      dropped++;
      return false;
    }
    if (child.type === "element") dropped += dropImages(child);
    return true;
  });
  return dropped;
}

// Word's Title style is the notes' title (a lone `#`), so its Heading 1 becomes `##` and so
// on down: the Markdown reader renumbers section levels from the shallowest heading anyway.
const HEADINGS = [1, 2, 3, 4, 5, 6].flatMap((n) => {
  const to = `h${Math.min(n + 1, 6)}:fresh`;
  return [`p.Heading${n} => ${to}`, `p[style-name='Heading ${n}'] => ${to}`, `p[style-name='heading ${n}'] => ${to}`];
});
const STYLE_MAP = [
  ...HEADINGS,
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

export async function docxToMarkdown(bytes: Uint8Array): Promise<DocxConversion> {
  if (bytes.length > MAX_DOCX_BYTES) {
    return { ok: false, error: `This Word document is ${kilobytes(bytes.length)}, over the ${MAX_DOCX_BYTES / 1024} KB limit. Save a copy without pictures, or split it into smaller topics.` };
  }
  const refused = checkPackage(bytes);
  if (refused) return { ok: false, error: refused };
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      // An embedded style map or linked files come from the document's author, not from us.
      { styleMap: STYLE_MAP, includeEmbeddedStyleMap: false, externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch {
    return { ok: false, error: NOT_DOCX };
  }
  const tree = fromHtml(html, { fragment: true });
  const pictures = dropImages(tree);
  const markdown = toMarkdown(toMdast(tree), { extensions: [gfmToMarkdown()], bullet: "-", emphasis: "*", strong: "*", rule: "-" });
  const notes = pictures ? [`${plural(pictures, "picture")} in the document ${pictures === 1 ? "was" : "were"} left out: notes are imported as text.`] : [];
  if (!markdown.trim()) return { ok: false, error: "This Word document has no text in it. Check it is the right file." };
  return { ok: true, markdown, notes };
}
