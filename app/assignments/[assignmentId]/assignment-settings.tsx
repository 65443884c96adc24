"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { DateTimeField } from "@/components/ui/date-time-field";
import { TextArea, TextField } from "@/components/ui/field";
import { setAssignmentOpenAction, updateAssignmentAction } from "../actions";
import { guardAction } from "@/lib/client/call-action";
import { FeedbackReleaseSetting } from "./feedback-release-setting";

// Offline or a 5xx becomes a message here instead of the error page.
const guardedSetAssignmentOpen = guardAction(setAssignmentOpenAction);

export function AssignmentSettings({
  assignmentId,
  dueAt,
  wordLimit,
  instructions,
  open,
  release,
}: {
  assignmentId: string;
  dueAt: string;
  wordLimit: number | null;
  instructions: string;
  open: boolean;
  release: { feedbackBeforeMarks: boolean; held: number };
}) {
  const [state, toggle, pending] = useActionState(guardedSetAssignmentOpen, null);
  return (
    <section aria-labelledby="settings-h" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="settings-h" className="mb-3 text-lg font-semibold">Settings</h2>
      <ActionForm action={updateAssignmentAction} submitLabel="Save changes" successMessage="Changes saved." submitVariant="secondary">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <DateTimeField name="dueAt" label="Due" defaultValue={dueAt} />
        <TextField name="wordLimit" label="Word limit" inputMode="numeric" defaultValue={wordLimit ?? ""} />
        <TextArea name="instructions" label="Instructions" rows={3} defaultValue={instructions} />
      </ActionForm>
      <form action={toggle} className="mt-4 border-t border-slate-100 pt-4">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <input type="hidden" name="open" value={open ? "false" : "true"} />
        <p className="mb-2 text-sm text-slate-600">{open ? "Closing stops further saving and submission." : "Closed: students cannot change their work."}</p>
        <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
          {open ? "Close assignment" : "Reopen assignment"}
        </button>
        {state && !state.ok ? <p className="mt-1 text-sm text-red-700">{state.formError}</p> : null}
      </form>
      <FeedbackReleaseSetting assignmentId={assignmentId} on={release.feedbackBeforeMarks} held={release.held} />
    </section>
  );
}
