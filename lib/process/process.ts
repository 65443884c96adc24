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
  // One statement for the three sources (history entries, thinned spans, pastes) of this one
  // draft, rather than a query for the draft and one per relation.
  const rows = await db().$queryRaw<{ kind: "entry" | "paste"; a: Date; b: Date; n: number }[]>`
    WITH d AS (SELECT id FROM "Draft" WHERE "assignmentId" = ${assignmentId} AND "studentId" = ${studentId})
    SELECT 'entry' AS kind, r."createdAt" AS a, r."updatedAt" AS b, r."wordCount" AS n
      FROM "DraftRevision" AS r, d WHERE r."draftId" = d.id AND r.reason <> 'SUBMIT'
    UNION ALL
    SELECT 'entry', s."startedAt", s."endedAt", s."wordCount" FROM "DraftSpan" AS s, d WHERE s."draftId" = d.id
    UNION ALL
    SELECT 'paste', p.at, p.at, p.chars FROM "DraftPaste" AS p, d WHERE p."draftId" = d.id`;
  const entries = rows.filter((r) => r.kind === "entry").map((r) => ({ startedAt: r.a, endedAt: r.b, wordCount: r.n }));
  const pastes = rows.filter((r) => r.kind === "paste").map((r) => ({ at: r.a, chars: r.n }));
  return summariseProcess(entries, pastes);
}
