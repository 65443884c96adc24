import { z } from "zod";
import { parseAppTimeZone } from "./time/app-time-zone";

// APP_TIME_ZONE alone is read by lib/time/app-time-zone.ts, without zod, because the date
// formatters that need it on the server are bundled for the browser too.
export { appTimeZone } from "./time/app-time-zone";

// The school's time zone: every date is shown, typed and exported on this clock, whatever
// the zone of the server or the browser (docs/decisions/008-school-time-zone.md).
export const AppTimeZone = z
  .string()
  .optional()
  .transform((name, ctx) => {
    const parsed = parseAppTimeZone(name);
    if (parsed.ok) return parsed.zone;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  });

// Where people reach the app, e.g. https://extent.school.org. It decides, from configuration
// and never from a request header, whether the session cookie is Secure and HSTS is sent, and
// it is the origin redirect targets must stay on (docs/decisions/014-redirects-and-headers.md).
// Unset: http://localhost:PORT, the embedded start.
export const AppOrigin = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === "") return `http://localhost:${process.env.PORT || "3000"}`;
    const url = URL.canParse(value.trim()) ? new URL(value.trim()) : null;
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password || url.search || url.hash || url.pathname !== "/") {
      ctx.addIssue({ code: "custom", message: `"${value}" is not an origin. Give the scheme, host and port people use to reach the app, such as https://extent.school.org, with no path.` });
      return z.NEVER;
    }
    return url.origin;
  });

// How many proxies we run in front of the app, each appending its peer to X-Forwarded-For.
// 0 (the default): the header is the client's own word and is ignored; the socket's address
// is used (lib/auth/client-address.ts, docs/decisions/010-sign-in-abuse.md).
export const TrustProxyHops = z.coerce
  .number({ message: "TRUST_PROXY_HOPS must be a whole number of proxies, such as 0 or 1." })
  .int("TRUST_PROXY_HOPS must be a whole number of proxies, such as 0 or 1.")
  .min(0, "TRUST_PROXY_HOPS cannot be negative.")
  .max(10, "TRUST_PROXY_HOPS above 10 is surely a mistake.")
  .default(0);

// An OpenID provider's issuer: https, or http on loopback only (the test provider). Empty: unset.
export const IssuerUrl = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string()
    .optional()
    .refine((value) => {
      if (value === undefined) return true;
      const url = URL.canParse(value) ? new URL(value) : null;
      return !!url && (url.protocol === "https:" || (url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)));
    }, "must be an https:// issuer URL (http:// only on 127.0.0.1 or localhost)"),
);
// The background-job worker loop (decision 040) runs in every app server process unless this
// is "off": set it when the jobs run elsewhere, in `npm run worker` processes.
export const ExtentJobs = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : v),
  z.enum(["on", "off"], { message: 'EXTENT_JOBS must be "on" or "off".' }).default("on"),
);
// Email (issue 17, decision 047): smtp:// or smtps:// with any user and password in the URL
// (nodemailer's form, e.g. smtps://user:pass@mail.school.org:465). Unset: mail goes to the
// developer outbox page (/outbox) instead of being sent.
export const SmtpUrl = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || undefined : v),
  z
    .string()
    .refine((v) => URL.canParse(v) && ["smtp:", "smtps:"].includes(new URL(v).protocol), { message: "SMTP_URL must be an smtp:// or smtps:// URL." })
    .optional(),
);
// The From of Extent's emails: an address, or "Name <address>".
export const MailFrom = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || undefined : v),
  z
    .string()
    .max(300)
    .refine((v) => /^[^<>@\s]+@[^<>@\s]+$/.test(v) || /^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/.test(v), { message: 'MAIL_FROM must be an address or "Name <address>".' })
    .default("Extent <no-reply@extent.invalid>"),
);
const Optional = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(500).optional());

