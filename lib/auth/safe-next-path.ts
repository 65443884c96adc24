import { appOrigin } from "../env";

// The longest target we carry through sign-in; a real page's path and query are far shorter.
const MAX_TARGET = 2048;

/**
 * Where to send someone after sign-in (or when they are already signed in): a path on this
 * app, never another site. The target is resolved the way a browser would resolve it — the
 * WHATWG URL parser drops tabs and line breaks, reads `\` as `/` and `//host` as another
 * host — and refused unless it lands on the app's own origin. What comes back is the
 * resolved path, query and fragment, percent-encoded by the parser, so it is plain ASCII:
 * always a valid Location header, and never `//host` (which a browser reads as another site).
 */
export function safeNextPath(raw: string | null | undefined, fallback = "/dashboard", origin = appOrigin()): string {
  return sameOriginPath(raw, origin) ?? fallback;
}

export function sameOriginPath(raw: string | null | undefined, origin: string): string | null {
  if (typeof raw !== "string" || raw === "" || raw.length > MAX_TARGET) return null;
  let url: URL;
  try {
    url = new URL(raw, `${origin}/`);
  } catch {
    return null;
  }
  // blob:http://host/x shares its inner URL's origin; only a plain web URL is a page of ours.
  if (url.origin !== origin || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  // "/.//evil.example" resolves on our origin to the path "//evil.example", which a browser
  // given it as a Location would read as a protocol-relative URL to another host.
  const path = url.pathname.replace(/^\/+/, "/");
  return path + url.search + url.hash;
}
