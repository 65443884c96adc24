"use client";

import { useId, useState } from "react";
import { replyToResponseAction } from "@/app/assignments/marking-actions";
import { callAction, isUnreachable } from "@/lib/client/call-action";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/format";
import type { TeacherReply } from "@/lib/marking/teacher-reply-view";
import { useWarnBeforeLeaving } from "@/lib/client/use-warn-before-leaving";

// The same limit as lib/marking/schemas.ts ReplySchema (checked again there).
const MAX = 4000;

type Props = {
  work: { assignmentId: string; studentId: string; submissionNumber: number };
  studentName: string;
  reply: TeacherReply | null;
};

/**
 * The teacher's reply to the student's response, under it on the marking desk. Saving again
 * replaces it; the student is told of the first one. A reply a co-teacher saved meanwhile is
 * shown rather than overwritten, and what this teacher typed stays in the box until it is saved.
 */
export function ResponseReply({ work, studentName, reply: initial }: Props) {
  const id = useId();
  const [saved, setSaved] = useState<TeacherReply | null>(initial);
  const [text, setText] = useState(initial?.text ?? "");
  const [conflict, setConflict] = useState<TeacherReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const length = text.trim().length;
  const over = length > MAX;
  const dirty = text.trim() !== (saved?.text ?? "");

  // Leaving with an unsaved reply asks first.
  useWarnBeforeLeaving(dirty);

  async function send(base: TeacherReply | null = saved) {
    if (!text.trim()) return setError("Write your reply first.");
    if (over) return setError(`Keep your reply under 4,000 characters (it is ${(length - MAX).toLocaleString("en-GB")} over).`);
    setPending(true);
    setError(null);
    setStatus(null);
    const result = await callAction(() => replyToResponseAction(null, { ...work, reply: text, baseRepliedAt: base ? new Date(base.repliedAt).toISOString() : null }));
    setPending(false);
    if (!result.ok) {
      const message = result.fieldErrors?.reply?.join(" ") ?? result.formError ?? "That did not save.";
      return setError(isUnreachable(result) ? `${message} Your reply is still here.` : message);
    }
    if (!result.data.ok) {
      setConflict(result.data.conflict);
      return;
    }
    setConflict(null);
    setSaved(result.data.reply);
    setText(result.data.reply.text);
    setStatus(base ? "Reply updated." : `Reply sent. ${studentName} will be told.`);
  }

  const hint = `${id}-count`;
  return (
    <div className="mt-3 border-t border-slate-200 pt-3" data-testid="response-reply">
      <label htmlFor={id} className="block font-medium text-slate-900">
        Your reply to {studentName}
      </label>
      {saved ? (
        <p className="text-slate-600" suppressHydrationWarning>
          Sent by {saved.byName}, {formatDateTime(saved.repliedAt)}. Saving again replaces it.
        </p>
      ) : null}
      <textarea
        id={id}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error || over ? true : undefined}
        aria-describedby={[hint, error ? `${id}-error` : null].filter(Boolean).join(" ")}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-indigo-600 aria-[invalid=true]:border-red-500"
      />
      <p id={hint} className={`mt-1 text-xs ${over ? "font-medium text-red-700" : "text-slate-600"}`}>
        {length.toLocaleString("en-GB")} of {MAX.toLocaleString("en-GB")} characters
      </p>
      {conflict ? (
        <div role="alert" className="mt-2 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="reply-conflict">
          <p className="font-medium">
            {conflict.byName} replied at {formatDateTime(conflict.repliedAt)}, so yours was not saved. Your reply is still in the box.
          </p>
          <p className="whitespace-pre-line rounded border border-amber-200 bg-white p-2 text-slate-800">{conflict.text}</p>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" disabled={pending} onClick={() => void send(conflict)}>
              Save mine instead
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setSaved(conflict);
                setText(conflict.text);
                setConflict(null);
              }}
            >
              Keep theirs
            </Button>
          </div>
        </div>
      ) : null}
      <div aria-live="polite">
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid="reply-error">
            {error}
          </p>
        ) : null}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button onClick={() => void send()} disabled={pending || (!dirty && saved !== null)}>
          {pending ? "Saving…" : saved ? "Update reply" : "Send reply"}
        </Button>
        <p role="status" className="text-sm text-slate-600">
          {status ?? (dirty && saved ? "Unsaved changes." : "")}
        </p>
      </div>
    </div>
  );
}
