import { createHmac } from "node:crypto";

// What a session cookie is and how it is stored, without the database: sessions.ts uses it
// for every lookup, and the autosave fast path (lib/fast-path/) matches the stored
// hash inside its one SQL statement. One definition, so the two can never disagree.

export const SESSION_COOKIE = "extent_session";
export const SESSION_DAYS = 30;
/** A session used in its second half is extended, so active users stay signed in. */
export const RENEW_AFTER_MS = (SESSION_DAYS / 2) * 24 * 60 * 60 * 1000;
/** Longer than any token we issue (43 characters): refused before hashing. */
export const MAX_TOKEN_LENGTH = 100;

/** The stored form of a token: an HMAC with SESSION_SECRET, so a leaked table cannot be replayed. */
export function sessionTokenHash(secret: string, token: string): string {
  return createHmac("sha256", secret).update(token).digest("base64url");
}
