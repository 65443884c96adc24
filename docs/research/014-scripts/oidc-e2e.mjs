// Proves: oidc-provider (v9) in-process on loopback + openid-client (v6) authorization code + PKCE,
// login/consent through oidc-provider's devInteractions driven by fetch with a hand-made cookie jar,
// id_token claims (email, email_verified, plus a custom `tid`/`hd`) verified by openid-client.
// Run: node oidc-e2e.mjs
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import * as client from 'openid-client';

// ---- the OP -----------------------------------------------------------------
const accounts = {
  // accountId is what is typed in the devInteractions login form
  alice: { email: 'alice@school.example', email_verified: true, name: 'Alice Teacher', tid: 'tenant-a', hd: 'school.example' },
  mallory: { email: 'mallory@other.example', email_verified: false, name: 'Mallory', tid: 'tenant-b', hd: 'other.example' },
};

const server = createServer();
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const issuer = `http://127.0.0.1:${server.address().port}`;
const REDIRECT = 'http://127.0.0.1:9/callback'; // never fetched: we stop at the 303 to it

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'extent',
    client_secret: 'extent-secret-at-least-32-bytes-long!!',
    redirect_uris: [REDIRECT],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], tenant: ['tid', 'hd'] },
  scopes: ['openid', 'email', 'profile', 'tenant'],
  // put email etc. into the id_token itself, not only userinfo (Google/Microsoft do this too)
  conformIdTokenClaims: false,
  async findAccount(ctx, id) {
    const a = accounts[id];
    if (!a) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...a }; } };
  },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['test-cookie-key'] },
  // jwks: omitted -> oidc-provider generates a dev signing key (warns); tests should pass a fixed JWK set
});
provider.on('server_error', (ctx, err) => console.error('OP error', err));
server.on('request', provider.callback());

// ---- a tiny cookie jar + manual redirect follower -----------------------------
const jar = new Map();
function storeCookies(res) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    const name = pair.slice(0, i), value = pair.slice(i + 1);
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name); else jar.set(name, value);
  }
}
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
async function req(url, init = {}) {
  const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers || {}), cookie: cookieHeader() } });
  storeCookies(res);
  return res;
}
/** Follow redirects until we reach the RP's redirect_uri (returned) or an HTML page (returned). */
async function follow(url, init) {
  let res = await req(url, init);
  for (let hops = 0; hops < 10; hops++) {
    if (res.status < 300 || res.status >= 400) return { res, url };
    url = new URL(res.headers.get('location'), url).href;
    if (url.startsWith(REDIRECT)) return { callback: url };
    res = await req(url);
  }
  throw new Error('too many redirects');
}
const formAction = (html) => html.match(/action="([^"]+)"/)[1];

// ---- the RP (what Extent would do) ---------------------------------------------
async function signIn(login) {
  jar.clear();
  const config = await client.discovery(new URL(issuer), 'extent', 'extent-secret-at-least-32-bytes-long!!',
    undefined, { execute: [client.allowInsecureRequests] }); // http on loopback only
  const code_verifier = client.randomPKCECodeVerifier();
  const code_challenge = await client.calculatePKCECodeChallenge(code_verifier);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const authUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT, scope: 'openid email profile tenant',
    code_challenge, code_challenge_method: 'S256', state, nonce,
  });

  // 1. authorization endpoint -> login interaction page
  let step = await follow(authUrl.href);
  let html = await step.res.text();
  // 2. post the devInteractions login form
  step = await follow(new URL(formAction(html), issuer).href, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ prompt: 'login', login, password: 'anything' }),
  });
  // 3. consent page (first time) -> post consent
  if (!step.callback) {
    html = await step.res.text();
    step = await follow(new URL(formAction(html), issuer).href, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'consent' }),
    });
  }
  if (!step.callback) throw new Error('did not reach callback: ' + step.res.status);

  // 4. the callback: openid-client checks state, PKCE, nonce, id_token signature, iss, aud, exp
  const tokens = await client.authorizationCodeGrant(config, new URL(step.callback), {
    pkceCodeVerifier: code_verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true,
  });
  return tokens.claims();
}

// ---- run ---------------------------------------------------------------------
const allowedDomains = ['school.example'];
const allowedTenants = ['tenant-a'];
function admit(claims) {
  if (claims.email_verified !== true) return 'refused: email not verified';
  const domain = claims.email.split('@')[1];
  if (!allowedDomains.includes(domain)) return `refused: domain ${domain} not allowed`;
  if (!allowedTenants.includes(claims.tid)) return `refused: tenant ${claims.tid} not allowed`;
  return 'admitted';
}
let ok = 0, failed = 0;
for (const [who, expect] of [['alice', 'admitted'], ['mallory', 'refused']]) {
  const claims = await signIn(who);
  const verdict = admit(claims);
  console.log(who, JSON.stringify({ sub: claims.sub, iss: claims.iss, email: claims.email, email_verified: claims.email_verified, tid: claims.tid }), '->', verdict);
  if (verdict.startsWith(expect)) ok++; else failed++;
}
// a tampered callback (wrong state) must be refused by openid-client
try {
  const config = await client.discovery(new URL(issuer), 'extent', 'extent-secret-at-least-32-bytes-long!!', undefined, { execute: [client.allowInsecureRequests] });
  await client.authorizationCodeGrant(config, new URL(REDIRECT + '?code=x&state=evil&iss=' + encodeURIComponent(issuer)), { pkceCodeVerifier: 'v'.repeat(43), expectedState: 'good' });
  failed++; console.log('wrong state accepted!');
} catch (e) { ok++; console.log('wrong state refused:', e.code, e.message); }
console.log(`${ok} passed, ${failed} failed`);
server.close();
process.exit(failed ? 1 : 0);
