"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { StaffPolicySchema } from "@/lib/auth/two-factor/schemas";
import { setStaffTwoFactorRequired } from "@/lib/schools/two-factor-policy";

// The school's two-factor policy for staff (decision 035); only its administrators may set it.
export const setStaffTwoFactorAction = safeAction("user", StaffPolicySchema, async ({ schoolId, required }, user) => {
  await setStaffTwoFactorRequired(user, schoolId, required);
  revalidatePath(`/admin/${schoolId}`);
  return { required };
});
