import "server-only";
import { db } from "../db";
import { requireSchoolAdmin } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";

// What a school's administrator sees of their schools (decision 033).

/** The schools this user administers (none for most users). */
export async function listAdministeredSchools(user: SessionUser) {
  const rows = await db().schoolAdmin.findMany({
    where: { userId: user.id },
    orderBy: { school: { name: "asc" } },
    select: { school: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.school);
}

/** One school's settings page header: refused (not found) for anyone but its administrators. */
export async function getSchoolForAdmin(user: SessionUser, schoolId: string) {
  await requireSchoolAdmin(user, schoolId);
  return db().school.findUniqueOrThrow({
    where: { id: schoolId },
    select: { id: true, name: true, requireStaffMfa: true, _count: { select: { members: true } } },
  });
}
