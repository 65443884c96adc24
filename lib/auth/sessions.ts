import { createHmac, randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../env";

export const SESSION_COOKIE = "extent_session";
const SESSION_DAYS = 30;
// A session used in its second half is extended, so active users stay signed in.
const RENEW_AFTER_MS = (SESSION_DAYS / 2) * 24 * 60 * 60 * 1000;

export type SessionUser = { id: string; name: string; email: string; role: "STUDENT" | "TEACHER" };

function hashToken(token: string): string {
  return createHmac("sha256", env().SESSION_SECRET).update(token).digest("base64url");
}

const expiry = () => new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);

export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = expiry();
  await db().session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function findSessionUser(token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const session = await db().session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, expiresAt: true, user: { select: { id: true, name: true, email: true, role: true } } },
  });
  if (!session) return null;
  const left = session.expiresAt.getTime() - Date.now();
  if (left <= 0) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (left < RENEW_AFTER_MS) {
    await db().session.update({ where: { id: session.id }, data: { expiresAt: expiry() } });
  }
  return session.user;
}

export async function deleteSession(token: string | undefined): Promise<void> {
  if (!token) return;
  await db().session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
