import "server-only";
import { db } from "../db";

// Notifications are a prompt, not a record (decision 047): the marks, feedback and work they
// point to are kept elsewhere. The daily retention run removes them after six months, and the
// developer outbox's copies after a month, so neither grows without end.

export const NOTIFICATION_DAYS = 180;
export const OUTBOX_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function expireNotifications(now: Date): Promise<number> {
  await db().outboxMail.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - OUTBOX_DAYS * DAY_MS) } } });
  const { count } = await db().notification.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - NOTIFICATION_DAYS * DAY_MS) } } });
  return count;
}
