"use client";

import Link from "next/link";
import { useRef, useState, useTransition, type ReactNode } from "react";

/** One invitation waiting for an answer: `what` names it in the buttons' labels ("Accept the invitation to …"). */
export type InvitationToAnswer = { id: string; what: string; body: ReactNode; detail: ReactNode };

/** What an answer came to, in words for the person; a link to follow on success if there is one. */
export type AnswerOutcome = { ok: boolean; text: string; link?: { href: string; label: string } };

type Props = {
  invitations: InvitationToAnswer[];
  heading: string;
  testId: string;
  /** Sends the answer; never throws (callers map a refused action to `ok: false`). */
  answer: (invitation: InvitationToAnswer, accept: boolean) => Promise<AnswerOutcome>;
  className?: string;
};

// Invitations (to a class, to co-teach) wait in a list until the person answers. The answered
// one disappears when the page refreshes, so the outcome is announced in a region outside the
// list, which takes focus; while one answer travels, every button waits.
export function InvitationAnswers({ invitations, heading, testId, answer, className = "" }: Props) {
  const [outcome, setOutcome] = useState<AnswerOutcome | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const statusRef = useRef<HTMLDivElement>(null);
  const headingId = `${testId}-h`;

  function send(invitation: InvitationToAnswer, accept: boolean) {
    setBusy(invitation.id);
    setOutcome(null);
    startTransition(async () => {
      const result = await answer(invitation, accept);
      setBusy(null);
      setOutcome(result);
      statusRef.current?.focus();
    });
  }

  if (!invitations.length && !outcome) return null;
  return (
    <section aria-labelledby={headingId} data-testid={testId} className={className}>
      <h2 id={headingId} className="mb-2 text-lg font-semibold">
        {heading}
      </h2>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="outline-none">
        {outcome ? (
          <p
            data-testid={`${testId}-outcome`}
            className={`mb-3 rounded-md border px-3 py-2 text-sm ${outcome.ok ? "border-green-200 bg-green-50 text-green-800" : "border-red-200 bg-red-50 text-red-800"}`}
          >
            {outcome.text}
            {outcome.link ? (
              <>
                {" "}
                <Link href={outcome.link.href} className="font-medium underline">
                  {outcome.link.label}
                </Link>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {invitations.length ? (
        <ul className="space-y-3">
          {invitations.map((i) => (
            <li key={i.id} className="rounded-lg border border-indigo-200 bg-white p-4 shadow-sm">
              <p className="text-slate-900">{i.body}</p>
              <p className="mt-0.5 text-sm text-slate-600">{i.detail}</p>
              <div className="mt-3 flex flex-wrap gap-2">
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => send(i, true)}
                  aria-label={`Accept the invitation to ${i.what}`}
                  className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
                >
                  {busy === i.id ? "Answering…" : "Accept"}
                </button>
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => send(i, false)}
                  aria-label={`Decline the invitation to ${i.what}`}
                  className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-60"
                >
                  Decline
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
