import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/db";
import { appOrigin } from "@/lib/env";
import { publicJwks } from "@/lib/lti/internal/keys";
import { startLogin, verifyLaunch } from "@/lib/lti/internal/login";
import { provisionLaunch } from "@/lib/lti/internal/provision";
import type { Platform, PlatformContext, PlatformUser } from "./platform";

// The tool's side of a launch for integration tests, without a browser or a Next server: the
// same lib functions the /lti routes call, with the browser's part (following the redirect,
// posting the platform's form, returning the state cookie) done by fetch. The tool's JWKS is
// served from the database by a small loopback server, as /lti/jwks would.

export async function startToolJwks() {
  const server = createServer(async (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(await publicJwks()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/lti/jwks`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A school with the platform registered by hand (one deployment). */
export async function registerPlatform(platform: Platform, jwksUri: string, schoolName = "Hill School") {
  const school = await db().school.create({ data: { name: `${schoolName} ${Math.random().toString(36).slice(2, 8)}` } });
  const { clientId, deploymentId } = platform.addTool({ toolOrigin: appOrigin(), jwksUri });
  const registration = await db().ltiRegistration.create({
    data: {
      schoolId: school.id,
      issuer: platform.issuer,
      clientId,
      authUrl: platform.authUrl,
      tokenUrl: platform.tokenUrl,
      jwksUrl: platform.jwksUrl,
      deployments: { create: { deploymentId, schoolId: school.id } },
    },
  });
  return { school, clientId, deploymentId, registration };
}

export type LaunchOptions = {
  type?: "LtiResourceLinkRequest" | "LtiDeepLinkingRequest";
  resourceLink?: { id: string; title?: string };
  custom?: Record<string, string>;
  /** Replace the id_token the platform posted (a forgery, a replay). */
  tamper?: (idToken: string, nonce: string) => Promise<string>;
  /** The state the browser's cookie returns (default: the login's own). */
  cookieState?: (state: string) => string | undefined;
};

/** Login initiation → platform auth endpoint → id_token post, verified and provisioned. */
export async function launchThrough(platform: Platform, reg: { clientId: string; deploymentId: string }, user: PlatformUser, context: PlatformContext | undefined, o: LaunchOptions = {}) {
  const init = new URL(
    platform.loginInitiation({ clientId: reg.clientId, deploymentId: reg.deploymentId, user, context, type: o.type ?? "LtiResourceLinkRequest", resourceLink: o.resourceLink ?? { id: "rl-course-home" }, custom: o.custom }),
  );
  const q = init.searchParams;
  const { redirect, state } = await startLogin({
    iss: q.get("iss"),
    login_hint: q.get("login_hint"),
    target_link_uri: q.get("target_link_uri"),
    client_id: q.get("client_id"),
    lti_message_hint: q.get("lti_message_hint"),
    lti_deployment_id: q.get("lti_deployment_id"),
  });
  const html = await (await fetch(redirect)).text();
  const posted = /name="id_token" value="([^"]+)"/.exec(html)?.[1];
  const postedState = /name="state" value="([^"]+)"/.exec(html)?.[1];
  if (!posted || postedState !== state) throw new Error(`The platform did not answer with a launch form: ${html.slice(0, 200)}`);
  const nonce = new URL(redirect).searchParams.get("nonce")!;
  const idToken = o.tamper ? await o.tamper(posted, nonce) : posted;
  const verified = await verifyLaunch(idToken, state, o.cookieState ? o.cookieState(state) : state);
  return { ...(await provisionLaunch(verified)), idToken, state, verified };
}
