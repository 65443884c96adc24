import "server-only";
import { randomInt } from "node:crypto";
import { db } from "../../db";
import { assignCandidateNumbers } from "../blind";

// Internal: callers have already authorized the teacher (or are turning blind marking on for
// an assignment they teach); app/ may not import this (lint). Candidate numbers are drawn the
// first time a marker-facing screen needs them and stored, so they never change after.

const random = () => randomInt(0, 2 ** 47) / 2 ** 47;

/**
 * The candidate numbers of `studentIds` on one assignment, drawing and storing any missing.
 * Two screens drawing at once cannot give one number twice: the (assignment, number) key
 * refuses the second, skipDuplicates drops it, and the loop draws again for whoever lost.
 */
export async function candidateNumbers(assignmentId: string, studentIds: readonly string[]): Promise<Map<string, number>> {
  for (let attempt = 0; ; attempt += 1) {
    const rows = await db().candidateNumber.findMany({ where: { assignmentId }, select: { studentId: true, number: true } });
    const existing = new Map(rows.map((r) => [r.studentId, r.number]));
    const fresh = assignCandidateNumbers(existing, studentIds, random);
    if (fresh.size === 0) return existing;
    if (attempt === 3) throw new Error(`Could not draw candidate numbers for assignment ${assignmentId}.`);
    await db().candidateNumber.createMany({ data: [...fresh].map(([studentId, number]) => ({ assignmentId, studentId, number })), skipDuplicates: true });
  }
}

/** The numbers of every student enrolled in the assignment's class (and of any who have left). */
export async function classCandidateNumbers(assignmentId: string): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ studentId: string; number: number | null }[]>`
    SELECT e."studentId", c.number FROM "Assignment" a
    JOIN "Enrolment" e ON e."classroomId" = a."classroomId"
    LEFT JOIN "CandidateNumber" c ON c."assignmentId" = a.id AND c."studentId" = e."studentId"
    WHERE a.id = ${assignmentId}`;
  if (rows.every((r) => r.number !== null)) return new Map(rows.map((r) => [r.studentId, r.number!]));
  return candidateNumbers(assignmentId, rows.map((r) => r.studentId));
}
