"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { setEmailChoices } from "@/lib/notifications/preferences";
import { EmailPreferencesFormSchema } from "@/lib/notifications/schemas";

// Which notifications come by email (decision 047): the ticked kinds, for the person's role.
export const saveEmailPreferencesAction = safeAction("user", EmailPreferencesFormSchema, async (input, user) => {
  const choices = await setEmailChoices(user, { email: input.email });
  revalidatePath("/account/notifications");
  return { emailed: choices.filter((c) => c.email).map((c) => c.label) };
});
