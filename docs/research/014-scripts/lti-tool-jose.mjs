// An LTI 1.3 *tool* on jose alone (the "1EdTech security framework by hand" option), driven end to end against the
// platform stand-in in lti-platform.mjs: Dynamic Registration, OIDC third-party login, launch verification,
// replay / unknown key / wrong claims refused, Deep Linking response creating a line item, AGS score, NRPS roster.
// Run: node lti-tool-jose.mjs
import { createServer } from 'node:http';
import { randomUUID, randomBytes } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, createRemoteJWKSet, decodeJwt } from 'jose';
import { startPlatform, CLAIM, ROLE, SCOPE } from './lti-platform.mjs';

// ---------------------------------------------------------------- the tool ------
const toolKeys = await generateKeyPair('RS256', { extractable: true }); // in the app: a stored JWK, rotated with 2 kids
const toolKid = 'extent-tool-1';
const toolServer = createServer();
await new Promise((r) => toolServer.listen(0, '127.0.0.1', r));
const TOOL = `http://127.0.0.1:${toolServer.address().port}`;

// registry keyed by (issuer, client_id) -> { authUrl, tokenUrl, jwksUrl, deployments:Set }. In the app: LtiRegistration
// + LtiDeployment tables (deployment -> school). One issuer (e.g. canvas.instructure.com) serves many schools.
const registry = new Map();
const regKey = (iss, clientId) => `${iss}\u0000${clientId}`;
const loginStates = new Map();   // state -> { nonce, iss, clientId, exp }  (app: a table row, deleted on use)
const usedNonces = new Set();    // (app: unique index on (iss, nonce) with an expiry; INSERT conflict = replay)
const jwksCache = new Map();

async function verifyLaunch(idToken, state, cookieState) {
  // 1. state: known, unexpired, single use, and bound to this browser (cookie) -- or to platform storage (see notes)
  const st = loginStates.get(state);
  loginStates.delete(state);
  if (!st || st.exp < Date.now()) throw new Error('unknown or expired state');
  if (cookieState !== undefined && cookieState !== state) throw new Error('state does not match this browser');
  // 2. which registration? iss + aud from the unverified token, then verify with that registration's JWKS
  const { iss, aud, azp } = decodeJwt(idToken);
  const clientId = Array.isArray(aud) ? azp : aud;        // aud may be an array; then azp names us
  if (iss !== st.iss || clientId !== st.clientId) throw new Error('token is not for the login that was started');
  const reg = registry.get(regKey(iss, clientId));
  if (!reg) throw new Error('unknown issuer/client');
  if (!jwksCache.has(reg.jwksUrl)) jwksCache.set(reg.jwksUrl, createRemoteJWKSet(new URL(reg.jwksUrl)));
  const { payload } = await jwtVerify(idToken, jwksCache.get(reg.jwksUrl), {
    issuer: iss, audience: clientId, algorithms: ['RS256'], maxTokenAge: '10m', clockTolerance: 60, requiredClaims: ['nonce', 'sub'],
  });
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== clientId) throw new Error('azp mismatch');
  // 3. nonce: the one we issued for this state, and never seen before
  if (payload.nonce !== st.nonce) throw new Error('nonce mismatch');
  if (usedNonces.has(payload.nonce)) throw new Error('nonce replayed');
  usedNonces.add(payload.nonce);
  // 4. LTI claims
  if (payload[CLAIM.version] !== '1.3.0') throw new Error('not LTI 1.3.0');
  if (!reg.deployments.has(payload[CLAIM.deploymentId])) throw new Error('unknown deployment');
  const type = payload[CLAIM.messageType];
  if (type === 'LtiResourceLinkRequest') { if (!payload[CLAIM.resourceLink]?.id) throw new Error('resource_link.id missing'); }
  else if (type === 'LtiDeepLinkingRequest') { if (!payload[CLAIM.dlSettings]?.deep_link_return_url) throw new Error('deep_link_settings missing'); }
  else throw new Error('unsupported message type ' + type);
  if (!Array.isArray(payload[CLAIM.roles])) throw new Error('roles missing');
  return payload;
}

