import { db } from "../db";
import { AppError } from "../errors";
import { assertTeacher } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import type { Prisma } from "../generated/prisma/client";
import { TEACHER_INVITATION_TOKEN, TeacherInvitationIdSchema } from "./schemas";
import { recordClassAudit } from "../audit/scoped";

// The invited teacher's side of a co-teacher invitation (decision 025). It is addressed to an
// email and only a TEACHER account with that email may see or answer it, on the dashboard or
// through its link: a student's account with the same email is never offered it (answering is
// a teacher-only action), and a link opened by another account is "not for this account".
// Unlike a roster link, the co-teacher link is not a bearer token: it opens a class's
// students' work, so it must reach the person the owner named.

// Also what another teacher's invitation id answers, so ids cannot be probed.
const NOT_OPEN = () =>
  new AppError("That invitation is no longer open: it has been answered already, or the class's owner withdrew it.", 404);

const open = { acceptedAt: null, declinedAt: null } as const;
const addressedTo = (user: SessionUser) => ({ email: user.email.toLowerCase() });

const offerSelect = {
  id: true,
  createdAt: true,
  invitedBy: { select: { name: true } },
  classroom: { select: { id: true, name: true, subject: true, yearGroup: true } },
} as const;

type OfferRow = Prisma.TeacherInvitationGetPayload<{ select: typeof offerSelect }>;
const toOffer = (r: OfferRow) => ({
  id: r.id,
  classroomName: r.classroom.name,
  classroomDetail: `${r.classroom.subject} · ${r.classroom.yearGroup}`,
  invitedByName: r.invitedBy.name,
  invitedAt: r.createdAt,
});
export type CoTeachingOffer = ReturnType<typeof toOffer>;

/** Open invitations to co-teach, for a teacher's dashboard; empty for anyone else. */
export async function listMyTeacherInvitations(user: SessionUser): Promise<CoTeachingOffer[]> {
  if (user.role !== "TEACHER") return [];
  const rows = await db().teacherInvitation.findMany({
    where: { ...addressedTo(user), ...open, classroom: { teachers: { none: { teacherId: user.id } } } },
    orderBy: { createdAt: "desc" },
    select: offerSelect,
  });
  return rows.map(toOffer);
}

export type LinkedInvitation = { state: "open"; offer: CoTeachingOffer } | { state: "unusable" } | { state: "other-account" };

/** What the invitation link shows the signed-in account: the offer, or why it cannot answer it. */
export async function getTeacherInvitationByToken(user: SessionUser, token: string): Promise<LinkedInvitation> {
  if (!TEACHER_INVITATION_TOKEN.test(token)) return { state: "unusable" };
  const row = await db().teacherInvitation.findUnique({ where: { token }, select: { ...offerSelect, email: true, acceptedAt: true, declinedAt: true } });
  if (!row || row.acceptedAt || row.declinedAt) return { state: "unusable" };
  // The link's holder already knows the address it was sent to; nothing about accounts is told.
  if (user.role !== "TEACHER" || row.email !== user.email.toLowerCase()) return { state: "other-account" };
  return { state: "open", offer: toOffer(row) };
}

/**
 * Joins the class as a co-teacher, in one transaction and once: the conditional update makes
 * the invitation single-use under concurrency, then the membership row is written.
 */
export async function acceptTeacherInvitation(user: SessionUser, raw: { invitationId: string }) {
  assertTeacher(user);
  const { invitationId } = TeacherInvitationIdSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const where = { id: invitationId, ...addressedTo(user), ...open };
    const invitation = await tx.teacherInvitation.findFirst({ where, select: { classroomId: true, classroom: { select: { name: true } } } });
    if (!invitation) throw NOT_OPEN();
    const { count } = await tx.teacherInvitation.updateMany({ where, data: { acceptedAt: new Date(), acceptedById: user.id } });
    if (!count) throw NOT_OPEN();
    const added = await tx.classTeacher.createMany({ data: [{ classroomId: invitation.classroomId, teacherId: user.id, role: "CO_TEACHER" }], skipDuplicates: true });
    if (added.count) await recordClassAudit(tx, invitation.classroomId, { action: "TEACHER_ADDED", actorId: user.id, subjectId: user.id, detail: { via: "invitation" } });
    return { classroomId: invitation.classroomId, classroomName: invitation.classroom.name };
  });
}

/** Says no. The owner sees "declined" and may withdraw it to ask again. */
export async function declineTeacherInvitation(user: SessionUser, raw: { invitationId: string }) {
  assertTeacher(user);
  const { invitationId } = TeacherInvitationIdSchema.parse(raw);
  const { count } = await db().teacherInvitation.updateMany({ where: { id: invitationId, ...addressedTo(user), ...open }, data: { declinedAt: new Date() } });
  if (!count) throw NOT_OPEN();
}
