import type { ClassifiedLine, LineKind } from "./types";
import { isExamQuestion, isFaqQuestion, isHeadingShaped, markerKind, stripAnswerLabel, stripQuestionLabel } from "./line-shape";
import { readBlocks, stripInline } from "./markdown";

// Markdown states its structure, so this classifier mostly translates it: `#` depth gives
// heading levels (renumbered so the shallowest section heading is level 1), list indentation
// gives sub-points. A lone top-level `#` heading at the start is the title. A heading whose
// text is "FAQ", "Practice questions" etc. opens that part until the next heading at the
// same or a shallower depth; deeper headings inside it are its questions.

type Entry = ClassifiedLine & { depth?: number };
type Region = { kind: "content" } | { kind: "faq-marker" | "practice-marker"; depth: number };

const BOLD_ONLY = /^\s*(\*\*|__)(.+)\1\s*:?\s*$/;

export function classifyMarkdown(text: string): ClassifiedLine[] {
  const blocks = readBlocks(text);
  const h1s = blocks.filter((b) => b.type === "heading" && b.depth === 1 && !markerKind(stripInline(b.raw)));
  const firstHeading = blocks.find((b) => b.type === "heading");
  const titleLine = h1s.length === 1 && h1s[0] === firstHeading ? (firstHeading?.lineNo ?? null) : null;

  const entries: Entry[] = [];
  // Cast so TypeScript does not narrow to the initial value: openHeading reassigns it.
  let region = { kind: "content" } as Region;
  let lastDepth = 0;
  let seenSection = false;
  let seenSummary = false;
  let listBase: number | null = null;

  const push = (lineNo: number, text: string, kind: LineKind, depth?: number) => entries.push({ lineNo, text, kind, depth });
  const pushQuestionOrAnswer = (lineNo: number, text: string, kind: "faq-marker" | "practice-marker") => {
    const isQuestion = kind === "faq-marker" ? isFaqQuestion(text) : isExamQuestion(text);
    push(lineNo, isQuestion ? stripQuestionLabel(text) : stripAnswerLabel(text), isQuestion ? "question" : "answer");
  };
  const openHeading = (lineNo: number, text: string, depth: number, pseudo = false) => {
    const marker = markerKind(text);
    if (marker) {
      region = { kind: marker, depth };
      return push(lineNo, text.replace(/:$/, ""), marker);
    }
    if (region.kind !== "content" && depth > region.depth) return push(lineNo, stripQuestionLabel(text), "question");
    region = { kind: "content" };
    // Bold-line headings sit one level below the last real heading, so several in a row stay siblings.
    if (!pseudo) lastDepth = depth;
    listBase = null;
    if (lineNo === titleLine) return push(lineNo, text, "title");
    seenSection = true;
    push(lineNo, text.replace(/:$/, ""), "heading", depth);
  };

  for (const b of blocks) {
    if (b.type === "blank") {
      push(b.lineNo, "", "blank");
      continue;
    }
    const text = stripInline(b.raw);
    if (b.type === "heading") {
      openHeading(b.lineNo, text, b.depth);
      continue;
    }
    // A paragraph that is only bold text, or only a marker word, is used as a heading.
    const pseudoHeading =
      b.type === "para" && (markerKind(text) || (BOLD_ONLY.test(b.raw) && isHeadingShaped(text.replace(/:$/, ""))));
    if (pseudoHeading && (region.kind === "content" || markerKind(text))) {
      openHeading(b.lineNo, text, markerKind(text) ? Math.max(lastDepth, 1) : lastDepth + 1, true);
      continue;
    }
    if (region.kind !== "content") {
      pushQuestionOrAnswer(b.lineNo, text, region.kind);
      continue;
    }
    if (b.type === "para" && b.nested) {
      // A paragraph nested under a bullet elaborates that bullet.
      push(b.lineNo, text, "subpoint");
      continue;
    }
    if (b.type === "para") {
      listBase = null;
      const summary: boolean = !seenSection && !seenSummary;
      seenSummary ||= summary;
      push(b.lineNo, text, summary ? "summary" : "paragraph");
      continue;
    }
    if (listBase === null || b.indent < listBase) listBase = b.indent;
    push(b.lineNo, text, b.indent >= listBase + 2 ? "subpoint" : "point");
  }

  const depths = entries.flatMap((e) => (e.kind === "heading" && e.depth !== undefined ? [e.depth] : []));
  const minDepth = depths.length ? Math.min(...depths) : 1;
  return entries.map(({ depth, ...line }) => (line.kind === "heading" ? { ...line, level: (depth ?? minDepth) - minDepth + 1 } : line));
}
