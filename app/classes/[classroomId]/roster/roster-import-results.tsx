"use client";

import type { Ref } from "react";
import type { RosterImportResult, RosterPerson } from "@/lib/roster/roster-import";
import { CopyLink } from "./copy-link";
import { inviteLink } from "./invite-link";

function People({ title, people, empty, testId, note }: { title: string; people: RosterPerson[]; empty: string; testId: string; note?: string }) {
  return (
    <div className="mt-4">
      <h3 className="font-medium text-slate-900">
        {title} ({people.length})
      </h3>
      {note ? <p className="mt-1 text-sm text-slate-600">{note}</p> : null}
      {people.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-1 space-y-0.5 text-sm" data-testid={testId}>
          {people.map((p) => (
            <li key={p.email}>
              <span className="text-slate-900">{p.name}</span> <span className="text-slate-600">{p.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// One list for every invited row, whoever the email belongs to: the screen cannot say which
// emails have accounts, or what kind, because the import never looks (decision 012).
export function RosterImportResults({ result, origin, headingRef }: { result: RosterImportResult; origin: string; headingRef: Ref<HTMLHeadingElement> }) {
  const { invited, alreadyInClass, declined } = result;
  return (
    <section aria-labelledby="roster-results-heading" data-testid="roster-results" className="rounded-lg border border-green-200 bg-white p-5 shadow-sm">
      <h2 id="roster-results-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
        Roster imported
      </h2>
      <p className="mt-1 text-sm text-slate-700" data-testid="roster-summary">
        {invited.length} invited, {alreadyInClass.length} already in the class
        {declined.length ? `, ${declined.length} declined an earlier invitation` : ""}. No one joins until they accept.
      </p>
      <div className="mt-4">
        <h3 className="font-medium text-slate-900">Invited ({invited.length})</h3>
        {invited.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No one new to invite.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-600">
              Send each student their link. Opening it, they create an account or sign in, and choose to join; a student who already has an account
              with that email also finds the invitation on their dashboard. Each link works once.
            </p>
            <ul className="mt-2 space-y-3" data-testid="roster-invited">
              {invited.map((p) => (
                <li key={p.email} className="text-sm">
                  <span className="text-slate-900">{p.name}</span> <span className="text-slate-600">{p.email}</span>
                  <CopyLink link={inviteLink(origin, p.token)} who={p.name} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <People title="Already in the class" people={alreadyInClass} empty="None." testId="roster-already" />
      {declined.length ? (
        <People
          title="Declined an earlier invitation"
          people={declined}
          empty=""
          testId="roster-declined"
          note="Not asked again. To ask again, withdraw their invitation below and import them again."
        />
      ) : null}
    </section>
  );
}
