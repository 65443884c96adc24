import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

// A real SMTP server on loopback for the notification tests (decision 047): nodemailer talks
// SMTP to it exactly as to a school's relay, and each message is parsed back with mailparser.
// `refuse(n)` makes the next n messages fail with 451 (try again later), as a busy relay does.

export type Received = ParsedMail & { rcptTo: string[]; raw: string };

export type TestSmtp = {
  url: string;
  received: Received[];
  refuse: (n: number) => void;
  close: () => Promise<void>;
};

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refusals > 0) {
          refusals -= 1;
          return callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then(
          (mail) => {
            received.push(Object.assign(mail, { rcptTo: session.envelope.rcptTo.map((r) => r.address), raw }));
            callback();
          },
          (e: Error) => callback(e),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse: (n) => void (refusals = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A header's raw value ("List-Unsubscribe" → "<https://…>"), unfolded. */
export function rawHeader(mail: Received, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(":") + 1).replace(/\r?\n\s+/g, " ").trim();
}
