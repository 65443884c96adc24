import type { ClassifiedLine, HeadingFix, ParsedSection, ParsedTopic } from "./types";
import { endsLikeSentence, isTitleCase, wordCount } from "./line-shape";

// Stage two: turns classified lines (possibly corrected by a teacher) into the nested topic.
// It trusts the line kinds it is given, so every structural decision a teacher can correct
// is made in stage one, and this stage only nests and collects.

const ORPHAN_HEADING = "General points";

function applyFixes(lines: ClassifiedLine[], fixes: HeadingFix[], warnings: string[]): ClassifiedLine[] {
  const byLine = new Map(fixes.map((f) => [f.lineNo, f]));
  const fixed = lines.map((line) => {
    const fix = byLine.get(line.lineNo);
    if (!fix || line.kind === "blank") return line;
    byLine.delete(line.lineNo);
    const text = fix.text?.trim() || line.text;
    if (fix.kind === "point") return { lineNo: line.lineNo, text, kind: "point" as const };
    return { lineNo: line.lineNo, text, kind: "heading" as const, level: fix.level ?? line.level };
  });
  for (const lineNo of byLine.keys()) warnings.push(`The correction for line ${lineNo} was ignored: that line has no text.`);
  // A point promoted without a level becomes a sibling of the heading before it.
  let lastLevel = 1;
  return fixed.map((line) => {
    if (line.kind !== "heading") return line;
    lastLevel = line.level ?? lastLevel;
    return { ...line, level: lastLevel };
  });
}

