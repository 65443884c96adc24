import { LaunchRefused, ltiLaunch, refusalResponse } from "@/lib/lti/protocol";
import { appOrigin } from "@/lib/env";

// LTI 1.3 launch (decision 036): the platform's auto-submitted form posts the signed id_token
// here; once verified, the frame goes on to the page the launch is for.
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const params = new URLSearchParams();
  for (const [k, v] of form?.entries() ?? []) if (typeof v === "string") params.set(k, v);
  try {
    const path = await ltiLaunch(params, request.headers.get("origin"));
    // 303: the frame follows with a GET, carrying the Partitioned cookies just set.
    return new Response(null, { status: 303, headers: { location: new URL(path, appOrigin()).href, "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof LaunchRefused) return refusalResponse(e);
    throw e;
  }
}
