import "server-only";
import { db } from "../db";
import { appOrigin, mailSettings } from "../env";
import { kindInfo } from "./kinds";
import { renderEmail, mailDomainOf } from "./email";
import { isDeliverable, sendEmail } from "./mailer";
import { emailWanted, unsubscribeTokenFor } from "./preferences";

// The "email" job (decision 047): one notification, one email. The person's choice is read
// again now (they may have unsubscribed since it was queued). The send is claimed first
// (emailClaimedAt), so two jobs for one notification, or two workers, send it once: a job
// that finds another's claim throws and is retried, and by then the email is sent (emailedAt)
// or the claim is gone. A failed send releases its claim and throws, and the queue retries.
// A process killed mid-send leaves a claim that lapses after EMAIL_CLAIM_MS, and the job's
// retry sends the email: at least once, and a second copy only if the process died after the
// server took the message, with the same Message-ID.

export type Delivery = "sent" | "already" | "unwanted" | "gone";

/** Longer than a send can take (the mailer's timeouts, the job's 120 s expiry): only a dead sender's claim lapses. */
export const EMAIL_CLAIM_MS = 5 * 60_000;

/** Another job is sending this email now: the queue tries again later. */
export class EmailClaimed extends Error {
  constructor(notificationId: string) {
    super(`The email for notification ${notificationId} is being sent by another job; trying again later.`);
  }
}

export async function deliverNotificationEmail(notificationId: string): Promise<Delivery> {
  const n = await db().notification.findUnique({
    where: { id: notificationId },
    select: { id: true, userId: true, kind: true, title: true, body: true, href: true, emailedAt: true, user: { select: { email: true, name: true } } },
  });
  if (!n) return "gone";
  if (n.emailedAt) return "already";
  if (!isDeliverable(n.user.email) || !(await emailWanted(n.userId, n.kind))) return "unwanted";

  const claimedAt = new Date();
  const lapsed = new Date(claimedAt.getTime() - EMAIL_CLAIM_MS);
  const { count } = await db().notification.updateMany({
    where: { id: n.id, emailedAt: null, OR: [{ emailClaimedAt: null }, { emailClaimedAt: { lt: lapsed } }] },
    data: { emailClaimedAt: claimedAt },
  });
  if (!count) {
    const current = await db().notification.findUnique({ where: { id: n.id }, select: { emailedAt: true } });
    if (!current) return "gone";
    if (current.emailedAt) return "already";
    throw new EmailClaimed(n.id);
  }

  const origin = appOrigin();
  const token = encodeURIComponent(unsubscribeTokenFor(n.userId, n.kind));
  const message = renderEmail({
    notificationId: n.id,
    recipientName: n.user.name,
    title: n.title,
    body: n.body,
    openUrl: new URL(`/notifications/${n.id}`, origin).href,
    unsubscribeUrl: `${origin}/unsubscribe?token=${token}`,
    unsubscribePostUrl: `${origin}/api/unsubscribe?token=${token}`,
    settingsUrl: `${origin}/account/notifications`,
    kindLabel: kindInfo(n.kind).label,
    mailDomain: mailDomainOf(mailSettings().MAIL_FROM),
  });
  try {
    await sendEmail({ userId: n.userId, email: n.user.email, name: n.user.name }, message, { notificationId: n.id });
  } catch (e) {
    await db().notification.updateMany({ where: { id: n.id, emailClaimedAt: claimedAt }, data: { emailClaimedAt: null } });
    throw e;
  }
  // updateMany: the person (and so the row) may have been deleted while it was sent.
  await db().notification.updateMany({ where: { id: n.id }, data: { emailedAt: new Date(), emailClaimedAt: null } });
  return "sent";
}
