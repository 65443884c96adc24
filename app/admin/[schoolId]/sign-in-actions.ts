"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { saveSignInRules } from "@/lib/schools/sign-in-rules";
import { SignInRulesSchema } from "@/lib/schools/sign-in-rules-schema";

export const saveSignInRulesAction = safeAction("TEACHER", SignInRulesSchema, async (input, user) => {
  await saveSignInRules(user, input);
  revalidatePath(`/admin/${input.schoolId}`);
});
