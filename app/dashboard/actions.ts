"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { acceptMyInvitation, declineMyInvitation } from "@/lib/roster/my-invitations";
import { AnswerInvitationSchema } from "@/lib/roster/schemas";

export const acceptMyInvitationAction = safeAction("STUDENT", AnswerInvitationSchema, async (input, user) => {
  const joined = await acceptMyInvitation(user, input);
  revalidatePath("/dashboard");
  return joined;
});

export const declineMyInvitationAction = safeAction("STUDENT", AnswerInvitationSchema, async (input, user) => {
  await declineMyInvitation(user, input);
  revalidatePath("/dashboard");
});
