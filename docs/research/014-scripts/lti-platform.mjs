// A minimal LTI 1.3 *platform* stand-in for tests, on jose + node:http, loopback only.
// Serves: platform JWKS, OIDC authorization endpoint (form_post of a signed id_token), OAuth2 token endpoint
// (client_credentials + private_key_jwt checked against the tool's JWKS), AGS line items + scores, NRPS memberships,
// the deep-linking return URL, and Dynamic Registration (openid-configuration + registration endpoint).
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, createRemoteJWKSet } from 'jose';

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const CLAIM = {
  messageType: LTI + 'message_type', version: LTI + 'version', deploymentId: LTI + 'deployment_id',
  targetLinkUri: LTI + 'target_link_uri', resourceLink: LTI + 'resource_link', roles: LTI + 'roles', context: LTI + 'context',
  custom: LTI + 'custom', launchPresentation: LTI + 'launch_presentation',
  dlSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  dlContentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  dlData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
};
export const ROLE = {
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
};
export const SCOPE = {
  lineitem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineitemRead: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  resultRead: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
};

const readBody = (req) => new Promise((resolve) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => resolve(b)); });
const send = (res, status, body, type = 'application/json', headers = {}) => {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export async function startPlatform() {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = 'platform-key-1';
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };

  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const issuer = base; // one issuer, many schools (deployments)

  const p = {
    issuer, base, privateKey, kid,
    jwksUrl: `${base}/jwks`, authUrl: `${base}/auth`, tokenUrl: `${base}/token`,
    tools: new Map(),            // client_id -> { redirect_uris, jwks_uri, deployments:Set, loginUrl, targetLinkUri }
    messages: new Map(),         // lti_message_hint -> { type, user, context, resourceLink, custom, ... }
    lineItems: new Map(),        // id -> { ...lineItem, contextId, scores: [] }
    memberships: new Map(),      // contextId -> member[]
    tokens: new Map(),           // access token -> { client_id, scopes }
    registrationTokens: new Set(),
    deepLinkReturns: [],         // verified DL responses
    close: () => new Promise((r) => server.close(r)),
  };

  /** Register a tool by hand (what an admin does in the LMS) and give it a deployment. */
  p.addTool = ({ clientId = randomUUID(), redirectUris, jwksUri, loginUrl, targetLinkUri, deploymentId = randomUUID() }) => {
    p.tools.set(clientId, { redirect_uris: redirectUris, jwks_uri: jwksUri, deployments: new Set([deploymentId]), loginUrl, targetLinkUri });
    return { clientId, deploymentId };
  };

  /** The third-party initiated login request the platform sends the browser to (a GET here; may be POST). */
  p.loginInitiation = ({ clientId, deploymentId, user, context, type = 'LtiResourceLinkRequest', resourceLink, custom, targetLinkUri, storageTarget }) => {
    const tool = p.tools.get(clientId);
    const hint = randomUUID();
    p.messages.set(hint, { type, user, context, resourceLink, custom, deploymentId, clientId, targetLinkUri: targetLinkUri ?? tool.targetLinkUri });
    const u = new URL(tool.loginUrl);
    u.search = new URLSearchParams({
      iss: issuer, login_hint: user.id, target_link_uri: targetLinkUri ?? tool.targetLinkUri,
      lti_message_hint: hint, client_id: clientId, lti_deployment_id: deploymentId,
      ...(storageTarget ? { lti_storage_target: storageTarget } : {}),
    }).toString();
    return u.href;
  };

  /** Build and sign the launch id_token. Exposed so tests can forge variants (wrong key, replayed nonce, ...). */
  p.signLaunch = async (msg, nonce, { key = privateKey, keyId = kid, overrides = {} } = {}) => {
    const claims = {
      nonce,
      [CLAIM.messageType]: msg.type,
      [CLAIM.version]: '1.3.0',
      [CLAIM.deploymentId]: msg.deploymentId,
      [CLAIM.targetLinkUri]: msg.targetLinkUri,
      [CLAIM.roles]: msg.user.roles,
      [CLAIM.context]: msg.context,
      name: msg.user.name, email: msg.user.email, given_name: msg.user.given_name, family_name: msg.user.family_name,
    };
    if (msg.type === 'LtiResourceLinkRequest') {
      claims[CLAIM.resourceLink] = msg.resourceLink;
      const li = [...p.lineItems.values()].find((l) => l.resourceLinkId === msg.resourceLink.id);
      claims[CLAIM.ags] = {
        scope: [SCOPE.lineitem, SCOPE.resultRead, SCOPE.score],
        lineitems: `${base}/contexts/${msg.context.id}/lineitems`,
        ...(li ? { lineitem: li.id } : {}),
      };
    }
    if (msg.type === 'LtiDeepLinkingRequest') {
      claims[CLAIM.dlSettings] = {
        deep_link_return_url: `${base}/deep-link-return`, accept_types: ['ltiResourceLink'],
        accept_presentation_document_targets: ['iframe', 'window'], accept_multiple: false, auto_create: true,
        data: 'opaque-platform-data-' + randomUUID(),
      };
    }
    claims[CLAIM.nrps] = { context_memberships_url: `${base}/contexts/${msg.context.id}/memberships`, service_versions: ['2.0'] };
    if (msg.custom) claims[CLAIM.custom] = msg.custom;
    Object.assign(claims, overrides);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' })
      .setIssuer(overrides.iss ?? issuer).setAudience(overrides.aud ?? msg.clientId).setSubject(msg.user.id)
      .setIssuedAt().setExpirationTime('5m').sign(key);
  };

  const toolJwks = new Map();
  const verifyFromTool = (clientId, jwt, audience) => {
    const tool = p.tools.get(clientId);
    if (!tool) throw new Error('unknown client');
    if (!toolJwks.has(clientId)) toolJwks.set(clientId, createRemoteJWKSet(new URL(tool.jwks_uri)));
    return jwtVerify(jwt, toolJwks.get(clientId), { issuer: clientId, audience });
  };
  const bearer = (req, scope) => {
    const t = p.tokens.get((req.headers.authorization || '').replace(/^Bearer /, ''));
    return t && t.scopes.includes(scope) ? t : null;
  };

  server.on('request', async (req, res) => {
    const url = new URL(req.url, base);
    const body = req.method === 'POST' ? await readBody(req) : '';
    const form = () => new URLSearchParams(body);
    try {
      if (url.pathname === '/jwks') return send(res, 200, { keys: [jwk] });

      // --- OIDC authorization endpoint (step 2 of the LTI launch) ---
      if (url.pathname === '/auth') {
        const q = req.method === 'POST' ? form() : url.searchParams;
        const tool = p.tools.get(q.get('client_id'));
        const msg = p.messages.get(q.get('lti_message_hint'));
        if (!tool || !tool.redirect_uris.includes(q.get('redirect_uri'))) return send(res, 400, { error: 'invalid_request_object' });
        if (q.get('response_type') !== 'id_token' || q.get('scope') !== 'openid' || q.get('response_mode') !== 'form_post' || !q.get('nonce'))
          return send(res, 400, { error: 'invalid_request' });
        if (!msg || msg.user.id !== q.get('login_hint')) return send(res, 400, { error: 'login_required' });
        const idToken = await p.signLaunch(msg, q.get('nonce'));
        // the auto-submitting form a real platform returns
        return send(res, 200, `<!doctype html><form method="post" action="${esc(q.get('redirect_uri'))}">` +
          `<input type="hidden" name="id_token" value="${esc(idToken)}"><input type="hidden" name="state" value="${esc(q.get('state'))}">` +
          `</form><script>document.forms[0].submit()</script>`, 'text/html');
      }

      // --- OAuth2 token endpoint for services: client_credentials + JWT client assertion ---
      if (url.pathname === '/token' && req.method === 'POST') {
        const f = form();
        if (f.get('grant_type') !== 'client_credentials' || f.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
          return send(res, 400, { error: 'unsupported_grant_type' });
        const unverified = JSON.parse(Buffer.from(f.get('client_assertion').split('.')[1], 'base64url'));
        const { payload } = await verifyFromTool(unverified.iss, f.get('client_assertion'), p.tokenUrl);
        if (payload.sub !== payload.iss || !payload.jti) return send(res, 400, { error: 'invalid_client' });
        const scopes = f.get('scope').split(' ');
        const token = randomUUID();
        p.tokens.set(token, { client_id: payload.iss, scopes });
        return send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600, scope: scopes.join(' ') });
      }

      // --- AGS line items container ---
      let m;
      if ((m = url.pathname.match(/^\/contexts\/([^/]+)\/lineitems$/))) {
        if (req.method === 'GET') {
          if (!bearer(req, SCOPE.lineitem) && !bearer(req, SCOPE.lineitemRead)) return send(res, 401, { error: 'unauthorized' });
          const items = [...p.lineItems.values()].filter((l) => l.contextId === m[1] &&
            (!url.searchParams.get('resource_link_id') || l.resourceLinkId === url.searchParams.get('resource_link_id')));
          return send(res, 200, items.map(({ scores: _scores, contextId: _contextId, ...l }) => l), 'application/vnd.ims.lis.v2.lineitemcontainer+json');
        }
        if (!bearer(req, SCOPE.lineitem)) return send(res, 401, { error: 'unauthorized' });
        const li = JSON.parse(body);
        if (!(li.scoreMaximum > 0) || !li.label) return send(res, 400, { error: 'scoreMaximum and label required' });
        const id = randomUUID();
        const item = { id: `${base}/lineitems/${id}`, ...li };
        p.lineItems.set(id, { ...item, contextId: m[1], scores: [] });
        return send(res, 201, item, 'application/vnd.ims.lis.v2.lineitem+json');
      }
      // --- AGS scores ---
      if ((m = url.pathname.match(/^\/lineitems\/([^/]+)\/scores$/)) && req.method === 'POST') {
        if (!bearer(req, SCOPE.score)) return send(res, 401, { error: 'unauthorized' });
        if (req.headers['content-type'] !== 'application/vnd.ims.lis.v1.score+json') return send(res, 415, { error: 'content type' });
        const li = p.lineItems.get(m[1]);
        if (!li) return send(res, 404, { error: 'no line item' });
        const s = JSON.parse(body);
        for (const k of ['userId', 'timestamp', 'activityProgress', 'gradingProgress'])
          if (!s[k]) return send(res, 400, { error: `${k} required` });
        if (s.scoreGiven !== undefined && !(s.scoreMaximum > 0)) return send(res, 400, { error: 'scoreMaximum required with scoreGiven' });
        li.scores.push(s);
        return send(res, 204, '');
      }
      // --- NRPS ---
      if ((m = url.pathname.match(/^\/contexts\/([^/]+)\/memberships$/))) {
        if (!bearer(req, SCOPE.nrps)) return send(res, 401, { error: 'unauthorized' });
        const members = p.memberships.get(m[1]) ?? [];
        const role = url.searchParams.get('role');
        return send(res, 200, {
          id: url.href, context: { id: m[1], label: 'HIST12', title: 'History 12' },
          members: members.filter((x) => !role || x.roles.includes(role)),
        }, 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json');
      }
      // --- Deep linking return ---
      if (url.pathname === '/deep-link-return' && req.method === 'POST') {
        const jwt = form().get('JWT');
        const unverified = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url'));
        const { payload } = await verifyFromTool(unverified.iss, jwt, issuer);
        if (payload[CLAIM.messageType] !== 'LtiDeepLinkingResponse' || payload[CLAIM.version] !== '1.3.0' || !p.tools.get(payload.iss).deployments.has(payload[CLAIM.deploymentId]))
          return send(res, 400, { error: 'bad deep linking response' });
        p.deepLinkReturns.push(payload);
        for (const item of payload[CLAIM.dlContentItems] ?? []) {
          if (item.type === 'ltiResourceLink' && item.lineItem) { // auto_create: the platform makes the gradebook column
            const id = randomUUID(), resourceLinkId = randomUUID();
            p.lineItems.set(id, { id: `${base}/lineitems/${id}`, ...item.lineItem, resourceLinkId, contextId: 'course-1', scores: [], custom: item.custom, url: item.url });
          }
        }
        return send(res, 200, '<p>Content added</p>', 'text/html');
      }
      // --- Dynamic Registration ---
      if (url.pathname === '/.well-known/openid-configuration') {
        return send(res, 200, {
          issuer, authorization_endpoint: p.authUrl, token_endpoint: p.tokenUrl, jwks_uri: p.jwksUrl,
          registration_endpoint: `${base}/register`, token_endpoint_auth_methods_supported: ['private_key_jwt'],
          token_endpoint_auth_signing_alg_values_supported: ['RS256'], scopes_supported: ['openid', ...Object.values(SCOPE)],
          response_types_supported: ['id_token'], subject_types_supported: ['public', 'pairwise'],
          id_token_signing_alg_values_supported: ['RS256'], claims_supported: ['sub', 'iss', 'name', 'given_name', 'family_name', 'email'],
          'https://purl.imsglobal.org/spec/lti-platform-configuration': {
            product_family_code: 'extent-test-platform', version: '1.0',
            messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
          },
        });
      }
      if (url.pathname === '/register' && req.method === 'POST') {
        const tok = (req.headers.authorization || '').replace(/^Bearer /, '');
        if (!p.registrationTokens.delete(tok)) return send(res, 401, { error: 'invalid registration token' });
        const reg = JSON.parse(body);
        const toolConf = reg['https://purl.imsglobal.org/spec/lti-tool-configuration'];
        if (!reg.initiate_login_uri || !reg.redirect_uris?.length || !reg.jwks_uri || !toolConf?.target_link_uri) return send(res, 400, { error: 'invalid_client_metadata' });
        const { clientId, deploymentId } = p.addTool({ redirectUris: reg.redirect_uris, jwksUri: reg.jwks_uri, loginUrl: reg.initiate_login_uri, targetLinkUri: toolConf.target_link_uri });
        return send(res, 200, { ...reg, client_id: clientId, 'https://purl.imsglobal.org/spec/lti-tool-configuration': { ...toolConf, deployment_id: deploymentId } });
      }
      send(res, 404, { error: 'not found ' + url.pathname });
    } catch (e) {
      send(res, 400, { error: String(e.message || e) });
    }
  });
  return p;
}
