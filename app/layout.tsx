import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";
import { LtiFrameBar } from "./lti-frame-bar";
import { getSignedInUser } from "@/lib/auth/current-user";
import { appTimeZone } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Extent", template: "%s · Extent" },
  description: "Plan, draft and mark 'To what extent' history essays.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSignedInUser();
  return (
    // The school's zone, for client components' formatters (lib/time/school-zone.ts).
    <html lang="en-GB" data-time-zone={appTimeZone()}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <LtiFrameBar />
        <SiteHeader user={user} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
