"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { signIn, signUp } from "@/lib/auth/accounts";
import { clientAddress } from "@/lib/auth/client-address";
import { clearSessionCookie, setSessionCookie } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { SignInSchema, SignUpSchema } from "@/lib/auth/schemas";
import { deleteSession } from "@/lib/auth/sessions";
import { throttled } from "@/lib/auth/throttle";
import { invitationSlots } from "@/lib/auth/throttle-limits";
import { acceptInvitation } from "@/lib/roster/invitations";
import { AcceptInvitationSchema } from "@/lib/roster/schemas";

export const signUpAction = safeAction("public", SignUpSchema.extend({ next: z.string().optional() }), async (input) => {
  const result = await signUp(input, await clientAddress());
  // An email that already has an account: no session, and a sign-in page whose message does
  // not confirm the account (docs/decisions/010-sign-in-abuse.md). An invitation is then
  // accepted from the signed-in sign-up page.
  if (!result.created) {
    const next = input.invite ? `/sign-up?invite=${encodeURIComponent(input.invite)}` : safeNextPath(input.next);
    redirect(`/sign-in?from=sign-up&next=${encodeURIComponent(next)}`);
  }
  await setSessionCookie(result.token, result.expiresAt);
  redirect(safeNextPath(input.next));
});

export const signInAction = safeAction("public", SignInSchema, async (input) => {
  const { token, expiresAt } = await signIn(input, await clientAddress());
  await setSessionCookie(token, expiresAt);
  redirect(safeNextPath(input.next));
});

export const signOutAction = safeAction("public", z.object({}), async () => {
  await deleteSession(await clearSessionCookie());
  redirect("/sign-in?signedOut=1");
});

export const acceptInvitationAction = safeAction("STUDENT", AcceptInvitationSchema, async ({ token }, user) => {
  // Links carry 256 random bits; the limit only stops hammering (lib/auth/throttle-limits.ts).
  await throttled(invitationSlots(user.id, await clientAddress()), new Date(), "attempts to accept an invitation", () => acceptInvitation(user, token));
  redirect("/dashboard");
});
