// Words as a teacher counts them: runs of letters or digits, with apostrophes and hyphens
// inside a word ("Khrushchev’s", "de-Stalinisation") not splitting it. Outline prompts in
// [square brackets] count too: they are text the student has not replaced yet.
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export type WordLimitState = "none" | "under" | "near" | "over";

/** "near" from 90% of the limit, so students see it coming. */
export function wordLimitState(words: number, limit: number | null): WordLimitState {
  if (!limit) return "none";
  if (words > limit) return "over";
  return words >= limit * 0.9 ? "near" : "under";
}
