"use client";

import { useId, useRef, useState } from "react";
import { listRevisionsAction, restoreRevisionAction, revisionTextAction } from "@/app/assignments/actions";
import { formatDate, formatDateTime, formatTime } from "@/components/format";
import { Button } from "@/components/ui/button";
import { callAction } from "@/lib/client/call-action";
import type { AutosaveHandle } from "@/lib/client/use-autosave";
import type { RevisionSummary } from "@/lib/drafts/history";
import type { RevisionReason } from "@/lib/drafts/history-policy";

const REASONS: Record<RevisionReason, string> = {
  AUTOSAVE: "Autosaved",
  RESTORE: "Restored an earlier version",
  SUBMIT: "Submitted",
  OUTLINE: "Outline inserted",
  PASTE: "Pasted text",
  CUT: "After a large deletion",
};

const sameMinute = (a: Date, b: Date) => Math.floor(a.getTime() / 60_000) === Math.floor(b.getTime() / 60_000);

function Span({ entry }: { entry: RevisionSummary }) {
  const start = new Date(entry.startedAt);
  const end = new Date(entry.endedAt);
  if (sameMinute(start, end)) return <time dateTime={start.toISOString()}>{formatDateTime(start)}</time>;
  return (
    <>
      <time dateTime={start.toISOString()}>{formatDateTime(start)}</time> to{" "}
      <time dateTime={end.toISOString()}>{formatDate(start) === formatDate(end) ? formatTime(end) : formatDateTime(end)}</time>
    </>
  );
}

/**
 * The draft's version history: every entry with its reason, time, word count and opening
 * words; the full text loads when opened. Restoring first drains the autosave, so the
 * server holds what is on screen (which then stays in history), and restores on the
 * revision the drain confirmed. See docs/decisions/007-draft-history.md.
 */
export function RevisionHistory({
  assignmentId,
  draft,
  readOnly,
  onRestoring,
}: {
  assignmentId: string;
  draft: Pick<AutosaveHandle<string>, "drain" | "adopt">;
  readOnly: boolean;
  /** The editor is read-only while a restore runs: a word typed between the drain and the restored text arriving would otherwise be replaced unsaved. */
  onRestoring: (restoring: boolean) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<RevisionSummary[] | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [reading, setReading] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  function say(text: string) {
    setMessage(text);
    // Move focus to the outcome: the button that was pressed may have gone.
    requestAnimationFrame(() => messageRef.current?.focus());
  }

  async function load() {
    setBusy(true);
    const r = await callAction(() => listRevisionsAction(null, { assignmentId }));
    setBusy(false);
    if (r.ok) setEntries(r.data);
    else say(r.formError ?? "The history could not be loaded. Try again.");
  }

  async function toggle() {
    if (open) return setOpen(false);
    setOpen(true);
    setMessage(null);
    await load();
  }

  async function read(revisionId: string) {
    if (reading === revisionId) return setReading(null);
    if (texts[revisionId] === undefined) {
      setBusy(true);
      const r = await callAction(() => revisionTextAction(null, { assignmentId, revisionId }));
      setBusy(false);
      if (!r.ok) return say(r.formError ?? "That version could not be loaded. Try again.");
      setTexts((t) => ({ ...t, [revisionId]: r.data.text }));
    }
    setReading(revisionId);
  }

  async function restore(entry: RevisionSummary) {
    setConfirming(null);
    setBusy(true);
    onRestoring(true);
    try {
      const drained = await draft.drain();
      if (!drained.ok) return say(`Nothing was restored, because your latest changes are not saved yet: ${drained.message}`);
      const r = await callAction(() => restoreRevisionAction(null, { assignmentId, revisionId: entry.id, baseRevision: drained.revision }));
      if (!r.ok) return say(r.formError ?? "That version could not be restored. Try again.");
      if (!r.data.ok) return say("Nothing was restored: your essay was changed in another tab or on another device just now. Check the text, then try again.");
      draft.adopt({ value: r.data.draft.text, revision: r.data.draft.revision });
      say(`Restored the version from ${formatDateTime(new Date(entry.endedAt))}. The text you had before is kept in the history.`);
      await load();
    } finally {
      setBusy(false);
      onRestoring(false);
    }
  }

  return (
    <div className="mt-3">
      <Button variant="secondary" onClick={toggle} aria-expanded={open} aria-controls={`${id}-panel`} data-testid="history-toggle">
        {open ? "Hide history" : "History"}
      </Button>
      <div aria-live="polite">
        {message ? (
          <p ref={messageRef} tabIndex={-1} data-testid="history-message" className="mt-2 text-sm text-slate-700">
            {message}
          </p>
        ) : null}
      </div>
      {open ? (
        <section id={`${id}-panel`} aria-labelledby={`${id}-h`} aria-busy={busy} className="mt-3 rounded-md border border-slate-200">
          <h3 id={`${id}-h`} className="border-b border-slate-200 px-3 py-2 text-sm font-semibold">
            Version history
          </h3>
          {entries === null ? (
            <p className="px-3 py-2 text-sm text-slate-600">{busy ? "Loading…" : "The history is not loaded."}</p>
          ) : entries.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-600">Nothing saved yet.</p>
          ) : (
            <ol className="max-h-[28rem] divide-y divide-slate-100 overflow-y-auto" data-testid="history-list">
              {entries.map((entry, i) => (
                <li key={entry.id} className="px-3 py-2 text-sm" data-testid="history-entry" data-reason={entry.reason}>
                  <p className="flex flex-wrap gap-x-2">
                    <span className="font-medium text-slate-900">{REASONS[entry.reason]}</span>
                    <span className="text-slate-600">
                      <Span entry={entry} />
                    </span>
                    <span className="text-slate-600">
                      {entry.wordCount.toLocaleString("en-GB")} {entry.wordCount === 1 ? "word" : "words"}
                    </span>
                    {i === 0 ? <span className="text-slate-500">(latest save)</span> : null}
                  </p>
                  <p className="mt-1 font-serif text-slate-700">{entry.preview || <em>(empty)</em>}</p>
                  <div className="mt-2 flex flex-wrap gap-2">
                    <Button variant="ghost" className="px-2 py-1" onClick={() => read(entry.id)} disabled={busy} aria-expanded={reading === entry.id} aria-controls={`${id}-${entry.id}`}>
                      {reading === entry.id ? "Hide full text" : "Read full text"}
                    </Button>
                    {!readOnly && i > 0 && confirming !== entry.id ? (
                      <Button variant="secondary" className="px-2 py-1" onClick={() => setConfirming(entry.id)} disabled={busy}>
                        Restore this version
                      </Button>
                    ) : null}
                  </div>
                  {confirming === entry.id ? (
                    <div role="group" aria-label="Confirm restore" className="mt-2 rounded-md border border-amber-200 bg-amber-50 p-2">
                      <p>Replace the text in the editor with this version? What you have now is saved first and stays in the history.</p>
                      <div className="mt-2 flex gap-2">
                        <Button className="px-2 py-1" onClick={() => restore(entry)} disabled={busy} autoFocus>
                          Yes, restore it
                        </Button>
                        <Button variant="secondary" className="px-2 py-1" onClick={() => setConfirming(null)}>
                          Cancel
                        </Button>
                      </div>
                    </div>
                  ) : null}
                  {reading === entry.id ? (
                    <div id={`${id}-${entry.id}`} className="mt-2 max-h-60 overflow-y-auto whitespace-pre-wrap rounded bg-slate-50 p-2 font-serif" data-testid="history-full-text">
                      {texts[entry.id] || "(empty)"}
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </div>
  );
}
