"use client";

import { useEffect, useId, useRef, useState, useTransition, type ReactNode, type RefObject } from "react";
import { countWords, wordLimitState } from "@/lib/drafts/word-count";
import { MAX_DRAFT_CHARS } from "@/lib/drafts/draft-limits";
import { submitDraftAction } from "@/app/assignments/actions";
import { ConflictNotice } from "@/components/autosave/conflict-notice";
import { SaveStatusText } from "@/components/autosave/save-status";
import { formatDateTime } from "@/components/format";
import type { DrainResult } from "@/lib/autosave/autosave-machine";
import { callAction } from "@/lib/client/call-action";
import type { AutosaveHandle } from "@/lib/client/use-autosave";
import { LeftoverText } from "@/components/autosave/leftover-text";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { RevisionHistory } from "./lazy-revision-history";

// A paste this long is a step worth its own history entry (the server keeps the text before it).
const BIG_PASTE_CHARS = 200;
// The character cap is shown from here on, so it is never a surprise.
const SHOW_CAP_FROM = Math.floor(MAX_DRAFT_CHARS * 0.9);
const n = (x: number) => x.toLocaleString("en-GB");
// Characters as the textarea will hold them (it turns CRLF into LF).
const pastedSize = (text: string) => text.replace(/\r\n?/g, "\n").length;

/** Why the essay was not handed in: the text on screen could not be confirmed as saved first. */
function notSubmitted(r: Exclude<DrainResult, { ok: true }>): string {
  const lead = "Not submitted";
  switch (r.state) {
    case "offline":
      return `${lead}: ${r.message} Your text is kept in this browser; try again when you are back online.`;
    case "invalid":
      return `${lead}: your essay could not be saved. ${r.message} Fix that, then try again.`;
    case "conflict":
      return `${lead}: this essay was changed in another tab or device. Choose which version to keep above, then try again.`;
    case "stopped":
      return `${lead}: ${r.message}`;
  }
}

