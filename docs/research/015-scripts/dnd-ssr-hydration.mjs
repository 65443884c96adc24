// Next.js renders client components on the server first. dnd-kit's DndContext makes its
// aria-describedby id from a module-level counter, so a server that has rendered it before gives
// "DndDescribedBy-1" while the browser gives "DndDescribedBy-0": a hydration mismatch. Passing
// DndContext an `id` (from React's useId) fixes it. This script shows both.
import { renderToString } from "react-dom/server";
import React from "react";
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { App } from "../dnd/server.mjs";

const bundle = readFileSync(new URL("../dnd/bundle.dev.js", import.meta.url), "utf8");
let passed = 0, failed = 0;
const check = (name, ok, extra = "") => { ok ? passed++ : failed++; console.log(`${ok ? "ok  " : "FAIL"} ${name} ${extra}`); };
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });

async function hydrate(dndId) {
  for (let i = 0; i < 3; i++) renderToString(React.createElement(App, { dndId })); // earlier requests on the same server
  const ssr = renderToString(React.createElement(App, { dndId }));
  const html = `<!doctype html><html lang="en"><head><title>t</title></head><body><div id="root">${ssr}</div><script>window.__dndId=${JSON.stringify(dndId ?? null) === "null" ? "undefined" : JSON.stringify(dndId)};${bundle}</script></body></html>`;
  const page = await browser.newPage();
  const msgs = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") msgs.push(m.text()); });
  await page.route("http://ssr.test/", (r) => r.fulfill({ contentType: "text/html", body: html }));
  await page.goto("http://ssr.test/");
  await page.waitForTimeout(500);
  const ids = await page.getByTestId("handle-a").getAttribute("aria-describedby");
  const target = await page.evaluate((id) => !!document.getElementById(id), ids);
  const portal = await page.evaluate(() => [...document.querySelectorAll("[id^=DndDescribedBy], [id=factors]")].map((e) => e.id).join(","));
  msgs.push(`(describedby target exists: ${target}; instruction nodes: ${portal})`);
  await page.close();
  return { msgs, ssrId: /aria-describedby="([^"]+)"/.exec(ssr)?.[1], clientId: ids };
}
const a = await hydrate(undefined);
console.log("without id:", a.ssrId, "->", a.clientId, "\n  " + a.msgs.map((m) => m.slice(0, 300)).join("\n  "));
// Observed with React 19.3.1: the server's id (DndDescribedBy-3) differs from the client's, yet no console
// warning appeared and the browser ended with a consistent id. Older React logged
// "Prop `aria-describedby` did not match" (dnd-kit issues #926, #1103, #1389). Still: pass an id.
check("without DndContext id: server id differs from client id (counter is per server process)", a.ssrId !== a.clientId);
const b = await hydrate("factors");
console.log("with id:", b.ssrId, "->", b.clientId, b.msgs.length ? b.msgs.join("\n") : "(no console messages)");
check("with DndContext id='factors': no console warning and the describedby target exists", b.msgs.length === 1 && /target exists: true/.test(b.msgs[0]));
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
