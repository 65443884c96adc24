import type { Metadata } from "next";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/current-user";
import { listNotifications, unreadCount } from "@/lib/notifications/inbox";
import { cursorParam, parseCursor } from "@/lib/notifications/inbox-cursor";
import { kindsFor } from "@/lib/notifications/kinds";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { InboxList } from "./inbox-list";
import { MarkAllReadForm } from "./mark-all-read-form";

export const metadata: Metadata = { title: "Notifications" };

/** The person's notifications, newest first, a page at a time (decision 047). */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  const user = await requireUserPage();
  const cursor = parseCursor((await searchParams).before);
  const [{ items, more }, unread] = await Promise.all([listNotifications(user, cursor ? { before: cursor } : {}), unreadCount(user.id)]);
  const last = items.at(-1);
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Notifications"
        description={unread === 0 ? "You have read them all." : `${unread > 99 ? "More than 99" : unread} unread.`}
        actions={
          <Link href="/account/notifications" className="self-center text-sm text-indigo-800 underline">
            Email settings
          </Link>
        }
      />
      {/* Kept once all are read, so focus and the confirmation stay where the person pressed. */}
      {unread > 0 || items.length ? <MarkAllReadForm /> : null}
      {items.length ? (
        <InboxList items={items} />
      ) : cursor ? (
        <EmptyState title="Nothing older">
          <p>
            <Link href="/notifications" className="text-indigo-800 underline">
              Back to the newest
            </Link>
          </p>
        </EmptyState>
      ) : (
        <EmptyState title="No notifications yet">
          <p>{aboutKinds(user.role)} appear here.</p>
          <p className="mt-2">
            <Link href="/account/notifications" className="text-indigo-800 underline">
              Choose which also come by email
            </Link>
          </p>
        </EmptyState>
      )}
      {cursor || (more && last) ? (
        <nav aria-label="Older and newer notifications" className="mt-6 flex flex-wrap justify-between gap-3">
          {cursor ? (
            <ButtonLink href="/notifications" variant="secondary">
              Newest
            </ButtonLink>
          ) : (
            <span />
          )}
          {more && last ? (
            <ButtonLink href={`/notifications?before=${encodeURIComponent(cursorParam(last))}`} variant="secondary">
              Older notifications
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

/** "New assignments, deadline reminders, … and teacher replies": the kinds this person can get. */
function aboutKinds(role: "STUDENT" | "TEACHER"): string {
  const labels = kindsFor(role).map((k, i) => (i ? k.label.toLowerCase() : k.label));
  return new Intl.ListFormat("en-GB", { type: "conjunction" }).format(labels);
}
