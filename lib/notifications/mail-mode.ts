import "server-only";
import { mailSettings } from "../env";

/** One line for a worker's start-up log: where its emails go (decision 047). Never the password. */
export function describeMailMode(): string {
  try {
    const { SMTP_URL, MAIL_FROM } = mailSettings();
    if (!SMTP_URL) return "Email: no SMTP_URL, so emails are kept in the developer outbox (/outbox).";
    const url = new URL(SMTP_URL);
    return `Email: SMTP via ${url.protocol}//${url.host}, from ${MAIL_FROM}.`;
  } catch (e) {
    return `Email: ${e instanceof Error ? e.message.split("\n").slice(1).join(" ").trim() : "invalid settings"} Emails wait in the queue until this is fixed.`;
  }
}