// A year, a decade, a number or a percentage: an intro that states one is evidence a student
// may want to cite, so the preview flags it ("make this a point") rather than decide.
const FACT = /\b\d{3,4}(?:s|['’]s)?\b|\b\d+(?:[.,]\d+)?\s*(?:%|per ?cent|million|billion|thousand)\b/i;

function introLooksLikePoint(s: ParsedSection): boolean {
  if (!s.points.length && !s.children.length) return true;
  return FACT.test(s.intro ?? "");
}

// Where a name ends inside a summary: a clause break, but not "Weimar Germany, 1919–1933".
const CLAUSE_END = /[;:(]|[.!?](?:\s|$)|\s[—–-]\s|,(?!\s*\d)/;
const INTRODUCES =
  /^(?:(?:this|these) (?:topic|unit|module|notes|section|chapter|booklet|pack|guide|lesson)s? (?:covers?|is about|are about|looks? at|examines?|explores?|deals? with|focus(?:es)? on|outlines?|summarises?)|(?:revision )?notes (?:on|about)|an? (?:overview|summary|introduction) (?:of|to))\s+(.+)$/i;

/**
 * The topic a summary line names, when it names one: "This topic covers Weimar Germany,
 * 1919–1933, from …", or a name in title case before a colon or dash ("The Cuban Missile
 * Crisis, 1962: thirteen days …") or before "was/is" ("The Reform Act of 1832 was …").
 * A summary that describes rather than names ("Khrushchev’s leadership transformed …")
 * names nothing, and the file name is the better title.
 */
export function topicNamedBy(summary: string | null): string | null {
  if (!summary) return null;
  const clause = (text: string) => text.split(CLAUSE_END)[0]?.trim() ?? "";
  const named = (text: string) => (wordCount(text) >= 2 && wordCount(text) <= 12 ? text.charAt(0).toUpperCase() + text.slice(1) : null);
  const introduced = INTRODUCES.exec(summary);
  if (introduced) return named(clause((introduced[1] ?? "").replace(/^the (?:history|story) of /i, "")));
  const lead = /^(.+?)(?::\s|\s[—–-]\s|\s(?:was|were|is|are)\s)/.exec(summary)?.[1]?.trim() ?? "";
  const capitals = lead.split(" ").filter((w) => /^[‘“'"(]?\p{Lu}/u.test(w)).length;
  return lead && capitals >= 2 && isTitleCase(lead) && !/['’]s$/.test(lead) ? named(lead) : null;
}

/** Derives a title when the notes have no title line; see parseNotes for the order. */
function deriveTitle(summary: string | null, sections: ParsedSection[], fallbackTitle?: string): string {
  const named = topicNamedBy(summary);
  if (named) return named;
  if (fallbackTitle?.trim()) return fallbackTitle.trim();
  // The summary's opening clause names the whole topic; the first heading names only its first part.
  const clause = summary?.split(/[,;:—–(]| - /)[0]?.replace(/[.!?]+$/, "").trim();
  if (clause && wordCount(clause) >= 3 && wordCount(clause) <= 12) return clause;
  return sections[0]?.heading ?? "Untitled notes";
}

export function buildTopic(lines: ClassifiedLine[], fixes: HeadingFix[] = [], opts: { fallbackTitle?: string } = {}): ParsedTopic {
  const warnings: string[] = [];
  const roots: ParsedSection[] = [];
  const stack: ParsedSection[] = [];
  const faq: ParsedTopic["faq"] = [];
  const practiceQuestions: ParsedTopic["practiceQuestions"] = [];
  const summaryParts: string[] = [];
  let title: string | null = null;
  let region: "content" | "faq" | "practice" = "content";
  let pendingFaq: { lineNo: number; question: string; answer: string[] } | null = null;

  const current = () => stack[stack.length - 1];
  const openSection = (heading: string, level: number, lineNo: number) => {
    while (stack.length && (current()?.level ?? 0) >= level) stack.pop();
    const section: ParsedSection = { heading, level, lineNo, intro: null, introLineNo: null, introLooksLikePoint: false, points: [], children: [] };
    (current()?.children ?? roots).push(section);
    stack.push(section);
    return section;
  };
  const addPoint = (line: ClassifiedLine) => {
    let section = current();
    if (!section) {
      section = openSection(ORPHAN_HEADING, 1, line.lineNo);
      warnings.push(`Line ${line.lineNo} comes before any heading, so it was put under "${ORPHAN_HEADING}".`);
    }
    section.points.push({ text: line.text, subpoints: [] });
  };
  const flushFaq = () => {
    if (!pendingFaq) return;
    if (pendingFaq.answer.length) faq.push({ question: pendingFaq.question, answer: pendingFaq.answer.join("\n\n") });
    else warnings.push(`The FAQ question on line ${pendingFaq.lineNo} has no answer, so it was left out.`);
    pendingFaq = null;
  };
  const addAnswer = (line: ClassifiedLine) => {
    if (region === "faq") {
      // Once a question is open, following paragraphs are its answer; without questions
      // (as in answer-only FAQs) each paragraph is an entry of its own.
      if (pendingFaq) pendingFaq.answer.push(line.text);
      else faq.push({ question: null, answer: line.text });
      return;
    }
    const last = practiceQuestions[practiceQuestions.length - 1];
    if (last) last.modelAnswer = last.modelAnswer ? `${last.modelAnswer}\n\n${line.text}` : line.text;
    else warnings.push(`Line ${line.lineNo} under Practice Questions is not a question, so it was skipped.`);
  };

  for (const line of applyFixes(lines, fixes, warnings)) {
    switch (line.kind) {
      case "blank":
        break;
      case "dropped":
        warnings.push(`Line ${line.lineNo}: ${line.text}.`);
        break;
      case "title":
        if (title === null) title = line.text;
        else openSection(line.text, 1, line.lineNo);
        break;
      case "faq-marker":
      case "practice-marker":
        flushFaq();
        region = line.kind === "faq-marker" ? "faq" : "practice";
        break;
      case "heading":
        flushFaq();
        region = "content";
        openSection(line.text, line.level ?? 1, line.lineNo);
        break;
      case "question":
        if (region === "faq") {
          flushFaq();
          pendingFaq = { lineNo: line.lineNo, question: line.text, answer: [] };
        } else if (region === "practice") practiceQuestions.push({ question: line.text, modelAnswer: null });
        else addPoint(line);
        break;
      default: {
        if (region !== "content") {
          addAnswer(line);
          break;
        }
        const section = current();
        const parent = section?.points[section.points.length - 1];
        const prose = line.kind === "summary" || line.kind === "paragraph";
        if (!section && prose) summaryParts.push(line.text);
        // The first prose under a heading, before any point or sub-heading, introduces it.
        else if (section && prose && !section.intro && !section.points.length && !section.children.length) {
          section.intro = line.text;
          section.introLineNo = line.lineNo;
        }
        else if (line.kind === "subpoint" && parent) parent.subpoints.push(line.text);
        else addPoint(line);
      }
    }
  }
  flushFaq();

  const visit = (sections: ParsedSection[]) => {
    for (const s of sections) {
      if (s.intro) s.introLooksLikePoint = introLooksLikePoint(s);
      if (!s.intro && !s.points.length && !s.children.length) warnings.push(`Line ${s.lineNo} ("${s.heading}") looks like a heading with no points under it.`);
      visit(s.children);
    }
  };
  visit(roots);
  if (!roots.length && !faq.length && !practiceQuestions.length) warnings.push("No headings, points or questions were found in these notes.");

  const summary = summaryParts.length ? summaryParts.join("\n\n") : null;
  return {
    title: title ?? deriveTitle(summary, roots, opts.fallbackTitle),
    summary,
    sections: roots,
    faq,
    practiceQuestions,
    warnings,
  };
}

/** The evidence bank: every point with the heading chain it sits under, in document order. */
export function flattenPoints(topic: ParsedTopic): { text: string; path: string[] }[] {
  const out: { text: string; path: string[] }[] = [];
  const walk = (sections: ParsedSection[], path: string[]) => {
    for (const s of sections) {
      const here = [...path, s.heading];
      for (const p of s.points) {
        // Sub-points complete their lead-in ("…by the early 1960s:"), so they travel with it.
        const joiner = p.subpoints.every(endsLikeSentence) ? " " : "; ";
        out.push({ text: p.subpoints.length ? `${p.text} ${p.subpoints.join(joiner)}` : p.text, path: here });
      }
      walk(s.children, here);
    }
  };
  walk(topic.sections, []);
  return out;
}
