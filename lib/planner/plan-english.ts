// Small English helpers for the text the planner writes around a student's own words (the
// outline, the plan check). The student's words arrive with or without a full stop, as a
// plural or not, sometimes starting with "The" because the question began with it; these
// keep the sentences built round them grammatical. Heuristics, tested in plan-english.test.ts:
// wrong guesses fall back to the forms the planner used before.

/** "a" or "an" for the word that follows: by sound for the common exceptions, else by letter. */
export function article(word: string): "a" | "an" {
  const first = word.trim().split(/[\s-]/)[0] ?? "";
  // An initialism is read letter by letter: "an NKVD report", "an SR", "a USSR-wide".
  if (/^[A-Z]{2,}$/.test(first)) return /^[AEFHILMNORSX]/.test(first) ? "an" : "a";
  const w = first.toLowerCase();
  if (/^(?:hour|honest|honour|heir)/.test(w)) return "an";
  // "a union", "a useful", "a European", "a one-party state" start with a consonant sound.
  if (/^(?:uni|use|usu|eu|ure|one$|once$)/.test(w) && !/^uni[nm]/.test(w)) return "a";
  return /^[aeiou]/.test(w) ? "an" : "a";
}

/** The word with its article: "a major", "an economic". */
export const withArticle = (word: string) => `${article(word)} ${word}`;

const PREPOSITION = /\s(?:of|in|with|for|on|at|to|by|from|between|among|within|against|over|under|during|towards?|after|before)\s/i;
const SINGULAR_ENDINGS = /(?:ss|us|is|ics|'s|’s)$/i;
const IRREGULAR_PLURALS = new Set(["people", "men", "women", "children", "police", "peasants", "workers"]);

/**
 * Does a name read as a plural subject ("Economic failures were…")? Judged on the head of the
 * phrase before any preposition ("Divisions in the Presidium"): "and" joins two subjects; a
 * final -s counts unless the word is singular anyway (crisis, Congress, economics, status).
 */
export function isPlural(name: string): boolean {
  const head = name.trim().split(PREPOSITION)[0] ?? "";
  if (/\s(?:and|&)\s/i.test(head)) return true;
  const last = (head.split(/[\s:]+/).filter(Boolean).at(-1) ?? "").replace(/[^A-Za-z'’]/g, "");
  if (IRREGULAR_PLURALS.has(last.toLowerCase())) return true;
  return last.length > 2 && /s$/i.test(last) && !SINGULAR_ENDINGS.test(last);
}

/** "was" or "were" for a subject. */
export const wasOrWere = (name: string) => (isPlural(name) ? "were" : "was");

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A phrase to sit inside a sentence: trimmed, any end punctuation a student or the question
 * gave it removed (so "…reason." never becomes "…reason. holds"), and a leading article
 * lower-cased ("weighs the Cuban Missile Crisis", not "weighs The Cuban…"). Other capitals are
 * kept: they are usually names.
 */
export function inline(s: string): string {
  return s
    .trim()
    .replace(/[\s.,;:!?…]+$/u, "")
    .replace(/^(The|A|An)\s/, (m) => m.toLowerCase());
}

/** A phrase that opens a sentence. */
export const opening = (s: string) => capitalise(inline(s));

/**
 * The student's text as one finished sentence: one full stop added only if it has no end
 * mark; a trailing comma, colon or dash replaced rather than doubled; "..." kept as it is.
 */
export function sentence(s: string): string {
  const t = s.trim().replace(/\s*[,;:–—-]+$/u, "");
  if (t === "") return "";
  return /(?:[.!?…]|\.\.\.)["'’”)\]]*$/u.test(t) ? t : `${t}.`;
}

/** "a", "a and b", "a, b and c". */
export const listed = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/** "1 factor", "2 factors". */
export const count = (n: number, noun: string, plural = `${noun}s`) => `${n} ${n === 1 ? noun : plural}`;
