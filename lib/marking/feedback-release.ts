import { db } from "../db";
import { recordMarkingAudit } from "../audit/scoped";
import { queueReturnedScore } from "../lti/internal/scores";
import { requireTeacherOfAssignment } from "../auth/policy";
import type { SessionUser } from "../auth/sessions";

// The teacher's side of feedback before marks (docs/decisions/031-feedback-before-marks.md).

/** The setting, and how many returned markings are holding their marks until the student responds. */
export async function getFeedbackRelease(user: SessionUser, assignmentId: string) {
  await requireTeacherOfAssignment(user, assignmentId);
  const [assignment, held] = await Promise.all([
    db().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { feedbackBeforeMarks: true } }),
    db().marking.count({ where: { status: "RETURNED", marksReleasedAt: null, submission: { draft: { assignmentId } } } }),
  ]);
  return { feedbackBeforeMarks: assignment.feedbackBeforeMarks, held: assignment.feedbackBeforeMarks ? held : 0 };
}

/**
 * Turns the setting on or off. It applies to markings returned from now on; turning it off
 * also releases the marks still held, at once (and records when), since nothing then waits
 * for a response. Marks a student has seen are never taken back.
 */
export async function setFeedbackBeforeMarks(user: SessionUser, assignmentId: string, on: boolean) {
  await requireTeacherOfAssignment(user, assignmentId);
  const held = on ? [] : await db().marking.findMany({ where: { status: "RETURNED", marksReleasedAt: null, submission: { draft: { assignmentId } } }, select: { submissionId: true } });
  await db().$transaction(async (tx) => {
    await tx.assignment.update({ where: { id: assignmentId }, data: { feedbackBeforeMarks: on } });
    if (on) return;
    await tx.marking.updateMany({ where: { status: "RETURNED", marksReleasedAt: null, submission: { draft: { assignmentId } } }, data: { marksReleasedAt: new Date() } });
    for (const { submissionId } of held) {
      await recordMarkingAudit(tx, submissionId, { action: "MARKS_RELEASED", actorId: user.id, detail: { reason: "feedback-before-marks turned off" } });
      // Marks released now go to an LMS gradebook now, by a job (decision 036).
      await queueReturnedScore(tx, submissionId);
    }
  });
}
