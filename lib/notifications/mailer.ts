import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "../db";
import { mailSettings } from "../env";
import type { EmailMessage } from "./email";

// Sending one email (decision 047): through SMTP with nodemailer when SMTP_URL is set, else
// into the developer outbox table, so the embedded demo shows what would have been sent
// instead of failing. A refused or unreachable server throws, and the email job retries.

const holder = globalThis as unknown as { extentMail?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (holder.extentMail?.url !== url) {
    holder.extentMail = {
      url,
      // Short timeouts: a hung server fails the attempt and the queue retries it later,
      // instead of one job holding the worker for minutes.
      transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
    };
  }
  return holder.extentMail.transport;
}

export function mailIsConfigured(): boolean {
  return !!mailSettings().SMTP_URL;
}

export type Recipient = { userId: string; email: string; name: string };

/** Sends (or, with no SMTP_URL, keeps in the outbox) one message to one person. */
export async function sendEmail(to: Recipient, message: EmailMessage, { notificationId }: { notificationId?: string } = {}): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = mailSettings();
  if (!SMTP_URL) {
    await db().outboxMail.create({
      data: {
        userId: to.userId,
        notificationId: notificationId ?? null,
        to: to.email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { ...message.headers, "Message-ID": message.messageId },
      },
    });
    return;
  }
  await transport(SMTP_URL).sendMail({
    from: MAIL_FROM,
    to: { name: to.name, address: to.email },
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    headers: message.headers,
  });
}

/** Addresses that can never receive mail: accounts made by an LMS launch without one (…@lti.invalid, RFC 2606). */
export function isDeliverable(email: string): boolean {
  return !/(^|\.)invalid$/i.test(email.split("@")[1] ?? "");
}
