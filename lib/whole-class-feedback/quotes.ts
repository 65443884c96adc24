// Short anonymised quotes from students' essays for whole-class feedback (decision 032):
// one sentence at most, at most ~25 words, and no name of anyone in the class.

export const QUOTE_WORDS = 25;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern matching any part (first name, surname) of the class's names, as whole words. */
export function namePattern(names: string[]): RegExp | null {
  const parts = new Set<string>();
  for (const name of names) for (const part of name.split(/[\s-]+/)) if (part.replace(/\W/g, "").length >= 2) parts.add(part.replace(/[^\p{L}\p{N}'’]/gu, ""));
  if (!parts.size) return null;
  // Longest first, so "Armstrong-Smith" style parts win over their prefixes.
  const alternatives = [...parts].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?:'s|’s)?(?![\\p{L}\\p{N}])`, "giu");
}

/** Replaces every class name in `text` with "[name]". */
export function stripNames(text: string, names: RegExp | null): string {
  return names ? text.replace(names, "[name]") : text;
}

/** The passage trimmed to its first sentence and to QUOTE_WORDS words, with names removed. */
export function toQuote(passage: string, names: RegExp | null): string {
  const flat = passage.replace(/\s+/g, " ").trim();
  const sentence = flat.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? flat;
  const words = sentence.split(" ");
  const short = words.length > QUOTE_WORDS ? `${words.slice(0, QUOTE_WORDS).join(" ").replace(/[,;:]$/, "")}…` : sentence;
  return stripNames(short, names);
}
