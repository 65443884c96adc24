import type { Factor } from "./plan-schema";

// The text heuristic, kept deliberately cautious because a false alarm teaches the wrong thing:
// 1. Split the argument into sentences and find a "top" phrase ("most significant", "main
//    reason", "key factor"…).
// 2. Skip any sentence with a negation or a hedge ("not", "n't", "rather than", "only",
//    "to some extent", "but"…): "X was only partly the main reason" is too easy to misread.
// 3. Find each factor's name in the sentence (case, punctuation, articles, possessive 's,
//    plural -s and -ise/-ize ignored) and take the mention nearest the phrase; a longer name
//    wins a tie ("Virgin Lands failure" over "Virgin Lands"); any other tie means no answer.
// Paraphrases ("the Secret Speech" for a factor named "de-Stalinisation") are not recognised.
const TOP_PHRASE = /\b(?:most (?:significant|important|influential|decisive)|(?:main|key|chief|primary|principal|biggest|greatest|decisive) (?:reason|cause|factor))\b/gi;
const NEGATION_OR_HEDGE =
  /\b(?:not|never|no|nor|neither|rather than|less|least|only|partly|partially|limited|some extent|an extent|but|however|although|though|whereas)\b|n['’]t\b/i;
const IGNORED_WORDS = new Set(["the", "a", "an"]);

export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !IGNORED_WORDS.has(w))
    .map((w) => w.replace(/iz(e|es|ed|ing|ation|ations)$/, "is$1"))
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
}

function occurrences(haystack: string[], needle: string[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((w, j) => haystack[i + j] === w)) found.push(i);
  }
  return found;
}

export function factorCalledMostSignificant(argument: string, factors: readonly Factor[]): Factor | undefined {
  for (const sentence of argument.split(/(?<=[.!?;])\s+|\n+/)) {
    if (NEGATION_OR_HEDGE.test(sentence)) continue;
    const sentenceWords = words(sentence);
    for (const match of sentence.matchAll(TOP_PHRASE)) {
      const start = words(sentence.slice(0, match.index)).length;
      const end = start + words(match[0]).length;
      let best: { factor: Factor; distance: number; length: number } | undefined;
      let tied = false;
      for (const factor of factors) {
        const name = words(factor.name);
        if (name.length === 0) continue;
        for (const at of occurrences(sentenceWords, name)) {
          const distance = at + name.length <= start ? start - (at + name.length) : at >= end ? at - end : Infinity;
          if (distance === Infinity) continue;
          if (!best || distance < best.distance || (distance === best.distance && name.length > best.length)) {
            best = { factor, distance, length: name.length };
            tied = false;
          } else if (distance === best.distance && name.length === best.length && factor !== best.factor) {
            tied = true;
          }
        }
      }
      if (best && !tied) return best.factor;
    }
  }
  return undefined;
}
