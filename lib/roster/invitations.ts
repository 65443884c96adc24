import { db } from "../db";
import { AppError, notFound } from "../errors";
import { assertStudent, assertTeacher, requireTeacherOf, taughtBy } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import type { Prisma } from "../generated/prisma/client";
import { claimInvitation } from "./internal/claim-invitation";
import { INVITATION_TOKEN, RevokeInvitationSchema } from "./schemas";

// An invitation is a place in one class offered to an email on an imported roster. Its link
// leads to sign-up (or, signed in, to a one-click join); the student whose account has the
// email also sees it on their dashboard (my-invitations.ts). Either way only the student's
// own Accept enrols them, once (decision 012).

export const INVITATION_UNUSABLE =
  "This invitation link has already been used, was declined, or was withdrawn by the teacher, so nothing was changed. Ask your teacher for a new link, or join with the class code.";

export type InvitationStatus = "waiting" | "declined";

/**
 * Invitations not yet accepted, for the class's teacher (who can copy a link again). Every
 * row looks the same whoever the email belongs to; "declined" is the student's own answer.
 */
export async function listInvitations(user: SessionUser, classroomId: string) {
  await requireTeacherOf(user, classroomId);
  const invitations = await db().invitation.findMany({
    where: { classroomId, acceptedAt: null },
    select: { id: true, name: true, email: true, token: true, createdAt: true, declinedAt: true },
  });
  // Sorted here, not in SQL: the embedded database collates bytewise ("Łukasz"
  // after "Zak"), a PostgreSQL server by its locale; a class list reads alphabetically.
  return invitations
    .map(({ declinedAt, ...i }) => ({ ...i, status: (declinedAt ? "declined" : "waiting") as InvitationStatus }))
    .sort((a, b) => byName.compare(a.name, b.name) || a.email.localeCompare(b.email));
}

const byName = new Intl.Collator("en-GB", { sensitivity: "base" });

/** Withdraws a waiting or declined invitation; its link stops working and the row may be imported afresh. Returns the class to refresh. */
export async function revokeInvitation(user: SessionUser, raw: { invitationId: string }): Promise<{ classroomId: string }> {
  assertTeacher(user);
  const { invitationId } = RevokeInvitationSchema.parse(raw);
  // Scoped to the classes the teacher teaches, so another teacher's ids read as not found.
  const invitation = await db().invitation.findFirst({
    where: { id: invitationId, classroom: taughtBy(user.id) },
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
    select: { name: true, email: true, acceptedAt: true, declinedAt: true, classroom: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.declinedAt) return null;
  return { classroomName: invitation.classroom.name, teacherName: invitation.invitedBy.name, name: invitation.name, email: invitation.email };
}

/**
 * The holder of a link accepts it: enrols the student in the invitation's class and marks it
 * used. The link is the teacher's to send, so whoever they gave it to may use it, under any
 * address. Pass the transaction that created the account (sign-up) so a bad link leaves
 * nothing behind; without one it runs in its own.
 */
export async function acceptInvitation(student: SessionUser, token: string, tx?: Prisma.TransactionClient): Promise<{ classroomId: string; classroomName: string }> {
  assertStudent(student);
  if (!tx) return db().$transaction((t) => acceptInvitation(student, token, t));
  if (!INVITATION_TOKEN.test(token)) throw new AppError(INVITATION_UNUSABLE, 404);
  const claimed = await claimInvitation(tx, student.id, { token });
  if (!claimed) throw new AppError(INVITATION_UNUSABLE, 404);
  return claimed;
}
