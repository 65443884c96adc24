import type { NextResponse } from "next/server";
import { cookies } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { getUsableUser, setSessionCookie } from "@/lib/auth/current-user";
import { appOrigin } from "@/lib/env";
import { isProviderId, callbackPath } from "@/lib/auth/oidc/providers";
import { ProviderRefusal } from "@/lib/auth/oidc/refusals";
import { forgetBrowser, redirectTo, refusedResponse } from "@/lib/auth/oidc/responses";
import { BROWSER_COOKIE, finishProviderSignIn } from "@/lib/auth/oidc/sign-in";

// The provider sends the browser back here (a top-level GET, so the Lax cookies come too).
export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }): Promise<NextResponse> {
  const { provider } = await params;
  try {
    if (!isProviderId(provider)) throw new ProviderRefusal("unavailable");
    // The URL the provider was given (APP_ORIGIN), whatever host a proxy forwarded to us:
    // openid-client checks the redirect_uri against it.
    const callbackUrl = new URL(callbackPath(provider) + new URL(request.url).search, appOrigin());
    const jar = await cookies();
    const done = await finishProviderSignIn(provider, callbackUrl, jar.get(BROWSER_COOKIE)?.value, await getUsableUser(), await clientAddress());
    if (done.kind === "signed-in") await setSessionCookie(done.token, done.expiresAt);
    return forgetBrowser(redirectTo(done.kind === "linked" ? `${done.next}?linked=${provider}` : done.next));
  } catch (e) {
    return refusedResponse(e);
  }
}
