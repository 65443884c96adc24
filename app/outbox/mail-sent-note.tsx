/** On the outbox pages when SMTP_URL is set: new mail is really sent, and what is here is from before. */
export function MailSentNote() {
  return (
    <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="mail-is-sent">
      This Extent now sends email through its mail server, so new emails really go to people&rsquo;s inboxes and are not kept here. What is listed was kept before that.
    </p>
  );
}
