// Which LMS origins may frame an LTI session and receive its forms (decision 036). The launch
// records them in a Partitioned cookie, which the browser only ever sends inside that LMS's
// top-level site; proxy.ts reads it back to open frame-ancestors and form-action for them.
// Pure, and free of server-only imports, because proxy.ts uses it.

export const LTI_FRAME_COOKIE = "extent_lti_frame";
const ORIGIN = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;
const MAX = 6;

/** The origins of the given URLs (http or https only), deduplicated, at most a few. */
export function originsOf(urls: readonly (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const u of urls) {
    if (!u || !URL.canParse(u)) continue;
    const { origin, protocol } = new URL(u);
    if ((protocol === "http:" || protocol === "https:") && ORIGIN.test(origin) && !out.includes(origin)) out.push(origin);
  }
  return out.slice(0, MAX);
}

export const frameCookieValue = (origins: readonly string[]) => origins.join(" ");

/** The origins in a frame cookie; anything that is not a plain origin is dropped, never trusted. */
export function parseFrameOrigins(value: string | undefined): string[] {
  if (!value || value.length > 1000) return [];
  return value
    .split(" ")
    .filter((o) => ORIGIN.test(o))
    .slice(0, MAX);
}
