import "server-only";
import { NextResponse } from "next/server";
import { appOrigin } from "../../env";
import { ProviderRefusal } from "./refusals";
import { ATTEMPT_MINUTES, BROWSER_COOKIE } from "./sign-in";

// The answers of the provider routes (app/auth/[provider]/…): always a redirect, to the
// provider, to the page that was asked for, or back to /sign-in or /account with a refusal
// code those pages turn into a sentence. Never a 500 for anything a browser can send.

const secure = () => new URL(appOrigin()).protocol === "https:";

export function redirectTo(pathOrUrl: string): NextResponse {
  return NextResponse.redirect(new URL(pathOrUrl, appOrigin()), 303);
}

export function refusedResponse(e: unknown, fallbackLink = false): NextResponse {
  if (!(e instanceof ProviderRefusal)) console.error("Unexpected error in provider sign-in", e);
  const refusal = e instanceof ProviderRefusal ? e : new ProviderRefusal("failed", fallbackLink);
  const page = refusal.link ? "/account" : "/sign-in";
  return forgetBrowser(redirectTo(`${page}?refused=${refusal.code}`));
}

/** The browser's half of an attempt: HttpOnly, Lax (the return from the provider is a top-level GET), only sent to /auth. */
export function rememberBrowser(res: NextResponse, token: string): NextResponse {
  res.cookies.set(BROWSER_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: secure(), path: "/auth", maxAge: ATTEMPT_MINUTES * 60 });
  return res;
}

export function forgetBrowser(res: NextResponse): NextResponse {
  res.cookies.set(BROWSER_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secure(), path: "/auth", maxAge: 0 });
  return res;
}
