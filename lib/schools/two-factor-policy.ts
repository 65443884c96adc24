import "server-only";
import { db } from "../db";
import { requireSchoolAdmin } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { recordAudit } from "../audit/record";

// A school's two-factor policy for staff, set by its administrators (decisions 033 and 035).
// When it is on, a teacher of the school who signs in with a password must give a code (or
// set two-factor up first) before anything else; provider and LMS sign-in satisfy it.

/** Turns the requirement on or off. It applies to signed-in staff within seconds (the session cache's bound). */
export async function setStaffTwoFactorRequired(user: SessionUser, schoolId: string, required: boolean): Promise<void> {
  await requireSchoolAdmin(user, schoolId);
  await db().$transaction(async (tx) => {
    const before = await tx.school.findUniqueOrThrow({ where: { id: schoolId }, select: { requireStaffMfa: true } });
    await tx.school.update({ where: { id: schoolId }, data: { requireStaffMfa: required } });
    const change = { before, after: { requireStaffMfa: required }, detail: { setting: "staff two-factor" } };
    await recordAudit(tx, { action: "SCHOOL_SETTINGS_CHANGED", actorId: user.id, schoolId, ...change });
  });
}

export type StaffTwoFactorRow = { id: string; name: string; email: string; hasPassword: boolean; enrolledAt: Date | null };

/** The school's teachers and whether each has set up two-factor; accounts with no password sign in through the school. */
export async function listStaffTwoFactor(user: SessionUser, schoolId: string): Promise<StaffTwoFactorRow[]> {
  await requireSchoolAdmin(user, schoolId);
  const rows = await db().user.findMany({
    where: { schoolId, role: "TEACHER" },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, passwordHash: true, twoFactor: { select: { confirmedAt: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, hasPassword: r.passwordHash !== null, enrolledAt: r.twoFactor?.confirmedAt ?? null }));
}
