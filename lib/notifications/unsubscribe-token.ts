import { createHmac, timingSafeEqual } from "node:crypto";
import type { NotificationKind } from "../generated/prisma/enums";
import { isNotificationKind } from "./kinds";

// The one-click unsubscribe link's token (RFC 8058, decision 047): who and which kind, with an
// HMAC under SESSION_SECRET so it cannot be made for someone else. It does not expire: a link
// in a months-old email must still work, and all it can do is turn one kind of email off.
// Pure given the secret, so it is unit-tested without a database.

const PURPOSE = "extent:unsubscribe:v1";

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", secret).update(`${PURPOSE}\u0000${payload}`).digest();
}

export function makeUnsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  const payload = Buffer.from(`${userId}:${kind}`).toString("base64url");
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

/** The person and kind a token names, or null for anything altered, truncated or made up. */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: NotificationKind } | null {
  if (typeof token !== "string" || token.length > 300) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  // Compared as text, not decoded bytes: a 32-byte MAC's last base64url character carries two
  // unused bits, so decoding would accept four spellings of one signature (an altered last
  // character could still pass). Only the one the app wrote is accepted.
  const expected = Buffer.from(mac(secret, payload).toString("base64url"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [userId, kind, more] = Buffer.from(payload, "base64url").toString("utf8").split(":");
  if (!userId || !kind || more !== undefined || !isNotificationKind(kind)) return null;
  return { userId, kind };
}
