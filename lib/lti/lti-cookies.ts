import { cookies } from "next/headers";
import { LTI_FRAME_COOKIE, frameCookieValue } from "./frame-origins";

// The cookies of an LTI launch inside an LMS frame (decision 036). The app's own session
// cookie is SameSite=Lax, which a cross-site frame never sends; these are SameSite=None and
// Partitioned (CHIPS): kept in a jar of the LMS's top-level site, so they work with
// third-party cookies blocked and are never sent anywhere else. Secure is required for both;
// browsers treat http://localhost and 127.0.0.1 as secure, so loopback tests work.

export const LTI_SESSION_COOKIE = "extent_lti_session";
export const LTI_HANDOFF_COOKIE = "extent_lti_handoff";
export const ltiStateCookie = (state: string) => `extent_lti_state_${state}`;
/** An LTI session in a frame lasts a school day; the LMS launches a fresh one next time. */
export const LTI_SESSION_SECONDS = 8 * 60 * 60;

const partitioned = { httpOnly: true, secure: true, sameSite: "none", partitioned: true, path: "/" } as const;

export async function setStateCookie(state: string, maxAge: number): Promise<void> {
  (await cookies()).set(ltiStateCookie(state), "1", { ...partitioned, path: "/lti/", maxAge });
}

export async function readStateCookie(state: string | null): Promise<string | undefined> {
  if (!state || !/^[A-Za-z0-9_-]{1,100}$/.test(state)) return undefined;
  const jar = await cookies();
  if (!jar.get(ltiStateCookie(state))) return undefined;
  jar.set(ltiStateCookie(state), "", { ...partitioned, path: "/lti/", maxAge: 0 });
  return state;
}

export async function setLtiSessionCookies(session: string, handoff: string, frameOrigins: readonly string[]): Promise<void> {
  const jar = await cookies();
  const maxAge = LTI_SESSION_SECONDS;
  jar.set(LTI_SESSION_COOKIE, session, { ...partitioned, maxAge });
  jar.set(LTI_HANDOFF_COOKIE, handoff, { ...partitioned, maxAge });
  jar.set(LTI_FRAME_COOKIE, frameCookieValue(frameOrigins), { ...partitioned, maxAge });
}

/** Sign-out inside the frame: the LTI session's token (to delete its row), its cookies gone. */
export async function clearLtiSessionCookies(): Promise<string | undefined> {
  const jar = await cookies();
  const token = jar.get(LTI_SESSION_COOKIE)?.value;
  if (token === undefined) return undefined;
  for (const name of [LTI_SESSION_COOKIE, LTI_HANDOFF_COOKIE]) jar.set(name, "", { ...partitioned, maxAge: 0 });
  return token;
}
