import type { Prisma } from "../../generated/prisma/client";
import { recordClassAudit } from "../../audit/scoped";

// Unguarded: the callers (acceptInvitation by link, acceptMyInvitation from the dashboard)
// have already checked that the user is a student and how they may name the invitation.

/**
 * Marks one open invitation accepted by the student and enrols them, inside the caller's
 * transaction; null when no open invitation matches. The conditional update is what makes an
 * invitation single-use under concurrency: a second acceptance waits on the row and then
 * finds it already accepted (or declined).
 */
export async function claimInvitation(
  tx: Prisma.TransactionClient,
  studentId: string,
  where: Prisma.InvitationWhereInput,
): Promise<{ classroomId: string; classroomName: string } | null> {
  const open = { ...where, acceptedAt: null, declinedAt: null };
  const invitation = await tx.invitation.findFirst({ where: open, select: { id: true, classroomId: true, classroom: { select: { name: true } } } });
  if (!invitation) return null;
  const { count } = await tx.invitation.updateMany({ where: { ...open, id: invitation.id }, data: { acceptedAt: new Date(), acceptedById: studentId } });
  if (!count) return null;
  const joined = await tx.enrolment.createMany({ data: [{ classroomId: invitation.classroomId, studentId }], skipDuplicates: true });
  if (joined.count) await recordClassAudit(tx, invitation.classroomId, { action: "ENROLMENT_CHANGED", actorId: studentId, subjectId: studentId, detail: { change: "joined", via: "invitation" } });
  return { classroomId: invitation.classroomId, classroomName: invitation.classroom.name };
}
