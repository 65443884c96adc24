"use client";

import { useRef, useState, useTransition } from "react";
import { formatDate } from "@/components/format";
import { callAction } from "@/lib/client/call-action";
import { acceptMyInvitationAction, declineMyInvitationAction } from "./actions";

type Invitation = { id: string; classroomName: string; teacherName: string; invitedAt: Date };
type Outcome = { tone: "ok" | "error"; text: string };

// A teacher's roster invitation waits here until the student answers; only Accept puts them
// in the class (decision 012). The answered invitation disappears when the page refreshes,
// so the outcome is announced in a region outside the list, which takes focus.
export function ClassInvitations({ invitations }: { invitations: Invitation[] }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const statusRef = useRef<HTMLDivElement>(null);

  function answer(invitation: Invitation, accept: boolean) {
    setBusy(invitation.id);
    setOutcome(null);
    startTransition(async () => {
      const input = { invitationId: invitation.id };
      const result = accept ? await callAction(() => acceptMyInvitationAction(null, input)) : await callAction(() => declineMyInvitationAction(null, input));
      setBusy(null);
      setOutcome(
        result.ok
          ? { tone: "ok", text: accept ? `You have joined ${invitation.classroomName}.` : `You declined the invitation to ${invitation.classroomName}.` }
          : { tone: "error", text: result.formError ?? "That did not work; nothing was changed. Try again." },
      );
      statusRef.current?.focus();
    });
  }

  if (!invitations.length && !outcome) return null;
  return (
    <section aria-labelledby="invitations-h" data-testid="class-invitations">
      <h2 id="invitations-h" className="mb-2 text-lg font-semibold">
        Invitations
      </h2>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="outline-none">
        {outcome ? (
          <p
            data-testid="invitation-outcome"
            className={`mb-3 rounded-md border px-3 py-2 text-sm ${outcome.tone === "ok" ? "border-green-200 bg-green-50 text-green-800" : "border-red-200 bg-red-50 text-red-800"}`}
          >
            {outcome.text}
          </p>
        ) : null}
      </div>
      {invitations.length ? (
        <ul className="space-y-3">
          {invitations.map((i) => (
            <li key={i.id} className="rounded-lg border border-indigo-200 bg-white p-4 shadow-sm">
              <p className="text-slate-900">
                {i.teacherName} invited you to join <span className="font-semibold">{i.classroomName}</span>.
              </p>
              <p className="mt-0.5 text-sm text-slate-600">
                Invited {formatDate(i.invitedAt)}. Accept to see the class&apos;s assignments; decline if it is not your class.
              </p>
              <div className="mt-3 flex gap-2">
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => answer(i, true)}
                  aria-label={`Accept the invitation to ${i.classroomName}`}
                  className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
                >
                  {busy === i.id ? "Answering…" : "Accept"}
                </button>
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => answer(i, false)}
                  aria-label={`Decline the invitation to ${i.classroomName}`}
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
