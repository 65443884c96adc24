import type { Browser, Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { buildWorld, joinClass, openAssignment, QUESTIONS, RUBRICS, signIn, signUpAs, type World, submitEssay } from "./world";

const browser = sharedBrowser();

// One class and assignment for this file, set by a teacher of its own; every test signs up
// its own student, so no test depends on another's draft.
let world: World;
beforeAll(async () => {
  world = await buildWorld(browser(), { className: "12Z Autosave", question: QUESTIONS.reforms, rubric: RUBRICS.strands20, teacherName: "Mr Autosave" });
});

/** A new student in the class, on the assignment's workspace; returns the credentials for a second browser. */
async function studentOnAssignment(page: Page, name: string) {
  const creds = await signUpAs(page, "STUDENT", name);
  await joinClass(page, world.classroom.joinCode, world.classroom.name);
  await openAssignment(page, /transform the USSR/);
  return { ...creds, url: page.url() };
}

type Who = { name: string; email: string; password: string; url: string };

/** The same student's workspace in a new browser context: empty storage, so localStorage cannot rescue anything. */
async function freshWorkspace(b: Browser, who: Who) {
  const fresh = await newSession(b);
  await signIn(fresh.page, who);
  await fresh.page.goto(who.url);
  return fresh;
}

/** The draft text the server holds. */
async function serverText(b: Browser, who: Who) {
  const fresh = await freshWorkspace(b, who);
  expectNoConsoleErrors(fresh.errors);
  const text = await fresh.page.getByTestId("draft-text").inputValue();
  const restored = await fresh.page.getByTestId("restored-local").count();
  await fresh.context.close();
  expect(restored).toBe(0);
  return text;
}

const draftStatus = (page: Page) => page.getByTestId("draft-status").getAttribute("data-status");
// A refused save is an expected state here; Chromium logs every 4xx response as a console error.
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 4\d\d/.test(e));

it("submitting while a save is still travelling hands in exactly the text on screen, with no false conflict", async () => {
  const { page, errors, context } = await newSession(browser());
  page.on("dialog", (d) => void d.accept());
  const who = await studentOnAssignment(page, "Sam Slowlink");
  const draft = page.locator(`[data-testid="draft-text"][data-ready]`);

  await draft.fill("Khrushchev's reforms changed the USSR in part.");
  await poll(() => draftStatus(page)).toBe("saved");

  // From now on every autosave takes 2.5 s to leave the browser: a slow connection.
  await page.route("**/api/assignments/*/draft", async (route) => {
    if (route.request().method() === "PUT") await new Promise((r) => setTimeout(r, 2500));
    await route.continue();
  });
  await draft.press("End");
  await draft.pressSequentially(" Agriculture improved at first.", { delay: 5 });
  await poll(() => draftStatus(page)).toBe("saving");
  // More text while that save is in flight, then Submit straight away.
  await draft.pressSequentially(" But the Virgin Lands failed by 1963.", { delay: 5 });
  const onScreen = await draft.inputValue();
  await submitEssay(page);

  await poll(() => page.getByTestId("submitted-banner").count()).toBe(1);
  expect(await page.getByTestId("draft-message").count()).toBe(0);
  expect(await draft.inputValue()).toBe(onScreen);
  expect(await serverText(browser(), who)).toBe(onScreen);
  expect(onScreen).toBe("Khrushchev's reforms changed the USSR in part. Agriculture improved at first. But the Virgin Lands failed by 1963.");

  expectNoConsoleErrors(unexpected(errors));
  await context.close();
});

it("a save the server refuses is shown, and the next edit saves again", async () => {
  const { page, errors, context } = await newSession(browser());
  const who = await studentOnAssignment(page, "Rita Refused");
  const draft = page.locator(`[data-testid="draft-text"][data-ready]`);

  // The first save is refused as invalid (as a proxy or an older server might); later ones pass.
  let refused = false;
  await page.route("**/api/assignments/*/draft", async (route) => {
    if (route.request().method() === "PUT" && !refused) {
      refused = true;
      return route.fulfill({ status: 400, contentType: "application/json", body: JSON.stringify({ error: "That text could not be saved as it is." }) });
    }
    await route.continue();
  });
  await draft.fill("The Secret Speech of 1956");
  await poll(() => draftStatus(page)).toBe("invalid");
  expect(await page.getByTestId("draft-status").textContent()).toContain("That text could not be saved as it is.");

  await draft.press("End");
  await draft.pressSequentially(" shocked the Party.", { delay: 5 });
  await poll(() => draftStatus(page)).toBe("saved");
  expect(await serverText(browser(), who)).toBe("The Secret Speech of 1956 shocked the Party.");

  expectNoConsoleErrors(unexpected(errors));
  await context.close();
});

it("text over the draft's size limit shows the cap and is refused with the reason; cutting it saves again", async () => {
  const { page, errors, context } = await newSession(browser());
  const who = await studentOnAssignment(page, "Otto Overlong");
  const draft = page.locator(`[data-testid="draft-text"][data-ready]`);

  await draft.fill("word ".repeat(20_001)); // 100,005 characters: 5 over the cap
  await poll(() => draftStatus(page)).toBe("invalid");
  expect(await page.getByTestId("draft-status").textContent()).toContain("at most 100,000 characters");
  expect(await page.getByTestId("char-count").textContent()).toMatch(/100,005 of 100,000 characters/);

  await draft.fill("A shorter essay about the Secret Speech.");
  await poll(() => draftStatus(page)).toBe("saved");
  expect(await serverText(browser(), who)).toBe("A shorter essay about the Secret Speech.");

  expectNoConsoleErrors(unexpected(errors));
  await context.close();
});

it("the planner stops at the plan's limits instead of building a plan the server refuses", async () => {
  const { page, errors, context } = await newSession(browser());
  const who = await studentOnAssignment(page, "Lena Limits");
  const addFactor = page.getByRole("button", { name: "Add factor" });
  expect(await page.getByLabel("New factor name").getAttribute("maxlength")).toBe("400");

  for (let i = 1; await addFactor.isEnabled(); i++) {
    await page.getByLabel("New factor name").fill(`Factor ${i}`);
    await addFactor.click();
  }
  expect(await page.getByTestId("factor-card").count()).toBe(12);
  expect(await page.getByTestId("factors-full").textContent()).toContain("12 factors, the most a plan can hold");
  await poll(() => page.getByTestId("plan-status").getAttribute("data-status")).toBe("saved");

  // The server holds all twelve (read from a browser with empty storage).
  const fresh = await freshWorkspace(browser(), who);
  expect(await fresh.page.getByTestId("factor-card").count()).toBe(12);
  expectNoConsoleErrors(fresh.errors);
  await fresh.context.close();

  expectNoConsoleErrors(errors);
  await context.close();
});
