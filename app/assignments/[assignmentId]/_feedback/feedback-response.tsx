"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { respondToFeedbackAction, startRedraftAction } from "@/app/assignments/marking-actions";
import { callAction } from "@/lib/client/call-action";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/format";

/** The student's written response to returned feedback (it can be revised). */
export function FeedbackResponse({ assignmentId, version, initial, respondedAt }: { assignmentId: string; version: number; initial: string; respondedAt: Date | null }) {
  const id = useId();
  const router = useRouter();
  const [response, setResponse] = useState(initial);
  const [saved, setSaved] = useState<Date | null>(respondedAt);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function send() {
    setPending(true);
    const result = await callAction(() => respondToFeedbackAction(null, { assignmentId, submissionNumber: version, response }));
    setPending(false);
    if (!result.ok) setError(result.fieldErrors?.response?.join(" ") ?? result.formError ?? "That did not save.");
    else {
      setError(null);
      setSaved(new Date());
      // A first response releases marks held back (decision 031): fetch the page again to show them.
      router.refresh();
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-h`} className="text-lg font-semibold text-slate-900">
        Your response
      </h2>
      <label htmlFor={id} className="mt-1 block text-sm text-slate-700">
        What will you do differently next time? Your teacher reads this.
      </label>
      <textarea id={id} rows={4} value={response} onChange={(e) => setResponse(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="mt-2 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-500" data-testid="feedback-response" />
      <div aria-live="polite">
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <div className="mt-2 flex items-center gap-3">
        <Button onClick={send} disabled={pending}>
          {pending ? "Saving…" : saved ? "Update response" : "Send response"}
        </Button>
        <p role="status" className="text-sm text-slate-600" suppressHydrationWarning>
          {saved ? `Sent ${formatDateTime(saved)}.` : ""}
        </p>
      </div>
    </section>
  );
}

/** Unlocks the essay for a redraft when the teacher asked for one. */
export function RedraftButton({ assignmentId }: { assignmentId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div>
      <Button
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await callAction(() => startRedraftAction(null, { assignmentId }));
          setPending(false);
          if (!result.ok) setError(result.formError ?? "Could not start the redraft.");
          else router.push(`/assignments/${assignmentId}?view=work`);
        }}
      >
        {pending ? "Opening…" : "Start redrafting"}
      </Button>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
