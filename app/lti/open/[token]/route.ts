import { getSignedInUser, setSessionCookie } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { appOrigin } from "@/lib/env";
import { LaunchRefused, openHandoff, refusalResponse } from "@/lib/lti/protocol";

// "Open in a new tab" from inside the LMS frame (decision 036): the one-time token becomes an
// ordinary session in this top-level tab, then the page the frame showed.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let session: Awaited<ReturnType<typeof openHandoff>>;
  try {
    session = await openHandoff(token, await getSignedInUser());
  } catch (e) {
    if (e instanceof LaunchRefused) return refusalResponse(e);
    throw e;
  }
  if (!session) return refusalResponse(new LaunchRefused("This link has been used or has expired. Open Extent again from your course.", 404));
  await setSessionCookie(session.token, session.expiresAt);
  const to = safeNextPath(new URL(request.url).searchParams.get("to"));
  return new Response(null, { status: 303, headers: { location: new URL(to, appOrigin()).href, "cache-control": "no-store" } });
}
