// Word boundaries for re-attached highlights. A teacher selects whole words; when the passage
// is found again in a redraft, the closest match by edit distance can still begin or end part
// of the way through a word ("cked the purges" inside "attacked the purges", or "failure"
// inside "failures"). A highlight like that reads as a mistake, so an end that the teacher
// put on a word boundary is moved to one: outward to take in the whole word, or inward to
// drop the fragment, whichever leaves the passage closer to the quote.
// Positions are UTF-16 code-unit offsets, as in anchor.ts.

export type Span = { start: number; end: number };

/** Which ends of the quote the teacher put on a word boundary, from the stored context. */
export type WordEnds = { start: boolean; end: boolean };

// Letters, digits and combining marks make words, in any script: "Gerőék" is one word.
// Apostrophes and hyphens separate them, so "Hungary" may end before "'s" and a passage may
// begin after "De-".
const WORD = /[\p{L}\p{N}\p{M}]/u;

function codePointBefore(text: string, i: number): string {
  if (i <= 0) return "";
  const low = text.charCodeAt(i - 1);
  const high = text.charCodeAt(i - 2);
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.slice(pair ? i - 2 : i - 1, i);
}

function codePointAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

/** True when offset i falls between two characters of the same word. */
export function insideWord(text: string, i: number): boolean {
  return WORD.test(codePointBefore(text, i)) && WORD.test(codePointAt(text, i));
}

export function wordEnds(anchor: { exact: string; prefix: string; suffix: string }): WordEnds {
  return {
    start: !insideWord(anchor.prefix + anchor.exact, anchor.prefix.length),
    end: !insideWord(anchor.exact + anchor.suffix, anchor.exact.length),
  };
}

/** Whether `span` keeps to word boundaries at every end where the quote did. */
export function keepsToWords(text: string, span: Span, ends: WordEnds): boolean {
  return !(ends.start && insideWord(text, span.start)) && !(ends.end && insideWord(text, span.end));
}

const startOfWord = (text: string, i: number) => {
  while (insideWord(text, i)) i -= codePointBefore(text, i).length;
  return i;
};
const endOfWord = (text: string, i: number) => {
  while (insideWord(text, i)) i += codePointAt(text, i).length;
  return i;
};
// Inward from inside a word: past its end and whatever separates it from the next word.
const nextWordStart = (text: string, i: number) => {
  i = endOfWord(text, i);
  while (i < text.length && !WORD.test(codePointAt(text, i))) i += codePointAt(text, i).length;
  return i;
};
const previousWordEnd = (text: string, i: number) => {
  i = startOfWord(text, i);
  while (i > 0 && !WORD.test(codePointBefore(text, i))) i -= codePointBefore(text, i).length;
  return i;
};

/**
 * Moves each end of `span` that lies inside a word, where the quote's did not, to the word's
 * edge, outward or inward, choosing the combination fewest edits from `exact`; a tie goes
 * outward, since taking in a whole word hides less of what the comment was about.
 */
export function snapToWords(text: string, span: Span, exact: string, ends: WordEnds): Span {
  const starts = ends.start && insideWord(text, span.start) ? [startOfWord(text, span.start), nextWordStart(text, span.start)] : [span.start];
  const endings = ends.end && insideWord(text, span.end) ? [endOfWord(text, span.end), previousWordEnd(text, span.end)] : [span.end];
  let best: { span: Span; cost: number } | null = null;
  for (const start of starts) {
    for (const end of endings) {
      if (end <= start) continue;
      const cost = editDistance(exact, text.slice(start, end));
      if (!best || cost < best.cost) best = { span: { start, end }, cost };
    }
  }
  // Outward on both ends is always a non-empty span, so best is set.
  return best!.span;
}

/** Levenshtein distance in UTF-16 code units (as the fuzzy search counts edits). */
export function editDistance(a: string, b: string): number {
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
