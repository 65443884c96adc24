import type { InboxItem } from "@/lib/notifications/inbox";
import { kindInfo } from "@/lib/notifications/kinds";
import { formatDateTime } from "@/components/format";

// One row per notification. An unread one is bold, has a bar at its side and says "Unread"
// in words (never colour alone). Each opens through /notifications/[id], which marks it read
// and goes on to where it leads; a plain <a>, not <Link>, because Next prefetches Links and a
// prefetch must not mark anything read.

export function InboxList({ items }: { items: InboxItem[] }) {
  return (
    <ol className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="inbox">
      {items.map((n) => {
        const unread = n.readAt === null;
        return (
          <li key={n.id} data-testid="inbox-item" data-unread={unread ? "true" : "false"} className={`relative ${unread ? "bg-indigo-50/60" : ""}`}>
            {unread ? <span aria-hidden="true" className="absolute inset-y-0 left-0 w-1 bg-indigo-700" /> : null}
            <a href={`/notifications/${encodeURIComponent(n.id)}`} className="block px-4 py-3 pl-5 hover:bg-slate-50 focus-visible:bg-slate-50">
              <span className="flex flex-wrap items-baseline gap-x-2">
                {unread ? <span className="rounded-full bg-indigo-700 px-2 py-0.5 text-xs font-semibold text-white">Unread</span> : null}
                <span className={`min-w-0 break-words ${unread ? "font-semibold text-slate-900" : "text-slate-800"}`}>{n.title}</span>
              </span>
              {n.body ? <span className="mt-1 line-clamp-3 block whitespace-pre-line break-words text-sm text-slate-700">{n.body}</span> : null}
              <span className="mt-1 block text-xs text-slate-600">
                {kindLabel(n.kind)} · <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
              </span>
            </a>
          </li>
        );
      })}
    </ol>
  );
}

function kindLabel(kind: string): string {
  try {
    return kindInfo(kind as Parameters<typeof kindInfo>[0]).label;
  } catch {
    return "Notification";
  }
}
