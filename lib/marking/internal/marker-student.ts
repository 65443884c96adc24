import "server-only";
import { db } from "../../db";
import { namesHidden } from "../blind";
import { displayName } from "../display-name";
import { candidateNumbers } from "./candidate-numbers";

// Internal: the desk, the print view and the teacher's view of a student's plan and draft
// call it after authorizing the teacher for this student's work; app/ may not import this.

export type MarkerStudent = { id: string; name: string; namesHidden: boolean; candidate: number | null };

/** The student as a marker of this assignment sees them: their name, or their candidate number while names are hidden. */
export async function markerStudent(assignmentId: string, studentId: string): Promise<MarkerStudent> {
  const [student, assignment] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: studentId }, select: { id: true, name: true } }),
    db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { blindMarking: true, namesRevealedAt: true } }),
  ]);
  const hidden = namesHidden(assignment);
  const candidate = hidden ? ((await candidateNumbers(assignmentId, [studentId])).get(studentId) ?? null) : null;
  return { id: student.id, name: displayName(student, { hidden, candidate }), namesHidden: hidden, candidate };
}
