import { db } from "../db";
import { AppError, forbidden, notFound } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { assertTeacher } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { DepartmentInvitationIdSchema, InviteToDepartmentSchema, type InviteToDepartmentInput } from "./schemas";
import { recordPersonAudit } from "../audit/scoped";

// Joining a department (decision 030). A head invites a teacher by email; only a TEACHER
// account with that email sees the invitation and may accept it, which makes them a member,
// so their classes open to the head's moderation by their own choice. Inviting never looks
// at accounts: every address gets the same answer (decision 025's rule). Heads themselves
// are made by the school's administrator (scripts/department.ts).

async function requireHeadOf(user: SessionUser, departmentId: string) {
  assertTeacher(user);
  const row = await db().departmentMember.findUnique({ where: { departmentId_teacherId: { departmentId, teacherId: user.id } }, select: { role: true } });
  if (!row) throw notFound("That department");
  if (row.role !== "HEAD") throw forbidden("invite teachers to this department: only its heads can");
}

export async function inviteToDepartment(user: SessionUser, raw: InviteToDepartmentInput) {
  const input = InviteToDepartmentSchema.parse(raw);
  await requireHeadOf(user, input.departmentId);
  try {
    await db().departmentInvitation.create({ data: { departmentId: input.departmentId, email: input.email, invitedById: user.id } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError(`${input.email} has already been invited to this department.`, 409);
    throw e;
  }
  return { email: input.email };
}

/** The head's view of their departments: members and invitations still waiting. */
export async function listDepartmentMembers(user: SessionUser, departmentIds: string[]) {
  assertTeacher(user);
  return db().department.findMany({
    where: { id: { in: departmentIds }, members: { some: { teacherId: user.id, role: "HEAD" } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      members: { orderBy: [{ role: "asc" }, { teacher: { name: "asc" } }], select: { role: true, teacher: { select: { id: true, name: true } } } },
      invitations: { where: { acceptedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, email: true } },
    },
  });
}

/** Invitations waiting for this teacher (by their account's email). */
export async function listMyDepartmentInvitations(user: SessionUser) {
  if (user.role !== "TEACHER") return [];
  return db().departmentInvitation.findMany({
    where: { email: user.email, acceptedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, department: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
}

export async function acceptDepartmentInvitation(user: SessionUser, raw: { invitationId: string }) {
  const { invitationId } = DepartmentInvitationIdSchema.parse(raw);
  assertTeacher(user);
  const invitation = await db().departmentInvitation.findFirst({ where: { id: invitationId, email: user.email, acceptedAt: null }, select: { departmentId: true, department: { select: { name: true } } } });
  if (!invitation) throw notFound("That invitation");
  await db().$transaction(async (tx) => {
    // The email is checked again in the conditional update, which also makes it single-use.
    const { count } = await tx.departmentInvitation.updateMany({ where: { id: invitationId, email: user.email, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (!count) throw notFound("That invitation");
    await tx.departmentMember.upsert({
      where: { departmentId_teacherId: { departmentId: invitation.departmentId, teacherId: user.id } },
      create: { departmentId: invitation.departmentId, teacherId: user.id, role: "MEMBER" },
      update: {},
    });
    const detail = { role: "DEPARTMENT_MEMBER", change: "granted", department: invitation.department.name, via: "invitation" };
    await recordPersonAudit(tx, user.id, { action: "ROLE_CHANGED", actorId: user.id, subjectId: user.id, entityType: "Department", entityId: invitation.departmentId, detail });
  });
  return { department: invitation.department.name };
}