/** Service access token: client_credentials with a private_key_jwt assertion (aud = token endpoint). Cache per scope set until expiry. */
async function serviceToken(reg, clientId, scopes) {
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: toolKid })
    .setIssuer(clientId).setSubject(clientId).setAudience(reg.tokenUrl).setJti(randomUUID()).setIssuedAt().setExpirationTime('5m')
    .sign(toolKeys.privateKey);
  const res = await fetch(reg.tokenUrl, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion, scope: scopes.join(' '),
    }),
  });
  if (!res.ok) throw new Error('token endpoint: ' + res.status + ' ' + (await res.text()));
  return (await res.json()).access_token;
}

/** Deep Linking response JWT: iss = our client_id, aud = platform issuer, echo `data`. */
async function deepLinkingResponse(launch, clientId, items) {
  return new SignJWT({
    nonce: randomUUID(),
    [CLAIM.messageType]: 'LtiDeepLinkingResponse', [CLAIM.version]: '1.3.0', [CLAIM.deploymentId]: launch[CLAIM.deploymentId],
    [CLAIM.dlContentItems]: items,
    ...(launch[CLAIM.dlSettings].data !== undefined ? { [CLAIM.dlData]: launch[CLAIM.dlSettings].data } : {}),
  }).setProtectedHeader({ alg: 'RS256', kid: toolKid, typ: 'JWT' })
    .setIssuer(clientId).setAudience(launch.iss).setIssuedAt().setExpirationTime('5m').sign(toolKeys.privateKey);
}

const readBody = (req) => new Promise((resolve) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => resolve(b)); });
toolServer.on('request', async (req, res) => {
  const url = new URL(req.url, TOOL);
  const body = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
  try {
    if (url.pathname === '/lti/jwks') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ keys: [{ ...(await exportJWK(toolKeys.publicKey)), kid: toolKid, alg: 'RS256', use: 'sig' }] }));
    }
    if (url.pathname === '/lti/login') { // GET or POST
      const iss = body.get('iss'), clientId = body.get('client_id');
      const reg = registry.get(regKey(iss, clientId));
      if (!reg || !body.get('login_hint') || !body.get('target_link_uri')?.startsWith(TOOL)) { res.writeHead(400); return res.end('unknown platform'); }
      if (body.get('lti_deployment_id') && !reg.deployments.has(body.get('lti_deployment_id'))) { res.writeHead(400); return res.end('unknown deployment'); }
      const state = randomBytes(24).toString('base64url'), nonce = randomBytes(24).toString('base64url');
      loginStates.set(state, { nonce, iss, clientId, exp: Date.now() + 10 * 60_000 });
      const auth = new URL(reg.authUrl);
      auth.search = new URLSearchParams({
        scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none',
        client_id: clientId, redirect_uri: `${TOOL}/lti/launch`, login_hint: body.get('login_hint'), state, nonce,
        ...(body.get('lti_message_hint') ? { lti_message_hint: body.get('lti_message_hint') } : {}),
      }).toString();
      // Partitioned (CHIPS) cookie: readable back in the same top-level site's iframe even with 3p cookies blocked (Chrome/Edge,
      // Firefox's own partitioning); SameSite=None required for the cross-site form_post. Short-lived, one per state.
      res.writeHead(302, { location: auth.href, 'set-cookie': `lti_state_${state}=1; Path=/lti; Max-Age=600; HttpOnly; Secure; SameSite=None; Partitioned` });
      return res.end();
    }
    if (url.pathname === '/lti/launch' && req.method === 'POST') {
      const state = body.get('state');
      const cookies = Object.fromEntries((req.headers.cookie || '').split(/; */).filter(Boolean).map((c) => c.split('=')));
      const payload = await verifyLaunch(body.get('id_token'), state, cookies[`lti_state_${state}`] ? state : undefined);
      // the app would now: find/create user (iss+sub), school (deployment), class (context.id), and issue a short-lived
      // LTI session token carried in the URL/form of the iframe pages (no 3rd-party cookie needed)
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(payload));
    }
    if (url.pathname === '/lti/register') { // Dynamic Registration: the admin pastes `${TOOL}/lti/register` into the LMS
      const cfgUrl = new URL(url.searchParams.get('openid_configuration'));
      const cfg = await (await fetch(cfgUrl)).json();
      // the issuer must be the configuration URL's prefix (spec 3.5.1), else refuse
      if (!cfgUrl.href.startsWith(cfg.issuer)) throw new Error('issuer does not match the configuration URL');
      const regRes = await fetch(cfg.registration_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(url.searchParams.get('registration_token') ? { authorization: `Bearer ${url.searchParams.get('registration_token')}` } : {}) },
        body: JSON.stringify({
          application_type: 'web', response_types: ['id_token'], grant_types: ['implicit', 'client_credentials'],
          initiate_login_uri: `${TOOL}/lti/login`, redirect_uris: [`${TOOL}/lti/launch`],
          client_name: 'Extent', jwks_uri: `${TOOL}/lti/jwks`, token_endpoint_auth_method: 'private_key_jwt',
          scope: [SCOPE.lineitem, SCOPE.resultRead, SCOPE.score, SCOPE.nrps].join(' '),
          'https://purl.imsglobal.org/spec/lti-tool-configuration': {
            domain: new URL(TOOL).host, target_link_uri: `${TOOL}/lti/launch`, claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email'],
            messages: [{ type: 'LtiDeepLinkingRequest', target_link_uri: `${TOOL}/lti/launch`, label: 'Set an Extent essay' }, { type: 'LtiResourceLinkRequest' }],
          },
        }),
      });
      if (!regRes.ok) throw new Error('registration refused: ' + regRes.status);
      const out = await regRes.json();
      const deploymentId = out['https://purl.imsglobal.org/spec/lti-tool-configuration'].deployment_id;
      registry.set(regKey(cfg.issuer, out.client_id), { authUrl: cfg.authorization_endpoint, tokenUrl: cfg.token_endpoint, jwksUrl: cfg.jwks_uri, deployments: new Set([deploymentId]) });
      res.writeHead(200, { 'content-type': 'text/html' });
      // the page tells the LMS it is done
      return res.end(`<script>(window.opener||window.parent).postMessage({subject:'org.imsglobal.lti.close'},'*')</script>` +
        `<!-- ${JSON.stringify({ clientId: out.client_id, deploymentId })} -->`);
    }
    res.writeHead(404); res.end();
  } catch (e) {
    res.writeHead(400, { 'content-type': 'text/plain' }); res.end('refused: ' + e.message);
  }
});

