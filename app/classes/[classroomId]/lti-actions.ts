"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { syncRoster } from "@/lib/lti/roster";
import { SyncRosterSchema } from "@/lib/lti/schemas";

// Names and Role Provisioning (decision 036): the class's teachers bring its roster in line with the LMS course.
export const syncRosterAction = safeAction("TEACHER", SyncRosterSchema, async ({ classroomId }, user) => {
  const result = await syncRoster(user, classroomId);
  revalidatePath(`/classes/${classroomId}`);
  return result;
});
