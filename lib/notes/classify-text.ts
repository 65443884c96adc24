import type { ClassifiedLine } from "./types";
import {
  cleanText,
  endsLikeSentence,
  HEADING_MAX_WORDS,
  headingYears,
  isExamQuestion,
  isFaqQuestion,
  isHeadingShaped,
  isTitleCase,
  markerKind,
  splitLines,
  stripAnswerLabel,
  stripQuestionLabel,
  wordCount,
} from "./line-shape";

// Plain-text notes have no markup, so structure is read from the shape of lines and from
// what follows them. Blank lines carry no meaning here: teachers' files put them anywhere,
// and a file with a blank line between every line must parse like one without.
//
// Heading levels come from structure, not wording. A chapter heading introduces its
// sub-headings with at most one intro sentence, so a heading whose content is ≤ 1 line and
// which is followed by another heading is level 1; a heading that directly holds points is
// level 2. If no heading is chapter-shaped the notes are flat and every heading is level 1.
// Before the first heading, the opening sentence is the summary. A heading on the very first
// line is the title when the headings under it include chapters of their own, or when it is
// the only chapter-shaped heading (otherwise everything would nest under it).
// Known ambiguities, which the preview lets the teacher fix: a sub-section holding exactly
// one point reads as a chapter; a one-chapter file with no summary line reads its chapter
// heading as the title.

type Item = { lineNo: number; text: string; bullet: boolean; indent: number; blank: boolean };
type Role = "heading" | "line" | "sub";

const BULLET = /^( *)([-*•·▪◦‣–—]|\d{1,2}[.)])\s+(\S.*)$/;
// A line opening with one of these continues the story of the point above rather than
// being an item in the list a colon introduced ("…citing: X. Y. Z. He was allowed to retire…").
const NARRATIVE_START = /^(he|she|it|they|this|these|those|his|her|its|their|there|however|overall|nevertheless|thus|therefore|ultimately)\b/i;

function readItems(text: string): Item[] {
  const items: Item[] = [];
  let prev: Item | null = null;
  splitLines(text).forEach((raw, i) => {
    const lineNo = i + 1;
    const expanded = raw.replace(/\t/g, "    ");
    const cleaned = cleanText(expanded);
    if (!cleaned) {
      items.push({ lineNo, text: "", bullet: false, indent: 0, blank: true });
      prev = null;
      return;
    }
    const bullet = BULLET.exec(expanded);
    // Hard-wrapped prose: a line starting in lower case directly under a line that did not
    // end a sentence is the same sentence continued.
    if (!bullet && prev && /^\p{Ll}/u.test(cleaned) && !/[.!?:;]$/.test(prev.text)) {
      prev.text = `${prev.text} ${cleaned}`;
      return;
    }
    const item: Item = bullet
      ? { lineNo, text: cleanText(bullet[3] ?? ""), bullet: !/^\d/.test(bullet[2] ?? ""), indent: (bullet[1] ?? "").length, blank: false }
      : { lineNo, text: cleaned, bullet: false, indent: expanded.length - expanded.trimStart().length, blank: false };
    items.push(item);
    prev = item;
  });
  return items;
}

/** Roles in the content part: heading candidates, ordinary lines, and sub-points. */
function assignRoles(content: Item[]): Role[] {
  const prose = content.filter((it) => !it.bullet);
  const shaped = prose.filter((it) => isHeadingShaped(it.text)).length;
  // When most lines lack full stops, shape alone cannot separate headings from points, so
  // headings must also be in Title Case.
  const strict = prose.length >= 4 && shaped / prose.length > 0.5;
  const isCandidate = (it: Item) => !it.bullet && isHeadingShaped(it.text) && (!strict || isTitleCase(it.text));

  const roles: Role[] = [];
  let run: { indent: number; count: number; punctuated: boolean } | null = null;
  let listIndent: number | null = null;
  // A colon promises a list, so its first item is a sub-point even when it looks like a
  // heading (unpunctuated items such as "Poor harvests" are common), unless two sentences
  // follow it: then it is a sub-heading holding points, after an intro that ended in ':'.
  const headsPoints = (k: number) =>
    [content[k + 1], content[k + 2]].every((next) => next && !next.bullet && endsLikeSentence(next.text) && !isCandidate(next));
  for (const [k, it] of content.entries()) {
    if (run) {
      const nested = it.bullet && it.indent > run.indent;
      const continues =
        run.count === 0
          ? nested || !(isCandidate(it) && headsPoints(k))
          : nested ||
            (wordCount(it.text) <= HEADING_MAX_WORDS && !NARRATIVE_START.test(it.text) && !(run.punctuated && isCandidate(it)));
      if (continues) {
        if (run.count === 0) run.punctuated = endsLikeSentence(it.text);
        run.count++;
        roles.push("sub");
        continue;
      }
      run = null;
    }
    if (it.bullet) {
      if (listIndent !== null && it.indent > listIndent + 1) {
        roles.push("sub");
        continue;
      }
      listIndent = it.indent;
    } else {
      listIndent = null;
    }
    if (isCandidate(it)) {
      roles.push("heading");
      continue;
    }
    roles.push("line");
    if (it.text.endsWith(":")) run = { indent: it.indent, count: 0, punctuated: false };
  }
  return roles;
}

