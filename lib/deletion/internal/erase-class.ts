import "server-only";
import { db } from "../../db";
import { recordAudit } from "../../audit/record";
import { forgetNotificationsAbout } from "../../notifications/erasure";
import { conflict } from "./refusals";
import { countClass, type Counts } from "./counts";
import { keepMarks, returnedMarks } from "./retained-marks";

// Deleting one class in one transaction: its assignments and all their work, enrolments,
// invitations, co-teachers and notices go by cascade; questions and topics stay with their
// owners. A school that keeps marks keeps the returned ones, anonymised. Already authorised.

export type ClassReport = { name: string; goes: Counts; retainedMarks: number };
export type ClassDeletionReason = "owner" | "school admin" | "retention" | "school deleted";

export async function eraseClass(classroomId: string, by: { actorId: string | null; reason: ClassDeletionReason }, options: { keepMarks: boolean } = { keepMarks: true }): Promise<ClassReport> {
  return db().$transaction(
    async (tx) => {
      const found = await tx.classroom.findUnique({
        where: { id: classroomId },
        select: { name: true, closedAt: true, _count: { select: { retentionNotices: true } }, teacher: { select: { schoolId: true, school: { select: { keepAnonymisedMarks: true } } } } },
      });
      if (!found) throw conflict("That class has already been deleted.");
      // The retention run read the class earlier: a teacher may have reopened it since.
      if (by.reason === "retention" && (!found.closedAt || !found._count.retentionNotices)) throw conflict("That class was reopened.");
      const goes = await countClass(tx, classroomId);
      const schoolId = found.teacher.schoolId;
      const keep = options.keepMarks && schoolId && found.teacher.school?.keepAnonymisedMarks;
      const marks = keep ? await returnedMarks(tx, { classroomId }) : [];
      const assignments = await tx.assignment.findMany({ where: { classroomId }, select: { id: true } });
      await forgetNotificationsAbout(tx, { classroomId, assignmentIds: assignments.map((a) => a.id) });
      await tx.classroom.delete({ where: { id: classroomId } });
      await tx.$executeRaw`UPDATE "DemoSeed" SET "classroomIds" = array_remove("classroomIds", ${classroomId}) WHERE ${classroomId} = ANY("classroomIds")`;
      const retainedMarks = keep && schoolId ? await keepMarks(tx, schoolId, marks) : 0;
      await recordAudit(tx, {
        action: by.reason === "retention" ? "RETENTION_APPLIED" : "CLASS_DELETED",
        actorId: by.actorId,
        schoolId,
        classroomId,
        entityType: "Classroom",
        entityId: classroomId,
        detail: { by: by.reason, counts: goes, retainedMarks },
      });
      return { name: found.name, goes, retainedMarks };
    },
    { timeout: 60_000 },
  );
}
