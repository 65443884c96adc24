import { db } from "../../db";
import { AppError } from "../../errors";
import { recordPersonAudit } from "../../audit/scoped";

// Who belongs to which department, and who heads it. No acting user: these are for the
// school's administrator (`npm run department`, scripts/department.ts) and the demo seed.
// A teacher joins a department, or is made its head, only this way (decision 030): heading a
// department opens every member's classes to moderation, so it is not something a teacher
// can grant themself or another from inside the app.

export type DepartmentRole = "HEAD" | "MEMBER";

/** Adds the teacher with this email to the department (made if new), or changes their role in it. */
export async function setDepartmentMember(departmentName: string, email: string, role: DepartmentRole) {
  const name = departmentName.trim();
  if (!name) throw new AppError("Give the department a name.", 422);
  const teacher = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, role: true, name: true } });
  if (!teacher || teacher.role !== "TEACHER") throw new AppError(`No teacher account has the email ${email}.`, 404);
  const department = await db().department.upsert({ where: { name }, create: { name }, update: {}, select: { id: true, name: true } });
  await db().$transaction(async (tx) => {
    await tx.departmentMember.upsert({
      where: { departmentId_teacherId: { departmentId: department.id, teacherId: teacher.id } },
      create: { departmentId: department.id, teacherId: teacher.id, role },
      update: { role },
    });
    // From the command line: no acting account (decision 039).
    const detail = { role: `DEPARTMENT_${role}`, change: "granted", department: department.name, via: "command line" };
    await recordPersonAudit(tx, teacher.id, { action: "ROLE_CHANGED", actorId: null, subjectId: teacher.id, entityType: "Department", entityId: department.id, detail });
  });
  return { department, teacher: teacher.name, role };
}

/** Takes the teacher out of the department; their access as its head ends on their next request. */
export async function removeDepartmentMember(departmentName: string, email: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const member = await tx.departmentMember.findFirst({
      where: { department: { name: departmentName.trim() }, teacher: { email: email.trim().toLowerCase() } },
      select: { departmentId: true, teacherId: true, role: true },
    });
    if (!member) return false;
    await tx.departmentMember.delete({ where: { departmentId_teacherId: { departmentId: member.departmentId, teacherId: member.teacherId } } });
    const detail = { role: `DEPARTMENT_${member.role}`, change: "removed", department: departmentName.trim(), via: "command line" };
    await recordPersonAudit(tx, member.teacherId, { action: "ROLE_CHANGED", actorId: null, subjectId: member.teacherId, entityType: "Department", entityId: member.departmentId, detail });
    return true;
  });
}

export async function listDepartments() {
  return db().department.findMany({
    orderBy: { name: "asc" },
    select: { name: true, members: { orderBy: { role: "asc" }, select: { role: true, teacher: { select: { name: true, email: true } } } } },
  });
}
