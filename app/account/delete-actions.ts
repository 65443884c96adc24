"use server";

import { redirect } from "next/navigation";
import { safeAction } from "@/lib/actions/safe-action";
import { clearSessionCookie } from "@/lib/auth/current-user";
import { deleteOwnAccount } from "@/lib/deletion/account";
import { deleteOwnAccountSchema } from "@/lib/deletion/schemas";

// The account's own deletion: its sessions went with it (cascade); the cookie goes here, and
// the report travels as counts in the address of the page a signed-out visitor can see.
export const deleteOwnAccountAction = safeAction("user", deleteOwnAccountSchema, async (input, user) => {
  const report = await deleteOwnAccount(user, input);
  await clearSessionCookie();
  const query = new URLSearchParams(Object.entries(report.goes).map(([k, n]) => [k, String(n)]));
  if (report.classesAffected.length) query.set("classesLeft", String(report.classesAffected.length));
  if (report.retainedMarks) query.set("retainedMarks", String(report.retainedMarks));
  redirect(`/account/deleted?${query}`);
});

