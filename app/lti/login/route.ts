import { redirect } from "next/navigation";
import { LaunchRefused, ltiLogin, refusalResponse } from "@/lib/lti/protocol";

// LTI 1.3 third-party login initiation (decision 036): the LMS sends the browser here, by GET
// or by a form POST, and we send it on to the platform's authorization endpoint.
async function handle(params: URLSearchParams): Promise<Response> {
  let to: string;
  try {
    to = await ltiLogin(params);
  } catch (e) {
    if (e instanceof LaunchRefused) return refusalResponse(e);
    throw e;
  }
  redirect(to);
}

export async function GET(request: Request) {
  return handle(new URL(request.url).searchParams);
}

export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const params = new URLSearchParams();
  for (const [k, v] of form?.entries() ?? []) if (typeof v === "string") params.set(k, v);
  return handle(params);
}
