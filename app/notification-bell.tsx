"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { badgeText, bellName, createUnreadCounter, watchUnread, type UnreadCounter, type UnreadState } from "@/lib/client/unread-counter";

// The header's bell (decision 047): a link to the inbox named by its unread count, with the
// count server-rendered and kept fresh by lib/client/unread-counter.ts. A count the bell could
// not refresh stays shown with a dashed ring and says "may be out of date" to screen readers.

const load = (signal: AbortSignal) => fetch("/api/notifications/unread", { cache: "no-store", signal, headers: { accept: "application/json" } });

export function NotificationBell({ unread }: { unread: number }) {
  const [state, setState] = useState<UnreadState>({ count: unread, stale: false });
  const counter = useRef<UnreadCounter | null>(null);
  const pathname = usePathname();
  const firstPath = useRef(pathname);

  useEffect(() => {
    const c = createUnreadCounter({ initial: unread, load, onChange: setState });
    counter.current = c;
    const stop = watchUnread(c, window, document);
    return () => {
      stop();
      counter.current = null;
    };
    // Made once: a newer server count arrives through set() below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The header was rendered again on the server (an action revalidated it): its count is the
  // newest. Not on mount, where the counter was just made with it.
  const rendered = useRef(unread);
  useEffect(() => {
    if (unread === rendered.current) return;
    rendered.current = unread;
    counter.current?.set(unread);
  }, [unread]);

  // Moving between pages keeps the header; ask then too, so opening a notification shows at once.
  useEffect(() => {
    if (pathname !== firstPath.current) void counter.current?.refresh();
  }, [pathname]);

  const { count, stale } = state;
  return (
    <Link
      href="/notifications"
      data-testid="notification-bell"
      data-unread={count}
      data-stale={stale ? "true" : undefined}
      title={stale ? "Notifications (the count may be out of date)" : "Notifications"}
      className="relative inline-flex h-10 w-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
    >
      <span className="sr-only">{bellName(state)}</span>
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" className="h-5 w-5">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? (
        <span
          aria-hidden="true"
          data-testid="notification-badge"
          className={`absolute -right-0.5 -top-0.5 min-w-5 rounded-full px-1 text-center text-xs font-semibold leading-5 ${
            stale ? "border border-dashed border-slate-500 bg-white text-slate-800" : "bg-red-700 text-white"
          }`}
        >
          {badgeText(count)}
        </span>
      ) : null}
    </Link>
  );
}
