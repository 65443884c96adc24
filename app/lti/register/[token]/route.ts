import { headers } from "next/headers";
import { nonceOf } from "@/lib/security/csp";
import { LaunchRefused, escapeHtml, htmlPage, ltiRegister, refusalResponse } from "@/lib/lti/protocol";

// LTI Dynamic Registration (decision 036): the URL a school's administrator pastes into the
// LMS. The LMS opens it in a window or frame; when done, the page tells the LMS to close it.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const done = await ltiRegister(token, new URL(request.url).searchParams);
    const nonce = nonceOf((await headers()).get("content-security-policy") ?? "") ?? "";
    return htmlPage(
      "Extent is registered",
      `<p role="status">Extent is registered with ${escapeHtml(done.label)}. You can close this window.</p>` +
        `<script nonce="${escapeHtml(nonce)}">(window.opener || window.parent).postMessage({ subject: "org.imsglobal.lti.close" }, "*");</script>`,
    );
  } catch (e) {
    if (e instanceof LaunchRefused) return refusalResponse(e);
    throw e;
  }
}
