import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditEventInput } from "./record";

// The hook points' one call each (decision 039): every event carries the school and, for class
// events, the class, so the viewer can filter by them. A class's school is its owner's school;
// a person's event belongs to that person's school. Internal: callers have authorised the change
// and pass its transaction.

type Tx = Prisma.TransactionClient;
type ScopedEvent = Omit<AuditEventInput, "schoolId" | "classroomId">;

/** An event about a class (an enrolment, a co-teacher): scoped to it and its owner's school. */
export async function recordClassAudit(tx: Tx, classroomId: string, event: ScopedEvent): Promise<void> {
  const row = await tx.classroom.findUnique({ where: { id: classroomId }, select: { teacher: { select: { schoolId: true } } } });
  await recordAudit(tx, { ...event, classroomId, schoolId: row?.teacher.schoolId ?? null });
}

/** An event about a person (a sign-in, a role): scoped to their school. */
export async function recordPersonAudit(tx: Tx, personId: string, event: ScopedEvent): Promise<void> {
  const row = await tx.user.findUnique({ where: { id: personId }, select: { schoolId: true } });
  await recordAudit(tx, { ...event, schoolId: row?.schoolId ?? null });
}

/** What the trail keeps of a marking: awards, total and status, never the written feedback. */
export type MarkSnapshot = { awards: Prisma.InputJsonValue; total: number | null; status: string };

export const markSnapshot = (m: { awards: unknown; total: number | null; status: string } | null): MarkSnapshot | null =>
  m ? { awards: (m.awards ?? []) as Prisma.InputJsonValue, total: m.total, status: m.status } : null;

// jsonb stores an object's keys in its own order, so a stored snapshot is compared by value.
const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)])) : v;
const sameMarks = (a: MarkSnapshot | null, b: MarkSnapshot | null) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * A marking's change, about its student, in its class. A MARK_CHANGED whose awards, total and
 * status did not move (a save of the written feedback only) records nothing.
 */
export async function recordMarkingAudit(
  tx: Tx,
  submissionId: string,
  event: { action: "MARK_CHANGED" | "MARKING_RETURNED" | "MARKS_RELEASED"; actorId: string | null; before?: MarkSnapshot | null; after?: MarkSnapshot | null; detail?: Prisma.InputJsonValue },
): Promise<void> {
  if (event.action === "MARK_CHANGED" && sameMarks(event.before ?? null, event.after ?? null)) return;
  const row = await tx.submission.findUnique({
    where: { id: submissionId },
    select: { number: true, draft: { select: { studentId: true, assignmentId: true, assignment: { select: { classroomId: true, classroom: { select: { teacher: { select: { schoolId: true } } } } } } } } },
  });
  await recordAudit(tx, {
    ...event,
    subjectId: row?.draft.studentId ?? null,
    classroomId: row?.draft.assignment.classroomId ?? null,
    schoolId: row?.draft.assignment.classroom.teacher.schoolId ?? null,
    entityType: "Submission",
    entityId: submissionId,
    detail: { ...(row ? { assignmentId: row.draft.assignmentId, submissionNumber: row.number } : {}), ...((event.detail as object | undefined) ?? {}) },
  });
}