// ------------------------------------------------------------ the scenario ------
let ok = 0, failed = 0;
const check = (name, cond, extra = '') => { if (cond) ok++; else failed++; console.log(cond ? 'ok  ' : 'FAIL', name, extra); };
const platform = await startPlatform();

// A. Dynamic Registration
const regToken = randomUUID(); platform.registrationTokens.add(regToken);
const regPage = await (await fetch(`${TOOL}/lti/register?` + new URLSearchParams({ openid_configuration: `${platform.issuer}/.well-known/openid-configuration`, registration_token: regToken }))).text();
const { clientId, deploymentId } = JSON.parse(regPage.match(/<!-- (.*) -->/)[1]);
check('dynamic registration gives client_id + deployment_id', clientId && deploymentId && registry.size === 1);

// The browser: follows the login initiation to the platform and posts the auto-submitted form to the tool.
async function browserLaunch(initUrl, { keepCookie = true, tamper } = {}) {
  const r1 = await fetch(initUrl, { redirect: 'manual' });                       // tool /lti/login -> 302
  const cookie = keepCookie ? (r1.headers.get('set-cookie') || '').split(';')[0] : '';
  const html = await (await fetch(r1.headers.get('location'))).text();          // platform /auth -> form_post page
  if (!html.includes('<form')) return { status: 0, text: html };
  const action = html.match(/action="([^"]+)"/)[1];
  let idToken = html.match(/name="id_token" value="([^"]+)"/)[1];
  const state = html.match(/name="state" value="([^"]+)"/)[1];
  if (tamper) idToken = await tamper(idToken, state);
  const r3 = await fetch(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: new URLSearchParams({ id_token: idToken, state }) });
  return { status: r3.status, text: await r3.text(), idToken, state, cookie, action };
}

