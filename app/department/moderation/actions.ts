"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { acceptDepartmentInvitation, inviteToDepartment } from "@/lib/moderation/departments";
import { DepartmentInvitationIdSchema, InviteToDepartmentSchema } from "@/lib/moderation/schemas";

// Joining a department (decision 030): a head invites by email, the teacher accepts. Each action authorizes in lib/moderation/departments.ts.

export const inviteToDepartmentAction = safeAction("TEACHER", InviteToDepartmentSchema, async (input, user) => {
  const result = await inviteToDepartment(user, input);
  revalidatePath("/department/moderation");
  return result;
});

export const acceptDepartmentInvitationAction = safeAction("TEACHER", DepartmentInvitationIdSchema, async (input, user) => {
  const result = await acceptDepartmentInvitation(user, input);
  revalidatePath("/department/moderation");
  return result;
});
