"use server";

import { safeAction } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/errors";
import { unsubscribe } from "@/lib/notifications/preferences";
import { UnsubscribeFormSchema } from "@/lib/notifications/schemas";

// The unsubscribe page's "Stop these emails" (decision 047). Public: the person may not be
// signed in on this device, and the signed token from the email is the proof.
export const unsubscribeAction = safeAction("public", UnsubscribeFormSchema, async ({ token }) => {
  const target = await unsubscribe(token);
  if (!target) throw new AppError("This unsubscribe link is not valid, so nothing was changed. Sign in to choose which emails you get.", 400);
  return { label: target.label, email: target.email };
});
