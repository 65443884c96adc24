"use client";

import { useActionState } from "react";
import { removeStudentAction } from "../actions";
import { guardAction } from "@/lib/client/call-action";
import { focusWhenRemoved } from "@/lib/client/focus-when-removed";

// Offline or a 5xx becomes a message here instead of the error page.
const guardedRemoveStudent = guardAction(removeStudentAction);

export function RemoveStudentButton({ classroomId, studentId, studentName }: { classroomId: string; studentId: string; studentName: string }) {
  const [state, action, pending] = useActionState(guardedRemoveStudent, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(`Remove ${studentName} from this class? Their account is kept.`)) return e.preventDefault();
        // The student's row goes: focus the list's heading, not the page.
        focusWhenRemoved(e.currentTarget, () => document.getElementById("class-students"));
      }}
    >
      <input type="hidden" name="classroomId" value={classroomId} />
      <input type="hidden" name="studentId" value={studentId} />
      <button type="submit" disabled={pending} className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50" aria-label={`Remove ${studentName}`}>
        {pending ? "Removing…" : "Remove"}
      </button>
      {state && !state.ok ? <span role="alert" className="ml-2 text-xs text-red-700">{state.formError}</span> : null}
    </form>
  );
}
