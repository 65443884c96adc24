// Tries @lti-tool/core (1.0.6) as the tool against the same platform stand-in: login, verifyLaunch, replay,
// session, AGS score, NRPS members, deep-linking response. Storage is ours (an in-memory LTIStorage here;
// @lti-tool/postgresql etc. are not on the registry reachable here, so the app would write a Prisma one).
// Run: node lti-tool-core.mjs
import { createServer } from 'node:http';
import { generateKeyPair, decodeJwt } from 'jose';
import { LTITool } from '@lti-tool/core';
import { startPlatform, ROLE } from './lti-platform.mjs';

let ok = 0, failed = 0;
const check = (name, cond, extra = '') => { if (cond) ok++; else failed++; console.log(cond ? 'ok  ' : 'FAIL', name, extra); };

class MemoryStorage {
  clients = new Map(); sessions = new Map(); nonces = new Map(); regSessions = new Map();
  async listClients() { return [...this.clients.values()].map(({ deployments: _deployments, ...c }) => c); }
  async getClientById(id) { return this.clients.get(id); }
  async addClient(c) { const id = crypto.randomUUID(); this.clients.set(id, { ...c, id, deployments: [] }); return id; }
  async updateClient(id, c) { Object.assign(this.clients.get(id), c); }
  async deleteClient(id) { this.clients.delete(id); }
  async listDeployments(id) { return this.clients.get(id).deployments; }
  async getDeployment(id, dep) { return this.clients.get(id).deployments.find((d) => d.id === dep); }
  async addDeployment(id, d) { const did = crypto.randomUUID(); this.clients.get(id).deployments.push({ ...d, id: did }); return did; }
  async updateDeployment() {} async deleteDeployment() {}
  async getSession(id) { return this.sessions.get(id); }
  async addSession(s) { this.sessions.set(s.id, s); return s.id; }
  async storeNonce(n, exp) { this.nonces.set(n, exp); }
  async validateNonce(n) { const exp = this.nonces.get(n); this.nonces.delete(n); return !!exp && exp > new Date(); } // single use
  async getLaunchConfig(iss, clientId, deploymentId) {
    for (const c of this.clients.values())
      if (c.iss === iss && c.clientId === clientId && c.deployments.some((d) => d.deploymentId === deploymentId))
        return { iss, clientId, deploymentId, authUrl: c.authUrl, tokenUrl: c.tokenUrl, jwksUrl: c.jwksUrl };
  }
  async saveLaunchConfig() {}
  async setRegistrationSession(id, s) { this.regSessions.set(id, s); }
  async getRegistrationSession(id) { return this.regSessions.get(id); }
  async deleteRegistrationSession(id) { this.regSessions.delete(id); }
}

const keyPair = await generateKeyPair('RS256', { extractable: true });
const storage = new MemoryStorage();
const tool = new LTITool({ stateSecret: new TextEncoder().encode('a-32-byte-secret-for-state-jwts!'), keyPair, storage, security: { keyId: 'extent-1' } });

const srv = createServer(async (req, res) => {
  if (req.url === '/jwks') { res.writeHead(200, { 'content-type': 'application/json' }); return res.end(JSON.stringify(await tool.getJWKS())); }
  res.writeHead(404); res.end();
});
await new Promise((r) => srv.listen(0, '127.0.0.1', r));
const TOOL = `http://127.0.0.1:${srv.address().port}`;

const platform = await startPlatform();
const { clientId, deploymentId } = platform.addTool({ redirectUris: [`${TOOL}/lti/launch`], jwksUri: `${TOOL}/jwks`, loginUrl: `${TOOL}/lti/login`, targetLinkUri: `${TOOL}/lti/launch` });
const cid = await tool.addClient({ name: 'Test LMS', iss: platform.issuer, clientId, authUrl: platform.authUrl, tokenUrl: platform.tokenUrl, jwksUrl: platform.jwksUrl });
await tool.addDeployment(cid, { deploymentId });
check('JWKS served by the library', (await tool.getJWKS()).keys?.[0]?.kid === 'extent-1');

const context = { id: 'course-1', label: 'HIST12', title: 'History 12' };
const student = { id: 'u-s1', name: 'Sam Student', given_name: 'Sam', family_name: 'Student', email: 'sam@school.example', roles: [ROLE.learner] };
const nameless = { id: 'u-anon', roles: [ROLE.learner] }; // a platform withholding names/email (privacy setting)
const teacher = { id: 'u-t', name: 'Tess Teacher', given_name: 'Tess', family_name: 'Teacher', email: 'tess@school.example', roles: [ROLE.instructor] };

