// Tries ltijs 5.9.9 with ltijs-sequelize 2.4.4 on PostgreSQL (no MongoDB), launched from the platform stand-in.
// Needs a scratch database: psql -h 127.0.0.1 -U postgres -c "create database r14_ltijs"
// Run: node ltijs-try.mjs
import { createRequire } from 'node:module';
import { startPlatform, ROLE } from './lti-platform.mjs';
const require = createRequire(import.meta.url);
const t0 = Date.now();
const lti = require('ltijs').Provider;
const Database = require('ltijs-sequelize');
console.log('require ltijs + ltijs-sequelize (pulls mongoose too):', Date.now() - t0, 'ms');

let ok = 0, failed = 0;
const check = (name, cond, extra = '') => { if (cond) ok++; else failed++; console.log(cond ? 'ok  ' : 'FAIL', name, extra); };

const db = new Database('r14_ltijs', 'postgres', '', { host: '127.0.0.1', dialect: 'postgres', logging: false });
const PORT = 38000 + Math.floor(Math.random() * 1000);
const TOOL = `http://127.0.0.1:${PORT}`;
await lti.setup('a-long-ltijs-encryption-key-for-the-db', { plugin: db }, {
  appRoute: '/', loginRoute: '/login', keysetRoute: '/keys',
  cookies: { secure: false, sameSite: '' }, devMode: process.env.DEVMODE !== '0', // devMode: skips the state cookie check (iframes without 3p cookies)
});
lti.onConnect(async (token, req, res) => res.send({ user: token.user, platform: token.platformId, context: res.locals.context?.context, roles: res.locals.context?.roles }));
await lti.deploy({ port: PORT, silent: true });

const platform = await startPlatform();
const { clientId, deploymentId } = platform.addTool({ redirectUris: [`${TOOL}/`], jwksUri: `${TOOL}/keys`, loginUrl: `${TOOL}/login`, targetLinkUri: `${TOOL}/` });
await lti.registerPlatform({
  url: platform.issuer, name: 'Test LMS', clientId,
  authenticationEndpoint: platform.authUrl, accesstokenEndpoint: platform.tokenUrl,
  authConfig: { method: 'JWK_SET', key: platform.jwksUrl },
});
const keys = await (await fetch(`${TOOL}/keys`)).json();
check('tool keyset served', keys.keys?.length >= 1);

const jar = new Map();
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
const keep = (r) => { for (const c of r.headers.getSetCookie()) { const [p] = c.split(';'); const i = p.indexOf('='); jar.set(p.slice(0, i), p.slice(i + 1)); } };
const student = { id: 'u-s1', name: 'Sam Student', given_name: 'Sam', family_name: 'Student', email: 'sam@school.example', roles: [ROLE.learner] };
const context = { id: 'course-1', label: 'HIST12', title: 'History 12' };

const init = platform.loginInitiation({ clientId, deploymentId, user: student, context, resourceLink: { id: 'rl-1' } });
let r = await fetch(init, { redirect: 'manual' }); keep(r);
const html = await (await fetch(r.headers.get('location'))).text();
const idToken = html.match(/name="id_token" value="([^"]+)"/)?.[1];
const state = html.match(/name="state" value="([^"]+)"/)?.[1];
r = await fetch(`${TOOL}/`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() }, body: new URLSearchParams({ id_token: idToken, state }) });
keep(r);
const loc = r.headers.get('location');
check('launch accepted, redirected with ltik', r.status === 302 && /ltik=/.test(loc ?? ''), `${r.status} ${loc ?? await r.text()}`);
if (loc) {
  const r2 = await fetch(new URL(loc, TOOL), { headers: { cookie: cookie() } });
  const body = await r2.text();
  check('onConnect reached with the launch context', r2.ok && body.includes('u-s1'), body.slice(0, 200));
}
// replay the same id_token + state
r = await fetch(`${TOOL}/`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() }, body: new URLSearchParams({ id_token: idToken, state }) });
check('replay refused', r.status >= 400 || !/ltik=/.test(r.headers.get('location') ?? ''), `${r.status} ${r.headers.get('location') ?? ''}`);
// an unknown deployment id (ltijs v5 does not keep a deployment registry)
const forged = await platform.signLaunch({ type: 'LtiResourceLinkRequest', user: student, context, resourceLink: { id: 'rl-1' }, deploymentId: 'some-other-school', clientId, targetLinkUri: `${TOOL}/` }, 'nonce-' + Date.now());
r = await fetch(`${TOOL}/`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ id_token: forged, state: 'whatever' }) });
console.log('note: unknown deployment_id + unknown state + no cookie ->', r.status, r.headers.get('location') ?? (await r.text()).slice(0, 120));

console.log(`${ok} passed, ${failed} failed`);
await platform.close();
await lti.close?.();
process.exit(failed ? 1 : 0);
