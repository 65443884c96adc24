import { db } from "../db";
import { notFound } from "../errors";
import { requireAssignmentAccess, requireTeacherOfStudentWork } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { summariseProcess, type WritingProcess } from "./summary";

/**
 * How a student's essay for this assignment was written (lib/process/summary.ts), for the
 * student themself or the teacher of the class; to anyone else, and for another student's
 * work, it is not found. Both sides get exactly the same summary.
 *
 * SUBMIT entries are left out: a hand-in repeats the text the autosave had just confirmed,
 * and one made a day later would otherwise show as a writing session of its own.
 */
export async function getWritingProcess(user: SessionUser, assignmentId: string, studentId: string): Promise<WritingProcess> {
  if (user.role === "TEACHER") {
    await requireTeacherOfStudentWork(user, assignmentId, studentId);
  } else {
    const access = await requireAssignmentAccess(user, assignmentId);
    if (access.as !== "student" || user.id !== studentId) throw notFound("That student's work");
  }
  const draft = await db().draft.findUnique({
    where: { assignmentId_studentId: { assignmentId, studentId } },
    select: {
      revisions: { where: { reason: { not: "SUBMIT" } }, select: { createdAt: true, updatedAt: true, wordCount: true } },
      spans: { select: { startedAt: true, endedAt: true, wordCount: true } },
      pastes: { select: { at: true, chars: true } },
    },
  });
  if (!draft) return summariseProcess([], []);
  const entries = [...draft.revisions.map((r) => ({ startedAt: r.createdAt, endedAt: r.updatedAt, wordCount: r.wordCount })), ...draft.spans];
  return summariseProcess(entries, draft.pastes);
}
