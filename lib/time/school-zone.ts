// Not ../env: that would bundle zod into every client page that shows a date.
import { appTimeZone } from "./app-time-zone";
import { DEFAULT_TIME_ZONE } from "./zone";

// Where the school's time zone comes from, on either side of the network. The server reads
// APP_TIME_ZONE; the root layout writes it on <html data-time-zone="…">, which is in the
// page before any client component hydrates, so the browser formats with the same zone
// without a rebuild and without a context provider around every screen that shows a time.
// (A NEXT_PUBLIC_ variable would be baked in at build time.)

export const TIME_ZONE_ATTRIBUTE = "data-time-zone";

export function schoolTimeZone(): string {
  if (typeof document !== "undefined") return document.documentElement.getAttribute(TIME_ZONE_ATTRIBUTE) || DEFAULT_TIME_ZONE;
  return appTimeZone();
}
