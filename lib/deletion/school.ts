import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { requireSchoolAdmin } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { recordAudit } from "../audit/record";
import { nonZero, type Counts } from "./internal/counts";
import { eraseClass } from "./internal/erase-class";
import { erasePerson } from "./internal/erase-person";

// A school's data at the end of its contract: its classes (those its staff own), its
// students, its staff, its departments, then the School row (which takes its administrator
// grants, sign-in rules, LMS links and any anonymised marks with it). One transaction per
// class and per person, so a very large school never holds one enormous transaction, and a
// run stopped part-way can simply be repeated. The administrator's own account goes last.

type SchoolCounts = { name: string; counts: Counts };

const staffClasses = (schoolId: string) => ({ teacher: { schoolId } }) as const;
// Departments made before they had a school belong to it when all their members do.
const orphanDepartments = (schoolId: string) =>
  ({ schoolId: null, members: { some: {}, every: { teacher: { schoolId } } } }) as const;

async function countSchool(schoolId: string): Promise<SchoolCounts> {
  const school = await db().school.findUniqueOrThrow({ where: { id: schoolId }, select: { name: true } });
  const d = db();
  return {
    name: school.name,
    counts: nonZero({
      classes: await d.classroom.count({ where: staffClasses(schoolId) }),
      students: await d.user.count({ where: { schoolId, role: "STUDENT" } }),
      staff: await d.user.count({ where: { schoolId, role: "TEACHER" } }),
      departments: (await d.department.count({ where: { schoolId } })) + (await d.department.count({ where: orphanDepartments(schoolId) })),
    }),
  };
}

export type SchoolPreview = SchoolCounts & { admins: number; signInRules: number; lmsLinks: number };

export async function previewSchoolDeletion(admin: SessionUser, schoolId: string): Promise<SchoolPreview> {
  await requireSchoolAdmin(admin, schoolId);
  const { name, counts } = await countSchool(schoolId);
  return {
    name,
    counts,
    admins: await db().schoolAdmin.count({ where: { schoolId } }),
    signInRules: await db().schoolSignInRule.count({ where: { schoolId } }),
    lmsLinks: await db().ltiRegistration.count({ where: { schoolId } }),
  };
}

export type SchoolReport = { name: string; counts: Counts; selfDeleted: boolean };

export async function deleteSchool(admin: SessionUser, schoolId: string, confirmName: string): Promise<SchoolReport> {
  await requireSchoolAdmin(admin, schoolId);
  const { name, counts } = await countSchool(schoolId);
  if (confirmName.trim() !== name) {
    throw new AppError("The name typed does not match the school's, so nothing was deleted.", 400, { confirmName: [`Type "${name}" exactly.`] });
  }
  const by = { actorId: admin.id, reason: "school deleted" as const };
  // Found before the staff go: an old department is the school's by its members.
  const departments = await db().department.findMany({ where: { OR: [{ schoolId }, orphanDepartments(schoolId)] }, select: { id: true } });
  for (const { id } of await db().classroom.findMany({ where: staffClasses(schoolId), select: { id: true } })) {
    await eraseClass(id, by, { keepMarks: false });
  }
  // Students first (enum order), then staff.
  const people = await db().user.findMany({ where: { schoolId }, select: { id: true }, orderBy: [{ role: "asc" }, { id: "asc" }] });
  for (const p of people) if (p.id !== admin.id) await erasePerson(p.id, by, { keepMarks: false });
  const selfDeleted = people.some((p) => p.id === admin.id);
  await db().$transaction(async (tx) => {
    await tx.department.deleteMany({ where: { id: { in: departments.map((d) => d.id) } } });
    await tx.school.delete({ where: { id: schoolId } });
    await recordAudit(tx, { action: "SCHOOL_DELETED", actorId: admin.id, schoolId, entityType: "School", entityId: schoolId, detail: { counts } });
  });
  if (selfDeleted) await erasePerson(admin.id, { actorId: null, reason: "school deleted" }, { keepMarks: false });
  return { name, counts, selfDeleted };
}

/** The classes the school's staff own, for its administrator to delete one (closed ones first). */
export async function listSchoolClasses(admin: SessionUser, schoolId: string) {
  await requireSchoolAdmin(admin, schoolId);
  return db().classroom.findMany({
    where: staffClasses(schoolId),
    orderBy: [{ closedAt: { sort: "asc", nulls: "last" } }, { name: "asc" }],
    select: { id: true, name: true, closedAt: true, teacher: { select: { name: true } } },
    take: 200,
  });
}
