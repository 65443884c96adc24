"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { CodeSchema } from "@/lib/auth/two-factor/schemas";
import { regenerateRecoveryCodes, turnOffTwoFactor } from "@/lib/auth/two-factor/two-factor";

// Managing two-factor once it is on (docs/decisions/035-two-factor.md): each needs a current
// code, so a session left open on a shared computer cannot take the second factor away.

export const regenerateRecoveryCodesAction = safeAction("TEACHER", CodeSchema, async ({ code }, user) => {
  const result = await regenerateRecoveryCodes(user, code);
  revalidatePath("/account");
  return result;
});

export const turnOffTwoFactorAction = safeAction("TEACHER", CodeSchema, async ({ code }, user) => {
  await turnOffTwoFactor(user, code);
  revalidatePath("/account");
});
