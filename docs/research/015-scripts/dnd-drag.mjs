// @dnd-kit on React 19: a real touch drag (CDP Input.dispatchTouchEvent), a mouse drag, and keyboard sorting,
// driven by playwright-core against Debian's Chromium. Run: node scripts/dnd-drag.mjs [dev]
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dev = process.argv[2] === "dev";
const bundle = readFileSync(fileURLToPath(new URL(`../dnd/${dev ? "bundle.dev.js" : "bundle.js"}`, import.meta.url)), "utf8");
const html = `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width,initial-scale=1"><title>dnd</title></head><body><div id="root"></div><script>${bundle}</script></body></html>`;

let passed = 0, failed = 0;
const check = (name, ok, extra = "") => { ok ? passed++ : failed++; console.log(`${ok ? "ok  " : "FAIL"} ${name} ${extra}`); };

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const messages = [];
async function fresh(opts) {
  const context = await browser.newContext(opts);
  const page = await context.newPage();
  page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
  await page.route("http://dnd.test/", (r) => r.fulfill({ contentType: "text/html", body: html }));
  await page.goto("http://dnd.test/");
  await page.getByTestId("order").waitFor();
  return { context, page };
}
const order = (page) => page.getByTestId("order").textContent();
const centre = async (loc) => { const b = await loc.boundingBox(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; };

try {
  // 1. Touch drag on a phone-sized, touch-enabled context. page.touchscreen has only tap(), so use CDP.
  {
    const { context, page } = await fresh({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const cdp = await context.newCDPSession(page);
    const from = await centre(page.getByTestId("handle-a"));
    const to = await centre(page.getByTestId("card-c"));
    const touch = (type, p) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: p ? [{ x: p.x, y: p.y, id: 1 }] : [] });
    await touch("touchStart", from);
    await page.waitForTimeout(250); // TouchSensor delay 150 ms (PointerSensor would activate on distance)
    const steps = 12;
    for (let i = 1; i <= steps; i++) {
      await touch("touchMove", { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps + 5 });
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(100);
    await touch("touchEnd");
    await page.waitForTimeout(300);
    const o = await order(page);
    check("touch drag (CDP Input.dispatchTouchEvent) moves a to c's place", o === "bcad", `order=${o} events=${await page.evaluate(() => window.__events.join("|"))}`);
    await context.close();
  }
  // 1b. Same, with playwright's own tap (sanity: a tap is not a drag).
  {
    const { context, page } = await fresh({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.getByTestId("handle-b").tap();
    await page.waitForTimeout(200);
    check("a tap on the handle does not reorder", (await order(page)) === "abcd");
    await context.close();
  }
  // 2. Mouse drag (PointerSensor, distance 5).
  {
    const { context, page } = await fresh({ viewport: { width: 1024, height: 768 } });
    const from = await centre(page.getByTestId("handle-d"));
    const to = await centre(page.getByTestId("card-a"));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, from.y - 10, { steps: 3 });
    await page.mouse.move(to.x, to.y - 5, { steps: 15 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const o = await order(page);
    check("mouse drag moves d to the top", o === "dabc", `order=${o}`);
    await context.close();
  }
  // 3. Keyboard: focus handle, Space picks up, ArrowDown x2, Space drops; live region announces.
  {
    const { context, page } = await fresh({ viewport: { width: 1024, height: 768 } });
    const handle = page.getByTestId("handle-a");
    await handle.focus();
    const described = await handle.getAttribute("aria-describedby");
    const roleDesc = await handle.getAttribute("aria-roledescription");
    check("handle has aria-roledescription and aria-describedby instructions", roleDesc === "sortable" && !!described, `roledesc=${roleDesc} describedby=${described}`);
    await page.keyboard.press("Space");
    await page.waitForTimeout(100);
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(300);
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(300);
    const live = await page.locator("[role=status][aria-live]").textContent();
    await page.keyboard.press("Space");
    await page.waitForTimeout(300);
    const o = await order(page);
    check("keyboard Space/ArrowDown/ArrowDown/Space moves a to third", o === "bcad", `order=${o}`);
    check("live region announced the move", /Economic factors is over position 3 of 4/.test(live ?? ""), `live="${live}"`);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    check("focus stays on the moved card's handle after drop", focused === "Move Economic factors", `active=${focused}`);
    // Escape cancels
    await page.keyboard.press("Space"); await page.waitForTimeout(100);
    await page.keyboard.press("ArrowUp"); await page.waitForTimeout(300);
    await page.keyboard.press("Escape"); await page.waitForTimeout(300);
    check("Escape cancels a keyboard move", (await order(page)) === "bcad");
    await context.close();
  }
} finally {
  await browser.close();
}
const bad = messages.filter((m) => /^(error|warning|pageerror)/.test(m));
console.log(bad.length ? `console:\n${bad.join("\n")}` : "no console errors or warnings");
check(`React ${dev ? "development" : "production"} build: no console errors/warnings`, bad.length === 0);
console.log(`${passed} passed, ${failed} failed`);
