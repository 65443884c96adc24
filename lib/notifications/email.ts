// One notification as an email (decision 047): plain-text and HTML parts saying the same
// thing, a link into Extent, and the one-click unsubscribe of RFC 8058 — the List-Unsubscribe
// header names an HTTPS URL that takes a POST, List-Unsubscribe-Post says so — plus a visible
// link to the same choice and to all email settings. Pure, so it is unit-tested.

export type EmailMessage = {
  subject: string;
  text: string;
  html: string;
  /** Deterministic per notification: a resend after a lost acknowledgement has the same id, so mail systems can drop the copy. */
  messageId: string;
  headers: Record<string, string>;
};

export type EmailInput = {
  notificationId: string;
  recipientName: string;
  title: string;
  /** Plain text; line breaks are kept (the daily digest is a list). */
  body: string;
  /** Absolute URLs. */
  openUrl: string;
  unsubscribeUrl: string;
  unsubscribePostUrl: string;
  settingsUrl: string;
  /** "Feedback returned", for "You get these emails because…". */
  kindLabel: string;
  /** Host part for the Message-ID, from MAIL_FROM. */
  mailDomain: string;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Subjects are one line of at most 150 characters (a title is the person's text in places). */
export function subjectLine(title: string): string {
  const one = title.replace(/\s+/g, " ").trim();
  return one.length > 150 ? `${one.slice(0, 149).trimEnd()}…` : one;
}

export function renderEmail(input: EmailInput): EmailMessage {
  const firstName = input.recipientName.trim().split(/\s+/)[0] || "there";
  const subject = subjectLine(input.title);
  const text = [
    `Hello ${firstName},`,
    "",
    input.title,
    ...(input.body ? ["", input.body] : []),
    "",
    `Open it in Extent: ${input.openUrl}`,
    "",
    "--",
    `You get these emails because “${input.kindLabel}” is switched on for you in Extent.`,
    `Stop these emails: ${input.unsubscribeUrl}`,
    `Choose which emails you get: ${input.settingsUrl}`,
    "",
  ].join("\n");
  const paragraphs = input.body
    ? input.body
        .split(/\n{2,}/)
        .map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
        .join("")
    : "";
  const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;color:#0f172a;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">
<p style="margin:0 0 16px;font-family:Georgia,serif;font-size:20px;font-weight:600;color:#3730a3">Extent</p>
<p style="margin:0 0 12px">Hello ${escapeHtml(firstName)},</p>
<h1 style="margin:0 0 12px;font-size:18px;line-height:1.4">${escapeHtml(input.title)}</h1>
${paragraphs}
<p style="margin:20px 0"><a href="${escapeHtml(input.openUrl)}" style="display:inline-block;background:#4338ca;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600">Open in Extent</a></p>
</div>
<p style="max-width:560px;margin:16px auto 0;font-size:13px;color:#475569">You get these emails because “${escapeHtml(input.kindLabel)}” is switched on for you in Extent.
<a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#3730a3">Stop these emails</a> ·
<a href="${escapeHtml(input.settingsUrl)}" style="color:#3730a3">Choose which emails you get</a></p>
</body></html>`;
  return {
    subject,
    text,
    html,
    messageId: `<notification-${input.notificationId}@${input.mailDomain}>`,
    headers: {
      "List-Unsubscribe": `<${input.unsubscribePostUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      // RFC 3834: an automatic message; out-of-office replies should not answer it.
      "Auto-Submitted": "auto-generated",
    },
  };
}

/** The domain of a From such as "Extent <no-reply@school.org>" or "no-reply@school.org". */
export function mailDomainOf(from: string): string {
  const address = from.match(/<([^>]+)>/)?.[1] ?? from;
  return address.split("@")[1]?.trim() || "extent.invalid";
}
