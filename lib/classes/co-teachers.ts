import { randomBytes } from "node:crypto";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { assertTeacher, requireOwnerOf, requireTeacherOf, type ClassTeacherRole } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { InviteCoTeacherSchema, RemoveCoTeacherSchema, TeacherInvitationIdSchema, ClassroomIdSchema } from "./schemas";
import { recordClassAudit } from "../audit/scoped";

// The owner's side of co-teaching (decision 025): who teaches a class, inviting another
// teacher by email, withdrawing an invitation, removing a co-teacher; and a co-teacher leaving.
// Inviting never looks at accounts, so the answer is the same for a teacher's email, a
// student's and an unknown one; only a TEACHER account with the email can accept
// (my-teacher-invitations.ts). Removing deletes the membership row, which every guard reads,
// so the removed teacher is refused from their next request on.

export const newTeacherInvitationToken = () => randomBytes(32).toString("base64url");

export type TeacherInvitationStatus = "waiting" | "declined";

const byName = new Intl.Collator("en-GB", { sensitivity: "base" });

/** Everyone who teaches the class, the owner first; the owner also gets the open invitations. */
export async function getClassTeachers(user: SessionUser, classroomId: string) {
  const { role: viewerRole } = await requireTeacherOf(user, classroomId);
  const [rows, invitations] = await Promise.all([
    db().classTeacher.findMany({
      where: { classroomId },
      select: { role: true, addedAt: true, teacher: { select: { id: true, name: true, email: true } } },
    }),
    viewerRole === "OWNER"
      ? db().teacherInvitation.findMany({
          where: { classroomId, acceptedAt: null },
          orderBy: { createdAt: "asc" },
          select: { id: true, email: true, token: true, createdAt: true, declinedAt: true },
        })
      : Promise.resolve([]),
  ]);
  // Sorted here, not in SQL: the embedded database collates bytewise (see lib/roster/invitations.ts).
  const teachers = rows
    .map((r) => ({ ...r.teacher, role: r.role as ClassTeacherRole, addedAt: r.addedAt }))
    .sort((a, b) => (a.role === b.role ? byName.compare(a.name, b.name) : a.role === "OWNER" ? -1 : 1));
  return {
    viewerRole,
    teachers,
    invitations: invitations.map(({ declinedAt, ...i }) => ({ ...i, status: (declinedAt ? "declined" : "waiting") as TeacherInvitationStatus })),
  };
}

/** The names of the class's teachers, owner first: the marking desk names who marked when there are several. */
export async function listClassTeacherNames(user: SessionUser, classroomId: string): Promise<string[]> {
  await requireTeacherOf(user, classroomId);
  const rows = await db().classTeacher.findMany({ where: { classroomId }, select: { role: true, teacher: { select: { name: true } } } });
  return rows
    .sort((a, b) => (a.role === b.role ? byName.compare(a.teacher.name, b.teacher.name) : a.role === "OWNER" ? -1 : 1))
    .map((r) => r.teacher.name);
}

/**
 * Invites the teacher with `email` to co-teach. One invitation per class and email: a waiting
 * one is not sent twice, a declined one must be withdrawn first (a deliberate step, as for
 * rosters), and an accepted one whose teacher has since left is opened again on a new link.
 */
export async function inviteCoTeacher(user: SessionUser, raw: { classroomId: string; email: string }) {
  const { classroomId, email } = InviteCoTeacherSchema.parse(raw);
  await requireOwnerOf(user, classroomId);
  const alreadyTeaches = await db().classTeacher.count({ where: { classroomId, teacher: { email } } });
  if (alreadyTeaches) throw new AppError("That teacher already teaches this class.", 409, { email: ["Already a teacher of this class."] });
  const existing = await db().teacherInvitation.findUnique({
    where: { classroomId_email: { classroomId, email } },
    select: { id: true, acceptedAt: true, declinedAt: true },
  });
  if (existing && !existing.acceptedAt) {
    const why = existing.declinedAt
      ? "declined an invitation to this class. To ask again, withdraw that invitation below, then invite them afresh."
      : "has an invitation waiting already: copy its link below.";
    throw new AppError(`${email} ${why}`, 409, { email: [existing.declinedAt ? "Declined an earlier invitation." : "Already invited."] });
  }
  const token = newTeacherInvitationToken();
  const fresh = { token, invitedById: user.id, acceptedAt: null, acceptedById: null, declinedAt: null, createdAt: new Date() };
  try {
    const invitation = existing
      ? await db().teacherInvitation.update({ where: { id: existing.id }, data: fresh, select: { id: true } })
      : await db().teacherInvitation.create({ data: { ...fresh, classroomId, email }, select: { id: true } });
    return { invitationId: invitation.id, email, token };
  } catch (e) {
    // The same email invited twice at once: the second finds the first's row.
    if (!isUniqueViolation(e)) throw e;
    throw new AppError(`${email} has an invitation waiting already: copy its link below.`, 409, { email: ["Already invited."] });
  }
}

/** Withdraws a waiting or declined invitation; its link stops working. Returns the class to refresh. */
export async function revokeTeacherInvitation(user: SessionUser, raw: { invitationId: string }): Promise<{ classroomId: string }> {
  assertTeacher(user);
  const { invitationId } = TeacherInvitationIdSchema.parse(raw);
  const invitation = await db().teacherInvitation.findUnique({ where: { id: invitationId }, select: { classroomId: true } });
  if (!invitation) throw notFound("That invitation");
  // A teacher of another class reads it as not found; a co-teacher of this one is refused.
  await requireOwnerOf(user, invitation.classroomId).catch((e) => {
    throw e instanceof AppError && e.status === 404 ? notFound("That invitation") : e;
  });
  const { count } = await db().teacherInvitation.deleteMany({ where: { id: invitationId, acceptedAt: null } });
  if (!count) throw new AppError("That invitation has already been accepted, so there is nothing to withdraw.", 409);
  return invitation;
}

/** The owner takes a co-teacher off the class. The owner's own row cannot be removed this way. */
export async function removeCoTeacher(user: SessionUser, raw: { classroomId: string; teacherId: string }) {
  const { classroomId, teacherId } = RemoveCoTeacherSchema.parse(raw);
  await requireOwnerOf(user, classroomId);
  const count = await db().$transaction(async (tx) => {
    const { count } = await tx.classTeacher.deleteMany({ where: { classroomId, teacherId, role: "CO_TEACHER" } });
    if (count) await recordClassAudit(tx, classroomId, { action: "TEACHER_REMOVED", actorId: user.id, subjectId: teacherId, detail: { via: "removed by owner" } });
    return count;
  });
  if (!count) throw notFound("That co-teacher in this class");
}

/** A co-teacher leaves the class. The owner cannot: the class would have no one answerable for it. */
export async function leaveClass(user: SessionUser, raw: { classroomId: string }) {
  const { classroomId } = ClassroomIdSchema.parse(raw);
  const { role } = await requireTeacherOf(user, classroomId);
  if (role === "OWNER") throw new AppError("You own this class, so you cannot leave it. Its co-teachers stay until you remove them.", 409);
  const count = await db().$transaction(async (tx) => {
    const { count } = await tx.classTeacher.deleteMany({ where: { classroomId, teacherId: user.id, role: "CO_TEACHER" } });
    if (count) await recordClassAudit(tx, classroomId, { action: "TEACHER_REMOVED", actorId: user.id, subjectId: user.id, detail: { via: "left the class" } });
    return count;
  });
  if (!count) throw notFound("That class");
}