const teacher = { id: 'u-teacher', name: 'Tess Teacher', given_name: 'Tess', family_name: 'Teacher', email: 'tess@school.example', roles: [ROLE.instructor] };
const student = { id: 'u-s1', name: 'Sam Student', email: 'sam@school.example', roles: [ROLE.learner] };
const context = { id: 'course-1', label: 'HIST12', title: 'History 12', type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'] };

// B. Deep linking: teacher picks a question -> resource link with a line item -> gradebook column
let r = await browserLaunch(platform.loginInitiation({ clientId, deploymentId, user: teacher, context, type: 'LtiDeepLinkingRequest' }));
check('deep linking launch verified', r.status === 200, r.status !== 200 ? r.text : '');
const dlLaunch = JSON.parse(r.text);
const dlJwt = await deepLinkingResponse(dlLaunch, clientId, [{
  type: 'ltiResourceLink', title: 'To what extent was the Treaty of Versailles a cause of WW2?', url: `${TOOL}/lti/launch`,
  custom: { extent_assignment: 'asg_123' },
  lineItem: { scoreMaximum: 20, label: 'Versailles essay', resourceId: 'asg_123', tag: 'extent' },
}]);
const dlRes = await fetch(dlLaunch[CLAIM.dlSettings].deep_link_return_url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ JWT: dlJwt }) });
const createdItem = [...platform.lineItems.values()][0];
check('deep linking return accepted, line item created', dlRes.status === 200 && createdItem?.scoreMaximum === 20, String(dlRes.status));

// C. Resource link launch (student) with the created link
r = await browserLaunch(platform.loginInitiation({ clientId, deploymentId, user: student, context, resourceLink: { id: createdItem.resourceLinkId, title: 'Versailles essay' }, custom: createdItem.custom }));
check('student resource link launch verified', r.status === 200, r.status !== 200 ? r.text : '');
const launch = JSON.parse(r.text);
check('launch carries the AGS line item and custom claim', launch[CLAIM.ags]?.lineitem === createdItem.id && launch[CLAIM.custom]?.extent_assignment === 'asg_123');

// D. Replays and forgeries are refused
const replay = await fetch(r.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: r.cookie }, body: new URLSearchParams({ id_token: r.idToken, state: r.state }) });
check('replayed id_token + state refused', replay.status === 400, await replay.text());
const oldToken = r.idToken;
r = await browserLaunch(platform.loginInitiation({ clientId, deploymentId, user: student, context, resourceLink: { id: createdItem.resourceLinkId } }), { tamper: async () => oldToken });
check('old id_token under a fresh state refused (nonce)', r.status === 400, r.text);
const rogue = await generateKeyPair('RS256');
const forge = (overrides, opts = {}) => async (tok) => {
  const nonce = decodeJwt(tok).nonce;
  const msg = { type: 'LtiResourceLinkRequest', user: student, context, resourceLink: { id: 'rl' }, deploymentId, clientId, targetLinkUri: `${TOOL}/lti/launch` };
  return platform.signLaunch(msg, nonce, { overrides, ...opts });
};
const init = () => platform.loginInitiation({ clientId, deploymentId, user: student, context, resourceLink: { id: 'rl' } });
r = await browserLaunch(init(), { tamper: forge({}, { key: rogue.privateKey, keyId: 'rogue' }) });
check('token signed by an unknown key refused', r.status === 400, r.text);
r = await browserLaunch(init(), { tamper: forge({}, { key: rogue.privateKey, keyId: platform.kid }) });
check('token signed by a wrong key under a known kid refused', r.status === 400, r.text);
r = await browserLaunch(init(), { tamper: forge({ [CLAIM.deploymentId]: 'other-school' }) });
check('unknown deployment_id refused', r.status === 400, r.text);
r = await browserLaunch(init(), { tamper: forge({ [CLAIM.version]: '1.1' }) });
check('wrong LTI version refused', r.status === 400, r.text);
r = await browserLaunch(init(), { tamper: forge({ [CLAIM.messageType]: 'LtiSubmissionReviewRequest' }) });
check('unsupported message type refused', r.status === 400, r.text);
r = await browserLaunch(init(), { tamper: forge({ aud: 'someone-else' }) });
check('wrong audience refused', r.status === 400, r.text);
r = await browserLaunch(init(), { tamper: forge({ iss: 'http://evil.example' }) });
check('wrong issuer refused', r.status === 400, r.text);
r = await browserLaunch(init(), { tamper: async (tok) => tok.slice(0, -3) + (tok.endsWith('AAA') ? 'BBB' : 'AAA') });
check('tampered signature refused', r.status === 400, r.text);
r = await browserLaunch(init(), { tamper: forge({}) });
check('a well-formed forge with the real key passes (control: the checks can pass)', r.status === 200, r.status === 200 ? '' : r.text);

