import { NextResponse } from "next/server";
import { clientAddress } from "@/lib/auth/client-address";
import { getUsableUser } from "@/lib/auth/current-user";
import { redirectTo, refusedResponse, rememberBrowser } from "@/lib/auth/oidc/responses";
import { startProviderSignIn } from "@/lib/auth/oidc/sign-in";

// "Sign in with …" and "Link …" are plain links here (GET), not forms: the CSP's
// `form-action 'self'` would block a form whose answer redirects to the provider (decision 034).
export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }): Promise<NextResponse> {
  const { provider } = await params;
  const query = new URL(request.url).searchParams;
  const link = query.get("intent") === "link";
  try {
    const user = await getUsableUser();
    if (link && !user) return redirectTo(`/sign-in?next=${encodeURIComponent("/account")}`);
    const started = await startProviderSignIn({ provider, link, next: query.get("next") }, user, await clientAddress());
    return rememberBrowser(NextResponse.redirect(started.url, 303), started.browserToken);
  } catch (e) {
    return refusedResponse(e, link);
  }
}
