import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { classHref } from "./messages";

// Deletion (decision 042) reaches notifications (decision 047). A person's own notifications go
// with their account (cascade); these are the ones in other people's inboxes that are about
// them or their class: "Amira Khan responded to your feedback" in a teacher's inbox, a
// student's "Feedback returned" for a class that no longer exists, and the outbox copies.
// They are found by their links, which name the student, the assignment or the class.

type Tx = Prisma.TransactionClient;

export async function forgetNotificationsAbout(tx: Tx, about: { studentId: string } | { classroomId: string; assignmentIds: string[] }): Promise<number> {
  const where: Prisma.NotificationWhereInput =
    "studentId" in about
      ? { href: { contains: `/students/${about.studentId}/` } }
      : { OR: [classHref(about.classroomId), ...about.assignmentIds.map((id) => `/assignments/${id}`)].map(linksTo) };
  const ids = (await tx.notification.findMany({ where, select: { id: true } })).map((n) => n.id);
  if (!ids.length) return 0;
  await tx.outboxMail.deleteMany({ where: { notificationId: { in: ids } } });
  const { count } = await tx.notification.deleteMany({ where: { id: { in: ids } } });
  return count;
}

/** A link to the page at `path` or below it, or to it with a query. */
function linksTo(path: string): Prisma.NotificationWhereInput {
  return { OR: [{ href: path }, { href: { startsWith: `${path}/` } }, { href: { startsWith: `${path}?` } }] };
}

/**
 * A class's deletion notice withdrawn (reopened, or the school lengthened its period): the
 * "will be deleted" notifications go from its teachers' inboxes too, so none is left saying a
 * kept class is about to go. Emails already sent stay sent.
 */
export async function withdrawClassDeletionNotices(tx: Tx, classroomId: string): Promise<number> {
  const { count } = await tx.notification.deleteMany({ where: { kind: "CLASS_TO_BE_DELETED", href: classHref(classroomId) } });
  return count;
}
