import "server-only";
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { db } from "../../db";
import { signingKey } from "./keys";

// Calls to a platform's LTI Advantage services (decision 036): a client_credentials token
// bought with a JWT signed by the tool key (1EdTech Security Framework §4.1), cached in
// Postgres per (registration, scopes) until a minute before it expires.

type Registration = { id: string; clientId: string; tokenUrl: string };
const TIMEOUT_MS = 10_000;

export class ServiceError extends Error {
  constructor(
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

async function call(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new ServiceError(`The LMS could not be reached (${(e as Error).name}).`);
  }
}

export async function serviceToken(reg: Registration, scopes: readonly string[]): Promise<string> {
  const key = [...scopes].sort().join(" ");
  const cached = await db().ltiAccessToken.findUnique({ where: { registrationId_scopes: { registrationId: reg.id, scopes: key } } });
  if (cached && cached.expiresAt.getTime() > Date.now() + 60_000) return cached.token;
  const { kid, key: privateKey } = await signingKey();
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(reg.clientId)
    .setSubject(reg.clientId)
    .setAudience(reg.tokenUrl)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(privateKey);
  const res = await call(reg.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      scope: key,
    }),
  });
  if (!res.ok) throw new ServiceError(`The LMS refused a service token (${res.status}).`, res.status);
  const body = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
  if (typeof body?.access_token !== "string") throw new ServiceError("The LMS answered without a service token.");
  const expiresAt = new Date(Date.now() + (typeof body.expires_in === "number" ? body.expires_in : 3600) * 1000);
  await db().ltiAccessToken.upsert({
    where: { registrationId_scopes: { registrationId: reg.id, scopes: key } },
    create: { registrationId: reg.id, scopes: key, token: body.access_token, expiresAt },
    update: { token: body.access_token, expiresAt },
  });
  return body.access_token;
}

/** A service call with the token; a 401 drops the cached token and tries once more with a new one. */
export async function withToken(reg: Registration, scopes: readonly string[], url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const token = await serviceToken(reg, scopes);
    const res = await call(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
    if (res.status !== 401 || attempt > 0) return res;
    await db().ltiAccessToken.deleteMany({ where: { registrationId: reg.id, scopes: [...scopes].sort().join(" ") } });
  }
}

/** The next page of an NRPS or AGS container, from its Link header. */
export function nextLink(res: Response): string | null {
  const link = res.headers.get("link");
  if (!link) return null;
  for (const part of link.split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (m && URL.canParse(m[1]!)) return m[1]!;
  }
  return null;
}
