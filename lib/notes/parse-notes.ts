import type { ClassifiedLine, HeadingFix, NotesFormat, ParsedTopic } from "./types";
import { classifyMarkdown } from "./classify-markdown";
import { classifyText } from "./classify-text";
import { buildTopic } from "./build-topic";

// Teachers' notes → a topic, in two stages so the import preview can show how each line was
// read and let the teacher correct headings before saving:
//   classifyLines(text)          one kind per line (heading / point / question / …)
//   buildTopic(lines, fixes)     applies corrections, nests sections, collects FAQ and questions
//
// Title: a markdown `# Title` (or a plain-text title line) wins; otherwise the topic the
// summary line names, if it names one ("This topic covers …", "The Reform Act of 1832 was …");
// otherwise `fallbackTitle` (the file name); otherwise the opening clause of the summary
// sentence; otherwise the first heading. A title the teacher types overrides all of these.
//
// The parser's API is re-exported here so callers import notes parsing from one module.
export type { ClassifiedLine, HeadingFix, LineKind, NotesFormat, ParsedPoint, ParsedSection, ParsedTopic } from "./types";
export { buildTopic, flattenPoints } from "./build-topic";
export { MAX_NOTES_BYTES, validateNotesInput, type NotesInputCheck } from "./validate-notes";

/**
 * Markdown when the text uses markup that plain notes never contain: `#` headings, setext
 * underlines, or bold-only lines. Bullets alone do not count; the plain-text reader
 * understands "- " and "1." lists too.
 */
export function detectFormat(text: string): NotesFormat {
  if (/^ {0,3}#{1,6}\s+\S/m.test(text)) return "markdown";
  if (/^[^\s=-].*\r?\n {0,3}={3,}\s*$/m.test(text)) return "markdown";
  const boldLines = text.match(/^\s*(\*\*|__)[^*_\n]+\1\s*:?\s*$/gm)?.length ?? 0;
  const links = /\[[^\]\n]+\]\([^)\s]+\)/.test(text);
  return boldLines >= 2 || links ? "markdown" : "text";
}

export function classifyLines(text: string, format?: NotesFormat): ClassifiedLine[] {
  return (format ?? detectFormat(text)) === "markdown" ? classifyMarkdown(text) : classifyText(text);
}

export function parseNotes(text: string, opts: { format?: NotesFormat; fixes?: HeadingFix[]; fallbackTitle?: string } = {}): ParsedTopic {
  return buildTopic(classifyLines(text, opts.format), opts.fixes, { fallbackTitle: opts.fallbackTitle });
}
