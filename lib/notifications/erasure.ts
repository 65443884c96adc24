import "server-only";
import type { Prisma } from "../generated/prisma/client";

// Deletion (decision 042) reaches notifications (decision 047). A person's own notifications go
// with their account (cascade); these are the ones in other people's inboxes that are about
// them or their class: "Amira Khan responded to your feedback" in a teacher's inbox, a
// student's "Feedback returned" for a class that no longer exists, and the outbox copies.
// They are found by their links, which name the student or the assignment.

type Tx = Prisma.TransactionClient;

export async function forgetNotificationsAbout(tx: Tx, about: { studentId: string } | { assignmentIds: string[] }): Promise<number> {
  if ("assignmentIds" in about && !about.assignmentIds.length) return 0;
  const where: Prisma.NotificationWhereInput =
    "studentId" in about
      ? { href: { contains: `/students/${about.studentId}/` } }
      : { OR: about.assignmentIds.map((id) => ({ OR: [{ href: `/assignments/${id}` }, { href: { startsWith: `/assignments/${id}/` } }, { href: { startsWith: `/assignments/${id}?` } }] })) };
  const ids = (await tx.notification.findMany({ where, select: { id: true } })).map((n) => n.id);
  if (!ids.length) return 0;
  await tx.outboxMail.deleteMany({ where: { notificationId: { in: ids } } });
  const { count } = await tx.notification.deleteMany({ where: { id: { in: ids } } });
  return count;
}
