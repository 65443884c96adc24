import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { SignJWT, createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, type JWTPayload } from "jose";
import { CLAIM, ROLE, SCOPE } from "@/lib/lti/claims";

// An LTI 1.3 platform (LMS) stand-in for tests, on jose and node:http, loopback only
// (docs/research/014-scripts/lti-platform.mjs, decision 036). It serves what a real platform
// does to a tool: its JWKS, the OIDC authorization endpoint (a form_post of a signed
// id_token), the token endpoint (client_credentials with the tool's signed assertion checked
// against the tool's JWKS), AGS line items and scores, NRPS memberships (paged), the Deep
// Linking return, Dynamic Registration, and a course page that frames the tool.

export { CLAIM, ROLE, SCOPE };

export type PlatformUser = { id: string; name?: string; given_name?: string; family_name?: string; email?: string; roles: string[] };
export type PlatformContext = { id: string; label?: string; title?: string };
type Message = {
  type: string;
  user: PlatformUser;
  context?: PlatformContext;
  resourceLink?: { id: string; title?: string };
  custom?: Record<string, string>;
  deploymentId: string;
  clientId: string;
  targetLinkUri: string;
};
export type LineItem = { id: string; label: string; scoreMaximum: number; resourceId?: string; tag?: string; resourceLinkId?: string; contextId: string; custom?: Record<string, string>; scores: Record<string, unknown>[] };
export type Member = { status: "Active" | "Inactive" | "Deleted"; user_id: string; name?: string; email?: string; roles: string[] };
type Tool = { redirectUris: string[]; jwksUri: string; deployments: Set<string>; loginUrl: string; targetLinkUri: string };

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let b = "";
    req.on("data", (c) => (b += c));
    req.on("end", () => resolve(b));
  });
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
function send(res: ServerResponse, status: number, body: unknown, type = "application/json", headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": type, ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

/** host: "127.0.0.1" by default; the browser test uses "localhost" so the LMS page is another site than the app. */
export async function startPlatform({ host = "127.0.0.1", pageSize = 50 } = {}) {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = `platform-${randomUUID().slice(0, 8)}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, host, r));
  const base = `http://${host}:${(server.address() as AddressInfo).port}`;

  const tools = new Map<string, Tool>();
  const messages = new Map<string, Message>();
  const lineItems = new Map<string, LineItem>();
  const memberships = new Map<string, Member[]>();
  const tokens = new Map<string, { clientId: string; scopes: string[] }>();
  const registrationTokens = new Set<string>();
  const deepLinkReturns: JWTPayload[] = [];
  const toolJwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  /** Scores answered with this status instead of being taken (to test the outbox). */
  const failScores = { status: 0 };

  const p = {
    issuer: base,
    base,
    kid,
    privateKey,
    jwksUrl: `${base}/jwks`,
    authUrl: `${base}/auth`,
    tokenUrl: `${base}/token`,
    tools,
    lineItems,
    memberships,
    registrationTokens,
    deepLinkReturns,
    failScores,
    /** The client id the next dynamic registration answers with (once), instead of a new one. */
    nextClientId: undefined as string | undefined,
    close: () => new Promise<void>((r) => server.close(() => r())),

    /** Registers a tool by hand (what an LMS admin does) with one deployment. */
    addTool({ clientId = randomUUID(), deploymentId = randomUUID(), toolOrigin, jwksUri }: { clientId?: string; deploymentId?: string; toolOrigin: string; jwksUri?: string }) {
      tools.set(clientId, {
        redirectUris: [`${toolOrigin}/lti/launch`],
        jwksUri: jwksUri ?? `${toolOrigin}/lti/jwks`,
        deployments: new Set([deploymentId]),
        loginUrl: `${toolOrigin}/lti/login`,
        targetLinkUri: `${toolOrigin}/lti/launch`,
      });
      return { clientId, deploymentId };
    },

    /** The third-party login initiation URL the platform sends the browser to. */
    loginInitiation(msg: Omit<Message, "targetLinkUri"> & { targetLinkUri?: string }) {
      const tool = tools.get(msg.clientId)!;
      const hint = randomUUID();
      const full = { ...msg, targetLinkUri: msg.targetLinkUri ?? tool.targetLinkUri };
      messages.set(hint, full);
      const u = new URL(tool.loginUrl);
      u.search = new URLSearchParams({
        iss: base,
        login_hint: msg.user.id,
        target_link_uri: full.targetLinkUri,
        lti_message_hint: hint,
        client_id: msg.clientId,
        lti_deployment_id: msg.deploymentId,
      }).toString();
      return u.href;
    },

    /** Builds and signs a launch id_token; tests forge variants (another key, nonce, claims). */
    async signLaunch(msg: Message, nonce: string, { key = privateKey as CryptoKey, keyId = kid, overrides = {} as Record<string, unknown> } = {}) {
      const claims: Record<string, unknown> = {
        nonce,
        [CLAIM.messageType]: msg.type,
        [CLAIM.version]: "1.3.0",
        [CLAIM.deploymentId]: msg.deploymentId,
        [CLAIM.targetLinkUri]: msg.targetLinkUri,
        [CLAIM.roles]: msg.user.roles,
        name: msg.user.name,
        email: msg.user.email,
        given_name: msg.user.given_name,
        family_name: msg.user.family_name,
        [CLAIM.launchPresentation]: { document_target: "iframe", return_url: `${base}/course` },
      };
      if (msg.context) {
        claims[CLAIM.context] = msg.context;
        claims[CLAIM.nrps] = { context_memberships_url: `${base}/contexts/${msg.context.id}/memberships`, service_versions: ["2.0"] };
      }
      if (msg.type === "LtiResourceLinkRequest" && msg.resourceLink) {
        claims[CLAIM.resourceLink] = msg.resourceLink;
        const li = [...lineItems.values()].find((l) => l.resourceLinkId === msg.resourceLink!.id);
        claims[CLAIM.ags] = {
          scope: [SCOPE.lineitem, SCOPE.resultRead, SCOPE.score],
          ...(msg.context ? { lineitems: `${base}/contexts/${msg.context.id}/lineitems` } : {}),
          ...(li ? { lineitem: li.id } : {}),
        };
      }
      if (msg.type === "LtiDeepLinkingRequest") {
        claims[CLAIM.dlSettings] = {
          deep_link_return_url: `${base}/deep-link-return?context=${encodeURIComponent(msg.context?.id ?? "")}`,
          accept_types: ["ltiResourceLink"],
          accept_presentation_document_targets: ["iframe", "window"],
          accept_multiple: false,
          auto_create: true,
          data: `opaque-${randomUUID()}`,
        };
        if (msg.context) claims[CLAIM.ags] = { scope: [SCOPE.lineitem, SCOPE.score], lineitems: `${base}/contexts/${msg.context.id}/lineitems` };
      }
      if (msg.custom) claims[CLAIM.custom] = msg.custom;
      Object.assign(claims, overrides);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: keyId, typ: "JWT" })
        .setIssuer((overrides.iss as string) ?? base)
        .setAudience((overrides.aud as string) ?? msg.clientId)
        .setSubject(msg.user.id)
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(key);
    },

    message: (hint: string) => messages.get(hint),
    /** The line item the platform made for a Deep Linking content item, and the resource link it gave it. */
    lineItemFor: (resourceId: string) => [...lineItems.values()].find((l) => l.resourceId === resourceId),
  };

  const verifyFromTool = (clientId: string, jwt: string, audience: string) => {
    const tool = tools.get(clientId);
    if (!tool) throw new Error("unknown client");
    if (!toolJwks.has(clientId)) toolJwks.set(clientId, createRemoteJWKSet(new URL(tool.jwksUri)));
    return jwtVerify(jwt, toolJwks.get(clientId)!, { issuer: clientId, audience });
  };
  const bearer = (req: IncomingMessage, scope: string) => {
    const t = tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
    return t && t.scopes.includes(scope) ? t : null;
  };
  const unverifiedIss = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString()).iss as string;

  server.on("request", async (req, res) => {
    const url = new URL(req.url ?? "/", base);
    const body = req.method === "POST" ? await readBody(req) : "";
    const form = () => new URLSearchParams(body);
    try {
      if (url.pathname === "/jwks") return send(res, 200, { keys: [jwk] });
      // The course page is a top-level page: Chromium asks for its icon, and a 404 is a console error.
      if (url.pathname === "/favicon.ico") return send(res, 204, "", "image/x-icon");

      // A course page framing the tool, as an LMS does: the iframe opens the login initiation.
      if (url.pathname === "/course") {
        const src = url.searchParams.get("launch") ?? "";
        return send(res, 200, `<!doctype html><title>Course</title><h1>History 12</h1><iframe title="Extent" src="${esc(src)}" style="width:1000px;height:700px"></iframe>`, "text/html");
      }

      if (url.pathname === "/auth") {
        const q = req.method === "POST" ? form() : url.searchParams;
        const tool = tools.get(q.get("client_id") ?? "");
        const msg = messages.get(q.get("lti_message_hint") ?? "");
        if (!tool || !tool.redirectUris.includes(q.get("redirect_uri") ?? "")) return send(res, 400, { error: "invalid_request_object" });
        if (q.get("response_type") !== "id_token" || q.get("scope") !== "openid" || q.get("response_mode") !== "form_post" || !q.get("nonce"))
          return send(res, 400, { error: "invalid_request" });
        if (!msg || msg.user.id !== q.get("login_hint")) return send(res, 400, { error: "login_required" });
        const idToken = await p.signLaunch(msg, q.get("nonce")!);
        return send(
          res,
          200,
          `<!doctype html><form method="post" action="${esc(q.get("redirect_uri")!)}">` +
            `<input type="hidden" name="id_token" value="${esc(idToken)}"><input type="hidden" name="state" value="${esc(q.get("state") ?? "")}">` +
            `</form><script>document.forms[0].submit()</script>`,
          "text/html",
        );
      }

      if (url.pathname === "/token" && req.method === "POST") {
        const f = form();
        if (f.get("grant_type") !== "client_credentials" || f.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
          return send(res, 400, { error: "unsupported_grant_type" });
        const assertion = f.get("client_assertion") ?? "";
        const { payload } = await verifyFromTool(unverifiedIss(assertion), assertion, p.tokenUrl);
        if (payload.sub !== payload.iss || !payload.jti) return send(res, 400, { error: "invalid_client" });
        const scopes = (f.get("scope") ?? "").split(" ");
        const token = randomUUID();
        tokens.set(token, { clientId: payload.iss!, scopes });
        return send(res, 200, { access_token: token, token_type: "Bearer", expires_in: 3600, scope: scopes.join(" ") });
      }

      let m: RegExpMatchArray | null;
      if ((m = url.pathname.match(/^\/contexts\/([^/]+)\/lineitems$/))) {
        const contextId = decodeURIComponent(m[1]!);
        if (req.method === "GET") {
          if (!bearer(req, SCOPE.lineitem) && !bearer(req, SCOPE.lineitemRead)) return send(res, 401, { error: "unauthorized" });
          const items = [...lineItems.values()].filter(
            (l) => l.contextId === contextId && (!url.searchParams.get("resource_id") || l.resourceId === url.searchParams.get("resource_id")),
          );
          return send(res, 200, items.map(({ scores: _s, contextId: _c, ...l }) => l), "application/vnd.ims.lis.v2.lineitemcontainer+json");
        }
        if (!bearer(req, SCOPE.lineitem)) return send(res, 401, { error: "unauthorized" });
        const li = JSON.parse(body);
        if (!(li.scoreMaximum > 0) || !li.label) return send(res, 400, { error: "scoreMaximum and label required" });
        const id = randomUUID();
        const item = { id: `${base}/lineitems/${id}`, ...li };
        lineItems.set(id, { ...item, contextId, scores: [] });
        return send(res, 201, item, "application/vnd.ims.lis.v2.lineitem+json");
      }
      if ((m = url.pathname.match(/^\/lineitems\/([^/]+)\/scores$/)) && req.method === "POST") {
        if (!bearer(req, SCOPE.score)) return send(res, 401, { error: "unauthorized" });
        if (failScores.status) return send(res, failScores.status, { error: "unavailable" });
        if (req.headers["content-type"] !== "application/vnd.ims.lis.v1.score+json") return send(res, 415, { error: "content type" });
        const li = lineItems.get(m[1]!);
        if (!li) return send(res, 404, { error: "no line item" });
        const s = JSON.parse(body);
        for (const k of ["userId", "timestamp", "activityProgress", "gradingProgress"]) if (!s[k]) return send(res, 400, { error: `${k} required` });
        if (s.scoreGiven !== undefined && !(s.scoreMaximum > 0)) return send(res, 400, { error: "scoreMaximum required with scoreGiven" });
        li.scores.push(s);
        return send(res, 204, "");
      }
      if ((m = url.pathname.match(/^\/contexts\/([^/]+)\/memberships$/))) {
        if (!bearer(req, SCOPE.nrps)) return send(res, 401, { error: "unauthorized" });
        const contextId = decodeURIComponent(m[1]!);
        const role = url.searchParams.get("role");
        const all = (memberships.get(contextId) ?? []).filter((x) => !role || x.roles.includes(role));
        const from = Number(url.searchParams.get("from") ?? 0);
        const next = from + pageSize < all.length ? new URL(url.href) : null;
        next?.searchParams.set("from", String(from + pageSize));
        return send(
          res,
          200,
          { id: url.href, context: { id: contextId, label: "HIST12", title: "History 12" }, members: all.slice(from, from + pageSize) },
          "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
          next ? { link: `<${next.href}>; rel="next"` } : {},
        );
      }
      if (url.pathname === "/deep-link-return" && req.method === "POST") {
        const jwt = form().get("JWT") ?? "";
        const { payload } = await verifyFromTool(unverifiedIss(jwt), jwt, base);
        const tool = tools.get(payload.iss!)!;
        if (payload[CLAIM.messageType] !== "LtiDeepLinkingResponse" || payload[CLAIM.version] !== "1.3.0" || !tool.deployments.has(String(payload[CLAIM.deploymentId])))
          return send(res, 400, { error: "bad deep linking response" });
        deepLinkReturns.push(payload);
        for (const item of (payload[CLAIM.dlContentItems] as Record<string, unknown>[] | undefined) ?? []) {
          const lineItem = item.lineItem as { label: string; scoreMaximum: number; resourceId?: string; tag?: string } | undefined;
          if (item.type === "ltiResourceLink" && lineItem) {
            // auto_create: the platform makes the gradebook column with the resource link.
            const id = randomUUID();
            lineItems.set(id, { id: `${base}/lineitems/${id}`, ...lineItem, resourceLinkId: randomUUID(), contextId: url.searchParams.get("context") ?? "course-1", scores: [], custom: item.custom as Record<string, string> });
          }
        }
        return send(res, 200, "<!doctype html><title>Added</title><p>Content added</p>", "text/html");
      }
      if (url.pathname === "/.well-known/openid-configuration") {
        return send(res, 200, {
          issuer: base,
          authorization_endpoint: p.authUrl,
          token_endpoint: p.tokenUrl,
          jwks_uri: p.jwksUrl,
          registration_endpoint: `${base}/register`,
          token_endpoint_auth_methods_supported: ["private_key_jwt"],
          token_endpoint_auth_signing_alg_values_supported: ["RS256"],
          scopes_supported: ["openid", ...Object.values(SCOPE)],
          response_types_supported: ["id_token"],
          id_token_signing_alg_values_supported: ["RS256"],
          claims_supported: ["sub", "iss", "name", "given_name", "family_name", "email"],
          "https://purl.imsglobal.org/spec/lti-platform-configuration": {
            product_family_code: "extent-test-platform",
            version: "1.0",
            messages_supported: [{ type: "LtiResourceLinkRequest" }, { type: "LtiDeepLinkingRequest" }],
          },
        });
      }
      if (url.pathname === "/register" && req.method === "POST") {
        const tok = (req.headers.authorization ?? "").replace(/^Bearer /, "");
        if (!registrationTokens.delete(tok)) return send(res, 401, { error: "invalid registration token" });
        const reg = JSON.parse(body);
        const conf = reg["https://purl.imsglobal.org/spec/lti-tool-configuration"];
        if (!reg.initiate_login_uri || !reg.redirect_uris?.length || !reg.jwks_uri || !conf?.target_link_uri) return send(res, 400, { error: "invalid_client_metadata" });
        // An LMS that answers with a client id it already gave (nextClientId): the tool must not
        // attach the new deployment to whichever school registered that client first.
        const clientId = p.nextClientId ?? randomUUID();
        p.nextClientId = undefined;
        const deploymentId = randomUUID();
        tools.set(clientId, { redirectUris: reg.redirect_uris, jwksUri: reg.jwks_uri, deployments: new Set([deploymentId]), loginUrl: reg.initiate_login_uri, targetLinkUri: conf.target_link_uri });
        return send(res, 200, { ...reg, client_id: clientId, "https://purl.imsglobal.org/spec/lti-tool-configuration": { ...conf, deployment_id: deploymentId } });
      }
      send(res, 404, { error: `not found ${url.pathname}` });
    } catch (e) {
      send(res, 400, { error: String((e as Error).message ?? e) });
    }
  });
  return p;
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;
