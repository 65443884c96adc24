import { cookies, headers } from "next/headers";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { LTI_HANDOFF_COOKIE, LTI_SESSION_COOKIE } from "@/lib/lti/lti-cookies";

// Shown only inside an LMS frame (decision 036): its Partitioned session cookie is never sent
// anywhere else. Some browsers keep no cookies in frames, and some people want more room, so
// Extent can always continue in a tab of its own.
export async function LtiFrameBar() {
  const jar = await cookies();
  const handoff = jar.get(LTI_HANDOFF_COOKIE)?.value;
  if (!jar.get(LTI_SESSION_COOKIE) || !handoff || !/^[A-Za-z0-9_-]{20,100}$/.test(handoff)) return null;
  const here = safeNextPath((await headers()).get("x-extent-path"));
  return (
    <div className="border-b border-indigo-100 bg-indigo-50 px-4 py-2 text-sm text-indigo-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2">
        <span>You are using Extent inside your course.</span>
        <a href={`/lti/open/${handoff}?to=${encodeURIComponent(here)}`} target="_blank" rel="noopener" className="font-medium underline">
          Open in a new tab<span className="sr-only"> (opens a new tab)</span>
        </a>
      </div>
    </div>
  );
}
