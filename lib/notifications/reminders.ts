import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { appTimeZone } from "../env";
import { cancel, enqueue } from "../jobs/enqueue";
import { createNotifications } from "./create";
import { dueSoon } from "./messages";
import { reminderTime } from "./reminder-time";

// "Due in 24 hours" reminders (decision 047). Each open assignment has at most one Reminder
// row naming the pg-boss job that will send it, delayed until a day before the deadline.
// Setting, moving, closing and reopening an assignment call scheduleReminder inside the same
// transaction: an unchanged due date keeps its job; a moved one cancels it and schedules
// another; a closed assignment keeps none. When the job runs, it reminds only the students who
// have not handed anything in — submitting is what takes a student off the list — and only if
// the due date is still the one it was scheduled for.

export { REMINDER_LEAD_MS } from "./reminder-time";

type Schedule = { assignmentId: string; dueAt: Date; open: boolean; justSet?: boolean };

export async function scheduleReminder(tx: Prisma.TransactionClient, { assignmentId, dueAt, open, justSet = false }: Schedule, now = new Date()): Promise<void> {
  const existing = await tx.reminder.findUnique({ where: { assignmentId }, select: { dueAt: true, jobId: true } });
  if (existing && open && existing.dueAt.getTime() === dueAt.getTime()) return;
  if (existing) {
    if (existing.jobId) await cancel(tx, "due-reminder", existing.jobId);
    await tx.reminder.delete({ where: { assignmentId } });
  }
  if (!open) return;
  const sendAt = reminderTime(dueAt, now);
  // Set with less than a day to go: the "new essay" notification already says when it is due.
  if (!sendAt || (justSet && sendAt.getTime() === now.getTime())) return;
  const jobId = await enqueue(tx, "due-reminder", { assignmentId, dueAt: dueAt.toISOString() }, { startAfter: sendAt });
  await tx.reminder.create({ data: { assignmentId, dueAt, sendAt, jobId } });
}

/** The "due-reminder" job. Returns how many students were reminded. */
export async function sendDueReminder({ assignmentId, dueAt }: { assignmentId: string; dueAt: string }, now = new Date()): Promise<number> {
  const a = await db().assignment.findUnique({
    where: { id: assignmentId },
    select: {
      id: true,
      dueAt: true,
      status: true,
      question: { select: { text: true } },
      classroom: {
        select: {
          name: true,
          closedAt: true,
          enrolments: { select: { studentId: true, student: { select: { drafts: { where: { assignmentId }, select: { wordCount: true, _count: { select: { submissions: true } } } } } } } },
        },
      },
    },
  });
  // Moved, closed or past: a stale job (its cancellation raced it) does nothing.
  if (!a || a.status !== "OPEN" || a.classroom.closedAt || a.dueAt.toISOString() !== dueAt || a.dueAt.getTime() <= now.getTime()) return 0;
  const zone = appTimeZone();
  const items = a.classroom.enrolments.flatMap((e) => {
    const draft = e.student.drafts[0];
    if (draft && draft._count.submissions > 0) return [];
    const message = dueSoon({ assignmentId: a.id, question: a.question.text, className: a.classroom.name, dueAt: a.dueAt, hasDraft: (draft?.wordCount ?? 0) > 0 }, zone);
    return [{ ...message, userId: e.studentId }];
  });
  // The Reminder row stays: an edit that keeps this due date then schedules nothing new.
  return createNotifications(items);
}
