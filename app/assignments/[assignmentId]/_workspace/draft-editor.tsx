"use client";

import { useId, useState, useTransition } from "react";
import { countWords, wordLimitState } from "@/lib/drafts/word-count";
import { listRevisionsAction, restoreRevisionAction, submitDraftAction } from "@/app/assignments/actions";
import { ConflictNotice } from "@/components/autosave/conflict-notice";
import { SaveStatusText } from "@/components/autosave/save-status";
import { formatDateTime } from "@/components/format";
import type { useAutosave } from "@/lib/client/use-autosave";

type DraftState = ReturnType<typeof useAutosave<string>>;
type Revision = { id: string; reason: "AUTOSAVE" | "RESTORE" | "SUBMIT"; wordCount: number; createdAt: Date; updatedAt: Date; text: string };

const REASONS = { AUTOSAVE: "Autosaved", RESTORE: "Restored", SUBMIT: "Submitted" } as const;
const when = (d: Date) => formatDateTime(d);

export function DraftEditor({
  assignmentId,
  draft,
  wordLimit,
  submitted,
  closed,
  onSubmitted,
}: {
  assignmentId: string;
  draft: DraftState;
  wordLimit: number | null;
  submitted: { at: Date; late: boolean } | null;
  closed: boolean;
  onSubmitted: (s: { at: Date; late: boolean }) => void;
}) {
  const id = useId();
  const [history, setHistory] = useState<Revision[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const words = countWords(draft.value);
  const limit = wordLimitState(words, wordLimit);
  const readOnly = !!submitted || closed;

  function loadHistory() {
    startTransition(async () => {
      const r = await listRevisionsAction(null, { assignmentId });
      if (r.ok) setHistory(r.data as Revision[]);
      else setMessage(r.formError ?? "History could not be loaded.");
    });
  }

  function restore(revisionId: string) {
    if (!confirm("Replace your current text with this version? Your current text stays in the history.")) return;
    startTransition(async () => {
      await draft.flush();
      const r = await restoreRevisionAction(null, { assignmentId, revisionId, baseRevision: draft.baseRevision() });
      if (!r.ok) return setMessage(r.formError ?? "That version could not be restored.");
      if (r.data.ok) {
        draft.adopt({ value: r.data.draft.text, revision: r.data.draft.revision });
        setMessage("Earlier version restored.");
        loadHistory();
      } else setMessage("A newer version was saved elsewhere; reload the page before restoring.");
    });
  }

  function submit() {
    if (!confirm("Submit your essay? You won't be able to change it afterwards.")) return;
    startTransition(async () => {
      await draft.flush();
      const r = await submitDraftAction(null, { assignmentId, baseRevision: draft.baseRevision() });
      if (!r.ok) return setMessage(r.formError ?? "Your essay could not be submitted.");
      draft.lock();
      onSubmitted({ at: new Date(r.data.submittedAt), late: r.data.late });
    });
  }

  return (
    <section aria-labelledby={`${id}-h`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-h`} className="text-lg font-semibold">Your essay</h2>
        {!readOnly ? <SaveStatusText status={draft.status} testId="draft-status" /> : null}
      </div>

      {submitted ? (
        <p data-testid="submitted-banner" className="mt-2 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          Submitted {when(submitted.at)}{submitted.late ? " (late)" : ""}. Your teacher can now read it; it is locked.
        </p>
      ) : closed ? (
        <p className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">This assignment is closed, so the essay can no longer be changed.</p>
      ) : null}
      {draft.restoredLocal ? (
        <p className="mt-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900" data-testid="restored-local">
          We brought back changes from this browser that had not been saved yet.
        </p>
      ) : null}

      {draft.conflict ? (
        <ConflictNotice
          testId="draft-conflict"
          message="This essay was changed in another tab or on another device. Your text below has not been saved, and nothing has been overwritten."
          takeNewerLabel="Use the newer version"
          onResolve={draft.resolveConflict}
        >
          <label className="block">
            <span className="font-medium">The newer saved version</span>
            <textarea readOnly value={draft.conflict.value} rows={5} className="mt-1 block w-full rounded border border-red-200 bg-white p-2 font-serif text-slate-800" />
          </label>
        </ConflictNotice>
      ) : null}

      <label htmlFor={`${id}-text`} className="sr-only">Essay text</label>
      <textarea
        id={`${id}-text`}
        data-testid="draft-text"
        value={draft.value}
        readOnly={readOnly}
        onChange={(e) => draft.setValue(e.target.value)}
        rows={22}
        spellCheck
        aria-describedby={`${id}-words`}
        className="mt-3 block w-full rounded-md border border-slate-300 p-3 font-serif text-base leading-relaxed text-slate-900 read-only:bg-slate-50"
        placeholder="Start with your introduction: state your line of argument. Use “Insert outline” in the plan to get a paragraph-by-paragraph scaffold."
      />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p id={`${id}-words`} data-testid="word-count" className={limit === "over" ? "font-medium text-red-700" : limit === "near" ? "text-amber-800" : "text-slate-600"}>
          {words.toLocaleString("en-GB")} {wordLimit ? `of ${wordLimit.toLocaleString("en-GB")} words` : words === 1 ? "word" : "words"}
          {limit === "over" ? ` — ${(words - wordLimit!).toLocaleString("en-GB")} over the limit` : ""}
        </p>
        <div className="flex gap-2">
          <button type="button" onClick={() => (history ? setHistory(null) : loadHistory())} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50" aria-expanded={!!history}>
            {history ? "Hide history" : "History"}
          </button>
          {!readOnly ? (
            <button type="button" onClick={submit} disabled={pending || !!draft.conflict} className="rounded-md bg-indigo-700 px-3 py-1.5 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
              Submit essay
            </button>
          ) : null}
        </div>
      </div>
      <div aria-live="polite">{message ? <p className="mt-2 text-sm text-slate-700" data-testid="draft-message">{message}</p> : null}</div>

      {history ? (
        <div className="mt-3 rounded-md border border-slate-200">
          <h3 className="border-b border-slate-200 px-3 py-2 text-sm font-semibold">Revision history</h3>
          {history.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-600">Nothing saved yet.</p>
          ) : (
            <ol className="max-h-72 divide-y divide-slate-100 overflow-y-auto">
              {history.map((r) => (
                <li key={r.id} className="px-3 py-2 text-sm">
                  <details>
                    <summary className="cursor-pointer">
                      {REASONS[r.reason]} · {when(r.updatedAt)} · {r.wordCount} words
                    </summary>
                    <p className="mt-2 max-h-40 overflow-y-auto whitespace-pre-wrap rounded bg-slate-50 p-2 font-serif">{r.text || "(empty)"}</p>
                    {!readOnly ? (
                      <button type="button" onClick={() => restore(r.id)} disabled={pending} className="mt-2 rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">Restore this version</button>
                    ) : null}
                  </details>
                </li>
              ))}
            </ol>
          )}
        </div>
      ) : null}
    </section>
  );
}