// E. AGS: post a score to the launch's line item
const reg = registry.get(regKey(platform.issuer, clientId));
const agsToken = await serviceToken(reg, clientId, [SCOPE.score, SCOPE.lineitem]);
const scoreRes = await fetch(`${launch[CLAIM.ags].lineitem}/scores`, {
  method: 'POST', headers: { authorization: `Bearer ${agsToken}`, 'content-type': 'application/vnd.ims.lis.v1.score+json' },
  body: JSON.stringify({ userId: launch.sub, scoreGiven: 14, scoreMaximum: 20, comment: 'Level 4: sustained judgement', timestamp: new Date().toISOString(), activityProgress: 'Completed', gradingProgress: 'FullyGraded' }),
});
check('AGS score posted', scoreRes.status === 204 && createdItem.scores[0]?.scoreGiven === 14 && createdItem.scores[0].userId === 'u-s1', String(scoreRes.status));
// creating a line item when the platform did not (no lineitem claim): POST to the lineitems container
const liRes = await fetch(launch[CLAIM.ags].lineitems, {
  method: 'POST', headers: { authorization: `Bearer ${agsToken}`, 'content-type': 'application/vnd.ims.lis.v2.lineitem+json' },
  body: JSON.stringify({ scoreMaximum: 20, label: 'Another essay', resourceId: 'asg_456', tag: 'extent' }),
});
check('AGS line item created', liRes.status === 201 && (await liRes.json()).id.startsWith(platform.base));
const noScope = await serviceToken(reg, clientId, [SCOPE.nrps]);
const refused = await fetch(`${launch[CLAIM.ags].lineitem}/scores`, { method: 'POST', headers: { authorization: `Bearer ${noScope}`, 'content-type': 'application/vnd.ims.lis.v1.score+json' }, body: '{}' });
check('score with a token lacking the score scope refused by the stand-in', refused.status === 401);

// F. NRPS roster: membership container, learners only
platform.memberships.set('course-1', [
  { status: 'Active', name: 'Tess Teacher', email: 'tess@school.example', user_id: 'u-teacher', roles: [ROLE.instructor] },
  { status: 'Active', name: 'Sam Student', email: 'sam@school.example', user_id: 'u-s1', roles: [ROLE.learner] },
  { status: 'Inactive', name: 'Gone Student', email: 'gone@school.example', user_id: 'u-s2', roles: [ROLE.learner] },
]);
const nrpsToken = await serviceToken(reg, clientId, [SCOPE.nrps]);
const nrps = await fetch(launch[CLAIM.nrps].context_memberships_url + '?role=' + encodeURIComponent(ROLE.learner), { headers: { authorization: `Bearer ${nrpsToken}`, accept: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json' } });
const container = await nrps.json();
const active = container.members.filter((m) => m.status !== 'Inactive').map((m) => m.user_id);
check('NRPS learners fetched; active ones kept, inactive removed', nrps.ok && active.join() === 'u-s1' && container.context.id === 'course-1');

console.log(`${ok} passed, ${failed} failed`);
await platform.close(); toolServer.close();
process.exit(failed ? 1 : 0);
