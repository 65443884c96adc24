import type { MarkingView } from "./markings";

// Feedback before marks (docs/decisions/031-feedback-before-marks.md). Pure, so the one rule
// every path a student reads a marking through is tested on its own.

/** What a student is sent of a returned marking: the marking, or it without its levels and mark while they are held. */
export type StudentMarkingView = MarkingView & { marksHeld: boolean };

/**
 * The marks of a returned marking are the student's once released (on return, or at their
 * first response on a feedback-before-marks assignment). The assignment's setting is read
 * too, so a marking returned while the teacher was turning the setting off is never held.
 */
export function marksReleased(marking: Pick<MarkingView, "status" | "marksReleasedAt">, feedbackBeforeMarks: boolean): boolean {
  return marking.status === "RETURNED" && (marking.marksReleasedAt !== null || !feedbackBeforeMarks);
}

/** Strips the levels, per-criterion marks and total from a held marking; comments and the summary stay. */
export function forStudent(marking: MarkingView, feedbackBeforeMarks: boolean): StudentMarkingView {
  if (marksReleased(marking, feedbackBeforeMarks)) return { ...marking, marksHeld: false };
  return { ...marking, awards: [], total: null, marksHeld: true };
}
