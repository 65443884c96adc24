"use client";

import { useId, useState } from "react";
import type { AnnotationView } from "@/lib/marking/annotation-view";
import { setTargetAddressedAction } from "@/app/assignments/marking-actions";
import { callAction } from "@/lib/client/call-action";
import { Button } from "@/components/ui/button";

/** The student's answer to a target: mark it addressed and say how, or take that back. */
export function TargetAnswer({ annotation, onChange }: { annotation: AnnotationView; onChange: (a: AnnotationView) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState(annotation.addressedNote);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (annotation.kind !== "TARGET") return null;

  async function send(addressed: boolean) {
    setPending(true);
    const result = await callAction(() => setTargetAddressedAction(null, { annotationId: annotation.id, addressed, note: addressed ? note : "" }));
    setPending(false);
    if (!result.ok) {
      setError(result.fieldErrors?.note?.join(" ") ?? result.formError ?? "That did not save.");
      return;
    }
    setError(null);
    setOpen(false);
    const found = annotation.location !== null;
    onChange({ ...annotation, addressedNote: result.data.addressedNote, targetStatus: result.data.status === "ADDRESSED" ? "addressed" : found ? "open" : "detached" });
  }

  if (!open) {
    return (
      <div className="mt-2">
        {annotation.targetStatus === "addressed" ? (
          <Button variant="ghost" className="px-2 py-1 text-indigo-800 underline" onClick={() => send(false)} disabled={pending}>
            Reopen this target
          </Button>
        ) : (
          <Button variant="secondary" className="px-2 py-1" onClick={() => setOpen(true)}>
            I’ve addressed this<span className="sr-only">: {annotation.comment}</span>
          </Button>
        )}
        <div aria-live="polite">{error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}</div>
      </div>
    );
  }
  return (
    <div className="mt-2 space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        How did you address it?
      </label>
      <textarea id={id} rows={2} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-500" />
      <div aria-live="polite">
        {error ? (
          <p id={`${id}-error`} className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex gap-2">
        <Button className="px-3 py-1.5" onClick={() => send(true)} disabled={pending}>
          {pending ? "Saving…" : "Mark as addressed"}
        </Button>
        <Button variant="secondary" className="px-3 py-1.5" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
