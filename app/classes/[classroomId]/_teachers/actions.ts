"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { safeAction } from "@/lib/actions/safe-action";
import { inviteCoTeacher, leaveClass, removeCoTeacher, revokeTeacherInvitation } from "@/lib/classes/co-teachers";
import { ClassroomIdSchema, InviteCoTeacherSchema, RemoveCoTeacherSchema, TeacherInvitationIdSchema } from "@/lib/classes/schemas";

// The class page's Teachers section (decision 025). Each action authorizes in lib/classes/co-teachers.ts.

export const inviteCoTeacherAction = safeAction("TEACHER", InviteCoTeacherSchema, async (input, user) => {
  const { email } = await inviteCoTeacher(user, input);
  revalidatePath(`/classes/${input.classroomId}`);
  return { email };
});

export const revokeTeacherInvitationAction = safeAction("TEACHER", TeacherInvitationIdSchema, async (input, user) => {
  const { classroomId } = await revokeTeacherInvitation(user, input);
  revalidatePath(`/classes/${classroomId}`);
});

export const removeCoTeacherAction = safeAction("TEACHER", RemoveCoTeacherSchema, async (input, user) => {
  await removeCoTeacher(user, input);
  revalidatePath(`/classes/${input.classroomId}`);
});

export const leaveClassAction = safeAction("TEACHER", ClassroomIdSchema, async (input, user) => {
  await leaveClass(user, input);
  revalidatePath("/dashboard");
  redirect("/dashboard?left=1");
});
