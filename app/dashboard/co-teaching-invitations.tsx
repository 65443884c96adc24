"use client";

import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { formatDate } from "@/components/format";
import { callAction } from "@/lib/client/call-action";
import type { CoTeachingOffer } from "@/lib/classes/my-teacher-invitations";
import { acceptTeacherInvitationAction, declineTeacherInvitationAction } from "./co-teaching-actions";

type Outcome = { tone: "ok" | "error"; text: string; classroomId?: string };

// Invitations to co-teach wait here (and on their link's page) until the teacher answers
// (decision 025). The answered one disappears when the page refreshes, so the outcome is
// announced in a region outside the list, which takes focus.
export function CoTeachingInvitations({ offers, heading = "Invitations to teach" }: { offers: CoTeachingOffer[]; heading?: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const statusRef = useRef<HTMLDivElement>(null);

  function answer(offer: CoTeachingOffer, accept: boolean) {
    setBusy(offer.id);
    setOutcome(null);
    startTransition(async () => {
      const input = { invitationId: offer.id };
      const result = accept ? await callAction(() => acceptTeacherInvitationAction(null, input)) : await callAction(() => declineTeacherInvitationAction(null, input));
      setBusy(null);
      if (!result.ok) setOutcome({ tone: "error", text: result.formError ?? "That did not work; nothing was changed. Try again." });
      else if (accept) setOutcome({ tone: "ok", text: `You now teach ${offer.classroomName}.`, classroomId: (result.data as { classroomId: string }).classroomId });
      else setOutcome({ tone: "ok", text: `You declined the invitation to teach ${offer.classroomName}.` });
      statusRef.current?.focus();
    });
  }

  if (!offers.length && !outcome) return null;
  return (
    <section aria-labelledby="co-teaching-h" data-testid="co-teaching-invitations" className="mb-6">
      <h2 id="co-teaching-h" className="mb-2 text-lg font-semibold">
        {heading}
      </h2>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="outline-none">
        {outcome ? (
          <p
            data-testid="co-teaching-outcome"
            className={`mb-3 rounded-md border px-3 py-2 text-sm ${outcome.tone === "ok" ? "border-green-200 bg-green-50 text-green-800" : "border-red-200 bg-red-50 text-red-800"}`}
          >
            {outcome.text}{" "}
            {outcome.classroomId ? (
              <Link href={`/classes/${outcome.classroomId}`} className="font-medium underline">
                Open the class
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
      {offers.length ? (
        <ul className="space-y-3">
          {offers.map((o) => (
            <li key={o.id} className="rounded-lg border border-indigo-200 bg-white p-4 shadow-sm">
              <p className="text-slate-900">
                {o.invitedByName} invited you to teach <span className="font-semibold">{o.classroomName}</span> ({o.classroomDetail}) with them.
              </p>
              <p className="mt-0.5 text-sm text-slate-600">
                Invited {formatDate(o.invitedAt)}. As a co-teacher you can see the class&apos;s students and their work, set assignments and mark.
              </p>
              <div className="mt-3 flex flex-wrap gap-2">
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => answer(o, true)}
                  aria-label={`Accept the invitation to teach ${o.classroomName}`}
                  className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
                >
                  {busy === o.id ? "Answering…" : "Accept"}
                </button>
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => answer(o, false)}
                  aria-label={`Decline the invitation to teach ${o.classroomName}`}
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
