import type { Metadata } from "next";
import { requireUserPage } from "@/lib/auth/current-user";
import { listOwnOutbox } from "@/lib/notifications/outbox";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ScrollBox } from "@/components/ui/scroll-box";
import { formatDateTime } from "@/components/format";
import { MailSentNote } from "./mail-sent-note";

export const metadata: Metadata = { title: "Developer outbox" };

/**
 * The developer outbox (decision 047): with no SMTP_URL, the emails Extent would have sent
 * you are kept here instead. Each person sees only their own.
 */
export default async function OutboxPage() {
  const user = await requireUserPage();
  const { configured, items } = await listOwnOutbox(user);
  return (
    <div>
      <PageHeader
        title="Developer outbox"
        description={
          configured
            ? "Emails Extent kept for you, newest first, from before it had a mail server."
            : "The emails Extent would have sent you, newest first: this Extent has no mail server set up, so it keeps them here instead."
        }
      />
      {configured ? <MailSentNote /> : null}
      {items.length ? (
        <ScrollBox label="Emails kept for you">
          <table className="w-full min-w-[36rem] border-collapse text-left text-sm" data-testid="outbox">
            <thead>
              <tr className="border-b border-slate-200 text-slate-700">
                <th scope="col" className="py-2 pr-4 font-medium">
                  Subject
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  To
                </th>
                <th scope="col" className="py-2 font-medium">
                  Kept
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-4">
                    {/* A full page load (not <Link>): the email view's policy lets its frame's inline styles apply (proxy.ts). */}
                    <a href={`/outbox/${encodeURIComponent(m.id)}`} className="break-words text-indigo-800 underline">
                      {m.subject}
                    </a>
                  </td>
                  <td className="break-all py-2 pr-4 text-slate-700">{m.to}</td>
                  <td className="whitespace-nowrap py-2 text-slate-700">
                    <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : (
        <EmptyState title="No emails kept for you">
          <p>When something happens that you get emails about, the email appears here.</p>
        </EmptyState>
      )}
    </div>
  );
}
