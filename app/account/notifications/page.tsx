import type { Metadata } from "next";
import Link from "next/link";
import { requireUserPage } from "@/lib/auth/current-user";
import { isDeliverable, mailIsConfigured } from "@/lib/notifications/mailer";
import { getEmailChoices } from "@/lib/notifications/preferences";
import { Card, PageHeader } from "@/components/ui/card";
import { EmailPreferencesForm } from "./email-preferences-form";

export const metadata: Metadata = { title: "Notification settings" };

/** Which notifications also come by email (decision 047); every one always appears under the bell. */
export default async function NotificationSettingsPage() {
  const user = await requireUserPage();
  const choices = await getEmailChoices(user);
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Notification settings"
        description="Everything appears under the bell in Extent. Choose which of these also come to you by email."
        actions={
          <Link href="/notifications" className="self-center text-sm text-indigo-800 underline">
            Your notifications
          </Link>
        }
      />
      <Card>
        {isDeliverable(user.email) ? (
          <p className="mb-4 text-sm text-slate-700">
            Emails go to <strong className="break-all">{user.email}</strong>. Each one has a link to stop that kind.
          </p>
        ) : (
          <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Your account came from your school&rsquo;s learning platform without an email address, so Extent cannot email you. Your choices are kept for when it can.
          </p>
        )}
        <EmailPreferencesForm choices={choices.map(({ kind, label, description, email }) => ({ kind, label, description, email }))} />
      </Card>
      {mailIsConfigured() ? null : (
        <p className="mt-4 text-sm text-slate-600">
          This Extent has no mail server set up, so emails are kept in the{" "}
          <Link href="/outbox" className="text-indigo-800 underline">
            developer outbox
          </Link>{" "}
          instead of being sent.
        </p>
      )}
    </div>
  );
}
