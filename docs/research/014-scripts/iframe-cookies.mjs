// Which cookies survive in a cross-site iframe on this machine's Chromium, with third-party cookies allowed and
// blocked? The "platform" page is on http://localhost:A, the "tool" iframe on http://127.0.0.1:B (different sites).
// The tool sets an unpartitioned SameSite=None cookie and a Partitioned one on a GET, then a form POST (like the
// LTI id_token form_post) and a later GET report which came back. Also checks postMessage to the parent works.
// Run: node iframe-cookies.mjs
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const listen = (handler) => new Promise((r) => { const s = createServer(handler); s.listen(0, '127.0.0.1', () => r(s)); });
const tool = await listen((req, res) => {
  const u = new URL(req.url, 'http://x');
  if (u.pathname === '/login') {
    res.writeHead(200, {
      'content-type': 'text/html',
      'set-cookie': ['plain=1; Path=/; SameSite=None; Secure', 'part=1; Path=/; SameSite=None; Secure; Partitioned'],
    });
    // like the platform's auto-submitting form_post back to the tool
    return res.end(`<form method="post" action="/launch"><input name="id_token" value="x"></form><script>document.forms[0].submit()</script>`);
  }
  if (u.pathname === '/launch') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end(`<pre id="post">${req.headers.cookie ?? ''}</pre><script>
      parent.postMessage({ subject: 'tool.report', cookies: document.getElementById('post').textContent, hasStorageAccess: null }, '*');
    </script>`);
  }
  res.writeHead(404); res.end();
});
const TOOL = `http://127.0.0.1:${tool.address().port}`;
const platform = await listen((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(`<h1>LMS</h1><iframe src="${TOOL}/login"></iframe><script>
    window.reports = []; addEventListener('message', (e) => window.reports.push({ origin: e.origin, ...e.data }));
  </script>`);
});
const PLATFORM = `http://localhost:${platform.address().port}`;

async function run(label, launch) {
  const { context, close } = await launch();
  const page = await context.newPage();
  await page.goto(PLATFORM);
  await page.waitForFunction(() => window.reports.length > 0, null, { timeout: 15000 });
  const [report] = await page.evaluate(() => window.reports);
  console.log(label.padEnd(46), '-> cookies on the form_post:', JSON.stringify(report.cookies), '| postMessage origin', report.origin);
  await close();
}
const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const plain = (args = []) => async () => {
  const browser = await chromium.launch({ executablePath: exe, args });
  const context = await browser.newContext();
  return { context, close: () => browser.close() };
};
const withPrefs = (mode) => async () => { // cookie_controls_mode: 0 allow, 1 block third-party (as a user would set it)
  const dir = mkdtempSync(path.join(tmpdir(), 'r14-prof-'));
  mkdirSync(path.join(dir, 'Default'), { recursive: true });
  writeFileSync(path.join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: mode, block_third_party_cookies: mode === 1 } }));
  const context = await chromium.launchPersistentContext(dir, { executablePath: exe });
  return { context, close: () => context.close() };
};
await run('browser.newContext() (incognito-like)', plain());
await run('--test-third-party-cookie-phaseout', plain(['--test-third-party-cookie-phaseout']));
await run('persistent profile, cookie_controls_mode=0', withPrefs(0));
await run('persistent profile, cookie_controls_mode=1', withPrefs(1));
tool.close(); platform.close();
