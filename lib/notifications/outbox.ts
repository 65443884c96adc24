import "server-only";
import { db } from "../db";
import { notFound } from "../errors";
import type { SessionUser } from "../auth/sessions";
import { mailIsConfigured } from "./mailer";

// The developer outbox (decision 047): with no SMTP_URL, emails are kept here instead of sent,
// so the embedded demo shows what would have gone out. Each person sees only the mail that
// was addressed to them: the outbox holds other people's names and feedback.

export type OutboxItem = { id: string; to: string; subject: string; text: string; html: string; headers: Record<string, string>; createdAt: Date };

export async function listOwnOutbox(user: SessionUser): Promise<{ configured: boolean; items: OutboxItem[] }> {
  const rows = await db().outboxMail.findMany({
    where: { userId: user.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, to: true, subject: true, text: true, html: true, headers: true, createdAt: true },
  });
  return { configured: mailIsConfigured(), items: rows.map((r) => ({ ...r, headers: (r.headers ?? {}) as Record<string, string> })) };
}

export async function getOwnOutboxMail(user: SessionUser, id: string): Promise<OutboxItem> {
  const row = await db().outboxMail.findFirst({
    where: { id, userId: user.id },
    select: { id: true, to: true, subject: true, text: true, html: true, headers: true, createdAt: true },
  });
  if (!row) throw notFound("That email");
  return { ...row, headers: (row.headers ?? {}) as Record<string, string> };
}
