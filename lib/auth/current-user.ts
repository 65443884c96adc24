import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError, forbidden, notSignedIn } from "../errors";
import { appOrigin } from "../env";
import { safeNextPath } from "./safe-next-path";
import { SESSION_COOKIE, findSessionUser, type SessionUser, type SignedInUser } from "./sessions";
import { GATE_MESSAGES, type TwoFactorGate } from "./two-factor/gate";
import { LTI_SESSION_COOKIE, clearLtiSessionCookies } from "../lti/lti-cookies";

// "Who is this?" for pages, actions and route handlers, and the one place the two-factor
// gate is enforced (docs/decisions/035-two-factor.md): a session still waiting for its
// second factor, or for a teacher to set one up, reaches nothing but /two-factor and
// sign-out. Pages are redirected there; actions and route handlers get a 403 saying why.
// Inside an LMS frame the Lax session cookie is never sent; the launch's Partitioned cookie
// carries the session there instead (decision 036).

/**
 * The session's user whatever its gate, cached per request so a page and its layout share
 * one lookup. Only for what a gated session must still reach: the header, the two-factor
 * page and its actions, sign-out, and the pages that send a signed-in visitor onwards.
 */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value ?? jar.get(LTI_SESSION_COOKIE)?.value;
  return findSessionUser(token);
});

export const twoFactorRequired = (gate: Exclude<TwoFactorGate, "none">) => new AppError(GATE_MESSAGES[gate], 403);

/** A usable session's user, or null when signed out; a gated session is refused with a 403. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const user = await getSignedInUser();
  if (user && user.twoFactorGate !== "none") throw twoFactorRequired(user.twoFactorGate);
  return user;
}

/**
 * A usable session's user, or null when signed out or still waiting for a second factor: for
 * the provider sign-in routes, where such a session is simply replaced by a provider sign-in
 * (which satisfies the school's two-factor policy) instead of refusing it.
 */
export async function getUsableUser(): Promise<SessionUser | null> {
  const user = await getSignedInUser();
  return user && user.twoFactorGate === "none" ? user : null;
}

const requestedPath = async () => safeNextPath((await headers()).get("x-extent-path"));

/**
 * For pages: a signed-out visitor is sent to sign in, and a gated session to /two-factor,
 * each brought back afterwards.
 */
export async function requireUserPage(role?: SessionUser["role"]): Promise<SessionUser> {
  const user = await getSignedInUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(await requestedPath())}`);
  if (user.twoFactorGate !== "none") redirect(`/two-factor?next=${encodeURIComponent(await requestedPath())}`);
  if (role && user.role !== role) redirect("/dashboard?denied=1");
  return user;
}

/** The session cookie's token, for the two-factor step that replaces the session. */
export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/** For actions and route handlers: refuse with an error the wrapper turns into a message. */
export async function requireUser(role?: SessionUser["role"]): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw notSignedIn();
  if (role && user.role !== role) throw forbidden(role === "TEACHER" ? "do that: it is for teachers" : "do that");
  return user;
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    // Secure when the app is served over https (APP_ORIGIN): configuration, never a request
    // header, which a client or a misconfigured proxy could set either way.
    secure: new URL(appOrigin()).protocol === "https:",
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<string | undefined> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  jar.delete(SESSION_COOKIE);
  return token ?? (await clearLtiSessionCookies());
}
