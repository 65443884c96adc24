import { z } from "zod";

// One text type for everything a person can send us. PostgreSQL refuses U+0000 in text and
// in jsonb ("invalid byte sequence", "unsupported Unicode escape sequence"), so a single NUL
// in a pasted essay used to fail every autosave with a 500. Noncharacters (U+FDD0–U+FDEF and
// the last two code points of every plane) and lone surrogates are never meaningful text
// either: a lone surrogate is silently turned into U+FFFD on its way to the database, so
// what we stored would differ from what we validated.
//
// Two kinds of field, decided once here (docs/decisions/015-bad-input.md):
// - prose (essays, plans, comments, instructions, questions): the characters are dropped.
//   They come from pastes, are invisible, and refusing a 2,000-word essay over one of them
//   would be unkind; dropping them changes nothing a reader can see.
// - line (names, titles, labels a person types on one line): refused with a message, and so
//   are control characters (tab, line breaks, escapes), which have no place in a name.

// U+0000, the noncharacters, and UTF-16 code units not in a pair (\p{Cs} under the u flag
// matches only unpaired surrogates).
const FORBIDDEN = /[\u0000\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]|\p{Cs}/gu;
const CONTROL = /\p{Cc}/u;

export const LINE_MESSAGE = "This can't contain control characters or invisible non-characters: retype it rather than pasting it.";

/** Drops U+0000, noncharacters and lone surrogates; everything else is kept as typed. */
export function stripForbidden(value: string): string {
  return value.replace(FORBIDDEN, "");
}

const FORBIDDEN_ANY = new RegExp(FORBIDDEN.source, "u");

export function hasForbidden(value: string): boolean {
  return FORBIDDEN_ANY.test(value);
}

/** One line a person typed (a name, a title): no control characters, no non-characters. */
export function isCleanLine(value: string): boolean {
  return !CONTROL.test(value) && !hasForbidden(value);
}

/**
 * Prose: forbidden characters are dropped before any other check, so `.max()`, `.trim()`
 * and `.min()` chained after it see the text that will be stored. Stays a ZodString.
 */
export const proseText = () => z.string().overwrite(stripForbidden);

/** A single line: refused with a clear message if it holds a control or non-character. */
export const lineText = (message = LINE_MESSAGE) => z.string().refine(isCleanLine, { message });

// Ids are cuids (Prisma's default) or the planner's client ids: a short, safe alphabet. An id
// holding anything else cannot exist, so it is refused before it reaches a query.
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const idText = (message = "That link or reference is not valid.") => z.string().regex(ID_PATTERN, message);
