import { db } from "../db";
import { AppError } from "../errors";
import { assertStudent } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { claimInvitation } from "./internal/claim-invitation";
import { AnswerInvitationSchema } from "./schemas";

// The student's side of a roster invitation: it waits on their dashboard, addressed to their
// account's email, until they accept (and join) or decline. Nothing about the class is
// theirs to see before they accept, beyond its name and its teacher's.
//
// A teacher's account is never offered one: listing gives an empty list and answering is
// refused as "only for students", so a teacher named on a stranger's roster never becomes a
// student of the class, and the inviting teacher cannot tell their row from anyone else's
// (decision 012).

// Also what another student's invitation id answers, so ids cannot be probed.
const NOT_OPEN = () => new AppError("That invitation is no longer open: it has been answered already, or your teacher withdrew it.", 404);

const addressedTo = (student: SessionUser, invitationId: string) => ({ id: invitationId, email: student.email.toLowerCase() });

/** Open invitations for the student's email, leaving out classes they are already in (joined by code). */
export async function listMyInvitations(user: SessionUser) {
  if (user.role !== "STUDENT") return [];
  const rows = await db().invitation.findMany({
    where: {
      email: user.email.toLowerCase(),
      acceptedAt: null,
      declinedAt: null,
      classroom: { enrolments: { none: { studentId: user.id } } },
    },
    orderBy: { createdAt: "desc" },
    // The teacher who sent it, who may be a co-teacher of the class rather than its owner.
    select: { id: true, createdAt: true, classroom: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, classroomName: r.classroom.name, teacherName: r.invitedBy.name, invitedAt: r.createdAt }));
}

/**
 * Joins the class, in one transaction and once: the invitation must be open and addressed
 * to this student's email, so another student's id reads as not found.
 */
export async function acceptMyInvitation(user: SessionUser, raw: { invitationId: string }) {
  assertStudent(user);
  const { invitationId } = AnswerInvitationSchema.parse(raw);
  const joined = await db().$transaction((tx) => claimInvitation(tx, user.id, addressedTo(user, invitationId)));
  if (!joined) throw NOT_OPEN();
  return joined;
}

/** Says no. Only the time is kept, not who answered; the teacher sees "declined". */
export async function declineMyInvitation(user: SessionUser, raw: { invitationId: string }) {
  assertStudent(user);
  const { invitationId } = AnswerInvitationSchema.parse(raw);
  const { count } = await db().invitation.updateMany({
    where: { ...addressedTo(user, invitationId), acceptedAt: null, declinedAt: null },
    data: { declinedAt: new Date() },
  });
  if (!count) throw NOT_OPEN();
}
