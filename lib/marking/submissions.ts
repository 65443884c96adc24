import { db } from "../db";
import { AppError, notFound } from "../errors";
import { requireTeacherOfStudentWork } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";
import { rubricFromSnapshot } from "../rubrics/rubric-catalogue";

/**
 * One handed-in version, for the class's teacher to mark: its text, its marking (if any)
 * and the assignment's rubric. Refuses anyone else, and versions that do not exist.
 */
export async function requireSubmissionToMark(user: SessionUser, work: { assignmentId: string; studentId: string; submissionNumber: number }) {
  await requireTeacherOfStudentWork(user, work.assignmentId, work.studentId);
  const submission = await db().submission.findFirst({
    where: { number: work.submissionNumber, draft: { assignmentId: work.assignmentId, studentId: work.studentId } },
    select: {
      id: true,
      number: true,
      text: true,
      marking: { select: { id: true, status: true, revision: true } },
      draft: { select: { assignment: { select: { feedbackBeforeMarks: true, rubricVersion: { select: { content: true } } } } } },
    },
  });
  if (!submission) throw notFound("That version of the essay");
  const { draft, ...rest } = submission;
  return { ...rest, feedbackBeforeMarks: draft.assignment.feedbackBeforeMarks, rubric: rubricFromSnapshot(draft.assignment.rubricVersion.content) };
}

export function assertStillMarking(marking: { status: "IN_PROGRESS" | "RETURNED" } | null) {
  if (marking?.status === "RETURNED") {
    throw new AppError("This marking has been returned to the student, so it can no longer be changed.", 423);
  }
}
