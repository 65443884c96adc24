import "server-only";
import { db } from "../db";
import { requireTeacherOf } from "../auth/policy";
import { forbidden } from "../errors";
import type { SessionUser } from "../auth/sessions";
import { recordAudit } from "../audit/record";
import { cancelRetentionNotices } from "../retention/cancel-notices";

// Closing a class marks the end of its year: it is then kept for the school's retention
// period and deleted after notice (decision 042). Reopening it cancels any notice, and the
// notifications that gave it (decision 047). Only the owner, who also decides who teaches
// it, closes or reopens it.

export async function setClassClosed(user: SessionUser, classroomId: string, closed: boolean, now = new Date()): Promise<void> {
  const { role } = await requireTeacherOf(user, classroomId);
  if (role !== "OWNER") throw forbidden("close or reopen this class: only its owner can");
  await db().$transaction(async (tx) => {
    const current = await tx.classroom.findUniqueOrThrow({ where: { id: classroomId }, select: { closedAt: true, teacher: { select: { schoolId: true } } } });
    if ((current.closedAt !== null) === closed) return;
    await tx.classroom.update({ where: { id: classroomId }, data: { closedAt: closed ? now : null } });
    if (!closed) await cancelRetentionNotices(tx, classroomId);
    await recordAudit(tx, {
      action: closed ? "CLASS_CLOSED" : "CLASS_REOPENED",
      actorId: user.id,
      schoolId: current.teacher.schoolId,
      classroomId,
      entityType: "Classroom",
      entityId: classroomId,
    });
  });
}
