import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { forbidden, notSignedIn } from "../errors";
import { appOrigin } from "../env";
import { safeNextPath } from "./safe-next-path";
import { SESSION_COOKIE, findSessionUser, type SessionUser } from "./sessions";
import { LTI_SESSION_COOKIE, clearLtiSessionCookies } from "../lti/lti-cookies";

// "Who is this?" for pages, actions and route handlers. Cached per request so a page and
// its layout share one lookup. Inside an LMS frame the Lax session cookie is never sent; the
// launch's Partitioned cookie carries the session there instead (decision 036).
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value ?? jar.get(LTI_SESSION_COOKIE)?.value;
  return findSessionUser(token);
});

/** For pages: a signed-out visitor is sent to sign in and brought back afterwards. */
export async function requireUserPage(role?: SessionUser["role"]): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = safeNextPath((await headers()).get("x-extent-path"));
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  if (role && user.role !== role) redirect("/dashboard?denied=1");
  return user;
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
