import { headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { deepLinkingResponse } from "@/lib/lti/deep-linking";
import { escapeHtml, htmlPage } from "@/lib/lti/protocol";
import { isAppError } from "@/lib/errors";
import { nonceOf } from "@/lib/security/csp";

// The Deep Linking answer (decision 036): a form posting the signed JWT to the LMS, submitted
// by a nonced script (and by hand without scripts). The launch's frame cookie lists the
// LMS's origins, so proxy.ts lets this form post there.
export async function GET(_request: Request, { params }: { params: Promise<{ requestId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return htmlPage("Please sign in", "<p role=\"alert\">Your session has ended. Add Extent to the course again from your LMS.</p>", 401);
  const { requestId } = await params;
  try {
    const { returnUrl, jwt } = await deepLinkingResponse(user, requestId);
    const nonce = nonceOf((await headers()).get("content-security-policy") ?? "") ?? "";
    return htmlPage(
      "Sending your choice to the LMS",
      `<form method="post" action="${escapeHtml(returnUrl)}"><input type="hidden" name="JWT" value="${escapeHtml(jwt)}"><p>If nothing happens, <button type="submit">send it to the LMS</button>.</p></form>` +
        `<script nonce="${escapeHtml(nonce)}">document.forms[0].submit();</script>`,
    );
  } catch (e) {
    if (isAppError(e)) return htmlPage("Could not send", `<p role="alert">${escapeHtml(e.message)}</p>`, e.status);
    throw e;
  }
}
