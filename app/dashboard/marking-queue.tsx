import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime, truncate } from "@/components/format";
import type { getMarkingQueue, QueueItem } from "@/lib/marking/queue";

type Queue = Awaited<ReturnType<typeof getMarkingQueue>>;

const STATE: Record<QueueItem["state"], { label: string; tone: "slate" | "indigo" | "amber" }> = {
  new: { label: "Not started", tone: "slate" },
  begun: { label: "Marking begun", tone: "indigo" },
  marked: { label: "Marked, not returned", tone: "amber" },
};

/**
 * Work to mark across the teacher's classes, oldest hand-in first. "Mark next" opens the
 * oldest; each row opens its own essay on the desk.
 */
export function MarkingQueue({ queue, allDone }: { queue: Queue; allDone: boolean }) {
  const first = queue.items[0];
  return (
    <section aria-labelledby="queue-h" className="mb-8" data-testid="marking-queue">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="queue-h" className="text-lg font-semibold">
          To mark <span className="font-normal text-slate-600">({queue.total})</span>
        </h2>
        {/* The oldest on page 1 is the oldest of all; a plain link, so it is never prefetched stale. */}
        {queue.page === 1 && first ? (
          <a href={first.href} className={buttonClass("primary")} data-testid="mark-next">
            Mark next
          </a>
        ) : null}
      </div>
      {allDone ? (
        <p role="status" className="mb-2 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          Nothing else is waiting to be marked.
        </p>
      ) : null}
      {queue.total === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">Nothing to mark: handed-in essays appear here, oldest first.</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Essays to mark, oldest first">
          {queue.items.map((item) => (
            // The link is the student's name alone (a short name to list links by); it stretches over the row for the pointer.
            <li key={item.submissionId} data-testid="queue-item" className="relative px-4 py-3 hover:bg-slate-50 has-[a:focus-visible]:bg-slate-50">
              <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                <a href={item.href} className="font-medium text-indigo-800 underline decoration-indigo-200 after:absolute after:inset-0">
                  {item.student}
                </a>
                <span className="text-sm text-slate-600">Handed in {formatDateTime(item.submittedAt)}</span>
              </span>
              <span className="block text-sm text-slate-700">
                {item.classroom} · <span className="font-serif">{truncate(item.question, 90)}</span>
              </span>
              <span className="mt-1 flex flex-wrap gap-2">
                {item.version > 1 ? <Badge tone="indigo">Redraft (version {item.version})</Badge> : null}
                {item.late ? <Badge tone="red">Late</Badge> : null}
                <Badge tone={STATE[item.state].tone}>
                  {STATE[item.state].label}
                  {item.state !== "new" && item.markerName ? ` · ${item.markerName}` : ""}
                </Badge>
              </span>
            </li>
          ))}
        </ol>
      )}
      {queue.pages > 1 ? (
        <nav aria-label="Pages of the marking queue" className="mt-2 flex items-center gap-4 text-sm">
          {queue.page > 1 ? <Link href={`/dashboard?queue=${queue.page - 1}`} className="text-indigo-700 underline">← Older</Link> : null}
          <span>
            Page {queue.page} of {queue.pages}
          </span>
          {queue.page < queue.pages ? <Link href={`/dashboard?queue=${queue.page + 1}`} className="text-indigo-700 underline">Newer →</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
