"use client";

import { useActionState, useEffect, useMemo, useRef, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { guardAction } from "@/lib/client/call-action";
import type { DeletionReportView } from "@/lib/deletion/labels";
import { FieldErrorsProvider } from "@/components/ui/action-form";
import { DeletionSummary } from "./deletion-summary";

type Action = (prev: unknown, data: FormData) => Promise<ActionResult<DeletionReportView>>;

// The final step of a deletion: the typed confirmation, then the report of what went, shown
// in place (the report's heading takes focus so a screen reader hears it at once).
export function ConfirmDeletionForm({ action, submitLabel, children, after }: { action: Action; submitLabel: string; children?: ReactNode; after?: ReactNode }) {
  const guarded = useMemo(() => guardAction(action), [action]);
  const [state, formAction] = useActionState(guarded, null);
  const [pending, startTransition] = useTransition();
  const reportRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state?.ok) reportRef.current?.focus();
    else if (state && !state.ok) errorRef.current?.focus();
  }, [state]);

  if (state?.ok && state.data) {
    return (
      <div ref={reportRef} tabIndex={-1} className="space-y-3 outline-none" data-testid="deletion-report">
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {state.data.title}
        </p>
        <DeletionSummary heading="What was deleted" lines={state.data.lines} />
        {state.data.notes.map((note) => (
          <p key={note} className="text-sm text-slate-700">
            {note}
          </p>
        ))}
        {after}
      </div>
    );
  }
  return (
    <FieldErrorsProvider value={state && !state.ok ? (state.fieldErrors ?? {}) : {}}>
      <form
        noValidate
        className="space-y-4"
        data-testid="confirm-deletion"
        onSubmit={(e) => {
          // Not <form action>: React would clear what was typed when a confirmation is refused.
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => formAction(data));
        }}
      >
        {state && !state.ok ? (
          <p ref={errorRef} tabIndex={-1} role="alert" data-testid="form-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.formError}
          </p>
        ) : null}
        {children}
        <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60">
          {pending ? "Deleting…" : submitLabel}
        </button>
      </form>
    </FieldErrorsProvider>
  );
}
