import type { ClassifiedLine, LineKind } from "./types";
import { isExamQuestion, isFaqQuestion, isHeadingShaped, markerKind, stripAnswerLabel, stripQuestionLabel } from "./line-shape";
import { readBlocks, type Block } from "./markdown";

// Markdown states its structure, so this classifier mostly translates it: `#` depth gives
// heading levels (renumbered so the shallowest section heading is level 1), list nesting
// gives sub-points. A lone top-level `#` heading at the start is the title. A heading whose
// text is "FAQ", "Practice questions" etc. opens that part until the next heading at the
// same or a shallower depth; deeper headings inside it are its questions. Inside those
// parts a paragraph led by a bold question (`**Why did …?** Because …`) is split into the
// question and its answer.

type Entry = ClassifiedLine & { depth?: number };
type Region = { kind: "content" } | { kind: "faq-marker" | "practice-marker"; depth: number };

export function classifyMarkdown(text: string): ClassifiedLine[] {
  const blocks = readBlocks(text);
  const h1s = blocks.filter((b) => b.type === "heading" && b.depth === 1 && !markerKind(b.text));
  const firstHeading = blocks.find((b) => b.type === "heading");
  const titleLine = h1s.length === 1 && h1s[0] === firstHeading ? (firstHeading?.lineNo ?? null) : null;

  const entries: Entry[] = [];
  // Cast so TypeScript does not narrow to the initial value: openHeading reassigns it.
  let region = { kind: "content" } as Region;
  let lastDepth = 0;
  let seenSection = false;
  let seenSummary = false;

  const push = (lineNo: number, text: string, kind: LineKind, depth?: number) => entries.push({ lineNo, text, kind, depth });
  const pushQuestionOrAnswer = (b: Extract<Block, { type: "item" | "para" }>, kind: "faq-marker" | "practice-marker") => {
    if (b.lead) {
      push(b.lineNo, stripQuestionLabel(b.lead.question), "question");
      return push(b.lineNo, stripAnswerLabel(b.lead.rest), "answer");
    }
    const isQuestion = kind === "faq-marker" ? isFaqQuestion(b.text) : isExamQuestion(b.text);
    push(b.lineNo, isQuestion ? stripQuestionLabel(b.text) : stripAnswerLabel(b.text), isQuestion ? "question" : "answer");
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
    if (lineNo === titleLine) return push(lineNo, text, "title");
    seenSection = true;
    push(lineNo, text.replace(/:$/, ""), "heading", depth);
  };

  for (const b of blocks) {
    if (b.type === "dropped") {
      push(b.lineNo, b.text, "dropped");
      continue;
    }
    if (b.type === "heading") {
      openHeading(b.lineNo, b.text, b.depth);
      continue;
    }
    // A paragraph that is only bold text, or only a marker word, is used as a heading.
    const marker = b.type === "para" && markerKind(b.text);
    const pseudoHeading = b.type === "para" && (marker || (b.boldOnly && isHeadingShaped(b.text.replace(/:$/, ""))));
    if (pseudoHeading && (region.kind === "content" || marker)) {
      openHeading(b.lineNo, b.text, marker ? Math.max(lastDepth, 1) : lastDepth + 1, true);
      continue;
    }
    if (region.kind !== "content") {
      pushQuestionOrAnswer(b, region.kind);
      continue;
    }
    if (b.type === "para" && b.nested) {
      // A paragraph nested under a bullet elaborates that bullet.
      push(b.lineNo, b.text, "subpoint");
      continue;
    }
    if (b.type === "para") {
      const summary: boolean = !seenSection && !seenSummary;
      seenSummary ||= summary;
      push(b.lineNo, b.text, summary ? "summary" : "paragraph");
      continue;
    }
    push(b.lineNo, b.text, b.depth > 0 ? "subpoint" : "point");
  }

  const depths = entries.flatMap((e) => (e.kind === "heading" && e.depth !== undefined ? [e.depth] : []));
  const minDepth = depths.length ? Math.min(...depths) : 1;
  return entries.map(({ depth, ...line }) => (line.kind === "heading" ? { ...line, level: (depth ?? minDepth) - minDepth + 1 } : line));
}
