import "server-only";
import { db } from "../db";
import { requireSchoolAdmin } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { recordAudit } from "../audit/record";
import { retentionSettingsSchema, type RetentionSettingsInput } from "./schemas";

// A school's retention setting, set by its administrators, and the notices teachers see.

const fields = { retentionMonths: true, retentionNoticeDays: true, keepAnonymisedMarks: true } as const;

export async function getRetentionSettings(admin: SessionUser, schoolId: string) {
  await requireSchoolAdmin(admin, schoolId);
  return db().school.findUniqueOrThrow({ where: { id: schoolId }, select: fields });
}

export async function updateRetentionSettings(admin: SessionUser, raw: RetentionSettingsInput): Promise<void> {
  const { schoolId, ...after } = retentionSettingsSchema.parse(raw);
  await requireSchoolAdmin(admin, schoolId);
  await db().$transaction(async (tx) => {
    const before = await tx.school.findUniqueOrThrow({ where: { id: schoolId }, select: fields });
    await tx.school.update({ where: { id: schoolId }, data: after });
    await recordAudit(tx, { action: "SCHOOL_SETTINGS_CHANGED", actorId: admin.id, schoolId, entityType: "School", entityId: schoolId, before, after });
  });
}

/** The teacher's notices of classes about to be deleted, soonest first. */
export async function listRetentionNotices(user: SessionUser) {
  if (user.role !== "TEACHER") return [];
  const rows = await db().retentionNotice.findMany({
    where: { teacherId: user.id },
    orderBy: { deleteAfter: "asc" },
    select: { deleteAfter: true, classroom: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ classroomId: r.classroom.id, name: r.classroom.name, deleteAfter: r.deleteAfter }));
}
