"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { signIn, signUp } from "@/lib/auth/accounts";
import { clearSessionCookie, clientAddress, setSessionCookie } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { SignInSchema, SignUpSchema } from "@/lib/auth/schemas";
import { deleteSession } from "@/lib/auth/sessions";
import { acceptInvitation } from "@/lib/roster/invitations";
import { AcceptInvitationSchema } from "@/lib/roster/schemas";

export const signUpAction = safeAction("public", SignUpSchema.extend({ next: z.string().optional() }), async (input) => {
  const { token, expiresAt } = await signUp(input);
  await setSessionCookie(token, expiresAt);
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
  await acceptInvitation(user, token);
  redirect("/dashboard");
});
