/** The feedback-before-marks choice when setting an assignment (docs/decisions/031). A plain checkbox: "on" when ticked. */
export function FeedbackBeforeMarksField() {
  return (
    <div className="flex items-start gap-2">
      <input id="feedbackBeforeMarks" type="checkbox" name="feedbackBeforeMarks" className="mt-1 h-4 w-4" aria-describedby="feedbackBeforeMarks-hint" />
      <div>
        <label htmlFor="feedbackBeforeMarks" className="text-sm font-medium text-slate-800">
          Feedback before marks
        </label>
        <p id="feedbackBeforeMarks-hint" className="text-sm text-slate-600">
          Students read your comments and targets first; their level and mark appear once they have responded to the feedback.
        </p>
      </div>
    </div>
  );
}
