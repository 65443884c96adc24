// Shapes shared by the notes parser's two stages (classify lines → build topic).
// parse-notes.ts re-exports them, so callers import from one place.

export type NotesFormat = "markdown" | "text";

export type LineKind =
  | "title"
  | "summary"
  | "heading"
  | "point"
  | "subpoint"
  | "paragraph"
  | "faq-marker"
  | "practice-marker"
  | "question"
  | "answer"
  /** Markdown the importer could not use (an HTML block, a table's header row); text says what and why. */
  | "dropped"
  | "blank";

export type ClassifiedLine = {
  /** 1-based line number in the original input (the first line of a joined markdown paragraph). */
  lineNo: number;
  /** Cleaned text: trimmed, whitespace collapsed, markdown markers and emphasis removed. */
  text: string;
  kind: LineKind;
  /** Headings only: 1 = top level. */
  level?: number;
};

/** A teacher's correction from the preview, applied by buildTopic before nesting. */
export type HeadingFix = { lineNo: number; kind: "heading" | "point"; level?: number; text?: string };

export type ParsedPoint = { text: string; subpoints: string[] };

export type ParsedSection = {
  heading: string;
  level: number;
  lineNo: number;
  intro: string | null;
  /** The intro's line, so the preview can offer "make this a point" (a fix of kind "point"). */
  introLineNo: number | null;
  /** The intro states a fact (a date, a number) or is all the section holds: it is probably a point. */
  introLooksLikePoint: boolean;
  points: ParsedPoint[];
  children: ParsedSection[];
};

export type ParsedTopic = {
  title: string;
  summary: string | null;
  sections: ParsedSection[];
  faq: { question: string | null; answer: string }[];
  practiceQuestions: { question: string; modelAnswer: string | null }[];
  warnings: string[];
};
