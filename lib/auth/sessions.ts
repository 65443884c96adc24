import { randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { MAX_TOKEN_LENGTH, RENEW_AFTER_MS, SESSION_COOKIE, SESSION_DAYS, sessionTokenHash } from "./session-token";

export { SESSION_COOKIE };

export type SessionUser = { id: string; name: string; email: string; role: "STUDENT" | "TEACHER" };

const hashToken = (token: string) => sessionTokenHash(env().SESSION_SECRET, token);

const expiry = () => new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);

/** How a session was opened (decision 033): a password, a school's OpenID provider, or an LMS launch. */
export type SignInMethod = "PASSWORD" | "PROVIDER" | "LTI";

export async function createSession(userId: string, method: SignInMethod = "PASSWORD"): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = expiry();
  await db().session.create({ data: { tokenHash: hashToken(token), userId, expiresAt, method } });
  return { token, expiresAt };
}

// A short per-process cache of token → user, so an autosave every few seconds costs one
// statement (its save), not two (docs/decisions/016-lean-save-path.md). It only saves a
// read: every instance asks the database at least every SESSION_CACHE_MS, so a sign-out,
// an expiry or a deleted account elsewhere takes effect within that bound; a sign-out in
// this process drops the entry at once. Bounded, oldest entry out first (a Map keeps
// insertion order).
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
type Cached = { user: SessionUser; expiresAt: number; checkedAt: number };
const cache = new Map<string, Cached>();

export async function findSessionUser(token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const tokenHash = hashToken(token);
  const now = Date.now();
  const hit = cache.get(tokenHash);
  if (hit && now - hit.checkedAt < SESSION_CACHE_MS && now < hit.expiresAt) return hit.user;
  cache.delete(tokenHash);

  // One indexed statement (Session.tokenHash is unique) for the session and its user.
  const [session] = await db().$queryRaw<{ id: string; expiresAt: Date; userId: string; name: string; email: string; role: SessionUser["role"] }[]>`
    SELECT s.id, s."expiresAt", u.id AS "userId", u.name, u.email, u.role::text AS role
      FROM "Session" AS s JOIN "User" AS u ON u.id = s."userId"
     WHERE s."tokenHash" = ${tokenHash}`;
  if (!session) return null;
  const user: SessionUser = { id: session.userId, name: session.name, email: session.email, role: session.role };
  let expiresAt = new Date(session.expiresAt).getTime();
  const left = expiresAt - now;
  if (left <= 0) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (left < RENEW_AFTER_MS) {
    const renewed = expiry();
    await db().session.update({ where: { id: session.id }, data: { expiresAt: renewed } });
    expiresAt = renewed.getTime();
  }
  if (cache.size >= SESSION_CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(tokenHash, { user, expiresAt, checkedAt: now });
  return user;
}

export async function deleteSession(token: string | undefined): Promise<void> {
  if (!token) return;
  const tokenHash = hashToken(token);
  cache.delete(tokenHash);
  await db().session.deleteMany({ where: { tokenHash } });
}
