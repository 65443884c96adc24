// Tests on a single cleaned line that both classifiers share: is it shaped like a heading,
// a section marker, a question? Structure-dependent decisions live in the classifiers.

/** Splits into raw lines, tolerating a BOM and any mix of CRLF / CR / LF endings. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

/** Trims and collapses runs of whitespace (tabs, NBSP) to one space. Quotes are left alone. */
export function cleanText(raw: string): string {
  return raw.replace(/[\s\u00A0]+/g, " ").trim();
}

export function wordCount(text: string): number {
  return text.split(" ").filter(Boolean).length;
}

// Closing quotes/brackets are peeled off before looking at the final punctuation, so
// `…in 1956.)` and `…“the Thaw.”` still read as sentences while `Speech (1956)` does not.
const TRAILING_CLOSERS = /[)\]’”'"»]+$/;
const SENTENCE_END = /[.!?;:,…]$/;

export function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text.replace(TRAILING_CLOSERS, ""));
}

export const HEADING_MAX_WORDS = 12;
export const HEADING_MAX_CHARS = 90;

/**
 * A heading is a short label, not a sentence: at most ~12 words / 90 characters, no
 * terminal sentence punctuation (a colon *inside* it, as in "Economic Reforms: The Plan",
 * is fine; a colon at the end introduces a list, so that line is a point), and it starts
 * with a capital or a digit (optionally after an opening quote or bracket). Case style
 * beyond the first letter is not required, so "Rise of consumerism" qualifies.
 * Whether something *follows* it is the classifier's job.
 */
export function isHeadingShaped(text: string): boolean {
  if (!text || text.length > HEADING_MAX_CHARS || wordCount(text) > HEADING_MAX_WORDS) return false;
  if (endsLikeSentence(text)) return false;
  return /^[‘“'"(\[]?[\p{Lu}\p{N}]/u.test(text);
}

const MINOR_WORDS = new Set([
  "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "vs", "with", "under", "over",
]);

/** Most significant words capitalised ("Rise of Consumerism"), used only when full stops can't separate points from headings. */
export function isTitleCase(text: string): boolean {
  const words = text.split(" ").filter((w) => /\p{L}/u.test(w));
  const significant = words.filter((w, i) => i === 0 || !MINOR_WORDS.has(w.toLowerCase()));
  if (significant.length === 0) return false;
  const capitalised = significant.filter((w) => /^[‘“'"(]?[\p{Lu}\p{N}]/u.test(w));
  return capitalised.length / significant.length >= 0.75;
}

function markerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[#*_:.\s]+$/g, "")
    .replace(/^[#*_\s]+/g, "")
    .replace(/\s+/g, " ");
}

const FAQ_MARKER = /^(faqs?|f\.a\.q\.?s?|frequently asked questions|common questions|key questions|questions (and|&) answers|q ?(&|and) ?a)$/;
const PRACTICE_MARKER =
  /^((practice|exam|exam-style|exam style|sample|essay|past paper|past exam|example|model|revision) (essay |exam )?questions?( (and|with) (model )?answers)?|questions for practice)$/;

export function markerKind(text: string): "faq-marker" | "practice-marker" | null {
  const key = markerKey(text);
  if (FAQ_MARKER.test(key)) return "faq-marker";
  if (PRACTICE_MARKER.test(key)) return "practice-marker";
  return null;
}

/** Removes "Q:", "Q1.", "Question 2:", "1." style labels from a question line. */
export function stripQuestionLabel(text: string): string {
  return text.replace(/^(?:q(?:uestion)?\s*\d*\s*[.):]|\d+\s*[.)]|\(\w\))\s*/i, "").trim();
}

/** Removes "A:" / "Answer:" / "Model answer:" labels from an answer paragraph. */
export function stripAnswerLabel(text: string): string {
  return text.replace(/^(?:a|answer|model answer|suggested answer)\s*:\s*/i, "").trim();
}

const QUESTION_MAX_WORDS = 60;

/** An FAQ question: a short line ending in '?'. */
export function isFaqQuestion(text: string): boolean {
  const q = stripQuestionLabel(text);
  return q.endsWith("?") && wordCount(q) <= QUESTION_MAX_WORDS;
}

const COMMAND_START =
  /^(to what extent|how far|how (significant|important|successful|effective|accurate|valid|fundamental)|assess|evaluate|discuss|examine|explain|analyse|analyze|compare|consider|in what ways)\b/i;
// A quoted statement followed by a command: "‘…’ Assess the validity of this view."
const QUOTE_THEN_COMMAND = /^[‘“'"].*[’”'"]\s*(assess|how far|to what extent|do you agree|discuss|evaluate|explain|examine|consider)\b/i;

/**
 * An exam question: short, and either ends in '?', opens with a command phrase, or is a
 * quoted statement followed by a command ("'…' Assess the validity of this view.").
 * Model answers are prose paragraphs that do none of these.
 */
export function isExamQuestion(text: string): boolean {
  const q = stripQuestionLabel(text);
  if (!q || wordCount(q) > QUESTION_MAX_WORDS) return false;
  if (q.endsWith("?") || COMMAND_START.test(q)) return true;
  return QUOTE_THEN_COMMAND.test(q);
}

// "Early Years 1900-1910", "Recovery (1911–20)": a heading that ends in a range of years.
const DATED_HEADING = /(?:^|[\s,(])(\d{4})\s*(?:[-–—]|to)\s*(\d{4}|\d{2})\)?$/;

/** The years of a heading that ends in a range of years ("1900-1910", "1911–20"), else null. */
export function headingYears(text: string): { from: number; to: number } | null {
  const m = DATED_HEADING.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = (m[2] ?? "").length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
  return to >= from ? { from, to } : null;
}
