import { db } from "../db";
import { AppError, notFound } from "../errors";
import { assertStudent, assertTeacher, requireTeacherOf } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import type { Prisma } from "../generated/prisma/client";
import { INVITATION_TOKEN, RevokeInvitationSchema } from "./schemas";

// An invitation is a place in one class for an email on an imported roster with no account
// yet. Its link leads to sign-up; creating the account through it enrols the student, once.

export const INVITATION_UNUSABLE =
  "This invitation link has already been used or was withdrawn by the teacher, so no account was created. Ask your teacher for a new link, or create an account without it and join with the class code.";

/** Invitations not yet accepted, for the class's teacher (who can copy a link again). */
export async function listInvitations(user: SessionUser, classroomId: string) {
  await requireTeacherOf(user, classroomId);
  const invitations = await db().invitation.findMany({
    where: { classroomId, acceptedAt: null },
    select: { id: true, name: true, email: true, token: true, createdAt: true },
  });
  // Sorted here, not in SQL: the embedded database collates bytewise ("Łukasz"
  // after "Zak"), a PostgreSQL server by its locale; a class list reads alphabetically.
  return invitations.sort((a, b) => byName.compare(a.name, b.name) || a.email.localeCompare(b.email));
}

const byName = new Intl.Collator("en-GB", { sensitivity: "base" });

/** Withdraws a pending invitation; its link stops working. Returns the class to refresh. */
export async function revokeInvitation(user: SessionUser, raw: { invitationId: string }): Promise<{ classroomId: string }> {
  assertTeacher(user);
  const { invitationId } = RevokeInvitationSchema.parse(raw);
  // Scoped to the teacher's own classes, so another teacher's ids read as not found.
  const invitation = await db().invitation.findFirst({
    where: { id: invitationId, classroom: { teacherId: user.id } },
    select: { classroomId: true },
  });
  if (!invitation) throw notFound("That invitation");
  const { count } = await db().invitation.deleteMany({ where: { id: invitationId, acceptedAt: null } });
  if (!count) throw new AppError("That invitation has already been used to join the class, so there is nothing to withdraw.", 409);
  return invitation;
}

/** Public: what the sign-up page shows for a link, or null if it cannot be used. */
export async function getInvitation(token: string | undefined) {
  if (!token || !INVITATION_TOKEN.test(token)) return null;
  const invitation = await db().invitation.findUnique({
    where: { token },
    select: { name: true, email: true, acceptedAt: true, classroom: { select: { name: true, teacher: { select: { name: true } } } } },
  });
  if (!invitation || invitation.acceptedAt) return null;
  return { classroomName: invitation.classroom.name, teacherName: invitation.classroom.teacher.name, name: invitation.name, email: invitation.email };
}

/**
 * Enrols the student in the invitation's class and marks it used. Pass the transaction that
 * created the account (sign-up) so a bad link leaves nothing behind; without one it runs in
 * its own. The conditional update is what makes a link single-use under concurrency: a second
 * acceptance waits on the row and then finds it already accepted.
 */
export async function acceptInvitation(student: SessionUser, token: string, tx?: Prisma.TransactionClient): Promise<{ classroomId: string; classroomName: string }> {
  assertStudent(student);
  if (!tx) return db().$transaction((t) => acceptInvitation(student, token, t));
  if (!INVITATION_TOKEN.test(token)) throw new AppError(INVITATION_UNUSABLE, 404);
  const invitation = await tx.invitation.findUnique({ where: { token }, select: { id: true, classroomId: true, classroom: { select: { name: true } } } });
  if (!invitation) throw new AppError(INVITATION_UNUSABLE, 404);
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null },
    data: { acceptedAt: new Date(), acceptedById: student.id },
  });
  if (!count) throw new AppError(INVITATION_UNUSABLE, 404);
  await tx.enrolment.createMany({ data: [{ classroomId: invitation.classroomId, studentId: student.id }], skipDuplicates: true });
  return { classroomId: invitation.classroomId, classroomName: invitation.classroom.name };
}
