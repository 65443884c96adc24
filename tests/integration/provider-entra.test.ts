import { createServer, type Server } from "node:http";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { findSessionUser } from "@/lib/auth/sessions";
import { finishProviderSignIn, startProviderSignIn } from "@/lib/auth/oidc/sign-in";
import { ProviderRefusal } from "@/lib/auth/oidc/refusals";
import { MICROSOFT_ISSUER } from "@/lib/auth/oidc/providers";
import { ensureSchool } from "@/lib/schools/internal/schools";

// Decision 034: Microsoft's multi-tenant endpoint publishes a template issuer
// (…/{tenantid}/v2.0), which openid-client fills with each token's own `tid`. The library is
// pointed at the real https://login.microsoftonline.com/organizations/v2.0, and every request
// it makes goes (through its customFetch hook) to a stand-in on loopback that signs tokens
// with a key of its own: nothing leaves the machine, and the library's real Entra code runs.

const MS = "https://login.microsoftonline.com";
const TENANT = "11111111-2222-3333-4444-555555555555";
const OTHER = "99999999-8888-7777-6666-555555555555";
const ADDRESS = "203.0.113.41";
let server: Server;
let loopback: string;
let nextClaims: Record<string, unknown> = {};
let key: CryptoKey;
let nonce = "";

const loopbackFetch = ((url: string | URL, init?: RequestInit) => fetch(String(url).replace(MS, loopback), init)) as never;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  key = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  server = createServer((req, res) => {
    const path = new URL(req.url!, "http://x").pathname;
    const json = (body: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (path === "/organizations/v2.0/.well-known/openid-configuration") {
      return json({
        issuer: `${MS}/{tenantid}/v2.0`,
        authorization_endpoint: `${MS}/organizations/oauth2/v2.0/authorize`,
        token_endpoint: `${MS}/organizations/oauth2/v2.0/token`,
        jwks_uri: `${MS}/organizations/discovery/v2.0/keys`,
        response_types_supported: ["code"],
        subject_types_supported: ["pairwise"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
      });
    }
    if (path === "/organizations/discovery/v2.0/keys") return json({ keys: [jwk] });
    if (path === "/organizations/oauth2/v2.0/token") {
      void new SignJWT({ nonce, ...nextClaims })
        .setProtectedHeader({ alg: "RS256", kid: "k1" })
        .setAudience("extent-entra-app")
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(key)
        .then((idToken) => json({ access_token: "at", token_type: "Bearer", expires_in: 3600, id_token: idToken }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  loopback = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  Object.assign(process.env, { APP_ORIGIN: "http://127.0.0.1:3999", OIDC_MICROSOFT_CLIENT_ID: "extent-entra-app", OIDC_MICROSOFT_CLIENT_SECRET: "entra-secret" });
  delete process.env.OIDC_MICROSOFT_ISSUER;
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function signInWith(claims: Record<string, unknown>) {
  const started = await startProviderSignIn({ provider: "microsoft", link: false }, null, ADDRESS, new Date(), loopbackFetch);
  const auth = new URL(started.url);
  expect(auth.origin + auth.pathname).toBe(`${MS}/organizations/oauth2/v2.0/authorize`);
  nonce = auth.searchParams.get("nonce")!;
  nextClaims = { sub: "pairwise-sub", email: "tess@hillside.example", name: "Tess", ...claims };
  const callback = new URL(`http://127.0.0.1:3999/auth/microsoft/callback?code=c&state=${auth.searchParams.get("state")}`);
  return finishProviderSignIn("microsoft", callback, started.browserToken, null, ADDRESS, new Date(), loopbackFetch);
}

const code = (attempt: Promise<unknown>) => attempt.then(() => "admitted", (e: unknown) => (e instanceof ProviderRefusal ? e.code : Promise.reject(e)));

describe("Microsoft's multi-tenant issuer", () => {
  it("admits the school's tenant with its own issuer, and refuses another tenant, a mismatched issuer and the template", async () => {
    expect(MICROSOFT_ISSUER).toBe(`${MS}/organizations/v2.0`);
    const school = await ensureSchool("Hillside");
    await db().schoolSignInRule.create({ data: { schoolId: school.id, kind: "MICROSOFT_TENANT", value: TENANT } });

    const ok = await signInWith({ iss: `${MS}/${TENANT}/v2.0`, tid: TENANT });
    if (ok.kind !== "signed-in") throw new Error("not signed in");
    expect((await findSessionUser(ok.token))?.email).toBe("tess@hillside.example");
    expect(await db().externalIdentity.findMany({ select: { kind: true, issuer: true } })).toEqual([{ kind: "MICROSOFT", issuer: `${MS}/${TENANT}/v2.0` }]);

    // The library accepts any tenant whose token names itself; the school's list refuses it.
    expect(await code(signInWith({ iss: `${MS}/${OTHER}/v2.0`, tid: OTHER }))).toBe("no-school");
    // Tenant B's issuer claiming tenant A, and the literal template: refused by openid-client.
    expect(await code(signInWith({ iss: `${MS}/${OTHER}/v2.0`, tid: TENANT }))).toBe("failed");
    expect(await code(signInWith({ iss: `${MS}/{tenantid}/v2.0`, tid: TENANT }))).toBe("failed");
    expect(await db().user.count()).toBe(1);
  });
});
