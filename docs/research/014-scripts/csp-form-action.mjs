// Does Extent's CSP `form-action 'self'` stop (a) a form POST whose response redirects to another origin (e.g. a
// "Sign in with Google" button that is a server action redirecting to the provider), (b) a GET link that redirects,
// (c) an auto-submitting form to another origin (the Deep Linking return), on this machine's Chromium?
// Run: node csp-form-action.mjs
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const listen = (h) => new Promise((r) => { const s = createServer(h); s.listen(0, '127.0.0.1', () => r(s)); });
const other = await listen((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(`<p id="arrived">${req.method} ${req.url}</p>`); });
const OTHER = `http://localhost:${other.address().port}`;
const app = await listen((req, res) => {
  const u = new URL(req.url, 'http://x');
  const csp = { 'content-security-policy': `default-src 'self'; script-src 'nonce-abc'; form-action ${u.searchParams.get('allow') ?? "'self'"}` };
  if (u.pathname === '/go') { res.writeHead(303, { location: `${OTHER}/authorize` }); return res.end(); }
  if (u.pathname === '/post-redirect') { res.writeHead(200, { 'content-type': 'text/html', ...csp }); return res.end(`<form method="post" action="/go"><button>Sign in</button></form>`); }
  if (u.pathname === '/link-redirect') { res.writeHead(200, { 'content-type': 'text/html', ...csp }); return res.end(`<a href="/go">Sign in</a>`); }
  if (u.pathname === '/dl-return') {
    res.writeHead(200, { 'content-type': 'text/html', ...csp });
    return res.end(`<form method="post" action="${OTHER}/deep-link-return"><input name="JWT" value="x"><button>Return</button></form>`);
  }
  res.writeHead(404); res.end();
});
const APP = `http://127.0.0.1:${app.address().port}`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newContext().then((c) => c.newPage());
const violations = [];
page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text().slice(0, 140)); });
async function attempt(label, path, click) {
  violations.length = 0;
  await page.goto(APP + path);
  await page.evaluate((sel) => document.querySelector(sel).click(), click);
  await page.waitForTimeout(1500);
  const arrived = page.url().startsWith(OTHER);
  console.log(label.padEnd(58), arrived ? 'REACHED the other origin' : 'BLOCKED', violations[0] ? `(${violations[0]})` : '');
}
await attempt("form POST -> 303 to other origin, form-action 'self'", '/post-redirect', 'button');
await attempt("GET link -> 303 to other origin, form-action 'self'", '/link-redirect', 'a');
await attempt("form POST to other origin, form-action 'self'", '/dl-return', 'button');
await attempt('form POST to other origin, form-action lists it', `/dl-return?allow=${encodeURIComponent(`'self' ${OTHER}`)}`, 'button');
await browser.close(); app.close(); other.close();
