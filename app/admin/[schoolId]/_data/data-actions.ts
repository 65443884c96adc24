"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { clearSessionCookie } from "@/lib/auth/current-user";
import { deleteMember } from "@/lib/deletion/account";
import { deleteSchool } from "@/lib/deletion/school";
import { deleteMemberSchema, deleteSchoolSchema } from "@/lib/deletion/schemas";
import { personReportView, schoolReportView } from "@/lib/deletion/report-view";
import { updateRetentionSettings } from "@/lib/retention/settings";
import { retentionSettingsSchema } from "@/lib/retention/schemas";

// A school's data: its retention setting, and deleting an account or the whole school.

export const retentionSettingsAction = safeAction("user", retentionSettingsSchema, async (input, user) => {
  await updateRetentionSettings(user, input);
  revalidatePath(`/admin/${input.schoolId}`);
});

export const deleteMemberAction = safeAction("user", deleteMemberSchema, async ({ schoolId, userId }, user) => {
  const report = await deleteMember(user, schoolId, userId);
  if (userId === user.id) await clearSessionCookie();
  return personReportView(report);
});

export const deleteSchoolAction = safeAction("user", deleteSchoolSchema, async ({ schoolId, confirmName }, user) => {
  const report = await deleteSchool(user, schoolId, confirmName);
  if (report.selfDeleted) await clearSessionCookie();
  return schoolReportView(report);
});
