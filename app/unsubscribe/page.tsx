import type { Metadata } from "next";
import { readUnsubscribeLink } from "@/lib/notifications/preferences";
import { Card } from "@/components/ui/card";
import { UnsubscribeForm } from "./unsubscribe-form";
import { SettingsLink } from "./settings-link";

// Kept out of search engines: the address holds a person's token.
export const metadata: Metadata = { title: "Stop emails", robots: { index: false, follow: false } };

/**
 * Where an email's "Stop these emails" link lands (decision 047), signed in or not. It says
 * what the link stops and asks first: the change is a POST from the button, never made by
 * opening the page, because mail scanners open every link in a message.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const target = typeof token === "string" ? await readUnsubscribeLink(token) : null;
  return (
    <div className="mx-auto max-w-xl">
      {target && typeof token === "string" ? (
        <UnsubscribeForm token={token} label={target.label} email={target.email} />
      ) : (
        <Card>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">This link doesn&rsquo;t work</h1>
          <p className="mt-2 text-slate-700">
            The unsubscribe link is incomplete or has been changed, so Extent can&rsquo;t tell which emails it is for. Nothing was changed.
          </p>
          <p className="mt-2 text-slate-700">If you copied it from an email, copy the whole link, or sign in and choose which emails you get.</p>
          <SettingsLink />
        </Card>
      )}
    </div>
  );
}
