import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { acceptDialogs, buildWorld, newStudent, QUESTIONS, RUBRICS, signIn, submitEssay, writeAndSubmit, type Account } from "./world";

const browser = sharedBrowser();

const ESSAY = (name: string) =>
  [
    `${name} argues that Khrushchev's reforms changed the USSR only in part.`,
    "De-Stalinisation released prisoners from the Gulag and loosened censorship, so daily life became less fearful for millions.",
    "The one-party state and the planned economy stayed in place, and the Virgin Lands Scheme faltered after 1958.",
    "In conclusion, the reforms transformed the USSR to a limited extent: the system Stalin built survived Khrushchev.",
  ].join("\n\n");

const STUDENTS = ["Ada Queue", "Ben Queue", "Cy Queue"] as const;

/** Where an element is on screen, and how wide the page is against the window. */
const rectOf = (page: Page, testId: string) => page.getByTestId(testId).first().evaluate((el) => JSON.parse(JSON.stringify(el.getBoundingClientRect())) as DOMRect);
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** The innermost elements sticking out to the right, to name the culprit when overflow() fails. */
const offenders = (page: Page) =>
  page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 0.5;
    const out = [...document.querySelectorAll<HTMLElement>("body *")].filter((el) => el.getBoundingClientRect().right > edge);
    return out.filter((el) => !out.some((o) => o !== el && el.contains(o))).map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 80)} ${Math.round(el.getBoundingClientRect().right)}`).slice(0, 8);
  });

/** At this width: no sideways scrolling, the desk inside the page's 1rem margins, and the essay still on screen once the rubric is scrolled to its end. */
async function checkDeskAt(page: Page, width: number) {
  await page.setViewportSize({ width, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await overflow(page), `horizontal overflow at ${width}px: ${(await offenders(page)).join("; ")}`).toBe(0);
  const desk = await page.locator('[data-testid="desk-essay"]').evaluate((el) => JSON.parse(JSON.stringify(el.parentElement!.getBoundingClientRect())) as DOMRect);
  const client = await page.evaluate(() => document.documentElement.clientWidth);
  expect(desk.left, `desk's left edge at ${width}px`).toBeGreaterThanOrEqual(16);
  expect(desk.right, `desk's right edge at ${width}px`).toBeLessThanOrEqual(client - 16);
  // Scroll the page until the end of the rubric (the return button) is at the bottom of the window.
  await page.getByRole("button", { name: /^Return to / }).evaluate((el) => el.scrollIntoView({ block: "end" }));
  expect(await page.evaluate(() => window.scrollY), `the page scrolled at ${width}px`).toBeGreaterThan(200);
  const essay = await rectOf(page, "essay-text");
  expect(essay.top, `the essay is on screen at ${width}px`).toBeLessThan(800);
  expect(essay.bottom, `the essay is on screen at ${width}px`).toBeGreaterThan(0);
}

/** Gives the one criterion a level (the mark defaults to mid-band), writes the summary and returns the marking. */
async function markAndReturn(page: Page, student: string, { redraft = false } = {}) {
  await page.getByRole("heading", { name: new RegExp(`${student}’s essay`) }).waitFor();
  await page.getByRole("radio", { name: /Level 3 · / }).check();
  await page.getByLabel("What went well").fill(`A clear line of argument, ${student}.`);
  if (redraft) await page.getByRole("checkbox", { name: /Ask for a redraft/ }).check();
  await page.getByRole("button", { name: new RegExp(`Return to ${student}`) }).click();
  await page.getByRole("button", { name: "Return now" }).click();
  await poll(() => page.getByTestId("marking-status").textContent()).toContain(`Returned to ${student}`);
}