// The one place that reads process.env. Parsed lazily (not at import) so that `next build`
// and unit tests do not need a database URL.
const EnvSchema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters"),
  // Connections in the app's pool. The embedded database runs with 1: pglite-socket 0.2.17
  // interleaves overlapping queries from different connections (electric-sql/pglite#1046).
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  APP_TIME_ZONE: AppTimeZone,
  EXTENT_JOBS: ExtentJobs,
  // New accounts from one network address in an hour before sign-up slows down (decision 010).
  SIGN_UPS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(120),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_ORIGIN: AppOrigin,
  TRUST_PROXY_HOPS: z.preprocess((v) => v || undefined, TrustProxyHops),
  // School sign-in providers (decision 034, README "Configuration"). A provider is offered
  // only when its client id and secret are both set; the issuers default to the real ones and
  // are overridden only to point tests at a provider on loopback.
  OIDC_GOOGLE_CLIENT_ID: Optional,
  OIDC_GOOGLE_CLIENT_SECRET: Optional,
  OIDC_GOOGLE_ISSUER: IssuerUrl,
  OIDC_MICROSOFT_CLIENT_ID: Optional,
  OIDC_MICROSOFT_CLIENT_SECRET: Optional,
  OIDC_MICROSOFT_ISSUER: IssuerUrl,
  OIDC_GENERIC_ISSUER: IssuerUrl,
  OIDC_GENERIC_CLIENT_ID: Optional,
  OIDC_GENERIC_CLIENT_SECRET: Optional,
  OIDC_GENERIC_NAME: Optional,
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

function invalid(error: z.ZodError): Error {
  const problems = error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  return new Error(`Invalid environment:\n  ${problems.join("\n  ")}\nStart the app with \`npm start\`, which sets these up.`);
}

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) throw invalid(parsed.error);
  cached = parsed.data;
  return cached;
}

let cachedOrigin: string | undefined;

/** APP_ORIGIN alone (like appTimeZone), for the proxy, cookies and redirects without a database. */
export function appOrigin(): string {
  if (cachedOrigin) return cachedOrigin;
  const parsed = z.object({ APP_ORIGIN: AppOrigin }).safeParse(process.env);
  if (!parsed.success) throw invalid(parsed.error);
  cachedOrigin = parsed.data.APP_ORIGIN;
  return cachedOrigin;
}

const MailSettings = z.object({ SMTP_URL: SmtpUrl, MAIL_FROM: MailFrom });

/**
 * SMTP_URL and MAIL_FROM, read afresh on each call (two variables, cheap): the email job asks
 * per message, so a test can point it at an SMTP server on loopback or back at the outbox.
 */
export function mailSettings(): z.infer<typeof MailSettings> {
  const parsed = MailSettings.safeParse(process.env);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/** `next dev`: the only place the CSP allows eval, which React's dev tools need. */
export function isDevServer(): boolean {
  return process.env.NODE_ENV === "development";
}

let cachedHops: number | undefined;

/** TRUST_PROXY_HOPS alone (like appTimeZone), parsed once. */
export function trustProxyHops(): number {
  if (cachedHops !== undefined) return cachedHops;
  const parsed = z.object({ TRUST_PROXY_HOPS: TrustProxyHops }).safeParse({ TRUST_PROXY_HOPS: process.env.TRUST_PROXY_HOPS || undefined });
  if (!parsed.success) throw invalid(parsed.error);
  cachedHops = parsed.data.TRUST_PROXY_HOPS;
  return cachedHops;
}

// The key the front process (lib/start/front.mjs) shares with its page workers, so that a
// worker can believe the client address the front stamped on a request
// (lib/auth/client-address.ts). Set by scripts/serve.mjs for its workers only; never
// configuration. Anything not shaped like the key it makes is ignored.
const SocketStampKey = z.string().regex(/^[A-Za-z0-9_-]{24,128}$/);

/** The front's shared stamp key in a page worker, or null everywhere else. */
export function socketStampKey(): string | null {
  const parsed = SocketStampKey.safeParse(process.env.EXTENT_SOCKET_STAMP_KEY);
  return parsed.success ? parsed.data : null;
}
