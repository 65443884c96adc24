"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { acceptTeacherInvitation, declineTeacherInvitation } from "@/lib/classes/my-teacher-invitations";
import { TeacherInvitationIdSchema } from "@/lib/classes/schemas";

// A teacher answering an invitation to co-teach (decision 025): teacher-only, so a student's
// account is refused before lib is reached.

export const acceptTeacherInvitationAction = safeAction("TEACHER", TeacherInvitationIdSchema, async (input, user) => {
  const joined = await acceptTeacherInvitation(user, input);
  revalidatePath("/dashboard");
  return joined;
});

export const declineTeacherInvitationAction = safeAction("TEACHER", TeacherInvitationIdSchema, async (input, user) => {
  await declineTeacherInvitation(user, input);
  revalidatePath("/dashboard");
});
