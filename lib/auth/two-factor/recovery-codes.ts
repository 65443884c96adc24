import { createHmac, randomInt } from "node:crypto";

// Recovery codes (docs/decisions/035-two-factor.md): for when the phone is lost. Ten codes of
// ten characters from 31 letters and digits that cannot be mistaken for one another (about
// 49 bits each), shown once and stored only as an HMAC under a key from SESSION_SECRET. With
// that much entropy and attempts throttled per account, a fast keyed hash is enough: a slow
// password hash protects guessable secrets, and these are not guessable.

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no i, l, o, 0 or 1
export const RECOVERY_CODE_COUNT = 10;
const LENGTH = 10;

/** Fresh codes, formatted for reading ("abcde-fghjk"). randomInt has no modulo bias. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const raw = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** What a person may type (any case, spaces or a dash) as the stored form, or null if it cannot be a code. */
export function normaliseRecoveryCode(raw: string): string | null {
  const code = raw.toLowerCase().replace(/[\s-]/g, "");
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** The stored form. The database compares it by equality: an attacker cannot choose a hash, so timing tells nothing. */
export function hashRecoveryCode(key: Buffer, normalised: string): string {
  return createHmac("sha256", key).update(normalised).digest("base64url");
}
