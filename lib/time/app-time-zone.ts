import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "./zone";

// APP_TIME_ZONE, read without zod. The date formatters run in the browser too, and on the
// server they need this value (lib/time/school-zone.ts): importing lib/env.ts from there put
// zod and the whole environment schema into every client page that shows a date
// (docs/decisions/018-client-bundle.md). lib/env.ts re-exports this and keeps the zod
// schema for the full environment; both give the same answer and the same message.

export const unknownTimeZoneMessage = (name: string) => `"${name}" is not a time zone this server knows. Use an IANA name such as Europe/London or America/New_York.`;

/** The school's zone: unset or blank means Europe/London; an unknown name is refused. */
export function parseAppTimeZone(name: string | undefined): { ok: true; zone: string } | { ok: false; message: string } {
  if (name === undefined || name.trim() === "") return { ok: true, zone: DEFAULT_TIME_ZONE };
  const zone = canonicalTimeZone(name);
  return zone ? { ok: true, zone } : { ok: false, message: unknownTimeZoneMessage(name) };
}

let cachedZone: string | undefined;

/**
 * APP_TIME_ZONE alone, so that formatting a date needs no database settings (`next build`,
 * unit tests). `npm start` calls it before anything else, so a misspelt zone stops the
 * app at start-up with the message above rather than on the first page.
 */
export function appTimeZone(): string {
  if (cachedZone) return cachedZone;
  const parsed = parseAppTimeZone(process.env.APP_TIME_ZONE);
  if (!parsed.ok) throw new Error(`Invalid environment:\n  APP_TIME_ZONE: ${parsed.message}\nStart the app with \`npm start\`, which sets these up.`);
  cachedZone = parsed.zone;
  return cachedZone;
}
