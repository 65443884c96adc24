import "server-only";
import { db } from "../db";
import { enqueue } from "../jobs/enqueue";
import { wantsEmail } from "./kinds";
import type { Message } from "./messages";
import { isDeliverable } from "./mailer";

export type Addressed = Message & { userId: string };

/**
 * Writes notifications and, in the same transaction, one email job for each new one its
 * person wants by email (decision 047). A (person, dedupe key) already there is skipped, so a
 * retried job or a second worker adds nothing and emails nobody twice. Returns how many are new.
 */
export async function createNotifications(items: Addressed[]): Promise<number> {
  if (!items.length) return 0;
  return db().$transaction(async (tx) => {
    const created = await tx.notification.createManyAndReturn({
      data: items.map(({ userId, kind, title, body, href, dedupeKey }) => ({ userId, kind, title, body, href, dedupeKey })),
      skipDuplicates: true,
      select: { id: true, userId: true, kind: true, user: { select: { email: true } } },
    });
    if (!created.length) return 0;
    const userIds = [...new Set(created.map((c) => c.userId))];
    const stored = await tx.notificationPreference.findMany({ where: { userId: { in: userIds } }, select: { userId: true, kind: true, email: true } });
    for (const n of created) {
      if (!isDeliverable(n.user.email)) continue;
      if (!wantsEmail(n.kind, stored.filter((p) => p.userId === n.userId))) continue;
      await enqueue(tx, "email", { notificationId: n.id });
    }
    return created.length;
  });
}
