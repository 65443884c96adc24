import "server-only";
import { db } from "../db";
import { notFound } from "../errors";
import type { SessionUser } from "../auth/sessions";
import type { InboxCursor } from "./inbox-cursor";

// The in-app inbox (decision 047): a person's own notifications, newest first. Every read and
// write is scoped by the session's user id in the query itself, so another person's
// notification is "not found", never shown or marked.

export const INBOX_PAGE_SIZE = 30;

export type InboxItem = {
  id: string;
  kind: string;
  title: string;
  body: string;
  href: string;
  createdAt: Date;
  readAt: Date | null;
};

const itemSelect = { id: true, kind: true, title: true, body: true, href: true, createdAt: true, readAt: true } as const;

/**
 * The newest notifications (a page of them, older than `before` when given) and whether more
 * exist. `before` is the last item of the previous page: its time and id together, since
 * one event can notify a person of two things in the same millisecond (lib/notifications/inbox-cursor.ts).
 */
export async function listNotifications(user: SessionUser, { before }: { before?: Date | InboxCursor } = {}): Promise<{ items: InboxItem[]; more: boolean }> {
  const cursor = before instanceof Date ? { at: before, id: null } : before;
  const older = cursor
    ? cursor.id
      ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] }
      : { createdAt: { lt: cursor.at } }
    : {};
  const rows = await db().notification.findMany({
    where: { userId: user.id, ...older },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: INBOX_PAGE_SIZE + 1,
    select: itemSelect,
  });
  return { items: rows.slice(0, INBOX_PAGE_SIZE), more: rows.length > INBOX_PAGE_SIZE };
}

/** The bell's number. Capped, because "99+" is all the bell shows past it. */
export async function unreadCount(userId: string): Promise<number> {
  const rows = await db().notification.findMany({ where: { userId, readAt: null }, select: { id: true }, take: 100 });
  return rows.length;
}

/** Marks one read (again is harmless) and says where it leads. */
export async function openNotification(user: SessionUser, id: string): Promise<{ href: string }> {
  const row = await db().notification.findFirst({ where: { id, userId: user.id }, select: { href: true, readAt: true } });
  if (!row) throw notFound("That notification");
  if (!row.readAt) await db().notification.updateMany({ where: { id, userId: user.id, readAt: null }, data: { readAt: new Date() } });
  return { href: row.href };
}

export async function markRead(user: SessionUser, ids: string[]): Promise<number> {
  const { count } = await db().notification.updateMany({ where: { id: { in: ids }, userId: user.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}

export async function markAllRead(user: SessionUser): Promise<number> {
  const { count } = await db().notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}
