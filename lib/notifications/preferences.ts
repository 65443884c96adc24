import "server-only";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import type { NotificationKind } from "../generated/prisma/enums";
import type { SessionUser } from "../auth/sessions";
import { kindInfo, kindsFor, wantsEmail, type KindInfo } from "./kinds";
import { EmailPreferencesSchema } from "./schemas";
import { makeUnsubscribeToken, readUnsubscribeToken } from "./unsubscribe-token";

// Who wants which notifications by email (decision 047). In-app notifications are always
// kept; email is per kind, on by default, changed on /account/notifications or by the
// one-click unsubscribe link in every email.

export type EmailChoice = KindInfo & { email: boolean };

/** The kinds this person can receive, each with whether it is emailed. */
export async function getEmailChoices(user: SessionUser): Promise<EmailChoice[]> {
  const stored = await db().notificationPreference.findMany({ where: { userId: user.id }, select: { kind: true, email: true } });
  return kindsFor(user.role).map((k) => ({ ...k, email: wantsEmail(k.kind, stored) }));
}

/** Saves the whole form: the ticked kinds are emailed, the person's other kinds are not. */
export async function setEmailChoices(user: SessionUser, raw: unknown): Promise<EmailChoice[]> {
  const { email } = EmailPreferencesSchema.parse(raw);
  const kinds = kindsFor(user.role);
  // A teacher's kinds ticked by a student (only a hand-made request can): refused, not ignored.
  if (email.some((k) => !kinds.some((own) => own.kind === k))) {
    throw new AppError("Those are not emails you can get. Nothing was changed.", 400, { email: ["Choose from the kinds of email listed."] });
  }
  await db().$transaction(
    kinds.map((k) =>
      db().notificationPreference.upsert({
        where: { userId_kind: { userId: user.id, kind: k.kind } },
        create: { userId: user.id, kind: k.kind, email: email.includes(k.kind) },
        update: { email: email.includes(k.kind) },
      }),
    ),
  );
  return getEmailChoices(user);
}

/** Whether this person wants this kind emailed now (the email job asks just before sending). */
export async function emailWanted(userId: string, kind: NotificationKind): Promise<boolean> {
  const stored = await db().notificationPreference.findMany({ where: { userId, kind }, select: { kind: true, email: true } });
  return wantsEmail(kind, stored);
}

export function unsubscribeTokenFor(userId: string, kind: NotificationKind): string {
  return makeUnsubscribeToken(env().SESSION_SECRET, userId, kind);
}

export type UnsubscribeTarget = { userId: string; kind: NotificationKind; label: string; email: string };

/** What an unsubscribe link names (for its confirmation page), or null for a bad or stale link. */
export async function readUnsubscribeLink(token: string): Promise<UnsubscribeTarget | null> {
  const named = readUnsubscribeToken(env().SESSION_SECRET, token);
  if (!named) return null;
  const user = await db().user.findUnique({ where: { id: named.userId }, select: { email: true } });
  if (!user) return null;
  return { ...named, label: kindInfo(named.kind).label, email: user.email };
}

/**
 * Turns one kind of email off for the person a token names. No session is needed: the token
 * is the proof (RFC 8058's one-click POST comes from the mail client, without cookies).
 * Idempotent. Returns null when the token is not valid (the caller answers 400 or 404).
 */
export async function unsubscribe(token: string): Promise<UnsubscribeTarget | null> {
  const target = await readUnsubscribeLink(token);
  if (!target) return null;
  await db().notificationPreference.upsert({
    where: { userId_kind: { userId: target.userId, kind: target.kind } },
    create: { userId: target.userId, kind: target.kind, email: false },
    update: { email: false },
  });
  return target;
}
