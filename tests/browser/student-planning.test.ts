import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, sharedBrowser } from "./browser";
import { buildWorld, joinClass, openAssignment, QUESTIONS, RUBRICS, signIn, signUpAs, type Account, type World, submitEssay } from "./world";

const browser = sharedBrowser();

// The demo's assignment, set again by a teacher of this file's own; each test signs up its own student.
let world: World;
beforeAll(async () => {
  world = await buildWorld(browser(), { className: "12P Planning", question: QUESTIONS.deStalinisation, rubric: RUBRICS.holistic25, wordLimit: 1500, teacherName: "Ms Plan Setter" });
});

/** A new student in the class, on the how-far assignment's workspace. */
async function studentOnAssignment(page: Page, name: string): Promise<Account> {
  const account = await signUpAs(page, "STUDENT", name);
  await joinClass(page, world.classroom.joinCode, world.classroom.name);
  await openAssignment(page, /de-Stalinisation/);
  return account;
}

const codes = (page: Page) => page.getByTestId("plan-problem").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
const card = (page: Page, i: number) => page.getByTestId("factor-card").nth(i);

async function addBankEvidence(page: Page, i: number, search: string) {
  await card(page, i).getByRole("button", { name: "Add evidence from the notes" }).click();
  await card(page, i).getByRole("searchbox").fill(search);
  await card(page, i).getByRole("button", { name: /^Add evidence:/ }).first().click();
  await card(page, i).getByRole("button", { name: "Close evidence bank" }).click();
}

it("a student plans with the factor-weighing planner, inserts the outline, survives a reload and submits", async () => {
  const { page, errors, context } = await newSession(browser());
  page.on("dialog", (d) => void d.accept());
  await studentOnAssignment(page, "Amira Planner");

  // The stated factor is already in the plan; the checker says what is missing.
  expect(await card(page, 0).getByLabel("Factor").inputValue()).toBe("de-Stalinisation");
  await expect.poll(() => codes(page)).toEqual(expect.arrayContaining(["too-few-factors", "no-judgement"]));

  await card(page, 0).getByRole("radio", { name: "3" }).check();
  await addBankEvidence(page, 0, "Secret Speech");
  await card(page, 0).getByLabel("Mini-judgement (one line)").fill("De-Stalinisation angered hardliners but did not remove him on its own.");

  for (const [name, weight, search] of [["Economic failures", "5", "stagnation"], ["Foreign policy blunders", "4", "Cuban Missile Crisis"]] as const) {
    await page.getByLabel("New factor name").fill(name);
    await page.getByRole("button", { name: "Add factor" }).click();
    const i = (await page.getByTestId("factor-card").count()) - 1;
    await card(page, i).getByRole("radio", { name: weight }).check();
    await addBankEvidence(page, i, search);
    await card(page, i).getByLabel("Mini-judgement (one line)").fill(`${name} weakened his standing with the Presidium.`);
  }
  expect(await card(page, 1).getByTestId("evidence-item").first().textContent()).toContain("From your notes:");

  // Reorder: sort by weight, then move a card with the keyboard.
  const names = () => page.getByTestId("factor-card").evaluateAll((els) => els.map((e) => (e.querySelector("input") as HTMLInputElement).value));
  await page.getByRole("button", { name: "Sort by weight" }).click();
  expect(await names()).toEqual(["Economic failures", "Foreign policy blunders", "de-Stalinisation"]);
  await page.getByRole("button", { name: "Move de-Stalinisation up" }).focus();
  await page.keyboard.press("Enter");
  expect(await names()).toEqual(["Economic failures", "de-Stalinisation", "Foreign policy blunders"]);
  await expect.poll(() => codes(page)).not.toContain("too-few-factors");

  // A judgement that contradicts the weights is flagged, then fixed.
  await page.getByLabel(/How far was de-Stalinisation the most significant/).fill("80");
  await page.getByLabel("Line of argument").fill("De-Stalinisation mattered, but economic failures were the most significant factor in his fall.");
  await expect.poll(() => codes(page)).toContain("judgement-contradicts-weights");
  await page.getByLabel(/How far was de-Stalinisation the most significant/).fill("30");
  await expect.poll(() => codes(page)).not.toContain("judgement-contradicts-weights");
  await page.getByRole("checkbox", { name: /Scale/ }).check();
  await expect.poll(() => codes(page)).toEqual([]);
  await expect.poll(() => page.getByTestId("plan-status").getAttribute("data-status"), { timeout: 10_000 }).toBe("saved");

  // The outline goes into the draft, paragraphs in weight order.
  await page.getByRole("button", { name: "Insert outline into my essay" }).click();
  const draft = page.locator(`[data-testid="draft-text"][data-ready]`);
  const outline = await draft.inputValue();
  expect(outline).toContain("Introduction");
  expect(outline.indexOf("Economic failures")).toBeLessThan(outline.indexOf("Foreign policy blunders"));
  await expect.poll(() => page.getByTestId("draft-status").getAttribute("data-status"), { timeout: 10_000 }).toBe("saved");

  // Typing then reloading at once, before the autosave fires, loses nothing.
  await draft.press("End");
  await draft.pressSequentially(" Khrushchev was removed in October 1964.", { delay: 5 });
  await page.reload();
  await expect.poll(() => page.getByTestId("draft-text").inputValue()).toContain("Khrushchev was removed in October 1964.");
  expect(await page.getByTestId("restored-local").count()).toBe(1);
  await expect.poll(() => page.getByTestId("draft-status").getAttribute("data-status"), { timeout: 10_000 }).toBe("saved");
  expect(await page.getByTestId("word-count").textContent()).toMatch(/of 1,500 words/);

  // The plan survived the reload too.
  expect(await page.getByTestId("factor-card").count()).toBe(3);

  await submitEssay(page);
  await expect.poll(() => page.getByTestId("submitted-banner").textContent()).toMatch(/Submitted/);
  expect(await page.getByTestId("draft-text").getAttribute("readonly")).not.toBeNull();
  await page.goto("/dashboard");
  expect(await page.getByTestId("student-assignments").textContent()).toContain("Submitted");

  expectNoConsoleErrors(errors);
  await context.close();
});

