import "server-only";
import { appOrigin } from "../env";
import { unsubscribe } from "./preferences";

// The List-Unsubscribe URL of every email (RFC 8058, decision 047). A mail client's
// "Unsubscribe" button POSTs `List-Unsubscribe=One-Click` here from the mail provider's
// servers: no cookies, no session, no Origin of ours, no page to confirm on. The signed token
// in the URL is the whole proof, and all it can do is turn one kind of email off for one
// person, so the body is not needed to decide anything and is not read. A GET is never an
// unsubscribe (mail scanners fetch every link in a message): it is sent to the page, which
// asks first. proxy.ts leaves /api/ posts to their handlers (lib/security/action-guard.ts).

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });

export const BAD_LINK = "This unsubscribe link is not valid. Nothing was changed. Sign in to Extent to choose which emails you get.";

const tokenOf = (request: Request): string | null => new URL(request.url).searchParams.get("token");

/** POST: 200 once the kind is off (again is harmless), 400 for a missing or bad token. */
export async function oneClickUnsubscribe(request: Request): Promise<Response> {
  const token = tokenOf(request);
  if (!token) return plain(400, BAD_LINK);
  let target;
  try {
    target = await unsubscribe(token);
  } catch (e) {
    // The database is down: say so and let the mail client retry, rather than a bare 500.
    console.error("One-click unsubscribe failed", e);
    return plain(503, "Extent could not record that just now. Please try again in a few minutes.", { "retry-after": "300" });
  }
  if (!target) return plain(400, BAD_LINK);
  // The provider's servers read this, not the person: the kind, but not their address.
  return plain(200, `Unsubscribed: no more emails about "${target.label}". In-app notifications are kept.`);
}

/** GET: 303 to the page that says what the link stops and asks before stopping it. */
export function unsubscribePage(request: Request): Response {
  const token = tokenOf(request);
  const target = new URL("/unsubscribe", appOrigin());
  if (token) target.searchParams.set("token", token);
  return new Response(null, { status: 303, headers: { location: target.href, "cache-control": "no-store" } });
}
