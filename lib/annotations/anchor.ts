// Where a teacher's annotation sits in an essay, stored so it survives the student's redraft.
// The anchor follows the W3C Web Annotation model: the quoted passage with a little context on
// each side (TextQuoteSelector) plus its offsets (TextPositionSelector). Offsets alone break as
// soon as the student edits anything earlier in the essay; the quote lets us find the passage
// again, and the context tells repeated passages apart.
//
// All positions are UTF-16 code-unit offsets, i.e. JavaScript string indices: the passage is
// text.slice(start, end). An emoji counts as two. Text is not Unicode-normalised, so the same
// accented letter stored precomposed in one draft and decomposed in the next only matches fuzzily.

import { keepsToWords, snapToWords, wordEnds, type Span } from "./word-snap";

export type TextAnchor = { exact: string; prefix: string; suffix: string; start: number; end: number };

export type Location = { start: number; end: number; match: "exact-position" | "quote" | "fuzzy" };


/** At most this many code units of context are kept on each side of the passage. */
export const CONTEXT_LENGTH = 32;

// Fuzzy matching tolerates one edit in four. Below 8 code units that is at most one edit, and a
// short quote with one edit matches all over an essay, so short quotes must match exactly.
const MAX_ERROR_RATE = 0.25;
const MIN_FUZZY_LENGTH = 8;
// The fuzzy search costs up to text.length × exact.length: about a quarter of a second for a
// 2,000-unit quote in a 60,000-unit essay, and one essay may carry dozens of annotations.
const MAX_FUZZY_LENGTH = 2000;

/** Builds the anchor for text.slice(start, end). Throws RangeError for an empty/out-of-range/reversed range or non-integers. */
export function anchorFor(text: string, start: number, end: number): TextAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`An annotation range needs whole-number offsets, not ${start}–${end}.`);
  }
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`The range ${start}–${end} is empty, reversed or outside the text (length ${text.length}).`);
  }
  // Half an emoji cannot be stored (PostgreSQL refuses a lone surrogate) or shown.
  if (splitsPair(text, start) || splitsPair(text, end)) {
    throw new RangeError(`The range ${start}–${end} splits a character in two.`);
  }
  return {
    exact: text.slice(start, end),
    prefix: text.slice(contextStart(text, start), start),
    suffix: text.slice(end, contextEnd(text, end)),
    start,
    end,
  };
}

function splitsPair(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Where the anchored passage is in `text`, or null when it can no longer be found (detached). */
export function locate(anchor: TextAnchor, text: string): Location | null {
  const { exact } = anchor;
  // A stored anchor with no quote would "match" everywhere; treat it as detached.
  if (exact === "") return null;
  // The quote found inside a longer word ("failure" in "failures") is not the passage the
  // teacher selected: only whole-word occurrences count as exact; the rest go to the fuzzy
  // search, which moves their ends to the word's edges (word-snap.ts).
  const ends = wordEnds(anchor);
  const position = { start: anchor.start, end: anchor.end };
  if (text.slice(anchor.start, anchor.end) === exact && keepsToWords(text, position, ends)) return { ...position, match: "exact-position" };

  const occurrences = exactOccurrences(text, exact).filter((span) => keepsToWords(text, span, ends));
  const quoted = closestByContext(anchor, text, occurrences);
  if (quoted) return { ...quoted, match: "quote" };

  if (exact.length < MIN_FUZZY_LENGTH || exact.length > MAX_FUZZY_LENGTH) return null;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  const spans = fuzzyMatches(text, exact, maxErrors).map((span) => snapToWords(text, trimToQuote(span, text, exact), exact, ends));
  const fuzzy = closestByContext(anchor, text, spans);
  return fuzzy ? { ...fuzzy, match: "fuzzy" } : null;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

// Context is cut short rather than through a surrogate pair: half an emoji does not survive a
// round trip through the database (it comes back as U+FFFD), so it would never match again.
function contextStart(text: string, start: number): number {
  const from = Math.max(0, start - CONTEXT_LENGTH);
  return isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1)) ? from + 1 : from;
}

function contextEnd(text: string, end: number): number {
  const to = Math.min(text.length, end + CONTEXT_LENGTH);
  return isHighSurrogate(text.charCodeAt(to - 1)) && isLowSurrogate(text.charCodeAt(to)) ? to - 1 : to;
}

