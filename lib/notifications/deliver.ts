import "server-only";
import { db } from "../db";
import { appOrigin, mailSettings } from "../env";
import { kindInfo } from "./kinds";
import { renderEmail, mailDomainOf } from "./email";
import { isDeliverable, sendEmail } from "./mailer";
import { emailWanted, unsubscribeTokenFor } from "./preferences";

// The "email" job (decision 047): one notification, one email. The person's choice is read
// again now (they may have unsubscribed since it was queued). The row is claimed before
// sending (emailedAt set where it was null), so two jobs for one notification, or two
// workers, send it once; a failed send releases the claim and throws, and the queue retries.
// A process killed mid-send loses that one email rather than risking a second copy.

export type Delivery = "sent" | "already" | "unwanted" | "gone";

export async function deliverNotificationEmail(notificationId: string): Promise<Delivery> {
  const n = await db().notification.findUnique({
    where: { id: notificationId },
    select: { id: true, userId: true, kind: true, title: true, body: true, href: true, emailedAt: true, user: { select: { email: true, name: true } } },
  });
  if (!n) return "gone";
  if (n.emailedAt) return "already";
  if (!isDeliverable(n.user.email) || !(await emailWanted(n.userId, n.kind))) return "unwanted";

  const claimedAt = new Date();
  const { count } = await db().notification.updateMany({ where: { id: n.id, emailedAt: null }, data: { emailedAt: claimedAt } });
  if (!count) return "already";

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
    await db().notification.updateMany({ where: { id: n.id, emailedAt: claimedAt }, data: { emailedAt: null } });
    throw e;
  }
  return "sent";
}
