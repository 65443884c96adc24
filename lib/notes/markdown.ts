// Markdown-specific reading: inline markup removal and block splitting. Only the subset
// teachers' notes use (headings, lists, paragraphs, emphasis, links) is understood; other
// syntax passes through as text rather than failing.

import { cleanText, splitLines } from "./line-shape";

/** Strips inline markup to plain text: emphasis, code spans, links, images, simple HTML. */
export function stripInline(text: string): string {
  return cleanText(
    text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/<(https?:[^>\s]+)>/g, "$1")
      .replace(/<\/?[a-z][^>]*>/gi, " ")
      .replace(/`([^`]+)`/g, "$1")
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
      .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "$1")
      .replace(/\*(?=\S)([^*]+?)(?<=\S)\*/g, "$1")
      // Underscore emphasis only at word edges, so snake_case and de_facto survive.
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, "$1$2")
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, "$1"),
  );
}

export type Block =
  | { type: "heading"; lineNo: number; depth: number; raw: string }
  | { type: "item"; lineNo: number; indent: number; raw: string }
  | { type: "para"; lineNo: number; raw: string; nested?: boolean }
  | { type: "blank"; lineNo: number };

const ATX = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT = /^ {0,3}(=+|-+)\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const ITEM = /^( *)(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;
const FENCE = /^ {0,3}(```|~~~)/;

/** Splits markdown into headings, list items and paragraphs (soft-wrapped lines joined). */
export function readBlocks(text: string): Block[] {
  const lines = splitLines(text).map((l) => l.replace(/\t/g, "    "));
  const blocks: Block[] = [];
  let open: Extract<Block, { type: "item" | "para" }> | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/^ {0,3}>\s?/, "");
    const lineNo = i + 1;
    const next = lines[i + 1] ?? "";
    if (!line.trim() || FENCE.test(line)) {
      blocks.push({ type: "blank", lineNo });
      open = null;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      blocks.push({ type: "heading", lineNo, depth: (atx[1] ?? "#").length, raw: atx[2] ?? "" });
      open = null;
      continue;
    }
    // "Title\n=====": the underline makes the line above a heading. Checked before rules,
    // since "---" under text is a level-2 underline, not a rule.
    if (!open && !ITEM.test(line) && SETEXT.test(next) && next.trim().length >= 2) {
      blocks.push({ type: "heading", lineNo, depth: next.trim().startsWith("=") ? 1 : 2, raw: line });
      blocks.push({ type: "blank", lineNo: lineNo + 1 });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: "blank", lineNo });
      open = null;
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      open = { type: "item", lineNo, indent: (item[1] ?? "").length, raw: item[2] ?? "" };
      blocks.push(open);
      continue;
    }
    if (open) {
      // Soft wrap or lazy continuation: the same paragraph or list item goes on.
      open.raw = `${open.raw} ${line.trim()}`;
      continue;
    }
    // An indented paragraph after a blank line under a list item is nested in that item
    // (e.g. a model answer under a numbered question).
    const previous = blocks[blocks.length - 1];
    const itemBefore = previous?.type === "blank" ? blocks[blocks.length - 2] : undefined;
    const nested = itemBefore?.type === "item" && /^ {2,}/.test(line);
    open = { type: "para", lineNo, raw: line, nested };
    blocks.push(open);
  }
  return blocks;
}