export function DraftEditor({
  assignmentId,
  draft,
  wordLimit,
  submitted,
  closed,
  beforeSubmit,
  onSubmitted,
  submitChecks,
  textRef: sharedRef,
}: {
  assignmentId: string;
  draft: AutosaveHandle<string>;
  wordLimit: number | null;
  submitted: { at: Date; late: boolean } | null;
  closed: boolean;
  /** Settles the plan's autosave first, so a plan edit is not locked out by the hand-in. */
  beforeSubmit?: () => Promise<DrainResult>;
  onSubmitted: (s: { at: Date; late: boolean }) => void;
  /** What the hand-in confirmation lists (the plan's gaps), or null when there is nothing to say. */
  submitChecks?: () => Promise<ReactNode | null>;
  /** The textarea, for the coverage panel's "go to this paragraph". */
  textRef?: RefObject<HTMLTextAreaElement | null>;
}) {
  const id = useId();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [restoring, setRestoring] = useState(false);
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const textRef = sharedRef ?? ownRef;
  const [dialog, ask] = useConfirm();
  const pasted = useRef(0);
  const words = countWords(draft.value);
  const limit = wordLimitState(words, wordLimit);
  const chars = draft.value.length;
  const readOnly = !!submitted || closed;

  // Typing that lands before the page has hydrated fires no onChange. Whatever the textarea
  // holds once React takes over is the student's, so it goes to the autosave like any edit.
  // data-ready tells tests (and nothing else) that edits are now being watched.
  useEffect(() => {
    const typed = textRef.current?.value;
    if (!readOnly && typed !== undefined && typed !== draft.current()) draft.setValue(typed);
    textRef.current?.setAttribute("data-ready", "true");
    // Only once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Handing in removes the Submit button that had focus: focus moves to the banner saying it is done.
  const bannerRef = useRef<HTMLParagraphElement>(null);
  const focusBanner = useRef(false);
  useEffect(() => {
    if (!submitted || !focusBanner.current) return;
    focusBanner.current = false;
    bannerRef.current?.focus();
  }, [submitted]);

  async function submit() {
    if (pending) return;
    // An accessible dialog, not window.confirm: it lists what the essay leaves out of the plan
    // (coverage, the plan check, the judgement), and "Go back" has focus.
    const listed = (await submitChecks?.()) ?? null;
    const locked = <p className="mt-3">You won’t be able to change your essay after you submit it.</p>;
    const go = await ask({
      title: listed ? "Before you submit" : "Submit your essay?",
      body: <>{listed}{locked}</>,
      confirmLabel: listed ? "Submit anyway" : "Submit essay",
      testId: "submit-dialog",
    });
    if (!go) return;
    setMessage(null);
    startTransition(async () => {
      const plan = await beforeSubmit?.();
      if (plan && !plan.ok) {
        const anyway = await ask({ title: "Your plan’s latest changes are not saved", body: <p>{plan.message} They stay in this browser. Submit your essay anyway?</p>, confirmLabel: "Submit anyway", testId: "submit-plan-unsaved" });
        if (!anyway) return;
      }
      // Wait for the save in flight and send what is pending, then hand in the text on screen
      // on the revision the server confirmed: saved and submitted in one transaction.
      const drained = await draft.drain();
      if (!drained.ok) return setMessage(notSubmitted(drained));
      const text = draft.current();
      const r = await callAction(() => submitDraftAction(null, { assignmentId, baseRevision: drained.revision, text }));
      if (!r.ok) return setMessage(`Not submitted: ${r.formError ?? "your essay could not be submitted."}`);
      draft.adopt({ value: text, revision: drained.revision + 1 });
      draft.lock();
      focusBanner.current = true;
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
        <p ref={bannerRef} tabIndex={-1} data-testid="submitted-banner" className="mt-2 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 outline-none focus-visible:ring-2 focus-visible:ring-indigo-600">
          Submitted {formatDateTime(submitted.at)}{submitted.late ? " (late)" : ""}. Your teacher can now read it; it is locked.
        </p>
      ) : closed ? (
        <p className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">This assignment is closed, so the essay can no longer be changed.</p>
      ) : null}
      {readOnly && draft.leftover !== null ? <LeftoverText text={draft.leftover} onDismiss={draft.dismissLeftover} /> : null}
      {draft.restoredLocal && !readOnly ? (
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
      {/* No maxLength: the browser would cut a long paste silently. Over the cap the save is
          refused with the reason, the text stays, and the count below says what to remove. */}
      <textarea
        id={`${id}-text`}
        data-testid="draft-text"
        ref={textRef}
        value={draft.value}
        readOnly={readOnly || pending || restoring}
        onPaste={(e) => (pasted.current = readOnly ? 0 : pastedSize(e.clipboardData.getData("text")))}
        onChange={(e) => {
          const size = pasted.current;
          // The paste's size goes with the next autosave (the writing-process summary); its text never does.
          draft.setValue(e.target.value, size ? { paste: size, checkpoint: size > BIG_PASTE_CHARS ? "paste" : undefined } : undefined);
          pasted.current = 0;
        }}
        rows={22}
        spellCheck
        aria-describedby={`${id}-words ${id}-chars`}
        className="mt-3 block w-full rounded-md border border-slate-300 p-3 font-serif text-base leading-relaxed text-slate-900 read-only:bg-slate-50"
        placeholder="Start with your introduction: state your line of argument. Use “Insert outline” in the plan to get a paragraph-by-paragraph scaffold."
      />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
        <div>
          <p id={`${id}-words`} data-testid="word-count" className={limit === "over" ? "font-medium text-red-700" : limit === "near" ? "text-amber-800" : "text-slate-600"}>
            {n(words)} {wordLimit ? `of ${n(wordLimit)} words` : words === 1 ? "word" : "words"}
            {limit === "over" ? ` — ${n(words - wordLimit!)} over the limit` : ""}
          </p>
          <p id={`${id}-chars`} data-testid="char-count" hidden={chars < SHOW_CAP_FROM} className={chars > MAX_DRAFT_CHARS ? "font-medium text-red-700" : "text-amber-800"}>
            {n(chars)} of {n(MAX_DRAFT_CHARS)} characters
            {chars > MAX_DRAFT_CHARS ? ` — remove ${n(chars - MAX_DRAFT_CHARS)} so it can be saved` : ", the most an essay can hold"}
          </p>
        </div>
        <div className="flex gap-2">
          {!readOnly ? (
            <button type="button" onClick={() => void submit()} disabled={!!draft.conflict} aria-disabled={pending || undefined} className="rounded-md bg-indigo-700 px-3 py-1.5 font-medium text-white hover:bg-indigo-800 disabled:opacity-60 aria-disabled:opacity-60">
              {pending ? "Submitting…" : "Submit essay"}
            </button>
          ) : null}
        </div>
      </div>
      <div aria-live="polite">{message ? <p className="mt-2 text-sm text-slate-700" data-testid="draft-message">{message}</p> : null}</div>

      <RevisionHistory assignmentId={assignmentId} draft={draft} readOnly={readOnly} onRestoring={setRestoring} />
      {dialog}
    </section>
  );
}
