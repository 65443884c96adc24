import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";
import { LtiFrameBar } from "./lti-frame-bar";
import { getSignedInUser } from "@/lib/auth/current-user";
import { appTimeZone } from "@/lib/env";
import { unreadCount } from "@/lib/notifications/inbox";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Extent", template: "%s · Extent" },
  description: "Plan, draft and mark 'To what extent' history essays.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSignedInUser();
  // The bell's count: one indexed query, and only for a session that may use the app (a
  // session waiting for its second factor sees no bell, decision 035).
  const unread = user && user.twoFactorGate === "none" ? await unreadCount(user.id) : null;
  return (
    // The school's zone, for client components' formatters (lib/time/school-zone.ts).
    <html lang="en-GB" data-time-zone={appTimeZone()}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <LtiFrameBar />
        <SiteHeader user={user} unread={unread} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
