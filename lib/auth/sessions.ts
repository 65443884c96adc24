import { randomBytes } from "node:crypto";
import { recordPersonAudit } from "../audit/scoped";
import { db } from "../db";
import { env } from "../env";
import { notSignedIn } from "../errors";
import { MAX_TOKEN_LENGTH, RENEW_AFTER_MS, SESSION_COOKIE, SESSION_DAYS, sessionTokenHash } from "./session-token";
import { twoFactorGate, type TwoFactorGate } from "./two-factor/gate";

export { SESSION_COOKIE };

export type SessionUser = { id: string; name: string; email: string; role: "STUDENT" | "TEACHER" };

/**
 * A session's user and whether the session may be used yet (two-factor, decision 035). Only
 * lib/auth/current-user.ts looks at the gate: it refuses or redirects every gated session.
 */
export type SignedInUser = SessionUser & { twoFactorGate: TwoFactorGate };

const hashToken = (token: string) => sessionTokenHash(env().SESSION_SECRET, token);

const expiry = () => new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);

/** How a session was opened (decision 033): a password, a school's OpenID provider, or an LMS launch. */
export type SignInMethod = "PASSWORD" | "PROVIDER" | "LTI";

export async function createSession(userId: string, method: SignInMethod = "PASSWORD"): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = expiry();
  await db().$transaction(async (tx) => {
    await tx.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt, method } });
    await recordPersonAudit(tx, userId, { action: "SIGN_IN", actorId: userId, subjectId: userId, detail: { method } });
  });
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
// The cached user carries its two-factor gate, so the cache can never lift it: a session
// whose second factor is given is replaced by a new token (completeSecondFactor), which no
// cache has seen, and a new requirement reaches cached sessions within SESSION_CACHE_MS.
type Cached = { user: SignedInUser; expiresAt: number; checkedAt: number };
const cache = new Map<string, Cached>();

export async function findSessionUser(token: string | undefined): Promise<SignedInUser | null> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const tokenHash = hashToken(token);
  const now = Date.now();
  const hit = cache.get(tokenHash);
  if (hit && now - hit.checkedAt < SESSION_CACHE_MS && now < hit.expiresAt) return hit.user;
  cache.delete(tokenHash);

  // One indexed statement (Session.tokenHash is unique) for the session, its user and what
  // the two-factor gate needs (both joins are on primary keys).
  const [session] = await db().$queryRaw<
    {
      id: string;
      expiresAt: Date;
      userId: string;
      name: string;
      email: string;
      role: SessionUser["role"];
      method: SignInMethod;
      secondFactorAt: Date | null;
      enrolled: boolean;
      schoolRequires: boolean;
    }[]
  >`
    SELECT s.id, s."expiresAt", u.id AS "userId", u.name, u.email, u.role::text AS role,
           s.method::text AS method, s."secondFactorAt",
           (t."confirmedAt" IS NOT NULL) AS enrolled, COALESCE(sc."requireStaffMfa", false) AS "schoolRequires"
      FROM "Session" AS s JOIN "User" AS u ON u.id = s."userId"
      LEFT JOIN "TwoFactor" AS t ON t."userId" = u.id
      LEFT JOIN "School" AS sc ON sc.id = u."schoolId"
     WHERE s."tokenHash" = ${tokenHash}`;
  if (!session) return null;
  const user: SignedInUser = {
    id: session.userId,
    name: session.name,
    email: session.email,
    role: session.role,
    twoFactorGate: twoFactorGate({ ...session, secondFactorAt: session.secondFactorAt && new Date(session.secondFactorAt) }),
  };
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
  await db().$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { tokenHash }, select: { userId: true } });
    const { count } = await tx.session.deleteMany({ where: { tokenHash } });
    if (session && count) await recordPersonAudit(tx, session.userId, { action: "SIGN_OUT", actorId: session.userId, subjectId: session.userId });
  });
}

/**
 * The second factor was given in this session: it is replaced by a new one (a new token,
 * the same sign-in method) marked with the time. A new token means no per-process cache
 * anywhere still holds the gated state, and whoever held the old token (before the code was
 * given) holds nothing now.
 */
export async function completeSecondFactor(token: string | undefined, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  if (!token || token.length > MAX_TOKEN_LENGTH) throw notSignedIn();
  const tokenHash = hashToken(token);
  cache.delete(tokenHash);
  const fresh = randomBytes(32).toString("base64url");
  const expiresAt = expiry();
  await db().$transaction(async (tx) => {
    const old = await tx.session.findUnique({ where: { tokenHash }, select: { id: true, userId: true, method: true, expiresAt: true } });
    if (!old || old.expiresAt <= now) throw notSignedIn();
    // Two tabs giving the code at once: one replaces the session, the other is told to sign in.
    const { count } = await tx.session.deleteMany({ where: { id: old.id } });
    if (!count) throw notSignedIn();
    await tx.session.create({ data: { tokenHash: hashToken(fresh), userId: old.userId, method: old.method, secondFactorAt: now, expiresAt } });
    await recordPersonAudit(tx, old.userId, { action: "SIGN_IN", actorId: old.userId, subjectId: old.userId, detail: { method: "TWO_FACTOR", firstFactor: old.method } });
  });
  return { token: fresh, expiresAt };
}
