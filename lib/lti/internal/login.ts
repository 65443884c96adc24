import "server-only";
import { randomBytes } from "node:crypto";
import { createRemoteJWKSet, decodeJwt, jwtVerify, errors as joseErrors, type JWTPayload } from "jose";
import { db } from "../../db";
import { appOrigin } from "../../env";
import { LaunchRefused, checkLaunchClaims, CLAIM, type LaunchMessage } from "../claims";

// Steps 1 and 3 of the LTI 1.3 launch (1EdTech Security Framework §5.1.1): the platform's
// third-party login initiation, and the id_token it then posts back. Everything between the
// two lives in LtiLoginState, so any instance can finish a login another began.

export const STATE_TTL_MS = 10 * 60 * 1000;
/** How long a launch's id_token (and so its nonce) can be accepted: maxTokenAge + clock tolerance. */
const TOKEN_AGE = "10m";
const NONCE_KEEP_MS = 12 * 60 * 1000;

export const loginPath = "/lti/login";
export const launchPath = "/lti/launch";

export type LoginParams = Record<"iss" | "login_hint" | "target_link_uri" | "client_id" | "lti_message_hint" | "lti_deployment_id", string | null>;

/** The registration a login or launch names: (issuer, client id); the client id may be left out when the issuer has one. */
export async function findRegistration(issuer: string | null, clientId: string | null) {
  if (!issuer || issuer.length > 500 || (clientId && clientId.length > 500)) return null;
  if (clientId) return db().ltiRegistration.findUnique({ where: { issuer_clientId: { issuer, clientId } } });
  const rows = await db().ltiRegistration.findMany({ where: { issuer }, take: 2 });
  return rows.length === 1 ? rows[0]! : null;
}

/** Mints state and nonce and answers where to send the browser (the platform's auth endpoint). */
export async function startLogin(p: LoginParams): Promise<{ redirect: string; state: string }> {
  const reg = await findRegistration(p.iss, p.client_id);
  if (!reg) throw new LaunchRefused("This LMS is not registered with Extent. Ask your school's Extent administrator to add it.", 404);
  if (!p.login_hint) throw new LaunchRefused("The LMS sent no login hint.", 404);
  const target = p.target_link_uri;
  if (!target || !URL.canParse(target) || new URL(target).origin !== appOrigin()) throw new LaunchRefused("The LMS asked to open a page that is not Extent's.", 404);
  if (p.lti_deployment_id) {
    const known = await db().ltiDeployment.findUnique({ where: { registrationId_deploymentId: { registrationId: reg.id, deploymentId: p.lti_deployment_id } } });
    if (!known) throw new LaunchRefused("This deployment of Extent is not registered. Ask your school's Extent administrator to add it.", 404);
  }
  const state = randomBytes(24).toString("base64url");
  const nonce = randomBytes(24).toString("base64url");
  const now = Date.now();
  // Old states of anyone's abandoned logins go as new ones come (no job queue yet).
  await db().ltiLoginState.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  await db().ltiLoginState.create({ data: { state, nonce, registrationId: reg.id, expiresAt: new Date(now + STATE_TTL_MS) } });
  const auth = new URL(reg.authUrl);
  const params = new URLSearchParams({
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: reg.clientId,
    redirect_uri: `${appOrigin()}${launchPath}`,
    login_hint: p.login_hint,
    state,
    nonce,
  });
  if (p.lti_message_hint) params.set("lti_message_hint", p.lti_message_hint);
  for (const [k, v] of params) auth.searchParams.set(k, v);
  return { redirect: auth.href, state };
}

// A JWKS fetcher per URL: jose caches the set and refetches on an unknown kid (rate-limited).
// It is only a cache of what the platform publishes, so an instance without it loses nothing.
const jwksSets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function platformKeys(url: string) {
  let set = jwksSets.get(url);
  if (!set) jwksSets.set(url, (set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000 })));
  return set;
}

export type VerifiedLaunch = {
  payload: JWTPayload & Record<string, unknown>;
  message: LaunchMessage;
  registration: { id: string; issuer: string; clientId: string };
  deployment: { id: string; schoolId: string };
};

/**
 * Verifies the posted id_token: the state is ours, unexpired, used once and bound to this
 * browser (its Partitioned cookie); the token is for that login's (issuer, client), signed by
 * a key in the platform's JWKS, fresh, carrying the nonce we issued (never seen before);
 * then the LTI claims and a deployment registered for that client.
 */
export async function verifyLaunch(idToken: string | null, state: string | null, browserState: string | undefined): Promise<VerifiedLaunch> {
  if (!state || !idToken || state.length > 100 || idToken.length > 100_000) throw new LaunchRefused("The launch is missing its token or state.", 401);
  // Deleted as it is read, in one statement: two posts of the same state cannot both get it.
  const [login] = await db().$queryRaw<{ nonce: string; registrationId: string; expiresAt: Date }[]>`
    DELETE FROM "LtiLoginState" WHERE state = ${state} RETURNING nonce, "registrationId", "expiresAt"`;
  if (!login || new Date(login.expiresAt) < new Date()) throw new LaunchRefused("This launch has expired or was already used. Open Extent again from your LMS.", 401);
  if (browserState !== state) throw new LaunchRefused("This launch did not start in this browser. Open Extent again from your LMS.", 401);
  const reg = await db().ltiRegistration.findUnique({ where: { id: login.registrationId } });
  if (!reg) throw new LaunchRefused("This LMS is no longer registered with Extent.", 401);

  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(idToken);
  } catch {
    throw new LaunchRefused("The launch token could not be read.", 401);
  }
  const aud = unverified.aud;
  const clientId = Array.isArray(aud) ? (aud.length === 1 ? aud[0] : unverified.azp) : aud;
  if (unverified.iss !== reg.issuer || clientId !== reg.clientId) throw new LaunchRefused("The launch token is not for the login that was started.", 401);

  let payload: JWTPayload & Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(idToken, platformKeys(reg.jwksUrl), {
      issuer: reg.issuer,
      audience: reg.clientId,
      algorithms: ["RS256"],
      maxTokenAge: TOKEN_AGE,
      clockTolerance: 60,
      requiredClaims: ["nonce", "sub", "iat", "exp"],
    }));
  } catch (e) {
    if (e instanceof joseErrors.JOSEError) throw new LaunchRefused(`The launch token was refused (${e.code}).`, 401);
    throw new LaunchRefused("The LMS's signing keys could not be fetched. Try again in a minute.", 401);
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== reg.clientId) throw new LaunchRefused("The launch token names another client.", 401);
  if (payload.nonce !== login.nonce) throw new LaunchRefused("The launch token does not carry this login's nonce.", 401);
  // Single use across every instance: a second insert of (issuer, nonce) fails on the key.
  await db().ltiNonce.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  const { count } = await db().ltiNonce.createMany({
    data: [{ issuer: reg.issuer, nonce: String(payload.nonce), expiresAt: new Date(Date.now() + NONCE_KEEP_MS) }],
    skipDuplicates: true,
  });
  if (count === 0) throw new LaunchRefused("This launch token was already used.", 401);

  const message = checkLaunchClaims(payload);
  const deployment = await db().ltiDeployment.findUnique({
    where: { registrationId_deploymentId: { registrationId: reg.id, deploymentId: String(payload[CLAIM.deploymentId]) } },
    select: { id: true, schoolId: true },
  });
  if (!deployment) throw new LaunchRefused("This deployment of Extent is not registered. Ask your school's Extent administrator to add it.", 403);
  return { payload, message, registration: { id: reg.id, issuer: reg.issuer, clientId: reg.clientId }, deployment };
}