/**
 * Dated headings that run in sequence ("Early Years 1900-1910", "Recovery 1911-1920",
 * "Collapse 1921-1930") are peers: when one of them is a chapter, all are, even the last,
 * which often holds its points directly and would otherwise nest under the one before.
 * Undated sub-headings between them do not break the run; an undated chapter does.
 */
function datedPeers(texts: string[], isChapter: (j: number) => boolean): Set<number> {
  const peers = new Set<number>();
  let run: number[] = [];
  const close = () => {
    if (run.length >= 2 && run.some(isChapter)) run.forEach((j) => peers.add(j));
    run = [];
  };
  texts.forEach((text, j) => {
    const years = headingYears(text);
    if (!years) {
      if (isChapter(j)) close();
      return;
    }
    const last = run[run.length - 1];
    const before = last === undefined ? null : headingYears(texts[last] ?? "");
    // In sequence: each range starts where the one before ended, or after it.
    if (before && years.from < before.to - 1) close();
    run.push(j);
  });
  close();
  return peers;
}

function classifyContent(content: Item[], out: Map<Item, ClassifiedLine>) {
  const roles = assignRoles(content);
  const headings = roles.flatMap((r, i) => (r === "heading" ? [i] : []));
  const blockLen = (j: number) => (headings[j + 1] ?? content.length) - (headings[j] ?? 0) - 1;
  const structural = (j: number) => j + 1 < headings.length && blockLen(j) <= 1;
  const peers = datedPeers(headings.map((i) => content[i]?.text ?? ""), structural);
  const isChapter = (j: number) => structural(j) || peers.has(j);

  // A first-line heading is the notes' title when the structure under it has chapters of
  // its own, or when it would otherwise be the only chapter (everything nested under it).
  let first = 0;
  if (headings[0] === 0 && headings.length >= 2 && blockLen(0) <= 1) {
    const laterChapters = headings.some((_, j) => j > 0 && isChapter(j));
    if (isChapter(1) || !laterChapters) first = 1;
  }
  const flat = !headings.some((_, j) => j >= first && isChapter(j));
  const set = (it: Item, line: Omit<ClassifiedLine, "lineNo">) => out.set(it, { lineNo: it.lineNo, ...line });

  const firstSection = headings[first] ?? content.length;
  content.forEach((it, i) => {
    if (first === 1 && i === 0) return set(it, { text: it.text, kind: "title" });
    if (i < firstSection) {
      // Lines before the first heading: the opening sentence is the summary.
      const kind = headings.length === 0 || it.bullet ? "point" : i === first ? "summary" : "paragraph";
      return set(it, { text: it.text, kind });
    }
  });
  for (let j = first; j < headings.length; j++) {
    const start = headings[j] ?? 0;
    const end = headings[j + 1] ?? content.length;
    const chapter = !flat && isChapter(j);
    const heading = content[start];
    if (heading) set(heading, { text: heading.text, kind: "heading", level: chapter ? 1 : flat ? 1 : 2 });
    for (let i = start + 1; i < end; i++) {
      const it = content[i];
      if (!it) continue;
      const kind = chapter && !it.bullet ? "paragraph" : roles[i] === "sub" ? "subpoint" : "point";
      set(it, { text: it.text, kind });
    }
  }
}

export function classifyText(text: string): ClassifiedLine[] {
  const items = readItems(text);
  const out = new Map<Item, ClassifiedLine>();
  let region: "content" | "faq-marker" | "practice-marker" = "content";
  const content: Item[] = [];
  for (const it of items) {
    if (it.blank) {
      out.set(it, { lineNo: it.lineNo, text: "", kind: "blank" });
      continue;
    }
    const marker = it.bullet ? null : markerKind(it.text);
    if (marker) {
      region = marker;
      out.set(it, { lineNo: it.lineNo, text: it.text, kind: marker });
    } else if (region === "content") {
      content.push(it);
    } else if (region === "faq-marker" ? isFaqQuestion(it.text) : isExamQuestion(it.text)) {
      out.set(it, { lineNo: it.lineNo, text: stripQuestionLabel(it.text), kind: "question" });
    } else {
      out.set(it, { lineNo: it.lineNo, text: stripAnswerLabel(it.text), kind: "answer" });
    }
  }
  classifyContent(content, out);
  return items.flatMap((it) => out.get(it) ?? []);
}