it("a second tab with a stale draft gets the conflict message and nothing is overwritten", async () => {
  const { page, errors, context } = await newSession(browser());
  const ben = await studentOnAssignment(page, "Ben Twotabs");
  const url = page.url();
  await page.locator(`[data-testid="draft-text"][data-ready]`).fill("First version from tab one.");
  await expect.poll(() => page.getByTestId("draft-status").getAttribute("data-status"), { timeout: 10_000 }).toBe("saved");

  const stale = await context.newPage();
  await stale.goto(url);
  await expect.poll(() => stale.getByTestId("draft-text").inputValue()).toBe("First version from tab one.");

  // Wait for the server to confirm this very save: the status already reads "saved" from the
  // first one, so polling it alone can pass before the new save is even sent, and under load
  // the stale tab's save could then land first and win.
  const newerSaved = page.waitForResponse((r) => r.url().endsWith("/draft") && r.request().method() === "PUT" && r.ok() && !!r.request().postData()?.includes("Newer version from tab one."));
  await page.locator(`[data-testid="draft-text"][data-ready]`).fill("Newer version from tab one.");
  await newerSaved;
  await expect.poll(() => page.getByTestId("draft-status").getAttribute("data-status"), { timeout: 10_000 }).toBe("saved");

  // The stale tab in front, so Chromium does not throttle its timers as a background tab's.
  await stale.bringToFront();
  await stale.locator(`[data-testid="draft-text"][data-ready]`).fill("Stale tab's edit.");
  // On failure, say what the stale tab's autosave was doing instead of showing the conflict.
  await expect
    .poll(async () => ((await stale.getByTestId("draft-conflict").count()) === 1 ? "conflict" : `no conflict (status ${await stale.getByTestId("draft-status").getAttribute("data-status")})`), { timeout: 20_000 })
    .toBe("conflict");
  expect(await stale.getByTestId("draft-conflict").textContent()).toContain("changed in another tab");
  expect(await stale.getByTestId("draft-conflict").getByRole("textbox").inputValue()).toBe("Newer version from tab one.");

  // The newer text is what the server kept (checked from another browser, whose storage holds nothing).
  const other = await newSession(browser());
  await signIn(other.page, ben);
  await other.page.goto(url);
  await expect.poll(() => other.page.getByTestId("draft-text").inputValue()).toBe("Newer version from tab one.");
  await other.context.close();

  // The stale tab takes the newer version; nothing was lost on either side.
  await stale.getByRole("button", { name: "Use the newer version" }).click();
  expect(await stale.getByTestId("draft-text").inputValue()).toBe("Newer version from tab one.");

  expectNoConsoleErrors(errors.filter((e) => !e.includes("409")));
  await context.close();
});
