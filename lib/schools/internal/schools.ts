import { db } from "../../db";
import { AppError } from "../../errors";
import { recordAudit } from "../../audit/record";

// Schools and their administrators (decision 033). No acting user: these are for whoever
// runs the deployment (`npm run school`, scripts/school.ts) on first set-up. Being a school's
// administrator opens its sign-in, two-factor and LMS settings, so it is never granted from
// inside the app.

const schoolName = (raw: string) => {
  const name = raw.trim();
  if (!name) throw new AppError("Give the school a name.", 422);
  if (name.length > 120) throw new AppError("Keep the school's name to 120 characters.", 422);
  return name;
};

/** Makes the school if it is new; returns it either way. */
export async function ensureSchool(rawName: string) {
  const name = schoolName(rawName);
  return db().school.upsert({ where: { name }, create: { name }, update: {}, select: { id: true, name: true } });
}

/**
 * Makes the teacher with this email an administrator of the school (made if new) and a member
 * of it, so its policies apply to them too.
 */
export async function addSchoolAdmin(rawName: string, email: string) {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, role: true } });
  if (!user || user.role !== "TEACHER") throw new AppError(`No teacher account has the email ${email}. Sign up as a teacher first.`, 404);
  const school = await ensureSchool(rawName);
  await db().$transaction(async (tx) => {
    await tx.schoolAdmin.upsert({ where: { schoolId_userId: { schoolId: school.id, userId: user.id } }, create: { schoolId: school.id, userId: user.id }, update: {} });
    await tx.user.update({ where: { id: user.id }, data: { schoolId: school.id } });
    // From the command line: no acting account (decision 039).
    await recordAudit(tx, { action: "ROLE_CHANGED", actorId: null, subjectId: user.id, schoolId: school.id, detail: { role: "SCHOOL_ADMIN", change: "granted", via: "command line" } });
  });
  return { school, admin: user.name };
}

/** Takes the administrator role away; their access to the settings ends on their next request. */
export async function removeSchoolAdmin(rawName: string, email: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const admin = await tx.schoolAdmin.findFirst({ where: { school: { name: rawName.trim() }, user: { email: email.trim().toLowerCase() } }, select: { schoolId: true, userId: true } });
    if (!admin) return false;
    await tx.schoolAdmin.delete({ where: { schoolId_userId: admin } });
    await recordAudit(tx, { action: "ROLE_CHANGED", actorId: null, subjectId: admin.userId, schoolId: admin.schoolId, detail: { role: "SCHOOL_ADMIN", change: "removed", via: "command line" } });
    return true;
  });
}

export async function listSchools() {
  return db().school.findMany({
    orderBy: { name: "asc" },
    select: { name: true, _count: { select: { members: true } }, admins: { select: { user: { select: { name: true, email: true } } } } },
  });
}
