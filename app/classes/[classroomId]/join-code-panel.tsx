"use client";

import { useActionState } from "react";
import { regenerateJoinCodeAction } from "../actions";
import { guardAction } from "@/lib/client/call-action";

// Offline or a 5xx becomes a message here instead of the error page.
const guardedRegenerateJoinCode = guardAction(regenerateJoinCodeAction);

export function JoinCodePanel({ classroomId, joinCode }: { classroomId: string; joinCode: string }) {
  const [state, action, pending] = useActionState(guardedRegenerateJoinCode, null);
  return (
    <section aria-labelledby="join-code-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="join-code-heading" className="text-lg font-semibold">Join code</h2>
      <p className="mt-3 font-mono text-3xl font-semibold tracking-[0.3em] text-indigo-800" data-testid="join-code">
        {joinCode}
      </p>
      <p className="mt-2 text-sm text-slate-600">Students enter this on their dashboard. Regenerate it to stop new students joining with the old one.</p>
      <form
        action={action}
        onSubmit={(e) => {
          if (!confirm("Regenerate the join code? The old code will stop working.")) e.preventDefault();
        }}
        className="mt-4"
      >
        <input type="hidden" name="classroomId" value={classroomId} />
        <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
          {pending ? "Regenerating…" : "Regenerate code"}
        </button>
      </form>
      <div aria-live="polite" className="mt-2 text-sm">
        {state?.ok ? <p className="text-green-800">New code ready.</p> : null}
        {state && !state.ok ? <p className="text-red-700">{state.formError}</p> : null}
      </div>
    </section>
  );
}
