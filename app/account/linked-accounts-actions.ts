"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { unlinkIdentity } from "@/lib/auth/oidc/identities";
import { UnlinkIdentitySchema } from "@/lib/auth/oidc/schemas";

export const unlinkIdentityAction = safeAction("user", UnlinkIdentitySchema, async ({ identityId }, user) => {
  await unlinkIdentity(user, identityId);
  revalidatePath("/account");
});
