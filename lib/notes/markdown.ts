// Markdown → blocks, on mdast-util-from-markdown with GFM (decision 046): a real CommonMark
// parser, so fenced code stays literal, setext headings, lazy continuations, nested lists,
// emphasis and links are read as Markdown defines them, and every block keeps the line it
// starts on for the preview's corrections. Only the subset notes use becomes structure;
// anything else is kept as text or reported as dropped, never a failure.

import type { Nodes, Paragraph, PhrasingContent, RootContent, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { cleanText, isHeadingShaped, wordCount } from "./line-shape";

export type Block =
  | { type: "heading"; lineNo: number; depth: number; text: string }
  /** A list item's lead paragraph, a table row or a code line; depth 0 = top-level list. */
  | { type: "item"; lineNo: number; depth: number; text: string; lead?: Lead }
  | { type: "para"; lineNo: number; text: string; nested: boolean; boldOnly: boolean; lead?: Lead }
  | { type: "dropped"; lineNo: number; text: string };

/** A paragraph opening with a bold question: `**Why did …?** Answer…`. */
export type Lead = { question: string; rest: string };

/** Plain text of inline content: emphasis and links keep their words, images their alt text. */
export function inlineText(nodes: PhrasingContent[]): string {
  const walk = (n: PhrasingContent): string => {
    switch (n.type) {
      case "text":
      case "inlineCode":
        return n.value;
      case "break":
        return " ";
      case "image":
        return n.alt ?? "";
      case "html":
        return n.value.replace(/<[^>]*>/g, " ");
      case "footnoteReference":
      case "imageReference":
        return "";
      default:
        return "children" in n ? n.children.map((c) => walk(c as PhrasingContent)).join("") : "";
    }
  };
  return cleanText(nodes.map(walk).join(""));
}

const line = (n: Nodes) => n.position?.start.line ?? 1;

function significant(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.filter((n) => !(n.type === "text" && !n.value.trim()) && n.type !== "break");
}

/** Only bold text (a trailing ":" outside the bold allowed), as notes use for sub-headings. */
function isBoldOnly(p: Paragraph): boolean {
  const kids = significant(p.children);
  const last = kids[kids.length - 1];
  const body = last?.type === "text" && /^\s*:\s*$/.test(last.value) ? kids.slice(0, -1) : kids;
  return body.length === 1 && body[0]?.type === "strong";
}

function leadQuestion(p: Paragraph): Lead | undefined {
  const [first, ...rest] = significant(p.children);
  if (first?.type !== "strong" || !rest.length) return undefined;
  const question = inlineText(first.children);
  const answer = inlineText(rest).replace(/^[:–—-]\s*/, "");
  return question.endsWith("?") && answer ? { question, rest: answer } : undefined;
}

function tableRows(table: Table, out: Block[]) {
  const rows = table.children
    .map((row) => ({ lineNo: line(row), cells: row.children.map((c) => inlineText(c.children)).filter(Boolean) }))
    // A table from Word has no header row of its own; GFM requires one, so it arrives empty.
    .filter((row) => row.cells.length > 0);
  const [head, ...body] = rows;
  // A first row of short labels ("Date | Event") titles the columns; it is not a point.
  const isHeader = head && body.length > 0 && head.cells.every((c) => isHeadingShaped(c) && wordCount(c) <= 4);
  if (head && isHeader) out.push({ type: "dropped", lineNo: head.lineNo, text: `the table's header row ("${head.cells.join(" | ")}") was read as column titles, not a point` });
  for (const row of isHeader ? body : rows) out.push({ type: "item", lineNo: row.lineNo, depth: 0, text: row.cells.join(" — ") });
}

function visit(node: RootContent, out: Block[], listDepth: number, nested: boolean) {
  switch (node.type) {
    case "heading":
      out.push({ type: "heading", lineNo: line(node), depth: node.depth, text: inlineText(node.children) });
      return;
    case "paragraph": {
      const text = inlineText(node.children);
      if (text) out.push({ type: "para", lineNo: line(node), text, nested, boldOnly: isBoldOnly(node), lead: leadQuestion(node) });
      return;
    }
    case "list":
      for (const item of node.children) {
        item.children.forEach((child, i) => {
          if (i === 0 && child.type === "paragraph") {
            const text = inlineText(child.children);
            if (text) out.push({ type: "item", lineNo: line(child), depth: listDepth, text, lead: leadQuestion(child) });
          } else visit(child, out, child.type === "list" ? listDepth + 1 : listDepth, true);
        });
      }
      return;
    case "blockquote":
      for (const child of node.children) visit(child, out, listDepth, nested);
      return;
    case "code":
      // Fenced or indented code is literal: each line is a point, never Markdown structure.
      {
        const lines = node.value.split("\n");
        // A fenced block starts on its fence line, an indented one on its first line of code.
        const span = (node.position?.end.line ?? 0) - line(node) + 1;
        const first = line(node) + (span > lines.length ? 1 : 0);
        lines.forEach((raw, i) => {
          const text = cleanText(raw);
          if (text) out.push({ type: "item", lineNo: first + i, depth: listDepth, text });
        });
      }
      return;
    case "table":
      tableRows(node, out);
      return;
    case "html": {
      const text = cleanText(node.value.replace(/<[^>]*>/g, " "));
      if (text) out.push({ type: "dropped", lineNo: line(node), text: `HTML markup ("${text.slice(0, 60)}") was left out` });
      return;
    }
    default:
      // Rules, link definitions and footnote definitions carry no notes.
      return;
  }
}

/** Reads Markdown into the blocks the classifier turns into lines. */
export function readBlocks(text: string): Block[] {
  const tree = fromMarkdown(text.replace(/^\uFEFF/, ""), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const out: Block[] = [];
  for (const node of tree.children) visit(node, out, 0, false);
  return out;
}
