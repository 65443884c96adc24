import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setClassClosed } from "@/lib/classes/closing";
import { runRetentionSweep } from "@/lib/retention/sweep";
import { listRetentionNotices, updateRetentionSettings } from "@/lib/retention/settings";
import { deletionDate } from "@/lib/retention/schedule";
import { appTimeZone } from "@/lib/time/app-time-zone";
import { makeSchoolWorld } from "./deletion-fixtures";

// Issue 15 item 3 (decision 042): a closed class is kept for the school's retention period,
// its teachers are told first, and it is never deleted without a full notice period.

const DAY = 86_400_000;
const CLOSED = new Date("2026-07-20T10:00:00Z");

async function closedClassWorld() {
  const w = await makeSchoolWorld();
  await updateRetentionSettings(w.admin, { schoolId: w.school.id, retentionMonths: "12", retentionNoticeDays: "30" });
  await setClassClosed(w.teacher, w.classroom.id, true, CLOSED);
  const deleteAt = deletionDate(CLOSED, 12, appTimeZone());
  return { ...w, deleteAt };
}
const classExists = (id: string) => db().classroom.count({ where: { id } });
const notices = (classroomId: string) => db().retentionNotice.findMany({ where: { classroomId }, orderBy: { teacherId: "asc" } });

// A sweep with nothing to do (no export has expired in these worlds either).
const NOTHING = { noticed: [], deleted: [], cancelled: 0, expiredExports: 0, expiredNotifications: 0 };

describe("retention sweep", () => {
  it("tells each teacher first, deletes only after the deletion date and a full notice period, and reruns change nothing", async () => {
    const w = await closedClassWorld();
    expect(await runRetentionSweep(new Date(CLOSED.getTime() + 180 * DAY))).toEqual(NOTHING);
    expect(await notices(w.classroom.id)).toEqual([]);

    const noticeRun = new Date(w.deleteAt.getTime() - 10 * DAY);
    const first = await runRetentionSweep(noticeRun);
    expect(first.noticed.map((c) => c.id)).toEqual([w.classroom.id]);
    // Told 10 days before the date, so it goes only once 30 days have passed since.
    const goesAt = new Date(noticeRun.getTime() + 30 * DAY);
    expect((await notices(w.classroom.id)).map((n) => n.deleteAfter)).toEqual([goesAt, goesAt]);
    expect((await listRetentionNotices(w.coTeacher)).map((n) => n.classroomId)).toEqual([w.classroom.id]);
    expect(await listRetentionNotices(w.amira)).toEqual([]);
    expect(await db().auditEvent.count({ where: { action: "RETENTION_NOTICE", classroomId: w.classroom.id } })).toBe(1);

    expect(await runRetentionSweep(noticeRun)).toEqual(NOTHING);
    expect(await runRetentionSweep(new Date(w.deleteAt.getTime() + DAY))).toEqual(NOTHING);
    expect(await classExists(w.classroom.id)).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "RETENTION_NOTICE" } })).toBe(1);

    const done = await runRetentionSweep(goesAt);
    expect(done.deleted.map((c) => c.id)).toEqual([w.classroom.id]);
    expect(await classExists(w.classroom.id)).toBe(0);
    expect(await db().submission.count()).toBe(0);
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: "RETENTION_APPLIED" } })).toMatchObject({ classroomId: w.classroom.id, actorId: null });
    expect(await runRetentionSweep(new Date(goesAt.getTime() + DAY))).toEqual(NOTHING);
  });

  it("after missed runs, gives the full notice before deleting", async () => {
    const w = await closedClassWorld();
    const late = new Date(w.deleteAt.getTime() + 100 * DAY);
    const r = await runRetentionSweep(late);
    expect(r.deleted).toEqual([]);
    expect(r.noticed[0]!.deleteAfter).toEqual(new Date(late.getTime() + 30 * DAY));
    expect((await runRetentionSweep(new Date(late.getTime() + 29 * DAY))).deleted).toEqual([]);
    expect((await runRetentionSweep(new Date(late.getTime() + 30 * DAY))).deleted).toHaveLength(1);
  });

  it("reopening the class cancels its notice, and an open class is never deleted", async () => {
    const w = await closedClassWorld();
    await runRetentionSweep(new Date(w.deleteAt.getTime() - DAY));
    expect(await notices(w.classroom.id)).toHaveLength(2);
    await setClassClosed(w.teacher, w.classroom.id, false);
    expect(await notices(w.classroom.id)).toEqual([]);
    expect(await runRetentionSweep(new Date(w.deleteAt.getTime() + 400 * DAY))).toEqual(NOTHING);
    expect(await classExists(w.classroom.id)).toBe(1);
    expect(await db().auditEvent.count({ where: { action: { in: ["CLASS_CLOSED", "CLASS_REOPENED"] }, classroomId: w.classroom.id } })).toBe(2);
  });

  it("keeps a school without a retention period's classes; a longer period withdraws a notice", async () => {
    const w = await closedClassWorld();
    await runRetentionSweep(new Date(w.deleteAt.getTime() - DAY));
    await updateRetentionSettings(w.admin, { schoolId: w.school.id, retentionMonths: "24", retentionNoticeDays: "30" });
    expect((await runRetentionSweep(new Date(w.deleteAt.getTime() + DAY))).cancelled).toBe(2);
    await updateRetentionSettings(w.admin, { schoolId: w.school.id, retentionMonths: "", retentionNoticeDays: "30" });
    expect(await runRetentionSweep(new Date(w.deleteAt.getTime() + 4000 * DAY))).toEqual(NOTHING);
    expect(await classExists(w.classroom.id)).toBe(1);
  });

  it("only the owner closes a class; only an administrator sets the period, within bounds", async () => {
    const w = await makeSchoolWorld();
    await expect(setClassClosed(w.coTeacher, w.classroom.id, true)).rejects.toMatchObject({ status: 403 });
    await expect(setClassClosed(w.amira, w.classroom.id, true)).rejects.toMatchObject({ status: 403 });
    await expect(updateRetentionSettings(w.teacher, { schoolId: w.school.id, retentionMonths: "12", retentionNoticeDays: "30" })).rejects.toMatchObject({ status: 404 });
    await expect(updateRetentionSettings(w.admin, { schoolId: w.school.id, retentionMonths: "0", retentionNoticeDays: "30" })).rejects.toThrow();
    expect(await db().school.findUniqueOrThrow({ where: { id: w.school.id } })).toMatchObject({ retentionMonths: null });
    expect(await db().classroom.findUniqueOrThrow({ where: { id: w.classroom.id } })).toMatchObject({ closedAt: null });
  });
});
