"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { markAllRead } from "@/lib/notifications/inbox";
import { NoFieldsSchema } from "@/lib/notifications/schemas";

// The inbox's "Mark all as read" (decision 047). The whole layout is revalidated: the header's
// bell takes its count from there.
export const markAllReadAction = safeAction("user", NoFieldsSchema, async (_input, user) => {
  const marked = await markAllRead(user);
  revalidatePath("/", "layout");
  return { marked };
});
