"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { sessionToken, setSessionCookie } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { completeSecondFactor } from "@/lib/auth/sessions";
import { CodeSchema, VerifySchema } from "@/lib/auth/two-factor/schemas";
import { confirmEnrolment, startEnrolment, verifySecondFactor } from "@/lib/auth/two-factor/two-factor";
import { AppError } from "@/lib/errors";

// The two-factor step of signing in, and enrolment (docs/decisions/035-two-factor.md). These
// are the only actions a session still waiting for its second factor may call (with sign-out).

const refresh = () => {
  revalidatePath("/two-factor");
  revalidatePath("/account");
};

/** The code (or a recovery code) after the password: the session is replaced by one that is fully signed in. */
export const verifyTwoFactorAction = safeAction("pending-two-factor", VerifySchema, async ({ code, next }, user) => {
  if (user.twoFactorGate === "none") throw new AppError("You have finished signing in already: this session needs no code.", 409);
  if (user.twoFactorGate === "enrol") throw new AppError("Set up two-factor sign-in first: your school requires it for staff.", 409);
  await verifySecondFactor(user, code);
  const { token, expiresAt } = await completeSecondFactor(await sessionToken());
  await setSessionCookie(token, expiresAt);
  redirect(safeNextPath(next));
});

export const startTwoFactorAction = safeAction("pending-two-factor", z.object({}), async (_input, user) => {
  await startEnrolment(user);
  refresh();
});

/**
 * The first right code turns two-factor on; this session counts as having given it (so it is
 * replaced, like the sign-in step). The recovery codes come back once, to be shown once.
 */
export const confirmTwoFactorAction = safeAction("pending-two-factor", CodeSchema, async ({ code }, user) => {
  const { recoveryCodes } = await confirmEnrolment(user, code);
  const { token, expiresAt } = await completeSecondFactor(await sessionToken());
  await setSessionCookie(token, expiresAt);
  refresh();
  return { recoveryCodes };
});
