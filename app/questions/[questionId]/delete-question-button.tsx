"use client";

import { useActionState } from "react";
import { deleteQuestionAction } from "../actions";
import { guardAction } from "@/lib/client/call-action";

// Offline or a 5xx becomes a message here instead of the error page.
const guardedDeleteQuestion = guardAction(deleteQuestionAction);

export function DeleteQuestionButton({ questionId }: { questionId: string }) {
  const [state, action, pending] = useActionState(guardedDeleteQuestion, null);
  return (
    <form action={action} onSubmit={(e) => !confirm("Delete this question from the bank?") && e.preventDefault()}>
      <input type="hidden" name="questionId" value={questionId} />
      <button type="submit" disabled={pending} className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm text-red-700 hover:bg-red-50">
        {pending ? "Deleting…" : "Delete question"}
      </button>
      {/* The region is always present so the refusal is announced when it appears. */}
      <div aria-live="polite" data-testid="delete-question-message">
        {state && !state.ok ? <p className="mt-1 text-sm text-red-700">{state.formError}</p> : null}
      </div>
    </form>
  );
}
