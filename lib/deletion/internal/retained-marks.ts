import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";

type Tx = Prisma.TransactionClient;

// Returned marks a school chose to keep after the work goes (School.keepAnonymisedMarks):
// total, per-criterion awards and when it was returned; never text, never a name.

type MarkRow = { classroomId: string; assignmentId: string; studentId: string; total: number | null; awards: Prisma.JsonValue; returnedAt: Date | null };

/** The returned markings in scope (a student's, or a class's), read before the delete. */
export async function returnedMarks(tx: Tx, where: { studentId: string } | { classroomId: string }): Promise<MarkRow[]> {
  const rows = await tx.marking.findMany({
    where: {
      status: "RETURNED",
      submission: { draft: "studentId" in where ? { studentId: where.studentId } : { assignment: { classroomId: where.classroomId } } },
    },
    select: {
      total: true,
      awards: true,
      returnedAt: true,
      submission: { select: { draft: { select: { studentId: true, assignment: { select: { id: true, classroomId: true } } } } } },
    },
  });
  return rows.map((r) => ({
    classroomId: r.submission.draft.assignment.classroomId,
    assignmentId: r.submission.draft.assignment.id,
    studentId: r.submission.draft.studentId,
    total: r.total,
    awards: r.awards,
    returnedAt: r.returnedAt,
  }));
}

/**
 * Keeps the marks under pseudonyms: `pseudonymFor` names a deleted student by their audit
 * pseudonym; a class's deletion gives each student a fresh one that nothing else holds.
 */
export async function keepMarks(tx: Tx, schoolId: string, marks: MarkRow[], pseudonymFor?: (studentId: string) => string): Promise<number> {
  const fresh = new Map<string, string>();
  const name = (id: string) => pseudonymFor?.(id) ?? fresh.get(id) ?? fresh.set(id, `anon-${randomBytes(8).toString("hex")}`).get(id)!;
  const { count } = await tx.retainedMark.createMany({
    data: marks.map((m) => ({
      schoolId,
      classroomId: m.classroomId,
      assignmentId: m.assignmentId,
      pseudonym: name(m.studentId),
      total: m.total,
      awards: m.awards ?? [],
      returnedAt: m.returnedAt,
    })),
  });
  return count;
}
