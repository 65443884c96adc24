import Link from "next/link";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { ACTION_LABELS, actionLabel, describeChange, personLabel } from "@/lib/audit/describe";
import type { AuditFilter } from "@/lib/audit/filter";
import type { AuditRow } from "@/lib/audit/trail";
import { formatDateTime } from "@/lib/time/format";
import { EmptyState } from "@/components/ui/card";

// The audit trail as a table with its filters (decision 039). Data-free: the page loads the
// events through lib/audit/trail.ts and hands them in. Filters are a plain GET form, so a
// filtered trail is a link that can be bookmarked, and it works without JavaScript.

/** What the table shows of an event, as lib/audit/trail.ts reads it. */
export type AuditTrailEvent = Pick<
  AuditRow,
  "id" | "at" | "action" | "actorId" | "actorName" | "subjectId" | "subjectName" | "className" | "before" | "after" | "detail"
>;

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm text-slate-900";

export function AuditFilters({ base, filter }: { base: string; filter: AuditFilter }) {
  return (
    <form method="get" action={base} aria-label="Filter the audit trail" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
      <div>
        <label htmlFor="audit-action" className="block text-sm font-medium text-slate-800">
          What happened
        </label>
        <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={control}>
          <option value="">Everything</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {ACTION_LABELS[a]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-person" className="block text-sm font-medium text-slate-800">
          Person (name or email)
        </label>
        <input id="audit-person" name="person" defaultValue={filter.person ?? ""} maxLength={100} className={control} />
      </div>
      <div>
        <label htmlFor="audit-from" className="block text-sm font-medium text-slate-800">
          From
        </label>
        <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} className={control} />
      </div>
      <div>
        <label htmlFor="audit-to" className="block text-sm font-medium text-slate-800">
          To
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} className={control} />
      </div>
      <div className="flex items-end gap-3">
        <button type="submit" className="min-h-10 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800">
          Filter
        </button>
        <Link href={base} className="py-2 text-sm text-indigo-800 underline">
          Clear
        </Link>
      </div>
    </form>
  );
}

function Change({ event }: { event: AuditTrailEvent }) {
  const { before, after, facts } = describeChange(event);
  return (
    <div className="space-y-1">
      {before !== undefined ? (
        <p data-testid="audit-change">
          <span className="text-slate-700">{before}</span> <span aria-label="changed to">→</span> <span className="font-medium text-slate-900">{after}</span>
        </p>
      ) : null}
      {facts ? <p className="text-slate-600">{facts}</p> : null}
    </div>
  );
}

export function AuditTable({ events, zone, showClass, nextHref }: { events: AuditTrailEvent[]; zone: string; showClass: boolean; nextHref: string | null }) {
  if (!events.length) return <EmptyState title="No events match">Nothing recorded matches these filters.</EmptyState>;
  return (
    <>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">Audit events, newest first</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                When
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                What
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Who
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                About
              </th>
              {showClass ? (
                <th scope="col" className="px-3 py-2 font-medium">
                  Class
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2 font-medium">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-3 py-2 text-slate-700">{formatDateTime(e.at, zone)}</td>
                <td className="px-3 py-2 font-medium text-slate-900">{actionLabel(e.action)}</td>
                <td className="px-3 py-2">{personLabel(e.actorId, e.actorName, e.action === "SIGN_IN_FAILED" ? "Unknown" : "System")}</td>
                <td className="px-3 py-2">{e.subjectId ? personLabel(e.subjectId, e.subjectName) : "—"}</td>
                {showClass ? <td className="px-3 py-2">{e.className ?? "—"}</td> : null}
                <td className="px-3 py-2">
                  <Change event={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Audit pages" className="mt-4 flex flex-wrap gap-4 text-sm">
        {nextHref ? (
          <Link href={nextHref} className="text-indigo-800 underline">
            Older events
          </Link>
        ) : (
          <p className="text-slate-600">That is the oldest event matching these filters.</p>
        )}
      </nav>
    </>
  );
}

/** The URL of the next (older) page: the same filters and the cursor after the last event shown. */
export function nextPageHref(base: string, filter: AuditFilter, cursor: string | null): string | null {
  if (!cursor) return null;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, after: cursor })) if (v) params.set(k, String(v));
  return `${base}?${params}`;
}
