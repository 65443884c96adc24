import "server-only";
import { expireExports } from "../exports/run-export";
import { expireNotifications } from "../notifications/expiry";
import { withdrawClassDeletionNotices } from "../notifications/erasure";
import { cancelRetentionNotices } from "./cancel-notices";
import { enqueue } from "../jobs/enqueue";
import { db } from "../db";
import { recordAudit } from "../audit/record";
import { appTimeZone } from "../time/app-time-zone";
import { isAppError } from "../errors";
import { eraseClass } from "../deletion/internal/erase-class";
import { deleteAfter, deletionDate, noticeDate } from "./schedule";

// The daily retention run (decision 042, research §3.5). For each closed class of a school
// with a retention period: once the notice date has come, each of its teachers gets a
// RetentionNotice (shown on their dashboard) and a notification (decision 047); once the
// deletion date has passed AND the first notice is at least the notice period old, the class
// goes, in its own transaction. A class never goes without notice, even after missed runs.
// Idempotent: any instance may run it, any number of times. Scheduling is the caller's
// (npm run retention, or the job queue).

export type SweepResult = {
  noticed: { id: string; name: string; deleteAfter: Date }[];
  deleted: { id: string; name: string }[];
  cancelled: number;
  /** Finished exports past their download period, whose files went (decision 041). */
  expiredExports: number;
  /** Notifications older than six months, removed (decision 047). */
  expiredNotifications: number;
};

export async function runRetentionSweep(now = new Date()): Promise<SweepResult> {
  const zone = appTimeZone();
  const result: SweepResult = { noticed: [], deleted: [], cancelled: 0, expiredExports: await expireExports(now), expiredNotifications: await expireNotifications(now) };
  const classes = await db().classroom.findMany({
    where: { closedAt: { not: null }, teacher: { school: { retentionMonths: { not: null } } } },
    select: {
      id: true,
      name: true,
      closedAt: true,
      teacher: { select: { schoolId: true, school: { select: { retentionMonths: true, retentionNoticeDays: true } } } },
      teachers: { select: { teacherId: true } },
      retentionNotices: { select: { createdAt: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
    orderBy: { closedAt: "asc" },
  });
  for (const c of classes) {
    const school = c.teacher.school!;
    const deleteAt = deletionDate(c.closedAt!, school.retentionMonths!, zone);
    const first = c.retentionNotices[0]?.createdAt ?? null;
    if (now < noticeDate(deleteAt, school.retentionNoticeDays, zone)) {
      // The school lengthened its period since the notice: the notice no longer holds.
      if (first) result.cancelled += await db().$transaction((tx) => cancelRetentionNotices(tx, c.id));
      continue;
    }
    const goesAt = deleteAfter(deleteAt, first ?? now, school.retentionNoticeDays);
    if (first && now >= goesAt) {
      try {
        await eraseClass(c.id, { actorId: null, reason: "retention" });
        result.deleted.push({ id: c.id, name: c.name });
      } catch (e) {
        // Reopened (or deleted) since it was read: nothing to do for it this run.
        if (!isAppError(e)) throw e;
      }
      continue;
    }
    const created = await db().$transaction(async (tx) => {
      const { count } = await tx.retentionNotice.createMany({
        data: c.teachers.map((t) => ({ classroomId: c.id, teacherId: t.teacherId, deleteAfter: goesAt, createdAt: now })),
        skipDuplicates: true,
      });
      // A changed setting moves every teacher's date together; the notifications giving the
      // old date go, and the new date is told.
      const moved = (await tx.retentionNotice.updateMany({ where: { classroomId: c.id, NOT: { deleteAfter: goesAt } }, data: { deleteAfter: goesAt } })).count;
      if (moved) await withdrawClassDeletionNotices(tx, c.id);
      // Told in the app and by email too (decision 047), not only on the dashboard: a teacher
      // who does not sign in over the summer still hears before the class goes.
      if (count || moved) await enqueue(tx, "notify", { type: "class-to-be-deleted", classroomId: c.id });
      if (count) {
        await recordAudit(tx, {
          action: "RETENTION_NOTICE",
          actorId: null,
          schoolId: c.teacher.schoolId,
          classroomId: c.id,
          entityType: "Classroom",
          entityId: c.id,
          detail: { deleteAfter: goesAt.toISOString(), teachersTold: count },
        });
      }
      return count;
    });
    if (created) result.noticed.push({ id: c.id, name: c.name, deleteAfter: goesAt });
  }
  return result;
}
