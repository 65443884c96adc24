import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserPage } from "@/lib/auth/current-user";
import { mailIsConfigured } from "@/lib/notifications/mailer";
import { getOwnOutboxMail } from "@/lib/notifications/outbox";
import { ID_PATTERN } from "@/lib/validation/text";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/format";
import { orNotFound } from "../../page-helpers";
import { MailSentNote } from "../mail-sent-note";

export const metadata: Metadata = { title: "An email in the outbox" };

/**
 * One kept email as a mail client would get it (decision 047): its headers (List-Unsubscribe
 * and List-Unsubscribe-Post among them), the plain-text part, and the HTML part in a frame
 * with an empty sandbox, so nothing in it can run, submit or navigate this page. The frame's
 * inline styles are allowed by this page's policy alone (proxy.ts, lib/security/csp.ts).
 */
export default async function OutboxMailPage({ params }: { params: Promise<{ mailId: string }> }) {
  const user = await requireUserPage();
  const { mailId } = await params;
  if (!ID_PATTERN.test(mailId)) notFound();
  const mail = await getOwnOutboxMail(user, mailId).catch(orNotFound);
  const headers: [string, string][] = [
    ["To", mail.to],
    ["Subject", mail.subject],
    ["Date", formatDateTime(mail.createdAt)],
    ...Object.entries(mail.headers).filter((h): h is [string, string] => typeof h[1] === "string"),
  ];
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={mail.subject}
        actions={
          <Link href="/outbox" className="self-center text-sm text-indigo-800 underline">
            All kept emails
          </Link>
        }
      />
      {mailIsConfigured() ? <MailSentNote /> : null}
      <div className="space-y-6">
        <Card>
          <h2 className="text-lg font-semibold">Headers</h2>
          <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-testid="mail-headers">
            {headers.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="font-medium text-slate-800">{name}</dt>
                <dd className="mb-2 break-all font-mono text-slate-700 sm:mb-0">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Plain-text part</h2>
          <pre className="mt-3 whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-mono text-sm text-slate-800" data-testid="mail-text">
            {mail.text}
          </pre>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">HTML part</h2>
          <p className="mt-1 text-sm text-slate-600">As a mail client would show it. Its links do nothing here: the plain-text part lists them.</p>
          <iframe title={`The HTML part of "${mail.subject}"`} sandbox="" srcDoc={inertLinks(mail.html)} className="mt-3 h-[32rem] w-full rounded-md border border-slate-200 bg-white" data-testid="mail-html" />
        </Card>
      </div>
    </div>
  );
}

/**
 * Links in the frame open a new window, which the empty sandbox refuses, so a click does
 * nothing rather than loading Extent inside the frame (which its frame-ancestors refuses).
 */
function inertLinks(html: string): string {
  const base = '<base target="_blank">';
  return /<head(\s[^>]*)?>/i.test(html) ? html.replace(/<head(\s[^>]*)?>/i, (m) => `${m}${base}`) : `${base}${html}`;
}