function exactOccurrences(text: string, exact: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    spans.push({ start: at, end: at + exact.length });
  }
  return spans;
}

/** How many code units of the stored context agree with the text just before and after `span`. */
function contextAgreement(anchor: TextAnchor, text: string, span: Span): number {
  const { prefix, suffix } = anchor;
  let before = 0;
  while (before < prefix.length && before < span.start && text[span.start - 1 - before] === prefix[prefix.length - 1 - before]) before++;
  let after = 0;
  while (after < suffix.length && span.end + after < text.length && text[span.end + after] === suffix[after]) after++;
  return before + after;
}

/** The span whose surroundings best match the stored context; on a tie, the one nearest where the passage was. */
function closestByContext(anchor: TextAnchor, text: string, spans: Span[]): Span | null {
  let best: { span: Span; agreement: number; distance: number } | null = null;
  for (const span of spans) {
    const agreement = contextAgreement(anchor, text, span);
    const distance = Math.abs(span.start - anchor.start);
    if (!best || agreement > best.agreement || (agreement === best.agreement && distance < best.distance)) {
      best = { span, agreement, distance };
    }
  }
  return best && { start: best.span.start, end: best.span.end };
}

/**
 * Every span of `text` within the fewest edits of `pattern` (if that is at most `maxErrors`),
 * by Sellers' algorithm: edit distance where the match may begin and end anywhere in the text.
 */
function fuzzyMatches(text: string, pattern: string, maxErrors: number): Span[] {
  const m = pattern.length;
  // One column of the table, updated in place as we move along the text: after reading
  // text[0, j), cost[i] is the fewest edits turning pattern[0, i) into some text[s, j), and
  // from[i] is that s, carried along so no backward pass is needed to find where a match starts.
  const cost = Int32Array.from({ length: m + 1 }, (_, i) => i);
  const from = new Int32Array(m + 1);
  // Ukkonen's cut-off: every row past `last` costs more than maxErrors, and a cell never costs
  // less than the one diagonally before it, so the next column need only go one row further.
  // That makes a search over a 60,000-character essay about three times faster.
  let last = Math.min(m, maxErrors);
  let fewest = Infinity;
  let spans: Span[] = [];

  for (let j = 1; j <= text.length; j++) {
    const code = text.charCodeAt(j - 1);
    const top = Math.min(m, last + 1);
    // Row 0 costs nothing at every column: a match may start anywhere.
    let diagCost = 0;
    let diagFrom = j - 1;
    let upCost = 0;
    let upFrom = j;
    from[0] = j;
    for (let i = 1; i <= top; i++) {
      const leftCost = cost[i]!;
      const leftFrom = from[i]!;
      // Substitution wins ties, so a changed first or last word stays inside the match
      // instead of being dropped as a deletion.
      let best = diagCost + (pattern.charCodeAt(i - 1) === code ? 0 : 1);
      let start = diagFrom;
      if (upCost + 1 < best) {
        best = upCost + 1;
        start = upFrom;
      }
      if (leftCost + 1 < best) {
        best = leftCost + 1;
        start = leftFrom;
      }
      cost[i] = best;
      from[i] = start;
      diagCost = leftCost;
      diagFrom = leftFrom;
      upCost = best;
      upFrom = start;
    }
    // The row below the cut-off holds a stale value from an earlier column; mark it as too costly.
    if (top < m) cost[top + 1] = maxErrors + 1;
    last = top;
    while (cost[last]! > maxErrors) last--;

    if (top < m || upCost > maxErrors) continue;
    if (upCost < fewest) {
      fewest = upCost;
      spans = [];
    }
    if (upCost === fewest) spans.push({ start: upFrom, end: j });
  }
  return spans;
}

/** Drops whitespace at either end of a fuzzy match that the quote itself did not have there. */
function trimToQuote(span: Span, text: string, exact: string): Span {
  let { start, end } = span;
  if (!/^\s/.test(exact)) while (start < end && /\s/.test(text.charAt(start))) start++;
  if (!/\s$/.test(exact)) while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return start < end ? { start, end } : span;
}
