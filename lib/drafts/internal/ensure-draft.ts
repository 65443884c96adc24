import "server-only";
import { db } from "../../db";
import { isUniqueViolation } from "../../db-errors";

// Internal: the caller has already authorized the student for the assignment
// (saveDraft, getOwnWorkspace); app/ may not import this (lint).

/** The student's draft, created empty the first time they open the assignment. */
export async function ensureDraft(studentId: string, assignmentId: string) {
  const where = { assignmentId_studentId: { assignmentId, studentId } };
  const existing = await db().draft.findUnique({ where, select: { id: true } });
  if (existing) return existing;
  try {
    return await db().draft.create({ data: { assignmentId, studentId }, select: { id: true } });
  } catch (e) {
    // Two tabs opened at once: the other one created it.
    if (!isUniqueViolation(e)) throw e;
    return db().draft.findUniqueOrThrow({ where, select: { id: true } });
  }
}
