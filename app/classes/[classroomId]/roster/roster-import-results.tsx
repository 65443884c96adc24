"use client";

import type { Ref } from "react";
import type { RosterImportResult, RosterPerson } from "@/lib/roster/roster-import";
import { CopyLink } from "./copy-link";
import { inviteLink } from "./invite-link";

function People({ title, people, empty, testId }: { title: string; people: RosterPerson[]; empty: string; testId: string }) {
  return (
    <div className="mt-4">
      <h3 className="font-medium text-slate-900">
        {title} ({people.length})
      </h3>
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

export function RosterImportResults({ result, origin, headingRef }: { result: RosterImportResult; origin: string; headingRef: Ref<HTMLHeadingElement> }) {
  const { enrolled, alreadyInClass, invited } = result;
  return (
    <section aria-labelledby="roster-results-heading" data-testid="roster-results" className="rounded-lg border border-green-200 bg-white p-5 shadow-sm">
      <h2 id="roster-results-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
        Roster imported
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {enrolled.length} enrolled, {alreadyInClass.length} already in the class, {invited.length} invited.
      </p>
      <People title="Enrolled" people={enrolled} empty="No one new: everyone with an account was already in the class." testId="roster-enrolled" />
      <People title="Already in the class" people={alreadyInClass} empty="None." testId="roster-already" />
      <div className="mt-4">
        <h3 className="font-medium text-slate-900">Invited ({invited.length})</h3>
        {invited.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">Everyone on the list already has an account.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-600">
              They have no account yet. Send each student their link: creating an account through it puts them in this class. Each link works once.
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
    </section>
  );
}
