import "server-only";
import { createSession } from "../auth/sessions";
import { db } from "../db";
import { LaunchRefused, CLAIM } from "./claims";
import { originsOf } from "./frame-origins";
import { readStateCookie, setLtiSessionCookies, setStateCookie } from "./lti-cookies";
import { createHandoff, redeemHandoff } from "./internal/handoff";
import { publicJwks } from "./internal/keys";
import { STATE_TTL_MS, startLogin, verifyLaunch, type LoginParams } from "./internal/login";
import { provisionLaunch } from "./internal/provision";
import { registerDynamically } from "./internal/dynamic-registration";
import { schoolOfRegistrationToken } from "./registrations";

// The public LTI endpoints' work, for the thin route handlers in app/lti/ (decision 036).
// None has an acting user: the platform's signature and our single-use state are the proof.

export { LaunchRefused };

export const toolJwks = publicJwks;

/** Third-party login initiation (GET or POST): state cookie set, the platform's auth URL to go to. */
export async function ltiLogin(params: URLSearchParams): Promise<string> {
  const pick = (k: keyof LoginParams) => params.get(k);
  const p: LoginParams = {
    iss: pick("iss"),
    login_hint: pick("login_hint"),
    target_link_uri: pick("target_link_uri"),
    client_id: pick("client_id"),
    lti_message_hint: pick("lti_message_hint"),
    lti_deployment_id: pick("lti_deployment_id"),
  };
  const { redirect, state } = await startLogin(p);
  await setStateCookie(state, STATE_TTL_MS / 1000);
  return redirect;
}

/** The id_token post: verified, the person and course provisioned, an LTI session opened in the frame; where to land. */
export async function ltiLaunch(form: URLSearchParams, postedFrom: string | null): Promise<string> {
  const state = form.get("state");
  const launch = await verifyLaunch(form.get("id_token"), state, await readStateCookie(state));
  const landed = await provisionLaunch(launch);
  const { token } = await createSession(landed.userId, "LTI");
  const handoff = await createHandoff(landed.userId);
  const presentation = launch.payload[CLAIM.launchPresentation] as { return_url?: unknown } | undefined;
  const settings = launch.payload[CLAIM.dlSettings] as { deep_link_return_url?: unknown } | undefined;
  const frameOrigins = originsOf([
    postedFrom,
    launch.registration.issuer,
    typeof presentation?.return_url === "string" ? presentation.return_url : null,
    typeof settings?.deep_link_return_url === "string" ? settings.deep_link_return_url : null,
  ]);
  await setLtiSessionCookies(token, handoff, frameOrigins);
  return landed.path;
}

/** "Open in a new tab": an ordinary session for the handoff token's account, or null when it is spent or expired. */
/**
 * The session a handoff token opens, once. A browser already signed in to Extent as someone
 * else is refused (the token spent): a link passed on by another person must not silently sign
 * this browser in as them.
 */
export async function openHandoff(token: string, signedInAs: { id: string; name: string } | null): Promise<{ token: string; expiresAt: Date } | null> {
  const userId = await redeemHandoff(token);
  if (!userId) return null;
  if (signedInAs && signedInAs.id !== userId) {
    throw new LaunchRefused(`This browser is signed in to Extent as ${signedInAs.name}. Sign out first, then open Extent again from your course.`, 403);
  }
  const exists = await db().user.findUnique({ where: { id: userId }, select: { id: true } });
  return exists ? createSession(userId, "LTI") : null;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small self-contained page for the LMS's frame or window (the protocol endpoints answer outside the app's layout). */
export function htmlPage(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

export const escapeHtml = esc;

/** The page a refused launch shows inside the LMS frame: what happened and what to do, never the token. */
export function refusalResponse(e: LaunchRefused): Response {
  return htmlPage(
    "Extent could not open",
    `<p role="alert">${esc(e.message)}</p><p>Nothing was changed. Go back to your course and open Extent again; if it keeps happening, tell your school's Extent administrator what this page says.</p>`,
    e.status,
  );
}

/** Dynamic Registration, for the school the pasted URL names (refused if the URL is not ours or has expired). */
/** The LtiNonce "issuer" under which spent registration addresses are kept. */
const REGISTRATION_URL_USE = "extent:dynamic-registration-url";

export async function ltiRegister(token: string, params: URLSearchParams) {
  const schoolId = schoolOfRegistrationToken(token);
  if (!schoolId || !(await db().school.findUnique({ where: { id: schoolId }, select: { id: true } }))) {
    throw new LaunchRefused("This registration address is not valid or has expired. Copy a fresh one from your school's settings in Extent.", 404);
  }
  // Single use, spent before the LMS is contacted so two uses at once cannot both register.
  // The row outlives the address (a day at most), and expired rows go with the nonces'.
  const { count } = await db().ltiNonce.createMany({
    data: [{ issuer: REGISTRATION_URL_USE, nonce: token.slice(-43), expiresAt: new Date(Date.now() + 2 * 24 * 60 * 60 * 1000) }],
    skipDuplicates: true,
  });
  if (!count) throw new LaunchRefused("This registration address has been used already. Copy a fresh one from your school's settings in Extent.", 404);
  return registerDynamically(schoolId, params.get("openid_configuration"), params.get("registration_token"));
}
