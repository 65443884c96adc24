import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectNoConsoleErrors, newSession, poll, sharedBrowser } from "./browser";
import { acceptDialogs, buildWorld, newStudent, openAssignment, QUESTIONS, RUBRICS, selectQuote, signIn, submitEssay, type World } from "./world";

const browser = sharedBrowser();

// Issue 15 item 5 (decision 043): after every action, keyboard focus lands somewhere that
// makes sense, never on the page's body, where a keyboard or screen-reader user would have
// to start again from the top. Moving a factor is tested with the drag-and-drop planner.

const ESSAY = [
  "De-Stalinisation was an important factor in Khrushchev's fall, but it was not the most significant.",
  "The Secret Speech of February 1956 shocked the party and unsettled the satellite states.",
  "The failures of the Virgin Lands scheme mattered more, because they hurt his standing with the Presidium.",
].join("\n\n");

/** What has focus: enough to say which element it is, and never a stale handle. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    const name = el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? "";
    return `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""} ${name.replace(/\s+/g, " ").trim().slice(0, 120)}`;
  });

let world: World;
beforeAll(async () => {
  world = await buildWorld(browser(), { className: "12F Focus", question: QUESTIONS.deStalinisation, rubric: RUBRICS.holistic25, teacherName: "Ms Fay Focus" });
});

it("planner: adding and removing evidence, removing a factor and handing in keep focus where the student was", async () => {
  const student = await newStudent(browser(), world, "Finn Focus");
  const { page } = student;
  acceptDialogs(page); // "Remove this factor?"
  await openAssignment(page, /de-Stalinisation/);
  const card = (i: number) => page.getByTestId("factor-card").nth(i);

  // Evidence from the notes: the button pressed keeps focus and now says it was added.
  await card(0).getByRole("button", { name: "Add evidence from the notes" }).click();
  await card(0).getByRole("searchbox").fill("Secret Speech");
  await card(0).getByRole("button", { name: /^Add evidence:/ }).first().click();
  await poll(() => focused(page)).toMatch(/^button Added/);
  await card(0).getByRole("searchbox").fill("Virgin Lands");
  await card(0).getByRole("button", { name: /^Add evidence:/ }).first().click();
  await poll(() => card(0).getByTestId("evidence-item").count()).toBe(2);
  await card(0).getByRole("button", { name: "Close evidence bank" }).click();

  // Removing the first piece: focus moves to the next piece's remove button, then, with none left, to "Add evidence".
  await card(0).getByTestId("evidence-item").first().getByRole("button").click();
  await poll(() => card(0).getByTestId("evidence-item").count()).toBe(1);
  await poll(() => focused(page)).toMatch(/^button Remove evidence: /);
  await page.keyboard.press("Enter");
  await poll(() => card(0).getByTestId("evidence-item").count()).toBe(0);
  await poll(() => focused(page)).toBe("button Add evidence from the notes");

  // Removing a factor (after the browser's confirm): focus moves to the card now in its place.
  for (const name of ["Economic failures", "Foreign policy"]) {
    await page.getByLabel("New factor name").fill(name);
    await page.getByRole("button", { name: "Add factor" }).click();
  }
  await poll(() => page.getByTestId("factor-card").count()).toBe(3);
  await card(1).getByRole("button", { name: "Remove" }).click();
  await poll(() => page.getByTestId("factor-card").count()).toBe(2);
  await poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe("Foreign policy");
  // The last card: focus moves to the one before.
  await card(1).getByRole("button", { name: "Remove" }).click();
  await poll(() => page.getByTestId("factor-card").count()).toBe(1);
  await poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe("de-Stalinisation");

  // Handing in: the dialog closes, the Submit button goes, and focus is on the banner that says it is done.
  await page.locator(`[data-testid="draft-text"][data-ready]`).fill(ESSAY);
  await page.locator('[data-testid="draft-status"][data-status="saved"]').waitFor();
  await submitEssay(page);
  await page.getByTestId("submitted-banner").waitFor();
  await poll(() => focused(page)).toMatch(/^p\[submitted-banner\] Submitted/);
  expectNoConsoleErrors(student.errors);
  await student.context.close();
});

it("planner: a student typing in a factor card when the drag layer arrives keeps the field, the caret and the text", async () => {
  const student = await newStudent(browser(), world, "Fern Earlybird");
  const { page } = student;
  // Hold back the drag layer's chunk (the one with dnd-kit's live region) until the student is typing.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("DndDescribedBy")) await held;
    await route.fulfill({ response, body });
  });
  await openAssignment(page, /de-Stalinisation/);
  await page.locator('[data-testid="draft-text"][data-ready]').waitFor();
  const card = page.getByTestId("factor-card").first();
  const mini = card.getByLabel("Mini-judgement (one line)");

  // One plain list, no drag handle to press yet; the student starts typing.
  expect(await page.getByTestId("factor-card").count()).toBe(1);
  expect(await card.getByTestId("factor-handle").count()).toBe(0);
  await mini.click();
  await page.keyboard.type("So it mattered");
  for (let i = 0; i < " mattered".length; i++) await page.keyboard.press("ArrowLeft");

  release();
  await card.getByTestId("factor-handle").waitFor();
  expect(await page.getByTestId("factor-card").count()).toBe(1);
  // Still in the same field, with the caret where it was: typing carries on mid-sentence.
  expect(await mini.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type(" really");
  expect(await mini.inputValue()).toBe("So it really mattered");

  expectNoConsoleErrors(student.errors);
  await student.context.close();
});

it("marking desk: adding, editing and deleting annotations and returning the marking keep focus on the desk", async () => {
  const student = await newStudent(browser(), world, "Fern Focus");
  acceptDialogs(student.page);
  await openAssignment(student.page, /de-Stalinisation/);
  await student.page.locator(`[data-testid="draft-text"][data-ready]`).fill(ESSAY);
  await student.page.locator('[data-testid="draft-status"][data-status="saved"]').waitFor();
  await submitEssay(student.page);
  await student.page.getByTestId("submitted-banner").waitFor();
  await student.context.close();

  const { page, errors, context } = await newSession(browser());
  await signIn(page, world.teacher);
  await page.goto(world.assignmentUrl);
  await page.getByRole("link", { name: "Mark for Fern Focus" }).click();
  await page.waitForURL(/\/mark$/);

  // Adding: the form goes, and focus is on the new note.
  for (const [quote, comment] of [
    ["The Secret Speech of February 1956", "Precise date: now say why it mattered."],
    ["The failures of the Virgin Lands scheme", "Good: you weigh one factor against another."],
  ]) {
    await selectQuote(page, quote!);
    await page.getByTestId("annotate-selection").click();
    const form = page.getByTestId("annotation-form");
    await form.getByLabel("Comment", { exact: true }).fill(comment!);
    await form.getByRole("button", { name: "Add annotation" }).click();
    await form.waitFor({ state: "detached" });
    await poll(() => focused(page)).toMatch(new RegExp(`^li\\[annotation-note\\] .*${comment!.slice(0, 20)}`));
  }

  // Editing: into the comment, and back to the note once saved.
  const first = page.getByTestId("annotation-note").first();
  await first.getByRole("button", { name: /^Edit/ }).click();
  await poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
  await page.keyboard.press("End");
  await page.keyboard.type(" And how.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await poll(() => focused(page)).toMatch(/^li\[annotation-note\] .*And how\./);

  // Deleting: the question takes focus; Keep gives it back to Delete; deleting moves it to the next note.
  await page.getByTestId("annotation-note").first().getByRole("button", { name: /^Delete/ }).click();
  await poll(() => focused(page)).toBe("button Delete");
  await page.getByRole("button", { name: "Keep" }).click();
  await poll(() => focused(page)).toMatch(/^button Delete annotation: Precise date/);
  await page.getByTestId("annotation-note").first().getByRole("button", { name: /^Delete/ }).click();
  await page.getByTestId("annotation-note").first().getByRole("button", { name: "Delete", exact: true }).click();
  await poll(() => page.getByTestId("annotation-note").count()).toBe(1);
  await poll(() => focused(page)).toMatch(/^li\[annotation-note\] .*weigh one factor/);

  // Returning: the confirmation takes focus, Cancel gives it back, and once returned the status line has it.
  await page.getByRole("radio", { name: /Level 4 · 16–20/ }).check();
  await page.getByLabel(/Mark for Overall quality/).fill("17");
  await page.getByLabel("What went well").fill("You weigh the factors against each other.");
  await page.getByRole("button", { name: /Return to Fern Focus/ }).click();
  await poll(() => focused(page)).toMatch(/^div Return this marking\?/);
  await page.getByRole("button", { name: "Cancel" }).click();
  await poll(() => focused(page)).toMatch(/^button Return to Fern Focus/);
  await page.keyboard.press("Enter");
  await poll(() => focused(page)).toMatch(/^div Return this marking\?/);
  await page.getByRole("button", { name: "Return now" }).click();
  await poll(() => page.getByTestId("marking-status").textContent()).toContain("Returned to Fern Focus");
  await poll(() => focused(page)).toMatch(/^p\[marking-status\] Returned to Fern Focus/);
  expectNoConsoleErrors(errors);
  await context.close();
});

it("class page: removing a student moves focus to the students heading, not the page", async () => {
  const student = await newStudent(browser(), world, "Gus Gone");
  await student.context.close();
  const { page, errors, context } = await newSession(browser());
  acceptDialogs(page); // "Remove Gus Gone from this class?"
  await signIn(page, world.teacher);
  await page.goto(world.classroom.url);
  await page.getByRole("button", { name: "Remove Gus Gone" }).click();
  await poll(() => page.getByRole("button", { name: "Remove Gus Gone" }).count()).toBe(0);
  await poll(() => focused(page)).toMatch(/^h2 Students \(\d+\)/);
  expectNoConsoleErrors(errors);
  await context.close();
});
