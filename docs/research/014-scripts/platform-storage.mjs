// LTI postMessage platform storage (1EdTech "LTI Client Side postMessages" + "postMessage Storage", v0.1) in this
// machine's Chromium with third-party cookies blocked: the tool binds `state` to the browser with lti.put_data /
// lti.get_data through the platform's window instead of a cookie. Platform = http://localhost:A (top page),
// tool = http://127.0.0.1:B (iframe). Run: node platform-storage.mjs
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const listen = (h) => new Promise((r) => { const s = createServer(h); s.listen(0, '127.0.0.1', () => r(s)); });
const readBody = (req) => new Promise((resolve) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => resolve(b)); });
let PLATFORM, TOOL;
const states = new Map(); // state -> { bound: false }

// The tool's client script: one helper for put/get through the platform frame, answering only the platform origin.
const storageJs = (platformOrigin, target) => `
  function lti(subject, payload) {
    return new Promise((resolve, reject) => {
      const message_id = crypto.randomUUID();
      const frame = ${JSON.stringify(target)} === '_parent' ? window.parent : window.parent.frames[${JSON.stringify(target)}];
      const t = setTimeout(() => reject(new Error('platform storage did not answer')), 2000);
      addEventListener('message', function on(e) {
        if (e.origin !== ${JSON.stringify(platformOrigin)} || e.data?.message_id !== message_id || e.data?.subject !== subject + '.response') return;
        removeEventListener('message', on); clearTimeout(t);
        e.data.error ? reject(new Error(e.data.error.code)) : resolve(e.data);
      });
      frame.postMessage({ subject, message_id, ...payload }, ${JSON.stringify(platformOrigin)});
    });
  }`;

const tool = await listen(async (req, res) => {
  const u = new URL(req.url, 'http://x');
  const html = (s) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(s); };
  if (u.pathname === '/login') { // OIDC login initiation, with lti_storage_target
    const state = randomBytes(16).toString('hex');
    states.set(state, { bound: false });
    const target = u.searchParams.get('lti_storage_target');
    const auth = `${PLATFORM}/auth?state=${state}&redirect_uri=${encodeURIComponent(TOOL + '/launch')}&target=${encodeURIComponent(target)}`;
    // no Set-Cookie at all: the state goes into the platform's storage, then on to the auth endpoint
    return html(`<p>Connecting…</p><script>${storageJs(PLATFORM, target)}
      lti('lti.put_data', { key: 'state_${state}', value: '${state}' })
        .then(() => location.href = ${JSON.stringify(auth)})
        .catch(() => document.body.textContent = 'Open in a new tab');</script>`);
  }
  if (u.pathname === '/launch' && req.method === 'POST') { // id_token + state form_post (id_token verification as in lti-tool-jose.mjs)
    const f = new URLSearchParams(await readBody(req));
    const state = f.get('state'), target = f.get('target') || '_parent';
    return html(`<p id="status">Checking…</p><script>${storageJs(PLATFORM, target)}
      lti('lti.get_data', { key: 'state_${state}' }).then(async (r) => {
        if (r.value !== '${state}') throw new Error('state mismatch');
        const ok = await fetch('/bind', { method: 'POST', body: '${state}' });
        document.getElementById('status').textContent = ok.ok ? 'verified: ' + document.cookie.length + ' cookie bytes' : 'refused';
      }).catch((e) => document.getElementById('status').textContent = 'refused: ' + e.message);</script>`);
  }
  if (u.pathname === '/bind' && req.method === 'POST') { // server: the browser proved it holds the state
    const s = states.get(await readBody(req));
    res.writeHead(s && !s.bound ? 204 : 400); if (s) s.bound = true; return res.end();
  }
  res.writeHead(404); res.end();
});
TOOL = `http://127.0.0.1:${tool.address().port}`;

const platform = await listen((req, res) => {
  const u = new URL(req.url, 'http://x');
  res.writeHead(200, { 'content-type': 'text/html' });
  if (u.pathname === '/auth') // stands in for the OIDC auth endpoint's form_post
    return res.end(`<form method="post" action="${u.searchParams.get('redirect_uri')}"><input name="id_token" value="signed.jwt.here">
      <input name="state" value="${u.searchParams.get('state')}"><input name="target" value="${u.searchParams.get('target')}"></form><script>document.forms[0].submit()</script>`);
  // the LMS page: answers lti.put_data / lti.get_data for the tool's origin only, keyed by (origin, key)
  res.end(`<h1>LMS</h1><iframe src="${TOOL}/login?lti_storage_target=_parent"></iframe><script>
    const store = new Map();
    addEventListener('message', (e) => {
      if (e.origin !== ${JSON.stringify(TOOL)}) return;
      const { subject, message_id, key, value } = e.data || {};
      if (subject === 'lti.put_data') { store.set(e.origin + '|' + key, value); e.source.postMessage({ subject: 'lti.put_data.response', message_id, key, value }, e.origin); }
      if (subject === 'lti.get_data') e.source.postMessage({ subject: 'lti.get_data.response', message_id, key, value: store.get(e.origin + '|' + key) }, e.origin);
    });</script>`);
});
PLATFORM = `http://localhost:${platform.address().port}`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const context = await browser.newContext(); // third-party cookies blocked (see iframe-cookies.mjs)
const page = await context.newPage();
await page.goto(PLATFORM);
const frame = () => page.frames().find((f) => f.url().startsWith(TOOL + '/launch'));
for (let i = 0; i < 50 && !(await frame()?.textContent('#status').catch(() => null))?.match(/verified|refused/); i++) await page.waitForTimeout(200);
const status = await frame()?.textContent('#status');
console.log('iframe launch with 3p cookies blocked, state bound via platform storage ->', status);
console.log(/^verified/.test(status) && [...states.values()].every((s) => s.bound) ? '1 passed, 0 failed' : '0 passed, 1 failed');
await browser.close(); tool.close(); platform.close();
