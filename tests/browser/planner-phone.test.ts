import type { BrowserContextOptions, CDPSession, Locator, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { buildWorld, joinClass, openAssignment, QUESTIONS, RUBRICS, signUpAs, type World } from "./world";

// Decision 044: on a phone the student switches between the plan and the essay (nothing typed
// is lost), a skip link takes them from the top of the planner to the essay, and factor cards
// move by touch, mouse and keyboard (@dnd-kit), with focus left on the moved card.

const browser = sharedBrowser();
const PHONE = { width: 390, height: 844 };
// A factor card on a 390 px phone is about 1,000 px tall, so two handles are never on an 844 px
// screen together (a student dragging further relies on dnd-kit's auto-scroll): the touch drag
// runs on a phone-wide, taller touch screen.
const TOUCH_PHONE: BrowserContextOptions = { viewport: { width: 390, height: 1500 }, hasTouch: true, isMobile: true };

let world: World;
beforeAll(async () => {
  world = await buildWorld(browser(), { className: "12M Mobile", question: QUESTIONS.deStalinisation, rubric: RUBRICS.holistic25, teacherName: "Ms Phone Setter" });
});

/** A new student of the class on the assignment's workspace, in a context made with `options`. */
async function studentAt(name: string, options: BrowserContextOptions = {}) {
  const session = await newSession(browser(), options);
  await signUpAs(session.page, "STUDENT", name);
  await joinClass(session.page, world.classroom.joinCode, world.classroom.name);
  await openAssignment(session.page, /de-Stalinisation/);
  await session.page.locator('[data-testid="draft-text"][data-ready]').waitFor({ state: "attached" });
  return session;
}

const names = (page: Page) => page.getByTestId("factor-card").evaluateAll((els) => els.map((e) => (e.querySelector("input") as HTMLInputElement).value));
const handle = (page: Page, name: string) => page.getByRole("button", { name: `Move ${name}`, exact: true });
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName);

/** Adds factors by name and waits until the drag layer's handles are there and the plan is saved. */
async function addFactors(page: Page, factors: string[]) {
  for (const f of factors) {
    await page.getByLabel("New factor name").fill(f);
    await page.getByRole("button", { name: "Add factor" }).click();
  }
  await handle(page, factors.at(-1)!).waitFor();
  await poll(() => page.getByTestId("plan-status").getAttribute("data-status")).toBe("saved");
}

async function centre(l: Locator) {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

it("on a phone the student switches between plan and essay without losing anything, and the skip link goes to the essay", async () => {
  const { page, errors, context } = await studentAt("Pia Phone", { viewport: PHONE });
  const essay = page.getByTestId("draft-text");
  // The plan first; the essay is a tap away, not 3,500 px down.
  expect(await page.getByTestId("view-switch").isVisible()).toBe(true);
  expect(await essay.isVisible()).toBe(false);
  expect(await page.getByTestId("show-plan").getAttribute("aria-pressed")).toBe("true");

  await page.getByTestId("show-essay").click();
  expect(await essay.isVisible()).toBe(true);
  expect(await page.getByTestId("factor-card").first().isVisible()).toBe(false);
  await essay.fill("Khrushchev fell because his colleagues lost patience.");
  await page.getByTestId("show-plan").click();
  await page.getByTestId("factor-card").first().getByLabel("Mini-judgement (one line)").fill("It angered the hardliners.");
  await page.getByTestId("show-essay").click();
  expect(await essay.inputValue()).toBe("Khrushchev fell because his colleagues lost patience.");
  await page.getByTestId("show-plan").click();
  expect(await page.getByTestId("factor-card").first().getByLabel("Mini-judgement (one line)").inputValue()).toBe("It angered the hardliners.");
  // Both saved while hidden, and still there after a reload.
  await poll(() => page.getByTestId("draft-status").getAttribute("data-status")).toBe("saved");
  await poll(() => page.getByTestId("plan-status").getAttribute("data-status")).toBe("saved");
  await page.reload();
  await page.getByTestId("show-essay").click();
  await poll(() => essay.inputValue()).toBe("Khrushchev fell because his colleagues lost patience.");

  // The skip link at the top of the planner: from the plan view to the essay box, focused.
  await page.getByTestId("show-plan").click();
  await page.getByTestId("skip-to-essay").focus();
  expect(await page.getByTestId("skip-to-essay").isVisible()).toBe(true);
  await page.keyboard.press("Enter");
  expect(await essay.isVisible()).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("draft-text");
  expect(await page.getByTestId("show-essay").getAttribute("aria-pressed")).toBe("true");

  // A wide screen keeps the two side by side, with no switch; the skip link still focuses the essay.
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await page.getByTestId("view-switch").isVisible()).toBe(false);
  expect(await page.getByTestId("factor-card").first().isVisible()).toBe(true);
  expect(await essay.isVisible()).toBe(true);
  await page.getByTestId("skip-to-essay").focus();
  await page.keyboard.press("Enter");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("draft-text");

  expectNoConsoleErrors(errors);
  await context.close();
});

