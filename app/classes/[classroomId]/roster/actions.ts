"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { revokeInvitation } from "@/lib/roster/invitations";
import { importRoster } from "@/lib/roster/roster-import";
import { ImportRosterSchema, RevokeInvitationSchema } from "@/lib/roster/schemas";

export const importRosterAction = safeAction("TEACHER", ImportRosterSchema, async (input, user) => {
  const result = await importRoster(user, input);
  revalidatePath(`/classes/${input.classroomId}`);
  revalidatePath(`/classes/${input.classroomId}/roster`);
  return result;
});

export const revokeInvitationAction = safeAction("TEACHER", RevokeInvitationSchema, async (input, user) => {
  const { classroomId } = await revokeInvitation(user, input);
  revalidatePath(`/classes/${classroomId}/roster`);
});
