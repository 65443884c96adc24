import { NextResponse, type NextRequest } from "next/server";
import { appOrigin, isDevServer } from "@/lib/env";
import { refuseBadRequest } from "@/lib/security/action-guard";
import { newNonce } from "@/lib/security/csp";
import { securityHeaders } from "@/lib/security/headers";
import { LTI_FRAME_COOKIE, originsOf, parseFrameOrigins } from "@/lib/lti/frame-origins";

// Runs before every page and route handler. Each step is a function from lib/security/, so
// this file stays a list: security headers with a per-request CSP nonce (decision 014), and
// the requested path for Server Components, so a signed-out visitor sent to sign in can be
// brought back to where they were going (lib/auth/current-user.ts).
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders({ nonce, appOrigin: appOrigin(), dev: isDevServer(), ...ltiFrame(request), styleAttributes: isOutboxMail(request) });
  // Bad paths and malformed or cross-origin server-action calls: a 4xx before any app code (decision 015).
  const refused = await refuseBadRequest(request);
  if (refused) return withHeaders(refused, headers);

  const forwarded = new Headers(request.headers);
  forwarded.set("x-extent-path", request.nextUrl.pathname + request.nextUrl.search);
  // Next finds the nonce in the request's policy and puts it on the scripts it renders.
  forwarded.set("content-security-policy", headers["content-security-policy"]!);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

// Inside an LMS frame (decision 036): the launch's Partitioned cookie names the LMS origins,
// which may then frame the app and receive its forms. The launch post itself answers inside
// the frame before that cookie exists, so its refusal page may be framed by the origin that
// posted it, and the Dynamic Registration page by the LMS whose configuration it registers.
function ltiFrame(request: NextRequest): { frameAncestors: string[]; formActions: string[] } {
  const origins = parseFrameOrigins(request.cookies.get(LTI_FRAME_COOKIE)?.value);
  const { pathname, searchParams } = request.nextUrl;
  const more =
    request.method === "POST" && pathname === "/lti/launch"
      ? originsOf([request.headers.get("origin")])
      : pathname.startsWith("/lti/register/")
        ? originsOf([searchParams.get("openid_configuration")])
        : [];
  for (const o of more) if (!origins.includes(o)) origins.push(o);
  return { frameAncestors: origins, formActions: origins };
}

// The developer outbox's view of one email shows its HTML part, styled inline as emails are,
// in a sandboxed srcdoc frame, which inherits this page's policy (decision 047). Only that
// page allows style attributes; it is reached by full page loads (plain links), since a
// client-side navigation would keep the policy of the page it came from.
const OUTBOX_MAIL = /^\/outbox\/[^/]+$/;
const isOutboxMail = (request: NextRequest) => OUTBOX_MAIL.test(request.nextUrl.pathname);

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Everything but the build's static files (next.config.js gives those their headers): pages,
// route handlers (/api/health included), server actions and the app's icon.
export const config = { matcher: ["/((?!_next/).*)"] };
