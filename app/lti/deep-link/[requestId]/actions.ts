"use server";

import { redirect } from "next/navigation";
import { safeAction } from "@/lib/actions/safe-action";
import { chooseDeepLink } from "@/lib/lti/deep-linking";
import { ChooseDeepLinkSchema } from "@/lib/lti/schemas";

// Deep Linking (decision 036): the teacher's choice sets the assignment; the answer to the
// LMS is then posted by the return page (a route handler, so its form may go to the LMS).
export const chooseDeepLinkAction = safeAction("TEACHER", ChooseDeepLinkSchema, async (input, user) => {
  const { requestId } = await chooseDeepLink(user, input);
  redirect(`/lti/deep-link/${requestId}/return`);
});
