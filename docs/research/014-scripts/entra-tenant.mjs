// openid-client v6 and Microsoft's multi-tenant endpoint, without leaving the machine: openid-client is pointed at
// https://login.microsoftonline.com/organizations/v2.0 but every request goes through `customFetch` to a jose-based
// stand-in on loopback. Shows what the library checks (iss = template with the token's own tid) and what the app must
// still check (tid in the school's allow-list).
// Run: node entra-tenant.mjs
import { createServer } from 'node:http';
import * as client from 'openid-client';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

const MS = 'https://login.microsoftonline.com';
const { publicKey, privateKey } = await generateKeyPair('RS256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
let nextIdToken; // what the token endpoint hands out next

const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const json = (b) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(b)); };
  if (path === '/organizations/v2.0/.well-known/openid-configuration') return json({
    issuer: `${MS}/{tenantid}/v2.0`, // the published template
    authorization_endpoint: `${MS}/organizations/oauth2/v2.0/authorize`, token_endpoint: `${MS}/organizations/oauth2/v2.0/token`,
    jwks_uri: `${MS}/organizations/discovery/v2.0/keys`, response_types_supported: ['code'], subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    code_challenge_methods_supported: ['S256'],
  });
  if (path === '/organizations/discovery/v2.0/keys') return json({ keys: [jwk] });
  if (path === '/organizations/oauth2/v2.0/token') return json({ access_token: 'at', token_type: 'Bearer', expires_in: 3600, id_token: nextIdToken });
  res.writeHead(404); res.end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const LOOP = `http://127.0.0.1:${server.address().port}`;
// every request openid-client makes is rewritten to loopback: nothing leaves the machine
const loopbackFetch = (url, init) => fetch(String(url).replace(MS, LOOP), init);

const config = await client.discovery(new URL(`${MS}/organizations/v2.0`), 'extent-app-id', 'secret', undefined, {
  [client.customFetch]: loopbackFetch,
});
let ok = 0, failed = 0;
const check = (name, cond, extra = '') => { if (cond) ok++; else failed++; console.log(cond ? 'ok  ' : 'FAIL', name, extra); };
check('discovery of the organizations endpoint accepted despite the template issuer', config.serverMetadata().issuer.includes('{tenantid}'));

const TENANT_A = '11111111-1111-1111-1111-111111111111', TENANT_B = '22222222-2222-2222-2222-222222222222';
const allowedTenants = new Set([TENANT_A]); // the school's configured tenant id(s)

async function signIn({ iss, tid, email = 'tess@school.example' }) {
  const state = client.randomState(), nonce = client.randomNonce(), verifier = client.randomPKCECodeVerifier();
  nextIdToken = await new SignJWT({ nonce, tid, oid: 'oid-1', email, preferred_username: email, name: 'Tess' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(iss).setAudience('extent-app-id').setSubject('pairwise-sub')
    .setIssuedAt().setExpirationTime('5m').sign(privateKey);
  const cb = new URL(`http://127.0.0.1:9/callback?code=c&state=${state}`);
  const tokens = await client.authorizationCodeGrant(config, cb, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
  const claims = tokens.claims();
  if (!allowedTenants.has(claims.tid)) throw new Error(`tenant ${claims.tid} is not this school's`);
  return claims;
}
const attempt = async (label, args, expectOk) => {
  try { const c = await signIn(args); check(label, expectOk, `admitted tid=${c.tid}`); }
  catch (e) { check(label, !expectOk, `refused: ${e.message}`); }
};
await attempt("school's tenant, iss = its own tenant", { iss: `${MS}/${TENANT_A}/v2.0`, tid: TENANT_A }, true);
await attempt('another tenant (library passes it; the app allow-list refuses)', { iss: `${MS}/${TENANT_B}/v2.0`, tid: TENANT_B }, false);
await attempt('iss of tenant B but tid claims tenant A (library refuses)', { iss: `${MS}/${TENANT_B}/v2.0`, tid: TENANT_A }, false);
await attempt('the literal template as iss (library refuses)', { iss: `${MS}/{tenantid}/v2.0`, tid: TENANT_A }, false);
console.log(`${ok} passed, ${failed} failed`);
server.close();
process.exit(failed ? 1 : 0);
