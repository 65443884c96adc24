import Link from "next/link";
import type { SignedInUser } from "@/lib/auth/sessions";
import { SignOutButton } from "./sign-out-button";
import { NotificationBell } from "./notification-bell";

/** `unread`: the bell's count, for a session past the two-factor gate (null: no bell). */
export function SiteHeader({ user, unread }: { user: SignedInUser | null; unread: number | null }) {
  // A session waiting for its second factor reaches only /two-factor and sign-out (decision 035).
  const links =
    user && user.twoFactorGate !== "none"
      ? []
      : user?.role === "TEACHER"
      ? [
          { href: "/dashboard", label: "Classes" },
          { href: "/department", label: "Tracking" },
          { href: "/topics", label: "Topics" },
          { href: "/questions", label: "Question bank" },
        ]
      : user
        ? [{ href: "/dashboard", label: "My classes" }]
        : [];
  return (
    <header className="print:hidden border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <div className="flex min-w-0 flex-wrap items-center gap-x-6 gap-y-1">
          <Link href={user ? "/dashboard" : "/"} className="font-serif text-xl font-semibold text-indigo-800">
            Extent
          </Link>
          {links.length ? (
            <nav aria-label="Main">
              <ul className="flex flex-wrap gap-x-1">
                {links.map((l) => (
                  <li key={l.href}>
                    <Link href={l.href} className="block rounded-md px-2 py-2 text-sm text-slate-700 hover:bg-slate-100 sm:px-3">
                      {l.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </div>
        {user ? (
          <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            {unread !== null ? <NotificationBell unread={unread} /> : null}
            <Link href="/account" className="min-w-0 rounded-md px-2 py-1 break-words text-slate-700 hover:bg-slate-100" data-testid="signed-in-as" title="Your account">
              {user.name} <span className="text-slate-600">({user.role === "TEACHER" ? "teacher" : "student"})</span>
            </Link>
            <SignOutButton />
          </div>
        ) : (
          <div className="flex gap-2 text-sm">
            <Link href="/sign-in" className="rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100">
              Sign in
            </Link>
            <Link href="/sign-up" className="rounded-md bg-indigo-700 px-3 py-2 font-medium text-white hover:bg-indigo-800">
              Sign up
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}
