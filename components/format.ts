import * as time from "@/lib/time/format";
import { schoolTimeZone } from "@/lib/time/school-zone";

// Dates as British teachers write them, on the school's clock (APP_TIME_ZONE), the same in
// server-rendered pages and in the browser: see docs/decisions/008-school-time-zone.md.
// Never call toLocaleString for a date on screen: it uses whichever machine's zone it runs on.

type When = time.When;

/** "Wed 10 Jun, 17:00". */
export function formatDue(d: When): string {
  return time.formatDue(d, schoolTimeZone());
}

/** "17:00", or "17:00:05" with `{ seconds: true }`. */
export function formatTime(d: When, options?: { seconds?: boolean }): string {
  return time.formatTime(d, schoolTimeZone(), options);
}

/** "10 Jun 2026, 17:00". */
export function formatDateTime(d: When): string {
  return time.formatDateTime(d, schoolTimeZone());
}

/** "10 Jun 2026". */
export function formatDate(d: When): string {
  return time.formatDate(d, schoolTimeZone());
}

/** Shortens text for a one-line preview, ending with an ellipsis. */
export function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