/** A real touch drag through Chrome's input pipeline (Playwright's touchscreen can only tap): press, hold, move in steps, lift. */
async function touchDrag(page: Page, cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }) {
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", p?: { x: number; y: number }) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: p ? [{ x: p.x, y: p.y, id: 1 }] : [] });
  await touch("touchStart", from);
  await page.waitForTimeout(250); // past the TouchSensor's 150 ms press
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await touch("touchMove", { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps });
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(100);
  await touch("touchEnd");
}

it("a touch drag on a phone reorders the factors, and the new order is saved", async () => {
  const { page, errors, context } = await studentAt("Tom Touch", TOUCH_PHONE);
  await addFactors(page, ["Economic failures", "Foreign policy blunders"]);
  const before = await names(page);
  expect(before).toEqual(["de-Stalinisation", "Economic failures", "Foreign policy blunders"]);

  // Bring the second card's handle near the top so the third's is on screen too, then drag the
  // third card's handle onto the second's place.
  const second = handle(page, "Economic failures");
  const third = handle(page, "Foreign policy blunders");
  await page.evaluate((y) => window.scrollBy(0, y - 140), (await second.boundingBox())!.y);
  const from = await centre(third);
  const to = await centre(second);
  expect(from.y, "both handles are on the screen").toBeLessThan(1500);
  const cdp = await context.newCDPSession(page);
  await touchDrag(page, cdp, from, to);

  await poll(() => names(page)).toEqual(["de-Stalinisation", "Foreign policy blunders", "Economic failures"]);
  expect(await focusedLabel(page)).toBe("Move Foreign policy blunders");
  await poll(() => page.getByTestId("plan-status").getAttribute("data-status")).toBe("saved");
  await page.reload();
  await poll(() => names(page)).toEqual(["de-Stalinisation", "Foreign policy blunders", "Economic failures"]);

  // A tap on a handle is not a drag.
  await handle(page, "de-Stalinisation").tap();
  await page.waitForTimeout(300);
  expect(await names(page)).toEqual(["de-Stalinisation", "Foreign policy blunders", "Economic failures"]);

  expectNoConsoleErrors(errors);
  await context.close();
});

it("factors move by keyboard (Space, ArrowDown, Space), by mouse drag and by the Move buttons, and focus stays on the moved card", async () => {
  // A tall window, so a mouse drag between neighbouring cards stays on screen.
  const { page, errors, context } = await studentAt("Kit Keys", { viewport: { width: 1280, height: 1400 } });
  await addFactors(page, ["Economic failures", "Foreign policy blunders"]);

  // Keyboard: pick up the first card, move it down one place, put it down.
  const first = handle(page, "de-Stalinisation");
  expect(await first.getAttribute("aria-roledescription")).toBe("sortable");
  await first.focus();
  await page.keyboard.press("Space");
  await page.waitForTimeout(150);
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(300);
  await poll(() => page.locator("[role=status][aria-live]").filter({ hasText: /de-Stalinisation is over position 2 of 3/ }).count()).toBe(1);
  await page.keyboard.press("Space");
  await poll(() => names(page)).toEqual(["Economic failures", "de-Stalinisation", "Foreign policy blunders"]);
  await poll(() => focusedLabel(page)).toBe("Move de-Stalinisation");

  // Mouse: drag the last card by its handle onto the one before it (both on screen).
  await page.evaluate((y) => window.scrollBy(0, y - 100), (await handle(page, "de-Stalinisation").boundingBox())!.y);
  const from = await centre(handle(page, "Foreign policy blunders"));
  const to = await centre(handle(page, "de-Stalinisation"));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y - 10, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.up();
  await poll(() => names(page)).toEqual(["Economic failures", "Foreign policy blunders", "de-Stalinisation"]);
  await poll(() => focusedLabel(page)).toBe("Move Foreign policy blunders");
  // dnd-kit swallows every click for 50 ms after a pointer drag ends (so the drop does not click
  // what is under the pointer), and Enter on a button is a click: a person's hand takes longer.
  await page.waitForTimeout(150);

  // The Move buttons: focus stays on the button pressed while it can still be used, then the other one.
  await page.getByRole("button", { name: "Move Economic failures down" }).focus();
  await page.keyboard.press("Enter");
  await poll(() => names(page)).toEqual(["Foreign policy blunders", "Economic failures", "de-Stalinisation"]);
  expect(await focusedLabel(page)).toBe("Move Economic failures down");
  await page.keyboard.press("Enter");
  await poll(() => names(page)).toEqual(["Foreign policy blunders", "de-Stalinisation", "Economic failures"]);
  expect(await focusedLabel(page)).toBe("Move Economic failures up");
  expect(await page.getByTestId("factor-moved").textContent()).toBe("Economic failures moved to position 3 of 3.");

  await poll(() => page.getByTestId("plan-status").getAttribute("data-status")).toBe("saved");
  await page.reload();
  await poll(() => names(page)).toEqual(["Foreign policy blunders", "de-Stalinisation", "Economic failures"]);

  expectNoConsoleErrors(errors);
  await context.close();
});
