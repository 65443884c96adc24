import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary } from "@zxcvbn-ts/language-en";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rule";

// What a new password must be (NIST SP 800-63B: length and a check against passwords known to
// be common or breached, no composition rules): 10 to 200 characters, not built from the
// person's email or name, and not guessable. "Guessable" is zxcvbn's estimate (score below 3,
// fewer than 10^8 guesses) over the common-password list, keyboard patterns, repeats,
// sequences, dates and English words, names and Wikipedia terms (so "khrushchev1964" is
// refused). It runs on the server only: the dictionaries are megabytes and stay off pages.
// Existing passwords are not re-checked at sign-in (the demo accounts' `extent-demo` stays).

export const PASSWORD_MESSAGES = {
  tooShort: `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`,
  tooLong: `Keep your password under ${PASSWORD_MAX_LENGTH} characters.`,
  personal: "Don't use your email address or your name in your password.",
  common: "That is one of the most common passwords, so it is among the first an attacker tries. Try three or four unrelated words.",
  guessable:
    "That password would be easy to guess (a keyboard pattern, a repeated character, or a common word with a few numbers). Try three or four unrelated words.",
} as const;

// The check is plain JavaScript on the request's thread, so its worst case is bounded: zxcvbn
// looks at the first 32 characters (its matching grows much faster than the length; a
// password whose first 32 characters are strong is strong) and tries at most 10 look-alike
// substitutions ("p@$$w0rd"). Measured worst case ~100 ms, typical 5–20 ms (decision 011);
// sign-up's rate limits (decision 010) bound how often anyone can ask for it.
const ANALYSED_LENGTH = 32;
const L33T_SUBSTITUTIONS = 10;
const ENOUGH_SCORE = 3;

let zxcvbn: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  // Built on first use (~150 ms to rank the dictionaries), then reused.
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    maxLength: ANALYSED_LENGTH,
    l33tMaxSubstitutions: L33T_SUBSTITUTIONS,
  });
  return zxcvbn;
}

const squash = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** The first thing wrong with a new password, as a sentence to show beside the field; null when it is acceptable. */
export function passwordProblem(password: string, about: { email: string; name: string }): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (length > PASSWORD_MAX_LENGTH) return PASSWORD_MESSAGES.tooLong;

  const local = about.email.split("@")[0] ?? "";
  const squashed = squash(password);
  const personal = [squash(about.email), squash(local), squash(about.name)].filter((s) => s.length >= 3);
  if (personal.some((p) => squashed.includes(p))) return PASSWORD_MESSAGES.personal;

  const nameParts = about.name.split(/\s+/).filter((s) => s.length >= 3);
  // A password that repeats one unit is as guessable as the unit; judged whole, a copy cut
  // off at the analysed length would look like fresh characters ("P@$$w0rd!P@$$w0rd!…").
  const result = estimator().check(repeatedUnit(password.normalize("NFKC")), [about.email, local, about.name, ...nameParts]);
  if (result.score >= ENOUGH_SCORE) return null;
  const warning = result.feedback.warning ?? "";
  if (warning === "userInputs") return PASSWORD_MESSAGES.personal;
  if (["topTen", "topHundred", "common", "similarToCommon"].includes(warning)) return PASSWORD_MESSAGES.common;
  return PASSWORD_MESSAGES.guessable;
}

/** The shortest unit the password is copies of (the last copy may be cut short), or the password itself. */
function repeatedUnit(password: string): string {
  const chars = [...password];
  for (let period = 1; period <= chars.length / 2; period++) {
    if (chars.every((c, i) => i < period || c === chars[i - period])) return chars.slice(0, period).join("");
  }
  return password;
}
