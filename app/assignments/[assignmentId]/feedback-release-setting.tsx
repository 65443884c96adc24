"use client";

import { useActionState } from "react";
import { setFeedbackBeforeMarksAction } from "../feedback-actions";
import { guardAction } from "@/lib/client/call-action";

const guardedSet = guardAction(setFeedbackBeforeMarksAction);

/** Feedback before marks, on the assignment's settings (docs/decisions/031), with how many students' marks are held. */
export function FeedbackReleaseSetting({ assignmentId, on, held }: { assignmentId: string; on: boolean; held: number }) {
  const [state, toggle, pending] = useActionState(guardedSet, null);
  return (
    <form action={toggle} className="mt-4 border-t border-slate-100 pt-4" data-testid="feedback-before-marks">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="feedbackBeforeMarks" value={on ? "false" : "true"} />
      <p className="text-sm font-medium text-slate-800">Feedback before marks: {on ? "on" : "off"}</p>
      <p className="mb-2 text-sm text-slate-600">
        {on
          ? held
            ? `Marks held for ${held} student${held === 1 ? "" : "s"} until they respond to their feedback.`
            : "Returned feedback shows the level and mark once the student has responded."
          : "Returned feedback shows the level and mark at once."}
      </p>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
        {on ? (held ? "Turn off and show held marks" : "Turn off") : "Hold marks until students respond"}
      </button>
      <div aria-live="polite">{state && !state.ok ? <p className="mt-1 text-sm text-red-700">{state.formError}</p> : null}</div>
    </form>
  );
}