async function launch(user, type = 'LtiResourceLinkRequest', resourceLink = { id: 'rl-1' }) {
  const init = new URL(platform.loginInitiation({ clientId, deploymentId, user, context, type, resourceLink }));
  const q = Object.fromEntries(init.searchParams);
  const authUrl = await tool.handleLogin({ ...q, launchUrl: `${TOOL}/lti/launch` });
  const html = await (await fetch(authUrl)).text();
  const idToken = html.match(/name="id_token" value="([^"]+)"/)?.[1];
  const state = html.match(/name="state" value="([^"]+)"/)?.[1];
  if (!idToken) throw new Error('platform refused: ' + html);
  return { idToken, state };
}

const n = await launch(nameless);
try { await tool.verifyLaunch(n.idToken, n.state); console.log('note: launch without name/email accepted'); }
catch (e) { console.log('note: launch without name/email (optional per LTI privacy) REFUSED by @lti-tool/core:', e.message.replace(/\s+/g, ' ').slice(0, 200)); }
const a = await launch(student);
const payload = await tool.verifyLaunch(a.idToken, a.state);
check('verifyLaunch accepts a good launch', payload.sub === 'u-s1');
try { await tool.verifyLaunch(a.idToken, a.state); check('replay refused', false); }
catch (e) { check('replay refused', /already been used/.test(e.message), e.message); }

const rogue = await generateKeyPair('RS256');
const b = await launch(student);
const forged = await platform.signLaunch({ type: 'LtiResourceLinkRequest', user: student, context, resourceLink: { id: 'rl-1' }, deploymentId, clientId, targetLinkUri: `${TOOL}/lti/launch` }, decodeJwt(b.idToken).nonce, { key: rogue.privateKey, keyId: 'rogue' });
try { await tool.verifyLaunch(forged, b.state); check('unknown key refused', false); } catch (e) { check('unknown key refused', true, e.message); }

// aud as an array (allowed by OIDC/LTI when azp is present): the library compares aud !== clientId
const c = await launch(student);
const arrAud = await platform.signLaunch({ type: 'LtiResourceLinkRequest', user: student, context, resourceLink: { id: 'rl-1' }, deploymentId, clientId, targetLinkUri: `${TOOL}/lti/launch` }, decodeJwt(c.idToken).nonce, { overrides: { aud: [clientId], azp: clientId } });
try { await tool.verifyLaunch(arrAud, c.state); console.log('note aud array accepted'); }
catch (e) { console.log('note aud array (valid per spec) refused by @lti-tool/core:', e.message.slice(0, 160)); }

// AGS via the library: needs a line item in the session; create one first
const session = await tool.createSession(payload);
check('session has AGS + NRPS', session.isAssignmentAndGradesAvailable && session.isNameAndRolesAvailable, JSON.stringify(session.services?.ags));
const li = await tool.createLineItem(session, { scoreMaximum: 20, label: 'Essay', resourceId: 'asg_1', tag: 'extent' });
check('createLineItem', !!li.id, JSON.stringify(li));
const withItem = { ...session, services: { ...session.services, ags: { ...session.services.ags, lineitem: li.id } } };
await tool.submitScore(withItem, { userId: 'u-s1', scoreGiven: 15, scoreMaximum: 20, activityProgress: 'Completed', gradingProgress: 'FullyGraded', timestamp: new Date().toISOString() });
const stored = [...platform.lineItems.values()].find((x) => x.id === li.id);
check('submitScore reached the platform', stored?.scores[0]?.scoreGiven === 15);

platform.memberships.set('course-1', [{ status: 'Active', name: 'Sam Student', user_id: 'u-s1', roles: [ROLE.learner] }]);
const members = await tool.getMembers(session);
check('getMembers', members.length === 1 && members[0].userId === 'u-s1', JSON.stringify(members).slice(0, 200));

const d = await launch(teacher, 'LtiDeepLinkingRequest', undefined);
const dlSession = await tool.createSession(await tool.verifyLaunch(d.idToken, d.state));
const form = await tool.createDeepLinkingResponse(dlSession, [{ type: 'ltiResourceLink', title: 'Essay', url: `${TOOL}/lti/launch`, lineItem: { scoreMaximum: 20, label: 'Essay' } }]);
const jwt = form.match(/name="JWT" value="([^"]+)"/)[1];
const dl = await fetch(dlSession.services.deepLinking.returnUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ JWT: jwt }) });
check('deep linking response accepted by the stand-in', dl.status === 200, dl.status === 200 ? '' : await dl.text());

console.log(`${ok} passed, ${failed} failed`);
await platform.close(); srv.close();
process.exit(failed ? 1 : 0);
