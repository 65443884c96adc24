"use client";

import { useEffect, useId, useRef, useState } from "react";
import { publishWholeClassFeedbackAction, saveWholeClassFeedbackAction } from "@/app/assignments/feedback-actions";
import { callAction } from "@/lib/client/call-action";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { formatDateTime } from "@/components/format";
import type { WholeClassContent } from "@/lib/whole-class-feedback/schemas";
import type { StoredWholeClass } from "@/lib/whole-class-feedback/whole-class";
import { encodeLocalCopy, localCopyKey, localCopyToRestore, sameContent } from "@/lib/whole-class-feedback/local-copy";
import { useWarnBeforeLeaving } from "@/lib/client/use-warn-before-leaving";

type Props = {
  assignmentId: string;
  teacherId: string;
  criteria: { id: string; name: string }[];
  /** What is saved (revision 0: nothing yet) and the first draft written from the marks. */
  saved: StoredWholeClass;
  draft: WholeClassContent;
};

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Edits whole-class feedback (decision 032). Saves compare-and-swap on the revision: if another
 * tab or teacher saved first, their text is shown and this one kept, to save over theirs on
 * purpose or drop. Unsaved text is also kept in this browser until it is saved.
 */
export function WholeClassEditor({ assignmentId, teacherId, criteria, saved: initial, draft }: Props) {
  const id = useId();
  const key = localCopyKey(teacherId, assignmentId);
  const [saved, setSaved] = useState(initial);
  const [content, setContent] = useState<WholeClassContent>(initial.revision ? initial.content : draft);
  const [baseRevision, setBaseRevision] = useState(initial.revision);
  const [conflict, setConflict] = useState<StoredWholeClass | null>(null);
  const [status, setStatus] = useState<string | null>(initial.revision ? null : "A first draft, written from the marks and comments. Edit it, then save.");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [confirmDialog, confirm] = useConfirm();
  const dirty = !sameContent(content, saved.content) || saved.revision === 0;
  const loaded = useRef(false);

  // Bring back what this browser had not saved. localStorage is only readable after
  // hydration, so this is an effect; once per mount, and before the effect below may clear it.
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    const copy = localCopyToRestore(storage()?.getItem(key) ?? null, initial);
    if (!copy) return;
    /* eslint-disable react-hooks/set-state-in-effect */
    setContent(copy.content);
    setBaseRevision(copy.baseRevision);
    setStatus("Brought back text you had not saved. Save it, or start again from the marks.");
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [key, initial]);

  useEffect(() => {
    if (!loaded.current) return;
    const store = storage();
    try {
      if (dirty && !sameContent(content, draft)) store?.setItem(key, encodeLocalCopy({ content, baseRevision }));
      else if (!dirty) store?.removeItem(key);
    } catch {
      // A full or blocked storage only loses the backup; the page still saves.
    }
  }, [key, content, baseRevision, dirty, draft]);

  useWarnBeforeLeaving(dirty && saved.revision !== 0);

  const setSection = (criterionId: string, field: "strengths" | "targets", value: string) =>
    setContent((c) => ({ ...c, criteria: c.criteria.map((x) => (x.criterionId === criterionId ? { ...x, [field]: value } : x)) }));

  async function save(on = baseRevision): Promise<StoredWholeClass | null> {
    setPending(true);
    setError(null);
    const result = await callAction(() => saveWholeClassFeedbackAction(null, { assignmentId, baseRevision: on, content }));
    setPending(false);
    if (!result.ok) {
      setError((result.fieldErrors && Object.values(result.fieldErrors).flat().join(" ")) || result.formError || "That did not save.");
      return null;
    }
    if (!result.data.ok) {
      setConflict(result.data.conflict);
      setStatus(null);
      return null;
    }
    setConflict(null);
    setSaved(result.data.feedback);
    setBaseRevision(result.data.feedback.revision);
    setStatus(`Saved at ${formatDateTime(result.data.feedback.updatedAt ?? new Date())}.${result.data.feedback.publishedAt ? " Students see this version." : ""}`);
    return result.data.feedback;
  }

  async function publish(publishIt: boolean) {
    let revision = baseRevision;
    if (dirty) {
      const after = await save();
      if (!after) return;
      revision = after.revision;
    }
    setPending(true);
    setError(null);
    const result = await callAction(() => publishWholeClassFeedbackAction(null, { assignmentId, baseRevision: revision, publish: publishIt }));
    setPending(false);
    if (!result.ok) return setError(result.formError ?? "That did not change.");
    if (!result.data.ok) return setConflict(result.data.conflict);
    setSaved(result.data.feedback);
    setBaseRevision(result.data.feedback.revision);
    setStatus(publishIt ? "Published: students see it with their own feedback." : "Taken back: students no longer see it.");
  }

  async function startAgain() {
    const ok = await confirm({ title: "Start again from the marks?", body: "Your edits in the boxes below are replaced by a fresh draft written from the current marks and comments. Nothing is saved until you save.", confirmLabel: "Replace with a fresh draft" });
    if (ok) setContent(draft);
  }

  const box = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-indigo-600";
  return (
    <div className="space-y-5" data-testid="whole-class-editor">
      {confirmDialog}
      <p className="text-sm text-slate-700" data-testid="whole-class-state">
        {saved.publishedAt ? `Published ${formatDateTime(saved.publishedAt)}: students see the saved version beside their own feedback.` : "Not published: students do not see it yet."}
      </p>
      <div>
        <label htmlFor={`${id}-intro`} className="block text-sm font-medium text-slate-800">
          To the class
        </label>
        <textarea id={`${id}-intro`} rows={3} value={content.intro} onChange={(e) => setContent((c) => ({ ...c, intro: e.target.value }))} className={box} />
      </div>
      {content.criteria.map((c) => {
        const name = criteria.find((x) => x.id === c.criterionId)?.name ?? c.criterionId;
        return (
          <fieldset key={c.criterionId} className="rounded-lg border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold text-slate-900">{name}</legend>
            <div className="grid gap-3 md:grid-cols-2">
              <div>
                <label htmlFor={`${id}-${c.criterionId}-s`} className="block text-sm font-medium text-emerald-900">
                  What the class did well<span className="sr-only"> ({name})</span>
                </label>
                <textarea id={`${id}-${c.criterionId}-s`} rows={5} value={c.strengths} onChange={(e) => setSection(c.criterionId, "strengths", e.target.value)} className={box} />
              </div>
              <div>
                <label htmlFor={`${id}-${c.criterionId}-t`} className="block text-sm font-medium text-amber-900">
                  What to work on<span className="sr-only"> ({name})</span>
                </label>
                <textarea id={`${id}-${c.criterionId}-t`} rows={5} value={c.targets} onChange={(e) => setSection(c.criterionId, "targets", e.target.value)} className={box} />
              </div>
            </div>
          </fieldset>
        );
      })}
      <div>
        <label htmlFor={`${id}-comments`} className="block text-sm font-medium text-slate-800">
          Comments that came up most
        </label>
        <textarea id={`${id}-comments`} rows={4} value={content.comments} onChange={(e) => setContent((c) => ({ ...c, comments: e.target.value }))} className={box} />
      </div>

      {conflict ? (
        <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="whole-class-conflict">
          <p className="font-medium">
            {conflict.editedByName ?? "Someone"} saved a newer version{conflict.updatedAt ? ` at ${formatDateTime(conflict.updatedAt)}` : ""}, so yours was not saved. Your text is still in the boxes.
          </p>
          <p className="whitespace-pre-line rounded border border-amber-200 bg-white p-2 text-slate-800">Their note to the class: {conflict.content.intro || "—"}</p>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" disabled={pending} onClick={() => { setBaseRevision(conflict.revision); void save(conflict.revision); }}>
              Save mine over theirs
            </Button>
            <Button variant="ghost" onClick={() => { setContent(conflict.content); setSaved(conflict); setBaseRevision(conflict.revision); setConflict(null); }}>
              Use theirs
            </Button>
          </div>
        </div>
      ) : null}
      <div aria-live="polite">
        {error ? (
          <p className="text-sm text-red-700" data-testid="whole-class-error">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => void save()} disabled={pending || !dirty}>
          {pending ? "Saving…" : "Save"}
        </Button>
        {saved.publishedAt ? (
          <Button variant="secondary" disabled={pending} onClick={() => void publish(false)}>
            Take back from students
          </Button>
        ) : (
          <Button variant="secondary" disabled={pending} onClick={() => void publish(true)}>
            {dirty ? "Save and publish to students" : "Publish to students"}
          </Button>
        )}
        <Button variant="ghost" onClick={() => void startAgain()}>
          Start again from the marks
        </Button>
        <p role="status" className="text-sm text-slate-600" suppressHydrationWarning>
          {status ?? (dirty ? "Unsaved changes." : "")}
        </p>
      </div>
    </div>
  );
}