it("a teacher marks three essays in a row from the queue; the desk fits 1280 and 1366 px, keeps the essay in view and folds the rubric; a redraft shows the last marks and the response", async () => {
  const world = await buildWorld(browser(), { className: "12Q History", question: QUESTIONS.reforms, rubric: RUBRICS.holistic25, teacherName: "Ms Queue Marker" });
  const accounts: Record<string, Account> = {};
  for (const name of STUDENTS) {
    const s = await newStudent(browser(), world, name);
    await writeAndSubmit(s.page, /transform the USSR/, ESSAY(name));
    expectNoConsoleErrors(s.errors);
    accounts[name] = s.account;
    await s.context.close();
  }

  const teacher = await newSession(browser(), { viewport: { width: 1280, height: 800 } });
  const t = teacher.page;
  acceptDialogs(t);
  await signIn(t, world.teacher);
  const queue = t.getByTestId("marking-queue");
  await poll(() => queue.getByTestId("queue-item").allTextContents()).toEqual([expect.stringContaining("Ada Queue"), expect.stringContaining("Ben Queue"), expect.stringContaining("Cy Queue")]);
  expect(await queue.getByTestId("queue-item").first().textContent()).toMatch(/12Q History.*transform the USSR.*Not started/);
  await queue.getByTestId("mark-next").click();
  await t.waitForURL(/\/students\/[^/]+\/mark$/);

  // The desk: inside the margins, the essay in view at the end of the rubric, at both laptop widths and on a phone.
  await t.getByRole("heading", { name: /Ada Queue’s essay/ }).waitFor();
  await checkDeskAt(t, 1280);
  await checkDeskAt(t, 1366);
  await t.setViewportSize({ width: 390, height: 844 });
  expect(await overflow(t), `horizontal overflow at 390px: ${(await offenders(t)).join("; ")}`).toBe(0);
  await t.setViewportSize({ width: 1280, height: 800 });

  // Choosing a level folds the criterion to it; it opens again on request.
  const overall = t.getByTestId("criterion-overall");
  expect(await overall.getByRole("radio").count()).toBe(6);
  await overall.getByRole("radio", { name: /Level 3 · / }).check();
  await poll(() => overall.getByRole("radio").count()).toBe(1);
  expect(await overall.getByRole("radio").isChecked()).toBe(true);
  await overall.getByRole("button", { name: /Show all levels/ }).click();
  expect(await overall.getByRole("radio").count()).toBe(6);
  expect(await overall.getByRole("button", { name: /Show only the chosen level/ }).getAttribute("aria-expanded")).toBe("true");

  // Three in a row: return each and follow Mark next.
  await markAndReturn(t, "Ada Queue", { redraft: true });
  await t.getByTestId("desk-mark-next").click();
  await markAndReturn(t, "Ben Queue");
  await t.getByTestId("desk-mark-next").click();
  await markAndReturn(t, "Cy Queue");
  await t.getByTestId("desk-mark-next").click();
  await t.waitForURL(/\/dashboard\?marked=all/);
  expect(await queue.textContent()).toContain("Nothing else is waiting to be marked.");
  expect(await queue.getByTestId("queue-item").count()).toBe(0);
  expectNoConsoleErrors(teacher.errors);

  // Ada answers the feedback and hands in a redraft; it comes back to the queue as version 2.
  const ada = await newSession(browser());
  const a = ada.page;
  acceptDialogs(a);
  await signIn(a, accounts["Ada Queue"]!);
  await a.getByTestId("student-assignments").getByRole("link", { name: /transform the USSR/ }).click();
  await a.waitForURL(/\/assignments\/[^/]+$/);
  await a.getByTestId("feedback-response").fill("I will explain why the planned economy survived.");
  await a.getByRole("button", { name: "Send response" }).click();
  await poll(() => a.getByText(/^Sent /).count()).toBe(1);
  await a.getByRole("button", { name: "Start redrafting" }).click();
  await a.waitForURL(/view=work/);
  const draft = a.locator(`[data-testid="draft-text"][data-ready]`);
  await draft.fill(`${await draft.inputValue()}\n\nThe planned economy survived because the party needed it.`);
  await poll(() => a.getByTestId("draft-status").getAttribute("data-status")).toBe("saved");
  await submitEssay(a);
  await poll(() => a.getByTestId("submitted-banner").count()).toBe(1);
  expectNoConsoleErrors(ada.errors);
  await ada.context.close();

  await t.goto("/dashboard");
  await poll(() => queue.getByTestId("queue-item").allTextContents()).toEqual([expect.stringMatching(/Ada Queue[\s\S]*Redraft \(version 2\)/)]);
  await queue.getByTestId("mark-next").click();
  await t.getByRole("heading", { name: /Ada Queue’s essay/ }).waitFor();
  expect(await t.getByRole("heading", { name: /Ada Queue’s essay/ }).textContent()).toContain("Version 2");
  expect(await t.getByTestId("previous-overall").textContent()).toBe("Version 1: Level 3 (13 marks)");
  const previous = await t.getByTestId("previous-feedback").textContent();
  expect(previous).toContain("13 / 25");
  expect(previous).toContain("A clear line of argument, Ada Queue.");
  expect(await t.getByTestId("previous-response").textContent()).toContain("I will explain why the planned economy survived.");
  expectNoConsoleErrors(teacher.errors);
  await teacher.context.close();
});
