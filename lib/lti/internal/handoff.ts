import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../../db";
import { env } from "../../env";
import { sessionTokenHash } from "../../auth/session-token";

// "Open in a new tab" (decision 036). The session inside the LMS frame lives in a Partitioned
// cookie the top-level tab cannot see, so the launch also mints a one-time token; the frame's
// link carries it to /lti/open/<token>, which opens an ordinary session in the new tab.

export const HANDOFF_TTL_MS = 8 * 60 * 60 * 1000;
const hash = (token: string) => sessionTokenHash(env().SESSION_SECRET, `lti-handoff:${token}`);

export async function createHandoff(userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db().ltiHandoff.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await db().ltiHandoff.create({ data: { tokenHash: hash(token), userId, path: "/dashboard", expiresAt: new Date(Date.now() + HANDOFF_TTL_MS) } });
  return token;
}

/** The account a handoff token opens, once: the row goes as it is read. */
export async function redeemHandoff(token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db().$queryRaw<{ userId: string; expiresAt: Date }[]>`
    DELETE FROM "LtiHandoff" WHERE "tokenHash" = ${hash(token)} RETURNING "userId", "expiresAt"`;
  return row && new Date(row.expiresAt) > new Date() ? row.userId : null;
}
